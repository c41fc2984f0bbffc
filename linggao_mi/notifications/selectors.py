from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from .models import Notification


def notifications_of(user: User) -> QuerySet:
    """The user's own notifications, newest first; nobody reads another's inbox."""
    return Notification.objects.filter(user=user)


def notification_get(user: User, pk: int) -> Notification:
    return get_object_or_404(notifications_of(user), pk=pk)


UNREAD_COUNTED = 100  # beyond, the badge says “99+”: every page shows it, and thousands unread need no exact count


def unread_count(user: User) -> int:
    """The user's unread notifications, counted up to UNREAD_COUNTED (a LIMITed subquery, not every row)."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return notifications_of(user).filter(read_at__isnull=True).order_by()[:UNREAD_COUNTED].count()
