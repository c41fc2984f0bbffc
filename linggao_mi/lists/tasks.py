from celery import shared_task

from .services import export_run, exports_purge, exports_requeue


@shared_task(name="linggao_mi.lists.tasks.export_list")
def export_list(pk: int) -> str:
    """Write background export `pk` (services.export_queue queues it); a second run does nothing."""
    return export_run(pk=pk).state


@shared_task(name="linggao_mi.lists.tasks.tidy_exports")
def tidy_exports() -> dict:
    """Daily (CELERY_BEAT_SCHEDULE): remove the exports kept their time, queue again those that never left."""
    return {"removed": exports_purge(), "requeued": exports_requeue()}
