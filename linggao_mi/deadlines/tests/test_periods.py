"""The counting rules of 期间计算.md, its worked examples, and properties of the arithmetic."""

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linggao_mi.deadlines.models import CalendarYear
from linggao_mi.deadlines.periods import (
    MAX_AMOUNT,
    Computed,
    PeriodError,
    Unit,
    WorkCalendar,
    add_months,
    cn_date,
    compute_due,
    is_workday,
    period_text,
    window_start,
)

from .conftest import day

pytestmark = pytest.mark.django_db


# --- the worked examples of 期间计算.md (the 2026 official schedule) ---------------------------------


def test_example_five_working_days_after_national_day_eve():
    # 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13
    assert compute_due(day("2026-09-30"), 5, Unit.WORKDAYS) == Computed(
        due=day("2026-10-13"), moved=False, provisional=False, nominal=day("2026-10-13")
    )


def test_example_fifteen_days_ending_in_national_day_moves_past_the_holiday():
    assert compute_due(day("2026-09-20"), 15, Unit.DAYS) == Computed(
        due=day("2026-10-08"), moved=True, provisional=False, nominal=day("2026-10-05")
    )


def test_example_six_months_from_august_31_is_provisional_until_2027_is_loaded():
    result = compute_due(day("2026-08-31"), 6, Unit.MONTHS)
    assert result.nominal == day("2027-02-28")  # February has no 31st; 2027-02-28 is a Sunday
    assert result.moved is True
    assert result.due == day("2027-03-01")  # next working day under the weekends-only assumption
    assert result.provisional is True


def test_the_2026_schedule_facts_the_examples_rely_on():
    assert not is_workday(day("2026-09-25"))  # 中秋节, Friday
    assert not is_workday(day("2026-10-05"))  # 国庆节, Monday
    assert is_workday(day("2026-09-20"))  # make-up Sunday
    assert is_workday(day("2026-10-10"))  # make-up Saturday
    assert not is_workday(day("2026-10-11"))  # an ordinary Sunday
    assert is_workday(day("2026-10-08"))


# --- the counting rules --------------------------------------------------------------------------------


def test_trigger_day_not_counted():
    # Monday 2026-11-02 + 1 day = Tuesday 11-03
    assert compute_due(day("2026-11-02"), 1, Unit.DAYS).due == day("2026-11-03")
    assert compute_due(day("2026-11-02"), 1, Unit.WORKDAYS).due == day("2026-11-03")
    # Friday + 1 working day = Monday
    assert compute_due(day("2026-11-06"), 1, Unit.WORKDAYS).due == day("2026-11-09")


def test_calendar_days_ending_on_a_weekend_move_to_monday():
    result = compute_due(day("2026-11-02"), 5, Unit.DAYS)  # 11-07 is a Saturday
    assert (result.nominal, result.due, result.moved) == (day("2026-11-07"), day("2026-11-09"), True)


def test_calendar_days_count_through_holidays_and_only_the_last_day_moves():
    # 7 days from 09-28: the holiday days inside the period count; 10-05 is a holiday → 10-08
    assert compute_due(day("2026-09-28"), 7, Unit.DAYS).due == day("2026-10-08")


def test_working_days_skip_holidays_and_count_makeup_days():
    # From Friday 09-18: 09-20 (make-up Sunday) counts, 09-21 … 09-24, then 09-25..27 off, 09-28
    assert compute_due(day("2026-09-18"), 1, Unit.WORKDAYS).due == day("2026-09-20")
    assert compute_due(day("2026-09-18"), 6, Unit.WORKDAYS).due == day("2026-09-28")


def test_spring_festival_2026():
    # 02-14 (Saturday) is a make-up day; 02-15 … 02-23 off; 02-28 (Saturday) make-up
    assert compute_due(day("2026-02-13"), 1, Unit.WORKDAYS).due == day("2026-02-14")
    assert compute_due(day("2026-02-14"), 1, Unit.WORKDAYS).due == day("2026-02-24")
    assert compute_due(day("2026-02-08"), 10, Unit.DAYS).due == day("2026-02-24")


