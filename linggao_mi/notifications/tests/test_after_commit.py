"""E-mail leaves from a Celery worker after the commit: a request never waits on the mail server, and a server that
does not answer is retried with backoff until it does."""

import socket
import threading
import time

import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import task_retry
from django.core import mail
from django.urls import reverse

from linggao_mi.celery import app
from linggao_mi.deadlines.tests.test_celery import broker  # noqa: F401  (the broker, eager mode off)
from linggao_mi.documents.tests.conftest import kind, make_document  # noqa: F401
from linggao_mi.notifications.models import Notification
from linggao_mi.notifications.tasks import notification_email
from tests.caseapp.fixtures import _media, case, make_case  # noqa: F401

DEFAULT_QUEUE = "celery"


@pytest.fixture
def silent_smtp():
    """A mail server that takes the connection and never says a word (what held document_submit 10 s)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    yield server.getsockname()
    server.close()


@pytest.fixture
def smtp_unanswering(settings, silent_smtp):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = silent_smtp
    settings.EMAIL_TIMEOUT = 1
    return settings


@pytest.fixture
def default_queue(broker):  # noqa: F811
    """The queue notify() sends to, emptied before and after (no message of another test is run here)."""

    def purge():
        with app.connection_for_write() as conn:
            conn.default_channel.queue_purge(DEFAULT_QUEUE)

    purge()
    yield DEFAULT_QUEUE
    purge()


def test_the_setting_bounds_each_try():
    from django.conf import settings

    assert settings.EMAIL_TIMEOUT == 10
    assert notification_email.max_retries == 8 and notification_email.retry_backoff == 2


@pytest.mark.django_db(transaction=True)
def test_submit_returns_at_once_and_the_worker_retries_until_the_server_answers(
    client, make_document, users, smtp_unanswering, default_queue  # noqa: F811
):
    document = make_document("draft")
    client.force_login(users["inspector1"])
    started = time.monotonic()
    response = client.post(reverse("documents:submit", args=[document.pk]))
    took = time.monotonic() - started
    assert response.status_code == 302
    assert took < smtp_unanswering.EMAIL_TIMEOUT  # one try alone would have taken the whole timeout
    notification = Notification.objects.get(user=users["chief"], key__startswith=f"documents.submitted.{document.pk}.")
    assert notification.emailed_at is None and mail.outbox == []

    retried = threading.Event()

    def on_retry(sender=None, **kwargs):
        if sender is notification_email or getattr(sender, "name", "") == notification_email.name:
            retried.set()

    task_retry.connect(on_retry, weak=False)
    try:
        with start_worker(app, queues=[default_queue], perform_ping_check=False, shutdown_timeout=30):
            assert retried.wait(30), "the unanswered try was not retried"
            notification.refresh_from_db()
            assert notification.emailed_at is None
            # The server comes back: a later try sends the mail, once.
            smtp_unanswering.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
            waited = 0.0
            while waited < 60 and not mail.outbox:
                time.sleep(0.2)
                waited += 0.2
    finally:
        task_retry.disconnect(on_retry)
    notification.refresh_from_db()
    assert [m.to for m in mail.outbox] == [[users["chief"].email]]
    assert notification.emailed_at is not None and "待审批" in mail.outbox[0].subject
