from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Duty, DutyItem


class DutyItemInline(admin.TabularInline):
    model = DutyItem
    extra = 0
    fields = ["order", "text", "section", "note"]


@admin.register(Duty)
class DutyAdmin(SimpleHistoryAdmin):
    list_display = ["number", "text"]
    search_fields = ["text", "items__text"]
    inlines = [DutyItemInline]


@admin.register(DutyItem)
class DutyItemAdmin(SimpleHistoryAdmin):
    list_display = ["duty", "order", "text", "section"]
    list_filter = ["section"]
    list_select_related = ["duty", "section"]
    search_fields = ["text", "note"]
