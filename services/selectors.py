"""Every read of the public service register. The register is public, so every user sees every row."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from .models import PublicityEvent, ServiceItem


def service_item_list() -> QuerySet[ServiceItem]:
    """Items with their sections and publicity events, in two queries whatever the row count."""
    return ServiceItem.objects.select_related("section").prefetch_related(
        Prefetch("events", queryset=PublicityEvent.objects.order_by("month", "day", "pk"))
    )


def service_item_get(*, user, pk: int) -> ServiceItem:
    return get_object_or_404(ServiceItem.objects.select_related("section"), pk=pk)


def publicity_event_get(*, user, pk: int) -> PublicityEvent:
    return get_object_or_404(PublicityEvent.objects.select_related("service_item"), pk=pk)
