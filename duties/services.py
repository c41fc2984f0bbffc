"""Every write to the duty register; each checks the actor's permission and records history."""

from django.contrib.auth.models import User

from linggao_mi.org.models import Section
from linggao_mi.registers import create_row, update_row

from .models import Duty, DutyItem


def duty_update(*, actor: User, duty_id: int, text: str, reason: str = "") -> Duty:
    return update_row(Duty, duty_id, actor=actor, reason=reason, text=text)


def duty_item_update(
    *,
    actor: User,
    item_id: int,
    order: int,
    text: str,
    note: str = "",
    section: Section | None = None,
    reason: str = "",
) -> DutyItem:
    return update_row(
        DutyItem, item_id, actor=actor, reason=reason, order=order, text=text, note=note, section=section
    )


def duty_item_create(
    *,
    actor: User,
    duty_id: int,
    text: str,
    note: str = "",
    section: Section | None = None,
    order: int | None = None,
    reason: str = "",
) -> DutyItem:
    """A new work item under a duty; without an order it goes last."""
    return create_row(
        DutyItem,
        actor=actor,
        reason=reason,
        parent=("duty", duty_id),
        order=order,
        text=text,
        note=note,
        section=section,
    )
