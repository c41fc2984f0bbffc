"""The working-day calendar: library years, an admin entering a new year, provisional deadlines recomputed."""

import pytest

from linggao_mi.casework.rules import RuleViolation
from linggao_mi.deadlines.choices import CalendarSource, DayKind, DeadlineState
from linggao_mi.deadlines.forms import CalendarYearForm
from linggao_mi.deadlines.models import CalendarDay, CalendarYear, Deadline
from linggao_mi.deadlines.periods import is_workday
from linggao_mi.deadlines.rules import (
    SCHEDULE_CONFLICT,
    SCHEDULE_OUT_OF_YEAR,
    SCHEDULE_TAKEN,
    SCHEDULE_WORKDAY_ON_WEEKDAY,
)
from linggao_mi.deadlines.selectors import calendar_schedule
from linggao_mi.deadlines.services import (
    HolidayRange,
    MakeupDay,
    calendar_load_library,
    calendar_year_enter,
    deadline_meet,
    deadline_open,
)

from .conftest import day

pytestmark = pytest.mark.django_db

# A made-up 2027 schedule (the real one is not published in this repository's references): Spring Festival
# 2027-02-06 … 02-14 with make-up Saturday 02-20; New Year 01-01 … 01-03.
HOLIDAYS_2027 = [
    HolidayRange(day("2027-01-01"), day("2027-01-03"), "元旦"),
    HolidayRange(day("2027-02-06"), day("2027-02-14"), "春节"),
]
MAKEUP_2027 = [MakeupDay(day("2027-02-20"), "春节调休上班")]


def test_library_years_hold_only_exceptions_with_chinese_names():
    year = CalendarYear.objects.get(year=2026)
    assert year.source == CalendarSource.LIBRARY
    national = CalendarDay.objects.filter(date__range=(day("2026-10-01"), day("2026-10-07")))
    assert [d.date.day for d in national] == [1, 2, 5, 6, 7]  # the weekend days are off anyway
    assert {d.name for d in national} == {"国庆节"}
    assert CalendarDay.objects.get(date=day("2026-10-10")).kind == DayKind.WORKDAY
    assert not CalendarDay.objects.filter(kind=DayKind.HOLIDAY, date__week_day__in=(1, 7)).exists()
    assert not CalendarDay.objects.filter(kind=DayKind.WORKDAY, date__week_day__in=(2, 3, 4, 5, 6)).exists()


def test_schedule_rebuilt_as_the_notice_states_it():
    ranges, workdays = calendar_schedule(CalendarYear.objects.get(year=2026))
    as_text = [(r.name, f"{r.first:%m-%d}", f"{r.last:%m-%d}", r.days) for r in ranges]
    assert ("春节", "02-15", "02-23", 9) in as_text
    assert ("国庆节", "10-01", "10-07", 7) in as_text
    assert ("中秋节", "09-25", "09-27", 3) in as_text
    assert ("元旦", "01-01", "01-03", 3) in as_text
    assert [f"{d.date:%m-%d}" for d in workdays] == ["01-04", "02-14", "02-28", "05-09", "09-20", "10-10"]


def test_entering_a_year_marks_it_loaded_and_recomputes_provisional_deadlines(rules, users, industry):
    case = industry
    six_months = deadline_open(
        case=case,
        rule_code="t-rectify",
        start=day("2026-08-31"),
        responsible=[users["inspector1"]],
        section=industry,
    )
    into_spring = deadline_open(
        case=case,
        rule_code="t-notice",
        start=day("2027-01-24"),
        responsible=[users["inspector1"]],
        section=industry,
    )
    workdays = deadline_open(case=case, rule_code="t-decide", start=day("2027-02-15"), responsible=[], section=industry)
    settled = deadline_open(case=case, rule_code="t-notice", start=day("2026-11-02"), responsible=[], section=industry)
    assert (six_months.due, six_months.provisional) == (day("2027-03-01"), True)
    assert (into_spring.due, into_spring.provisional) == (day("2027-02-08"), True)  # Monday, weekends-only
    assert (workdays.due, workdays.provisional) == (day("2027-02-22"), True)
    assert settled.provisional is False

    entered = calendar_year_enter(
        actor=users["admin"], year=2027, holidays=HOLIDAYS_2027, workdays=MAKEUP_2027, note="测试用安排"
    )

    assert entered.calendar_year.source == CalendarSource.MANUAL
    assert entered.calendar_year.loaded_by == users["admin"]
    assert {d.pk for d in entered.recomputed} == {six_months.pk, into_spring.pk, workdays.pk}
    for deadline in (six_months, into_spring, workdays, settled):
        deadline.refresh_from_db()
        assert deadline.provisional is False
    assert six_months.due == day("2027-03-01")  # unchanged, now certain
    assert (into_spring.nominal, into_spring.due, into_spring.moved) == (
        day("2027-02-08"),
        day("2027-02-15"),
        True,
    )
    # 02-16, 17, 18, 19, 20 (make-up Saturday)
    assert workdays.due == day("2027-02-20")
    assert not is_workday(day("2027-02-08")) and is_workday(day("2027-02-20"))


