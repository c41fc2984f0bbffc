"""Every write of the energy regime (三（四）). Views, API and demo data call these and nothing else.

State moves go through `case_transition` (row lock, object permission, state check, event). Period
amounts come from DeadlineRule rows so that the county can change them (7 日 notice, 15 日 delivery,
6 个月 rectification, 15 日 window, 5 工作日 decision, 6 个月 extension) without touching code.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from linggao_mi.attachments.services import attachment_add
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.services import (
    Transition,
    case_create,
    case_event_record,
    case_grant_access,
    case_transition,
)
from linggao_mi.deadlines.periods import Unit, compute_due, is_workday
from linggao_mi.deadlines.services import (
    deadline_meet,
    deadline_open,
    deadline_reschedule,
    deadline_waive,
    rule_get,
)
from linggao_mi.documents.choices import DocumentState, ServiceMethod
from linggao_mi.documents.services import document_draft, document_serve
from linggao_mi.org.models import Certificate, Section

from . import rules
from .choices import (
    CaseState,
    CheckItem,
    ExtensionState,
    FindingResult,
    Measure,
    Mode,
    Outcome,
    SignerCapacity,
    Trigger,
    VerificationResult,
)
from .models import (
    EnergyUnit,
    ExtensionRequest,
    Finding,
    InspectionCase,
    PenaltyRecommendation,
    SiteRecord,
    TestingCommission,
)
from .selectors import require_perm
from .validators import normalize_credit_code

ISSUING_ORGAN = "临高县工业和信息化局"

UNIT_FIELDS = (
    "name",
    "credit_code",
    "address",
    "legal_representative",
    "contact_person",
    "contact_phone",
    "industry",
    "is_key_unit",
    "annual_energy_use",
)


def _today() -> datetime.date:
    return timezone.localdate()


def _not_future(day: datetime.date, what: str) -> None:
    if day > _today():
        raise RuleViolation(rules.DATE_IN_FUTURE, what)


def cn_date(day: datetime.date) -> str:
    """2025年3月7日, as documents and refusals write a date."""
    return f"{day.year}年{day.month}月{day.day}日"


def _period(code: str) -> str:
    rule = rule_get(code)
    return f"{rule.amount}{'个工作日' if rule.unit == Unit.WORKDAYS else Unit(rule.unit).label}"


# ---------------------------------------------------------------- units


def _unit_save(unit: EnergyUnit, fields: dict) -> EnergyUnit:
    unknown = set(fields) - set(UNIT_FIELDS)
    if unknown:
        raise TypeError(f"unknown unit fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(unit, name, value)
    unit.credit_code = normalize_credit_code(unit.credit_code)
    unit.full_clean()
    unit.save()
    return unit


@transaction.atomic
def unit_create(*, actor: User, **fields) -> EnergyUnit:
    """Register a 用能单位; the credit code must pass its GB 32100-2015 check (ValidationError otherwise)."""
    require_perm(actor, "energy.add_energyunit")
    return _unit_save(EnergyUnit(created_by=actor), fields)


@transaction.atomic
def unit_update(*, actor: User, unit: EnergyUnit, **changes) -> EnergyUnit:
    require_perm(actor, "energy.change_energyunit")
    return _unit_save(EnergyUnit.objects.select_for_update().get(pk=unit.pk), changes)


@transaction.atomic
def unit_delete(*, actor: User, unit: EnergyUnit) -> None:
    require_perm(actor, "energy.delete_energyunit")
    if unit.cases.exists():
        raise RuleViolation(rules.UNIT_HAS_CASES)
    unit.delete()


# ---------------------------------------------------------------- checks shared by several steps


def earliest_onsite_date(notice_served_on: datetime.date) -> datetime.date:
    """The first day an on-site inspection may take place after a notice served on `notice_served_on`.

    A lead time is not a period the unit must act in, so a holiday does not push it on: the nominal day.
    """
    rule = rule_get(rules.RULE_NOTICE_LEAD)
    return compute_due(notice_served_on, rule.amount, rule.unit).nominal


def _check_notice_lead(notice_served_on: datetime.date, inspection_day: datetime.date) -> None:
    earliest = earliest_onsite_date(notice_served_on)
    if inspection_day < earliest:
        raise RuleViolation(
            rules.NOTICE_LEAD,
            f"现行规定须提前{_period(rules.RULE_NOTICE_LEAD)}通知；书面通知于{cn_date(notice_served_on)}送达的，"
            f"现场监察最早可于{cn_date(earliest)}实施",
        )


def _check_inspectors(inspectors: Iterable[User], day: datetime.date) -> dict[int, Certificate]:
    """At least two inspectors, each with a certificate valid on `day`; returns user id → certificate."""
    inspectors = list(inspectors)
    certificates = {}
    for cert in (
        Certificate.objects.valid_on(day).filter(holder__in=inspectors).order_by("holder_id", "-valid_to")
    ):
        certificates.setdefault(cert.holder_id, cert)
    missing = [u.get_full_name() or u.username for u in inspectors if u.pk not in certificates]
    if len(inspectors) < 2 or missing:
        detail = f"{cn_date(day)}持有效执法证的监察人员{len(certificates)}名"
        if missing:
            detail += f"，无有效执法证：{'、'.join(missing)}"
        raise RuleViolation(rules.TWO_INSPECTORS, detail)
    return certificates


def _step(
    case: InspectionCase,
    actor: User,
    transition: Transition,
    reason: str,
    *,
    check: Callable[[InspectionCase], None] | None = None,
    apply: Callable[[InspectionCase], None] | None = None,
) -> InspectionCase:
    """One step on `case` through case_transition: row lock, object permission, state, check, apply, event."""
    return case_transition(
        model=InspectionCase, pk=case.pk, actor=actor, transition=transition, check=check, apply=apply, reason=reason
    )


def _record(
    case: InspectionCase,
    actor: User,
    name: str,
    label: str,
    allowed: tuple[str, ...],
    reason: str,
    *,
    check: Callable[[InspectionCase], None] | None = None,
    apply: Callable[[InspectionCase], Model],
) -> Model:
    """A step that files a record on `case` without moving it (still locked, permission- and state-checked);
    returns the record `apply` made or changed."""
    state = case.state if case.state in allowed else ""
    stay = Transition(name, label, allowed if not state else (state,), state or allowed[0])
    made: list[Model] = []
    _step(case, actor, stay, reason, check=check, apply=lambda c: made.append(apply(c)))
    return made[0]


# ---------------------------------------------------------------- planning and notice


@transaction.atomic
def inspection_plan(
    *,
    actor: User,
    unit: EnergyUnit,
    mode: str,
    trigger: str,
    planned_date: datetime.date,
    items: list[str],
    inspectors: list[User],
    basis: str = "",
    section: Section | None = None,
) -> InspectionCase:
    """立案: choose the unit, the contents (三（四）2), the mode (3), the trigger and the date."""
    require_perm(actor, "energy.add_inspectioncase")
    items = sorted(set(map(str, items)))
    if not items or any(i not in CheckItem.values for i in items):
        raise RuleViolation(rules.CHECKLIST_EMPTY)
    if mode == Mode.ONSITE:
        _check_inspectors(inspectors, planned_date)
        if Trigger(trigger).needs_notice:
            _check_notice_lead(_today(), planned_date)
    elif not inspectors:
        raise RuleViolation(rules.TWO_INSPECTORS, "请指定承办的监察人员")
    if section is None:
        profile = getattr(actor, "profile", None)
        section = (profile and profile.section) or Section.objects.get(code="industry")
    case = case_create(
        model=InspectionCase,
        actor=actor,
        unit=unit,
        mode=Mode(mode),
        trigger=Trigger(trigger),
        planned_date=planned_date,
        section=section,
        state=CaseState.PLANNED,
        **({"basis": basis} if basis else {}),
    )
    Finding.objects.bulk_create(Finding(case=case, item=i) for i in items)
    case_grant_access(case=case, inspectors=inspectors)
    case_event_record(
        case=case,
        actor=actor,
        action="立案",
        from_state="",
        to_state=case.state,
        reason=f"{case.get_mode_display()}（{case.get_trigger_display()}），计划{cn_date(planned_date)}",
    )
    return case


NOTICE_SERVE = Transition("notice_serve", "送达书面监察通知", (CaseState.PLANNED,), CaseState.NOTIFIED)


def notice_serve(
    *,
    actor: User,
    case: InspectionCase,
    served_on: datetime.date,
    method: str,
    recipient: str,
    requirements: str,
    planned_date: datetime.date | None = None,
) -> InspectionCase:
    """The written notice of 三（四）5(1)(2): 依据 (basis), 内容 (checklist), 时间 (date), 要求.

    `method` is a ServiceMethod code, recorded as its label (a method written out in words is kept as given).
    """
    _not_future(served_on, "书面通知送达日期")
    if method in ServiceMethod.values:
        method = ServiceMethod(method).label

    def check(c: InspectionCase) -> None:
        if not requirements.strip() or not c.basis.strip():
            raise RuleViolation(rules.NOTICE_CONTENTS, "请填写监察要求")
        day = planned_date or c.planned_date
        if c.mode == Mode.ONSITE:
            if c.needs_notice:
                _check_notice_lead(served_on, day)
            if planned_date:
                _check_inspectors(c.inspectors.all(), day)

    def apply(c: InspectionCase) -> None:
        c.notice_served_on, c.notice_method, c.notice_recipient = served_on, method, recipient
        c.notice_requirements = requirements
        if planned_date:
            c.planned_date = planned_date

    reason = f"{cn_date(served_on)}以{method}送达，签收人{recipient}"
    return _step(case, actor, NOTICE_SERVE, reason, check=check, apply=apply)


# ---------------------------------------------------------------- written inspection

MATERIALS_RECEIVE = Transition(
    "materials_receive", "登记报送材料", (CaseState.PLANNED, CaseState.NOTIFIED), CaseState.MATERIALS_RECEIVED
)


def materials_receive(
    *,
    actor: User,
    case: InspectionCase,
    received_on: datetime.date,
    paper: bool,
    electronic: bool,
    description: str,
    uploads: Iterable = (),
) -> InspectionCase:
    """三（四）5(1): the unit's paper and electronic materials, received after the written notice."""
    _not_future(received_on, "材料收到日期")

    def check(c: InspectionCase) -> None:
        if c.mode != Mode.WRITTEN:
            raise RuleViolation(rules.WRITTEN_NOTICE_REQUIRED, "本案为现场监察")
        if c.notice_served_on is None or c.state != CaseState.NOTIFIED:
            raise RuleViolation(rules.WRITTEN_NOTICE_REQUIRED, "尚未登记书面通知")
        if not (paper or electronic):
            raise RuleViolation(rules.WRITTEN_NOTICE_REQUIRED, "请登记收到的书面材料或电子材料")

    def apply(c: InspectionCase) -> None:
        c.materials_received_on, c.materials_paper, c.materials_electronic = received_on, paper, electronic
        c.materials_description = description
        for upload in uploads:
            attachment_add(actor=actor, case=c, upload=upload, description="被监察单位报送材料")

    kinds = "、".join(n for n, flag in (("书面材料", paper), ("电子材料", electronic)) if flag)
    return _step(case, actor, MATERIALS_RECEIVE, f"{cn_date(received_on)}收到{kinds}", check=check, apply=apply)


