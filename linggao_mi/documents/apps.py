from django.apps import AppConfig
from django.db.models.signals import post_migrate


class DocumentsConfig(AppConfig):
    name = "linggao_mi.documents"
    label = "documents"
    verbose_name = "文书"

    def ready(self):
        from .kinds import kinds_sync

        # Regimes register their kinds in their own ready(); every app is ready before migrate or flush ends,
        # so the rows of all registered kinds are made (or made again after a flush) here.
        post_migrate.connect(kinds_sync, sender=self, dispatch_uid="documents.kinds_sync")
