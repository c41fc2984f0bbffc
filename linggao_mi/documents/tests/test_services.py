"""The document workflow through its services: draft → submit → return/approve → issue → serve."""

import datetime
import hashlib
import io
import re
from dataclasses import replace
from unittest.mock import ANY

import pypdf
import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from linggao_mi.casework.models import Series
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.selectors import case_timeline
from linggao_mi.documents import rules, services
from linggao_mi.documents.choices import DocumentState, ServiceMethod
from linggao_mi.documents.content import content_merge, document_content
from linggao_mi.documents.kinds import KINDS, kind_spec, kinds_sync, register_kind
from linggao_mi.documents.models import DocumentKind, OfficialDocument
from linggao_mi.documents.pdf import render_document_html, render_document_pdf
from linggao_mi.documents.selectors import document_actions, document_history, documents_awaiting_approval
from linggao_mi.documents.templatetags.documents_pdf import cn_date
from linggao_mi.notifications.models import Notification
from linggao_mi.org.choices import Role
from linggao_mi.org.models import Section
from tests.caseapp.documents import CASE_CLOSED
from tests.caseapp.models import DemoCase, DemoState
from tests.factories import UserFactory


def _pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "".join(page.extract_text() for page in reader.pages)


def _violation(excinfo) -> object:
    return excinfo.value.rule


def test_whole_workflow(case, kind, users):
    inspector, chief = users["inspector1"], users["chief"]
    document = services.document_draft(
        actor=inspector,
        case=case,
        kind_code=kind.code,
        title="关于限期整改的通知",
        texts={"addressee": "临高县某某有限公司", "body": "经查，你单位存在问题。"},
    )
    assert document.state == DocumentState.DRAFT
    assert document.section == case.section and document.case == case and document.number == ""

    document = services.document_submit(actor=inspector, document=document)
    assert document.state == DocumentState.SUBMITTED and document.submitted_at is not None
    assert Notification.objects.filter(user=chief, subject__contains="待审批").count() == 1

    document = services.document_return(actor=chief, document=document, reason="整改期限未写明。")
    assert document.state == DocumentState.RETURNED and document.return_reason == "整改期限未写明。"
    assert Notification.objects.filter(user=inspector, subject__contains="已退回").count() == 1

    document = services.document_update(
        actor=inspector,
        document=document,
        title="关于限期整改的通知",
        texts={"body": "经查，你单位存在问题，请于2027年1月31日前整改。"},
    )
    document = services.document_submit(actor=inspector, document=document)
    # A resubmission is a new notice to the chief, not swallowed by the first one's key.
    assert Notification.objects.filter(user=chief, subject__contains="待审批").count() == 2

    document = services.document_approve(actor=chief, document=document)
    assert document.state == DocumentState.APPROVED
    assert document.approved_by == chief and document.approved_at is not None
    assert Notification.objects.filter(user=inspector, subject__contains="已批准").count() == 1

    # The drafter does not issue what they wrote; the chief who approved it does.
    document = services.document_issue(actor=chief, document=document)
    year = timezone.localdate().year
    assert document.state == DocumentState.ISSUED
    assert document.number == f"临工信测〔{year}〕1号"
    assert document.issued_on == timezone.localdate() and document.issued_by == chief
    assert document.pdf and len(document.sha256) == 64
    assert document.facts == {"unit_name": "测试案件", "case_reference": case.reference, "address": ANY}

    document = services.document_serve(
        actor=inspector,
        document=document,
        method=ServiceMethod.DIRECT,
        served_on=timezone.localdate(),
        recipient="张三（法定代表人）",
    )
    assert document.state == DocumentState.SERVED and document.served_recipient == "张三（法定代表人）"
    case.refresh_from_db()
    assert case.state == DemoState.CLOSED  # the kind's on_served hook moved the case on

    actions = [event.action for event in case_timeline(case)]
    assert actions == [
        "起草文书：测试通知书",
        "文书报送审批：测试通知书",
        "退回文书：测试通知书",
        "修改文书：测试通知书",
        "文书报送审批：测试通知书",
        "批准文书：测试通知书",
        "签发文书：测试通知书",
        "送达文书：测试通知书",
    ]
    returned = case_timeline(case).get(action="退回文书：测试通知书")
    assert "整改期限未写明。" in returned.reason and returned.actor == chief
    # The case itself does not move: its timeline notes the document's steps.
    assert {(e.from_state, e.to_state) for e in case_timeline(case)} == {("open", "open")}


