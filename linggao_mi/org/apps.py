from django.apps import AppConfig
from django.db.models.signals import post_migrate


class OrgConfig(AppConfig):
    name = "linggao_mi.org"
    label = "org"
    verbose_name = "组织与权限"

    def ready(self):
        from .services import roles_sync

        # Permissions of every app exist only after migrate, so the groups follow after each one.
        post_migrate.connect(lambda **kwargs: roles_sync(), weak=False, dispatch_uid="org.roles_sync")
