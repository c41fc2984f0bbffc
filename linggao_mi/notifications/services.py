"""Every write of notifications: create once per (user, key), e-mail once, mark read."""

import datetime
import logging

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import Notification

logger = logging.getLogger(__name__)

# An e-mail that could not be sent is retried by the following runs for this long, then left to the inbox.
EMAIL_RETRY_DAYS = 7


def notify(*, user: User, key: str, subject: str, body: str, url: str = "") -> Notification | None:
    """Notify `user` about `key` once: a second call with the same key does nothing and returns None.

    The e-mail goes out after the surrounding transaction commits; if it fails, the next reminder run
    sends it (emailed_at stays empty until it is sent).
    """
    try:
        with transaction.atomic():
            notification, created = Notification.objects.get_or_create(
                user=user, key=key, defaults={"subject": subject[:200], "body": body, "url": url}
            )
    except IntegrityError:  # a concurrent call created it first
        return None
    if not created:
        return None
    if user.email:
        transaction.on_commit(lambda: _email_quietly(notification.pk), robust=True)
    return notification


def _absolute(url: str) -> str:
    base = getattr(settings, "SITE_URL", "")
    return f"{base.rstrip('/')}{url}" if base and url.startswith("/") else url


def notification_email_send(*, pk: int) -> bool:
    """E-mail one notification unless it was already e-mailed; True when it was sent now.

    The row stays locked while the mail goes out, so two concurrent senders cannot both send it; if
    sending fails the transaction rolls back and emailed_at stays empty for a later retry.
    """
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("user")
            .filter(pk=pk, emailed_at__isnull=True)
            .first()
        )
        if notification is None or not notification.user.email:
            return False
        body = notification.body
        if notification.url:
            body += f"\n\n查看：{_absolute(notification.url)}"
        send_mail(notification.subject, body, None, [notification.user.email])
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return True


def _email_quietly(pk: int) -> bool:
    try:
        return notification_email_send(pk=pk)
    except Exception:  # the mail server's trouble must not break the caller; the next run retries
        logger.exception("e-mail for notification %s failed; will retry", pk)
        return False


def notifications_send_pending() -> int:
    """Send the e-mails not sent yet (failed, or lost in a crash); returns how many went out."""
    since = timezone.now() - datetime.timedelta(days=EMAIL_RETRY_DAYS)
    pending = (
        Notification.objects.filter(emailed_at__isnull=True, created_at__gte=since)
        .exclude(user__email="")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return sum(_email_quietly(pk) for pk in list(pending))


def notification_mark_read(*, actor: User, notification: Notification) -> Notification:
    if notification.user_id != actor.pk:
        raise PermissionDenied("只能标记自己的通知")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_mark_all_read(*, actor: User) -> int:
    return Notification.objects.filter(user=actor, read_at__isnull=True).update(read_at=timezone.now())
