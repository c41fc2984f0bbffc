"""Concurrency on PostgreSQL: two steps on one case at once (the row lock lets exactly one win, the other is refused
by the state or the guard it finds); one document served twice at once (the case moves once); one extension decided
twice at once (granted once); cases planned at once (the series lock hands out distinct, gap-free 案号)."""

import datetime
import threading

import pytest
from django.db import connection, connections

from energy import rules, services
from energy.choices import CaseState, CheckItem, ExtensionState, Mode, Outcome, Trigger
from energy.models import InspectionCase
from linggao_mi.casework.models import CaseEvent, of_case
from linggao_mi.casework.rules import STATE_FORBIDS
from linggao_mi.documents import rules as document_rules
from linggao_mi.documents.services import document_approve, document_issue, document_serve, document_submit
from tests.concurrency import at_once

from .conftest import TODAY, decide_violation, on, onsite_recorded, rectifying, referral, scan, violation_findings

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")


def test_two_concurrent_outcome_decisions_one_wins(users, unit):
    case = onsite_recorded(users, unit, findings=violation_findings())
    results = at_once(
        lambda: services.outcome_decide(
            actor=users["inspector1"], case=case, outcome=Outcome.VIOLATION, ended_on=TODAY(),
            rectification_requirements="整改", rectification_months=2,
        ),
        lambda: services.outcome_decide(
            actor=users["chief"], case=case, outcome=Outcome.DIRECT_PENALTY, ended_on=TODAY(),
            recommendation=referral(),
        ),
    )
    assert sorted(results, key=str) == sorted(["ok", STATE_FORBIDS], key=str)
    case = InspectionCase.objects.get(pk=case.pk)
    assert case.state in (CaseState.NOTICE_PENDING, CaseState.REFERRED)
    # exactly one decision left its traces: one document or one recommendation, never both
    assert (case.outcome_document_id is not None) + case.recommendations.count() == 1
    assert CaseEvent.objects.filter(of_case(case), step="outcome_decide").count() == 1


def test_the_chief_returns_while_a_leader_confirms_one_wins(users, unit):
    case = onsite_recorded(users, unit, findings=violation_findings(punishable=True))
    case = services.outcome_propose(
        actor=users["inspector1"], case=case, outcome=Outcome.DIRECT_PENALTY, ended_on=TODAY(),
        recommendation=referral(),
    )
    results = at_once(
        lambda: services.outcome_return(actor=users["chief"], case=case, reasons="证据不足"),
        lambda: services.outcome_confirm(actor=users["leader"], case=case, reasons="同意"),
    )
    assert sorted(results, key=str) == sorted(["ok", STATE_FORBIDS], key=str)
    case = InspectionCase.objects.get(pk=case.pk)
    if case.state == CaseState.REFERRED:
        assert case.recommendations.count() == 1 and case.is_closed
    else:
        assert case.state == CaseState.RECORDED and not case.recommendations.exists()


def test_one_document_served_twice_at_once_moves_the_case_once(users, unit):
    case = decide_violation(users, onsite_recorded(users, unit))
    document = case.outcome_document
    document_submit(actor=users["inspector1"], document=document)
    document_approve(actor=users["chief"], document=document)
    document_issue(actor=users["chief"], document=document)

    def serve(actor):
        return lambda: document_serve(actor=actor, document=document, method="direct", served_on=TODAY(),
                                      recipient="王建国")

    results = at_once(serve(users["inspector1"]), serve(users["inspector2"]))
    assert sorted(results, key=str) == sorted(["ok", document_rules.DOCUMENT_STATE_FORBIDS], key=str)
    case = InspectionCase.objects.get(pk=case.pk)
    assert case.state == CaseState.RECTIFYING
    assert CaseEvent.objects.filter(of_case(case), step="outcome_served").count() == 1
    assert case.deadlines.filter(rule__code="energy_rectification").count() == 1


def test_the_chief_and_a_leader_decide_one_extension_at_once_it_is_decided_once(users, unit):
    case = rectifying(users, unit)
    received = case.rectification_deadline.due - datetime.timedelta(days=3)
    with on(received):
        services.extension_request(actor=users["inspector1"], case=case, received_on=received, requested_months=2,
                                   reasons="设备未到货", upload=scan())
        results = at_once(
            lambda: services.extension_decide(actor=users["chief"], case=case, approve=True, reasons="属实"),
            lambda: services.extension_decide(actor=users["leader"], case=case, approve=True, reasons="同意"),
        )
    assert sorted(results, key=str) == sorted(["ok", rules.EXTENSION_NONE_PENDING], key=str)  # decided once
    case = InspectionCase.objects.get(pk=case.pk)
    assert case.extension_months == 2  # granted once, not twice
    extension = case.extensions.get()
    assert extension.state == ExtensionState.APPROVED and extension.decision_document is not None
    assert CaseEvent.objects.filter(of_case(case), step="extension_decide").count() == 1


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
