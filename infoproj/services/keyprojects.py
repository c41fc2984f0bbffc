"""Key projects (三（三）): registering, weekly tracking, milestones, monthly meetings, the yearly assessment, and the
chase of projects with no weekly record by the end of a week."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from linggao_mi.casework.checks import check_date
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.deadlines.periods import cn_date
from linggao_mi.notifications.services import notify

from .. import rules
from ..choices import Assessment, KeyProjectState
from ..models import KeyProject, MeetingDecision, Milestone, MonthlyMeeting, WeeklyRecord, YearlyAssessment
from ..workflow import KEY_WORKFLOW as WORKFLOW
from .common import case_open, it_section, require_it_member, text_required


def week_of(day: datetime.date) -> datetime.date:
    """The Monday of `day`'s week (a tracking week runs Monday to Sunday)."""
    return day - datetime.timedelta(days=day.weekday())


@transaction.atomic(durable=True)
def key_register(
    *,
    actor: User,
    name: str,
    kind: str,
    owner_unit: str,
    owner_contact: str,
    investment: Decimal,
    location: str,
    description: str,
) -> KeyProject:
    return case_open(
        workflow=WORKFLOW, step="key_register", actor=actor,
        reason=f"{owner_unit}：{name}（计划总投资{investment}万元）",
        name=name.strip(), kind=kind, owner_unit=owner_unit.strip(), owner_contact=owner_contact.strip(),
        investment=investment, location=location.strip(), description=description.strip(),
    )


@transaction.atomic(durable=True)
def weekly_record(
    *,
    actor: User,
    case: KeyProject,
    contacted_on: datetime.date,
    progress: str,
    problems: str = "",
    subjective_causes: str = "",
    objective_causes: str = "",
) -> KeyProject:
    """周跟踪 (三（三）3、5): one record a week, of the week of the contact."""
    check_date(contacted_on, "沟通日期")
    text_required(progress, rules.WEEKLY_PROGRESS)
    week = week_of(contacted_on)

    def check(c: KeyProject) -> None:
        if c.weekly_records.filter(week_start=week).exists():
            raise RuleViolation(rules.WEEKLY_ONCE, f"{cn_date(week)}起的一周")

    def apply(c: KeyProject) -> WeeklyRecord:
        return WeeklyRecord.objects.create(
            project=c, week_start=week, contacted_on=contacted_on, progress=progress.strip(), problems=problems.strip(),
            subjective_causes=subjective_causes.strip(), objective_causes=objective_causes.strip(), recorded_by=actor,
        )

    case, _ = WORKFLOW.run(
        "weekly_record", case=case, actor=actor, check=check, apply=apply,
        reason=f"{cn_date(week)}起一周的跟踪：{progress.strip()[:60]}",
    )
    return case


@transaction.atomic(durable=True)
def milestone_add(*, actor: User, case: KeyProject, name: str, planned_on: datetime.date) -> KeyProject:
    text_required(name, rules.MILESTONE_NAME)

    def apply(c: KeyProject) -> Milestone:
        return Milestone.objects.create(project=c, name=name.strip(), planned_on=planned_on)

    case, _ = WORKFLOW.run(
        "milestone_add", case=case, actor=actor, apply=apply, reason=f"{name.strip()}，计划{cn_date(planned_on)}完成"
    )
    return case


def _milestone_open(milestone: Milestone) -> None:
    if milestone.done_on is not None:
        raise RuleViolation(rules.MILESTONE_DONE, f"{milestone.name}已于{cn_date(milestone.done_on)}完成")


@transaction.atomic(durable=True)
def milestone_done(*, actor: User, case: KeyProject, milestone: Milestone, done_on: datetime.date) -> KeyProject:
    if done_on > timezone.localdate():
        raise RuleViolation(rules.MILESTONE_DATE)
    check_date(done_on, "完成日期")
    # Refused before the step's guard, which would only say that no milestone is open; again under the case's
    # lock, where a concurrent call that completed it first is seen.
    _milestone_open(milestone)

    def apply(c: KeyProject) -> None:
        locked = c.milestones.select_for_update().get(pk=milestone.pk)
        _milestone_open(locked)
        locked.done_on = done_on
        locked.save(update_fields=["done_on"])

    case, _ = WORKFLOW.run(
        "milestone_done", case=case, actor=actor, apply=apply, reason=f"{milestone.name}于{cn_date(done_on)}完成"
    )
    return case


