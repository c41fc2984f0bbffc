from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "linggao_mi.notifications"
    label = "notifications"
    verbose_name = "站内通知"
