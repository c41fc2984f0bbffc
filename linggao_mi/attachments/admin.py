from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Attachment


@admin.register(Attachment)
class AttachmentAdmin(SimpleHistoryAdmin):
    """Read-only: the full-process record changes only through its services."""

    list_display = ["original_name", "kind", "size", "sha256", "uploaded_by", "uploaded_at"]
    list_filter = ["kind"]
    search_fields = ["original_name", "sha256"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
