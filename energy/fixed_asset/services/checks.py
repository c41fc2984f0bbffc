"""A project's check (三（五）3–5): the plan first, then the 8 steps each with its date and people; the notice of
step (2) and the feedback of step (8) drafted here and served through the documents' workflow (their on_served
hooks record the step). The feedback of a periodic check meets the project's yearly period and starts the next."""

import datetime

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from linggao_mi.casework.checks import check_date, check_inspectors, late_entry
from linggao_mi.casework.rules import LATE_ENTRY_REASON, RuleViolation
from linggao_mi.casework.selectors import user_may
from linggao_mi.casework.services import case_create, case_event_record, case_grant_access
from linggao_mi.casework.workflow import CREATE
from linggao_mi.deadlines.periods import cn_date
from linggao_mi.deadlines.services import deadline_meet, deadline_open
from linggao_mi.documents.services import document_draft

from .. import rules
from ..choices import CheckKind, CheckMethod, CheckOccasion, CheckState, ProcedureStep
from ..models import CheckStepRecord, FixedAssetProject, ProjectCheck
from ..workflow import RECORDED_STEPS, STEP_NAMES, WORKFLOW
from .projects import PERIODIC_LABEL, periodic_deadline


def _name(user: User) -> str:
    return user.get_full_name() or user.username


@transaction.atomic(durable=True)
def check_plan(
    *,
    actor: User,
    project: FixedAssetProject,
    kind: str,
    method: str,
    planned_date: datetime.date,
    plan: str,
    inspectors: list[User],
    occasion: str = "",
    late_reason: str = "",
) -> ProjectCheck:
    """制定检查方案 (三（五）5): the project, periodic or unannounced (三（五）4), the method, the plan, the people."""
    if not user_may(actor, ProjectCheck, CREATE):
        raise PermissionDenied
    kind, method = CheckKind(kind), CheckMethod(method)
    if not plan.strip():
        raise RuleViolation(rules.CHECK_PLAN)
    if kind == CheckKind.UNANNOUNCED:
        if occasion not in CheckOccasion.values:
            raise RuleViolation(rules.CHECK_OCCASION)
    else:
        occasion = ""
        if method == CheckMethod.COVERT:
            raise RuleViolation(rules.PERIODIC_METHOD)
    today = timezone.localdate()
    late = planned_date is not None and planned_date < today
    if late and not late_reason.strip():
        raise RuleViolation(LATE_ENTRY_REASON, f"计划检查日期{cn_date(planned_date)}早于今天")
    if late:
        check_date(planned_date, "计划检查日期")
    section = project.section
    check_inspectors(inspectors, planned_date, section=section)
    case = case_create(
        model=ProjectCheck, actor=actor, project=project, kind=kind, method=method, occasion=occasion,
        planned_date=planned_date, plan=plan.strip(), section=section, state=CheckState.PLANNED,
    )
    case_grant_access(case=case, inspectors=inspectors)
    how = kind.label if kind == CheckKind.PERIODIC else f"{kind.label}（{CheckOccasion(occasion).label}）"
    case_event_record(
        case=case, actor=actor, action=WORKFLOW["plan"].label, step="plan", from_state="", to_state=case.state,
        reason=f"{project.name}：{how}，{method.label}，计划{cn_date(planned_date)}",
        late_reason=late_reason.strip() if late else "",
    )
    return case


def _last_step_day(case: ProjectCheck) -> datetime.date | None:
    last = case.step_records.order_by("-step").first()
    return last.done_on if last else None


def _record(case: ProjectCheck, step: int, done_on, inspectors, participants: str, notes: str, actor: User):
    previous = _last_step_day(case)
    if previous is not None and done_on < previous:
        raise RuleViolation(rules.STEP_ORDER, f"上一步骤的日期为{cn_date(previous)}")
    record = CheckStepRecord.objects.create(
        check_case=case, step=step, done_on=done_on, participants=participants.strip(), notes=notes.strip(),
        recorded_by=actor,
    )
    record.inspectors.set(inspectors)
    return record


