"""Every rule of energy/rules.py refuses its violation with its own message and clause, and changes nothing."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from energy import rules, services
from energy.choices import CaseState, CheckItem, FindingResult, Measure, Mode, Outcome, Trigger
from energy.models import InspectionCase
from energy.models import TestingCommission as Commission
from energy.services import FindingInput, RecommendationInput
from linggao_mi.casework.rules import Rule, RuleViolation
from linggao_mi.deadlines.models import DeadlineRule
from linggao_mi.org.models import Certificate

from .conftest import (
    TODAY,
    days,
    decide_violation,
    file_record,
    issue_document,
    onsite_recorded,
    plan,
    serve_document,
    serve_notice,
)

pytestmark = pytest.mark.django_db


def refused(rule: Rule, call, *args, **kwargs) -> RuleViolation:
    with pytest.raises(RuleViolation) as info:
        call(*args, **kwargs)
    assert info.value.rule is rule
    assert str(info.value).startswith(str(rule))
    assert rule.message in str(info.value) and rule.clause in str(info.value)
    return info.value


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


def test_notice_lead_on_planning_and_on_notice(users, unit):
    error = refused(rules.NOTICE_LEAD, plan, users, unit, planned=days(6))
    assert "7日" in error.detail
    assert not InspectionCase.objects.exists()
    case = plan(users, unit, planned=days(7))
    refused(rules.NOTICE_LEAD, serve_notice, users, case, served_on=days(-5), planned_date=days(1))
    assert InspectionCase.objects.get().state == CaseState.PLANNED


def test_exempt_triggers_need_no_notice(users, unit):
    for trigger in (Trigger.CASE, Trigger.REPORT, Trigger.SPOT):
        case = plan(users, unit, trigger=trigger, planned=TODAY())
        file_record(users, case, day=TODAY())
    case = plan(users, unit, planned=days(8))
    refused(rules.NOTICE_LEAD, file_record, users, case, day=TODAY())  # planned inspection, no notice yet


def test_notice_contents(users, unit):
    case = plan(users, unit)
    refused(rules.NOTICE_CONTENTS, services.notice_serve, actor=users["inspector1"], case=case,
            served_on=TODAY(), method="直接送达", recipient="陈明", requirements="  ")


def test_two_inspectors_with_valid_certificates(users, unit):
    with pytest.raises(RuleViolation) as info:
        services.inspection_plan(actor=users["inspector1"], unit=unit, mode=Mode.ONSITE, trigger=Trigger.SPOT,
                                 planned_date=TODAY(), items=["1"], inspectors=[users["inspector1"]])
    assert info.value.rule is rules.TWO_INSPECTORS
    case = plan(users, unit, trigger=Trigger.SPOT, planned=TODAY())
    Certificate.objects.filter(holder=users["inspector2"]).update(valid_to=days(-1))
    error = refused(rules.TWO_INSPECTORS, file_record, users, case, day=TODAY())
    assert users["inspector2"].username in error.detail or users["inspector2"].get_full_name() in error.detail


def test_record_signature_and_measures(users, unit):
    case = plan(users, unit, trigger=Trigger.SPOT, planned=TODAY())
    refused(rules.RECORD_SIGNATURE, file_record, users, case, day=TODAY(), signer_name="", signer_capacity="")
    refused(rules.RECORD_SIGNATURE, file_record, users, case, day=TODAY(), refused=True, refusal_note="")
    refused(rules.RECORD_MEASURES, file_record, users, case, day=TODAY(), measures=[])
    refused(rules.RECORD_MEASURES, file_record, users, case, day=TODAY(), measures=[Measure.OTHER])
    case = file_record(users, case, day=TODAY(), refused=True, refusal_note="法定代表人拒绝签字，由监察人员注明")
    assert case.site_record.refused and case.site_record.signer_name == ""


def test_written_notice_before_materials(users, unit):
    case = plan(users, unit, mode=Mode.WRITTEN, planned=days(1))
    refused(rules.WRITTEN_NOTICE_REQUIRED, services.materials_receive, actor=users["inspector1"], case=case,
            received_on=TODAY(), paper=True, electronic=False, description="报告")


def test_testing_agency_fee_and_pending(users, unit):
    case = onsite_recorded(users, unit)
    kwargs = dict(actor=users["inspector1"], case=case, agency_name="海南省节能监测中心",
                  qualification_number="CMA-1", items="锅炉热效率", commissioned_on=TODAY())
    refused(rules.TESTING_AGENCY, services.testing_commission, **{**kwargs, "qualification_number": " "})
    refused(rules.TESTING_FREE, services.testing_commission, **{**kwargs, "fee_charged_to_unit": 500})
    assert not Commission.objects.exists()
    services.testing_commission(**kwargs)
    refused(rules.TESTING_PENDING, decide_violation, users, case)


def test_outcome_rules(users, unit):
    case = onsite_recorded(users, unit)
    decide = services.outcome_decide
    base = dict(actor=users["inspector1"], case=case, ended_on=days(-3))
    refused(rules.OUTCOME_NONE_CONFLICT, decide, outcome=Outcome.NONE, **base)
    refused(rules.OUTCOME_UNREASONABLE_FACTS, decide, outcome=Outcome.UNREASONABLE, suggestions="x", **base)
    refused(rules.RECTIFICATION_REQUIREMENTS, decide, outcome=Outcome.VIOLATION, rectification_months=3, **base)
    error = refused(rules.RECTIFICATION_PERIOD_MAX, decide, outcome=Outcome.VIOLATION, rectification_months=7,
                    rectification_requirements="整改", **base)
    assert "6个月" in error.detail
    refused(rules.PENALTY_RECOMMENDATION, decide, outcome=Outcome.DIRECT_PENALTY, **base)
    refused(rules.PENALTY_RECOMMENDATION, decide, outcome=Outcome.VIOLATION, rectification_months=3,
            rectification_requirements="整改", recommendation=RecommendationInput("", "", ""), **base)
    no_basis = {CheckItem.ELIMINATION: FindingInput(FindingResult.VIOLATION, "使用淘汰电动机", "")}
    refused(rules.OUTCOME_VIOLATION_FACTS, decide, outcome=Outcome.VIOLATION, findings=no_basis,
            rectification_months=3, rectification_requirements="整改", **base)
    # a refusal leaves the findings as they were (the transaction rolls back)
    assert case.findings.get(item=CheckItem.ELIMINATION).basis
    unreasonable = {CheckItem.ELIMINATION: FindingInput(FindingResult.UNREASONABLE, "空载运行")}
    refused(rules.ADVICE_SUGGESTIONS, decide, outcome=Outcome.UNREASONABLE, findings=unreasonable, **base)
    refused(rules.DATE_IN_FUTURE, decide, outcome=Outcome.NONE, actor=users["inspector1"], case=case,
            ended_on=days(1))
    assert InspectionCase.objects.get(pk=case.pk).state == CaseState.RECORDED


def test_rectification_cap_follows_the_rule(users, unit):
    DeadlineRule.objects.filter(code=rules.RULE_RECTIFICATION).update(amount=3)
    case = onsite_recorded(users, unit)
    refused(rules.RECTIFICATION_PERIOD_MAX, decide_violation, users, case, months=4)


def test_serve_needs_issued_document(users, unit):
    case = decide_violation(users, onsite_recorded(users, unit))
    refused(rules.DOCUMENT_NOT_ISSUED, serve_document, users, case)


def test_extension_rules(users, unit):
    case = decide_violation(users, onsite_recorded(users, unit), months=2)
    issue_document(users, case)
    case = serve_document(users, case)
    request = services.extension_request
    base = dict(actor=users["inspector1"], case=case, received_on=TODAY(), reasons="设备未到货")
    error = refused(rules.EXTENSION_WINDOW, request, requested_months=1, **base)  # today is not in the window
    assert "受理期间" in error.detail
    DeadlineRule.objects.filter(code=rules.RULE_EXTENSION_WINDOW).update(amount=200)
    refused(rules.EXTENSION_MAX, request, requested_months=7, **base)
    extension = request(requested_months=4, **base)
    refused(rules.EXTENSION_PENDING, request, requested_months=1, **base)
    refused(rules.EXTENSION_DECISION_REASONS, services.extension_decide, actor=users["chief"],
            extension=extension, approve=True, reasons=" ")
    services.extension_decide(actor=users["chief"], extension=extension, approve=True, reasons="属实")
    refused(rules.EXTENSION_MAX, request, requested_months=3, **base)  # 4 + 3 > 6 in all
    refused(rules.EXTENSION_PENDING, services.extension_decide, actor=users["chief"], extension=extension,
            approve=False, reasons="重复")


def test_escalation_needs_an_expired_period(users, unit):
    case = decide_violation(users, onsite_recorded(users, unit))
    issue_document(users, case)
    case = serve_document(users, case)
    refused(rules.ESCALATE_NOT_OVERDUE, services.rectification_escalate, actor=users["inspector1"], case=case)


def test_checklist_and_unit_deletion(users, unit):
    refused(rules.CHECKLIST_EMPTY, plan, users, unit, items=["x"])
    plan(users, unit)
    refused(rules.UNIT_HAS_CASES, services.unit_delete, actor=users["admin"], unit=unit)


def test_every_rule_has_a_refusal_test_here():
    """Each Rule constant of energy/rules.py is asserted by a test of this module (order-independent)."""
    source = Path(__file__).read_text(encoding="utf-8")
    declared = {name for name, value in vars(rules).items() if isinstance(value, Rule)}
    assert {name for name in declared if f"rules.{name}" not in source} == set()
