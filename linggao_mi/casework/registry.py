"""The case models of every regime, so that shared views (my work, reminders, lists) can reach them all."""

from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import QuerySet

CASE_MODELS: list = []


def register_case_model(model):
    """Class decorator for concrete Case models."""
    CASE_MODELS.append(model)
    return model


def with_subject(model, queryset: QuerySet | None = None) -> QuerySet:
    """`model`'s cases (or `queryset`) with their subject (Case.SUBJECT_FIELD: the unit, the project) joined."""
    queryset = model._default_manager.all() if queryset is None else queryset
    return queryset.select_related(model.SUBJECT_FIELD) if model.SUBJECT_FIELD else queryset


def case_prefetch(lookup: str = "case") -> GenericPrefetch:
    """Prefetch a generic `case` (of documents, deadlines) with its subject: one query per regime, not per row."""
    return GenericPrefetch(lookup, [with_subject(model) for model in CASE_MODELS])