# ---------------------------------------------------------------- on-site inspection

RECORD_FILE = Transition(
    "record_file", "制作现场监察笔录", (CaseState.PLANNED, CaseState.NOTIFIED), CaseState.RECORDED
)


@dataclass
class FindingInput:
    result: str
    facts: str = ""
    basis: str = ""


def _apply_findings(case: InspectionCase, findings: dict[str, FindingInput] | None) -> None:
    if not findings:
        return
    by_item = {f.item: f for f in case.findings.all()}
    for item, value in findings.items():
        finding = by_item.get(str(item))
        if finding is None:
            raise RuleViolation(rules.CHECKLIST_EMPTY, f"“{CheckItem(str(item)).label}”不在本案监察内容中")
        finding.result = FindingResult(value.result)
        finding.facts, finding.basis = value.facts.strip(), value.basis.strip()
        finding.save()


def record_file(
    *,
    actor: User,
    case: InspectionCase,
    started_at: datetime.datetime,
    ended_at: datetime.datetime,
    place: str,
    inspectors: list[User],
    present: str,
    measures: list[str],
    findings: dict[str, FindingInput],
    signer_name: str = "",
    signer_capacity: str = "",
    refused: bool = False,
    refusal_note: str = "",
    measures_other: str = "",
    notes: str = "",
    uploads: Iterable = (),
) -> InspectionCase:
    """现场监察笔录 (三（四）5(3)): ≥ 2 certified inspectors, signed by the unit or the refusal noted."""
    day = timezone.localdate(started_at)
    _not_future(day, "监察时间")
    certificates: dict[int, Certificate] = {}

    def check(c: InspectionCase) -> None:
        if c.mode != Mode.ONSITE:
            raise RuleViolation(rules.WRITTEN_NOTICE_REQUIRED, "本案为书面监察，不制作现场监察笔录")
        if c.needs_notice:
            if c.notice_served_on is None:
                raise RuleViolation(rules.NOTICE_LEAD, "尚未登记送达书面通知")
            _check_notice_lead(c.notice_served_on, day)
        case_inspectors = set(c.inspectors.all())
        outsiders = [u for u in inspectors if u not in case_inspectors]
        if outsiders:
            raise RuleViolation(rules.TWO_INSPECTORS, "笔录中的监察人员须为本案承办人员")
        certificates.update(_check_inspectors(inspectors, day))
        if not measures or any(m not in Measure.values for m in measures):
            raise RuleViolation(rules.RECORD_MEASURES)
        if Measure.OTHER in measures and not measures_other.strip():
            raise RuleViolation(rules.RECORD_MEASURES, "请说明采取的其他措施")
        signed = bool(signer_name.strip()) and signer_capacity in SignerCapacity.values
        if refused and not refusal_note.strip():
            raise RuleViolation(rules.RECORD_SIGNATURE, "请注明拒绝签字或盖章的情况")
        if not refused and not signed:
            raise RuleViolation(rules.RECORD_SIGNATURE, "请填写签字（盖章）人姓名及其身份")
        if ended_at < started_at:
            raise RuleViolation(rules.DATE_IN_FUTURE, "监察结束时间早于开始时间")

    def apply(c: InspectionCase) -> None:
        SiteRecord.objects.create(
            case=c,
            started_at=started_at,
            ended_at=ended_at,
            place=place,
            present=present,
            inspectors=[
                {
                    "user_id": u.pk,
                    "name": u.get_full_name() or u.username,
                    "certificate": certificates[u.pk].number,
                }
                for u in inspectors
            ],
            measures=sorted(set(measures)),
            measures_other=measures_other,
            notes=notes,
            signer_name="" if refused else signer_name.strip(),
            signer_capacity="" if refused else signer_capacity,
            refused=refused,
            refusal_note=refusal_note if refused else "",
            filed_by=actor,
        )
        _apply_findings(c, findings)
        for upload in uploads:
            attachment_add(actor=actor, case=c, upload=upload, description="现场监察证据")

    return _step(case, actor, RECORD_FILE, f"{cn_date(day)}于{place}实施现场监察", check=check, apply=apply)