def test_drafter_cannot_approve_own_document(make_document, users, case, kind):
    chief = users["chief"]
    document = make_document("submitted", drafter=chief)
    with pytest.raises(RuleViolation) as excinfo:
        services.document_approve(actor=chief, document=document)
    assert _violation(excinfo) is rules.DRAFTER_CANNOT_APPROVE
    with pytest.raises(RuleViolation) as excinfo:
        services.document_return(actor=chief, document=document, reason="自己退回")
    assert _violation(excinfo) is rules.DRAFTER_CANNOT_APPROVE
    document.refresh_from_db()
    assert document.state == DocumentState.SUBMITTED
    # The chief's own draft goes to the leaders, and a leader approves it.
    assert Notification.objects.filter(user=users["leader"], subject__contains="待审批").exists()
    document = services.document_approve(actor=users["leader"], document=document)
    assert document.state == DocumentState.APPROVED and document.approved_by == users["leader"]


@pytest.mark.parametrize("who", ["inspector2", "staff", "legal", "admin", "other_chief"])
def test_only_the_sections_chief_or_a_leader_approves(make_document, users, who):
    if who == "other_chief":
        actor = UserFactory(username="t_chief_sme", role=Role.CHIEF, section=Section.objects.get(code="sme"))
    else:
        actor = users[who]
    document = make_document("submitted")
    with pytest.raises(RuleViolation) as excinfo:
        services.document_approve(actor=actor, document=document)
    assert _violation(excinfo) is rules.APPROVER_ONLY
    with pytest.raises(RuleViolation):
        services.document_return(actor=actor, document=document, reason="不同意")
    document.refresh_from_db()
    assert document.state == DocumentState.SUBMITTED and document.approved_by is None


@pytest.mark.parametrize("approver", ["chief", "leader"])
def test_chief_or_leader_approves(make_document, users, approver):
    document = services.document_approve(actor=users[approver], document=make_document("submitted"))
    assert document.state == DocumentState.APPROVED


@pytest.mark.parametrize("reason", ["", "   \n "])
def test_return_needs_a_reason(make_document, users, reason):
    document = make_document("submitted")
    with pytest.raises(RuleViolation) as excinfo:
        services.document_return(actor=users["chief"], document=document, reason=reason)
    assert _violation(excinfo) is rules.RETURN_NEEDS_REASON
    assert "（依据：《党政机关公文处理工作条例》第二十一条）" in str(excinfo.value)
    document.refresh_from_db()
    assert document.state == DocumentState.SUBMITTED


def test_transitions_check_the_state(make_document, users):
    draft = make_document("draft")
    with pytest.raises(RuleViolation) as excinfo:
        services.document_approve(actor=users["chief"], document=draft)
    assert _violation(excinfo) is rules.DOCUMENT_STATE_FORBIDS
    with pytest.raises(RuleViolation):
        services.document_issue(actor=users["inspector1"], document=draft)
    submitted = make_document("submitted")
    with pytest.raises(RuleViolation):
        services.document_submit(actor=users["inspector1"], document=submitted)
    with pytest.raises(RuleViolation):
        services.document_update(actor=users["inspector1"], document=submitted, title="改", texts={})
    with pytest.raises(RuleViolation):
        services.document_serve(
            actor=users["inspector1"],
            document=submitted,
            method="direct",
            served_on=timezone.localdate(),
            recipient="张三",
        )


def test_only_who_handles_the_case_drafts_and_submits(case, kind, users, outsider, make_document):
    for actor in (outsider, users["staff"], users["legal"]):
        with pytest.raises(PermissionDenied):
            services.document_draft(actor=actor, case=case, kind_code=kind.code, title="通知")
    draft = make_document("draft")
    with pytest.raises(PermissionDenied):
        services.document_submit(actor=outsider, document=draft)
    with pytest.raises(PermissionDenied):
        services.document_update(actor=users["staff"], document=draft, title="改", texts={})
    # Another inspector of the case may carry the draft on.
    assert (
        services.document_submit(actor=users["inspector2"], document=draft).state == DocumentState.SUBMITTED
    )


def test_title_required(case, kind, users):
    with pytest.raises(RuleViolation) as excinfo:
        services.document_draft(actor=users["inspector1"], case=case, kind_code=kind.code, title="  ")
    assert _violation(excinfo) is rules.TITLE_REQUIRED


