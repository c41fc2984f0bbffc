"""Every write of the deadline machinery: the working-day calendar, deadlines, reminders."""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone

from linggao_mi.casework.registry import CASE_MODELS
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.notifications.services import Message, notifications_send_pending, notify_many

from .choices import CLOSED_DEADLINE_STATES, CalendarSource, DayKind, DeadlineState
from .holidays import library_exceptions, library_years
from .models import CalendarDay, CalendarYear, Deadline, DeadlineRule
from .periods import ONE_DAY, Computed, Unit, WorkCalendar, cn_date, compute_due
from .rules import (
    DEADLINE_CLOSED,
    SCHEDULE_CONFLICT,
    SCHEDULE_OUT_OF_YEAR,
    SCHEDULE_TAKEN,
    SCHEDULE_WEEKEND_HOLIDAY,
    SCHEDULE_WORKDAY_ON_WEEKDAY,
    WAIVE_NEEDS_REASON,
)

logger = logging.getLogger(__name__)

CALENDAR_ENTER_PERMISSION = "deadlines.add_calendaryear"
# Deadlines per transaction of the reminder sweep: statements grow with the batches, not the deadlines.
REMINDER_BATCH = 1000


# ---------------------------------------------------------------------------------------------
# Working-day calendar


@dataclass(frozen=True)
class HolidayRange:
    first: datetime.date
    last: datetime.date
    name: str


@dataclass(frozen=True)
class MakeupDay:
    date: datetime.date
    name: str


@dataclass(frozen=True)
class ScheduleEntered:
    calendar_year: CalendarYear
    recomputed: list  # the deadlines whose due date or provisional flag was recomputed


def schedule_earliest_day(year: int) -> datetime.date:
    """A year's schedule may start in late December of the year before (the 2019 New Year holiday did)."""
    return datetime.date(year - 1, 12, 21)


def _schedule_rows(year: int, holidays: list[HolidayRange], workdays: list[MakeupDay]) -> list[tuple]:
    """(date, kind, name) of the exceptions to the weekday rule; RuleViolation for an impossible schedule."""
    first_allowed, last_allowed = schedule_earliest_day(year), datetime.date(year, 12, 31)
    off: dict[datetime.date, str] = {}
    for holiday in holidays:
        if holiday.last < holiday.first:
            raise RuleViolation(SCHEDULE_WEEKEND_HOLIDAY, f"{holiday.name} {holiday.first}至{holiday.last}")
        for day in (holiday.first, holiday.last):
            if not first_allowed <= day <= last_allowed:
                raise RuleViolation(SCHEDULE_OUT_OF_YEAR, f"{holiday.name} {day}")
        day = holiday.first
        while day <= holiday.last:
            off[day] = holiday.name
            day += ONE_DAY
    rows = [(day, DayKind.HOLIDAY, name) for day, name in off.items() if day.weekday() < 5]
    for makeup in workdays:
        if not first_allowed <= makeup.date <= last_allowed:
            raise RuleViolation(SCHEDULE_OUT_OF_YEAR, f"{makeup.name} {makeup.date}")
        if makeup.date.weekday() < 5:
            raise RuleViolation(SCHEDULE_WORKDAY_ON_WEEKDAY, f"{makeup.date}")
        if makeup.date in off:
            raise RuleViolation(SCHEDULE_CONFLICT, f"{makeup.date}")
        rows.append((makeup.date, DayKind.WORKDAY, makeup.name))
    if len({row[0] for row in rows}) != len(rows):
        raise RuleViolation(SCHEDULE_CONFLICT, "调休上班日重复")
    return sorted(rows)


def calendar_year_enter(
    *, actor: User, year: int, holidays: list[HolidayRange], workdays: list[MakeupDay], note: str = ""
) -> ScheduleEntered:
    """Record a year's official schedule (replacing any earlier one); recompute the deadlines it touches."""
    if not actor.has_perm(CALENDAR_ENTER_PERMISSION):
        raise PermissionDenied
    rows = _schedule_rows(year, holidays, workdays)
    with transaction.atomic():
        calendar_year, _ = CalendarYear.objects.select_for_update().update_or_create(
            year=year,
            defaults={
                "source": CalendarSource.MANUAL,
                "loaded_at": timezone.now(),
                "loaded_by": actor,
                "note": note,
            },
        )
        calendar_year.days.all().delete()
        taken = CalendarDay.objects.filter(date__in=[row[0] for row in rows]).select_related("calendar_year")
        for day in taken:
            raise RuleViolation(SCHEDULE_TAKEN, f"{day.date}（{day.calendar_year}）")
        CalendarDay.objects.bulk_create(
            CalendarDay(calendar_year=calendar_year, date=day, kind=kind, name=name)
            for day, kind, name in rows
        )
        first = min([datetime.date(year, 1, 1)] + [row[0] for row in rows])
        recomputed = deadlines_recompute(first=first, last=datetime.date(year, 12, 31))
    logger.info("%s entered the %s schedule; %s deadlines recomputed", actor, year, len(recomputed))
    return ScheduleEntered(calendar_year=calendar_year, recomputed=recomputed)


