"""三（五）2(4) found daily: the beat schedule declares the task, and a real worker on the configured broker runs it."""

import datetime

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings

from energy.fixed_asset.choices import TriggerCode
from energy.fixed_asset.models import ProjectTrigger
from energy.fixed_asset.tasks import detect_not_started
from energy.fixed_asset.triggers import start_due
from linggao_mi.celery import app
from linggao_mi.deadlines.tests.test_celery import broker  # noqa: F401  (the private-queue fixture)

from . import fixed_asset_helpers as h
from .conftest import TODAY


@pytest.fixture
def results():
    """Task results kept in memory, shared by this process's threads (the worker runs in one), for this test only."""
    saved = app.conf.result_backend
    app.conf.result_backend = "cache+memory://"
    app._local.__dict__.pop("backend", None)
    yield
    app.conf.result_backend = saved
    app._local.__dict__.pop("backend", None)


def test_the_daily_detection_is_in_the_beat_schedule():
    entry = settings.CELERY_BEAT_SCHEDULE["fixed-asset-not-started"]
    assert entry["task"] == detect_not_started.name
    assert entry["schedule"].hour == {7} and entry["schedule"].minute == {0}  # every day, before the reminders


@pytest.mark.django_db(transaction=True)
def test_not_started_found_by_a_worker(broker, results, users):  # noqa: F811
    passed = TODAY() - datetime.timedelta(days=900)
    late = h.project(users, review_passed_on=passed, at=passed + datetime.timedelta(days=5))
    started = h.project(users, owner(users), review_passed_on=passed,
                        construction_started_on=passed + datetime.timedelta(days=30))
    due = start_due(passed)
    with start_worker(app, queues=[broker], perform_ping_check=False, shutdown_timeout=30):
        on_due = detect_not_started.apply_async(args=[due.isoformat()], queue=broker).get(timeout=30)
        after = detect_not_started.apply_async(args=[(due + datetime.timedelta(1)).isoformat()], queue=broker)
        found = after.get(timeout=30)
        again = detect_not_started.apply_async(args=[(due + datetime.timedelta(2)).isoformat()], queue=broker)
        found_again = again.get(timeout=30)
    assert on_due == [] and found == [late.pk] and found_again == []
    trigger = ProjectTrigger.objects.get()
    assert (trigger.project_id, trigger.code) == (late.pk, TriggerCode.NOT_STARTED)
    assert trigger.since == due + datetime.timedelta(days=1)
    assert not started.triggers.exists()


def owner(users):
    from .factories import EnergyUnitFactory

    return EnergyUnitFactory(created_by=users["staff"])