def test_issued_document_cannot_be_updated(make_document, users):
    document = make_document("issued")
    before = (document.title, document.texts, document.facts, document.sha256, document.pdf.name)
    with pytest.raises(RuleViolation) as excinfo:
        services.document_update(actor=users["inspector1"], document=document, title="改过的标题", texts={})
    assert _violation(excinfo) is rules.ISSUED_IS_FINAL
    document = services.document_serve(
        actor=users["inspector1"],
        document=document,
        method="mail",
        served_on=timezone.localdate(),
        recipient="某某公司",
    )
    with pytest.raises(RuleViolation) as excinfo:
        services.document_update(actor=users["inspector1"], document=document, title="改过的标题", texts={})
    assert _violation(excinfo) is rules.ISSUED_IS_FINAL
    with pytest.raises(RuleViolation):
        services.document_issue(actor=users["chief"], document=document)
    document.refresh_from_db()
    assert (document.title, document.texts, document.facts, document.sha256, document.pdf.name) == before


def test_issue_numbers_follow_on_per_kind_and_year(make_document, users, kind, case):
    year = timezone.localdate().year
    numbers = [make_document("issued", title=f"通知{i}").number for i in range(3)]
    assert numbers == [f"临工信测〔{year}〕{n}号" for n in (1, 2, 3)]
    advice = services.document_draft(
        actor=users["inspector1"], case=case, kind_code="test-advice", texts={"body": "建议加强管理。"}
    )
    assert advice.title == "测试建议书"  # a kind without a title of its own gives its name
    services.document_submit(actor=users["inspector1"], document=advice)
    services.document_approve(actor=users["chief"], document=advice)
    assert services.document_issue(actor=users["chief"], document=advice).number == f"临工信建〔{year}〕1号"
    assert Series.objects.get(name=services.document_series_name(kind), year=year).last == 3
    assert Series.objects.get(name=f"document:{advice.kind.code}", year=year).last == 1


def test_a_refused_issue_gives_its_number_back(make_document, users, kind, case):
    document = make_document("approved")
    DemoCase.objects.filter(pk=case.pk).update(state=DemoState.CLOSED)
    with pytest.raises(RuleViolation) as excinfo:
        services.document_issue(actor=users["chief"], document=document)
    assert _violation(excinfo) is CASE_CLOSED
    document.refresh_from_db()
    assert document.state == DocumentState.APPROVED and document.number == "" and document.facts == {}
    assert not Series.objects.filter(name=services.document_series_name(kind), last__gt=0).exists()
    DemoCase.objects.filter(pk=case.pk).update(state=DemoState.OPEN)
    assert services.document_issue(actor=users["chief"], document=document).number.endswith("〕1号")


def test_a_failed_rendering_leaves_the_document_issued_and_its_pdf_made_later(make_document, users, monkeypatch):
    document = make_document("approved")

    def broken(**kwargs):
        raise RuntimeError("renderer down")

    monkeypatch.setattr(services, "render_document_pdf", broken)
    document = services.document_issue(actor=users["chief"], document=document)
    document.refresh_from_db()
    assert document.state == DocumentState.ISSUED and document.number.endswith("〕1号")
    assert not document.pdf and document.sha256 == "" and document.facts["unit_name"] == "测试案件"
    with pytest.raises(RuntimeError):
        services.document_pdf_freeze(document=document)
    monkeypatch.undo()
    # Rendered from the content frozen at issue, whatever the case says by now.
    DemoCase.objects.filter(pk=document.object_id).update(name="改名后的单位")
    document = services.document_pdf_freeze(document=document)
    with document.pdf.open("rb") as f:
        data = f.read()
    assert hashlib.sha256(data).hexdigest() == document.sha256
    text = _pdf_text(data)
    assert document.number in text and "测试案件" in text and "改名后的单位" not in text
    stored = document.pdf.name
    assert services.document_pdf_freeze(document=document).pdf.name == stored  # once


def test_pdf_freeze_needs_an_issued_document(make_document):
    with pytest.raises(RuleViolation) as excinfo:
        services.document_pdf_freeze(document=make_document("approved"))
    assert _violation(excinfo) is rules.DOCUMENT_STATE_FORBIDS


