"""Every read of 三（三）（六）～（九), scoped to the user (outside their scope: 404, the same as missing); and the
public reads of /tenders/, which show published announcements only."""

from django.contrib.auth.models import User
from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from linggao_mi.casework.selectors import case_get, cases_visible

from .models import (
    Briefing,
    ITProject,
    KeyProject,
    MonthlyMeeting,
    PlanFiling,
    TenderAnnouncement,
    TenderDocument,
)


def projects_list(user: User, *, state: str = "", search: str = "") -> QuerySet:
    projects = cases_visible(user, ITProject.objects.select_related("section", "plan"))
    if state:
        projects = projects.filter(state=state)
    if search:
        projects = projects.filter(Q(name__icontains=search) | Q(owner_unit__icontains=search))
    return projects.order_by("-created_at", "-id")


def project_get(user: User, pk: int) -> ITProject:
    return case_get(
        user, ITProject.objects.select_related("section", "plan", "award_deadline", "acceptance_document__kind"), pk
    )


def announcements_list(user: User) -> QuerySet:
    """The tender results of the projects `user` may see, published or not."""
    projects = cases_visible(user, ITProject.objects.all()).values("pk")
    return TenderAnnouncement.objects.filter(project__in=projects).select_related("project")


def key_projects_list(user: User) -> QuerySet:
    return (
        cases_visible(user, KeyProject.objects.select_related("section"))
        .annotate(weeks=Count("weekly_records", distinct=True))
        .order_by("-created_at", "-id")
    )


def key_project_get(user: User, pk: int) -> KeyProject:
    return case_get(user, KeyProject.objects.select_related("section"), pk)


def plans_list(user: User) -> QuerySet:
    return cases_visible(user, PlanFiling.objects.select_related("section")).order_by("-created_at", "-id")


def plan_get(user: User, pk: int) -> PlanFiling:
    return case_get(user, PlanFiling.objects.select_related("section"), pk)


def briefings_list(user: User) -> QuerySet:
    return cases_visible(user, Briefing.objects.select_related("section", "document")).order_by("-created_at", "-id")


def briefing_get(user: User, pk: int) -> Briefing:
    return case_get(user, Briefing.objects.select_related("section", "document__kind"), pk)


def meetings_list(user: User) -> QuerySet:
    if not user.has_perm("infoproj.view_monthlymeeting"):
        return MonthlyMeeting.objects.none()
    return MonthlyMeeting.objects.prefetch_related("decisions__project")


def plans_in_force(year: int) -> QuerySet:
    """Filed plans (acknowledged, or the county's filed with the province) covering `year`: what a project rests on."""
    return PlanFiling.objects.filter(
        state__in=("acknowledged", "filed_province"), period_from__lte=year, period_to__gte=year
    ).order_by("filer_name")


# ---------------------------------------------------------------- public (/tenders/)


def announcements_published() -> QuerySet:
    return (
        TenderAnnouncement.objects.filter(published_on__isnull=False)
        .select_related("project")
        .prefetch_related("items", Prefetch("documents", queryset=TenderDocument.objects.select_related("attachment")))
        .order_by("-published_on", "-id")
    )


def announcement_public_get(pk: int) -> TenderAnnouncement:
    return get_object_or_404(announcements_published(), pk=pk)


def tender_document_public_get(announcement_pk: int, pk: int) -> TenderDocument:
    return get_object_or_404(
        TenderDocument.objects.select_related("attachment"),
        pk=pk, announcement_id=announcement_pk, announcement__published_on__isnull=False,
    )
