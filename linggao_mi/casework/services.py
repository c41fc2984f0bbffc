from collections.abc import Callable
from typing import Any, TypeVar

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from guardian.shortcuts import assign_perm, remove_perm

from linggao_mi.deadlines.services import next_deadline_of
from linggao_mi.org.models import Section
from linggao_mi.org.services import section_group

from .history import history_user
from .models import Case, CaseEvent, Series
from .selectors import case_perm, user_may
from .workflow import DECIDE, Step

C = TypeVar("C", bound=Case)
F = TypeVar("F", bound=Callable[..., Any])


def opening_service(func: F) -> F:
    """A service that opens a case: one durable transaction, like every public service; and `func.inside(...)`,
    the same service inside a transaction another service holds — a complaint triaged into a new case locks the
    complaint, opens the case and links them in one commit, so a refusal or a crash leaves neither."""
    durable = transaction.atomic(durable=True)(func)
    durable.inside = transaction.atomic(func)
    return durable


def series_next(*, name: str, year: int) -> int:
    """Take the next number of series `name` in `year` (1 for the first).

    Call it inside the transaction that uses the number: the series row stays locked until that
    transaction ends, so numbers are handed out one at a time, and a rollback gives the number back.
    Outside a transaction the row lock is refused (TransactionManagementError).
    """
    series, _ = Series.objects.select_for_update().get_or_create(name=name, year=year)
    series.last += 1
    series.save(update_fields=["last"])
    return series.last


def case_series_name(model: type[Case]) -> str:
    """The name of a case table's 案号 series, e.g. "case:energy.inspectioncase"."""
    return f"case:{model._meta.label_lower}"


def case_create(*, model: type[C], actor: User, **fields: Any) -> C:
    """Insert a new case of `model` registered by `actor`, numbered next in its table's series of this year.

    Every regime creates its cases through this. Call it inside the regime's creating transaction, so
    that a refusal after numbering (a rule, a failed grant) rolls the number back with the case.
    """
    with transaction.atomic(), history_user(actor):
        year = timezone.localdate().year
        serial = series_next(name=case_series_name(model), year=year)
        return model.objects.create(created_by=actor, year=year, serial=serial, **fields)


def case_event_record(
    *,
    case: Case,
    actor: User,
    action: str,
    from_state: str,
    to_state: str,
    reason: str = "",
    step: str = "",
    late_reason: str = "",
) -> CaseEvent:
    return CaseEvent.objects.create(
        case=case, actor=actor, action=action, from_state=from_state, to_state=to_state, reason=reason,
        step=step, late_reason=late_reason,
    )


def case_transition(
    *,
    model: type[C],
    pk: int,
    actor: User,
    step: Step,
    reason: str = "",
    branch: str | None = None,
    check: Callable[[C], None] | None = None,
    apply: Callable[[C], Any] | None = None,
    late_reason: str = "",
) -> tuple[C, Any]:
    """Take `step` on a case: lock it, check permission, state and guards, run `check`, `apply`, move, record.

    `check(case)` raises RuleViolation to refuse on the step's input; `apply(case)` makes the step's other
    changes and may return what it made (a record), which is returned beside the case. Both run inside the
    same transaction, after the step's own checks. Two concurrent calls on one case serialise on the row lock,
    and the second then fails the state check. `branch` picks the target of a branching step. Every history row
    the step writes (the case's, its records') names `actor`, in a request or not.
    """
    with transaction.atomic(), history_user(actor):
        case = model.objects.select_for_update().get(pk=pk)
        if not user_may(actor, case, step.permission):
            raise PermissionDenied
        step.check(case)
        if check is not None:
            check(case)
        made = apply(case) if apply is not None else None
        from_state = case.state
        case.state = step.target_for(case, branch)
        case.next_deadline_id, case.next_due = next_deadline_of(case)  # as `apply` left the deadlines
        case.save()
        case_event_record(
            case=case, actor=actor, action=step.label, from_state=from_state, to_state=case.state,
            reason=reason, step=step.name, late_reason=late_reason,
        )
    return case, made


def case_grant_access(*, case: Case, inspectors: list[User]) -> None:
    """The case's inspectors may view and handle it; its section's members may view it; its section's chief
    may handle it and take the decisions in the bureau's name.

    Inspectors who left the case lose their object permissions. Call inside the write that assigns.
    """
    view, change, decide = (case_perm(type(case), action) for action in ("view", "change", DECIDE))
    previous = set(case.inspectors.all())
    case.inspectors.set(inspectors)
    for user in previous - set(inspectors):
        remove_perm(view, user, case)
        remove_perm(change, user, case)
    for user in inspectors:
        assign_perm(view, user, case)
        assign_perm(change, user, case)
    section = Section.objects.select_related("chief").get(pk=case.section_id)  # the chief as of now, not as cached
    assign_perm(view, section_group(section), case)
    if section.chief is not None:
        assign_perm(change, section.chief, case)
        assign_perm(decide, section.chief, case)
