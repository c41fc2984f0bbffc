"""The document pages: permission matrix, actions through the forms, PDF download, approvals inbox."""

from urllib.parse import quote

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from linggao_mi.documents.choices import DocumentState
from linggao_mi.documents.models import OfficialDocument


def _client(client, user):
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("url_name", ["detail", "pdf", "edit"])
def test_permission_matrix(client, make_document, users, outsider, url_name):
    document = make_document("draft")
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
            "content__addressee": "临高县某某有限公司",
            "content__body": "新的正文",
        },
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == "关于限期整改的通知（修改）" and document.content["body"] == "新的正文"
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

    client.force_login(users["inspector1"])
    client.post(reverse("documents:issue", args=[document.pk]))
    document.refresh_from_db()
    assert document.state == DocumentState.ISSUED and document.number

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
