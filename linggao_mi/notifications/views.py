from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from .selectors import notification_get, notifications_of, unread_count
from .services import notification_mark_read, notifications_mark_all_read


@login_required
@require_GET
def inbox(request):
    page = Paginator(notifications_of(request.user), 30).get_page(request.GET.get("page"))
    return render(request, "notifications/inbox.html", {"page": page, "unread": unread_count(request.user)})


@login_required
@require_POST
def mark_read(request, pk: int):
    notification = notification_mark_read(actor=request.user, notification=notification_get(request.user, pk))
    if (
        request.POST.get("open")
        and notification.url
        and url_has_allowed_host_and_scheme(notification.url, allowed_hosts={request.get_host()})
    ):
        return redirect(notification.url)
    if request.htmx:
        return render(request, "notifications/_row.html", {"n": notification})
    return redirect("notifications:inbox")


@login_required
@require_POST
def mark_all_read(request):
    count = notifications_mark_all_read(actor=request.user)
    messages.success(request, f"已将{count}条通知标为已读。")
    return redirect("notifications:inbox")


@login_required
@require_GET
def unread_badge(request):
    """The unread count as a small fragment, for htmx polling from the navigation."""
    return render(request, "notifications/_badge.html", {"unread": unread_count(request.user)})
