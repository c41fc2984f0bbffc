from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Assignment, BoundaryCase, BoundaryMatter, LegalBasis, Synonym


class AssignmentInline(admin.TabularInline):
    model = Assignment
    extra = 0


class LegalBasisInline(admin.TabularInline):
    model = LegalBasis
    extra = 0


@admin.register(BoundaryMatter)
class BoundaryMatterAdmin(SimpleHistoryAdmin):
    list_display = ["number", "name"]
    inlines = [AssignmentInline, LegalBasisInline]


@admin.register(Assignment)
class AssignmentAdmin(SimpleHistoryAdmin):
    list_display = ["matter", "order", "department", "duties"]
    list_filter = ["matter", "department"]
    list_select_related = ["matter", "department"]
    search_fields = ["duties", "department__name"]


@admin.register(LegalBasis)
class LegalBasisAdmin(SimpleHistoryAdmin):
    list_display = ["matter", "order", "text"]
    list_filter = ["matter"]
    list_select_related = ["matter"]


@admin.register(BoundaryCase)
class BoundaryCaseAdmin(SimpleHistoryAdmin):
    list_display = ["matter", "order", "title"]
    list_filter = ["matter"]
    list_select_related = ["matter"]
    filter_horizontal = ["departments"]
    search_fields = ["title", "text"]


@admin.register(Synonym)
class SynonymAdmin(SimpleHistoryAdmin):
    list_display = ["word", "term"]
    search_fields = ["word", "term"]
