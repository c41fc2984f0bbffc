from django.apps import AppConfig
from django.db.models.signals import post_migrate


class InspectionsConfig(AppConfig):
    name = "inspections"
    verbose_name = "执法监督与处罚裁量"

    def ready(self):
        from . import documents  # noqa: F401  (registers the regime's document kinds)
        from .reference import restore_after_migrate

        # A flush (transactional tests) empties the rows of the data migrations, then sends post_migrate.
        post_migrate.connect(restore_after_migrate, sender=self, weak=False, dispatch_uid="inspections.reference_rows")
