"""The document kinds of 三（四） (energy/documents.py): the facts each builds from its case, what each refuses, and
whom each tells when served.

Cases are built with the ORM (case_create, then fields set) so that these tests depend on the kinds alone, not on
the services that walk a case there. The builders here are shared with test_pdf.py.
"""

import datetime

import pytest
from django.utils import timezone

from energy import rules
from energy.choices import CaseState, CheckItem, ExtensionState, FindingResult, Measure, Mode, Outcome, Trigger
from energy.models import ExtensionRequest, InspectionCase, PenaltyRecommendation, SiteRecord
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.services import case_create
from linggao_mi.deadlines.models import DeadlineRule
from linggao_mi.deadlines.periods import Unit, cn_date
from linggao_mi.deadlines.services import deadline_open, deadline_reschedule
from linggao_mi.documents.choices import DocumentState
from linggao_mi.documents.content import case_facts, content_merge
from linggao_mi.documents.kinds import kind_spec
from linggao_mi.documents.models import DocumentKind, OfficialDocument
from linggao_mi.documents.pdf import html_to_pdf, render_document_html
from linggao_mi.org.models import Department, Section

from .factories import EnergyUnitFactory

pytestmark = pytest.mark.django_db

UNIT_NAME = "临高华能示范电力有限公司"
ITEMS = (CheckItem.ELIMINATION, CheckItem.METERING, CheckItem.TRAINING)
REQUIREMENTS = "停止使用淘汰电动机，更换为二级能效以上产品。\n建立能源计量器具台账，按月统计能源消费"
SUGGESTIONS = "加装变频控制装置。\n建立空压机运行台账"
EXTENSION_REASONS = "设备订货周期较长，已提供合同。"
# As inspectors type them: a stop at the end, a basis ending in a semicolon.
ENERGY_LAW = "《中华人民共和国节约能源法》"
VIOLATIONS = {
    CheckItem.ELIMINATION: (
        FindingResult.VIOLATION, "仍在使用国家明令淘汰的高耗能电动机2台。", f"{ENERGY_LAW}第十七条；"
    ),
    CheckItem.METERING: (FindingResult.VIOLATION, "未按照规定配备能源计量器具", f"{ENERGY_LAW}第二十七条"),
    CheckItem.TRAINING: (FindingResult.COMPLIANT, "能源管理负责人已参加节能培训", ""),
}
UNREASONABLE = {
    CheckItem.ELIMINATION: (FindingResult.COMPLIANT, "无淘汰设备", ""),
    CheckItem.METERING: (FindingResult.UNREASONABLE, "空压机长期空载运行。", ""),
    CheckItem.TRAINING: (FindingResult.UNCHECKED, "", ""),
}


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def planned_case(users, *, mode=Mode.ONSITE, trigger=Trigger.PLAN, planned=None, items=ITEMS) -> InspectionCase:
    unit = EnergyUnitFactory(name=UNIT_NAME, created_by=users["staff"])
    case = case_create(
        model=InspectionCase,
        actor=users["inspector1"],
        unit=unit,
        mode=mode,
        trigger=trigger,
        planned_date=planned or days(10),
        section=Section.objects.get(code="industry"),
        state=CaseState.PLANNED,
    )
    case.inspectors.set([users["inspector1"], users["inspector2"]])
    case.findings.bulk_create([case.findings.model(case=case, item=item) for item in items])
    return case


def site_record(case, users, **fields) -> SiteRecord:
    start = timezone.make_aware(datetime.datetime.combine(days(-3), datetime.time(9, 0)))
    values = dict(
        case=case,
        started_at=start,
        ended_at=start + datetime.timedelta(hours=2, minutes=30),
        place="临高县金牌港开发区 厂区",
        inspectors=[
            {"user_id": u.pk, "name": u.get_full_name() or u.username, "certificate": u.certificates.first().number}
            for u in (users["inspector1"], users["inspector2"])
        ],
        present="陈明（能源管理负责人）",
        measures=[Measure.ENTER, Measure.DOCUMENTS],
        notes="现场查看空压站、配电室。\n调阅2025年能源统计报表",
        signer_name="王建国",
        signer_capacity="legal_representative",
        filed_by=users["inspector1"],
    )
    values.update(fields)
    return SiteRecord.objects.create(**values)


