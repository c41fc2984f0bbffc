from django.contrib import admin

from linggao_mi.casework.admin import HistoryAdmin

from .models import PublicityEvent, ServiceItem


class PublicityEventInline(admin.TabularInline):
    model = PublicityEvent
    extra = 0


@admin.register(ServiceItem)
class ServiceItemAdmin(HistoryAdmin):
    list_display = ["number", "name", "section", "phones"]
    list_filter = ["section"]
    list_select_related = ["section"]
    inlines = [PublicityEventInline]


@admin.register(PublicityEvent)
class PublicityEventAdmin(HistoryAdmin):
    list_display = ["name", "month", "day", "service_item"]
    list_select_related = ["service_item"]
