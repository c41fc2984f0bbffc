"""What the stages of 三（一） share: opening a case through the kit, and a written report that meets its deadline."""

import datetime

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from linggao_mi.casework.checks import check_inspectors, late_entry
from linggao_mi.casework.rules import DATE_ORDER, RuleViolation
from linggao_mi.casework.selectors import user_may
from linggao_mi.casework.services import case_create, case_event_record, case_grant_access
from linggao_mi.casework.workflow import CREATE, Workflow
from linggao_mi.deadlines.periods import cn_date
from linggao_mi.deadlines.services import deadline_meet, deadline_waive
from linggao_mi.org.models import Section


def actor_section(actor: User, section: Section | None) -> Section:
    if section is not None:
        return section
    profile = getattr(actor, "profile", None)
    return profile.section if profile and profile.section_id else Section.objects.get(code="industry")


def case_open(
    *, workflow: Workflow, actor: User, inspectors: list[User], section: Section | None, reason: str, **fields
):
    """The creating step of `workflow`: numbered, its handlers (certified, of the section) granted, recorded."""
    model = workflow.model
    if not user_may(actor, model, CREATE):
        raise PermissionDenied
    section = actor_section(actor, section)
    check_inspectors(inspectors, timezone.localdate(), section=section, minimum=1)
    case = case_create(model=model, actor=actor, section=section, state=workflow["open"].target, **fields)
    case_grant_access(case=case, inspectors=inspectors)
    case_event_record(
        case=case,
        actor=actor,
        action=workflow["open"].label,
        step="open",
        from_state="",
        to_state=case.state,
        reason=reason,
    )
    return case


def written_report_date(
    case, received_on: datetime.date, after: datetime.date | None, what: str, late_reason: str = ""
) -> str:
    """A received date: not in the future, not before `after` (the date its period started); the 补录 reason."""
    late = late_entry(received_on, what, case=case, late_reason=late_reason)
    if after is not None and received_on < after:
        raise RuleViolation(DATE_ORDER, f"{what}{cn_date(received_on)}早于{cn_date(after)}")
    return late


def meet(deadline, on: datetime.date) -> None:
    if deadline is not None and deadline.closed_on is None:
        deadline_meet(deadline=deadline, on=on)


def waive(deadline, actor: User, reason: str) -> None:
    if deadline is not None and deadline.closed_on is None:
        deadline_waive(actor=actor, deadline=deadline, reason=reason)