def test_number_is_unique_per_kind_in_the_database(make_document, kind):
    document = make_document("issued")
    other = make_document("draft", title="另一份")
    other.number = document.number
    with pytest.raises(IntegrityError), transaction.atomic():
        other.save(update_fields=["number"])


def test_pdf_reads_back_number_title_content_and_date(make_document):
    document = make_document(
        "issued",
        title="关于限期整改的通知",
        texts={
            "addressee": "临高县某某有限公司",
            "body": "经查，你单位淘汰设备仍在使用。\n请于三十日内整改。",
        },
    )
    with document.pdf.open("rb") as f:
        data = f.read()
    text = _pdf_text(data)
    for expected in (
        document.number,
        "关于限期整改的通知",
        "临高县某某有限公司",
        "经查，你单位淘汰设备仍在使用。",
        "请于三十日内整改。",
        "临高县工业和信息化局",
        document.case.reference,  # a fact, from the case
        cn_date(document.issued_on),
        "— 1 —",
    ):
        assert expected in text, expected
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日", text)
    assert "草稿" not in text
    assert hashlib.sha256(data).hexdigest() == document.sha256
    assert document.sha256[:16] in document.pdf.name


def test_pdf_layout_is_a4_with_page_numbers(make_document):
    body = "\n".join(
        f"第{i}段：经查，你单位存在不合理用能行为，违反了节能法律法规的有关规定。" * 3 for i in range(20)
    )
    document = make_document("issued", texts={"body": body})
    with document.pdf.open("rb") as f:
        reader = pypdf.PdfReader(f)
        assert len(reader.pages) >= 2
        box = reader.pages[0].mediabox
        assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)
        assert "— 2 —" in reader.pages[1].extract_text()


def test_pdf_embeds_each_cjk_serif_face_once_as_a_subset(make_document):
    """The serif's regular (text) and bold (版头, 标题) faces are each embedded once for the whole document, not
    once a page, and as subsets: the installed collections are some 26 MB each, a subset well under a megabyte."""
    body = "\n".join("经查，你单位存在不合理用能行为，违反了节能法律法规的有关规定。" * 3 for _ in range(20))
    document = make_document("issued", texts={"body": body})
    with document.pdf.open("rb") as f:
        reader = pypdf.PdfReader(io.BytesIO(f.read()))
    assert len(reader.pages) >= 2
    embedded = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            file = descriptor.raw_get("/FontFile3")
            embedded.setdefault(font["/BaseFont"], set()).add((file.idnum, len(file.get_object().get_data())))
    faces = {re.sub(r"^/[A-Z]{6}\+", "", name): files for name, files in embedded.items()}
    assert set(faces) == {"Noto-Serif-CJK-SC", "Noto-Serif-CJK-SC-Bold"}, faces
    for files in faces.values():
        (_, size), = files
        assert size < 2_000_000
    assert all(re.match(r"^/[A-Z]{6}\+", name) for name in embedded)  # the subset tag
    assert "不合理用能行为" in reader.pages[1].extract_text()


def test_draft_preview_is_watermarked(make_document):
    document = make_document("draft")
    text = _pdf_text(render_document_pdf(document=document, case=document.case, draft=True))
    assert "草稿" in text and "关于限期整改的通知" in text and "签发时编号" in text


def test_cn_date():
    assert cn_date(datetime.date(2026, 11, 28)) == "2026年11月28日"
    assert cn_date(datetime.date(2027, 1, 5)) == "2027年1月5日"


def test_serve_with_refusal_needs_a_note(make_document, users):
    document = make_document("issued")
    with pytest.raises(RuleViolation) as excinfo:
        services.document_serve(
            actor=users["inspector1"],
            document=document,
            method=ServiceMethod.LEFT,
            served_on=timezone.localdate(),
            recipient="某某公司",
            refused=True,
            note="  ",
        )
    assert _violation(excinfo) is rules.REFUSAL_NEEDS_NOTE
    document.refresh_from_db()
    assert document.state == DocumentState.ISSUED
    document = services.document_serve(
        actor=users["inspector1"],
        document=document,
        method=ServiceMethod.LEFT,
        served_on=timezone.localdate(),
        recipient="某某公司",
        refused=True,
        note="法定代表人拒绝签收，村委会干部李四见证，文书留置于办公室。",
    )
    assert document.state == DocumentState.SERVED and document.served_refused
    event = case_timeline(document.case).get(action="送达文书：测试通知书")
    assert "拒收" in event.reason and "李四" in event.reason


