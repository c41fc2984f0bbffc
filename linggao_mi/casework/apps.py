from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "linggao_mi.casework"
    label = "casework"
    verbose_name = "案件办理"
