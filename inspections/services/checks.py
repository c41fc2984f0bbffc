"""Oversight checks (三（一）1–4): opening, calling up and scoring case files of any regime, site checks, the
summary with rectification opinions notified to the checked sections, their report, closing."""

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from linggao_mi.attachments.services import attachment_add, attachment_store
from linggao_mi.casework.checks import check_date
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.services import opening_service
from linggao_mi.deadlines.periods import cn_date
from linggao_mi.deadlines.services import deadline_open
from linggao_mi.notifications.services import notify
from linggao_mi.org.models import Section

from .. import rules
from ..choices import CheckContent, CheckMethod, CheckOrigin, FileGrade
from ..models import FileScore, OversightCheck
from ..selectors import case_by_reference
from ..workflow import CHECK_WORKFLOW as WORKFLOW
from .common import case_open, meet, written_report_date


@opening_service
def check_open(
    *,
    actor: User,
    origin: str,
    checked_sections: list[Section],
    contents: list[str],
    methods: list[str],
    started_on: datetime.date,
    inspectors: list[User],
    checked_staff: Iterable[User] = (),
    origin_note: str = "",
    section: Section | None = None,
) -> OversightCheck:
    """开展执法监督检查 (三（一）4(1)): who is checked, the contents (2), the methods (3, combinable)."""
    origin = CheckOrigin(origin)
    contents, methods = sorted(set(map(str, contents)), key=int), sorted(set(methods))
    if not contents or any(c not in CheckContent.values for c in contents):
        raise RuleViolation(rules.CHECK_CONTENTS)
    if not methods or any(m not in CheckMethod.values for m in methods):
        raise RuleViolation(rules.CHECK_METHODS)
    if not checked_sections:
        raise RuleViolation(rules.CHECK_TARGETS)
    checked_staff = list(checked_staff)
    ids = {s.pk for s in checked_sections}
    outsiders = [u for u in checked_staff if getattr(getattr(u, "profile", None), "section_id", None) not in ids]
    if outsiders:
        raise RuleViolation(
            rules.CHECK_STAFF_OF_SECTIONS, "、".join(u.get_full_name() or u.username for u in outsiders)
        )
    check_date(started_on, "检查开始日期")
    case = case_open(
        workflow=WORKFLOW,
        actor=actor,
        inspectors=inspectors,
        section=section,
        reason=f"{origin.label}；{'、'.join(CheckMethod(m).label for m in methods)}",
        origin=origin,
        origin_note=origin_note.strip(),
        contents=contents,
        methods=methods,
        started_on=started_on,
    )
    case.checked_sections.set(checked_sections)
    case.checked_staff.set(checked_staff)
    return case


def grade_of(total: int) -> str:
    return FileGrade.EXCELLENT if total >= 90 else FileGrade.PASS if total >= 60 else FileGrade.FAIL


def check_score_sheet(items: dict[str, int]) -> int:
    """Each item of the sheet (rules.SCORE_SHEET) scored within its points; returns the total."""
    if set(items) != set(rules.SCORE_SHEET):
        raise RuleViolation(rules.FILE_SCORE_RANGE, f"评分表应包括：{'、'.join(rules.SCORE_SHEET)}")
    for name, points in items.items():
        if not isinstance(points, int) or isinstance(points, bool) or not 0 <= points <= rules.SCORE_SHEET[name]:
            raise RuleViolation(rules.FILE_SCORE_RANGE, f"“{name}”满分{rules.SCORE_SHEET[name]}分，所填{points}")
    return sum(items.values())


@transaction.atomic(durable=True)
def file_score(
    *,
    actor: User,
    case: OversightCheck,
    reference: str,
    items: dict[str, int],
    scored_on: datetime.date,
    problems: str = "",
) -> FileScore:
    """案卷评查 (三（一）4(2)): call up any regime's case by its 案号 and keep its score sheet with the check."""
    target = case_by_reference(reference)
    check_date(scored_on, "评查日期")
    total = check_score_sheet(items)

    def check(c: OversightCheck) -> None:
        if isinstance(target, OversightCheck) and target.pk == c.pk:
            raise RuleViolation(rules.FILE_OWN_CASE)
        if c.scores.filter(content_type=ContentType.objects.get_for_model(target), object_id=target.pk).exists():
            raise RuleViolation(rules.FILE_SCORED, target.reference)

    def apply(c: OversightCheck) -> FileScore:
        return FileScore.objects.create(
            check_case=c,
            case=target,
            reference=target.reference,
            items=items,
            total=total,
            grade=grade_of(total),
            problems=problems.strip(),
            scored_by=actor,
            scored_on=scored_on,
        )

    _, score = WORKFLOW.run(
        "file_score",
        case=case,
        actor=actor,
        check=check,
        apply=apply,
        reason=f"{target.reference}：{total}分（{FileGrade(grade_of(total)).label}）",
    )
    return score


