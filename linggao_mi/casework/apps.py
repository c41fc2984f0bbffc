from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "linggao_mi.casework"
    label = "casework"
    verbose_name = "案件办理"

    def ready(self):
        from . import history  # noqa: F401  (connects the Celery task signals that name the system user)
