"""Every read of 三（一）/三（二）, limited to what the user may see (outside scope → 404)."""

import re

from django.contrib.auth.models import User
from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from linggao_mi.casework.registry import CASE_MODELS
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.selectors import case_get, cases_visible

from . import rules
from .choices import LegalReviewState
from .models import DiscretionCircumstance, DiscretionStandard, FaultCase, LegalReview, OversightCheck, SupervisionCase

REFERENCE = re.compile(r"^\s*(?P<prefix>\S+?)〔(?P<year>\d{4})〕(?P<serial>\d+)号\s*$")


def case_by_reference(reference: str):
    """The case of any regime whose 案号 is `reference` (e.g. 临工信节监〔2026〕3号), or RuleViolation."""
    match = REFERENCE.match(reference or "")
    if match:
        for model in CASE_MODELS:
            if model.REFERENCE_PREFIX == match["prefix"]:
                case = model.objects.filter(year=int(match["year"]), serial=int(match["serial"])).first()
                if case is not None:
                    return case
    raise RuleViolation(rules.FILE_NOT_FOUND, (reference or "").strip() or "未填写案号")


def standards_public() -> QuerySet:
    """The published catalogue: every entry with its circumstances (two queries whatever its size)."""
    return DiscretionStandard.objects.prefetch_related(
        Prefetch("circumstances", queryset=DiscretionCircumstance.objects.order_by("id"))
    )


def checks_list(user: User) -> QuerySet:
    return cases_visible(user, OversightCheck.objects.select_related("section"))


def supervisions_list(user: User) -> QuerySet:
    return cases_visible(user, SupervisionCase.objects.select_related("section", "checked_section"))


def faults_list(user: User) -> QuerySet:
    return cases_visible(user, FaultCase.objects.select_related("section", "person"))


def check_get(user: User, pk: int) -> OversightCheck:
    return case_get(user, OversightCheck.objects.select_related("section", "report_deadline"), pk)


def supervision_get(user: User, pk: int) -> SupervisionCase:
    return case_get(
        user,
        SupervisionCase.objects.select_related("section", "checked_section", "notice_document", "review_document"),
        pk,
    )


def fault_get(user: User, pk: int) -> FaultCase:
    return case_get(user, FaultCase.objects.select_related("section", "person", "decision_document"), pk)


def legal_queue(user: User) -> QuerySet:
    """The legal reviewer's queue: the documents sent to 法制审核, pending first (none for anyone else)."""
    if not user.has_perm("inspections.review_legalreview"):
        return LegalReview.objects.none()
    waiting = Case(When(state=LegalReviewState.PENDING, then=Value(0)), default=Value(1), output_field=IntegerField())
    return (
        LegalReview.objects.select_related("document__kind", "requested_by", "reviewer", "content_type")
        .annotate(waiting=waiting)
        .order_by("waiting", "-requested_at", "-pk")
    )


def legal_review_get(user: User, pk: int) -> LegalReview:
    return get_object_or_404(legal_queue(user), pk=pk)
