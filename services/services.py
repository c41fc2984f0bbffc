"""Every write to the public service register; each checks the actor's permission and records history."""

from django.contrib.auth.models import User
from django.db import transaction

from linggao_mi.org.models import Section
from linggao_mi.registers import require_perm, save_with_history

from .models import PHONE_SEPARATOR, PublicityEvent, ServiceItem, split_phones


@transaction.atomic
def service_item_update(
    *,
    actor: User,
    item_id: int,
    name: str,
    content: str,
    section: Section,
    phones: str,
    reason: str = "",
) -> ServiceItem:
    """Phones may be typed with any separator; they are kept joined by 、 as the register writes them."""
    require_perm(actor, "services.change_serviceitem")
    item = ServiceItem.objects.select_for_update().get(pk=item_id)
    item.name, item.content, item.section = name, content, section
    item.phones = PHONE_SEPARATOR.join(split_phones(phones))
    return save_with_history(item, actor=actor, reason=reason)


@transaction.atomic
def publicity_event_update(
    *,
    actor: User,
    event_id: int,
    name: str,
    month: int,
    day: int | None,
    description: str,
    service_item: ServiceItem,
    reason: str = "",
) -> PublicityEvent:
    require_perm(actor, "services.change_publicityevent")
    event = PublicityEvent.objects.select_for_update().get(pk=event_id)
    event.name, event.month, event.day = name, month, day
    event.description, event.service_item = description, service_item
    return save_with_history(event, actor=actor, reason=reason)


@transaction.atomic
def publicity_event_create(
    *,
    actor: User,
    name: str,
    month: int,
    day: int | None,
    description: str,
    service_item: ServiceItem,
    reason: str = "",
) -> PublicityEvent:
    require_perm(actor, "services.add_publicityevent")
    event = PublicityEvent(
        name=name, month=month, day=day, description=description, service_item=service_item
    )
    return save_with_history(event, actor=actor, reason=reason)
