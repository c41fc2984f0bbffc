"""The document workflow through its services: draft → submit → return/approve → issue → serve."""

import datetime
import hashlib
import io
import re

import pypdf
import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from linggao_mi.casework.models import Series
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.selectors import case_timeline
from linggao_mi.documents import rules, services
from linggao_mi.documents.choices import DocumentState, ServiceMethod
from linggao_mi.documents.models import DocumentKind, OfficialDocument
from linggao_mi.documents.pdf import render_document_pdf
from linggao_mi.documents.templatetags.documents_pdf import cn_date
from linggao_mi.notifications.models import Notification
from linggao_mi.org.choices import Role
from linggao_mi.org.models import Section
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
        content={"addressee": "临高县某某有限公司", "body": "经查，你单位存在问题。"},
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
        content={
            "addressee": "临高县某某有限公司",
            "body": "经查，你单位存在问题，请于2027年1月31日前整改。",
        },
    )
    document = services.document_submit(actor=inspector, document=document)
    # A resubmission is a new notice to the chief, not swallowed by the first one's key.
    assert Notification.objects.filter(user=chief, subject__contains="待审批").count() == 2

    document = services.document_approve(actor=chief, document=document)
    assert document.state == DocumentState.APPROVED
    assert document.approved_by == chief and document.approved_at is not None
    assert Notification.objects.filter(user=inspector, subject__contains="已批准").count() == 1

    document = services.document_issue(actor=inspector, document=document)
    year = timezone.localdate().year
    assert document.state == DocumentState.ISSUED
    assert document.number == f"临工信测〔{year}〕1号"
    assert document.issued_on == timezone.localdate() and document.issued_by == inspector
    assert document.pdf and len(document.sha256) == 64

    document = services.document_serve(
        actor=inspector,
        document=document,
        method=ServiceMethod.DIRECT,
        served_on=timezone.localdate(),
        recipient="张三（法定代表人）",
    )
    assert document.state == DocumentState.SERVED and document.served_recipient == "张三（法定代表人）"

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
        services.document_update(actor=users["inspector1"], document=submitted, title="改", content={})
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
            services.document_draft(actor=actor, case=case, kind_code=kind.code, title="通知", content={})
    draft = make_document("draft")
    with pytest.raises(PermissionDenied):
        services.document_submit(actor=outsider, document=draft)
    with pytest.raises(PermissionDenied):
        services.document_update(actor=users["staff"], document=draft, title="改", content={})
    # Another inspector of the case may carry the draft on.
    assert (
        services.document_submit(actor=users["inspector2"], document=draft).state == DocumentState.SUBMITTED
    )


def test_title_required(case, kind, users):
    with pytest.raises(RuleViolation) as excinfo:
        services.document_draft(
            actor=users["inspector1"], case=case, kind_code=kind.code, title="  ", content={}
        )
    assert _violation(excinfo) is rules.TITLE_REQUIRED


def test_issued_document_cannot_be_updated(make_document, users):
    document = make_document("issued")
    before = (document.title, document.content, document.sha256, document.pdf.name)
    with pytest.raises(RuleViolation) as excinfo:
        services.document_update(actor=users["inspector1"], document=document, title="改过的标题", content={})
    assert _violation(excinfo) is rules.ISSUED_IS_FINAL
    document = services.document_serve(
        actor=users["inspector1"],
        document=document,
        method="mail",
        served_on=timezone.localdate(),
        recipient="某某公司",
    )
    with pytest.raises(RuleViolation) as excinfo:
        services.document_update(actor=users["inspector1"], document=document, title="改过的标题", content={})
    assert _violation(excinfo) is rules.ISSUED_IS_FINAL
    with pytest.raises(RuleViolation):
        services.document_issue(actor=users["inspector1"], document=document)
    document.refresh_from_db()
    assert (document.title, document.content, document.sha256, document.pdf.name) == before


def test_issue_numbers_follow_on_per_kind_and_year(make_document, users, kind):
    year = timezone.localdate().year
    numbers = [make_document("issued", title=f"通知{i}").number for i in range(3)]
    assert numbers == [f"临工信测〔{year}〕{n}号" for n in (1, 2, 3)]
    other = DocumentKind.objects.create(code="other", name="建议书", number_prefix="临工信建")
    document = make_document("approved")
    document.kind = other
    document.save(update_fields=["kind"])
    assert (
        services.document_issue(actor=users["inspector1"], document=document).number
        == f"临工信建〔{year}〕1号"
    )
    assert Series.objects.get(name=services.document_series_name(kind), year=year).last == 3
    assert Series.objects.get(name=services.document_series_name(other), year=year).last == 1


def test_a_failed_issue_gives_its_number_back(make_document, users, kind, monkeypatch):
    document = make_document("approved")

    def broken(**kwargs):
        raise RuntimeError("renderer down")

    monkeypatch.setattr(services, "render_document_pdf", broken)
    with pytest.raises(RuntimeError):
        services.document_issue(actor=users["inspector1"], document=document)
    document.refresh_from_db()
    assert document.state == DocumentState.APPROVED and document.number == "" and not document.pdf
    assert not Series.objects.filter(name=services.document_series_name(kind), last__gt=0).exists()
    monkeypatch.undo()
    document = services.document_issue(actor=users["inspector1"], document=document)
    assert document.number.endswith("〕1号")


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
        content={
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
    document = make_document("issued", content={"body": body})
    with document.pdf.open("rb") as f:
        reader = pypdf.PdfReader(f)
        assert len(reader.pages) >= 2
        box = reader.pages[0].mediabox
        assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)
        assert "— 2 —" in reader.pages[1].extract_text()


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
        actor=outsider, case=other_case, kind_code=mine.kind.code, title="中小企业股的文书", content={}
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
