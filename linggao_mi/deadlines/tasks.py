import datetime

from celery import shared_task

from .services import reminders_send


@shared_task(name="linggao_mi.deadlines.tasks.send_deadline_reminders")
def send_deadline_reminders(day: str | None = None) -> dict:
    """Daily (CELERY_BEAT_SCHEDULE): remind, mark overdue, escalate. Safe to run twice on one day."""
    run = reminders_send(today=datetime.date.fromisoformat(day) if day else None)
    return {
        "day": run.day.isoformat(),
        "upcoming": run.upcoming,
        "due_today": run.due_today,
        "overdue": run.overdue,
        "notified": run.notified,
        "emailed": run.emailed,
    }