def test_recompute_reaches_closed_provisional_deadlines_and_reopens_no_longer_overdue(rules, users, industry):
    met = deadline_open(case=industry, rule_code="t-notice", start=day("2027-01-24"), responsible=[], section=industry)
    deadline_meet(deadline=met, on=day("2027-02-09"))
    late = deadline_open(case=industry, rule_code="t-notice", start=day("2027-01-24"), responsible=[], section=industry)
    Deadline.objects.filter(pk=late.pk).update(state=DeadlineState.OVERDUE)
    calendar_year_enter(actor=users["admin"], year=2027, holidays=HOLIDAYS_2027, workdays=MAKEUP_2027)
    met.refresh_from_db()
    late.refresh_from_db()
    assert (met.due, met.provisional, met.state, met.met_late) == (day("2027-02-15"), False, "met", False)
    assert late.due == day("2027-02-15")
    assert late.state == DeadlineState.OPEN  # today (2026) is before the new due date


def test_reentering_a_year_replaces_its_schedule(users):
    calendar_year_enter(actor=users["admin"], year=2027, holidays=HOLIDAYS_2027, workdays=MAKEUP_2027)
    calendar_year_enter(
        actor=users["admin"],
        year=2027,
        holidays=[HolidayRange(day("2027-01-01"), day("2027-01-01"), "元旦")],
        workdays=[],
    )
    assert list(CalendarDay.objects.filter(date__year=2027).values_list("date", "name")) == [
        (day("2027-01-01"), "元旦")
    ]


def test_correcting_a_library_year_recomputes_running_deadlines(rules, users, industry):
    deadline = deadline_open(
        case=industry, rule_code="t-notice", start=day("2026-11-02"), responsible=[], section=industry
    )
    assert deadline.due == day("2026-11-17")
    ranges, workdays = calendar_schedule(CalendarYear.objects.get(year=2026))
    extra = HolidayRange(day("2026-11-17"), day("2026-11-17"), "临时放假")  # hypothetical correction
    calendar_year_enter(
        actor=users["admin"],
        year=2026,
        holidays=[HolidayRange(r.first, r.last, r.name) for r in ranges] + [extra],
        workdays=[MakeupDay(d.date, d.name) for d in workdays],
    )
    deadline.refresh_from_db()
    assert (deadline.due, deadline.moved) == (day("2026-11-18"), True)
    assert CalendarYear.objects.get(year=2026).source == CalendarSource.MANUAL
    # the rest of 2026 is as before
    assert not is_workday(day("2026-10-05")) and is_workday(day("2026-10-10"))


