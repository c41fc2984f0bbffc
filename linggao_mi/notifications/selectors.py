from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from .models import Notification


def notifications_of(user: User) -> QuerySet:
    """The user's own notifications, newest first; nobody reads another's inbox."""
    return Notification.objects.filter(user=user)


def notification_get(user: User, pk: int) -> Notification:
    return get_object_or_404(notifications_of(user), pk=pk)


def unread_count(user: User) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return notifications_of(user).filter(read_at__isnull=True).count()