@transaction.atomic(durable=True)
def assess(
    *, actor: User, case: KeyProject, year: int, reporting: str, follow_up: str, result: str,
    published_on: datetime.date | None = None,
) -> KeyProject:
    """三（三）6: the year's reporting and follow-up, counted from the weekly records, assessed and published."""
    text_required(reporting, rules.ASSESSMENT_TEXT)
    text_required(follow_up, rules.ASSESSMENT_TEXT)
    if published_on is not None:
        check_date(published_on, "通报日期")
    result = Assessment(result)

    def apply(c: KeyProject) -> YearlyAssessment:
        if c.assessments.filter(year=year).exists():
            raise RuleViolation(rules.ASSESSMENT_ONCE, f"{year}年度")
        reported, due = weeks_reported(c, year)
        return YearlyAssessment.objects.create(
            project=c, year=year, weeks_reported=reported, weeks_due=due, reporting=reporting.strip(),
            follow_up=follow_up.strip(), result=result, published_on=published_on, recorded_by=actor,
        )

    case, _ = WORKFLOW.run(
        "assess", case=case, actor=actor, apply=apply, reason=f"{year}年度综合考核：{result.label}"
    )
    return case


def weeks_reported(case: KeyProject, year: int) -> tuple[int, int]:
    """(weeks with a record, weeks due) in `year`, from the week the project was registered to the last whole week."""
    first = max(week_of(timezone.localdate(case.created_at)), week_of(datetime.date(year, 1, 1)))
    end = min(datetime.date(year, 12, 31), timezone.localdate())
    last = week_of(end) - datetime.timedelta(days=7) if end.weekday() < 6 else week_of(end)
    due = max(0, (last - first).days // 7 + 1)
    reported = case.weekly_records.filter(week_start__gte=first, week_start__lte=last).count()
    return reported, due


@transaction.atomic(durable=True)
def key_complete(*, actor: User, case: KeyProject, completed_on: datetime.date) -> KeyProject:
    check_date(completed_on, "建成日期")

    def apply(c: KeyProject) -> None:
        c.completed_on = completed_on

    case, _ = WORKFLOW.run("complete", case=case, actor=actor, apply=apply, reason=f"{cn_date(completed_on)}建成")
    return case


@dataclass(frozen=True)
class DecisionInput:
    project: KeyProject
    decision: str
    owner: str
    due_on: datetime.date


def meeting_record(
    *,
    actor: User,
    held_on: datetime.date,
    attendees: str,
    summary: str,
    decisions: Iterable[DecisionInput],
) -> MonthlyMeeting:
    """月碰头 (三（三）3、5): the month's meeting with its decisions, each with a project, an owner and a due date."""
    if not actor.has_perm("infoproj.add_monthlymeeting"):
        raise PermissionDenied
    require_it_member(actor, it_section())
    check_date(held_on, "会议日期")
    decisions = list(decisions)
    text_required(attendees, rules.MEETING_DECISIONS, "请填写参会人员")
    text_required(summary, rules.MEETING_DECISIONS, "请填写会议纪要")
    if not decisions or any(not (d.decision.strip() and d.owner.strip() and d.due_on) for d in decisions):
        raise RuleViolation(rules.MEETING_DECISIONS)
    if any(d.project.state != KeyProjectState.TRACKING for d in decisions):
        raise RuleViolation(rules.MEETING_DECISIONS, "议定事项的项目须为跟踪推进中的重点项目")
    try:
        with transaction.atomic(durable=True):
            meeting = MonthlyMeeting.objects.create(
                year=held_on.year, month=held_on.month, held_on=held_on, attendees=attendees.strip(),
                summary=summary.strip(), recorded_by=actor,
            )
            rows = [
                MeetingDecision(meeting=meeting, project=d.project, decision=d.decision.strip(), owner=d.owner.strip(),
                                due_on=d.due_on)
                for d in decisions
            ]
            bulk_create_with_history(rows, MeetingDecision, default_user=actor)
    except IntegrityError:
        raise RuleViolation(rules.MEETING_ONCE, f"{held_on.year}年{held_on.month}月") from None
    return meeting


def weekly_tracking_chase(*, today: datetime.date | None = None) -> int:
    """At the week's end: every project being tracked with no record for this week is chased — its handlers and its
    section's chief are reminded. Run twice in a week, it reminds nobody twice (the notification key)."""
    today = today or timezone.localdate()
    week = week_of(today)
    week_end = week + datetime.timedelta(days=6)
    sent = 0
    projects = (
        KeyProject.objects.filter(state=KeyProjectState.TRACKING, created_at__date__lte=week_end)
        .exclude(weekly_records__week_start=week)
        .select_related("section__chief")
        .prefetch_related("inspectors")
    )
    for project in projects:
        people = set(project.inspectors.all()) | ({project.section.chief} if project.section.chief else set())
        for user in people:
            made = notify(
                user=user,
                key=f"infoproj.weekly.{project.pk}.{week.isoformat()}",
                subject=f"周跟踪未登记：{project.name}",
                body=f"{project}在{cn_date(week)}至{cn_date(week_end)}这一周尚无周跟踪记录，请与企业沟通协调后登记"
                f"（依据：三（三）3、5）。",
                url=project.get_absolute_url(),
            )
            sent += made is not None
    return sent
