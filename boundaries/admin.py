from django.contrib import admin

from linggao_mi.casework.admin import HistoryAdmin

from .models import Assignment, BoundaryCase, BoundaryMatter, LegalBasis, Synonym


class AssignmentInline(admin.TabularInline):
    model = Assignment
    extra = 0


class LegalBasisInline(admin.TabularInline):
    model = LegalBasis
    extra = 0


@admin.register(BoundaryMatter)
class BoundaryMatterAdmin(HistoryAdmin):
    list_display = ["number", "name"]
    inlines = [AssignmentInline, LegalBasisInline]


@admin.register(Assignment)
class AssignmentAdmin(HistoryAdmin):
    list_display = ["matter", "order", "department", "duties"]
    list_filter = ["matter", "department"]
    list_select_related = ["matter", "department"]
    search_fields = ["duties", "department__name"]


@admin.register(LegalBasis)
class LegalBasisAdmin(HistoryAdmin):
    list_display = ["matter", "order", "text"]
    list_filter = ["matter"]
    list_select_related = ["matter"]


@admin.register(BoundaryCase)
class BoundaryCaseAdmin(HistoryAdmin):
    list_display = ["matter", "order", "title"]
    list_filter = ["matter"]
    list_select_related = ["matter"]
    filter_horizontal = ["departments"]
    search_fields = ["title", "text"]


@admin.register(Synonym)
class SynonymAdmin(HistoryAdmin):
    list_display = ["word", "term"]
    search_fields = ["word", "term"]
