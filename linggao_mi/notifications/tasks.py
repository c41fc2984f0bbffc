"""E-mail leaves here, in a Celery worker, never in the request that made the notification."""

import smtplib

from celery import shared_task
from django.core.mail import send_mail

from .services import notification_email_send

# A mail server that is down or slow is retried with a growing wait (about 2 s, 4 s, 8 s … at most an hour, with
# jitter); after the last try the notification stays unsent and the next reminder sweep sends it
# (services.notifications_send_pending). Each try waits at most settings.EMAIL_TIMEOUT on the server.
MAIL_ERRORS = (OSError, smtplib.SMTPException)


RETRIES = {
    "autoretry_for": MAIL_ERRORS,
    "retry_backoff": 2,
    "retry_backoff_max": 3600,
    "retry_jitter": True,
    "max_retries": 8,
}


@shared_task(name="linggao_mi.notifications.tasks.notification_email", **RETRIES)
def notification_email(pk: int) -> bool:
    """E-mail notification `pk` unless it was sent already; True when it was sent now."""
    return notification_email_send(pk=pk)


@shared_task(name="linggao_mi.notifications.tasks.email_send", **RETRIES)
def email_send(subject: str, body: str, to: list[str]) -> None:
    """An e-mail to someone who is not a user (a complainant); queue it with transaction.on_commit."""
    send_mail(subject, body, None, to)