def inspected_case(users, findings: dict, **outcome) -> InspectionCase:
    """On site three days ago, the record filed, each finding as given, and the outcome fields set."""
    case = planned_case(users, planned=days(-3))
    site_record(case, users)
    for finding in case.findings.all():
        finding.result, finding.facts, finding.basis = findings[finding.item]
        finding.save()
    case.state, case.ended_on = CaseState.RECORDED, days(-2)
    for field, value in outcome.items():
        setattr(case, field, value)
    case.save()
    return case


def violation_case(users, months=3, findings=VIOLATIONS) -> InspectionCase:
    return inspected_case(
        users,
        findings,
        state=CaseState.NOTICE_PENDING,
        outcome=Outcome.VIOLATION,
        rectification_months=months,
        rectification_requirements=REQUIREMENTS,
    )


def advice_case(users, findings=UNREASONABLE) -> InspectionCase:
    return inspected_case(
        users, findings, state=CaseState.ADVICE_PENDING, outcome=Outcome.UNREASONABLE, suggestions=SUGGESTIONS
    )


def rectifying_case(users) -> InspectionCase:
    """A served 限期整改通知书 (3 months from 60 days ago), the period running."""
    case = violation_case(users)
    served_on = days(-60)
    case.outcome_document = OfficialDocument.objects.create(
        kind=DocumentKind.objects.get(code=rules.KIND_RECTIFICATION_NOTICE),
        case=case,
        section=case.section,
        title="限期整改通知书",
        number="临工信节监改〔2026〕7号",
        state=DocumentState.SERVED,
        drafted_by=users["inspector1"],
        issued_on=served_on,
        served_on=served_on,
    )
    case.rectification_deadline = deadline_open(
        case=case, rule_code=rules.RULE_RECTIFICATION, start=served_on, amount=3, unit=Unit.MONTHS, label="限期整改"
    )
    case.state = CaseState.RECTIFYING
    case.save()
    return case


def decide_extension(users, case, *, approve: bool, requested=2, granted=None, reasons=EXTENSION_REASONS):
    request = ExtensionRequest.objects.create(
        case=case,
        received_on=days(-5),
        requested_months=requested,
        reasons="高效电机供货周期长。",
        state=ExtensionState.APPROVED if approve else ExtensionState.REFUSED,
        granted_months=(granted or requested) if approve else None,
        decided_on=days(-2),
        decision_reasons=reasons,
        decided_by=users["chief"],
    )
    if approve:
        case.extension_months += request.granted_months
        deadline = case.rectification_deadline
        deadline_reschedule(
            deadline=deadline, start=deadline.start, amount=case.rectification_months + case.extension_months,
            unit=Unit.MONTHS,
        )
        case.save()
    return request


def content(kind_code: str, case, **texts) -> dict:
    """What the documents app shows and checks: the kind's facts of `case` merged with the drafter's texts."""
    return content_merge(case_facts(kind_spec(kind_code), case), texts)


def draft_document(kind_code: str, case, number: str = "", **texts) -> OfficialDocument:
    """An unsaved document of the kind, as the documents app renders it (draft, or issued with `number`)."""
    spec = kind_spec(kind_code)
    return OfficialDocument(
        kind=DocumentKind.objects.get(code=kind_code),
        case=case,
        section=case.section,
        title=spec.default_title(case),
        texts=texts,
        number=number,
    )


def render_html(kind_code: str, case, *, draft=False, number="临工信节监〔2026〕3号", **texts) -> str:
    document = draft_document(kind_code, case, "" if draft else number, **texts)
    return render_document_html(document=document, case=case, draft=draft, issued_on=days(0))


def render_pdf(kind_code: str, case, **kwargs) -> bytes:
    return html_to_pdf(render_html(kind_code, case, **kwargs))


def refused(kind_code: str, case, **texts) -> RuleViolation:
    with pytest.raises(RuleViolation) as caught:
        kind_spec(kind_code).validate(case, content(kind_code, case, **texts))
    return caught.value


def accepted(kind_code: str, case, **texts) -> None:
    kind_spec(kind_code).validate(case, content(kind_code, case, **texts))


