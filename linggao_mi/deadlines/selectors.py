"""Every read of the deadline machinery, limited to what the user may see."""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db.models import Exists, OuterRef, Q, QuerySet

from linggao_mi.casework.registry import case_prefetch
from linggao_mi.org.selectors import user_sees_everything

from .choices import DayKind
from .models import CalendarDay, CalendarYear, Deadline
from .periods import ONE_DAY, WorkCalendar


def deadlines_of_case(case) -> QuerySet:
    """Every deadline of `case` (all states), earliest due first. The caller has already scoped the case."""
    return (
        Deadline.objects.of_object(case)
        .select_related("rule", "section")
        .prefetch_related("responsible")
        .order_by("due", "pk")
    )


def with_next_deadline(cases: QuerySet) -> QuerySet:
    """Cases with their next running deadline (Case.next_deadline, kept by the deadline services) and its rule
    joined, for its name (`next_deadline.title`) beside `next_due`."""
    return cases.select_related("next_deadline__rule")


def deadlines_for_user(user: User) -> QuerySet:
    """Running deadlines the user answers for — responsible, or chief of the section; leaders see all.

    By due date, which puts the overdue ones first (an overdue deadline is always past due: DeadlineQuerySet.past_due)
    and reads the running deadlines' (due, id) index in order instead of sorting them all.
    """
    deadlines = Deadline.objects.running()
    if not user_sees_everything(user):
        mine = Deadline.responsible.through.objects.filter(deadline=OuterRef("pk"), user=user)
        deadlines = deadlines.filter(Q(Exists(mine)) | Q(section__chief=user))
    return (
        deadlines.order_by("due", "pk")
        .select_related("rule", "section", "content_type")
        .prefetch_related("responsible", case_prefetch())
    )


def calendar_years() -> QuerySet:
    return CalendarYear.objects.select_related("loaded_by")


def unloaded_years(*years: int) -> list[int]:
    """Those of `years` without a loaded schedule (periods reaching them are provisional)."""
    calendar = WorkCalendar()
    return [year for year in years if not calendar.is_loaded(year)]


@dataclass(frozen=True)
class ScheduleRange:
    first: datetime.date
    last: datetime.date
    name: str

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def calendar_schedule(calendar_year: CalendarYear) -> tuple[list[ScheduleRange], list[CalendarDay]]:
    """A loaded schedule as the State Council states it: holiday ranges (weekends included), make-up days.

    Only exceptions to the weekday rule are stored, so a range is rebuilt from its weekday holidays and the
    ordinary weekend days around and between them.
    """
    days = list(calendar_year.days.all())
    workdays = [d for d in days if d.kind == DayKind.WORKDAY]
    makeup = {d.date for d in workdays}

    def rest(day):  # an ordinary weekend day, not put to work
        return day.weekday() >= 5 and day not in makeup

    ranges: list[ScheduleRange] = []
    for day in (d for d in days if d.kind == DayKind.HOLIDAY):
        if ranges and ranges[-1].name == day.name:
            gap = ranges[-1].last + ONE_DAY
            while gap < day.date and rest(gap):
                gap += ONE_DAY
            if gap == day.date:
                ranges[-1] = ScheduleRange(ranges[-1].first, day.date, day.name)
                continue
        first = day.date
        while rest(first - ONE_DAY):
            first -= ONE_DAY
        ranges.append(ScheduleRange(first, day.date, day.name))
    extended = []
    for r in ranges:
        last = r.last
        while rest(last + ONE_DAY):
            last += ONE_DAY
        extended.append(ScheduleRange(r.first, last, r.name))
    return extended, workdays
