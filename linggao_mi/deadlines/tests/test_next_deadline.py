"""A case carries its next running deadline (Case.next_deadline, next_due) for the lists and my work to show and sort
by: it follows the deadlines as they open, move (an extension, a new year's holiday schedule), are met or waived,
survives a step that saves the case, and after the whole demo every case's matches its deadlines."""

import pytest
from django.core.management import call_command

from linggao_mi.casework.registry import CASE_MODELS
from linggao_mi.deadlines.services import (
    deadline_meet,
    deadline_open,
    deadline_reschedule,
    deadline_waive,
    next_deadline_of,
)
from tests.caseapp.fixtures import case, make_case  # noqa: F401
from tests.caseapp.models import DemoCase

from .conftest import day
from .test_calendar import HOLIDAYS_2027, MAKEUP_2027, calendar_year_enter

pytestmark = pytest.mark.django_db


def next_of(of) -> tuple:
    fresh = DemoCase.objects.get(pk=of.pk)
    return fresh.next_deadline_id, fresh.next_due


def test_the_next_deadline_follows_the_deadlines_of_the_case(rules, users, case):  # noqa: F811
    assert next_of(case) == (None, None)
    rectify = deadline_open(case=case, rule_code="t-rectify", start=day("2026-09-01"))  # six months
    assert next_of(case) == (rectify.pk, rectify.due)
    notice = deadline_open(case=case, rule_code="t-notice", start=day("2026-09-20"))  # fifteen days: sooner
    assert next_of(case) == (notice.pk, notice.due) and notice.due < rectify.due
    deadline_reschedule(deadline=notice, start=day("2027-06-01"), amount=15, unit="days")  # now after the other
    assert next_of(case) == (rectify.pk, rectify.due)
    deadline_meet(deadline=rectify, on=day("2026-10-01"))
    assert next_of(case) == (notice.pk, day("2027-06-16"))
    deadline_waive(actor=users["chief"], deadline=notice, reason="案件已终止")
    assert next_of(case) == (None, None)


def test_a_new_holiday_schedule_moves_the_next_due_date(rules, users, case):  # noqa: F811
    provisional = deadline_open(case=case, rule_code="t-notice", start=day("2027-01-24"))
    assert provisional.provisional and next_of(case) == (provisional.pk, provisional.due)
    calendar_year_enter(actor=users["admin"], year=2027, holidays=HOLIDAYS_2027, workdays=MAKEUP_2027)
    assert next_of(case) == (provisional.pk, day("2027-02-15"))  # the last day fell in 春节: moved on


def test_a_step_that_saves_the_case_keeps_the_deadline_its_apply_opened(rules, users, case):  # noqa: F811
    from linggao_mi.casework.services import case_transition
    from linggao_mi.casework.workflow import Step

    step = Step("hold", "暂缓", sources=("open",), target="held", permission="change")
    opened = []

    def apply(locked):
        opened.append(deadline_open(case=locked, rule_code="t-notice", start=day("2026-09-20")))

    moved, _ = case_transition(model=DemoCase, pk=case.pk, actor=users["inspector1"], step=step, apply=apply)
    assert (moved.next_deadline_id, moved.next_due) == next_of(case) == (opened[0].pk, opened[0].due)


def test_after_the_demo_every_case_carries_its_next_deadline():
    call_command("load_demo", verbosity=0)
    checked = 0
    for model in CASE_MODELS:
        for row in model._default_manager.all():
            assert (row.next_deadline_id, row.next_due) == next_deadline_of(row), row
            checked += row.next_due is not None
    assert checked >= 10  # the demo's cases at every stage: most have a running deadline
