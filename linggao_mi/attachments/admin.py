from django.contrib import admin

from linggao_mi.casework.admin import HistoryAdmin, ReadOnly

from .models import Attachment


@admin.register(Attachment)
class AttachmentAdmin(ReadOnly, HistoryAdmin):
    """Read-only: the full-process record changes only through its services."""

    list_display = ["original_name", "kind", "size", "sha256", "uploaded_by", "uploaded_at"]
    list_filter = ["kind"]
    search_fields = ["original_name", "sha256"]
