import datetime

from celery import shared_task

from .services import triggers_detect


@shared_task(name="energy.fixed_asset.tasks.detect_not_started")
def detect_not_started(day: str | None = None) -> list[int]:
    """Daily (CELERY_BEAT_SCHEDULE): projects not started within two years after passing their review
    (三（五）2(4)). Safe to run twice: a project's trigger is stored once."""
    return triggers_detect(today=datetime.date.fromisoformat(day) if day else None)
