"""Every rule of energy/rules.py (and each shared rule the regime relies on) refuses its violation with its own message
and clause, and changes nothing."""

import datetime
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from energy import rules, services
from energy.choices import (
    CaseState,
    CheckItem,
    ExtensionState,
    FindingResult,
    Measure,
    Mode,
    Outcome,
    Trigger,
    VerificationResult,
)
from energy.models import ExtensionRequest, InspectionCase, PenaltyRecommendation, WrittenReply
from energy.models import TestingCommission as Commission
from energy.services import FindingInput, RecommendationInput
from energy.workflow import WORKFLOW
from linggao_mi.casework import rules as kit
from linggao_mi.casework.rules import Rule, RuleViolation
from linggao_mi.deadlines.models import DeadlineRule
from linggao_mi.deadlines.periods import cn_date
from linggao_mi.documents import rules as document_rules
from linggao_mi.documents.choices import DocumentState
from linggao_mi.documents.content import document_content
from linggao_mi.documents.services import (
    document_approve,
    document_draft,
    document_issue,
    document_serve,
    document_submit,
)
from linggao_mi.org.choices import Role
from linggao_mi.org.models import Certificate, Department, Section
from tests.factories import CertificateFactory, UserFactory
from tests.rules import refused

from .conftest import (
    REQUIREMENTS,
    SHANGHAI,
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

# The rules of the kit (linggao_mi/casework/rules.py) that energy's steps enforce; each is asserted below too.
SHARED = ("STATE_FORBIDS", "DATE_OUT_OF_RANGE", "LATE_ENTRY_REASON", "INSPECTORS_DISTINCT", "INSPECTOR_QUALIFIED",
          "DECISION_NEEDS_CHIEF", "DATE_ORDER")



def state(case) -> str:
    return InspectionCase.objects.get(pk=case.pk).state



def test_credit_code_rules(users):
    for code, rule in (("91440300192203821", rules.CREDIT_CODE_FORMAT),
                       ("91440300192203821I", rules.CREDIT_CODE_FORMAT),
                       ("914403001922038217", rules.CREDIT_CODE_CHECK_DIGIT)):
        with pytest.raises(ValidationError) as info:
            services.unit_create(
                actor=users["staff"], name="某单位", credit_code=code, address="临高县", legal_representative="甲",
                contact_person="乙", contact_phone="1", industry="制造业",
            )
        assert info.value.message_dict["credit_code"] == [str(rule)]


# ---------------------------------------------------------------- planning and the written notice


def test_notice_lead_on_planning(users, unit):
    error = refused(rules.NOTICE_LEAD, plan, users, unit, planned=days(6))
    assert "7日" in error.detail
    assert not InspectionCase.objects.exists()
    assert plan(users, unit, planned=days(7)).state == CaseState.PLANNED


def test_notice_served_too_late_for_the_planned_date_is_refused_with_the_serve(users, unit):
    start = days(-20)
    case = plan(users, unit, at=start, planned=start + 10 * DAY)
    with on(start):
        case = services.notice_draft(actor=users["inspector1"], case=case, requirements=REQUIREMENTS)
        document = case.notice_document
        document_submit(actor=users["inspector1"], document=document)
        document_approve(actor=users["chief"], document=document)
        document_issue(actor=users["chief"], document=document)
    late = start + 4 * DAY  # 6 days before the planned date
    with on(late):
        error = refused(rules.NOTICE_LEAD, document_serve, actor=users["inspector1"], document=document,
                        method="direct", served_on=late, recipient="陈明")
    assert "最早可于" in error.detail
    document.refresh_from_db()
    assert document.state == DocumentState.ISSUED and document.served_on is None
    case.refresh_from_db()
    assert case.state == CaseState.PLANNED and case.notice_served_on is None


def test_notice_issue_checks_the_lead_again(users, unit):
    start = days(-20)
    case = plan(users, unit, at=start, planned=start + 10 * DAY)
    with on(start):
        case = services.notice_draft(actor=users["inspector1"], case=case, requirements=REQUIREMENTS)
        document_submit(actor=users["inspector1"], document=case.notice_document)
        document_approve(actor=users["chief"], document=case.notice_document)
    with on(start + 5 * DAY):
        refused(rules.NOTICE_LEAD, document_issue, actor=users["chief"], document=case.notice_document)
    case.notice_document.refresh_from_db()
    assert case.notice_document.state == DocumentState.APPROVED and not case.notice_document.number


def test_exempt_triggers_need_no_notice(users, unit):
    for trigger in (Trigger.CASE, Trigger.REPORT, Trigger.SPOT):
        case = plan(users, unit, trigger=trigger, planned=TODAY())
        error = refused(rules.NOTICE_LEAD, services.notice_draft, actor=users["inspector1"], case=case,
                        requirements=REQUIREMENTS)
        assert "无需提前书面通知" in error.detail
        assert file_record(users, case, day=TODAY()).state == CaseState.RECORDED


def test_a_planned_onsite_inspection_waits_for_its_notice_and_the_lead(users, unit):
    case = plan(users, unit, planned=days(8))
    refused(rules.NOTICE_REQUIRED, file_record, users, case)  # no notice at all (on the planned day)
    case = services.notice_draft(actor=users["inspector1"], case=case, requirements=REQUIREMENTS)
    refused(rules.NOTICE_REQUIRED, file_record, users, case)  # drafted, not served
    error = refused(rules.NOTICE_REQUIRED, WORKFLOW["notice_served"].check, case)
    assert "尚未签发" in error.detail
    issue_and_serve(users, case.notice_document)
    case.refresh_from_db()
    refused(rules.NOTICE_LEAD, file_record, users, case, day=days(6))  # served today: not before 7 days
    assert state(case) == CaseState.NOTIFIED
    assert file_record(users, case, day=days(7)).state == CaseState.RECORDED


def test_notice_contents_and_one_notice_at_a_time(users, unit):
    case = plan(users, unit)
    # the 要求 is the one text the inspector writes: the documents' rule for a required text refuses a blank one
    refused(document_rules.TEXT_REQUIRED, services.notice_draft, actor=users["inspector1"], case=case,
            requirements="  ")
    # the 依据 comes from the case: a case without one (a row from before the default) cannot have its notice
    InspectionCase.objects.filter(pk=case.pk).update(basis="")
    case.refresh_from_db()
    refused(rules.NOTICE_CONTENTS, services.notice_draft, actor=users["inspector1"], case=case,
            requirements=REQUIREMENTS)
    case.refresh_from_db()
    assert case.notice_document is None and case.notice_requirements == ""
    InspectionCase.objects.filter(pk=case.pk).update(basis="《中华人民共和国节约能源法》")
    case.refresh_from_db()
    case = services.notice_draft(actor=users["inspector1"], case=case, requirements=REQUIREMENTS)
    refused(rules.NOTICE_ALREADY, services.notice_draft, actor=users["inspector1"], case=case,
            requirements=REQUIREMENTS)


def test_two_inspectors_distinct_of_the_section_with_valid_certificates(users, unit):
    base = dict(actor=users["inspector1"], unit=unit, mode=Mode.ONSITE, trigger=Trigger.SPOT, planned_date=TODAY(),
                items=["1"])
    refused(rules.TWO_INSPECTORS, services.inspection_plan, inspectors=[users["inspector1"]], **base)
    refused(kit.INSPECTORS_DISTINCT, services.inspection_plan, inspectors=[users["inspector1"]] * 2, **base)
    outsider = UserFactory(role=Role.INSPECTOR, section=Section.objects.exclude(code="industry").first())
    CertificateFactory(holder=outsider)
    error = refused(kit.INSPECTOR_QUALIFIED, services.inspection_plan, inspectors=[users["inspector1"], outsider],
                    **base)
    assert outsider.username in error.detail or outsider.get_full_name() in error.detail
    uncertified = UserFactory(role=Role.INSPECTOR)
    refused(kit.INSPECTOR_QUALIFIED, services.inspection_plan, inspectors=[users["inspector1"], uncertified], **base)
    written = {**base, "mode": Mode.WRITTEN, "planned_date": days(10)}
    refused(kit.INSPECTOR_QUALIFIED, services.inspection_plan, inspectors=[uncertified], **written)  # one, in writing
    assert not InspectionCase.objects.exists()

    case = plan(users, unit, trigger=Trigger.SPOT, planned=TODAY())
    refused(rules.TWO_INSPECTORS, file_record, users, case, day=TODAY(), inspectors=[users["inspector1"]])
    error = refused(rules.TWO_INSPECTORS, file_record, users, case, day=TODAY(),
                    inspectors=[users["inspector1"], users["chief"]])
    assert "本案承办人员" in error.detail
    refused(kit.INSPECTORS_DISTINCT, file_record, users, case, day=TODAY(),
            inspectors=[users["inspector1"], users["inspector1"]])
    Certificate.objects.filter(holder=users["inspector2"]).update(valid_to=days(-1))
    error = refused(kit.INSPECTOR_QUALIFIED, file_record, users, case, day=TODAY())
    assert users["inspector2"].username in error.detail or users["inspector2"].get_full_name() in error.detail
    assert state(case) == CaseState.PLANNED and not hasattr(InspectionCase.objects.get(pk=case.pk), "site_record")


def test_record_signature_measures_and_times(users, unit):
    case = plan(users, unit, trigger=Trigger.SPOT, planned=TODAY())
    refused(rules.RECORD_SIGNATURE, file_record, users, case, day=TODAY(), signer_name="", signer_capacity="")
    refused(rules.RECORD_SIGNATURE, file_record, users, case, day=TODAY(), signer_capacity="boss")
    refused(rules.RECORD_SIGNATURE, file_record, users, case, day=TODAY(), refused=True, refusal_note="")
    refused(rules.RECORD_MEASURES, file_record, users, case, day=TODAY(), measures=[])
    refused(rules.RECORD_MEASURES, file_record, users, case, day=TODAY(), measures=["9"])
    refused(rules.RECORD_MEASURES, file_record, users, case, day=TODAY(), measures=[Measure.OTHER])
    start = datetime.datetime.combine(TODAY(), datetime.time(9), tzinfo=SHANGHAI)
    refused(rules.RECORD_TIMES, file_record, users, case, day=TODAY(), ended_at=start - datetime.timedelta(hours=1))
    assert state(case) == CaseState.PLANNED
    case = file_record(users, case, day=TODAY(), refused=True, refusal_note="法定代表人拒绝签字，由监察人员注明")
    assert case.site_record.refused and case.site_record.signer_name == ""


def test_mode_of_the_steps(users, unit):
    written = serve_notice(users, plan(users, unit, mode=Mode.WRITTEN, at=days(-5), planned=days(5)))
    assert written.state == CaseState.NOTIFIED
    refused(rules.MODE_ONSITE_ONLY, file_record, users, written, day=TODAY())
    refused(rules.MODE_ONSITE_ONLY, services.plan_correct, actor=users["inspector1"], case=written,
            planned_date=days(9), reason="推迟")
    onsite = serve_notice(users, plan(users, unit, at=days(-5), planned=days(5)))
    refused(rules.MODE_WRITTEN_ONLY, services.materials_receive, actor=users["inspector1"], case=onsite,
            received_on=TODAY(), paper=True, electronic=False, description="报告", uploads=[scan()])
    assert (state(written), state(onsite)) == (CaseState.NOTIFIED, CaseState.NOTIFIED)


def test_written_materials_after_the_notice_in_writing(users, unit):
    case = plan(users, unit, mode=Mode.WRITTEN, at=days(-10), planned=days(1))
    materials = dict(actor=users["inspector1"], paper=True, electronic=False, description="报告")
    refused(kit.STATE_FORBIDS, services.materials_receive, case=case, received_on=TODAY(), uploads=[scan()],
            **materials)  # no notice served yet
    case = serve_notice(users, case, served_on=days(-5))
    error = refused(rules.WRITTEN_NOTICE_REQUIRED, services.materials_receive, case=case, received_on=days(-7),
                    uploads=[scan()], **materials)
    assert "送达" in error.detail
    refused(rules.MATERIALS_IN_WRITING, services.materials_receive, case=case, received_on=TODAY(), uploads=[],
            **materials)
    refused(rules.MATERIALS_IN_WRITING, services.materials_receive, case=case, received_on=TODAY(),
            uploads=[scan()], **{**materials, "paper": False})
    assert state(case) == CaseState.NOTIFIED


def test_plan_correction(users, unit):
    case = plan(users, unit, at=days(-5), planned=days(5))
    correct = services.plan_correct
    refused(rules.PLAN_CORRECTION, correct, actor=users["inspector1"], case=case, planned_date=days(9), reason=" ")
    refused(rules.PLAN_CORRECTION, correct, actor=users["inspector1"], case=case, planned_date=days(-1), reason="补")
    refused(rules.NOTICE_LEAD, correct, actor=users["inspector1"], case=case, planned_date=days(3), reason="提前")
    case = serve_notice(users, case)  # served five days ago
    refused(rules.NOTICE_LEAD, correct, actor=users["inspector1"], case=case, planned_date=days(1), reason="提前")
    Certificate.objects.filter(holder=users["inspector2"]).update(valid_to=days(20))
    refused(kit.INSPECTOR_QUALIFIED, correct, actor=users["inspector1"], case=case, planned_date=days(30),
            reason="推迟")
    assert InspectionCase.objects.get(pk=case.pk).planned_date == days(5)
    case = correct(actor=users["inspector1"], case=case, planned_date=days(2), reason="企业要求提前")
    assert case.planned_date == days(2) and case.state == CaseState.NOTIFIED
    case = file_record(users, case)
    refused(kit.STATE_FORBIDS, correct, actor=users["inspector1"], case=case, planned_date=days(9), reason="推迟")


def test_notice_served_after_a_correction_states_the_corrected_date(users, unit):
    """A notice served too late is refused and the date corrected; the notice issued with the old date can no longer
    be served (the unit must be told the day the inspectors will come), and a new notice is drafted in its place."""
    start = days(-20)
    case = plan(users, unit, at=start, planned=start + 10 * DAY)
    with on(start):
        case = services.notice_draft(actor=users["inspector1"], case=case, requirements=REQUIREMENTS)
        document = case.notice_document
        document_submit(actor=users["inspector1"], document=document)
        document_approve(actor=users["chief"], document=document)
        document_issue(actor=users["chief"], document=document)
    late = start + 5 * DAY
    with on(late):
        refused(rules.NOTICE_LEAD, document_serve, actor=users["inspector1"], document=document, method="direct",
                served_on=late, recipient="陈明")
        case.refresh_from_db()
        try:
            services.plan_correct(actor=users["inspector1"], case=case, planned_date=late + 8 * DAY, reason="推迟")
            document_serve(actor=users["inspector1"], document=document, method="direct", served_on=late,
                           recipient="陈明")
        except RuleViolation as refusal:
            # refusing the correction, or the outdated notice, is a fix as good as restating the date
            assert refusal.rule is rules.PLAN_CORRECTION, refusal
            assert state(case) == CaseState.PLANNED
            case.refresh_from_db()
            case = services.notice_draft(actor=users["inspector1"], case=case, requirements=REQUIREMENTS)
            assert case.notice_document != document
            assert document_content(case.notice_document)["planned_date"] == cn_date(late + 8 * DAY)
            return
    document.refresh_from_db()
    case.refresh_from_db()
    assert document.facts["planned_date"] == cn_date(case.planned_date)


# ---------------------------------------------------------------- the inspection


def test_testing_agency_fee_and_pending(users, unit):
    case = onsite_recorded(users, unit)
    kwargs = dict(actor=users["inspector1"], case=case, agency_name="海南省节能监测中心",
                  qualification_number="CMA-1", items="锅炉热效率", commissioned_on=TODAY())
    refused(rules.TESTING_AGENCY, services.testing_commission, **{**kwargs, "qualification_number": " "})
    refused(rules.TESTING_AGENCY, services.testing_commission, **{**kwargs, "agency_name": ""})
    refused(rules.TESTING_FREE, services.testing_commission, **{**kwargs, "fee_charged_to_unit": 500})
    assert not Commission.objects.exists()
    refused(rules.TESTING_PENDING, services.testing_result_record, actor=users["inspector1"], case=case,
            testing=Commission(pk=0, commissioned_on=TODAY()), results="合格", results_on=TODAY())  # none open
    testing = services.testing_commission(**kwargs)
    refused(rules.TESTING_PENDING, decide_violation, users, case, ended_on=TODAY())
    result = dict(actor=users["inspector1"], case=case, testing=testing, results="合格")
    refused(kit.DATE_ORDER, services.testing_result_record, results_on=days(-1), **result)  # before commission
    refused(rules.TESTING_PENDING, services.testing_result_record, results_on=TODAY(), **{**result, "results": " "})
    services.testing_result_record(results_on=TODAY(), **result)
    refused(rules.TESTING_PENDING, services.testing_result_record, results_on=TODAY(), **result)  # already recorded
    assert decide_violation(users, case, ended_on=TODAY()).state == CaseState.NOTICE_PENDING


def test_written_reply_rules(users, unit):
    case = onsite_recorded(users, unit)
    require = dict(actor=users["inspector1"], case=case)
    refused(rules.WRITTEN_REPLY, services.reply_require, questions=" ", days=5, **require)
    refused(rules.WRITTEN_REPLY, services.reply_require, questions="请说明", days=0, **require)
    assert not WrittenReply.objects.exists()
    receive = dict(actor=users["inspector1"], case=case, received_on=TODAY(), summary="已答复")
    refused(rules.WRITTEN_REPLY_NONE, services.reply_receive, upload=scan(), **receive)
    services.reply_require(questions="请说明淘汰电动机的使用情况", days=5, **require)
    refused(rules.WRITTEN_REPLY_IN_WRITING, services.reply_receive, upload=None, **receive)
    assert WrittenReply.objects.get().received_on is None
    services.reply_receive(upload=scan(), **receive)
    refused(rules.WRITTEN_REPLY_NONE, services.reply_receive, upload=scan(), **receive)


# ---------------------------------------------------------------- the outcome


def test_outcome_rules(users, unit):
    case = onsite_recorded(users, unit)
    inspected = case.planned_date
    decide = services.outcome_decide
    base = dict(actor=users["inspector1"], case=case, ended_on=TODAY())
    violation = dict(outcome=Outcome.VIOLATION, rectification_requirements="整改", rectification_months=3)
    refused(rules.OUTCOME_NONE_CONFLICT, decide, outcome=Outcome.NONE, **base)
    refused(rules.OUTCOME_UNREASONABLE_FACTS, decide, outcome=Outcome.UNREASONABLE, suggestions="x", **base)
    refused(rules.RECTIFICATION_REQUIREMENTS, decide, outcome=Outcome.VIOLATION, rectification_months=3, **base)
    error = refused(rules.RECTIFICATION_PERIOD_MAX, decide, outcome=Outcome.VIOLATION, rectification_months=7,
                    rectification_requirements="整改", **base)
    assert "6个月" in error.detail
    refused(rules.RECTIFICATION_PERIOD_MAX, decide, **{**violation, "rectification_months": None}, **base)
    refused(rules.PENALTY_RECOMMENDATION, decide, outcome=Outcome.DIRECT_PENALTY, **base)
    refused(rules.PENALTY_RECOMMENDATION, decide, outcome=Outcome.DIRECT_PENALTY, actor=users["chief"], case=case,
            ended_on=TODAY(), recommendation=RecommendationInput(None, "第七十一条", "使用淘汰设备"))
    bureau = Department.objects.filter(is_bureau=True).first()
    refused(rules.PENALTY_RECOMMENDATION, decide, outcome=Outcome.DIRECT_PENALTY, actor=users["chief"], case=case,
            ended_on=TODAY(), recommendation=RecommendationInput(bureau, "第七十一条", "使用淘汰设备"))
    refused(rules.PENALTY_RECOMMENDATION, decide, outcome=Outcome.DIRECT_PENALTY, actor=users["chief"], case=case,
            ended_on=TODAY(), recommendation=RecommendationInput(referral().department, " ", "使用淘汰设备"))
    # a referral needs a violation the law says must be punished (the finding marked punishable)
    error = refused(rules.PENALTY_RECOMMENDATION, decide, **violation, recommendation=referral(),
                    actor=users["chief"], case=case, ended_on=TODAY())
    assert "依法应当予以处罚或者处理" in error.detail
    refused(rules.PENALTY_RECOMMENDATION, decide, **violation, findings=violation_findings(punishable=True), **base)
    assert not case.findings.filter(punishable=True).exists()  # the refusal rolled the findings back
    no_basis = {CheckItem.ELIMINATION: FindingInput(FindingResult.VIOLATION, "使用淘汰电动机", "")}
    refused(rules.OUTCOME_VIOLATION_FACTS, decide, **violation, findings=no_basis, **base)
    assert case.findings.get(item=CheckItem.ELIMINATION).basis
    compliant = {CheckItem.ELIMINATION: FindingInput(FindingResult.COMPLIANT, "已淘汰")}
    refused(rules.OUTCOME_VIOLATION_FACTS, decide, outcome=Outcome.DIRECT_PENALTY, findings=compliant,
            recommendation=referral(), actor=users["chief"], case=case, ended_on=TODAY())
    unreasonable = {CheckItem.ELIMINATION: FindingInput(FindingResult.UNREASONABLE, "空载运行")}
    refused(rules.ADVICE_SUGGESTIONS, decide, outcome=Outcome.UNREASONABLE, findings=unreasonable, **base)
    refused(rules.CHECKLIST_EMPTY, decide, **violation, findings={
        CheckItem.TRAINING: FindingInput(FindingResult.COMPLIANT, "已培训")}, **base)
    error = refused(rules.OUTCOME_DATE, decide, **violation, actor=users["inspector1"], case=case,
                    ended_on=inspected - DAY)
    assert "监察日期" in error.detail
    refused(kit.DATE_OUT_OF_RANGE, decide, **violation, actor=users["inspector1"], case=case, ended_on=days(1))
    refused(kit.LATE_ENTRY_REASON, decide, **violation, actor=users["inspector1"], case=case,
            ended_on=timezone.localdate(case.created_at) - DAY)
    case.refresh_from_db()
    assert case.state == CaseState.RECORDED and case.outcome == "" and case.outcome_document is None
    assert not PenaltyRecommendation.objects.exists()


def test_referral_is_decided_by_the_chief_or_a_leader(users, unit):
    case = onsite_recorded(users, unit, findings=violation_findings(punishable=True))
    outcome = dict(outcome=Outcome.DIRECT_PENALTY, ended_on=TODAY(), recommendation=referral())
    error = refused(kit.DECISION_NEEDS_CHIEF, services.outcome_decide, actor=users["inspector1"], case=case,
                    **outcome)
    assert "报请股长决定" in error.detail
    case.refresh_from_db()
    assert case.state == CaseState.RECORDED and not case.recommendations.exists()
    case = services.outcome_propose(actor=users["inspector1"], case=case, **outcome)
    for step in (services.outcome_confirm, services.outcome_return):
        with pytest.raises(PermissionDenied):
            step(actor=users["inspector2"], case=case, reasons="同意")
    refused(kit.STATE_FORBIDS, services.outcome_propose, actor=users["inspector1"], case=case, **outcome)
    assert state(case) == CaseState.OUTCOME_PROPOSED


def test_a_returned_proposal_needs_reasons(users, unit):
    """Returning a proposal without reasons is refused under its own rule (not the one telling inspectors to ask the
    chief), and the proposal stays."""
    case = onsite_recorded(users, unit, findings=violation_findings(punishable=True))
    case = services.outcome_propose(actor=users["inspector1"], case=case, outcome=Outcome.DIRECT_PENALTY,
                                    ended_on=TODAY(), recommendation=referral())
    refused(rules.OUTCOME_RETURN_REASONS, services.outcome_return, actor=users["chief"], case=case, reasons=" ")
    assert state(case) == CaseState.OUTCOME_PROPOSED


def test_rectification_cap_follows_the_rule(users, unit):
    DeadlineRule.objects.filter(code=rules.RULE_RECTIFICATION).update(amount=3)
    case = onsite_recorded(users, unit)
    error = refused(rules.RECTIFICATION_PERIOD_MAX, decide_violation, users, case, months=4)
    assert "3个月" in error.detail
    assert decide_violation(users, case, months=3).state == CaseState.NOTICE_PENDING


def test_outcome_document_must_be_issued_before_it_is_served(users, unit):
    case = decide_violation(users, onsite_recorded(users, unit))
    error = refused(rules.OUTCOME_DOCUMENT_NOT_ISSUED, WORKFLOW["outcome_served"].check, case)
    assert "草稿" in error.detail
    document_submit(actor=users["inspector1"], document=case.outcome_document)
    document_approve(actor=users["chief"], document=case.outcome_document)
    case.refresh_from_db()
    refused(rules.OUTCOME_DOCUMENT_NOT_ISSUED, WORKFLOW["outcome_served"].check, case)
    document_issue(actor=users["chief"], document=case.outcome_document)
    case.refresh_from_db()
    WORKFLOW["outcome_served"].check(case)
    # only the case's own outcome document moves it
    error = refused(rules.OUTCOME_DOCUMENT_NOT_ISSUED, services.outcome_served, document=case.notice_document,
                    actor=users["inspector1"])
    assert "不是本案的处理文书" in error.detail
    assert state(case) == CaseState.NOTICE_PENDING


# ---------------------------------------------------------------- rectification and extensions


def window_request(users, case, received_on, months=1, **kwargs):
    with on(received_on):
        return services.extension_request(
            actor=users["inspector1"], case=case, received_on=received_on, requested_months=months,
            reasons=kwargs.pop("reasons", "设备未到货"), upload=kwargs.pop("upload", scan()), **kwargs,
        )


def test_extension_window_is_the_fifteen_days_ending_on_the_due_date(users, unit):
    case = rectifying(users, unit)
    due = case.rectification_deadline.due
    for day in (due - 15 * DAY, TODAY()):  # before the window opens
        error = refused(rules.EXTENSION_WINDOW, window_request, users, case, day)
        assert "受理期间" in error.detail
    error = refused(rules.EXTENSION_WINDOW, window_request, users, case, due + DAY)  # the period has run out
    assert error.detail == f"整改期限已于{cn_date(due)}届满"
    assert not ExtensionRequest.objects.exists()
    assert window_request(users, case, due - 14 * DAY).state == ExtensionState.PENDING

    other = rectifying(users, unit)
    assert other.rectification_deadline.due == due
    assert window_request(users, other, due).received_on == due


def test_extension_request_and_decision_rules(users, unit):
    case = rectifying(users, unit, months=2)
    due = case.rectification_deadline.due
    received = due - 5 * DAY
    refused(rules.EXTENSION_IN_WRITING, window_request, users, case, received, upload=None)
    refused(rules.EXTENSION_REQUEST_REASONS, window_request, users, case, received, reasons=" ")
    error = refused(rules.EXTENSION_MAX, window_request, users, case, received, months=7)
    assert "累计6个月" in error.detail
    with on(received):
        refused(rules.EXTENSION_NONE_PENDING, services.extension_decide, actor=users["chief"], case=case,
                approve=False, reasons="无申请")  # nothing pending to decide
    window_request(users, case, received, months=4)
    refused(rules.EXTENSION_PENDING, window_request, users, case, received)
    decide = dict(actor=users["chief"], case=case, approve=True)
    with on(received + DAY):
        refused(rules.EXTENSION_DECISION_REASONS, services.extension_decide, reasons=" ", **decide)
        refused(kit.DATE_ORDER, services.extension_decide, reasons="属实", decided_on=received - DAY,
                **decide)
        error = refused(rules.EXTENSION_GRANT_EXCEEDS, services.extension_decide, reasons="属实", granted_months=5,
                        **decide)
        assert "申请延期4个月" in error.detail
        refused(kit.DATE_OUT_OF_RANGE, services.extension_decide, reasons="属实", decided_on=received + 2 * DAY,
                **decide)
        assert ExtensionRequest.objects.get().state == ExtensionState.PENDING
        services.extension_decide(reasons="属实", **decide)
    case.refresh_from_db()
    assert case.extension_months == 4
    new_due = case.rectification_deadline.due
    refused(rules.EXTENSION_MAX, window_request, users, case, new_due - DAY, months=3)  # 4 + 3 > 6 in all
    assert window_request(users, case, new_due - DAY, months=2).requested_months == 2


def test_report_in_writing_and_verification_dates(users, unit):
    case = rectifying(users, unit)
    report = dict(actor=users["inspector1"], case=case, received_on=TODAY(), summary="已更换")
    refused(rules.REPORT_IN_WRITING, services.report_receive, uploads=[], **report)
    refused(kit.DATE_OUT_OF_RANGE, services.report_receive, uploads=[scan()], **{**report, "received_on": days(1)})
    refused(kit.STATE_FORBIDS, services.rectification_verify, actor=users["inspector1"], case=case,
            verified_on=TODAY(), result=VerificationResult.PASSED, notes="已核实")
    assert state(case) == CaseState.RECTIFYING
    received = days(3)
    with on(received):
        case = services.report_receive(uploads=[scan()], **{**report, "received_on": received})
        error = refused(kit.DATE_ORDER, services.rectification_verify, actor=users["inspector1"],
                        case=case, verified_on=received - DAY, result=VerificationResult.PASSED, notes="已核实")
    assert "早于" in error.detail and state(case) == CaseState.REPORTED


def test_extension_decision_document_rests_on_a_decision(users, unit):
    case = rectifying(users, unit)
    refused(rules.EXTENSION_DECISION_MISSING, document_draft, actor=users["inspector1"], case=case,
            kind_code=rules.KIND_EXTENSION_DECISION)


def test_escalation_by_the_chief_once_the_period_has_run_out(users, unit):
    case = rectifying(users, unit, months=1)
    due = case.rectification_deadline.due
    escalate = services.rectification_escalate
    error = refused(rules.ESCALATE_NOT_OVERDUE, escalate, actor=users["chief"], case=case, recommendation=referral())
    assert "整改期限至" in error.detail
    with on(due):
        refused(rules.ESCALATE_NOT_OVERDUE, escalate, actor=users["chief"], case=case, recommendation=referral())
    window_request(users, case, due - DAY)
    with on(due + DAY):
        refused(rules.EXTENSION_PENDING, escalate, actor=users["chief"], case=case, recommendation=referral())
        services.extension_decide(actor=users["chief"], case=case, approve=False, reasons="理由不成立")
        with pytest.raises(PermissionDenied):
            escalate(actor=users["inspector1"], case=case, recommendation=referral())
        refused(rules.PENALTY_RECOMMENDATION, escalate, actor=users["chief"], case=case, recommendation=None)
        bureau = Department.objects.filter(is_bureau=True).first()
        refused(rules.PENALTY_RECOMMENDATION, escalate, actor=users["chief"], case=case,
                recommendation=RecommendationInput(bureau, "第七十一条", "逾期"))
        assert state(case) == CaseState.RECTIFYING and not case.recommendations.exists()
        assert escalate(actor=users["chief"], case=case, recommendation=referral()).state == CaseState.ESCALATED


def test_a_failed_verification_is_escalated_without_waiting(users, unit):
    case = rectifying(users, unit, months=6)
    case = services.report_receive(actor=users["inspector1"], case=case, received_on=TODAY(), summary="已更换",
                                   uploads=[scan()])
    case = services.rectification_verify(actor=users["inspector1"], case=case, verified_on=TODAY(),
                                         result=VerificationResult.FAILED, notes="未更换")
    assert case.state == CaseState.UNRESOLVED
    refused(kit.STATE_FORBIDS, services.case_close, actor=users["chief"], case=case, reason="结案")
    case = services.rectification_escalate(actor=users["chief"], case=case, recommendation=referral())
    assert case.state == CaseState.ESCALATED


def test_closing_needs_the_chief_and_a_reason(users, unit):
    case = plan(users, unit, trigger=Trigger.SPOT, planned=TODAY())
    case = file_record(users, case, day=TODAY(), findings={})
    refused(kit.STATE_FORBIDS, services.case_close, actor=users["chief"], case=case, reason="结案")
    case = services.outcome_decide(actor=users["inspector1"], case=case, outcome=Outcome.NONE, ended_on=TODAY())
    with pytest.raises(PermissionDenied):
        services.case_close(actor=users["inspector1"], case=case, reason="未发现问题")
    refused(kit.DATE_OUT_OF_RANGE, services.case_close, actor=users["chief"], case=case, reason="未发现问题",
            closed_on=days(1))
    with pytest.raises(RuleViolation):
        services.case_close(actor=users["chief"], case=case, reason=" ")
    assert state(case) == CaseState.TO_CLOSE


def test_closing_needs_a_closing_statement(users, unit):
    """A case found in order is closed with a statement; a blank one is refused under the closing rule (not the
    referral's, which would tell the chief to pick a department)."""
    case = plan(users, unit, trigger=Trigger.SPOT, planned=TODAY())
    case = file_record(users, case, day=TODAY(), findings={})
    case = services.outcome_decide(actor=users["inspector1"], case=case, outcome=Outcome.NONE, ended_on=TODAY())
    refused(rules.CLOSE_REASON, services.case_close, actor=users["chief"], case=case, reason=" ")
    assert state(case) == CaseState.TO_CLOSE


# ---------------------------------------------------------------- dates, the checklist, the register


def test_dates_in_range_and_late_entries_with_a_reason(users, unit):
    refused(kit.LATE_ENTRY_REASON, plan, users, unit, trigger=Trigger.SPOT, planned=days(-3))
    assert not InspectionCase.objects.exists()
    case = plan(users, unit, trigger=Trigger.SPOT, planned=days(-3), late_reason="现场检查后补录")
    refused(kit.LATE_ENTRY_REASON, file_record, users, case, day=days(-3))
    tomorrow = datetime.datetime.combine(days(1), datetime.time(9), tzinfo=SHANGHAI)
    refused(kit.DATE_OUT_OF_RANGE, services.record_file, actor=users["inspector1"], case=case, started_at=tomorrow,
            ended_at=tomorrow + datetime.timedelta(hours=1), place="厂区",
            inspectors=[users["inspector1"], users["inspector2"]], present="陈明", measures=[Measure.ENTER],
            findings={}, signer_name="王建国", signer_capacity="legal_representative")
    refused(kit.DATE_OUT_OF_RANGE, file_record, users, case, day=datetime.date(1999, 12, 31), late_reason="补录")
    assert state(case) == CaseState.PLANNED
    case = file_record(users, case, day=days(-3), late_reason="纸质笔录补录")
    assert case.state == CaseState.RECORDED


def test_checklist_and_unit_deletion(users, unit):
    refused(rules.CHECKLIST_EMPTY, plan, users, unit, items=["x"])
    refused(rules.CHECKLIST_EMPTY, plan, users, unit, items=[])
    plan(users, unit)
    refused(rules.UNIT_HAS_CASES, services.unit_delete, actor=users["admin"], unit=unit)


def test_steps_from_the_wrong_state(users, unit):
    case = plan(users, unit, at=days(-5), planned=days(5))
    refused(kit.STATE_FORBIDS, decide_violation, users, case, ended_on=TODAY())
    refused(kit.STATE_FORBIDS, services.report_receive, actor=users["inspector1"], case=case, received_on=TODAY(),
            summary="x", uploads=[scan()])
    refused(kit.STATE_FORBIDS, services.case_close, actor=users["chief"], case=case, reason="x")
    case = serve_outcome(users, decide_violation(users, onsite_recorded(users, unit)))
    refused(kit.STATE_FORBIDS, services.outcome_propose, actor=users["inspector1"], case=case, outcome=Outcome.NONE,
            ended_on=TODAY())
    assert case.state == CaseState.RECTIFYING


def test_every_rule_has_a_refusal_test_here():
    """Each Rule constant of energy/rules.py, and each shared rule the regime enforces, is asserted by a test of this
    module (order-independent)."""
    source = Path(__file__).read_text(encoding="utf-8")
    declared = {name for name, value in vars(rules).items() if isinstance(value, Rule)}
    assert {name for name in declared if f"rules.{name}" not in source} == set()
    assert all(isinstance(getattr(kit, name), Rule) for name in SHARED)
    assert {name for name in SHARED if f"kit.{name}" not in source} == set()
