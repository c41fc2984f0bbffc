"""The energy regime in Django admin, read-only: admins can look at every record, and every write still goes
through services.py (its rules, object permissions and case timeline)."""

from django.contrib import admin

from linggao_mi.casework.admin import HistoryAdmin, ReadOnly

from .models import (
    EnergyUnit,
    ExtensionRequest,
    Finding,
    InspectionCase,
    InspectionCaseGroupObjectPermission,
    InspectionCaseUserObjectPermission,
    PenaltyRecommendation,
    SiteRecord,
    TestingCommission,
    WrittenReply,
)

CASE_SEARCH = ["case__unit__name", "case__unit__credit_code"]


class FindingInline(ReadOnly, admin.TabularInline):
    model = Finding
    fields = ["item", "result", "facts", "basis"]
    extra = 0


@admin.register(EnergyUnit)
class EnergyUnitAdmin(ReadOnly, HistoryAdmin):
    list_display = ["name", "credit_code", "industry", "is_key_unit", "annual_energy_use", "contact_person",
                    "contact_phone", "created_at"]
    list_filter = ["is_key_unit", "industry"]
    search_fields = ["name", "credit_code", "legal_representative", "contact_person"]


@admin.register(InspectionCase)
class InspectionCaseAdmin(ReadOnly, HistoryAdmin):
    list_display = ["reference", "unit", "state", "mode", "trigger", "planned_date", "outcome", "section", "closed_on"]
    list_filter = ["state", "mode", "trigger", "outcome", "section"]
    list_select_related = ["unit", "section"]
    search_fields = ["unit__name", "unit__credit_code"]
    date_hierarchy = "created_at"
    inlines = [FindingInline]

    @admin.display(description="案号", ordering="pk")
    def reference(self, case):
        return case.reference


@admin.register(Finding)
class FindingAdmin(ReadOnly, HistoryAdmin):
    list_display = ["case", "item", "result"]
    list_filter = ["result", "item"]
    list_select_related = ["case"]
    search_fields = [*CASE_SEARCH, "facts", "basis"]


@admin.register(SiteRecord)
class SiteRecordAdmin(ReadOnly, HistoryAdmin):
    list_display = ["case", "started_at", "place", "signer_name", "signer_capacity", "refused", "filed_by"]
    list_filter = ["refused", "signer_capacity"]
    list_select_related = ["case", "filed_by"]
    search_fields = [*CASE_SEARCH, "place", "signer_name"]


@admin.register(TestingCommission)
class TestingCommissionAdmin(ReadOnly, HistoryAdmin):
    list_display = ["case", "agency_name", "qualification_number", "commissioned_on", "results_on"]
    list_filter = ["commissioned_on", "results_on"]
    list_select_related = ["case"]
    search_fields = [*CASE_SEARCH, "agency_name", "qualification_number"]


@admin.register(PenaltyRecommendation)
class PenaltyRecommendationAdmin(ReadOnly, HistoryAdmin):
    list_display = ["case", "department", "recommended_on", "recorded_by"]
    list_filter = ["recommended_on"]
    list_select_related = ["case", "department", "recorded_by"]
    search_fields = [*CASE_SEARCH, "department__name", "facts"]


@admin.register(WrittenReply)
class WrittenReplyAdmin(ReadOnly, HistoryAdmin):
    list_display = ["case", "required_on", "deadline", "received_on", "required_by"]
    list_select_related = ["case", "deadline", "required_by"]
    search_fields = [*CASE_SEARCH, "questions", "summary"]


@admin.register(ExtensionRequest)
class ExtensionRequestAdmin(ReadOnly, HistoryAdmin):
    list_display = ["case", "received_on", "requested_months", "state", "granted_months", "decided_on", "decided_by"]
    list_filter = ["state"]
    list_select_related = ["case", "decided_by"]
    search_fields = [*CASE_SEARCH, "reasons", "decision_reasons"]


@admin.register(InspectionCaseUserObjectPermission)
class InspectionCaseUserObjectPermissionAdmin(ReadOnly, admin.ModelAdmin):
    """Who may see or work a case (granted by the services: inspectors, the section chief)."""

    list_display = ["content_object", "user", "permission"]
    list_filter = ["permission"]
    list_select_related = ["content_object", "user", "permission__content_type"]
    search_fields = ["user__username", "user__first_name", "content_object__unit__name"]


@admin.register(InspectionCaseGroupObjectPermission)
class InspectionCaseGroupObjectPermissionAdmin(ReadOnly, admin.ModelAdmin):
    """Which section group sees a case."""

    list_display = ["content_object", "group", "permission"]
    list_filter = ["permission", "group"]
    list_select_related = ["content_object", "group", "permission__content_type"]
    search_fields = ["group__name", "content_object__unit__name"]


from .fixed_asset import admin as fixed_asset_admin  # noqa: E402,F401  (三（五）, registered with the same ReadOnly)
