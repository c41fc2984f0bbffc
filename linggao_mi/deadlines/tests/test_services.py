"""Deadlines through their services: opening, meeting, waiving, rescheduling; the selectors' scope."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from linggao_mi.casework.rules import RuleViolation
from linggao_mi.deadlines.choices import DeadlineState
from linggao_mi.deadlines.models import Deadline
from linggao_mi.deadlines.rules import DEADLINE_CLOSED, WAIVE_NEEDS_REASON
from linggao_mi.deadlines.selectors import deadlines_for_user, deadlines_of_case
from linggao_mi.deadlines.services import (
    deadline_meet,
    deadline_open,
    deadline_reschedule,
    deadline_waive,
    rule_get,
)
from linggao_mi.org.models import Section

from .conftest import day

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(industry):
    """A stand-in case: any model instance may carry deadlines (here the section 中小企业股)."""
    return Section.objects.get(code="sme")


def open_(case, users, industry, rule_code="t-notice", start="2026-09-20", **kwargs):
    kwargs.setdefault("responsible", [users["inspector1"], users["inspector2"]])
    kwargs.setdefault("section", industry)
    return deadline_open(case=case, rule_code=rule_code, start=day(start), **kwargs)


def test_open_uses_the_rule_period_and_counts_it(rules, users, industry, case):
    deadline = open_(case, users, industry)
    assert (deadline.amount, deadline.unit) == (15, "days")
    assert (deadline.nominal, deadline.due, deadline.moved, deadline.provisional) == (
        day("2026-10-05"),
        day("2026-10-08"),
        True,
        False,
    )
    assert deadline.state == DeadlineState.OPEN
    assert deadline.case == case and deadline.section == industry
    assert set(deadline.responsible.all()) == {users["inspector1"], users["inspector2"]}
    assert deadline.title == "送达整改通知书"


def test_open_with_amount_and_unit_overriding_the_rule(rules, users, industry, case):
    deadline = open_(case, users, industry, start="2026-09-30", amount=5, unit="workdays", label="五日内决定")
    assert (deadline.due, deadline.title, deadline.period_display) == (
        day("2026-10-13"),
        "五日内决定",
        "5个工作日",
    )


def test_changing_the_rule_amount_affects_later_deadlines_only(rules, users, industry, case):
    before = open_(case, users, industry, start="2026-11-02")
    rule = rule_get("t-notice")
    rule.amount = 7  # the county's own period instead of the national one
    rule.save()
    after = open_(case, users, industry, start="2026-11-02")
    before.refresh_from_db()
    assert (before.amount, before.due) == (15, day("2026-11-17"))
    assert (after.amount, after.due) == (7, day("2026-11-09"))


def test_open_defaults_responsible_and_section_to_the_case(rules, users, industry, case):
    case.responsible_users = lambda: User.objects.filter(username="t_inspector1")
    case.section = industry
    deadline = deadline_open(case=case, rule_code="t-notice", start=day("2026-11-02"))
    assert list(deadline.responsible.all()) == [users["inspector1"]]
    assert deadline.section == industry


def test_unknown_rule_is_an_error(rules, users, industry, case):
    with pytest.raises(Exception, match="DeadlineRule matching query does not exist"):
        open_(case, users, industry, rule_code="nope")


def test_meet_closes_and_cannot_be_repeated(rules, users, industry, case):
    deadline = open_(case, users, industry)
    deadline_meet(deadline=deadline, on=day("2026-10-09"))
    assert (deadline.state, deadline.closed_on, deadline.met_late) == (
        DeadlineState.MET,
        day("2026-10-09"),
        True,
    )
    with pytest.raises(RuleViolation) as raised:
        deadline_meet(deadline=deadline, on=day("2026-10-09"))
    assert raised.value.rule == DEADLINE_CLOSED and "已办结" in str(raised.value)


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_waive_needs_a_reason(rules, users, industry, case, reason):
    deadline = open_(case, users, industry)
    with pytest.raises(RuleViolation) as raised:
        deadline_waive(actor=users["chief"], deadline=deadline, reason=reason)
    assert raised.value.rule == WAIVE_NEEDS_REASON
    assert str(raised.value).startswith("免除期限必须写明理由（依据：")
    deadline.refresh_from_db()
    assert deadline.state == DeadlineState.OPEN


def test_waive_with_reason(rules, users, industry, case):
    deadline = open_(case, users, industry)
    deadline_waive(actor=users["chief"], deadline=deadline, reason="案件已移送县市场监管局")
    deadline.refresh_from_db()
    assert (deadline.state, deadline.waived_reason, deadline.waived_by) == (
        DeadlineState.WAIVED,
        "案件已移送县市场监管局",
        users["chief"],
    )
    with pytest.raises(RuleViolation):
        deadline_waive(actor=users["chief"], deadline=deadline, reason="再免一次")


def test_reschedule_recounts_and_reopens_an_overdue_deadline(rules, users, industry, case):
    deadline = open_(case, users, industry, start="2026-01-05")
    Deadline.objects.filter(pk=deadline.pk).update(state=DeadlineState.OVERDUE)
    deadline_reschedule(deadline=deadline, start=day("2026-11-27"), amount=3, unit="months")
    deadline.refresh_from_db()
    assert (deadline.start, deadline.amount, deadline.unit) == (day("2026-11-27"), 3, "months")
    assert (deadline.nominal, deadline.provisional) == (day("2027-02-27"), True)
    assert deadline.state == DeadlineState.OPEN
    assert deadline.history.count() == 2  # opened, rescheduled (the raw update() above is not a save)


def test_deadlines_of_case(rules, users, industry, case):
    later = open_(case, users, industry, start="2026-11-02")
    earlier = open_(case, users, industry, start="2026-09-01")
    open_(industry, users, industry)  # another "case"
    assert list(deadlines_of_case(case)) == [earlier, later]


def test_deadlines_for_user_overdue_first_and_scoped(rules, users, industry, case):
    today = day("2026-11-28")
    near = open_(case, users, industry, start="2026-11-27", responsible=[users["inspector1"]])
    late = open_(case, users, industry, start="2026-10-01", responsible=[users["inspector1"]])
    marked = open_(case, users, industry, start="2026-10-20", responsible=[users["inspector2"]])
    Deadline.objects.filter(pk=marked.pk).update(state=DeadlineState.OVERDUE)  # as the reminder run marks it
    done = open_(case, users, industry, start="2026-11-01", responsible=[users["inspector1"]])
    deadline_meet(deadline=done, on=today)
    elsewhere = open_(case, users, industry, start="2026-11-26", responsible=[], section=Section.objects.get(code="it"))

    assert list(deadlines_for_user(users["inspector1"])) == [late, near]
    assert list(deadlines_for_user(users["inspector2"])) == [marked]
    assert list(deadlines_for_user(users["chief"])) == [late, marked, near]  # chief of 工业股
    assert list(deadlines_for_user(users["staff"])) == []
    assert list(deadlines_for_user(users["leader"])) == [late, marked, elsewhere, near]


def test_deadline_open_refuses_bad_periods(rules, users, industry, case):
    with pytest.raises(ValueError, match="至少为1"):
        open_(case, users, industry, amount=0)
    assert not Deadline.objects.exists()


def test_calendar_enter_needs_permission(users):
    from linggao_mi.deadlines.services import HolidayRange, calendar_year_enter

    with pytest.raises(PermissionDenied):
        calendar_year_enter(
            actor=users["chief"],
            year=2027,
            holidays=[HolidayRange(datetime.date(2027, 1, 1), datetime.date(2027, 1, 3), "元旦")],
            workdays=[],
        )
