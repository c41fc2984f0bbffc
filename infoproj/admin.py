"""三（三）（六）～（九) in Django admin, read-only: admins can look at every record, and every write still goes through
the services (their rules, object permissions and case timelines)."""

from django.contrib import admin

from linggao_mi.casework.admin import HistoryAdmin, ReadOnly

from . import models


class Inline(ReadOnly, admin.TabularInline):
    extra = 0


class ReviewInline(Inline):
    model = models.ExpertReview
    fields = ["gate", "reviewed_on", "experts", "standards_implemented", "verdict", "opinions"]


class FilingInline(Inline):
    model = models.TenderFiling
    fields = ["version", "submitted_on", "law_compliant", "scale_compliant", "verdict", "opinions"]


class CheckInline(Inline):
    model = models.RoutineCheck
    fields = ["checked_on", "progress_ok", "funds_ok", "quality_ok", "findings", "deadline", "rectified_on"]


class EvaluationInline(Inline):
    model = models.PerformanceEvaluation
    fields = ["evaluated_on", "management_score", "output_score", "effect_score", "goals_met", "refused_on"]


@admin.register(models.ITProject)
class ITProjectAdmin(ReadOnly, HistoryAdmin):
    list_display = ["__str__", "owner_unit", "budget", "state", "plan", "created_at"]
    list_filter = ["state", "build_kind"]
    search_fields = ["name", "owner_unit"]
    inlines = [ReviewInline, FilingInline, CheckInline, EvaluationInline]


class ItemInline(Inline):
    model = models.AnnouncementItem


class DocumentInline(Inline):
    model = models.TenderDocument


@admin.register(models.TenderAnnouncement)
class TenderAnnouncementAdmin(ReadOnly, HistoryAdmin):
    list_display = ["__str__", "project_number", "winner_name", "winner_amount", "winner_determined_on", "published_on"]
    search_fields = ["project_title", "project_number", "winner_name"]
    inlines = [ItemInline, DocumentInline]


class WeeklyInline(Inline):
    model = models.WeeklyRecord
    fields = ["week_start", "contacted_on", "progress", "problems"]


class MilestoneInline(Inline):
    model = models.Milestone


@admin.register(models.KeyProject)
class KeyProjectAdmin(ReadOnly, HistoryAdmin):
    list_display = ["__str__", "kind", "owner_unit", "investment", "state"]
    list_filter = ["state", "kind"]
    search_fields = ["name", "owner_unit"]
    inlines = [MilestoneInline, WeeklyInline]


class DecisionInline(Inline):
    model = models.MeetingDecision


@admin.register(models.MonthlyMeeting)
class MonthlyMeetingAdmin(ReadOnly, HistoryAdmin):
    list_display = ["__str__", "held_on"]
    inlines = [DecisionInline]


class PlanCheckInline(Inline):
    model = models.PlanCheck
    fields = ["checked_on", "group_members", "methods", "implementation", "findings"]


@admin.register(models.PlanFiling)
class PlanFilingAdmin(ReadOnly, HistoryAdmin):
    list_display = ["__str__", "filer_kind", "period_from", "period_to", "submitted_on", "state"]
    list_filter = ["state", "filer_kind"]
    search_fields = ["filer_name", "title"]
    inlines = [PlanCheckInline]


@admin.register(models.Briefing)
class BriefingAdmin(ReadOnly, HistoryAdmin):
    list_display = ["__str__", "kind", "period_year", "quarter", "state"]
    list_filter = ["kind", "state"]


for model in (models.ProjectChange, models.ContractCheck, models.Complaint, models.YearlyAssessment):
    admin.site.register(model, type(f"{model.__name__}Admin", (ReadOnly, HistoryAdmin), {}))
