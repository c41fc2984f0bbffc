from django.apps import AppConfig
from django.db.models.signals import post_migrate


class EnergyConfig(AppConfig):
    name = "energy"
    verbose_name = "节能监察"

    def ready(self):
        from .reference import restore_after_migrate

        # A flush (transactional tests) empties the DeadlineRule and DocumentKind rows of migration 0002 and then
        # sends post_migrate: the missing rows are made again.
        post_migrate.connect(restore_after_migrate, sender=self, weak=False, dispatch_uid="energy.reference_rows")