# ---------------------------------------------------------------- the registry and its rows


def test_the_four_kinds_are_registered_and_have_their_rows():
    expected = {
        rules.KIND_INSPECTION_NOTICE: ("节能监察通知书", "临工信节监通", ["requirements"], True),
        rules.KIND_RECTIFICATION_NOTICE: ("限期整改通知书", "临工信节监改", ["requirements"], True),
        rules.KIND_ADVICE: ("节能监察建议书", "临工信节监建", ["suggestions"], True),
        rules.KIND_EXTENSION_DECISION: ("延期决定书", "临工信节监延", ["remarks"], False),
    }
    for code, (name, prefix, texts, served_hook) in expected.items():
        spec = kind_spec(code)
        assert (spec.name, spec.number_prefix, spec.regime) == (name, prefix, "energy")
        assert [t.key for t in spec.texts] == texts
        assert (spec.on_served is not None) is served_hook
        row = DocumentKind.objects.get(code=code)
        assert (row.name, row.number_prefix, row.template_name) == (name, prefix, f"documents/pdf/{code}.html")


def test_the_written_reply_period_is_a_rule_row():
    rule = DeadlineRule.objects.get(code=rules.RULE_WRITTEN_REPLY)
    assert (rule.amount, rule.unit, rule.citation) == (10, "days", "三（四）4(4)")


def test_texts_start_from_the_case(users):
    case = violation_case(users)
    case.notice_requirements, case.suggestions = "请准备能源统计报表", "加装变频器"
    initial = {
        code: {t.key: t.initial(case) for t in kind_spec(code).texts if t.initial}
        for code in (rules.KIND_INSPECTION_NOTICE, rules.KIND_RECTIFICATION_NOTICE, rules.KIND_ADVICE)
    }
    assert initial == {
        rules.KIND_INSPECTION_NOTICE: {"requirements": "请准备能源统计报表"},
        rules.KIND_RECTIFICATION_NOTICE: {"requirements": REQUIREMENTS},
        rules.KIND_ADVICE: {"suggestions": "加装变频器"},
    }
    assert not kind_spec(rules.KIND_EXTENSION_DECISION).texts[0].required


# ---------------------------------------------------------------- facts


def test_case_facts(users, settings):
    settings.BUREAU_NAME = "临高县工业和信息化局"
    case = planned_case(users, planned=datetime.date(2026, 11, 28))
    facts = case_facts(kind_spec(rules.KIND_INSPECTION_NOTICE), case)
    first = min(users["inspector1"], users["inspector2"], key=lambda u: u.pk)
    assert facts == {
        "organ": "临高县工业和信息化局",
        "unit_name": UNIT_NAME,
        "credit_code": case.unit.credit_code,
        "address": case.unit.address,
        "legal_representative": "王建国",
        "case_reference": case.reference,
        "basis": "《中华人民共和国节约能源法》《节能监察办法》",
        "items": [CheckItem(i).label for i in ITEMS],
        "mode": "现场监察",
        "onsite": True,
        "trigger": "计划监察",
        "planned_date": "2026年11月28日",
        "contact_person": first.get_full_name(),
        "contact_phone": "28273128",
    }


def test_the_inspectors_phone_when_the_section_has_none(users):
    case = planned_case(users)
    Section.objects.filter(pk=case.section_id).update(phone="")
    first = min(users["inspector1"], users["inspector2"], key=lambda u: u.pk)
    first.profile.phone = "13800000000"
    first.profile.save()
    case = InspectionCase.objects.get(pk=case.pk)
    assert case_facts(kind_spec(rules.KIND_INSPECTION_NOTICE), case)["contact_phone"] == "13800000000"


