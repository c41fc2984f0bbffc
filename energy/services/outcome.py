"""The outcome of an inspection (三（四）6): a 限期整改通知书, a 节能监察建议书, a referral, or nothing found.

A referral (6(3)) is a decision in the bureau's name: the section's chief or a leader takes it — directly, or on
the inspector's proposal (outcome_propose → outcome_confirm / outcome_return). The document a decision calls for
is drafted for approval with its 15-day delivery deadline; its serving (documents' on_served hook) moves the case.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from inspections.models import DiscretionUse
from inspections.services.discretion import PenaltyInput, check_penalty, penalty_recommend
from linggao_mi.casework.checks import late_entry
from linggao_mi.casework.models import of_case
from linggao_mi.casework.rules import DECISION_NEEDS_CHIEF, RuleViolation
from linggao_mi.casework.selectors import user_may
from linggao_mi.casework.workflow import DECIDE
from linggao_mi.deadlines.periods import Unit, cn_date
from linggao_mi.deadlines.services import deadline_meet, deadline_open, rule_get
from linggao_mi.documents.services import document_draft
from linggao_mi.org.models import Department

from .. import rules
from ..choices import FindingResult, Mode, Outcome
from ..models import InspectionCase, PenaltyRecommendation
from ..workflow import WORKFLOW
from .inspection import FindingInput, apply_findings


@dataclass
class RecommendationInput:
    department: Department | None
    basis: str
    facts: str
    # The penalty suggested from the bureau's discretion catalogue (三（二）), with its reasons; optional.
    discretion: PenaltyInput | None = None


def check_recommendation(rec: RecommendationInput | None) -> None:
    if rec is None or rec.department is None or rec.department.is_bureau:
        raise RuleViolation(rules.PENALTY_RECOMMENDATION)
    if not (rec.basis.strip() and rec.facts.strip()):
        raise RuleViolation(rules.PENALTY_RECOMMENDATION)
    if rec.discretion is not None:
        check_penalty(rec.discretion.circumstance, rec.discretion.amount, rec.discretion.reasons)


def record_recommendation(case, rec: RecommendationInput, actor: User, day: datetime.date) -> PenaltyRecommendation:
    if rec.discretion is not None:
        penalty_recommend(actor=actor, case=case, **vars(rec.discretion))
    return PenaltyRecommendation.objects.create(
        case=case,
        department=rec.department,
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


def inspection_day(case: InspectionCase) -> datetime.date:
    record = getattr(case, "site_record", None)
    if record is not None:
        return timezone.localdate(record.started_at)
    return case.materials_received_on or case.planned_date


@dataclass
class OutcomeInput:
    outcome: str
    ended_on: datetime.date
    findings: dict[str, FindingInput] | None = None
    rectification_requirements: str = ""
    rectification_months: int | None = None
    suggestions: str = ""
    recommendation: RecommendationInput | None = None


def _check_outcome(c: InspectionCase, data: OutcomeInput) -> None:
    """The rules of 三（四）6 over the findings (already applied) and what the outcome states."""
    outcome = Outcome(data.outcome)
    findings = list(c.findings.all())
    results = {f.result for f in findings}
    violations = [f for f in findings if f.result == FindingResult.VIOLATION]
    if outcome in (Outcome.VIOLATION, Outcome.DIRECT_PENALTY):
        if not violations or any(not (f.facts and f.basis) for f in violations):
            raise RuleViolation(rules.OUTCOME_VIOLATION_FACTS)
    if outcome == Outcome.VIOLATION:
        if not data.rectification_requirements.strip():
            raise RuleViolation(rules.RECTIFICATION_REQUIREMENTS)
        check_rectification_months(data.rectification_months)
    if outcome == Outcome.UNREASONABLE:
        if FindingResult.VIOLATION in results or FindingResult.UNREASONABLE not in results:
            raise RuleViolation(rules.OUTCOME_UNREASONABLE_FACTS)
        if not data.suggestions.strip():
            raise RuleViolation(rules.ADVICE_SUGGESTIONS)
    if outcome == Outcome.NONE and results & {FindingResult.VIOLATION, FindingResult.UNREASONABLE}:
        raise RuleViolation(rules.OUTCOME_NONE_CONFLICT)
    punishable = outcome == Outcome.DIRECT_PENALTY or any(f.punishable for f in violations)
    if punishable:
        check_recommendation(data.recommendation)
    elif data.recommendation is not None:
        raise RuleViolation(
            rules.PENALTY_RECOMMENDATION, "建议处罚或者处理的，须在违法违规的监察内容中注明依法应当予以处罚或者处理"
        )
    if data.ended_on < inspection_day(c):
        raise RuleViolation(rules.OUTCOME_DATE, f"监察日期为{cn_date(inspection_day(c))}")


def _store(c: InspectionCase, data: OutcomeInput, actor: User) -> None:
    c.outcome, c.ended_on = Outcome(data.outcome), data.ended_on
    c.rectification_requirements = data.rectification_requirements.strip()
    c.rectification_months = data.rectification_months if data.outcome == Outcome.VIOLATION else None
    c.suggestions = data.suggestions.strip()
    if data.recommendation is not None:
        record_recommendation(c, data.recommendation, actor, data.ended_on)


def _take_effect(c: InspectionCase, actor: User) -> None:
    """What a decided outcome does: draft its document with the delivery deadline, or close a referral."""
    if c.outcome in (Outcome.VIOLATION, Outcome.UNREASONABLE):
        kind = rules.KIND_RECTIFICATION_NOTICE if c.outcome == Outcome.VIOLATION else rules.KIND_ADVICE
        c.outcome_document = document_draft(actor=actor, case=c, kind_code=kind)
        c.delivery_deadline = deadline_open(
            case=c, rule_code=rules.RULE_DELIVERY, start=c.ended_on, label=f"{c.outcome_document.kind.name}送达"
        )
    elif c.outcome == Outcome.DIRECT_PENALTY:
        c.closed_on = c.ended_on
        c.close_reason = "依法应当直接予以处罚，已建议有关部门依法处罚或者处理"


def _outcome_step(name: str, *, actor: User, case: InspectionCase, data: OutcomeInput, late_reason: str):
    late = late_entry(data.ended_on, "监察结束日期", case=case, late_reason=late_reason)

    def check(c: InspectionCase) -> None:
        apply_findings(c, data.findings)  # inside the transaction: a refusal below rolls it back
        _check_outcome(c, data)
        if name == "outcome_decide" and data.recommendation is not None and not user_may(actor, c, DECIDE):
            raise RuleViolation(DECISION_NEEDS_CHIEF, "请选择“报请股长决定”")

    def apply(c: InspectionCase) -> None:
        _store(c, data, actor)
        if name == "outcome_decide":
            _take_effect(c, actor)

    branch = data.outcome if name == "outcome_decide" else None
    case, _ = WORKFLOW.run(
        name, case=case, actor=actor, check=check, apply=apply, branch=branch,
        reason=Outcome(data.outcome).label, late_reason=late,
    )
    return case


@transaction.atomic(durable=True)
def outcome_decide(*, actor: User, case: InspectionCase, late_reason: str = "", **outcome) -> InspectionCase:
    """End the inspection and decide (三（四）6). With a referral for penalty only the chief or a leader decides."""
    data = OutcomeInput(**outcome)
    return _outcome_step("outcome_decide", actor=actor, case=case, data=data, late_reason=late_reason)


@transaction.atomic(durable=True)
def outcome_propose(*, actor: User, case: InspectionCase, late_reason: str = "", **outcome) -> InspectionCase:
    """The inspector's proposed outcome, for the section's chief (or a leader) to decide."""
    data = OutcomeInput(**outcome)
    return _outcome_step("outcome_propose", actor=actor, case=case, data=data, late_reason=late_reason)


@transaction.atomic(durable=True)
def outcome_confirm(*, actor: User, case: InspectionCase, reasons: str = "") -> InspectionCase:
    """The chief or a leader decides as proposed; the rules of 三（四）6 are checked again."""

    def check(c: InspectionCase) -> None:
        rec = c.recommendations.order_by("-id").first()
        data = OutcomeInput(
            c.outcome, c.ended_on, None, c.rectification_requirements, c.rectification_months, c.suggestions,
            rec and RecommendationInput(rec.department, rec.basis, rec.facts),
        )
        _check_outcome(c, data)

    reason = f"同意：{case.get_outcome_display()}" + (f"；{reasons.strip()}" if reasons.strip() else "")
    case, _ = WORKFLOW.run(
        "outcome_confirm", case=case, actor=actor, check=check, apply=lambda c: _take_effect(c, actor),
        branch=case.outcome, reason=reason,
    )
    return case


@transaction.atomic(durable=True)
def outcome_return(*, actor: User, case: InspectionCase, reasons: str) -> InspectionCase:
    """Send the proposal back to the inspectors with written reasons; the case is again ready for an outcome."""

    def check(c: InspectionCase) -> None:
        if not reasons.strip():
            raise RuleViolation(rules.OUTCOME_RETURN_REASONS)

    def apply(c: InspectionCase) -> None:
        c.recommendations.all().delete()
        DiscretionUse.objects.filter(of_case(c)).delete()  # the returned proposal's penalty goes with it
        c.outcome, c.ended_on, c.rectification_months = "", None, None

    case, _ = WORKFLOW.run(
        "outcome_return", case=case, actor=actor, check=check, apply=apply, branch=Mode(case.mode),
        reason=f"退回{case.get_outcome_display()}：{reasons.strip()}",
    )
    return case


def outcome_served(*, document, actor: User) -> InspectionCase:
    """The 限期整改通知书 or 节能监察建议书 was served (the documents' on_served hook, inside the serving transaction).

    Meets the 15-day delivery deadline on the served date (a late serve is still recorded: the deadline shows as met
    late and the timeline says so). A violation opens the rectification period: from the served date, the months
    the outcome chose; an advice closes the case.
    """
    served_on = document.served_on

    def check(c: InspectionCase) -> None:
        if c.outcome_document_id != document.pk:
            raise RuleViolation(rules.OUTCOME_DOCUMENT_NOT_ISSUED, "该文书不是本案的处理文书")

    def apply(c: InspectionCase) -> None:
        deadline = c.delivery_deadline
        if deadline is not None and deadline.closed_on is None:
            deadline_meet(deadline=deadline, on=served_on)
        if c.outcome == Outcome.VIOLATION:
            c.rectification_deadline = deadline_open(
                case=c, rule_code=rules.RULE_RECTIFICATION, start=served_on, amount=c.rectification_months,
                unit=Unit.MONTHS, label="限期整改",
            )
        else:
            c.closed_on, c.close_reason = served_on, "节能监察建议书已送达"

    case = document.case
    reason = f"{document.number}于{cn_date(served_on)}送达"
    if case.delivery_deadline and served_on > case.delivery_deadline.due:
        reason += f"；超过送达期限（应于{cn_date(case.delivery_deadline.due)}前送达）"
    case, _ = WORKFLOW.run(
        "outcome_served", case=case, actor=actor, check=check, apply=apply, branch=case.outcome, reason=reason
    )
    return case