def test_months_end_on_the_corresponding_day_or_the_month_end():
    assert add_months(day("2026-01-31"), 1) == day("2026-02-28")
    assert add_months(day("2024-01-31"), 1) == day("2024-02-29")
    assert add_months(day("2026-03-31"), 1) == day("2026-04-30")
    assert add_months(day("2026-11-15"), 3) == day("2027-02-15")
    assert add_months(day("2026-12-31"), 12) == day("2027-12-31")
    result = compute_due(day("2026-03-16"), 1, Unit.MONTHS)  # 04-16, a Thursday
    assert (result.due, result.moved, result.provisional) == (day("2026-04-16"), False, False)


def test_years_end_on_the_corresponding_day_twelve_months_on():
    # 2024-02-29 has no corresponding day in 2025: the month's last day; 2025-02-28 is a Friday
    result = compute_due(day("2024-02-29"), 1, Unit.YEARS)
    assert (result.nominal, result.due, result.moved) == (day("2025-02-28"), day("2025-02-28"), False)
    # 2 years after 2024-10-01 → 2026-10-01, National Day → 10-08
    assert compute_due(day("2024-10-01"), 2, Unit.YEARS).due == day("2026-10-08")


def test_month_end_holiday_moves_to_next_working_day():
    # 6 months after 2026-04-01 → 10-01, National Day → 10-08
    result = compute_due(day("2026-04-01"), 6, Unit.MONTHS)
    assert (result.nominal, result.due, result.moved) == (day("2026-10-01"), day("2026-10-08"), True)


def test_a_year_not_loaded_is_provisional_never_silent():
    assert compute_due(day("2026-12-01"), 10, Unit.DAYS).provisional is False
    assert compute_due(day("2026-12-25"), 10, Unit.DAYS).provisional is True  # ends 2027-01-04
    # a working-day count that crosses into 2027 touches it too
    assert compute_due(day("2026-12-28"), 5, Unit.WORKDAYS).provisional is True
    assert compute_due(day("2026-12-28"), 3, Unit.WORKDAYS).provisional is False  # 12-29, 12-30, 12-31


def test_moving_across_new_year_into_an_unloaded_year_is_provisional():
    # 2022-12-31 is a Saturday; 2023-01-02 (Monday) was the New Year holiday
    assert compute_due(day("2022-12-30"), 1, Unit.DAYS) == Computed(
        due=day("2023-01-03"), moved=True, provisional=False, nominal=day("2022-12-31")
    )
    CalendarYear.objects.filter(year=2023).delete()
    assert compute_due(day("2022-12-30"), 1, Unit.DAYS) == Computed(
        due=day("2023-01-02"), moved=True, provisional=True, nominal=day("2022-12-31")
    )


def test_without_2026_loaded_the_examples_are_provisional(without_2026):
    result = compute_due(day("2026-09-30"), 5, Unit.WORKDAYS)
    # weekends only: 10-01, 10-02, 10-05, 10-06, 10-07
    assert (result.due, result.provisional) == (day("2026-10-07"), True)


def test_past_years_from_the_library_are_loaded():
    assert set(range(2004, 2027)) <= set(CalendarYear.objects.values_list("year", flat=True))
    # 2019: the New Year holiday began on 2018-12-30 and 2018-12-29 (Saturday) was worked
    assert is_workday(day("2018-12-29")) and not is_workday(day("2018-12-31"))
    # 2020: the Spring Festival holiday was extended to 2020-02-02
    assert not is_workday(day("2020-01-31"))


@pytest.mark.parametrize(
    ("start", "amount", "unit", "message"),
    [
        (day("2026-01-01"), 0, Unit.DAYS, "至少为1"),
        (day("2026-01-01"), -3, Unit.DAYS, "至少为1"),
        (day("2026-01-01"), 10**9, Unit.DAYS, "不能超过"),
        (day("2026-01-01"), MAX_AMOUNT[Unit.MONTHS] + 1, Unit.MONTHS, "不能超过"),
        (day("2026-01-01"), 1.5, Unit.DAYS, "整数"),
        (day("2026-01-01"), True, Unit.DAYS, "整数"),
        (day("2026-01-01"), 3, "weeks", "单位"),
        ("2026-01-01", 3, Unit.DAYS, "日期"),
        (datetime.datetime(2026, 1, 1), 3, Unit.DAYS, "日期"),
        (datetime.date(9999, 12, 31), 3, Unit.DAYS, "之间"),
        (datetime.date(1, 1, 1), 3, Unit.DAYS, "之间"),
    ],
)
def test_bad_input_is_refused_in_chinese(start, amount, unit, message):
    with pytest.raises(PeriodError, match=message):
        compute_due(start, amount, unit)


