"""三（五） in Django admin, read-only (every write goes through the services, their rules and the case timeline)."""

from django.contrib import admin

from linggao_mi.casework.admin import HistoryAdmin

from ..admin import ReadOnly
from .models import (
    CheckStepRecord,
    FixedAssetProject,
    ProjectChange,
    ProjectCheck,
    ProjectCheckGroupObjectPermission,
    ProjectCheckUserObjectPermission,
    ProjectMeasure,
    ProjectTrigger,
)


class ChangeInline(ReadOnly, admin.TabularInline):
    model = ProjectChange
    fields = ["changed_on", "kind", "description", "expected_annual_consumption_tce", "recorded_by"]
    extra = 0


class TriggerInline(ReadOnly, admin.TabularInline):
    model = ProjectTrigger
    fields = ["code", "clause", "since", "facts", "recorded_by"]
    extra = 0


@admin.register(FixedAssetProject)
class FixedAssetProjectAdmin(ReadOnly, HistoryAdmin):
    list_display = ["name", "owner", "review_status", "review_passed_on", "approved_annual_consumption_tce",
                    "construction_started_on", "section", "created_at"]
    list_filter = ["review_status", "triggers__code", "section"]
    list_select_related = ["owner", "section"]
    search_fields = ["name", "owner__name", "owner__credit_code", "review_opinion_number"]
    inlines = [ChangeInline, TriggerInline]


class StepInline(ReadOnly, admin.TabularInline):
    model = CheckStepRecord
    fields = ["step", "done_on", "participants", "notes"]
    extra = 0


class MeasureInline(ReadOnly, admin.TabularInline):
    model = ProjectMeasure
    fields = ["kind", "basis", "facts", "decided_on", "penalty"]
    extra = 0


@admin.register(ProjectCheck)
class ProjectCheckAdmin(ReadOnly, HistoryAdmin):
    list_display = ["reference", "project", "state", "kind", "method", "planned_date", "section", "closed_on"]
    list_filter = ["state", "kind", "method", "section"]
    list_select_related = ["project", "section"]
    search_fields = ["project__name", "project__owner__name"]
    inlines = [StepInline, MeasureInline]

    @admin.display(description="编号", ordering="pk")
    def reference(self, case):
        return case.reference


# The rest, read-only: what each row belongs to and how to find it.
for model, search in (
    (ProjectChange, ["project__name"]), (ProjectTrigger, ["project__name", "code"]),
    (CheckStepRecord, ["check_case__project__name"]), (ProjectMeasure, ["check_case__project__name"]),
    (ProjectCheckUserObjectPermission, ["user__username"]), (ProjectCheckGroupObjectPermission, ["group__name"]),
):
    base = HistoryAdmin if hasattr(model, "history") else admin.ModelAdmin
    admin.site.register(model, type(f"{model.__name__}Admin", (ReadOnly, base), {
        "list_display": ["__str__", "pk"], "search_fields": search,
    }))
