"""Every read of the boundary table. The table is public, so every user sees every row."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from .lookup import LookupResult, lookup
from .models import Assignment, BoundaryCase, BoundaryMatter, LegalBasis, Synonym


def matter_list() -> QuerySet[BoundaryMatter]:
    """Matters with assignments (and departments), legal bases and cases (and their departments);
    a fixed number of queries whatever the number of rows."""
    return BoundaryMatter.objects.prefetch_related(
        Prefetch(
            "assignments", queryset=Assignment.objects.select_related("department").order_by("order", "pk")
        ),
        Prefetch("legal_bases", queryset=LegalBasis.objects.order_by("order", "pk")),
        Prefetch(
            "cases", queryset=BoundaryCase.objects.prefetch_related("departments").order_by("order", "pk")
        ),
    )


def synonym_pairs() -> list[tuple[str, str]]:
    """(everyday word, term of the registers) for every synonym."""
    return list(Synonym.objects.values_list("word", "term"))


def boundary_lookup(*, query: str) -> LookupResult:
    """“这件事归谁管？” over the whole table, everyday words counting as the table's terms."""
    return lookup(list(matter_list()), query, synonym_pairs())


def matter_get(*, user, pk: int) -> BoundaryMatter:
    return get_object_or_404(BoundaryMatter, pk=pk)


def assignment_get(*, user, pk: int) -> Assignment:
    return get_object_or_404(Assignment.objects.select_related("matter", "department"), pk=pk)


def legal_basis_get(*, user, pk: int) -> LegalBasis:
    return get_object_or_404(LegalBasis.objects.select_related("matter"), pk=pk)


def case_get(*, user, pk: int) -> BoundaryCase:
    return get_object_or_404(BoundaryCase.objects.select_related("matter"), pk=pk)
