"""The reminder task through a real Celery worker on the configured broker (Redis in CI, else the file system)."""

import time
import uuid

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.core import mail
from kombu import pools

from linggao_mi.celery import app
from linggao_mi.deadlines.choices import DeadlineState
from linggao_mi.deadlines.models import CalendarYear, Deadline, DeadlineRule
from linggao_mi.deadlines.services import deadline_open
from linggao_mi.deadlines.tasks import send_deadline_reminders
from linggao_mi.notifications.models import Notification
from linggao_mi.org.models import Section

from .conftest import day


@pytest.fixture
def broker(tmp_path):
    """The configured broker; a file-system one gets private folders so no other worker takes our message.

    Tasks go through it for real: the test settings' eager mode (tasks run in the caller) is off meanwhile."""
    keys = ("broker_transport_options", "worker_enable_remote_control", "task_always_eager")
    saved = {key: app.conf[key] for key in keys}
    app.conf.task_always_eager = False
    if not settings.REDIS_URL:
        folders = {name: tmp_path / name for name in ("queue", "processed", "control")}
        for folder in folders.values():
            folder.mkdir()
        app.conf.broker_transport_options = {
            "data_folder_in": str(folders["queue"]),
            "data_folder_out": str(folders["queue"]),
            "processed_folder": str(folders["processed"]),
            "control_folder": str(folders["control"]),
            "store_processed": False,
        }
    app.conf.worker_enable_remote_control = False
    _reset_connections()
    queue = f"test-reminders-{uuid.uuid4().hex[:8]}"
    yield queue
    if settings.REDIS_URL:  # leave no trace of the private queue on a shared Redis
        with app.connection_for_write() as conn:
            keys = [queue] + [f"_kombu.{kind}.{queue}" for kind in ("binding", "binding_permanent")]
            conn.default_channel.client.delete(*keys)
    app.conf.update(saved)
    _reset_connections()


def _reset_connections():
    """Connections pooled with the old transport options must not be reused: neither the app's pools nor kombu's
    registry of them (which would hand the closed pool back to the next caller)."""
    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


@pytest.mark.django_db(transaction=True)
def test_reminder_task_runs_in_a_worker(broker, users):
    # A transactional test starts from a flushed database: the calendar is back (post_migrate reload).
    assert CalendarYear.objects.filter(year=2026).exists()
    industry = Section.objects.get(code="industry")
    DeadlineRule.objects.create(code="t-celery", name="送达整改通知书", amount=1, unit="days", citation="三（四）6(4)")
    deadline = deadline_open(
        case=industry,
        rule_code="t-celery",
        start=day("2026-11-30"),
        responsible=[users["inspector1"]],
        section=industry,
    )
    with start_worker(app, queues=[broker], perform_ping_check=False, shutdown_timeout=30):
        send_deadline_reminders.apply_async(args=["2026-12-02"], queue=broker)
        waited = 0.0
        while waited < 30 and not (len(mail.outbox) == 2 and Notification.objects.count() == 2):
            time.sleep(0.2)
            waited += 0.2
    deadline.refresh_from_db()
    assert deadline.state == DeadlineState.OVERDUE
    assert sorted(m.to[0] for m in mail.outbox) == sorted([users["inspector1"].email, users["chief"].email])
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()
    assert Deadline.objects.count() == 1
