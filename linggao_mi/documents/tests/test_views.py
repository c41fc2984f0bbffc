"""The document pages: permission matrix, actions through the forms, PDF download, approvals inbox."""

import io
import re
from urllib.parse import quote

import pypdf
import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from linggao_mi.documents import services
from linggao_mi.documents.choices import DocumentState
from linggao_mi.documents.content import document_content
from linggao_mi.documents.models import OfficialDocument


def _client(client, user):
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("url_name", ["detail", "pdf", "edit", "receipt"])
def test_permission_matrix(client, make_document, users, outsider, url_name):
    document = make_document("issued" if url_name == "receipt" else "draft")
    url = reverse(f"documents:{url_name}", args=[document.pk])

    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))

    client.force_login(outsider)
    assert client.get(url).status_code == 404
    assert client.get(reverse(f"documents:{url_name}", args=[document.pk + 1000])).status_code == 404

    client.force_login(users["inspector1"])
    assert client.get(url).status_code == 200


def test_section_member_without_change_sees_but_cannot_edit(client, make_document, users):
    document = make_document("draft")
    client.force_login(users["staff"])
    response = client.get(reverse("documents:detail", args=[document.pk]))
    assert response.status_code == 200
    assert "报送审批</button>" not in response.content.decode()
    assert client.get(reverse("documents:edit", args=[document.pk])).status_code == 403
    assert client.post(reverse("documents:submit", args=[document.pk])).status_code == 403
    document.refresh_from_db()
    assert document.state == DocumentState.DRAFT


def test_actions_are_post_only_and_scoped(client, make_document, users, outsider):
    document = make_document("submitted")
    client.force_login(users["chief"])
    assert client.get(reverse("documents:approve", args=[document.pk])).status_code == 405
    client.force_login(outsider)
    assert client.post(reverse("documents:approve", args=[document.pk])).status_code == 404
    document.refresh_from_db()
    assert document.state == DocumentState.SUBMITTED


