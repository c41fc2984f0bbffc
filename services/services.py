"""Every write to the public service register; each checks the actor's permission and records history."""

from django.contrib.auth.models import User

from linggao_mi.org.models import Section
from linggao_mi.registers import create_row, update_row

from .models import PHONE_SEPARATOR, PublicityEvent, ServiceItem, split_phones


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
    phones = PHONE_SEPARATOR.join(split_phones(phones))
    return update_row(
        ServiceItem, item_id, actor=actor, reason=reason, name=name, content=content, section=section, phones=phones
    )


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
    return update_row(
        PublicityEvent,
        event_id,
        actor=actor,
        reason=reason,
        name=name,
        month=month,
        day=day,
        description=description,
        service_item=service_item,
    )


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
    return create_row(
        PublicityEvent,
        actor=actor,
        reason=reason,
        name=name,
        month=month,
        day=day,
        description=description,
        service_item=service_item,
    )