def calendar_load_library() -> list[int]:
    """Load every year the chinesecalendar library knows and the database lacks; returns those years.

    Years already present (loaded earlier, or entered by an admin) are never overwritten.
    """
    present = set(CalendarYear.objects.values_list("year", flat=True))
    missing = [year for year in library_years() if year not in present]
    if not missing:
        return []
    now = timezone.now()
    with transaction.atomic():
        for year in missing:
            calendar_year = CalendarYear.objects.create(
                year=year,
                source=CalendarSource.LIBRARY,
                loaded_at=now,
                note="chinesecalendar 库内置的国务院放假安排",
            )
            CalendarDay.objects.bulk_create(
                CalendarDay(calendar_year=calendar_year, date=day, kind=kind, name=name)
                for day, kind, name in library_exceptions(year)
            )
        deadlines_recompute(first=datetime.date(min(missing), 1, 1), last=datetime.date(max(missing), 12, 31))
    return missing


# ---------------------------------------------------------------------------------------------
# Deadlines


def rule_get(code: str) -> DeadlineRule:
    return DeadlineRule.objects.get(code=code)


def _first_running(deadlines: QuerySet) -> QuerySet:
    """The running one of `deadlines` due first: what a case keeps as its next deadline."""
    return deadlines.running().order_by("due", "pk")[:1]


def next_deadlines_update(cases: QuerySet) -> int:
    """Set Case.next_deadline and next_due of `cases` (of one case model) from their running deadlines: the one due
    first, None without one. One UPDATE whatever the number of cases."""
    type_ = ContentType.objects.get_for_model(cases.model)
    first = _first_running(Deadline.objects.filter(content_type=type_, object_id=OuterRef("pk")))
    return cases.update(next_deadline=Subquery(first.values("pk")), next_due=Subquery(first.values("due")))


def next_deadlines_refresh(deadlines) -> None:
    """Bring the next deadline of the cases of `deadlines` up to date after they opened, moved or ended (one UPDATE
    per regime; deadlines of anything but a case are left alone). Called inside the deadline's own transaction; the
    changes to one case's deadlines are serialised by its case's lock (casework.services.case_transition, which
    re-reads them as it saves the case)."""
    cases: dict[int, set[int]] = {}
    for deadline in deadlines:
        cases.setdefault(deadline.content_type_id, set()).add(deadline.object_id)
    for type_id, pks in cases.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model in CASE_MODELS:
            next_deadlines_update(model._default_manager.filter(pk__in=pks))


def next_deadline_of(case) -> tuple[int | None, datetime.date | None]:
    """The key and due date of `case`'s running deadline due first, (None, None) without one."""
    return next(iter(_first_running(Deadline.objects.of_object(case)).values_list("pk", "due")), (None, None))


def _apply(deadline: Deadline, computed: Computed) -> None:
    deadline.nominal = computed.nominal
    deadline.due = computed.due
    deadline.moved = computed.moved
    deadline.provisional = computed.provisional


def deadline_open(
    *,
    case,
    rule_code: str,
    start: datetime.date,
    label: str = "",
    amount: int | None = None,
    unit: str | None = None,
    responsible=None,
    section=None,
) -> Deadline:
    """Start counting a period of `case` from `start` (not counted).

    amount/unit default to the rule's; responsible and section default to the case's. The case may be any
    model instance (the generic key accepts any), so shared machinery can hang deadlines on anything.
    """
    rule = rule_get(rule_code)
    amount = rule.amount if amount is None else amount
    unit = rule.unit if unit is None else unit
    computed = compute_due(start, amount, unit)
    if responsible is None:
        responsible = case.responsible_users()
    if section is None:
        section = getattr(case, "section", None)
    with transaction.atomic():
        deadline = Deadline(
            case=case, rule=rule, label=label, start=start, amount=amount, unit=Unit(unit), section=section
        )
        _apply(deadline, computed)
        deadline.save()
        deadline.responsible.set(responsible)
        next_deadlines_refresh([deadline])
    return deadline


