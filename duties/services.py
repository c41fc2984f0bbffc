"""Every write to the duty register; each checks the actor's permission and records history."""

from django.contrib.auth.models import User
from django.db import transaction

from linggao_mi.org.models import Section
from linggao_mi.registers import next_order, require_perm, save_with_history

from .models import Duty, DutyItem


@transaction.atomic
def duty_update(*, actor: User, duty_id: int, text: str, reason: str = "") -> Duty:
    require_perm(actor, "duties.change_duty")
    duty = Duty.objects.select_for_update().get(pk=duty_id)
    duty.text = text
    return save_with_history(duty, actor=actor, reason=reason)


@transaction.atomic
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
    require_perm(actor, "duties.change_dutyitem")
    item = DutyItem.objects.select_for_update().get(pk=item_id)
    item.order, item.text, item.note, item.section = order, text, note, section
    return save_with_history(item, actor=actor, reason=reason)


@transaction.atomic
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
    require_perm(actor, "duties.add_dutyitem")
    duty = Duty.objects.select_for_update().get(pk=duty_id)
    if order is None:
        order = next_order(duty.items.all())
    item = DutyItem(duty=duty, order=order, text=text, note=note, section=section)
    return save_with_history(item, actor=actor, reason=reason)