def test_largest_amounts_are_computed():
    for unit, amount in MAX_AMOUNT.items():
        assert compute_due(day("2199-12-31"), amount, unit).provisional is True


# --- properties (hypothesis) -----------------------------------------------------------------------------

starts = st.dates(min_value=datetime.date(2004, 1, 1), max_value=datetime.date(2027, 12, 31))
units = st.sampled_from(list(Unit))
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def cal(db):
    return WorkCalendar()


def amounts(unit):
    return st.integers(
        min_value=1, max_value={Unit.DAYS: 400, Unit.WORKDAYS: 300, Unit.MONTHS: 30, Unit.YEARS: 3}[unit]
    )


@PROPERTY
@given(data=st.data(), start=starts, unit=units)
def test_due_is_after_start_and_a_working_day(cal, data, start, unit):
    amount = data.draw(amounts(unit))
    result = compute_due(start, amount, unit, calendar=cal)
    assert result.due > start
    assert cal.is_workday(result.due)
    assert result.due >= result.nominal


@PROPERTY
@given(data=st.data(), start=starts, unit=units)
def test_moved_iff_nominal_is_not_a_working_day(cal, data, start, unit):
    result = compute_due(start, data.draw(amounts(unit)), unit, calendar=cal)
    assert result.moved == (not cal.is_workday(result.nominal))
    assert result.moved == (result.due != result.nominal)
    # moved to the *first* working day after the nominal one
    day = result.nominal
    while day < result.due:
        assert not cal.is_workday(day)
        day += datetime.timedelta(days=1)


@PROPERTY
@given(data=st.data(), start=starts, unit=units)
def test_monotonic_in_amount(cal, data, start, unit):
    amount = data.draw(amounts(unit))
    shorter, longer = (
        compute_due(start, amount, unit, calendar=cal),
        compute_due(start, amount + 1, unit, calendar=cal),
    )
    assert shorter.due <= longer.due
    if unit == Unit.WORKDAYS:
        assert shorter.due < longer.due  # one more working day is a later day


@PROPERTY
@given(start=starts, amount=st.integers(min_value=1, max_value=400))
def test_calendar_days_end_no_earlier_than_start_plus_amount(cal, start, amount):
    result = compute_due(start, amount, Unit.DAYS, calendar=cal)
    assert result.nominal == start + datetime.timedelta(days=amount)
    assert result.due >= start + datetime.timedelta(days=amount)


@PROPERTY
@given(start=starts, amount=st.integers(min_value=1, max_value=30))
def test_months_day_never_after_start_day_unless_moved(cal, start, amount):
    result = compute_due(start, amount, Unit.MONTHS, calendar=cal)
    months = (result.nominal.year - start.year) * 12 + result.nominal.month - start.month
    assert months == amount
    assert result.nominal.day <= start.day
    if not result.moved:
        assert result.due.day <= start.day


@PROPERTY
@given(start=starts, amount=st.integers(min_value=1, max_value=300))
def test_working_days_counts_exactly_amount_working_days(cal, start, amount):
    result = compute_due(start, amount, Unit.WORKDAYS, calendar=cal)
    counted, day = 0, start
    while day < result.due:
        day += datetime.timedelta(days=1)
        counted += cal.is_workday(day)
    assert counted == amount
    assert not result.moved


@PROPERTY
@given(data=st.data(), start=starts, unit=units)
def test_provisional_iff_a_day_looked_at_lies_in_an_unloaded_year(cal, data, start, unit):
    result = compute_due(start, data.draw(amounts(unit)), unit, calendar=cal)
    first = start + datetime.timedelta(days=1) if unit == Unit.WORKDAYS else result.nominal
    touches_2027 = result.due.year >= 2027 and first <= datetime.date(2027, 12, 31)
    assert result.provisional == (touches_2027 or result.due.year > 2027)


# --- years, cn_date and window_start (the regimes' windows "within N before the period expires") -----------


def test_two_years_from_a_leap_day_end_on_the_last_day_of_february():
    result = compute_due(day("2024-02-29"), 2, Unit.YEARS)
    assert result.nominal == day("2026-02-28")  # 2026 has no 29 February
    # 2026-02-28 is a Saturday, but a make-up working day of the 2026 Spring Festival schedule: it stays
    cal = WorkCalendar()
    assert result.due == cal.next_workday(result.nominal) == day("2026-02-28")
    assert (result.moved, result.provisional) == (False, False)
    assert compute_due(day("2024-02-29"), 24, Unit.MONTHS) == result