def _locked(deadline: Deadline) -> Deadline:
    fresh = Deadline.objects.select_for_update().get(pk=deadline.pk)
    if fresh.state in CLOSED_DEADLINE_STATES:
        raise RuleViolation(DEADLINE_CLOSED, f"当前为“{fresh.get_state_display()}”")
    return fresh


def _refresh(deadline: Deadline, fresh: Deadline) -> Deadline:
    """Carry the saved values back into the caller's instance so it does not hold stale ones."""
    for field in fresh._meta.concrete_fields:
        setattr(deadline, field.attname, getattr(fresh, field.attname))
    return deadline


def deadline_meet(*, deadline: Deadline, on: datetime.date) -> Deadline:
    """The act the period asks for was done on `on` (late when after the due date; still met)."""
    with transaction.atomic():
        fresh = _locked(deadline)
        fresh.state = DeadlineState.MET
        fresh.closed_on = on
        fresh.save()
        next_deadlines_refresh([fresh])
    return _refresh(deadline, fresh)


def deadline_waive(*, actor: User, deadline: Deadline, reason: str) -> Deadline:
    """The period no longer runs (e.g. the case ended otherwise); needs a written reason."""
    reason = (reason or "").strip()
    if not reason:
        raise RuleViolation(WAIVE_NEEDS_REASON)
    with transaction.atomic():
        fresh = _locked(deadline)
        fresh.state = DeadlineState.WAIVED
        fresh.waived_reason = reason
        fresh.waived_by = actor
        fresh.closed_on = timezone.localdate()
        fresh.save()
        next_deadlines_refresh([fresh])
    return _refresh(deadline, fresh)


def deadline_reschedule(*, deadline: Deadline, start: datetime.date, amount: int, unit: str) -> Deadline:
    """Count the period anew (e.g. an approved extension); an overdue deadline no longer due reopens."""
    computed = compute_due(start, amount, unit)
    with transaction.atomic():
        fresh = _locked(deadline)
        fresh.start, fresh.amount, fresh.unit = start, amount, Unit(unit)
        _apply(fresh, computed)
        if fresh.state == DeadlineState.OVERDUE and fresh.due >= timezone.localdate():
            fresh.state = DeadlineState.OPEN
        fresh.save()
        next_deadlines_refresh([fresh])
    return _refresh(deadline, fresh)


def deadlines_recompute(*, first: datetime.date, last: datetime.date) -> list[Deadline]:
    """Recompute the deadlines whose counting touches [first, last] after that calendar changed.

    Provisional ones are recomputed whatever their state (the record should show the true date); of the
    rest only running ones, since a closed deadline's settled date is history.
    """
    calendar = WorkCalendar()
    today = timezone.localdate()
    changed = []
    with transaction.atomic():
        candidates = (
            Deadline.objects.select_for_update()
            .filter(start__lte=last, due__gte=first)
            .filter(Q(provisional=True) | Q(state__in=(DeadlineState.OPEN, DeadlineState.OVERDUE)))
        )
        for deadline in candidates:
            computed = compute_due(deadline.start, deadline.amount, deadline.unit, calendar=calendar)
            before = (deadline.due, deadline.moved, deadline.provisional, deadline.state)
            _apply(deadline, computed)
            if deadline.state == DeadlineState.OVERDUE and deadline.due >= today:
                deadline.state = DeadlineState.OPEN
            if (deadline.due, deadline.moved, deadline.provisional, deadline.state) != before:
                deadline.save()
                changed.append(deadline)
        next_deadlines_refresh(changed)
    return changed


# ---------------------------------------------------------------------------------------------
# Reminders


@dataclass
class ReminderRun:
    day: datetime.date
    upcoming: int = 0
    due_today: int = 0
    overdue: int = 0
    notified: int = 0
    emailed: int = 0


def _case_label(deadline: Deadline) -> str:
    case = deadline.case
    return str(case) if case is not None else "（案件已删除）"


