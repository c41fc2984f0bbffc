"""Whole lifecycles through the services, each step on its own day: a written inspection through verification and the
chief's closing; on site with testing, a written reply, an extension and a failed verification escalated; an overdue
rectification escalated; advice; nothing found; a referral proposed, returned and decided by the chief; a planned date
corrected; an inspection entered late (补录)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from energy import rules, services
from energy.choices import (
    CaseState,
    CheckItem,
    ExtensionState,
    FindingResult,
    Mode,
    Outcome,
    Trigger,
    VerificationResult,
)
from energy.models import InspectionCase
from energy.services import FindingInput
from energy.workflow import earliest_onsite_date
from linggao_mi.attachments.models import Attachment
from linggao_mi.casework.models import CaseEvent, of_case
from linggao_mi.casework.selectors import case_timeline
from linggao_mi.deadlines.choices import DeadlineState
from linggao_mi.deadlines.models import Deadline, DeadlineRule
from linggao_mi.deadlines.periods import Unit, compute_due
from linggao_mi.documents.choices import DocumentState
from linggao_mi.documents.services import document_approve, document_issue, document_serve, document_submit
from linggao_mi.org.models import Department

from .conftest import (
    REQUIREMENTS,
    TODAY,
    days,
    decide_violation,
    file_record,
    issue_and_serve,
    on,
    onsite_recorded,
    plan,
    rectifying,
    referral,
    scan,
    serve_notice,
    serve_outcome,
    violation_findings,
)

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def department(name: str = "县发改委") -> Department:
    return Department.objects.get(name=name)



def step_event(case, step: str) -> CaseEvent:
    return CaseEvent.objects.filter(of_case(case), step=step).latest("id")


def attachment_descriptions(case) -> list[str]:
    return list(Attachment.objects.filter(of_case(case)).values_list("description", flat=True))


def test_written_inspection_with_violation_through_verification_and_closing(users, unit):
    start = days(-40)
    case = plan(users, unit, mode=Mode.WRITTEN, at=start, planned=start + 10 * DAY, items=[CheckItem.REPORTING])
    assert case.state == CaseState.PLANNED and case.reference.startswith("临工信节监〔")
    case = serve_notice(users, case, requirements="请于10日内报送2025年度能源利用状况报告（书面及电子版）。")
    assert case.state == CaseState.NOTIFIED and case.notice_served_on == start
    assert case.notice_document.state == DocumentState.SERVED
    assert case.notice_document.number.startswith("临工信节监通〔")
    assert case.notice_requirements.startswith("请于10日内报送")

    with on(start + 5 * DAY):
        case = services.materials_receive(
            actor=users["inspector1"], case=case, received_on=TODAY(), paper=True, electronic=True,
            description="2025年度能源利用状况报告", uploads=[scan("能源利用状况报告.png")],
        )
    assert case.state == CaseState.MATERIALS_RECEIVED and case.materials_received_on == start + 5 * DAY
    assert attachment_descriptions(case) == ["被监察单位报送材料"]

    ended = start + 8 * DAY
    with on(ended):
        case = services.outcome_decide(
            actor=users["inspector1"], case=case, outcome=Outcome.VIOLATION, ended_on=ended,
            findings={CheckItem.REPORTING: FindingInput(
                FindingResult.VIOLATION, "未按规定报送能源利用状况报告", "《中华人民共和国节约能源法》第五十三条"
            )},
            rectification_requirements="补报2025年度能源利用状况报告。", rectification_months=1,
        )
    assert case.state == CaseState.NOTICE_PENDING and not case.recommendations.exists()
    assert case.outcome_document.kind.code == rules.KIND_RECTIFICATION_NOTICE
    assert case.outcome_document.state == DocumentState.DRAFT
    delivery = case.delivery_deadline
    assert delivery.rule.code == rules.RULE_DELIVERY and delivery.start == ended

    case = serve_outcome(users, case)  # served today: 32 days after the inspection ended, later than 15
    delivery.refresh_from_db()
    assert delivery.state == DeadlineState.MET and delivery.met_late
    assert "超过送达期限" in step_event(case, "outcome_served").reason
    assert case.state == CaseState.RECTIFYING
    rect = case.rectification_deadline
    assert (rect.start, rect.amount, rect.unit) == (TODAY(), 1, Unit.MONTHS)

    case = services.report_receive(
        actor=users["inspector1"], case=case, received_on=TODAY(), summary="已补报", uploads=[scan("整改报告.png")]
    )
    assert case.state == CaseState.REPORTED
    rect.refresh_from_db()
    assert rect.state == DeadlineState.MET and rect.closed_on == TODAY()
    case = services.rectification_verify(
        actor=users["inspector2"], case=case, verified_on=TODAY(), result=VerificationResult.PASSED, notes="已核实"
    )
    assert case.state == CaseState.TO_CLOSE and not case.is_closed

    with pytest.raises(PermissionDenied):  # closing is the chief's (or a leader's) decision
        services.case_close(actor=users["inspector1"], case=case, reason="整改到位")
    assert InspectionCase.objects.get(pk=case.pk).state == CaseState.TO_CLOSE
    case = services.case_close(actor=users["chief"], case=case, reason="整改到位，予以结案")
    assert case.state == CaseState.CLOSED and case.is_closed and case.closed_on == TODAY()
    assert step_event(case, "close").actor == users["chief"]


def test_onsite_violation_testing_reply_extension_failed_verification_escalated_closed(users, unit):
    case = onsite_recorded(users, unit)
    inspected = case.planned_date
    assert case.state == CaseState.RECORDED
    assert case.notice_served_on == inspected - 10 * DAY
    record = case.site_record
    assert [i["certificate"] for i in record.inspectors] == [
        users["inspector1"].certificates.get().number, users["inspector2"].certificates.get().number
    ]
    assert record.signer_name == "王建国" and record.signer_capacity == "legal_representative"

    with on(inspected):
        testing = services.testing_commission(
            actor=users["inspector1"], case=case, agency_name="海南省节能监测中心",
            qualification_number="CMA-2024-1188", items="电动机运行效率", commissioned_on=TODAY(),
        )
    assert testing.fee_charged_to_unit == 0
    with on(inspected + DAY):
        reply = services.reply_require(
            actor=users["inspector1"], case=case, questions="请说明淘汰电动机的采购时间和使用情况。", days=5
        )
    assert reply.deadline.rule.code == rules.RULE_WRITTEN_REPLY
    assert reply.deadline.due == compute_due(inspected + DAY, 5, Unit.DAYS).due
    with on(inspected + 3 * DAY):
        reply = services.reply_receive(
            actor=users["inspector1"], case=case, received_on=TODAY(), summary="系2015年采购", upload=scan("答复.png")
        )
    assert reply.received_on == inspected + 3 * DAY
    reply.deadline.refresh_from_db()
    assert reply.deadline.state == DeadlineState.MET and not reply.deadline.met_late
    with on(inspected + 4 * DAY):
        services.testing_result_record(
            actor=users["inspector1"], case=case, testing=testing, results="效率低于限定值", results_on=TODAY()
        )
    case = decide_violation(users, case, months=3, ended_on=inspected + 4 * DAY)
    case = serve_outcome(users, case)
    assert case.outcome_document.number.startswith("临工信节监改〔")
    case.delivery_deadline.refresh_from_db()
    assert case.delivery_deadline.state == DeadlineState.MET and not case.delivery_deadline.met_late
    rect = case.rectification_deadline
    assert (rect.start, rect.amount, rect.unit) == (TODAY(), 3, Unit.MONTHS)
    assert rect.due == compute_due(TODAY(), 3, Unit.MONTHS).due

    received = rect.due - 10 * DAY  # inside the 15 days that end on the due date
    with on(received):
        extension = services.extension_request(
            actor=users["inspector1"], case=case, received_on=received, requested_months=3, reasons="设备采购周期长",
            upload=scan("延期申请.png"),
        )
    assert extension.decision_deadline.rule.code == rules.RULE_EXTENSION_DECISION
    assert extension.decision_deadline.due == compute_due(received, 5, Unit.WORKDAYS).due
    assert "书面延期申请" in attachment_descriptions(case)
    with on(received + DAY), pytest.raises(PermissionDenied):  # an inspector does not decide in the bureau's name
        services.extension_decide(actor=users["inspector1"], case=case, approve=True, reasons="理由属实")
    with on(received + DAY):
        extension = services.extension_decide(
            actor=users["chief"], case=case, approve=True, granted_months=2, reasons="理由属实，准予延期2个月"
        )
    assert extension.state == ExtensionState.APPROVED and extension.granted_months == 2
    assert extension.decided_by == users["chief"] and extension.decided_on == received + DAY
    assert extension.decision_document.kind.code == rules.KIND_EXTENSION_DECISION
    assert extension.decision_document.state == DocumentState.DRAFT
    extension.decision_deadline.refresh_from_db()
    assert extension.decision_deadline.state == DeadlineState.MET
    case.refresh_from_db()
    rect.refresh_from_db()
    assert case.extension_months == 2 and rect.start == TODAY() and rect.due == compute_due(TODAY(), 5, Unit.MONTHS).due

    reported = received + 20 * DAY
    with on(reported):
        case = services.report_receive(
            actor=users["inspector1"], case=case, received_on=reported, summary="已更换", uploads=[scan()]
        )
        case = services.rectification_verify(
            actor=users["inspector1"], case=case, verified_on=reported, result=VerificationResult.FAILED,
            notes="仍有1台淘汰电动机在用",
        )
    assert case.state == CaseState.UNRESOLVED and case.verification_result == VerificationResult.FAILED
    with on(reported + DAY):
        with pytest.raises(PermissionDenied):
            services.rectification_escalate(actor=users["inspector1"], case=case, recommendation=referral())
        case = services.rectification_escalate(actor=users["chief"], case=case, recommendation=referral())
    assert case.state == CaseState.ESCALATED
    recommendation = case.recommendations.get()
    assert recommendation.department == department() and recommendation.recommended_on == reported + DAY
    with on(reported + 2 * DAY):
        case = services.case_close(actor=users["chief"], case=case, reason="已建议县发改委依法处理")
    assert case.state == CaseState.CLOSED and case.closed_on == reported + 2 * DAY
    assert case.history.count() >= 10  # django-simple-history keeps every state


def test_overdue_rectification_is_escalated_by_the_chief_after_the_period(users, unit):
    case = rectifying(users, unit, months=1)
    due = case.rectification_deadline.due
    with on(due + DAY):
        case = services.rectification_escalate(
            actor=users["leader"], case=case, recommendation=referral("县安监局"), reason="逾期未整改"
        )
    assert case.state == CaseState.ESCALATED
    assert case.recommendations.get().department.name == "县安监局"
    assert "逾期未整改" in step_event(case, "escalate").reason
    with on(due + 2 * DAY):
        case = services.case_close(actor=users["leader"], case=case, reason="已移送")
    assert case.state == CaseState.CLOSED


def test_advisory_path(users, unit):
    findings = {
        CheckItem.ELIMINATION: FindingInput(FindingResult.COMPLIANT, "未发现淘汰设备"),
        CheckItem.METERING: FindingInput(FindingResult.UNREASONABLE, "二级计量器具配备率偏低"),
    }
    case = onsite_recorded(users, unit, findings=findings)
    with on(case.planned_date):
        case = services.outcome_decide(
            actor=users["inspector1"], case=case, outcome=Outcome.UNREASONABLE, ended_on=TODAY(),
            suggestions="完善二级能源计量器具配备。",
        )
    assert case.state == CaseState.ADVICE_PENDING
    assert case.outcome_document.kind.code == rules.KIND_ADVICE
    case = serve_outcome(users, case)
    assert case.outcome_document.number.startswith("临工信节监建〔")
    assert case.state == CaseState.CLOSED and case.closed_on == TODAY() and case.rectification_deadline is None


def test_nothing_found_waits_for_the_chief_to_close(users, unit):
    case = plan(users, unit, trigger=Trigger.SPOT, planned=TODAY())  # spot check: no advance notice
    case = file_record(users, case, day=TODAY(), findings={
        CheckItem.ELIMINATION: FindingInput(FindingResult.COMPLIANT, "无淘汰设备"),
        CheckItem.METERING: FindingInput(FindingResult.COMPLIANT, "计量齐全"),
    })
    case = services.outcome_decide(actor=users["inspector1"], case=case, outcome=Outcome.NONE, ended_on=TODAY())
    assert case.state == CaseState.TO_CLOSE and not case.is_closed
    assert case.site_record.pk and case.outcome_document is None
    assert not Deadline.objects.of_object(case).exists()
    with pytest.raises(PermissionDenied):
        services.case_close(actor=users["inspector2"], case=case, reason="未发现问题")
    case = services.case_close(actor=users["chief"], case=case, reason="未发现问题，予以结案")
    assert case.state == CaseState.CLOSED and case.close_reason == "未发现问题，予以结案"


def test_referral_is_proposed_returned_and_decided_by_the_chief(users, unit):
    case = onsite_recorded(users, unit, findings=violation_findings(punishable=True))
    assert case.findings.get(item=CheckItem.ELIMINATION).punishable
    ended = case.planned_date
    with on(ended):
        case = services.outcome_propose(
            actor=users["inspector1"], case=case, outcome=Outcome.DIRECT_PENALTY, ended_on=ended,
            recommendation=referral(),
        )
    assert case.state == CaseState.OUTCOME_PROPOSED and case.recommendations.count() == 1
    assert case.outcome_document is None  # nothing takes effect before the decision
    with on(ended + DAY):
        case = services.outcome_return(actor=users["chief"], case=case, reasons="请补充违法事实的证据")
    assert case.state == CaseState.RECORDED
    assert case.outcome == "" and case.ended_on is None and not case.recommendations.exists()
    assert "请补充违法事实的证据" in step_event(case, "outcome_return").reason

    with on(ended + 2 * DAY):
        case = services.outcome_propose(
            actor=users["inspector1"], case=case, outcome=Outcome.DIRECT_PENALTY, ended_on=ended + 2 * DAY,
            recommendation=referral(),
        )
        case = services.outcome_confirm(actor=users["chief"], case=case, reasons="同意移送")
    assert case.state == CaseState.REFERRED and case.is_closed
    assert case.closed_on == ended + 2 * DAY
    assert case.recommendations.get().department == department()
    assert step_event(case, "outcome_confirm").actor == users["chief"]


def test_leader_confirms_a_proposed_referral(users, unit):
    case = onsite_recorded(users, unit, findings=violation_findings(punishable=True))
    with on(case.planned_date):
        case = services.outcome_propose(
            actor=users["inspector2"], case=case, outcome=Outcome.DIRECT_PENALTY, ended_on=TODAY(),
            recommendation=referral(),
        )
    case = services.outcome_confirm(actor=users["leader"], case=case)
    assert case.state == CaseState.REFERRED


def test_leader_decides_an_extension_and_confirms_a_violation(users, unit):
    """Decisions in the bureau's name are the chief's or a leader's (DESIGN.md §5a): a leader takes them too, and the
    document each calls for (延期决定书, 限期整改通知书) is drafted with it, though the leader does not handle the
    case."""
    case = rectifying(users, unit)
    due = case.rectification_deadline.due
    with on(due - 5 * DAY):
        services.extension_request(
            actor=users["inspector1"], case=case, received_on=TODAY(), requested_months=2, reasons="设备未到货",
            upload=scan(),
        )
        extension = services.extension_decide(actor=users["leader"], case=case, approve=True, reasons="理由属实")
    assert extension.state == ExtensionState.APPROVED and extension.decision_document is not None

    other = onsite_recorded(users, unit, findings=violation_findings(punishable=True))
    with on(other.planned_date):
        other = services.outcome_propose(
            actor=users["inspector1"], case=other, outcome=Outcome.VIOLATION, ended_on=TODAY(),
            rectification_requirements="更换淘汰电动机。", rectification_months=3, recommendation=referral(),
        )
    other = services.outcome_confirm(actor=users["leader"], case=other)
    assert other.state == CaseState.NOTICE_PENDING and other.outcome_document is not None


def test_punishable_violation_decided_by_the_chief_with_notice_and_referral(users, unit):
    """A violation the law says must be punished: the chief decides the 限期整改通知书 and the referral at once.
    Having drafted the notice, the chief may not approve it: a leader does."""
    case = onsite_recorded(users, unit, findings=violation_findings(punishable=True))
    case = decide_violation(users, case, actor="chief", recommendation=referral())
    assert case.state == CaseState.NOTICE_PENDING
    assert case.recommendations.get().department == department()
    document = case.outcome_document
    assert document.drafted_by == users["chief"]
    document_submit(actor=users["inspector1"], document=document)
    document_approve(actor=users["leader"], document=document)
    document_issue(actor=users["leader"], document=document)
    document_serve(actor=users["inspector1"], document=document, method="direct", served_on=TODAY(), recipient="王建国")
    case.refresh_from_db()
    assert case.state == CaseState.RECTIFYING


def test_pending_extension_lapses_when_the_report_arrives(users, unit):
    case = rectifying(users, unit, months=1)
    due = case.rectification_deadline.due
    with on(due - 3 * DAY):
        extension = services.extension_request(
            actor=users["inspector1"], case=case, received_on=TODAY(), requested_months=1, reasons="资金未到位",
            upload=scan(),
        )
    with on(due - 2 * DAY):
        services.report_receive(
            actor=users["inspector1"], case=case, received_on=TODAY(), summary="已完成", uploads=[scan()]
        )
    extension.refresh_from_db()
    extension.decision_deadline.refresh_from_db()
    assert extension.state == ExtensionState.REFUSED and extension.decision_document is None
    assert extension.decision_deadline.state == DeadlineState.WAIVED
    assert InspectionCase.objects.get(pk=case.pk).rectification_deadline.state == DeadlineState.MET


def test_notice_lead_amount_is_configurable(users, unit):
    DeadlineRule.objects.filter(code=rules.RULE_NOTICE_LEAD).update(amount=5)  # the national rule
    case = plan(users, unit, planned=days(5))
    assert case.planned_date == days(5)
    assert earliest_onsite_date(TODAY()) == days(5)
    case = serve_notice(users, case)
    with on(days(5)):
        case = file_record(users, case)
    assert case.state == CaseState.RECORDED


def test_corrected_planned_date_is_recorded_and_checked(users, unit):
    start = days(-20)
    case = plan(users, unit, at=start, planned=start + 10 * DAY)
    with on(start + 2 * DAY):
        case = services.plan_correct(
            actor=users["inspector1"], case=case, planned_date=start + 12 * DAY, reason="企业停产检修，推迟两日"
        )
    assert case.planned_date == start + 12 * DAY and case.state == CaseState.PLANNED
    event = step_event(case, "plan_correct")
    assert event.from_state == event.to_state == CaseState.PLANNED
    assert "更正为" in event.reason and "企业停产检修" in event.reason
    with on(start + 3 * DAY):
        case = services.notice_draft(actor=users["inspector1"], case=case, requirements=REQUIREMENTS)
    issue_and_serve(users, case.notice_document, start + 3 * DAY)  # 9 days before the corrected date
    case.refresh_from_db()
    assert case.state == CaseState.NOTIFIED and case.notice_served_on == start + 3 * DAY
    case = file_record(users, case)
    assert case.state == CaseState.RECORDED
    assert timezone.localdate(case.site_record.started_at) == start + 12 * DAY


def test_inspection_entered_late_is_marked_in_the_timeline(users, unit):
    """An inspection on a complaint made three days ago, entered today: the plan, the record and the outcome are
    late entries (补录), each with its reason."""
    made = days(-3)
    case = plan(users, unit, trigger=Trigger.REPORT, planned=made, late_reason="现场处理举报后补录")
    case = file_record(users, case, day=made, late_reason="现场纸质笔录补录")
    case = services.outcome_decide(
        actor=users["inspector1"], case=case, outcome=Outcome.VIOLATION, ended_on=made,
        rectification_requirements="停止使用淘汰电动机。", rectification_months=2, late_reason="当日已作出处理意见",
    )
    assert case.state == CaseState.NOTICE_PENDING
    late = {e.step: e.late_reason for e in case_timeline(case) if e.is_late_entry}
    assert late == {
        "plan": "现场处理举报后补录", "record_file": "现场纸质笔录补录", "outcome_decide": "当日已作出处理意见"
    }
    assert case.delivery_deadline.start == made
