"""三（一）/三（二） in Django admin. Cases, reviews, complaints and their records are read-only (every write goes
through the services); the discretion catalogue is kept here by admins and legal reviewers, each circumstance
checked against the legal cap when saved (DiscretionCircumstance.clean)."""

from django.contrib import admin

from linggao_mi.casework.admin import HistoryAdmin, ReadOnly

from .models import (
    Complaint,
    DiscretionCircumstance,
    DiscretionStandard,
    DiscretionUse,
    FaultCase,
    FileScore,
    LegalReview,
    OutgoingMessage,
    OversightCheck,
    SupervisionCase,
)


class CircumstanceInline(admin.TabularInline):
    model = DiscretionCircumstance
    fields = ["kind", "conditions", "min_amount", "max_amount"]
    extra = 0


@admin.register(DiscretionStandard)
class DiscretionStandardAdmin(HistoryAdmin):
    list_display = ["article", "law", "department", "min_amount", "max_amount", "first_offence_allowed"]
    search_fields = ["article", "violation"]
    inlines = [CircumstanceInline]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OversightCheck, SupervisionCase, FaultCase)
class CaseAdmin(ReadOnly, HistoryAdmin):
    list_display = ["__str__", "state", "section", "created_at"]
    list_filter = ["state", "section"]


@admin.register(FileScore, DiscretionUse, LegalReview, OutgoingMessage)
class RecordAdmin(ReadOnly, HistoryAdmin):
    pass


@admin.register(Complaint)
class ComplaintAdmin(ReadOnly, HistoryAdmin):
    list_display = ["tracking_number", "kind", "subject", "state", "received_at"]
    list_filter = ["state", "kind"]
    exclude = ["secret_hash"]