# ---------------------------------------------------------------- commissioned testing

INSPECTED = (CaseState.RECORDED, CaseState.MATERIALS_RECEIVED)


def testing_commission(
    *,
    actor: User,
    case: InspectionCase,
    agency_name: str,
    qualification_number: str,
    items: str,
    commissioned_on: datetime.date,
    fee_charged_to_unit: Decimal | int = 0,
) -> TestingCommission:
    """三（四）5(5): a qualified agency; the unit is never charged."""
    _not_future(commissioned_on, "委托日期")
    if not agency_name.strip() or not qualification_number.strip():
        raise RuleViolation(rules.TESTING_AGENCY)
    if Decimal(fee_charged_to_unit or 0) != 0:
        raise RuleViolation(rules.TESTING_FREE)

    def apply(c: InspectionCase) -> TestingCommission:
        return TestingCommission.objects.create(
            case=c,
            agency_name=agency_name.strip(),
            qualification_number=qualification_number.strip(),
            items=items,
            commissioned_on=commissioned_on,
            fee_charged_to_unit=0,
            commissioned_by=actor,
        )

    reason = f"委托{agency_name}（资质证书编号{qualification_number}）检测：{items}"
    return _record(case, actor, "testing_commission", "委托节能检测", INSPECTED, reason, apply=apply)


