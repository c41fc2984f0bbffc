"""Supervision notices (三（一）5): the 《执法监督通知（决定）书》 drafted from the case (法制审核, approval, issue and
serving through the documents' workflow), the correction within its deadline, 复查 applied for within 10 days of
receipt and decided within 15 days, the written report of the result, closing."""

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from linggao_mi.attachments.services import attachment_add, attachment_store
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.deadlines.periods import Unit, cn_date
from linggao_mi.deadlines.services import deadline_open
from linggao_mi.documents.services import document_draft
from linggao_mi.org.models import Section

from .. import rules
from ..choices import NoticeDecision, NoticeSituation, ReviewResult
from ..models import OversightCheck, SupervisionCase
from ..workflow import SUPERVISION_WORKFLOW as WORKFLOW
from .common import case_open, meet, waive, written_report_date


@transaction.atomic(durable=True)
def supervision_open(
    *,
    actor: User,
    checked_section: Section,
    situations: list[str],
    facts: str,
    decision: str,
    decision_text: str,
    basis: str,
    execution: str,
    correction_days: int,
    inspectors: list[User],
    source_check: OversightCheck | None = None,
    section: Section | None = None,
) -> SupervisionCase:
    """责令纠正或者撤销 (三（一）5): the case with the notice's contents, and the notice drafted for 法制审核."""
    situations = sorted(set(map(str, situations)), key=int)
    if not situations or any(s not in NoticeSituation.values for s in situations):
        raise RuleViolation(rules.NOTICE_SITUATIONS)
    decision = NoticeDecision(decision)
    if not all(v.strip() for v in (facts, decision_text, basis, execution)):
        raise RuleViolation(rules.NOTICE_CONTENTS)
    if not isinstance(correction_days, int) or not 1 <= correction_days <= 365:
        raise RuleViolation(rules.NOTICE_DAYS, f"所填{correction_days}")
    case = case_open(
        workflow=WORKFLOW,
        actor=actor,
        inspectors=inspectors,
        section=section,
        reason=f"{checked_section.name}：{decision.label}",
        checked_section=checked_section,
        situations=situations,
        facts=facts.strip(),
        decision=decision,
        decision_text=decision_text.strip(),
        basis=basis.strip(),
        execution=execution.strip(),
        correction_days=correction_days,
        source_check=source_check,
    )
    case.notice_document = document_draft(actor=actor, case=case, kind_code=rules.KIND_SUPERVISION_NOTICE)
    case.save(update_fields=["notice_document"])
    return case


def notice_served(*, document, actor: User) -> SupervisionCase:
    """The notice was served (documents' on_served hook, inside the serving transaction): the correction period
    (the notice's days) and the 10-day window for 复查 start from the served date."""
    served_on = document.served_on

    def check(c: SupervisionCase) -> None:
        if c.notice_document_id != document.pk:
            raise RuleViolation(rules.NOTICE_CONTENTS, "该文书不是本案的执法监督通知（决定）书")

    def apply(c: SupervisionCase) -> None:
        c.served_on = served_on
        c.correction_deadline = deadline_open(
            case=c,
            rule_code=rules.RULE_CORRECTION,
            start=served_on,
            amount=c.correction_days,
            unit=Unit.DAYS,
            label="按执法监督通知（决定）书纠正并书面报告",
        )
        # The unit's window, not the bureau's duty: nobody is reminded when it runs out unused.
        c.review_window = deadline_open(
            case=c, rule_code=rules.RULE_REVIEW_WINDOW, start=served_on, responsible=[], label="复查申请期间"
        )

    case, _ = WORKFLOW.run(
        "notice_served",
        case=document.case,
        actor=actor,
        check=check,
        apply=apply,
        reason=f"{document.number}于{cn_date(served_on)}送达",
    )
    return case


def check_review_in_time(case: SupervisionCase, received_on: datetime.date) -> None:
    """A 复查 application within the window counted from receipt of the notice (三（一）5), else refused."""
    window = case.review_window
    if received_on > window.due:
        raise RuleViolation(
            rules.REVIEW_LATE,
            f"通知书于{cn_date(case.served_on)}送达，申请期限至{cn_date(window.due)}，申请于{cn_date(received_on)}收到",
        )


