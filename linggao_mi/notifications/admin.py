from django.contrib import admin

from .models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["subject", "user", "created_at", "read_at", "emailed_at"]
    list_filter = [("read_at", admin.EmptyFieldListFilter), ("emailed_at", admin.EmptyFieldListFilter)]
    list_select_related = ["user"]
    search_fields = ["subject", "key", "user__username"]
    readonly_fields = ["user", "key", "subject", "body", "url", "created_at", "read_at", "emailed_at"]

    def has_add_permission(self, request):
        return False