def test_rectification_facts(users):
    case = violation_case(users)
    PenaltyRecommendation.objects.create(
        case=case,
        department=Department.objects.filter(is_bureau=False).first(),
        basis="《中华人民共和国节约能源法》第七十四条",
        facts="未按照规定配备能源计量器具",
        recommended_on=days(-2),
        recorded_by=users["chief"],
    )
    DeadlineRule.objects.filter(code=rules.RULE_EXTENSION_WINDOW).update(amount=20)
    facts = content(rules.KIND_RECTIFICATION_NOTICE, case)
    assert facts["inspection_date"] == cn_date(days(-3))
    assert facts["inspection_ended"] == cn_date(days(-2))
    assert facts["months"] == 3
    assert [f["item"] for f in facts["violations"]] == [CheckItem.ELIMINATION.label, CheckItem.METERING.label]
    assert facts["violations"][0]["basis"] == "《中华人民共和国节约能源法》第十七条；"
    assert [f["item"] for f in facts["compliant"]] == [CheckItem.TRAINING.label]
    assert facts["unreasonable"] == []
    assert (facts["extension_window"], facts["extension_decision"], facts["extension_max"]) == (
        "20日",
        "5个工作日",
        "6个月",
    )
    assert facts["recommended_to"] == [Department.objects.filter(is_bureau=False).first().name]


def test_unchecked_contents_are_not_findings(users):
    facts = content(rules.KIND_ADVICE, advice_case(users))
    assert [f["item"] for f in facts["findings"]] == [CheckItem.ELIMINATION.label, CheckItem.METERING.label]
    assert facts["unreasonable"] == [
        {"item": CheckItem.METERING.label, "result": "不合理用能", "facts": "空压机长期空载运行。", "basis": ""}
    ]


def test_extension_facts_come_from_the_latest_decision(users):
    case = rectifying_case(users)
    decide_extension(users, case, approve=False, reasons="理由不充分")
    case.refresh_from_db()
    decide_extension(users, case, approve=True, requested=2, granted=1)
    case.refresh_from_db()
    facts = content(rules.KIND_EXTENSION_DECISION, case)
    assert facts["extension_decided"] and facts["extension_granted"]
    assert (facts["extension_requested_months"], facts["extension_granted_months"]) == (2, 1)
    assert facts["extension_reasons"] == EXTENSION_REASONS
    assert facts["notice_number"] == "临工信节监改〔2026〕7号"
    assert facts["rectification_due"] == cn_date(case.rectification_deadline.due)
    assert case.rectification_deadline.amount == 4


# ---------------------------------------------------------------- validation


def test_the_notice_needs_its_requirements(users):
    case = planned_case(users)
    assert refused(rules.KIND_INSPECTION_NOTICE, case, requirements="  ").rule == rules.NOTICE_CONTENTS
    accepted(rules.KIND_INSPECTION_NOTICE, case, requirements="请准备近三年能源统计报表。")


def test_an_onsite_notice_must_reach_the_unit_the_lead_time_before(users):
    case = planned_case(users, planned=days(5))
    assert refused(rules.KIND_INSPECTION_NOTICE, case, requirements="请准备报表").rule == rules.NOTICE_LEAD
    DeadlineRule.objects.filter(code=rules.RULE_NOTICE_LEAD).update(amount=5)
    accepted(rules.KIND_INSPECTION_NOTICE, case, requirements="请准备报表")


def test_a_written_notice_or_an_exempt_trigger_needs_no_lead(users):
    accepted(rules.KIND_INSPECTION_NOTICE, planned_case(users, mode=Mode.WRITTEN, planned=days(3)), requirements="报送")
    case = planned_case(users, trigger=Trigger.REPORT, planned=days(1))
    accepted(rules.KIND_INSPECTION_NOTICE, case, requirements="报送")


def test_the_rectification_notice_needs_violations_with_facts_and_basis(users):
    assert refused(rules.KIND_RECTIFICATION_NOTICE, advice_case(users), requirements="整改").rule == (
        rules.OUTCOME_VIOLATION_FACTS
    )
    findings = {**VIOLATIONS, CheckItem.METERING: (FindingResult.VIOLATION, "未配备计量器具", "")}
    case = violation_case(users, findings=findings)
    assert refused(rules.KIND_RECTIFICATION_NOTICE, case, requirements="整改").rule == rules.OUTCOME_VIOLATION_FACTS


