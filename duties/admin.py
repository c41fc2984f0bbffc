from django.contrib import admin

from linggao_mi.casework.admin import HistoryAdmin

from .models import Duty, DutyItem, Regime


class DutyItemInline(admin.TabularInline):
    model = DutyItem
    extra = 0
    fields = ["order", "text", "section", "note"]


@admin.register(Duty)
class DutyAdmin(HistoryAdmin):
    list_display = ["number", "text"]
    search_fields = ["text", "items__text"]
    inlines = [DutyItemInline]


@admin.register(DutyItem)
class DutyItemAdmin(HistoryAdmin):
    list_display = ["duty", "order", "text", "section"]
    list_filter = ["section"]
    list_select_related = ["duty", "section"]
    search_fields = ["text", "note"]
    filter_horizontal = ["regimes"]


@admin.register(Regime)
class RegimeAdmin(HistoryAdmin):
    """The nine regimes are the source's own list: read here, changed only with the source."""

    list_display = ["clause", "name", "url_name"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
