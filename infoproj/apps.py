from django.apps import AppConfig
from django.db.models.signals import post_migrate


class InfoprojConfig(AppConfig):
    name = "infoproj"
    verbose_name = "信息化与重点项目监管"

    def ready(self):
        from . import documents  # noqa: F401  (registers the regime's document kinds)
        from .reference import restore_after_migrate

        post_migrate.connect(restore_after_migrate, sender=self, weak=False, dispatch_uid="infoproj.reference_rows")
