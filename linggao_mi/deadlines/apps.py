from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _load_library_years(sender, **kwargs):
    from django.db import connection

    from .models import CalendarYear
    from .services import calendar_load_library

    # After `migrate deadlines zero` the tables are gone; nothing to keep loaded then.
    if CalendarYear._meta.db_table in connection.introspection.table_names():
        calendar_load_library()


class DeadlinesConfig(AppConfig):
    name = "linggao_mi.deadlines"
    label = "deadlines"
    verbose_name = "工作日历与期限"

    def ready(self):
        # The data migration loads the library's years into a fresh database; this keeps them there after a
        # flush (transactional tests) and adds the years a newer chinesecalendar knows after an upgrade.
        post_migrate.connect(_load_library_years, sender=self, weak=False, dispatch_uid="deadlines.calendar")
