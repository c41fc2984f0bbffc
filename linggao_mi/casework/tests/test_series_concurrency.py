"""案号 under real concurrency: separate connections in threads, on PostgreSQL only."""

import threading

import pytest
from django.db import connection, connections, transaction
from django.utils import timezone

from linggao_mi.casework.models import Series
from linggao_mi.casework.rules import Rule, RuleViolation
from linggao_mi.casework.services import case_create, case_series_name
from linggao_mi.org.models import Section
from tests.caseapp.models import DemoCase

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

REFUSED = Rule("t-refused", "测试：登记后被规则拒绝", "测试条款")


@pytest.fixture(autouse=True)
def _needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locks, concurrent transactions)")


def _in_threads(calls):
    """Run each callable in its own thread (own DB connection), all released at once; results in order."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(i, call):
        try:
            barrier.wait()
            results[i] = ("ok", call())
        except Exception as exc:  # the outcome is what the test looks at
            results[i] = ("error", exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def _create(users, *, refuse=False):
    section = Section.objects.get(code="industry")
    with transaction.atomic():
        case = case_create(model=DemoCase, actor=users["inspector1"], section=section, state="open")
        if refuse:
            raise RuleViolation(REFUSED)
    return case


def test_cases_created_at_once_get_distinct_gap_free_serials(users):
    count = 8
    results = _in_threads([lambda: _create(users)] * count)
    assert all(kind == "ok" for kind, _ in results), results
    year = timezone.localdate().year
    serials = sorted(DemoCase.objects.filter(year=year).values_list("serial", flat=True))
    assert serials == list(range(1, count + 1))
    assert Series.objects.get(name=case_series_name(DemoCase), year=year).last == count


def test_a_refusal_among_concurrent_creations_leaves_no_gap(users):
    count = 6
    results = _in_threads([(lambda i=i: _create(users, refuse=i == 2)) for i in range(count)])
    assert sorted(kind for kind, _ in results) == ["error"] + ["ok"] * (count - 1), results
    year = timezone.localdate().year
    serials = sorted(DemoCase.objects.filter(year=year).values_list("serial", flat=True))
    assert serials == list(range(1, count))
    assert Series.objects.get(name=case_series_name(DemoCase), year=year).last == count - 1
