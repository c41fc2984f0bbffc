"""Every read of the duty register. The register is public, so every user sees every row."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from .models import Duty, DutyItem


def duty_list() -> QuerySet[Duty]:
    """Duties with their items, the items' sections and regimes, in four queries whatever the row count."""
    items = DutyItem.objects.select_related("section").prefetch_related("regimes").order_by("order", "pk")
    return Duty.objects.prefetch_related(Prefetch("items", queryset=items))


def duty_get(*, user, pk: int) -> Duty:
    return get_object_or_404(Duty, pk=pk)


def duty_item_get(*, user, pk: int) -> DutyItem:
    return get_object_or_404(DutyItem.objects.select_related("duty", "section"), pk=pk)