def test_the_rectification_period_is_within_the_cap(users):
    case = violation_case(users, months=7)
    assert refused(rules.KIND_RECTIFICATION_NOTICE, case, requirements="整改").rule == rules.RECTIFICATION_PERIOD_MAX
    case = violation_case(users, months=3)
    accepted(rules.KIND_RECTIFICATION_NOTICE, case, requirements="整改")
    DeadlineRule.objects.filter(code=rules.RULE_RECTIFICATION).update(amount=2)
    assert refused(rules.KIND_RECTIFICATION_NOTICE, case, requirements="整改").rule == rules.RECTIFICATION_PERIOD_MAX


def test_the_rectification_notice_needs_requirements(users):
    case = violation_case(users)
    assert refused(rules.KIND_RECTIFICATION_NOTICE, case, requirements="").rule == rules.RECTIFICATION_REQUIREMENTS


def test_the_advice_needs_unreasonable_findings_and_no_violation(users):
    case = violation_case(users)
    assert refused(rules.KIND_ADVICE, case, suggestions="改进").rule == rules.OUTCOME_UNREASONABLE_FACTS
    findings = {**UNREASONABLE, CheckItem.METERING: (FindingResult.COMPLIANT, "符合", "")}
    assert refused(rules.KIND_ADVICE, advice_case(users, findings), suggestions="改进").rule == (
        rules.OUTCOME_UNREASONABLE_FACTS
    )
    findings = {**UNREASONABLE, CheckItem.METERING: (FindingResult.UNREASONABLE, " ", "")}
    assert refused(rules.KIND_ADVICE, advice_case(users, findings), suggestions="改进").rule == (
        rules.OUTCOME_UNREASONABLE_FACTS
    )


def test_the_advice_needs_suggestions(users):
    case = advice_case(users)
    assert refused(rules.KIND_ADVICE, case, suggestions="").rule == rules.ADVICE_SUGGESTIONS
    accepted(rules.KIND_ADVICE, case, suggestions=SUGGESTIONS)


def test_the_extension_decision_needs_a_decided_request(users):
    case = rectifying_case(users)
    assert refused(rules.KIND_EXTENSION_DECISION, case).rule == rules.EXTENSION_DECISION_MISSING
    ExtensionRequest.objects.create(case=case, received_on=days(-1), requested_months=1, reasons="供货周期长")
    assert refused(rules.KIND_EXTENSION_DECISION, case).rule == rules.EXTENSION_DECISION_MISSING
    decide_extension(users, case, approve=False, reasons="")
    assert refused(rules.KIND_EXTENSION_DECISION, case).rule == rules.EXTENSION_DECISION_REASONS


def test_the_extension_decision_grants_no_more_than_asked(users):
    case = rectifying_case(users)
    request = decide_extension(users, case, approve=True, requested=2)
    accepted(rules.KIND_EXTENSION_DECISION, case)
    ExtensionRequest.objects.filter(pk=request.pk).update(granted_months=3)
    assert refused(rules.KIND_EXTENSION_DECISION, case).rule == rules.EXTENSION_GRANT_EXCEEDS


# ---------------------------------------------------------------- serving


def test_serving_tells_the_case(users, monkeypatch):
    import energy.services

    calls = []
    for name in ("notice_served", "outcome_served"):
        monkeypatch.setattr(energy.services, name, lambda *, document, actor, name=name: calls.append((name, document)))
    for code in (rules.KIND_INSPECTION_NOTICE, rules.KIND_RECTIFICATION_NOTICE, rules.KIND_ADVICE):
        kind_spec(code).on_served(code, users["inspector1"])
    assert calls == [
        ("notice_served", rules.KIND_INSPECTION_NOTICE),
        ("outcome_served", rules.KIND_RECTIFICATION_NOTICE),
        ("outcome_served", rules.KIND_ADVICE),
    ]
    assert kind_spec(rules.KIND_EXTENSION_DECISION).on_served is None


def test_every_labelled_fact_is_a_fact(users):
    case = rectifying_case(users)
    decide_extension(users, case, approve=True)
    for code, subject in (
        (rules.KIND_INSPECTION_NOTICE, planned_case(users)),
        (rules.KIND_RECTIFICATION_NOTICE, case),
        (rules.KIND_ADVICE, advice_case(users)),
        (rules.KIND_EXTENSION_DECISION, case),
    ):
        assert set(kind_spec(code).fact_labels) <= set(content(code, subject))