def test_serve_checks_recipient_and_date(make_document, users):
    document = make_document("issued")
    today = timezone.localdate()
    for served_on in (today + datetime.timedelta(days=1), today - datetime.timedelta(days=1)):
        with pytest.raises(RuleViolation) as excinfo:
            services.document_serve(
                actor=users["inspector1"],
                document=document,
                method="direct",
                served_on=served_on,
                recipient="张三",
            )
        assert _violation(excinfo) is rules.SERVICE_DATE
    with pytest.raises(RuleViolation) as excinfo:
        services.document_serve(
            actor=users["inspector1"],
            document=document,
            method="direct",
            served_on=today,
            recipient=" ",
        )
    assert _violation(excinfo) is rules.SERVICE_RECIPIENT
    with pytest.raises(PermissionDenied):
        services.document_serve(
            actor=users["staff"],
            document=document,
            method="direct",
            served_on=today,
            recipient="张三",
        )


def test_serve_keeps_a_receipt_and_refuses_other_files(make_document, users):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from linggao_mi.attachments import rules as attachment_rules

    document = make_document("issued")
    text = SimpleUploadedFile("回证.pdf", b"not a pdf at all", content_type="application/pdf")
    with pytest.raises(RuleViolation) as excinfo:
        services.document_serve(
            actor=users["inspector1"],
            document=document,
            method="direct",
            served_on=timezone.localdate(),
            recipient="张三",
            receipt=text,
        )
    assert excinfo.value.rule is attachment_rules.RECEIPT_TYPE_REFUSED
    receipt = SimpleUploadedFile("回证.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n")
    document = services.document_serve(
        actor=users["inspector1"],
        document=document,
        method="direct",
        served_on=timezone.localdate(),
        recipient="张三",
        receipt=receipt,
    )
    assert document.served_receipt.name.startswith(f"documents/receipts/{document.pk}/")


def test_documents_of_case_and_visibility(make_document, make_case, users, outsider):
    from linggao_mi.documents.selectors import documents_of_case, documents_visible

    mine = make_document("draft")
    other_case = make_case(section_code="sme", inspectors=[outsider])
    theirs = services.document_draft(
        actor=outsider, case=other_case, kind_code=mine.kind.code, title="中小企业股的文书"
    )
    assert list(documents_of_case(mine.case)) == [mine]
    assert set(documents_visible(users["inspector1"])) == {mine}
    assert set(documents_visible(outsider)) == {theirs}
    assert set(documents_visible(users["staff"])) == {mine}  # 工业股 members see the section's cases
    assert OfficialDocument.objects.count() == 2


def test_a_refusal_may_leave_the_recipient_unnamed(make_document, users):
    document = services.document_serve(
        actor=users["inspector1"],
        document=make_document("issued"),
        method=ServiceMethod.LEFT,
        served_on=timezone.localdate(),
        recipient="",
        refused=True,
        note="值班人员拒绝签收并拒绝告知姓名，民警王五见证。",
    )
    assert document.state == DocumentState.SERVED and document.served_recipient == ""


# Content: facts from the case, texts from the drafter.


def test_draft_takes_title_and_texts_from_the_kind(case, kind, users):
    document = services.document_draft(actor=users["inspector1"], case=case, kind_code=kind.code)
    assert document.title == "关于测试案件限期整改的通知"
    assert document.texts == {"addressee": "测试案件", "body": "经查，测试案件存在问题。", "remark": ""}
    document = services.document_draft(
        actor=users["inspector1"], case=case, kind_code=kind.code, texts={"body": "另写的正文"}
    )
    assert document.texts["body"] == "另写的正文" and document.texts["addressee"] == "测试案件"
    assert set(document.authors.all()) == {users["inspector1"]}


@pytest.mark.parametrize("key", ["unit_name", "no_such_text"])
def test_facts_and_unknown_keys_are_not_texts(make_document, case, kind, users, key):
    with pytest.raises(TypeError):
        services.document_draft(actor=users["inspector1"], case=case, kind_code=kind.code, texts={key: "改"})
    document = make_document("draft")
    with pytest.raises(TypeError):
        services.document_update(actor=users["inspector1"], document=document, title="通知", texts={key: "改"})
    assert document_content(document)["unit_name"] == "测试案件"