@pytest.mark.parametrize(
    ("holidays", "workdays", "rule"),
    [
        (
            [HolidayRange(day("2027-01-01"), day("2027-01-03"), "元旦")],
            [MakeupDay(day("2027-01-04"), "x")],
            SCHEDULE_WORKDAY_ON_WEEKDAY,
        ),
        (
            [HolidayRange(day("2027-02-06"), day("2027-02-14"), "春节")],
            [MakeupDay(day("2027-02-07"), "x")],
            SCHEDULE_CONFLICT,
        ),
        ([HolidayRange(day("2028-01-01"), day("2028-01-03"), "元旦")], [], SCHEDULE_OUT_OF_YEAR),
        ([HolidayRange(day("2026-12-01"), day("2026-12-03"), "元旦")], [], SCHEDULE_OUT_OF_YEAR),
        ([HolidayRange(day("2026-10-05"), day("2026-10-05"), "国庆节")], [], SCHEDULE_OUT_OF_YEAR),
    ],
)
def test_impossible_schedules_are_refused_and_change_nothing(users, holidays, workdays, rule):
    with pytest.raises(RuleViolation) as raised:
        calendar_year_enter(actor=users["admin"], year=2027, holidays=holidays, workdays=workdays)
    assert raised.value.rule == rule
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_a_day_declared_by_another_year_is_refused(users):
    calendar_year_enter(
        actor=users["admin"],
        year=2027,
        holidays=[HolidayRange(day("2027-12-31"), day("2027-12-31"), "元旦")],
        workdays=[],
    )
    with pytest.raises(RuleViolation) as raised:
        calendar_year_enter(
            actor=users["admin"],
            year=2028,
            holidays=[HolidayRange(day("2027-12-31"), day("2028-01-03"), "元旦")],
            workdays=[],
        )
    assert raised.value.rule == SCHEDULE_TAKEN
    assert not CalendarYear.objects.filter(year=2028).exists()


def test_the_library_reload_fills_missing_years_only(rules, users, industry, without_2026):
    deadline = deadline_open(
        case=industry, rule_code="t-decide", start=day("2026-09-30"), responsible=[], section=industry
    )
    assert (deadline.due, deadline.provisional) == (day("2026-10-07"), True)
    calendar_year_enter(
        actor=users["admin"],
        year=2003,
        holidays=[HolidayRange(day("2003-01-01"), day("2003-01-01"), "元旦")],
        workdays=[],
    )
    assert calendar_load_library() == [2026]
    assert calendar_load_library() == []
    assert CalendarYear.objects.get(year=2003).source == CalendarSource.MANUAL
    deadline.refresh_from_db()
    assert (deadline.due, deadline.provisional) == (day("2026-10-13"), False)


# --- the entry form ----------------------------------------------------------------------------------------


def test_form_parses_ranges_and_makeup_days_in_several_notations():
    form = CalendarYearForm(
        {
            "year": "2027",
            "holidays": ("元旦 2027-01-01 至 2027-01-03\n春节：2027年2月6日至2027年2月14日\n# 注释\n\n清明节 2027/4/5"),
            "workdays": "春节 2027-02-20\n国庆节 2027-09-26、2027-10-09",
        }
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["holidays"] == [
        HolidayRange(day("2027-01-01"), day("2027-01-03"), "元旦"),
        HolidayRange(day("2027-02-06"), day("2027-02-14"), "春节"),
        HolidayRange(day("2027-04-05"), day("2027-04-05"), "清明节"),
    ]
    assert form.cleaned_data["workdays"] == [
        MakeupDay(day("2027-02-20"), "春节调休上班"),
        MakeupDay(day("2027-09-26"), "国庆节调休上班"),
        MakeupDay(day("2027-10-09"), "国庆节调休上班"),
    ]


@pytest.mark.parametrize(
    ("holidays", "message"),
    [
        ("2027-01-01 至 2027-01-03", "第1行：缺少节日名称"),
        ("元旦", "应写一个日期"),
        ("元旦 2027-01-03 至 2027-01-01", "结束日期早于开始日期"),
        ("元旦 2027-02-30", "不存在"),
        ("元旦 2027-01-01 2027-01-02 2027-01-03", "应写一个日期"),
        ("", "请填写放假安排"),
    ],
)
def test_form_errors_in_chinese(holidays, message):
    form = CalendarYearForm({"year": "2027", "holidays": holidays})
    assert not form.is_valid()
    assert message in str(form.errors)


def test_form_prefilled_from_a_loaded_year_round_trips():
    initial = CalendarYearForm.initial_for(CalendarYear.objects.get(year=2026))
    assert "国庆节 2026-10-01 至 2026-10-07" in initial["holidays"]
    form = CalendarYearForm(initial)
    assert form.is_valid(), form.errors
    ranges, workdays = calendar_schedule(CalendarYear.objects.get(year=2026))
    assert len(form.cleaned_data["holidays"]) == len(ranges)
    assert {d.date for d in form.cleaned_data["workdays"]} == {d.date for d in workdays}
