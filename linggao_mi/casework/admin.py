from django.contrib import admin

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


@admin.register(Series)
class SeriesAdmin(ReadOnly, admin.ModelAdmin):
    """Shown, never edited: changing `last` would leave a gap in, or repeat, a 文号 or 案号."""

    list_display = ["name", "year", "last"]
    list_filter = ["year"]
    search_fields = ["name"]