def test_workflow_through_the_pages(client, make_document, users):
    document = make_document("draft")
    detail = reverse("documents:detail", args=[document.pk])

    client.force_login(users["inspector1"])
    page = client.get(detail).content.decode()
    assert "报送审批</button>" in page and "批准</button>" not in page
    # The body is previewed from the same template as the PDF, escaped into a sandboxed iframe.
    assert 'sandbox srcdoc="&lt;!doctype html&gt;' in page and "经查，你单位存在问题。" in page
    response = client.post(
        reverse("documents:edit", args=[document.pk]),
        {
            "title": "关于限期整改的通知（修改）",
            "text__addressee": "临高县某某有限公司",
            "text__body": "新的正文",
        },
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == "关于限期整改的通知（修改）" and document.texts["body"] == "新的正文"
    assert client.post(reverse("documents:submit", args=[document.pk])).status_code == 302

    # The drafter is not offered approval, and refused when trying.
    assert "批准</button>" not in client.get(detail).content.decode()
    client.post(reverse("documents:approve", args=[document.pk]))
    document.refresh_from_db()
    assert document.state == DocumentState.SUBMITTED

    client.force_login(users["chief"])
    page = client.get(detail).content.decode()
    assert "批准</button>" in page and "退回</button>" in page
    response = client.post(reverse("documents:return", args=[document.pk]), {"reason": ""}, follow=True)
    assert "退回文书须说明理由" in response.content.decode()
    document.refresh_from_db()
    assert document.state == DocumentState.SUBMITTED
    client.post(reverse("documents:approve", args=[document.pk]))
    document.refresh_from_db()
    assert document.state == DocumentState.APPROVED

    # Its drafter does not issue it; the chief who approved it does.
    client.force_login(users["inspector1"])
    assert "签发</button>" not in client.get(detail).content.decode()
    response = client.post(reverse("documents:issue", args=[document.pk]), follow=True)
    assert "起草或修改文书的人员不得审批、退回或签发该文书" in response.content.decode()
    client.force_login(users["chief"])
    response = client.post(reverse("documents:issue", args=[document.pk]), follow=True)
    assert "已签发，文号已编定，PDF 已定稿。" in response.content.decode()
    document.refresh_from_db()
    assert document.state == DocumentState.ISSUED and document.number and document.pdf

    client.force_login(users["inspector1"])

    response = client.post(
        reverse("documents:serve", args=[document.pk]),
        {
            "method": "left",
            "served_on": timezone.localdate().isoformat(),
            "recipient": "某某公司",
            "refused": "on",
            "note": "",
        },
    )
    assert response.status_code == 200 and "拒收事由" in response.content.decode()
    document.refresh_from_db()
    assert document.state == DocumentState.ISSUED
    response = client.post(
        reverse("documents:serve", args=[document.pk]),
        {
            "method": "left",
            "served_on": timezone.localdate().isoformat(),
            "recipient": "某某公司",
            "refused": "on",
            "note": "拒绝签收，见证人李四。",
        },
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.state == DocumentState.SERVED and document.served_refused


def test_edit_of_issued_document_is_refused(client, make_document, users):
    document = make_document("issued")
    client.force_login(users["inspector1"])
    response = client.post(reverse("documents:edit", args=[document.pk]), {"title": "改"}, follow=True)
    assert "文书已签发" in response.content.decode()
    document.refresh_from_db()
    assert document.title == "关于限期整改的通知"


def test_issued_pdf_is_the_frozen_file_named_by_its_number(client, make_document, users):
    document = make_document("issued")
    client.force_login(users["staff"])
    response = client.get(reverse("documents:pdf", args=[document.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment") and quote(f"{document.number}.pdf") in disposition
    with document.pdf.open("rb") as f:
        assert b"".join(response.streaming_content) == f.read()


def test_draft_pdf_is_an_inline_preview(client, make_document, users):
    document = make_document("draft")
    client.force_login(users["inspector2"])
    response = client.get(reverse("documents:pdf", args=[document.pk]))
    assert response.status_code == 200 and response["Content-Disposition"].startswith("inline")
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    document.refresh_from_db()
    assert not document.pdf and document.number == ""


def test_approvals_inbox(client, make_document, make_case, users, outsider):
    submitted = make_document("submitted")
    make_document("draft", title="还在起草")
    own = make_document("submitted", drafter=users["chief"], title="股长自己起草")
    url = reverse("documents:approvals")

    assert client.get(url).status_code == 302

    client.force_login(users["chief"])
    page = client.get(url).content.decode()
    assert submitted.title in page and "还在起草" not in page and "股长自己起草" not in page

    # A leader approves by role but, like everyone, is shown only documents of cases they may see.
    leader = users["leader"]
    client.force_login(leader)
    assert submitted.title not in client.get(url).content.decode()
    leader.user_permissions.add(Permission.objects.get(codename="view_democase"))
    page = client.get(url).content.decode()
    assert submitted.title in page and "股长自己起草" in page

    client.force_login(users["inspector1"])
    assert submitted.title not in client.get(url).content.decode()
    assert own.state == DocumentState.SUBMITTED


def test_approvals_inbox_query_count_is_constant(client, make_document, make_case, users):
    client.force_login(users["chief"])
    url = reverse("documents:approvals")
    make_document("submitted", title="第一份")
    client.get(url)  # warm caches (content types, permissions)
    with CaptureQueriesContext(connection) as one:
        assert "第一份" in client.get(url).content.decode()
    for i in range(6):
        make_document("submitted", title=f"另一份{i}", on_case=make_case() if i % 2 else None)
    with CaptureQueriesContext(connection) as seven:
        page = client.get(url).content.decode()
    assert page.count("<tr>") == 1 + 7
    assert len(seven) == len(one), [q["sql"] for q in seven.captured_queries]


def test_case_panel_lists_documents_with_state_badges(make_document, users, rf):
    issued = make_document("issued", title="已签发的通知")
    make_document("draft", title="草拟中的通知")
    request = rf.get("/")
    request.user = users["inspector1"]
    html = Template('{% include "documents/case_panel.html" with case=case %}').render(
        Context({"case": issued.case, "request": request, "user": request.user})
    )
    assert "已签发的通知" in html and issued.number in html and "草拟中的通知" in html
    assert '<span class="badge success">已签发</span>' in html and '<span class="badge">草稿</span>' in html
    assert OfficialDocument.objects.count() == 2


def _pdf_text(data: bytes) -> str:
    # Without whitespace: letter-spaced headings read back with spaces between their characters.
    return re.sub(r"\s", "", "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages))


def test_edit_page_shows_labels_and_the_facts_read_only(client, make_document, users, case):
    document = make_document("draft")
    client.force_login(users["inspector1"])
    page = client.get(reverse("documents:edit", args=[document.pk])).content.decode()
    for label in ("主送单位", "正文", "备注（选填）"):
        assert f'{label}:</label>' in page or f"{label}：</label>" in page, label
    assert ">body" not in page and ">addressee" not in page and ">remark" not in page
    # The facts, as the case has them, in a block of their own, not in the form.
    assert "来自案件的内容" in page and "被检查单位" in page and case.reference in page
    assert 'name="text__unit_name"' not in page and 'name="unit_name"' not in page


def test_a_fact_cannot_be_changed_through_the_edit_form(client, make_document, users, case):
    document = make_document("draft")
    client.force_login(users["inspector1"])
    response = client.post(
        reverse("documents:edit", args=[document.pk]),
        {"title": document.title, "text__addressee": "某公司", "text__body": "正文", "unit_name": "改过的单位",
         "text__unit_name": "改过的单位"},
    )
    assert response.status_code == 302
    document = OfficialDocument.objects.get(pk=document.pk)
    assert "unit_name" not in document.texts and document_content(document)["unit_name"] == "测试案件"
    case.name = "案件中更正的单位"
    case.save()
    page = client.get(reverse("documents:edit", args=[document.pk])).content.decode()
    assert "案件中更正的单位" in page


def test_a_blank_required_text_is_refused_on_the_form(client, make_document, users):
    document = make_document("draft")
    client.force_login(users["inspector1"])
    response = client.post(
        reverse("documents:edit", args=[document.pk]),
        {"title": document.title, "text__addressee": "某公司", "text__body": "  "},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "文书的必备内容不得为空" in page and "请填写“正文”" in page
    document.refresh_from_db()
    assert document.texts["body"] == "经查，你单位存在问题。\n请于三十日内整改。"


def test_detail_page_shows_the_history_with_labels(client, make_document, users):
    document = make_document("draft")
    services.document_update(actor=users["chief"], document=document, title=document.title, texts={"body": "改写"})
    client.force_login(users["inspector2"])
    page = client.get(reverse("documents:detail", args=[document.pk])).content.decode()
    history = page[page.index("修改记录"):]
    assert users["chief"].username in history or users["chief"].get_full_name() in history
    assert "<strong>正文</strong>" in history and "改写" in history and "修改文书" in history
    assert "<strong>body</strong>" not in history


def test_receipt_for_an_issued_document(client, make_document, users):
    document = make_document("issued")
    client.force_login(users["staff"])
    page = client.get(reverse("documents:detail", args=[document.pk])).content.decode()
    url = reverse("documents:receipt", args=[document.pk])
    assert url == f"/documents/{document.pk}/receipt.pdf" and f'href="{url}"' in page
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = _pdf_text(b"".join(response.streaming_content))
    for expected in (
        "送达回证", document.number, "测试通知书", "临高县某某有限公司", "临高县临城镇测试路1号",
        "受送达人签名", "见证人", "临高县工业和信息化局",
    ):
        assert expected in text, expected

    served = services.document_serve(
        actor=users["inspector1"], document=document, method="left", served_on=timezone.localdate(),
        recipient="王五", refused=True, note="拒绝签收，村委会李四见证。",
    )
    text = _pdf_text(b"".join(client.get(url).streaming_content))
    assert "王五" in text and "拒绝签收，村委会李四见证。" in text and served.number in text


def test_no_receipt_before_issue(client, make_document, users):
    document = make_document("approved")
    client.force_login(users["inspector1"])
    assert client.get(reverse("documents:receipt", args=[document.pk])).status_code == 404
    assert "打印送达回证" not in client.get(reverse("documents:detail", args=[document.pk])).content.decode()


def test_issue_whose_rendering_fails_and_the_pdf_made_on_download(client, make_document, users, monkeypatch):
    document = make_document("approved")

    def broken(**kwargs):
        raise RuntimeError("renderer down")

    monkeypatch.setattr(services, "render_document_pdf", broken)
    client.force_login(users["chief"])
    response = client.post(reverse("documents:issue", args=[document.pk]), follow=True)
    document.refresh_from_db()
    assert document.state == DocumentState.ISSUED and not document.pdf
    assert f"已签发，文号为{document.number}；PDF 暂未生成" in response.content.decode()
    monkeypatch.undo()
    response = client.get(reverse("documents:pdf", args=[document.pk]))
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    data = b"".join(response.streaming_content)
    assert document.number in _pdf_text(data)
    document.refresh_from_db()
    with document.pdf.open("rb") as f:
        assert f.read() == data


def test_an_administrator_cannot_issue_through_the_page(client, make_document, users):
    document = make_document("approved")
    admin = users["leader"]  # a leader's standing would let them issue, but an administrator only reads
    admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    page = client.get(reverse("documents:detail", args=[document.pk])).content.decode()
    assert document.title in page and "签发</button>" not in page
    assert client.post(reverse("documents:issue", args=[document.pk])).status_code == 403
    document.refresh_from_db()
    assert document.state == DocumentState.APPROVED