@transaction.atomic(durable=True)
def step_record(
    *,
    actor: User,
    case: ProjectCheck,
    step: int,
    done_on: datetime.date,
    inspectors: list[User],
    participants: str = "",
    notes: str = "",
    late_reason: str = "",
) -> ProjectCheck:
    """Record one of the steps (1)(3)–(7) of 三（五）5 with its date and people, in order."""
    step = ProcedureStep(int(step))
    if step not in RECORDED_STEPS:
        raise ValueError(f"step {step} is recorded by its document")
    late = late_entry(done_on, "日期", case=case, late_reason=late_reason)
    if not inspectors:
        raise RuleViolation(rules.STEP_PEOPLE)

    def check(c: ProjectCheck) -> None:
        handlers = set(c.inspectors.values_list("pk", flat=True)) | {c.section.chief_id}
        strangers = [u for u in inspectors if u.pk not in handlers]
        if strangers:
            raise RuleViolation(rules.STEP_PEOPLE, "、".join(_name(u) for u in strangers) + "不是本次检查的承办人员")

    case, _ = WORKFLOW.run(
        STEP_NAMES[step], case=case, actor=actor, check=check,
        apply=lambda c: _record(c, step, done_on, inspectors, participants, notes, actor),
        reason=f"{cn_date(done_on)}，{'、'.join(_name(u) for u in inspectors)}", late_reason=late,
    )
    return case


def _texts_required(rule, *values: str) -> None:
    if not all(v.strip() for v in values):
        raise RuleViolation(rule)


@transaction.atomic(durable=True)
def notice_draft(*, actor: User, case: ProjectCheck, requirements: str) -> ProjectCheck:
    """Draft the notice of the check (三（五）5(2)) for approval; the project and the date come from the case."""
    _texts_required(rules.NOTICE_CONTENTS, requirements)

    def apply(c: ProjectCheck) -> None:
        c.notice_document = document_draft(
            actor=actor, case=c, kind_code=rules.KIND_CHECK_NOTICE, texts={"requirements": requirements}
        )

    case, _ = WORKFLOW.run("notice_draft", case=case, actor=actor, apply=apply, reason="报送审批后签发、下发")
    return case


def _served_step(document, actor: User, step_name: str, field: str, step: int, then=None) -> ProjectCheck:
    """A document's on_served hook: the step it stands for, dated the day it was served, by the case's people."""

    def check(c: ProjectCheck) -> None:
        if getattr(c, f"{field}_id") != document.pk:
            raise RuleViolation(rules.DOCUMENT_NOT_ISSUED, "该文书不是本次检查的文书")

    def apply(c: ProjectCheck) -> None:
        _record(c, step, document.served_on, list(c.inspectors.all()), document.served_recipient, "", actor)
        if then is not None:
            then(c)

    case, _ = WORKFLOW.run(
        step_name, case=document.case, actor=actor, check=check, apply=apply,
        reason=f"{document.number}于{cn_date(document.served_on)}送达",
    )
    return case


def notice_served(*, document, actor: User) -> ProjectCheck:
    return _served_step(document, actor, "notify", "notice_document", ProcedureStep.NOTIFY)


@transaction.atomic(durable=True)
def feedback_draft(*, actor: User, case: ProjectCheck, results: str, suggestions: str) -> ProjectCheck:
    """Draft the feedback (三（五）5(8)): the results of the check and suggestions on matters to coordinate."""
    _texts_required(rules.FEEDBACK_CONTENTS, results, suggestions)

    def apply(c: ProjectCheck) -> None:
        c.feedback_document = document_draft(
            actor=actor, case=c, kind_code=rules.KIND_FEEDBACK, texts={"results": results, "suggestions": suggestions}
        )

    case, _ = WORKFLOW.run("feedback_draft", case=case, actor=actor, apply=apply, reason="报送审批后签发、反馈")
    return case


def _next_periodic(c: ProjectCheck, served_on: datetime.date) -> None:
    """A periodic check done: the year's period is met and the next year's starts (三（五）4(1))."""
    if c.kind != CheckKind.PERIODIC:
        return
    running = periodic_deadline(c.project)
    if running is not None:
        deadline_meet(deadline=running, on=served_on)
    deadline_open(case=c.project, rule_code=rules.RULE_PERIODIC_CHECK, start=served_on, label=PERIODIC_LABEL)


def feedback_served(*, document, actor: User) -> ProjectCheck:
    return _served_step(
        document, actor, "feedback", "feedback_document", ProcedureStep.FEEDBACK,
        then=lambda c: _next_periodic(c, document.served_on),
    )


@transaction.atomic(durable=True)
def check_close(
    *, actor: User, case: ProjectCheck, reason: str, closed_on: datetime.date | None = None, late_reason: str = ""
) -> ProjectCheck:
    closed_on = closed_on or timezone.localdate()
    late = late_entry(closed_on, "结案日期", case=case, late_reason=late_reason)

    def check(c: ProjectCheck) -> None:
        if not reason.strip():
            raise RuleViolation(rules.CLOSE_REASON)

    def apply(c: ProjectCheck) -> None:
        c.closed_on, c.close_reason = closed_on, reason.strip()

    case, _ = WORKFLOW.run("close", case=case, actor=actor, check=check, apply=apply, reason=reason, late_reason=late)
    return case
