"""Whole lifecycles through the services: written; on site with violation, extension and verification;
advisory; nothing found; referral."""

import datetime

import pytest

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
from energy.services import FindingInput, RecommendationInput
from linggao_mi.casework.selectors import case_timeline
from linggao_mi.deadlines.choices import DeadlineState
from linggao_mi.deadlines.models import Deadline, DeadlineRule
from linggao_mi.deadlines.periods import Unit, compute_due
from linggao_mi.documents.choices import DocumentState

from .conftest import (
    TODAY,
    days,
    decide_violation,
    file_record,
    issue_document,
    onsite_recorded,
    plan,
    serve_document,
)

pytestmark = pytest.mark.django_db


def test_written_inspection_with_violation_through_verification(users, unit):
    case = plan(users, unit, mode=Mode.WRITTEN, planned=days(1), items=[CheckItem.REPORTING])
    assert case.state == CaseState.PLANNED and case.reference.startswith("临工信节监〔")
    case = services.notice_serve(
        actor=users["inspector1"], case=case, served_on=days(-30), method="邮寄送达", recipient="陈明",
        requirements="请于10日内报送2025年度能源利用状况报告（书面及电子版）。",
    )
    assert case.state == CaseState.NOTIFIED
    case = services.materials_receive(
        actor=users["inspector1"], case=case, received_on=days(-20), paper=True, electronic=True,
        description="2025年度能源利用状况报告",
    )
    assert case.state == CaseState.MATERIALS_RECEIVED
    case = services.outcome_decide(
        actor=users["inspector1"], case=case, outcome=Outcome.VIOLATION, ended_on=days(-18),
        findings={CheckItem.REPORTING: FindingInput(
            FindingResult.VIOLATION, "未按规定报送能源利用状况报告", "《中华人民共和国节约能源法》第五十三条"
        )},
        rectification_requirements="补报2025年度能源利用状况报告。", rectification_months=1,
        recommendation=RecommendationInput("临高县工业和信息化局（节能主管）", "《中华人民共和国节约能源法》第八十二条",
                                           "重点用能单位未报送能源利用状况报告"),
    )
    assert case.state == CaseState.NOTICE_PENDING
    assert case.recommendations.count() == 1
    delivery = case.delivery_deadline
    assert delivery.rule.code == rules.RULE_DELIVERY and delivery.start == days(-18)
    issue_document(users, case)
    case = serve_document(users, case)  # served today: 18 days after the end, later than 15
    delivery.refresh_from_db()
    assert delivery.state == DeadlineState.MET and delivery.met_late
    assert "超过送达期限" in case_timeline(case).last().reason
    assert case.state == CaseState.RECTIFYING
    case = services.report_receive(actor=users["inspector1"], case=case, received_on=TODAY(), summary="已补报")
    assert case.state == CaseState.REPORTED
    case = services.rectification_verify(
        actor=users["inspector2"], case=case, verified_on=TODAY(), result=VerificationResult.PASSED, notes="已核实"
    )
    assert case.state == CaseState.CLOSED and case.is_closed and case.closed_on == TODAY()


def test_onsite_violation_extension_verification_failed_escalated_closed(users, unit):
    case = onsite_recorded(users, unit)
    assert case.state == CaseState.RECORDED
    record = case.site_record
    assert [i["certificate"] for i in record.inspectors] == [
        users["inspector1"].certificates.get().number, users["inspector2"].certificates.get().number
    ]
    testing = services.testing_commission(
        actor=users["inspector1"], case=case, agency_name="海南省节能监测中心", qualification_number="CMA-2024-1188",
        items="电动机运行效率", commissioned_on=days(-3),
    )
    assert testing.fee_charged_to_unit == 0
    services.testing_result_record(actor=users["inspector1"], testing=testing, results="效率低于限定值",
                                   results_on=days(-2))
    case = decide_violation(users, case, months=3, ended_on=days(-2))
    document = issue_document(users, case)
    assert document.state == DocumentState.ISSUED and document.number.startswith("临工信节监改〔")
    case = serve_document(users, case)
    case.delivery_deadline.refresh_from_db()
    assert case.delivery_deadline.state == DeadlineState.MET and not case.delivery_deadline.met_late
    rect = case.rectification_deadline
    assert (rect.start, rect.amount, rect.unit) == (TODAY(), 3, Unit.MONTHS)
    assert rect.due == compute_due(TODAY(), 3, Unit.MONTHS).due

    # The county widens the window (configurable rule) so that today falls inside it.
    DeadlineRule.objects.filter(code=rules.RULE_EXTENSION_WINDOW).update(amount=120)
    extension = services.extension_request(
        actor=users["inspector1"], case=case, received_on=TODAY(), requested_months=2, reasons="设备采购周期长"
    )
    assert extension.decision_deadline.rule.code == rules.RULE_EXTENSION_DECISION
    assert extension.decision_deadline.due == compute_due(TODAY(), 5, Unit.WORKDAYS).due
    extension = services.extension_decide(
        actor=users["chief"], extension=extension, approve=True, reasons="理由属实", decided_on=TODAY()
    )
    assert extension.state == ExtensionState.APPROVED
    case.refresh_from_db()
    rect.refresh_from_db()
    assert case.extension_months == 2 and rect.due == compute_due(TODAY(), 5, Unit.MONTHS).due

    case = services.report_receive(actor=users["inspector1"], case=case, received_on=TODAY(), summary="已更换")
    case = services.rectification_verify(
        actor=users["inspector1"], case=case, verified_on=TODAY(), result=VerificationResult.FAILED,
        notes="仍有1台淘汰电动机在用",
    )
    assert case.state == CaseState.ESCALATED
    case = services.case_close(
        actor=users["chief"], case=case, reason="已建议有关部门依法处理",
        recommendation=RecommendationInput("临高县人民政府", "《中华人民共和国节约能源法》第七十一条", "拒不整改"),
    )
    assert case.state == CaseState.CLOSED
    assert case.history.count() >= 5  # django-simple-history keeps every state