def testing_result_record(
    *, actor: User, testing: TestingCommission, results: str, results_on: datetime.date
) -> TestingCommission:
    _not_future(results_on, "结论出具日期")
    if not results.strip():
        raise RuleViolation(rules.TESTING_PENDING, "请填写检测结论")

    def apply(c: InspectionCase) -> TestingCommission:
        t = TestingCommission.objects.select_for_update().get(pk=testing.pk, case=c)
        t.results, t.results_on = results, results_on
        t.save()
        return t

    reason = f"{testing.agency_name}出具检测结论"
    return _record(testing.case, actor, "testing_result", "登记检测结论", INSPECTED, reason, apply=apply)


# ---------------------------------------------------------------- outcome (三（四）6)

OUTCOME_TARGETS = {
    Outcome.VIOLATION: CaseState.NOTICE_PENDING,
    Outcome.DIRECT_PENALTY: CaseState.REFERRED,
    Outcome.UNREASONABLE: CaseState.ADVICE_PENDING,
    Outcome.NONE: CaseState.CLOSED,
}


@dataclass
class RecommendationInput:
    department: str
    basis: str
    facts: str


def _check_recommendation(rec: RecommendationInput | None, required: bool) -> None:
    if rec is None:
        if required:
            raise RuleViolation(rules.PENALTY_RECOMMENDATION)
        return
    if not (rec.department.strip() and rec.basis.strip() and rec.facts.strip()):
        raise RuleViolation(rules.PENALTY_RECOMMENDATION)


def _record_recommendation(case, rec: RecommendationInput | None, actor: User, day: datetime.date) -> None:
    if rec is not None:
        PenaltyRecommendation.objects.create(
            case=case,
            department=rec.department.strip(),
            basis=rec.basis.strip(),
            facts=rec.facts.strip(),
            recommended_on=day,
            recorded_by=actor,
        )