@transaction.atomic(durable=True)
def site_check(*, actor: User, case: OversightCheck, checked_on: datetime.date, notes: str) -> OversightCheck:
    """现场核查 (三（一）4(2)): what was found on site."""
    check_date(checked_on, "现场核查日期")

    def check(c: OversightCheck) -> None:
        if not notes.strip():
            raise RuleViolation(rules.SITE_NOTES)

    def apply(c: OversightCheck) -> None:
        entry = f"{cn_date(checked_on)}：{notes.strip()}"
        c.site_notes = f"{c.site_notes}\n{entry}".strip()

    case, _ = WORKFLOW.run("site_check", case=case, actor=actor, check=check, apply=apply, reason=notes.strip()[:200])
    return case


@transaction.atomic(durable=True)
def check_summarize(
    *,
    actor: User,
    case: OversightCheck,
    summary: str,
    opinions: str,
    summarized_on: datetime.date,
    report_days: int | None = None,
) -> OversightCheck:
    """总结 (三（一）4(3)): with rectification opinions the checked sections are notified and their report is a
    deadline (the rule's days unless the bureau sets others); without, the check is ready to close."""
    check_date(summarized_on, "总结日期")
    branch = "rectify" if opinions.strip() else "clean"

    def check(c: OversightCheck) -> None:
        if not summary.strip():
            raise RuleViolation(rules.SUMMARY_REQUIRED)
        if summarized_on < c.started_on:
            raise RuleViolation(rules.SUMMARY_REQUIRED, f"总结日期早于检查开始日期{cn_date(c.started_on)}")

    def apply(c: OversightCheck) -> None:
        c.summary, c.opinions, c.summarized_on = summary.strip(), opinions.strip(), summarized_on
        if branch == "rectify":
            c.report_deadline = deadline_open(
                case=c,
                rule_code=rules.RULE_CHECK_REPORT,
                start=summarized_on,
                amount=report_days,
                label="报告整改纠正情况",
            )
            for section in c.checked_sections.select_related("chief"):
                if section.chief is not None:
                    notify(
                        user=section.chief,
                        key=f"inspections.check.{c.pk}.opinions.{section.pk}",
                        subject=f"执法监督检查整改意见：{c.reference}",
                        body=f"{c.opinions}\n请于{cn_date(c.report_deadline.due)}前书面报告整改纠正情况。",
                    )

    case, _ = WORKFLOW.run(
        "summarize",
        case=case,
        actor=actor,
        check=check,
        apply=apply,
        branch=branch,
        reason=opinions.strip()[:200] or "未发现普遍性、倾向性问题",
    )
    return case


@transaction.atomic(durable=True)
def check_report_receive(
    *,
    actor: User,
    case: OversightCheck,
    received_on: datetime.date,
    summary: str,
    uploads: Iterable = (),
    late_reason: str = "",
) -> OversightCheck:
    """The checked sections' report on their correction (三（一）4(3)): meets its deadline (late is recorded)."""
    late = written_report_date(case, received_on, case.summarized_on, "报告收到日期", late_reason)
    uploads = [attachment_store(u) for u in uploads]

    def check(c: OversightCheck) -> None:
        if not (uploads and summary.strip()):
            raise RuleViolation(rules.REPORT_IN_WRITING)

    def apply(c: OversightCheck) -> None:
        c.report_received_on, c.report_summary = received_on, summary.strip()
        meet(c.report_deadline, received_on)
        for upload in uploads:
            attachment_add(actor=actor, case=c, upload=upload, description="整改纠正情况报告")

    case, _ = WORKFLOW.run(
        "report_receive",
        case=case,
        actor=actor,
        check=check,
        apply=apply,
        reason=f"{cn_date(received_on)}收到整改纠正情况报告",
        late_reason=late,
    )
    return case


@transaction.atomic(durable=True)
def check_close(*, actor: User, case: OversightCheck, reason: str = "") -> OversightCheck:
    def apply(c: OversightCheck) -> None:
        c.closed_on = timezone.localdate()

    case, _ = WORKFLOW.run("close", case=case, actor=actor, apply=apply, reason=reason.strip() or "办结")
    return case
