"""Every read of 三（五）, limited to what the user may see (outside scope → 404)."""

from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404

from linggao_mi.casework.selectors import case_get, cases_visible
from linggao_mi.deadlines.models import Deadline

from ..selectors import require_perm
from .models import FixedAssetProject, ProjectCheck, ProjectTrigger
from .rules import RULE_PERIODIC_CHECK

PROJECT_VIEW = "energy.view_fixedassetproject"


def _next_check_due() -> Subquery:
    running = Deadline.objects.running().filter(
        content_type=ContentType.objects.get_for_model(FixedAssetProject), object_id=OuterRef("pk"),
        rule__code=RULE_PERIODIC_CHECK,
    ).order_by("due")
    return Subquery(running.values("due")[:1])


def projects_list(user: User, *, search: str = "", trigger: str = "", order: str = "") -> QuerySet:
    """The project register, with each project's triggers and next periodic check due, in a fixed number of queries.

    `trigger` keeps the projects with that trigger ("any": with any); `order` "next_check" sorts by the next check
    due, soonest first."""
    require_perm(user, PROJECT_VIEW)
    projects = (
        FixedAssetProject.objects.select_related("owner", "section")
        .prefetch_related(Prefetch("triggers", queryset=ProjectTrigger.objects.order_by("since", "id")))
        .annotate(next_check_due=_next_check_due())
    )
    if search:
        projects = projects.filter(
            Q(name__icontains=search) | Q(owner__name__icontains=search) | Q(owner__credit_code__icontains=search)
            | Q(review_opinion_number__icontains=search) | Q(location__icontains=search)
        )
    if trigger == "any":
        projects = projects.filter(triggers__isnull=False).distinct()
    elif trigger:
        projects = projects.filter(triggers__code=trigger)
    if order == "next_check":
        return projects.order_by("next_check_due", "id")
    return projects.order_by("-created_at", "-id")


def project_get(user: User, pk: int) -> FixedAssetProject:
    return get_object_or_404(projects_list(user), pk=pk)


def checks_list(user: User, *, project: int | None = None) -> QuerySet:
    require_perm(user, PROJECT_VIEW)
    checks = cases_visible(user, ProjectCheck.objects.all()).select_related("project", "project__owner", "section")
    if project:
        checks = checks.filter(project_id=project)
    return checks.order_by("-created_at", "-id")


def check_get(user: User, pk: int) -> ProjectCheck:
    require_perm(user, PROJECT_VIEW)
    queryset = ProjectCheck.objects.select_related(
        "project", "project__owner", "project__section", "section", "notice_document", "feedback_document",
        "stop_order_document",
    )
    return case_get(user, queryset, pk)