def check_rectification_months(months: int | None) -> None:
    rule = rule_get(rules.RULE_RECTIFICATION)
    if not months or months < 1 or months > rule.amount:
        raise RuleViolation(
            rules.RECTIFICATION_PERIOD_MAX, f"现行上限为{rule.amount}个月，请填写1至{rule.amount}之间的月数"
        )


def _inspection_day(case: InspectionCase) -> datetime.date:
    record = getattr(case, "site_record", None)
    if record is not None:
        return timezone.localdate(record.started_at)
    return case.materials_received_on or case.planned_date


def document_content(case: InspectionCase) -> dict:
    """What the notice or the recommendation states (三（四）6), frozen into the document at drafting."""
    unit = case.unit
    findings = [
        {
            "item": f.get_item_display(),
            "result": f.get_result_display(),
            "result_code": f.result,
            "facts": f.facts,
            "basis": f.basis,
        }
        for f in case.findings.all()
    ]
    content = {
        "unit_name": unit.name,
        "credit_code": unit.credit_code,
        "unit_address": unit.address,
        "legal_representative": unit.legal_representative,
        "inspection_date": cn_date(_inspection_day(case)),
        "mode": case.get_mode_display(),
        "inspection_ended": cn_date(case.ended_on),
        "basis": case.basis,
        "findings": findings,
        "violations": [f for f in findings if f["result_code"] == FindingResult.VIOLATION],
        "unreasonable": [f for f in findings if f["result_code"] == FindingResult.UNREASONABLE],
        "others": [f for f in findings if f["result_code"] != FindingResult.VIOLATION],
        "organ": ISSUING_ORGAN,
        "case_reference": case.reference,
    }
    if case.outcome == Outcome.VIOLATION:
        content.update(
            requirements=case.rectification_requirements,
            months=case.rectification_months,
            violated_basis="；".join(dict.fromkeys(f.basis for f in case.findings.all() if f.basis)),
            report_duty=(
                "你单位应当按照要求进行整改，并在整改期限届满前将整改结果书面报送"
                + ISSUING_ORGAN
                + "，本机关将对整改情况进行核查。"
            ),
            extension_right=(
                f"确需延长整改期限的，你单位应当在整改期限届满前{_period(rules.RULE_EXTENSION_WINDOW)}内以书面形式向"
                f"{ISSUING_ORGAN}提出延期申请，本机关自收到申请之日起"
                f"{_period(rules.RULE_EXTENSION_DECISION)}内作出决定；延期不得超过{_period(rules.RULE_EXTENSION_MAX)}。"
            ),
        )
    else:
        content.update(suggestions=case.suggestions)
    return content


def outcome_decide(
    *,
    actor: User,
    case: InspectionCase,
    outcome: str,
    ended_on: datetime.date,
    findings: dict[str, FindingInput] | None = None,
    rectification_requirements: str = "",
    rectification_months: int | None = None,
    suggestions: str = "",
    recommendation: RecommendationInput | None = None,
) -> InspectionCase:
    """End the inspection and decide (三（四）6): a notice, a recommendation, a referral, or nothing found.

    A notice or recommendation is drafted for approval and its 15-day delivery deadline opens on `ended_on`.
    """
    outcome = Outcome(outcome)
    _not_future(ended_on, "监察结束日期")

    def check(c: InspectionCase) -> None:
        pending = c.testings.filter(results="")
        if pending.exists():
            raise RuleViolation(rules.TESTING_PENDING, "、".join(t.agency_name for t in pending))
        _apply_findings(c, findings)  # inside the transaction: a refusal below rolls it back
        results = {f.result for f in c.findings.all()}
        violations = [f for f in c.findings.all() if f.result == FindingResult.VIOLATION]
        if outcome in (Outcome.VIOLATION, Outcome.DIRECT_PENALTY):
            if not violations or any(not (f.facts and f.basis) for f in violations):
                raise RuleViolation(rules.OUTCOME_VIOLATION_FACTS)
        if outcome == Outcome.VIOLATION:
            if not rectification_requirements.strip():
                raise RuleViolation(rules.RECTIFICATION_REQUIREMENTS)
            check_rectification_months(rectification_months)
        if outcome == Outcome.UNREASONABLE:
            if FindingResult.VIOLATION in results or FindingResult.UNREASONABLE not in results:
                raise RuleViolation(rules.OUTCOME_UNREASONABLE_FACTS)
            if not suggestions.strip():
                raise RuleViolation(rules.ADVICE_SUGGESTIONS)
        if outcome == Outcome.NONE and results & {FindingResult.VIOLATION, FindingResult.UNREASONABLE}:
            raise RuleViolation(rules.OUTCOME_NONE_CONFLICT)
        _check_recommendation(recommendation, required=outcome == Outcome.DIRECT_PENALTY)
        if ended_on < _inspection_day(c):
            raise RuleViolation(rules.DATE_IN_FUTURE, "监察结束日期早于监察日期")

    def apply(c: InspectionCase) -> None:
        c.outcome, c.ended_on = outcome, ended_on
        _record_recommendation(c, recommendation, actor, ended_on)
        if outcome == Outcome.VIOLATION:
            c.rectification_requirements, c.rectification_months = (
                rectification_requirements,
                rectification_months,
            )
            kind, title = rules.KIND_RECTIFICATION_NOTICE, f"关于{c.unit.name}限期整改的通知书"
        elif outcome == Outcome.UNREASONABLE:
            c.suggestions = suggestions
            kind, title = rules.KIND_ADVICE, f"关于{c.unit.name}的节能监察建议书"
        else:
            c.closed_on = ended_on
            c.close_reason = (
                "未发现问题，依现场监察笔录（监察记录）结案"
                if outcome == Outcome.NONE
                else ("依法应当直接予以处罚，已建议有关部门依法处罚或者处理")
            )
            return
        c.outcome_document = document_draft(
            actor=actor, case=c, kind_code=kind, title=title, content=document_content(c)
        )
        c.delivery_deadline = deadline_open(
            case=c, rule_code=rules.RULE_DELIVERY, start=ended_on, label=f"{title}送达"
        )

    return _step(
        case,
        actor,
        Transition("outcome_decide", "作出处理决定", INSPECTED, OUTCOME_TARGETS[outcome]),
        outcome.label,
        check=check,
        apply=apply,
    )


