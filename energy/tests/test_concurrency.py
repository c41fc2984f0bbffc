"""Concurrency on PostgreSQL: two transitions on one case (the row lock lets exactly one win); cases planned at
once (the series lock hands out distinct, gap-free 案号)."""

import datetime
import threading

import pytest
from django.db import connection, connections

from energy import services
from energy.choices import CaseState, CheckItem, Mode, Outcome, Trigger
from energy.models import InspectionCase
from linggao_mi.casework.rules import STATE_FORBIDS, RuleViolation

from .conftest import TODAY, onsite_recorded

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")


def test_two_concurrent_outcome_decisions_one_wins(users, unit):
    from energy.tests.conftest import violation_findings

    case = onsite_recorded(users, unit, findings=violation_findings())
    barrier = threading.Barrier(2)
    results: list = []

    def decide(actor, outcome):
        try:
            barrier.wait()
            kwargs = dict(actor=actor, case=case, outcome=outcome, ended_on=TODAY())
            if outcome == Outcome.VIOLATION:
                kwargs.update(rectification_requirements="整改", rectification_months=2)
            else:
                kwargs.update(recommendation=services.RecommendationInput("临高县人民政府", "第七十一条", "淘汰设备"))
            services.outcome_decide(**kwargs)
            results.append("ok")
        except RuleViolation as exc:
            results.append(exc.rule)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=decide, args=(users["inspector1"], Outcome.VIOLATION)),
        threading.Thread(target=decide, args=(users["inspector2"], Outcome.DIRECT_PENALTY)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results, key=str) == sorted(["ok", STATE_FORBIDS], key=str)
    case = InspectionCase.objects.get(pk=case.pk)
    assert case.state in (CaseState.NOTICE_PENDING, CaseState.REFERRED)
    # exactly one decision left its traces: one document or one recommendation, never both
    assert (case.outcome_document_id is not None) + case.recommendations.count() == 1


def test_cases_planned_at_once_get_distinct_gap_free_numbers(users, unit):
    count = 6
    barrier = threading.Barrier(count)
    errors: list = []

    def plan_one():
        try:
            barrier.wait()
            services.inspection_plan(
                actor=users["inspector1"], unit=unit, mode=Mode.WRITTEN, trigger=Trigger.PLAN,
                planned_date=TODAY() + datetime.timedelta(days=10), items=[CheckItem.REPORTING],
                inspectors=[users["inspector1"]],
            )
        except Exception as exc:  # the outcome is what the test looks at
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=plan_one) for _ in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    year = TODAY().year
    serials = sorted(InspectionCase.objects.filter(year=year).values_list("serial", flat=True))
    assert serials == list(range(1, count + 1))
    assert {c.reference for c in InspectionCase.objects.all()} == {f"临工信节监〔{year}〕{n}号" for n in serials}
