"""Every write of notifications: create once per (user, key), e-mail once, mark read."""

import datetime
import logging
from dataclasses import dataclass

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

    The e-mail goes out after the surrounding transaction commits, from a Celery worker (tasks.notification_email,
    which retries); the caller never waits on the mail server. emailed_at stays empty until it is sent, and the
    next reminder run sends what the retries could not.
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
        _email_after_commit([notification.pk])
    return notification


@dataclass(frozen=True)
class Message:
    """One notification to create: `user` is told about `key` once."""

    user: User
    key: str
    subject: str
    body: str
    url: str = ""


def notify_many(messages: list[Message]) -> list[Notification]:
    """`notify` for many messages in a fixed number of statements; returns the notifications created now.

    Messages whose (user, key) exists already are skipped. Callers serialise runs over the same keys on
    their own row locks (the reminder sweep locks its deadlines); should a concurrent writer still win
    a key, the messages fall back to `notify` one by one.
    """
    if not messages:
        return []
    existing = set(
        Notification.objects.filter(
            user_id__in={m.user.pk for m in messages}, key__in={m.key for m in messages}
        ).values_list("user_id", "key")
    )
    fresh = {(m.user.pk, m.key): m for m in messages if (m.user.pk, m.key) not in existing}.values()
    try:
        with transaction.atomic():
            created = Notification.objects.bulk_create(
                Notification(user=m.user, key=m.key, subject=m.subject[:200], body=m.body, url=m.url)
                for m in fresh
            )
    except IntegrityError:
        made = (notify(user=m.user, key=m.key, subject=m.subject, body=m.body, url=m.url) for m in fresh)
        return [n for n in made if n is not None]
    _email_after_commit([n.pk for n in created if n.user.email])
    return created


def _email_after_commit(pks: list[int]) -> None:
    """Queue the e-mails of notifications `pks` once the surrounding transaction commits (none if it rolls back).

    A broker that cannot be reached is logged, not raised (robust): the rows are written, and the next
    reminder run sends what was not queued."""
    from .tasks import notification_email  # the task module builds on this one

    def enqueue():
        for pk in pks:
            notification_email.delay(pk)

    if pks:
        transaction.on_commit(enqueue, robust=True)


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
    except Exception:  # the mail server's trouble must not break the sweep; the next run retries
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
