"""Every read of the energy regime, limited to what the user may see (outside scope → 404)."""

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from linggao_mi.casework.selectors import case_get, cases_visible
from linggao_mi.deadlines.selectors import with_next_deadline

from .models import EnergyUnit, InspectionCase

UNIT_VIEW = "energy.view_energyunit"


def require_perm(user: User, perm: str) -> None:
    """PermissionDenied unless `user` holds the model permission `perm`."""
    if not user.has_perm(perm):
        raise PermissionDenied


def units_list(user: User, *, search: str = "", key_only: bool = False) -> QuerySet:
    """The register of units: open to every role that works the regime (view permission)."""
    require_perm(user, UNIT_VIEW)
    units = EnergyUnit.objects.all()
    if search:
        units = units.filter(Q(name__icontains=search) | Q(credit_code__icontains=search))
    if key_only:
        units = units.filter(is_key_unit=True)
    return units


def unit_get(user: User, pk: int) -> EnergyUnit:
    require_perm(user, UNIT_VIEW)
    return get_object_or_404(EnergyUnit, pk=pk)


def with_overdue_deadline(cases: QuerySet) -> QuerySet:
    """Those of `cases` with a running deadline past due: their next one is (an overdue deadline is always past due:
    DeadlineQuerySet.past_due)."""
    return cases.filter(next_due__lt=timezone.localdate())


def cases_list(user: User, *, unit: int | None = None) -> QuerySet:
    """The cases the user may see, with what the list shows (the next deadline), in a fixed number of queries."""
    require_perm(user, UNIT_VIEW)
    cases = with_next_deadline(
        cases_visible(user, InspectionCase.objects.all())
        .select_related("unit", "section")
        .prefetch_related(Prefetch("inspectors", User.objects.only("pk", "username", "first_name", "last_name")))
        .order_by("-created_at", "-id")
    )
    if unit:
        cases = cases.filter(unit_id=unit)
    return cases


def case_detail_get(user: User, pk: int) -> InspectionCase:
    queryset = InspectionCase.objects.select_related(
        "unit", "section", "notice_document", "outcome_document", "delivery_deadline", "rectification_deadline",
        "created_by",
    )
    return case_get(user, queryset, pk)