def test_years_end_on_the_next_working_day_when_the_day_is_off():
    # 2025-05-01 + 1 year → 2026-05-01, Labour Day (holiday 05-01..05-05) → 2026-05-06
    result = compute_due(day("2025-05-01"), 1, Unit.YEARS)
    assert (result.nominal, result.due, result.moved) == (day("2026-05-01"), day("2026-05-06"), True)
    assert all(not is_workday(day(f"2026-05-0{d}")) for d in range(1, 6))


def test_years_are_counted_up_to_ten():
    assert period_text(2, Unit.YEARS) == "2年" and Unit.YEARS.label == "年"
    assert compute_due(day("2026-01-05"), MAX_AMOUNT[Unit.YEARS], Unit.YEARS).nominal == day("2036-01-05")
    with pytest.raises(PeriodError, match="不能超过10年"):
        compute_due(day("2026-01-05"), 11, Unit.YEARS)


def test_cn_date_writes_dates_as_documents_do():
    assert cn_date(day("2026-11-28")) == "2026年11月28日"
    assert cn_date(day("2026-01-05")) == "2026年1月5日"  # no leading zeros (GB/T 9704)
    assert cn_date(datetime.datetime(2026, 6, 30, 23, 59)) == "2026年6月30日"
    assert cn_date(None) == ""


@pytest.mark.parametrize(
    ("last", "amount", "unit", "first"),
    [
        ("2026-06-30", 15, Unit.DAYS, "2026-06-16"),  # "within 15 days before": 16 June to 30 June
        ("2026-06-30", 1, Unit.DAYS, "2026-06-30"),
        ("2026-03-10", 15, Unit.DAYS, "2026-02-24"),  # across the end of February
        ("2026-03-01", 1, Unit.MONTHS, "2026-02-02"),
        ("2026-06-30", 6, Unit.MONTHS, "2025-12-31"),
        ("2026-03-31", 1, Unit.MONTHS, "2026-03-01"),  # 31 March less a month is 28 February
        ("2026-06-30", 1, Unit.YEARS, "2025-07-01"),
        ("2026-10-13", 5, Unit.WORKDAYS, "2026-10-08"),  # 10-13, 10-12, 10-10 (make-up), 10-09, 10-08
        ("2026-10-11", 1, Unit.WORKDAYS, "2026-10-10"),  # ending on a Sunday: the working day before
        ("2026-10-08", 2, Unit.WORKDAYS, "2026-09-30"),  # over National Day
    ],
)
def test_window_start(last, amount, unit, first):
    assert window_start(day(last), amount, unit) == day(first)


def test_window_start_refuses_what_compute_due_refuses():
    for bad in [(day("2026-06-30"), 0, Unit.DAYS), (day("2026-06-30"), 15, "weeks"), ("2026-06-30", 15, Unit.DAYS)]:
        with pytest.raises(PeriodError):
            window_start(*bad)


@PROPERTY
@given(last=starts, amount=st.integers(min_value=1, max_value=400))
def test_a_window_in_days_holds_amount_days_ending_on_the_last(cal, last, amount):
    first = window_start(last, amount, Unit.DAYS, calendar=cal)
    assert (last - first).days + 1 == amount


@PROPERTY
@given(start=starts, amount=st.integers(min_value=1, max_value=300))
def test_a_working_day_window_is_the_period_counted_backwards(cal, start, amount):
    """The window of n working days ending on the due day of n working days from `start` begins on the first
    working day after `start`."""
    due = compute_due(start, amount, Unit.WORKDAYS, calendar=cal).due
    first = window_start(due, amount, Unit.WORKDAYS, calendar=cal)
    assert first == cal.next_workday(start + datetime.timedelta(days=1))


@PROPERTY
@given(last=starts, amount=st.integers(min_value=1, max_value=30))
def test_a_window_in_months_starts_the_day_after_the_corresponding_day(cal, last, amount):
    first = window_start(last, amount, Unit.MONTHS, calendar=cal)
    assert first == add_months(last, -amount) + datetime.timedelta(days=1)
    assert first <= last
    if amount <= MAX_AMOUNT[Unit.YEARS]:
        years = window_start(last, amount, Unit.YEARS, calendar=cal)
        assert years == add_months(last, -12 * amount) + datetime.timedelta(days=1)