def test_facts_follow_the_case_until_issue_then_stay(make_document, case):
    draft = make_document("draft")
    content = document_content(draft)
    assert content["unit_name"] == "测试案件" and content["case_reference"] == case.reference
    assert content["body"] == "经查，你单位存在问题。\n请于三十日内整改。"
    case.name = "临高县新名称有限公司"
    case.save()
    draft = OfficialDocument.objects.get(pk=draft.pk)
    assert document_content(draft)["unit_name"] == "临高县新名称有限公司"

    issued = make_document("issued", title="已签发")
    DemoCase.objects.filter(pk=case.pk).update(name="再次改名")
    issued = OfficialDocument.objects.get(pk=issued.pk)
    assert document_content(issued)["unit_name"] == "临高县新名称有限公司"
    html = render_document_html(document=issued, case=issued.case, draft=False)
    assert "临高县新名称有限公司" in html and "再次改名" not in html


def test_facts_win_a_key_clash():
    assert content_merge({"unit_name": "案件所载"}, {"unit_name": "起草人所写", "body": "正文"}) == {
        "unit_name": "案件所载",
        "body": "正文",
    }


def test_facts_must_be_json_values(case, kind, users, monkeypatch):
    spec = kind_spec(kind.code)
    monkeypatch.setitem(KINDS, kind.code, replace(spec, facts=lambda c: {"day": datetime.date(2027, 1, 5)}))
    with pytest.raises(TypeError):
        services.document_draft(actor=users["inspector1"], case=case, kind_code=kind.code)


def test_blank_required_text_is_refused_at_draft_and_update(make_document, case, kind, users):
    with pytest.raises(RuleViolation) as excinfo:
        services.document_draft(actor=users["inspector1"], case=case, kind_code=kind.code, texts={"body": " \n"})
    assert _violation(excinfo) is rules.TEXT_REQUIRED
    assert "请填写“正文”" in str(excinfo.value) and "测试规则第二条" in str(excinfo.value)
    assert "GB/T 9704-2012" in str(excinfo.value)
    document = make_document("draft")
    with pytest.raises(RuleViolation) as excinfo:
        services.document_update(
            actor=users["inspector1"], document=document, title=document.title, texts={"addressee": ""}
        )
    assert _violation(excinfo) is rules.TEXT_REQUIRED and "主送单位" in str(excinfo.value)
    document.refresh_from_db()
    assert document.texts["addressee"] == "临高县某某有限公司"
    # An optional text may stay blank.
    services.document_update(actor=users["inspector1"], document=document, title="通知", texts={"remark": ""})


@pytest.mark.parametrize(
    "state, step",
    [("draft", "submit"), ("returned", "submit"), ("submitted", "approve"), ("approved", "issue")],
)
def test_blank_required_text_forced_into_the_database_is_refused_later(make_document, users, state, step):
    document = make_document("submitted" if state == "returned" else state)
    if state == "returned":
        document = services.document_return(actor=users["chief"], document=document, reason="请修改。")
    OfficialDocument.objects.filter(pk=document.pk).update(texts={**document.texts, "body": ""})
    service, actor = {
        "submit": (services.document_submit, users["inspector1"]),
        "approve": (services.document_approve, users["chief"]),
        "issue": (services.document_issue, users["chief"]),
    }[step]
    with pytest.raises(RuleViolation) as excinfo:
        service(actor=actor, document=document)
    assert _violation(excinfo) is rules.TEXT_REQUIRED
    document.refresh_from_db()
    assert document.state == state and document.number == ""


@pytest.mark.parametrize("step", ["draft", "update", "submit", "approve", "issue"])
def test_the_kinds_validation_runs_at_every_save_and_step(make_document, case, kind, users, step):
    before = {"update": "draft", "submit": "draft", "approve": "submitted", "issue": "approved"}.get(step)
    document = make_document(before) if before else None
    DemoCase.objects.filter(pk=case.pk).update(state=DemoState.CLOSED)
    case.refresh_from_db()
    calls = {
        "draft": lambda: services.document_draft(actor=users["inspector1"], case=case, kind_code=kind.code),
        "update": lambda: services.document_update(
            actor=users["inspector1"], document=document, title="改", texts={"body": "改"}
        ),
        "submit": lambda: services.document_submit(actor=users["inspector1"], document=document),
        "approve": lambda: services.document_approve(actor=users["chief"], document=document),
        "issue": lambda: services.document_issue(actor=users["chief"], document=document),
    }
    with pytest.raises(RuleViolation) as excinfo:
        calls[step]()
    assert _violation(excinfo) is CASE_CLOSED
    if document is not None:
        document.refresh_from_db()
        assert document.state == before and document.title == "关于限期整改的通知"


