from celery import shared_task

from .services import export_run, exports_purge


@shared_task(name="linggao_mi.lists.tasks.export_list")
def export_list(pk: int) -> str:
    """Write background export `pk` (services.export_queue queues it); a second run does nothing."""
    return export_run(pk=pk).state


@shared_task(name="linggao_mi.lists.tasks.purge_exports")
def purge_exports() -> int:
    """Daily (CELERY_BEAT_SCHEDULE): remove the exports kept their time."""
    return exports_purge()
