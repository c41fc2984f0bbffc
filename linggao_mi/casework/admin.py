from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin

from .models import Series


class ReadOnly:
    """For a regime's admin of its cases and records: no add, change or delete (pages, inlines and history revert
    alike); viewing stays with the view permission, and every write goes through the regime's services."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class HistoryAdmin(SimpleHistoryAdmin):
    """The admin of every model that keeps history: its history pages, where a past version's page only reads
    unless the user may change the record. (simple_history saves whatever a version's form posts when the user may
    merely view the record, which would write a case or a deadline past its services.)"""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            obj = self.get_object(request, unquote(object_id))
            if obj is None or not self.has_change_permission(request, obj):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


@admin.register(Series)
class SeriesAdmin(ReadOnly, admin.ModelAdmin):
    """Shown, never edited: changing `last` would leave a gap in, or repeat, a 文号 or 案号."""

    list_display = ["name", "year", "last"]
    list_filter = ["year"]
    search_fields = ["name"]
