"""Two reminder runs at once (a beat double-fire, two workers): each e-mail still goes out once. PostgreSQL only."""

import threading
from collections import Counter

import pytest
from django.core import mail
from django.db import connection, connections

from linggao_mi.deadlines.models import DeadlineRule
from linggao_mi.deadlines.services import deadline_open, reminders_send
from linggao_mi.notifications.models import Notification
from linggao_mi.org.models import Section

from .conftest import day

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locks, concurrent transactions)")


def test_concurrent_runs_send_each_email_once(users):
    industry = Section.objects.get(code="industry")
    DeadlineRule.objects.create(code="t-conc", name="送达", amount=1, unit="days", citation="三（四）6(4)")
    for start in ("2026-11-27", "2026-11-30", "2026-12-01", "2026-12-02"):
        deadline_open(
            case=industry,
            rule_code="t-conc",
            start=day(start),
            responsible=[users["inspector1"], users["inspector2"]],
            section=industry,
        )
    barrier = threading.Barrier(4)
    errors = []

    def run():
        try:
            barrier.wait()
            reminders_send(today=day("2026-12-02"))
        except Exception as exc:  # the test looks at the outcome
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    counts = Counter((m.subject, tuple(m.to)) for m in mail.outbox)
    assert set(counts.values()) == {1}
    assert len(counts) == Notification.objects.count()
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()
