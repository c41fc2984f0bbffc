"""三（二）: the catalogue's circumstances kept within the legal cap, and a penalty recommendation on any case.

`penalty_recommend` is what every regime calls (energy inspection's referral for penalty, an oversight case…):
the case is any registered Case (a generic key, like documents and deadlines); the actor must handle it.
"""

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction

from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.selectors import user_may
from linggao_mi.casework.services import case_event_record

from .. import rules
from ..choices import CircumstanceKind
from ..models import DiscretionCircumstance, DiscretionStandard, DiscretionUse


def yuan(amount: int | None) -> str:
    return "不处罚款" if amount is None else f"{amount:,}元"


def check_circumstance(circumstance: DiscretionCircumstance) -> None:
    """A circumstance never goes beyond its entry's legal range (三（二）1): refused when entered."""
    standard = circumstance.standard
    kind = CircumstanceKind(circumstance.kind)
    low, high = circumstance.min_amount, circumstance.max_amount
    if kind == CircumstanceKind.FIRST and not standard.first_offence_allowed:
        raise RuleViolation(rules.FIRST_OFFENCE_NOT_ALLOWED, str(standard))
    if not standard.has_fine:
        if low is not None or high is not None:
            raise RuleViolation(rules.CIRCUMSTANCE_NO_FINE, str(standard))
        return
    if kind.imposes_nothing:
        if (low, high) != (0, 0):
            raise RuleViolation(rules.CIRCUMSTANCE_BEYOND_CAP, f"{kind.label}的罚款幅度应为0元")
        return
    legal = f"法定罚款幅度为{yuan(standard.min_amount)}至{yuan(standard.max_amount)}"
    if low is None or high is None or low > high:
        raise RuleViolation(rules.CIRCUMSTANCE_BEYOND_CAP, f"{legal}，请填写该情形的罚款下限和上限（下限不高于上限）")
    if low < standard.min_amount or high > standard.max_amount:
        raise RuleViolation(rules.CIRCUMSTANCE_BEYOND_CAP, f"{legal}，所填为{yuan(low)}至{yuan(high)}")


@transaction.atomic(durable=True)
def circumstance_save(*, actor: User, circumstance: DiscretionCircumstance) -> DiscretionCircumstance:
    """Enter or change a circumstance of the catalogue (those who keep it: legal reviewers, admins)."""
    perm = "add" if circumstance.pk is None else "change"
    if not actor.has_perm(f"inspections.{perm}_discretioncircumstance"):
        raise PermissionDenied
    check_circumstance(circumstance)
    circumstance.full_clean(validate_constraints=True)
    circumstance.save()
    return circumstance


@dataclass(frozen=True)
class Suggestion:
    """What the portal suggests for an entry and circumstance: the range and what it rests on."""

    min_amount: int | None
    max_amount: int | None
    text: str


def penalty_suggest(circumstance: DiscretionCircumstance) -> Suggestion:
    standard = circumstance.standard
    if circumstance.max_amount is None:
        text = f"{standard}：{'、'.join(standard.penalty_kinds)}（法律未规定罚款）"
    elif circumstance.max_amount == 0:
        text = f"{standard}：{circumstance.get_kind_display()}，不予罚款"
    else:
        text = (
            f"{standard}：{circumstance.get_kind_display()}，建议罚款{yuan(circumstance.min_amount)}至"
            f"{yuan(circumstance.max_amount)}（法定{yuan(standard.min_amount)}至{yuan(standard.max_amount)}）"
        )
    return Suggestion(circumstance.min_amount, circumstance.max_amount, text)


def check_penalty(circumstance: DiscretionCircumstance, amount: int | None, reasons: str) -> None:
    """The amount within the circumstance's range (none where it imposes no fine) and a written reason."""
    low, high = circumstance.min_amount, circumstance.max_amount
    if high is None or high == 0:
        if amount not in (None, 0):
            raise RuleViolation(rules.AMOUNT_NOT_ALLOWED, f"{circumstance}，所填{yuan(amount)}")
    elif amount is None:
        raise RuleViolation(rules.AMOUNT_REQUIRED, penalty_suggest(circumstance).text)
    elif not low <= amount <= high:
        raise RuleViolation(rules.AMOUNT_OUTSIDE_RANGE, f"{penalty_suggest(circumstance).text}，所填{yuan(amount)}")
    if not (reasons or "").strip():
        raise RuleViolation(rules.REASONS_REQUIRED)


def penalty_recommend(
    *,
    actor: User,
    case,
    circumstance: DiscretionCircumstance,
    amount: int | None,
    reasons: str,
    standard: DiscretionStandard | None = None,
) -> DiscretionUse:
    """Record a penalty recommendation on `case` (any regime's): the entry and circumstance of the catalogue, the
    amount (within the circumstance's range; none where it imposes no fine) and the written reasons (说明理由).

    A plain transaction: a regime calls it inside its own step (e.g. energy's referral for penalty), or alone.
    """
    if not (user_may(actor, case, "change") or user_may(actor, case, "decide")):
        raise PermissionDenied
    if standard is not None and circumstance.standard_id != standard.pk:
        raise RuleViolation(rules.CIRCUMSTANCE_OF_STANDARD, f"{circumstance}不属于{standard}")
    check_penalty(circumstance, amount, reasons)
    if circumstance.max_amount in (None, 0):
        amount = None
    with transaction.atomic():
        use = DiscretionUse.objects.create(
            case=case,
            standard_id=circumstance.standard_id,
            circumstance=circumstance,
            amount=amount,
            reasons=reasons.strip(),
            recorded_by=actor,
        )
        case_event_record(
            case=case,
            actor=actor,
            action="处罚裁量建议",
            from_state=case.state,
            to_state=case.state,
            reason=f"{use}；理由：{use.reasons}",
        )
    return use
