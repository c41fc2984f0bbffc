from django.contrib import admin

from linggao_mi.casework.admin import ReadOnly

from .models import Export


@admin.register(Export)
class ExportAdmin(ReadOnly, admin.ModelAdmin):
    """Shown, never edited: an export is written by its worker and removed after its keeping time."""

    list_display = ["title", "owner", "state", "rows", "created_at", "finished_at"]
    list_filter = ["state"]
    search_fields = ["title", "owner__username"]
    list_select_related = ["owner"]