SERVE_TARGETS = {CaseState.NOTICE_PENDING: CaseState.RECTIFYING, CaseState.ADVICE_PENDING: CaseState.CLOSED}


def outcome_document_serve(
    *,
    actor: User,
    case: InspectionCase,
    method: str = "",
    served_on: datetime.date | None = None,
    recipient: str = "",
    receipt=None,
    refused: bool = False,
    note: str = "",
) -> InspectionCase:
    """Serve the 限期整改通知书 / 节能监察建议书 (三（四）6(4)) and move the case on.

    Meets the 15-day delivery deadline on the served date. A late serve is still recorded: the deadline
    is met on its real date and so shows as met late (closed_on > due), and the timeline says so.
    A violation opens the rectification deadline: start = served date, amount = the months chosen.
    If the document was already served through the documents page, this only brings the case in step.
    """
    fresh = InspectionCase.objects.select_related("outcome_document", "delivery_deadline").get(pk=case.pk)
    target = SERVE_TARGETS.get(fresh.state, CaseState.RECTIFYING)
    document = fresh.outcome_document
    day = document.served_on if document and document.state == DocumentState.SERVED else served_on
    reason = f"{cn_date(day)}送达" if day else ""
    if day and fresh.delivery_deadline and day > fresh.delivery_deadline.due:
        reason += f"；超过送达期限（应于{cn_date(fresh.delivery_deadline.due)}前送达）"

    def check(c: InspectionCase) -> None:
        document = c.outcome_document
        if document is None or document.state not in (DocumentState.ISSUED, DocumentState.SERVED):
            raise RuleViolation(rules.DOCUMENT_NOT_ISSUED)
        if document.state == DocumentState.ISSUED:
            if served_on is None or not method or not recipient and not refused:
                raise RuleViolation(rules.DOCUMENT_NOT_ISSUED, "请填写送达日期、方式和受送达人")
            _not_future(served_on, "送达日期")

    def apply(c: InspectionCase) -> None:
        document = c.outcome_document
        if document.state == DocumentState.ISSUED:
            document = document_serve(
                actor=actor,
                document=document,
                method=method,
                served_on=served_on,
                recipient=recipient,
                receipt=receipt,
                refused=refused,
                note=note,
            )
            c.outcome_document = document
        day = document.served_on
        deadline = c.delivery_deadline
        if deadline is not None and deadline.closed_on is None:
            deadline_meet(deadline=deadline, on=day)  # met late when day > due: Deadline.met_late shows it
        if c.outcome == Outcome.VIOLATION:
            c.rectification_deadline = deadline_open(
                case=c,
                rule_code=rules.RULE_RECTIFICATION,
                start=day,
                amount=c.rectification_months,
                unit=Unit.MONTHS,
                label="限期整改",
            )
        else:
            c.closed_on, c.close_reason = day, "节能监察建议书已送达"

    return _step(
        case,
        actor,
        Transition("outcome_serve", "送达处理文书", tuple(SERVE_TARGETS), target),
        reason,
        check=check,
        apply=apply,
    )