@transaction.atomic(durable=True)
def review_apply(
    *,
    actor: User,
    case: SupervisionCase,
    received_on: datetime.date,
    grounds: str,
    uploads: Iterable = (),
    late_reason: str = "",
) -> SupervisionCase:
    """登记复查申请: within 10 days of receipt; the 15-day decision period starts from the application's receipt."""
    late = written_report_date(case, received_on, case.served_on, "收到复查申请日期", late_reason)
    uploads = [attachment_store(u) for u in uploads]

    def check(c: SupervisionCase) -> None:
        check_review_in_time(c, received_on)
        if not (grounds.strip() and uploads):
            raise RuleViolation(rules.REVIEW_GROUNDS)

    def apply(c: SupervisionCase) -> None:
        c.review_received_on, c.review_grounds = received_on, grounds.strip()
        meet(c.review_window, received_on)
        c.review_deadline = deadline_open(
            case=c, rule_code=rules.RULE_REVIEW_DECISION, start=received_on, label="作出复查决定"
        )
        for upload in uploads:
            attachment_add(actor=actor, case=c, upload=upload, description="复查申请书")

    case, _ = WORKFLOW.run(
        "review_apply",
        case=case,
        actor=actor,
        check=check,
        apply=apply,
        reason=f"{cn_date(received_on)}收到复查申请",
        late_reason=late,
    )
    return case


@transaction.atomic(durable=True)
def review_draft(*, actor: User, case: SupervisionCase, result: str, reasons: str) -> SupervisionCase:
    """The review decision drafted as a 复查决定书 (法制审核, then the chief's approval)."""
    result = ReviewResult(result)

    def check(c: SupervisionCase) -> None:
        if not reasons.strip():
            raise RuleViolation(rules.REVIEW_DECISION)

    def apply(c: SupervisionCase) -> None:
        c.review_result, c.review_reasons = result, reasons.strip()
        c.review_document = document_draft(actor=actor, case=c, kind_code=rules.KIND_REVIEW_DECISION)

    case, _ = WORKFLOW.run("review_draft", case=case, actor=actor, check=check, apply=apply, reason=result.label)
    return case


def review_served(*, document, actor: User) -> SupervisionCase:
    """The 复查决定书 was served (on_served hook): the decision was made when issued — the 15-day period is met on
    that day (late is recorded as late); after it the unit complies, or, the decision withdrawn, the case ends."""

    def check(c: SupervisionCase) -> None:
        if c.review_document_id != document.pk:
            raise RuleViolation(rules.REVIEW_DECISION, "该文书不是本案的复查决定书")

    def apply(c: SupervisionCase) -> None:
        meet(c.review_deadline, document.issued_on)
        if c.review_result == ReviewResult.WITHDRAWN:
            waive(c.correction_deadline, actor, "复查决定撤销原决定，无需纠正")
            c.closed_on = document.served_on

    case = document.case
    reason = f"{document.number}于{cn_date(document.issued_on)}作出，{cn_date(document.served_on)}送达"
    if case.review_deadline and document.issued_on > case.review_deadline.due:
        reason += f"；超过复查决定期限（应于{cn_date(case.review_deadline.due)}前作出）"
    case, _ = WORKFLOW.run(
        "review_served", case=case, actor=actor, check=check, apply=apply, branch=case.review_result, reason=reason
    )
    return case


@transaction.atomic(durable=True)
def supervision_report_receive(
    *,
    actor: User,
    case: SupervisionCase,
    received_on: datetime.date,
    summary: str,
    uploads: Iterable = (),
    late_reason: str = "",
) -> SupervisionCase:
    """The unit's written report of the result (三（一）5): meets the correction deadline (late is recorded)."""
    late = written_report_date(case, received_on, case.served_on, "执行结果报告收到日期", late_reason)
    uploads = [attachment_store(u) for u in uploads]

    def check(c: SupervisionCase) -> None:
        if not (uploads and summary.strip()):
            raise RuleViolation(rules.REPORT_IN_WRITING)

    def apply(c: SupervisionCase) -> None:
        c.report_received_on, c.report_summary = received_on, summary.strip()
        meet(c.correction_deadline, received_on)
        waive(c.review_window, actor, "已报告执行结果，未申请复查")
        for upload in uploads:
            attachment_add(actor=actor, case=c, upload=upload, description="执行结果报告")

    reason = f"{cn_date(received_on)}收到执行结果报告"
    if case.correction_deadline and received_on > case.correction_deadline.due:
        reason += f"；超过限定期限（{cn_date(case.correction_deadline.due)}）"
    case, _ = WORKFLOW.run(
        "report_receive", case=case, actor=actor, check=check, apply=apply, reason=reason, late_reason=late
    )
    return case


@transaction.atomic(durable=True)
def supervision_close(*, actor: User, case: SupervisionCase, reason: str = "") -> SupervisionCase:
    def apply(c: SupervisionCase) -> None:
        c.closed_on = timezone.localdate()

    case, _ = WORKFLOW.run("close", case=case, actor=actor, apply=apply, reason=reason.strip() or "已纠正，办结")
    return case
