from django.contrib import admin

from linggao_mi.casework.admin import HistoryAdmin

from .models import Certificate, Department, Section, StaffProfile


@admin.register(Section)
class SectionAdmin(HistoryAdmin):
    list_display = ["name", "code", "chief", "phone"]


@admin.register(StaffProfile)
class StaffProfileAdmin(HistoryAdmin):
    list_display = ["user", "role", "section", "phone"]
    list_filter = ["role", "section"]
    list_select_related = ["user", "section"]


@admin.register(Department)
class DepartmentAdmin(HistoryAdmin):
    list_display = ["name", "contact"]


@admin.register(Certificate)
class CertificateAdmin(HistoryAdmin):
    list_display = ["number", "holder", "issuing_authority", "valid_from", "valid_to", "status"]
    list_filter = ["status"]
    list_select_related = ["holder"]
    search_fields = ["number", "holder__username", "holder__last_name"]