def test_overdue_rectification_is_escalated(users, unit):
    case = decide_violation(users, onsite_recorded(users, unit), months=1)
    issue_document(users, case)
    case = serve_document(users, case)
    Deadline.objects.filter(pk=case.rectification_deadline_id).update(due=days(-1), state=DeadlineState.OVERDUE)
    case = services.rectification_escalate(actor=users["inspector1"], case=case)
    assert case.state == CaseState.ESCALATED


def test_advisory_path(users, unit):
    findings = {
        CheckItem.ELIMINATION: FindingInput(FindingResult.COMPLIANT, "未发现淘汰设备"),
        CheckItem.METERING: FindingInput(FindingResult.UNREASONABLE, "二级计量器具配备率偏低"),
    }
    case = onsite_recorded(users, unit, findings=findings)
    case = services.outcome_decide(
        actor=users["inspector1"], case=case, outcome=Outcome.UNREASONABLE, ended_on=days(-3),
        suggestions="完善二级能源计量器具配备。",
    )
    assert case.state == CaseState.ADVICE_PENDING
    assert case.outcome_document.kind.code == rules.KIND_ADVICE
    document = issue_document(users, case)
    assert document.number.startswith("临工信节监建〔")
    case = serve_document(users, case)
    assert case.state == CaseState.CLOSED and case.closed_on == TODAY()


def test_nothing_found_closes_with_its_record(users, unit):
    case = plan(users, unit, trigger=Trigger.SPOT, planned=TODAY())  # spot check: no advance notice
    case = file_record(users, case, day=TODAY(), findings={
        CheckItem.ELIMINATION: FindingInput(FindingResult.COMPLIANT, "无淘汰设备"),
        CheckItem.METERING: FindingInput(FindingResult.COMPLIANT, "计量齐全"),
    })
    case = services.outcome_decide(actor=users["inspector1"], case=case, outcome=Outcome.NONE, ended_on=TODAY())
    assert case.state == CaseState.CLOSED and case.site_record.pk and case.outcome_document is None
    assert not Deadline.objects.of_object(case).exists()


def test_direct_penalty_referral_closes_the_case(users, unit):
    case = onsite_recorded(users, unit)
    case = services.outcome_decide(
        actor=users["inspector1"], case=case, outcome=Outcome.DIRECT_PENALTY, ended_on=days(-3),
        recommendation=RecommendationInput("临高县人民政府", "《中华人民共和国节约能源法》第七十一条", "使用淘汰设备"),
    )
    assert case.state == CaseState.REFERRED and case.is_closed


def test_document_served_from_documents_page_is_brought_in_step(users, unit):
    from linggao_mi.documents.services import document_serve

    case = decide_violation(users, onsite_recorded(users, unit))
    document = issue_document(users, case)
    document_serve(actor=users["inspector1"], document=document, method="direct", served_on=TODAY(),
                   recipient="王建国")
    case = services.outcome_document_serve(actor=users["inspector1"], case=case)
    assert case.state == CaseState.RECTIFYING and case.rectification_deadline.start == TODAY()


def test_pending_extension_lapses_when_the_report_arrives(users, unit):
    case = decide_violation(users, onsite_recorded(users, unit), months=1)
    issue_document(users, case)
    case = serve_document(users, case)
    DeadlineRule.objects.filter(code=rules.RULE_EXTENSION_WINDOW).update(amount=60)
    extension = services.extension_request(
        actor=users["inspector1"], case=case, received_on=TODAY(), requested_months=1, reasons="资金未到位"
    )
    services.report_receive(actor=users["inspector1"], case=case, received_on=TODAY(), summary="已完成")
    extension.refresh_from_db()
    extension.decision_deadline.refresh_from_db()
    assert extension.state == ExtensionState.REFUSED
    assert extension.decision_deadline.state == DeadlineState.WAIVED
    assert InspectionCase.objects.get(pk=case.pk).rectification_deadline.state == DeadlineState.MET


def test_notice_lead_amount_is_configurable(users, unit):
    DeadlineRule.objects.filter(code=rules.RULE_NOTICE_LEAD).update(amount=5)  # the national rule
    case = plan(users, unit, planned=days(5))
    assert case.planned_date == days(5)
    assert services.earliest_onsite_date(TODAY()) == TODAY() + datetime.timedelta(days=5)
