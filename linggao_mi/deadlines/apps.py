from django.apps import AppConfig


class DeadlinesConfig(AppConfig):
    name = "linggao_mi.deadlines"
    label = "deadlines"
    verbose_name = "工作日历与期限"
