"""notify(): once per (user, key), e-mailed once after commit; the inbox shows only one's own."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from linggao_mi.notifications.models import Notification
from linggao_mi.notifications.selectors import unread_count
from linggao_mi.notifications.services import notification_email_send, notifications_send_pending, notify

pytestmark = pytest.mark.django_db


def test_notify_is_idempotent_and_emails_after_commit(users, django_capture_on_commit_callbacks):
    user = users["inspector1"]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        first = notify(user=user, key="k:1", subject="标题", body="正文", url="/deadlines/")
        assert len(mail.outbox) == 0  # not before the commit
    assert len(callbacks) == 1
    assert isinstance(first, Notification)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert (message.subject, message.to) == ("标题", [user.email])
    assert "正文" in message.body and "/deadlines/" in message.body
    first.refresh_from_db()
    assert first.emailed_at is not None

    with django_capture_on_commit_callbacks(execute=True):
        assert notify(user=user, key="k:1", subject="标题", body="正文") is None
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(user=user).count() == 1
    # another user, same key: their own notification
    assert notify(user=users["inspector2"], key="k:1", subject="标题", body="正文") is not None


def test_notify_inside_a_rolled_back_transaction_sends_nothing(users, django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError):
            with transaction.atomic():
                notify(user=users["staff"], key="k:rollback", subject="标题", body="")
                raise RuntimeError
    assert not Notification.objects.exists() and mail.outbox == []


def test_email_send_once_only(users):
    n = notify(user=users["staff"], key="k:2", subject="标题", body="")
    assert notification_email_send(pk=n.pk) is True
    assert notification_email_send(pk=n.pk) is False
    assert notifications_send_pending() == 0
    assert len(mail.outbox) == 1


def test_pending_sends_what_failed(users, settings):
    settings.EMAIL_BACKEND = "linggao_mi.notifications.tests.backends.FailingBackend"
    n = notify(user=users["staff"], key="k:3", subject="标题", body="")
    assert notifications_send_pending() == 0  # the backend fails; logged, not raised
    n.refresh_from_db()
    assert n.emailed_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert notifications_send_pending() == 1
    assert notifications_send_pending() == 0
    assert len(mail.outbox) == 1


def test_users_without_email_only_get_the_inbox(users):
    users["staff"].email = ""
    users["staff"].save()
    notify(user=users["staff"], key="k:4", subject="标题", body="")
    assert notifications_send_pending() == 0 and mail.outbox == []


# --- the inbox -------------------------------------------------------------------------------------------


def test_inbox_needs_login(client):
    response = client.get("/notifications/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_inbox_shows_only_mine_and_marks_read(client, users):
    mine = notify(user=users["inspector1"], key="a", subject="给我的通知", body="内容", url="/deadlines/")
    theirs = notify(user=users["inspector2"], key="a", subject="给别人的通知", body="")
    client.force_login(users["inspector1"])
    text = client.get("/notifications/").text
    assert "给我的通知" in text and "给别人的通知" not in text and "未读1条" in text
    assert unread_count(users["inspector1"]) == 1

    assert client.post(f"/notifications/{theirs.pk}/read/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None

    response = client.post(f"/notifications/{mine.pk}/read/", {"open": "1"})
    assert response.status_code == 302 and response["Location"] == "/deadlines/"
    mine.refresh_from_db()
    assert mine.read_at is not None
    assert unread_count(users["inspector1"]) == 0


def test_mark_read_with_htmx_returns_the_row(client, users):
    n = notify(user=users["staff"], key="b", subject="通知", body="")
    client.force_login(users["staff"])
    response = client.post(f"/notifications/{n.pk}/read/", HTTP_HX_REQUEST="true")
    assert (
        response.status_code == 200
        and f'id="notification-{n.pk}"' in response.text
        and "已读" in response.text
    )


def test_open_refuses_foreign_urls(client, users):
    n = notify(user=users["staff"], key="c", subject="通知", body="", url="https://evil.example/")
    client.force_login(users["staff"])
    response = client.post(f"/notifications/{n.pk}/read/", {"open": "1"})
    assert response["Location"] == reverse("notifications:inbox")


def test_mark_all_read_and_badge(client, users):
    for i in range(3):
        notify(user=users["staff"], key=f"d{i}", subject=f"通知{i}", body="")
    notify(user=users["chief"], key="d0", subject="别人的", body="")
    client.force_login(users["staff"])
    assert ">3<" in client.get("/notifications/unread/").text
    assert client.get("/notifications/read-all/").status_code == 405
    client.post("/notifications/read-all/")
    assert unread_count(users["staff"]) == 0 and unread_count(users["chief"]) == 1
    assert client.get("/notifications/unread/").text.strip() == ""


def test_nav_has_the_inbox(client, users):
    client.force_login(users["staff"])
    assert 'href="/notifications/"' in client.get("/workspace/").text


def test_template_tag_badge(rf, users):
    from django.template import Context, Template

    notify(user=users["staff"], key="e", subject="通知", body="")
    request = rf.get("/")
    request.user = users["staff"]
    html = Template("{% load notifications %}{% unread_notifications_badge %}").render(
        Context({"request": request})
    )
    assert "未读通知1条" in html


def test_inbox_query_count_is_constant(client, users):
    client.force_login(users["staff"])

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/notifications/").status_code == 200
        return len(ctx.captured_queries)

    for i in range(2):
        notify(user=users["staff"], key=f"q{i}", subject="通知", body="", url="/deadlines/")
    few = count()
    for i in range(2, 20):
        notify(user=users["staff"], key=f"q{i}", subject="通知", body="正文")
    assert count() == few


def test_the_badge_counts_up_to_a_hundred_and_says_99_plus(client, users):
    from linggao_mi.notifications.selectors import UNREAD_COUNTED

    staff = users["staff"]
    Notification.objects.bulk_create(
        Notification(user=staff, key=f"many{i}", subject="通知") for i in range(UNREAD_COUNTED - 1)
    )
    client.force_login(staff)
    assert unread_count(staff) == 99 and 'aria-label="未读通知99条">99<' in client.get("/notifications/unread/").text
    Notification.objects.bulk_create(Notification(user=staff, key=f"more{i}", subject="通知") for i in range(50))
    with CaptureQueriesContext(connection) as counted:
        assert unread_count(staff) == UNREAD_COUNTED  # counted no further
    assert f"LIMIT {UNREAD_COUNTED}" in counted.captured_queries[0]["sql"]
    assert 'aria-label="未读通知99+条">99+<' in client.get("/workspace/").text  # the badge in the page header
    assert "未读99+条" in client.get("/notifications/").text