def test_returning_does_not_validate(make_document, case, users):
    # A document its case no longer supports can still go back to its drafter.
    document = make_document("submitted")
    DemoCase.objects.filter(pk=case.pk).update(state=DemoState.CLOSED)
    document = services.document_return(actor=users["chief"], document=document, reason="案件已办结。")
    assert document.state == DocumentState.RETURNED


# Authors: whoever wrote or changed the content neither approves, returns nor issues it.


def test_a_chief_who_edited_the_draft_cannot_approve_return_or_issue_it(make_document, users):
    inspector, chief, leader = users["inspector1"], users["chief"], users["leader"]
    leader.user_permissions.add(Permission.objects.get(codename="view_democase"))
    document = make_document("draft")
    document = services.document_update(
        actor=chief, document=document, title=document.title, texts={"body": "股长改写的正文。"}
    )
    assert set(document.authors.all()) == {inspector, chief}
    document = services.document_submit(actor=inspector, document=document)
    # The chief wrote part of it: the leaders are asked, not the chief.
    assert not Notification.objects.filter(user=chief, subject__contains="待审批").exists()
    assert Notification.objects.filter(user=leader, subject__contains="待审批").exists()
    assert "approve" not in document_actions(chief, document)
    assert document not in documents_awaiting_approval(chief)
    assert {"approve", "return"} <= document_actions(leader, document)
    assert document in documents_awaiting_approval(leader)
    for service, kwargs in ((services.document_approve, {}), (services.document_return, {"reason": "再议"})):
        with pytest.raises(RuleViolation) as excinfo:
            service(actor=chief, document=document, **kwargs)
        assert _violation(excinfo) is rules.DRAFTER_CANNOT_APPROVE
    assert "起草或修改" in str(excinfo.value) and "《党政机关公文处理工作条例》" in str(excinfo.value)

    document = services.document_approve(actor=leader, document=document)
    for author in (chief, inspector):
        assert "issue" not in document_actions(author, document)
        with pytest.raises(RuleViolation) as excinfo:
            services.document_issue(actor=author, document=document)
        assert _violation(excinfo) is rules.DRAFTER_CANNOT_APPROVE
    # Another handler of the case, who wrote none of it, issues it.
    assert "issue" in document_actions(users["inspector2"], document)
    document = services.document_issue(actor=users["inspector2"], document=document)
    assert document.state == DocumentState.ISSUED


def test_saving_a_draft_unchanged_makes_nobody_an_author(make_document, users):
    document = make_document("draft")
    history = document.history.count()
    services.document_update(
        actor=users["chief"], document=document, title=document.title, texts=dict(document.texts)
    )
    assert set(document.authors.all()) == {users["inspector1"]} and document.history.count() == history
    document = services.document_submit(actor=users["inspector1"], document=document)
    assert services.document_approve(actor=users["chief"], document=document).state == DocumentState.APPROVED


@pytest.mark.parametrize("who", ["admin", "superuser_leader", "superuser_chief"])
def test_an_administrator_cannot_approve_or_issue(make_document, users, who):
    if who == "admin":
        actor = users["admin"]
    else:
        actor = users[who.removeprefix("superuser_")]
        actor.is_superuser = True
        actor.save()
    document = make_document("submitted", drafter=users["inspector1"])
    assert document_actions(actor, document) == set()
    assert document not in documents_awaiting_approval(actor)
    with pytest.raises(RuleViolation) as excinfo:
        services.document_approve(actor=actor, document=document)
    assert _violation(excinfo) is rules.APPROVER_ONLY
    OfficialDocument.objects.filter(pk=document.pk).update(state=DocumentState.APPROVED)
    document.refresh_from_db()
    assert document_actions(actor, document) == set()
    with pytest.raises(PermissionDenied):
        services.document_issue(actor=actor, document=document)
    document.refresh_from_db()
    assert document.state == DocumentState.APPROVED and document.number == ""


