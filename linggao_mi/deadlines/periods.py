"""Legal periods counted the Chinese way (《民法典》第二百零一条至第二百零三条, DESIGN.md §3).

- The trigger day is not counted; counting starts the next day.
- A period in months ends on the corresponding day of the last month, or that month's last day.
- A last day that is not a working day (weekend or statutory holiday) moves to the next working day.
- A working-day period skips weekends and holidays and counts make-up working days (调休上班日).

Working days come from the calendar tables (CalendarYear, CalendarDay). A year without a loaded
schedule is counted with weekends only, and the result says so (`provisional`): never a silent guess.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models

ONE_DAY = datetime.timedelta(days=1)
PERIOD_CITATION = "《中华人民共和国民法典》第二百零一条至第二百零三条"


class Unit(models.TextChoices):
    DAYS = "days", "日"
    WORKDAYS = "workdays", "工作日"
    MONTHS = "months", "个月"
    YEARS = "years", "年"


# Longest period the engine counts: ten years in any unit; longer is a typing error, not a legal period.
MAX_AMOUNT = {Unit.DAYS: 3660, Unit.WORKDAYS: 2500, Unit.MONTHS: 120, Unit.YEARS: 10}
EARLIEST_START = datetime.date(1900, 1, 1)
LATEST_START = datetime.date(2199, 12, 31)
OUTSIDE_CALENDAR = f"日期须在{EARLIEST_START:%Y-%m-%d}至{LATEST_START:%Y-%m-%d}之间。"


def validate_in_calendar(value: datetime.date | datetime.datetime) -> None:
    """A validator for every date a user enters (form and API fields): one the engine cannot count from is refused
    where it is typed, not later by the step that computes a period from it."""
    day = value.date() if isinstance(value, datetime.datetime) else value
    if not EARLIEST_START <= day <= LATEST_START:
        raise ValidationError(OUTSIDE_CALENDAR, code="outside_calendar")


class PeriodError(ValueError):
    """Input the engine cannot count; str() is a message for the user, in Chinese."""


@dataclass(frozen=True)
class Computed:
    due: datetime.date
    moved: bool
    provisional: bool
    nominal: datetime.date


class WorkCalendar:
    """Working-day lookups against the calendar tables, one query per year touched."""

    def __init__(self):
        self._loaded_years: set[int] | None = None
        self._exceptions: dict[int, dict[datetime.date, bool]] = {}

    def is_loaded(self, year: int) -> bool:
        if self._loaded_years is None:
            from .models import CalendarYear

            self._loaded_years = set(CalendarYear.objects.values_list("year", flat=True))
        return year in self._loaded_years

    def is_workday(self, day: datetime.date) -> bool:
        exceptions = self._exceptions.get(day.year)
        if exceptions is None:
            from .choices import DayKind
            from .models import CalendarDay

            exceptions = {
                date: kind == DayKind.WORKDAY
                for date, kind in CalendarDay.objects.filter(date__year=day.year).values_list("date", "kind")
            }
            self._exceptions[day.year] = exceptions
        if day in exceptions:
            return exceptions[day]
        return day.weekday() < 5

    def next_workday(self, day: datetime.date) -> datetime.date:
        """`day` itself when it is a working day, else the first working day after it."""
        while not self.is_workday(day):
            day += ONE_DAY
        return day

    def all_loaded(self, first: datetime.date, last: datetime.date) -> bool:
        return all(self.is_loaded(year) for year in range(first.year, last.year + 1))


def period_text(amount: int, unit: str) -> str:
    """"15日", "5个工作日", "6个月", "2年"."""
    return f"{amount}个工作日" if unit == Unit.WORKDAYS else f"{amount}{Unit(unit).label}"


def cn_date(day: datetime.date | None) -> str:
    """2026年11月28日, as documents, refusals and reminders write a date (GB/T 9704: no leading zeros)."""
    if not day:
        return ""
    if isinstance(day, datetime.datetime):
        day = day.date()
    return f"{day.year}年{day.month}月{day.day}日"


def is_workday(day: datetime.date) -> bool:
    return WorkCalendar().is_workday(day)


def add_months(start: datetime.date, months: int) -> datetime.date:
    """The corresponding day `months` later, or the last day of that month when it has no such day."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _check(start, amount, unit) -> Unit:
    if isinstance(start, datetime.datetime) or not isinstance(start, datetime.date):
        raise PeriodError("起算日期必须是日期（YYYY-MM-DD）。")
    if not EARLIEST_START <= start <= LATEST_START:
        raise PeriodError(f"起算日期须在{EARLIEST_START:%Y-%m-%d}至{LATEST_START:%Y-%m-%d}之间。")
    if unit not in Unit.values:
        raise PeriodError("期间单位只能是 days（日）、workdays（工作日）、months（个月）或 years（年）。")
    unit = Unit(unit)
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise PeriodError("期间长度必须是整数。")
    if amount < 1:
        raise PeriodError("期间长度至少为1。")
    if amount > MAX_AMOUNT[unit]:
        raise PeriodError(f"期间长度不能超过{MAX_AMOUNT[unit]}{unit.label}。")
    return unit


def compute_due(
    start: datetime.date, amount: int, unit: str, *, calendar: WorkCalendar | None = None
) -> Computed:
    """The last day of a period of `amount` `unit` triggered on `start` (start itself not counted)."""
    unit = _check(start, amount, unit)
    cal = calendar or WorkCalendar()
    if unit == Unit.WORKDAYS:
        day, counted = start, 0
        while counted < amount:
            day += ONE_DAY
            if cal.is_workday(day):
                counted += 1
        # Every day counted over was looked up, so each of their years must be loaded.
        return Computed(
            due=day, moved=False, provisional=not cal.all_loaded(start + ONE_DAY, day), nominal=day
        )
    if unit == Unit.DAYS:
        nominal = start + datetime.timedelta(days=amount)
    else:
        nominal = add_months(start, amount * 12 if unit == Unit.YEARS else amount)
    due = cal.next_workday(nominal)
    return Computed(
        due=due, moved=due != nominal, provisional=not cal.all_loaded(nominal, due), nominal=nominal
    )


def window_start(last: datetime.date, amount: int, unit: str, *, calendar: WorkCalendar | None = None) -> datetime.date:
    """The first day of the window of `amount` `unit` that ends on `last`, both days included.

    "Within the 15 days before the period expires" on a period whose last day is 30 June is 16 June to 30 June:
    an act on 30 June is in time, one on 15 June is not. A window in months starts the day after the
    corresponding day `amount` months earlier; a window in working days counts back over working days only.
    """
    unit = _check(last, amount, unit)
    if unit == Unit.DAYS:
        return last - datetime.timedelta(days=amount - 1)
    if unit == Unit.WORKDAYS:
        cal = calendar or WorkCalendar()
        day, counted = last + ONE_DAY, 0
        while counted < amount:
            day -= ONE_DAY
            counted += cal.is_workday(day)
        return day
    months = amount * 12 if unit == Unit.YEARS else amount
    return add_months(last, -months) + ONE_DAY
