import datetime

from celery import shared_task

from .services import weekly_tracking_chase


@shared_task(name="infoproj.tasks.chase_weekly_tracking")
def chase_weekly_tracking(day: str | None = None) -> int:
    """Weekly (CELERY_BEAT_SCHEDULE): remind the handlers of key projects with no weekly record this week. Safe to run
    twice: a reminder goes out once per project and week."""
    return weekly_tracking_chase(today=datetime.date.fromisoformat(day) if day else None)