def test_actions_and_the_approvals_inbox_agree(make_document, users):
    users["leader"].user_permissions.add(Permission.objects.get(codename="view_democase"))
    documents = [
        make_document("submitted"),
        make_document("submitted", drafter=users["chief"]),
        make_document("draft"),
    ]
    edited = make_document("draft")
    services.document_update(actor=users["chief"], document=edited, title="股长改过", texts={})
    documents.append(services.document_submit(actor=users["inspector1"], document=edited))
    for user in users.values():
        inbox = set(documents_awaiting_approval(user))
        for document in documents:
            assert ("approve" in document_actions(user, document)) == (document in inbox), (user, document)


# History, the served hook, the kinds' rows.


def test_history_records_who_changed_what(make_document, users):
    inspector, chief = users["inspector1"], users["chief"]
    document = make_document("draft")
    services.document_update(actor=chief, document=document, title="改过的标题", texts={"body": "新的正文"})
    document = services.document_submit(actor=inspector, document=document)
    records = list(document.history.order_by("history_date", "history_id"))
    assert [(r.history_user, r.history_change_reason) for r in records] == [
        (inspector, "起草文书"),
        (chief, "修改文书"),
        (inspector, "文书报送审批"),
    ]
    assert records[1].texts["body"] == "新的正文"

    entries = document_history(document)
    assert [(e.user, e.kind) for e in entries] == [
        (inspector, "文书报送审批"),
        (chief, "修改文书"),
        (inspector, "起草文书"),
    ]
    edit = entries[1]
    assert [(c.label, c.old, c.new) for c in edit.changes] == [
        ("标题", "关于限期整改的通知", "改过的标题"),
        ("正文", "经查，你单位存在问题。\n请于三十日内整改。", "新的正文"),
    ]
    assert ("状态", "草稿", "待审批") in [(c.label, c.old, c.new) for c in entries[0].changes]
    assert "主送单位" in [c.label for c in entries[2].changes]


def test_history_of_an_issued_document_notes_the_pdf(make_document, users):
    document = make_document("issued")
    entries = document_history(document)
    assert entries[0].kind == "生成定稿PDF" and entries[0].user is None
    assert entries[1].kind == "签发文书" and entries[1].user == users["chief"]
    assert ("文号", "（空）", document.number) in [(c.label, c.old, c.new) for c in entries[1].changes]


def test_on_served_hook_runs_in_the_serve_and_its_refusal_undoes_it(make_document, case, users):
    from django.core.files.uploadedfile import SimpleUploadedFile

    document = make_document("issued")
    DemoCase.objects.filter(pk=case.pk).update(state=DemoState.CLOSED)
    receipt = SimpleUploadedFile("回证.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n")
    with pytest.raises(RuleViolation) as excinfo:
        services.document_serve(
            actor=users["inspector1"],
            document=document,
            method="direct",
            served_on=timezone.localdate(),
            recipient="张三",
            receipt=receipt,
        )
    assert _violation(excinfo) is CASE_CLOSED
    document.refresh_from_db()
    assert document.state == DocumentState.ISSUED and document.served_on is None and not document.served_receipt
    assert not case_timeline(case).filter(action__startswith="送达文书").exists()
    assert document.history.filter(state=DocumentState.SERVED).count() == 0

    DemoCase.objects.filter(pk=case.pk).update(state=DemoState.OPEN)
    document = services.document_serve(
        actor=users["inspector1"], document=document, method="direct", served_on=timezone.localdate(), recipient="张三"
    )
    assert document.state == DocumentState.SERVED
    assert DemoCase.objects.get(pk=case.pk).state == DemoState.CLOSED


def test_kinds_sync_makes_missing_rows_and_keeps_what_admins_set(kind):
    assert set(DocumentKind.objects.values_list("code", flat=True)) >= {"test-notice", "test-advice"}
    DocumentKind.objects.filter(code="test-notice").update(number_prefix="临工信改", name="改过的名称")
    DocumentKind.objects.filter(code="test-advice").delete()
    kinds_sync()
    notice = DocumentKind.objects.get(code="test-notice")
    assert (notice.name, notice.number_prefix) == ("改过的名称", "临工信改")
    advice = DocumentKind.objects.get(code="test-advice")
    assert (advice.name, advice.number_prefix, advice.template_name) == (
        "测试建议书",
        "临工信建",
        "documents/pdf/generic.html",
    )


def test_a_kind_is_registered_once(kind):
    spec = kind_spec(kind.code)
    assert register_kind(spec) is spec
    with pytest.raises(ValueError):
        register_kind(replace(spec, name="另一个"))
