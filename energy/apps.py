from django.apps import AppConfig
from django.db.models.signals import post_migrate


class EnergyConfig(AppConfig):
    name = "energy"
    verbose_name = "节能监察"

    def ready(self):
        from . import documents  # noqa: F401  (registers the regime's document kinds)
        from .fixed_asset import documents as fixed_asset_documents  # noqa: F401  (and those of 三（五）)
        from .reference import restore_after_migrate

        # A flush (transactional tests) empties the DeadlineRule rows of migration 0002 and then sends post_migrate:
        # the missing rows are made again. (The kinds' DocumentKind rows are made by the documents app.)
        post_migrate.connect(restore_after_migrate, sender=self, weak=False, dispatch_uid="energy.reference_rows")
