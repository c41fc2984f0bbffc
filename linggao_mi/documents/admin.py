from django.contrib import admin

from linggao_mi.casework.admin import HistoryAdmin, ReadOnly

from .models import DocumentKind, OfficialDocument


@admin.register(DocumentKind)
class DocumentKindAdmin(admin.ModelAdmin):
    """Kinds come from the regimes' registry (documents.kinds); admins set their name, 文号 prefix and template."""

    list_display = ["code", "name", "number_prefix", "template_name"]
    search_fields = ["code", "name", "number_prefix"]
    readonly_fields = ["code"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OfficialDocument)
class OfficialDocumentAdmin(ReadOnly, HistoryAdmin):
    """Read-only, with its history: documents are written through their workflow (services), and an issued one
    never changes."""

    list_display = ["kind", "title", "number", "state", "section", "drafted_by", "issued_at"]
    list_filter = ["state", "kind", "section"]
    search_fields = ["title", "number"]
    date_hierarchy = "drafted_at"