# ---------------------------------------------------------------- rectification (三（四）6(5))

REPORT_RECEIVE = Transition("report_receive", "登记整改结果", (CaseState.RECTIFYING,), CaseState.REPORTED)


def report_receive(
    *, actor: User, case: InspectionCase, received_on: datetime.date, summary: str, uploads: Iterable = ()
) -> InspectionCase:
    """The unit's rectification report; meets the rectification deadline; a pending extension lapses."""
    _not_future(received_on, "收到日期")

    def apply(c: InspectionCase) -> None:
        c.report_received_on, c.report_summary = received_on, summary
        if c.rectification_deadline is not None and c.rectification_deadline.closed_on is None:
            deadline_meet(deadline=c.rectification_deadline, on=received_on)
        for ext in c.extensions.filter(state=ExtensionState.PENDING):
            ext.state, ext.decided_on, ext.decided_by = ExtensionState.REFUSED, received_on, actor
            ext.decision_reasons = "已报送整改结果，延期申请不再需要决定"
            ext.save()
            if ext.decision_deadline is not None:
                deadline_waive(actor=actor, deadline=ext.decision_deadline, reason=ext.decision_reasons)
        for upload in uploads:
            attachment_add(actor=actor, case=c, upload=upload, description="整改结果报告")

    return _step(case, actor, REPORT_RECEIVE, f"{cn_date(received_on)}收到整改结果", apply=apply)


def rectification_verify(
    *, actor: User, case: InspectionCase, verified_on: datetime.date, result: str, notes: str
) -> InspectionCase:
    """核查: passed → closed; failed → escalated for referral."""
    result = VerificationResult(result)
    _not_future(verified_on, "核查日期")
    target = CaseState.CLOSED if result == VerificationResult.PASSED else CaseState.ESCALATED

    def apply(c: InspectionCase) -> None:
        c.verified_on, c.verification_result, c.verification_notes = verified_on, result, notes
        if result == VerificationResult.PASSED:
            c.closed_on, c.close_reason = verified_on, "整改到位，经核查结案"

    return _step(
        case,
        actor,
        Transition("verify", "核查整改情况", (CaseState.REPORTED,), target),
        f"{result.label}：{notes}",
        apply=apply,
    )


ESCALATE = Transition("escalate", "逾期未整改移送处理", (CaseState.RECTIFYING,), CaseState.ESCALATED)


def rectification_escalate(*, actor: User, case: InspectionCase, reason: str = "") -> InspectionCase:
    def check(c: InspectionCase) -> None:
        deadline = c.rectification_deadline
        if deadline is None or _today() <= deadline.due:
            due = f"整改期限至{cn_date(deadline.due)}" if deadline else ""
            raise RuleViolation(rules.ESCALATE_NOT_OVERDUE, due)

    return _step(case, actor, ESCALATE, reason or "整改期限届满未报送整改结果", check=check)


CLOSE = Transition("close", "结案", (CaseState.ESCALATED,), CaseState.CLOSED)


def case_close(
    *,
    actor: User,
    case: InspectionCase,
    reason: str,
    closed_on: datetime.date | None = None,
    recommendation: RecommendationInput | None = None,
) -> InspectionCase:
    """Close an escalated case, recording the referral or recommendation to the competent department."""
    closed_on = closed_on or _today()
    _not_future(closed_on, "结案日期")

    def check(c: InspectionCase) -> None:
        _check_recommendation(recommendation, required=False)
        if not reason.strip():
            raise RuleViolation(rules.PENALTY_RECOMMENDATION, "请写明结案说明（移送或处理情况）")

    def apply(c: InspectionCase) -> None:
        _record_recommendation(c, recommendation, actor, closed_on)
        c.closed_on, c.close_reason = closed_on, reason

    return _step(case, actor, CLOSE, reason, check=check, apply=apply)


# ---------------------------------------------------------------- extension (三（四）6(6))


def _before(day: datetime.date, amount: int, unit: str) -> datetime.date:
    """The day `amount` units before `day` (the start of a window that ends on `day`)."""
    if unit == Unit.DAYS:
        return day - datetime.timedelta(days=amount)
    if unit == Unit.WORKDAYS:
        while amount:
            day -= datetime.timedelta(days=1)
            amount -= is_workday(day)
        return day
    month = day.month - 1 - amount
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError


def extension_window(case: InspectionCase) -> tuple[datetime.date, datetime.date] | None:
    """The days on which a written extension request is accepted: the N days before the period expires."""
    deadline = case.rectification_deadline
    if deadline is None:
        return None
    rule = rule_get(rules.RULE_EXTENSION_WINDOW)
    return _before(deadline.due, rule.amount, rule.unit), deadline.due


def _check_extension_months(case: InspectionCase, months: int) -> None:
    cap = rule_get(rules.RULE_EXTENSION_MAX).amount
    if months < 1 or case.extension_months + months > cap:
        raise RuleViolation(
            rules.EXTENSION_MAX,
            f"现行上限为累计{cap}个月，已准予{case.extension_months}个月，本次申请{months}个月",
        )


def extension_request(
    *,
    actor: User,
    case: InspectionCase,
    received_on: datetime.date,
    requested_months: int,
    reasons: str,
    upload=None,
) -> ExtensionRequest:
    """Register a written extension request; the 5-working-day decision deadline opens on its receipt."""
    _not_future(received_on, "收到申请日期")

    def check(c: InspectionCase) -> None:
        if c.extensions.filter(state=ExtensionState.PENDING).exists():
            raise RuleViolation(rules.EXTENSION_PENDING)
        start, end = extension_window(c)
        if not start <= received_on <= end:
            raise RuleViolation(
                rules.EXTENSION_WINDOW,
                f"整改期限届满日为{cn_date(end)}，现行规定受理期间为{cn_date(start)}至{cn_date(end)}（届满前"
                f"{_period(rules.RULE_EXTENSION_WINDOW)}），申请于{cn_date(received_on)}收到",
            )
        if not reasons.strip():
            raise RuleViolation(rules.EXTENSION_WINDOW, "请填写书面申请载明的延期理由")
        _check_extension_months(c, requested_months)

    def apply(c: InspectionCase) -> ExtensionRequest:
        deadline = deadline_open(
            case=c, rule_code=rules.RULE_EXTENSION_DECISION, start=received_on, label="延期申请决定"
        )
        extension = ExtensionRequest.objects.create(
            case=c,
            received_on=received_on,
            requested_months=requested_months,
            reasons=reasons,
            decision_deadline=deadline,
        )
        if upload is not None:
            attachment_add(actor=actor, case=c, upload=upload, description="书面延期申请")
        return extension

    reason = f"申请延期{requested_months}个月：{reasons}"
    return _record(
        case, actor, "extension_request", "登记延期申请", (CaseState.RECTIFYING,), reason, check=check, apply=apply
    )


def pending_extension(case: InspectionCase) -> ExtensionRequest:
    """The request awaiting a decision on `case`; refused (三（四）6(6)) when there is none."""
    extension = case.extensions.filter(state=ExtensionState.PENDING).first()
    if extension is None:
        raise RuleViolation(rules.EXTENSION_PENDING, "没有待决定的延期申请")
    return extension


def extension_decide(
    *,
    actor: User,
    extension: ExtensionRequest,
    approve: bool,
    reasons: str,
    decided_on: datetime.date | None = None,
    granted_months: int | None = None,
) -> ExtensionRequest:
    """Decide within 5 working days; an approval moves the rectification deadline (deadline_reschedule)."""
    decided_on = decided_on or _today()
    _not_future(decided_on, "决定日期")
    months = granted_months or extension.requested_months

    def check(c: InspectionCase) -> None:
        ext = ExtensionRequest.objects.get(pk=extension.pk, case=c)
        if ext.state != ExtensionState.PENDING:
            raise RuleViolation(rules.EXTENSION_PENDING, "该申请已作出决定")
        if not reasons.strip():
            raise RuleViolation(rules.EXTENSION_DECISION_REASONS)
        if approve:
            _check_extension_months(c, months)

    def apply(c: InspectionCase) -> ExtensionRequest:
        ext = ExtensionRequest.objects.get(pk=extension.pk)
        ext.state = ExtensionState.APPROVED if approve else ExtensionState.REFUSED
        ext.decided_on, ext.decision_reasons, ext.decided_by = decided_on, reasons, actor
        ext.granted_months = months if approve else None
        ext.save()
        deadline_meet(deadline=ext.decision_deadline, on=decided_on)
        if approve:
            c.extension_months += months
            rect = c.rectification_deadline
            deadline_reschedule(
                deadline=rect,
                start=rect.start,
                amount=c.rectification_months + c.extension_months,
                unit=Unit.MONTHS,
            )
        return ext

    reason = (f"准予延期{months}个月" if approve else "不予延期") + f"：{reasons}"
    return _record(
        extension.case,
        actor,
        "extension_decide",
        "对延期申请作出决定",
        (CaseState.RECTIFYING,),
        reason,
        check=check,
        apply=apply,
    )