def _message(deadline: Deadline, kind: str, today: datetime.date) -> tuple[str, str]:
    title, case = deadline.title, _case_label(deadline)
    due = cn_date(deadline.due)
    subject = {
        "upcoming": f"期限将至：{case} {title}（{due}届满）",
        "due": f"期限今日届满：{case} {title}",
        "overdue": f"期限已逾期：{case} {title}（{due}届满）",
        "escalated": f"逾期督办：{case} {title}已于{due}届满",
    }[kind]
    lines = [
        f"案件：{case}",
        f"期限：{title}，{deadline.period_display}，自{cn_date(deadline.start)}起算（当日不计入）",
        f"届满日：{due}" + ("（最后一日为休息日，已顺延）" if deadline.moved else ""),
        f"依据：{deadline.rule.citation}",
    ]
    if kind == "upcoming":
        lines.append(f"距届满还有{(deadline.due - today).days}日，请按期办理。")
    elif kind == "due":
        lines.append("今日为期限最后一日，请于今日办结。")
    elif kind == "overdue":
        lines.append(f"已逾期{(today - deadline.due).days}日，已报告承办股室股长。")
    else:
        people = (
            "、".join(u.get_full_name() or u.username for u in deadline.responsible.all()) or "（未指定）"
        )
        lines.append(f"责任人：{people}。已逾期{(today - deadline.due).days}日，请督促办理。")
    if deadline.provisional:
        lines.append("注意：该期限涉及尚未录入放假安排的年度，届满日为暂定，录入后将自动重算。")
    return subject, "\n".join(lines)


def _messages(deadline: Deadline, kind: str, users, today: datetime.date) -> list[Message]:
    subject, body = _message(deadline, kind, today)
    url = deadline.case_url() or reverse("deadlines:list")
    key = f"deadline:{deadline.pk}:{kind}:{deadline.due.isoformat()}"
    return [Message(user=user, key=key, subject=subject, body=body, url=url) for user in users if user.is_active]


def _remind_batch(pks: list[int], today: datetime.date, run: ReminderRun) -> None:
    """One batch of the sweep in one transaction: lock, mark overdue, notify, in a fixed number of statements."""
    with transaction.atomic():
        deadlines = list(
            Deadline.objects.select_for_update(of=("self",))
            .select_related("rule", "section__chief")
            .prefetch_related("responsible", "case")
            .filter(pk__in=pks, state=DeadlineState.OPEN)  # met, waived or handled by a concurrent run: gone
            .order_by("due", "pk")
        )
        messages, overdue = [], []
        for deadline in deadlines:
            chief = deadline.section.chief if deadline.section else None
            # Nobody responsible: the chief is, so that no period runs out unseen.
            people = list(deadline.responsible.all()) or ([chief] if chief else [])
            if deadline.due < today:
                overdue.append(deadline)
                messages += _messages(deadline, "overdue", people, today)
                if chief is not None and chief not in people:
                    messages += _messages(deadline, "escalated", [chief], today)
            elif deadline.due == today:
                run.due_today += 1
                messages += _messages(deadline, "due", people, today)
            else:
                run.upcoming += 1
                messages += _messages(deadline, "upcoming", people, today)
        if overdue:
            now = timezone.now()
            Deadline.objects.filter(pk__in=[d.pk for d in overdue]).update(state=DeadlineState.OVERDUE, updated_at=now)
            for deadline in overdue:
                deadline.state, deadline.updated_at = DeadlineState.OVERDUE, now
            Deadline.history.bulk_history_create(overdue, update=True, default_date=now)
            run.overdue += len(overdue)
        run.notified += len(notify_many(messages))


def reminders_send(*, today: datetime.date | None = None) -> ReminderRun:
    """Remind the people responsible for each open deadline that is near, due today or past due.

    Past due: the deadline turns overdue, the responsible people are told and the section chief is
    alerted. Each reminder's key names the deadline, its kind and the due date, so a second run — or a
    run after a crash half-way — notifies nobody twice; a rescheduled deadline (new due date) is reminded
    afresh. Deadlines are handled in batches of REMINDER_BATCH, each in its own transaction and a fixed
    number of statements; e-mails that could not be sent before are sent at the end.
    """
    today = today or timezone.localdate()
    run = ReminderRun(day=today)
    horizon = today + datetime.timedelta(days=settings.DEADLINE_REMINDER_LEAD_DAYS)
    pks = list(
        Deadline.objects.filter(state=DeadlineState.OPEN, due__lte=horizon)
        .order_by("due", "pk")
        .values_list("pk", flat=True)
    )
    for first in range(0, len(pks), REMINDER_BATCH):
        _remind_batch(pks[first : first + REMINDER_BATCH], today, run)
    run.emailed = notifications_send_pending()
    logger.info("deadline reminders for %s: %s", today, run)
    return run
