"""The workflow of an energy inspection (三（四）) as one table: the steps, where each may be taken, where it leads,
who may take it and the rules about the case that must hold. Services, the case page, its progress view, the
API's transition endpoints and the permission-matrix tests all read this table.
"""

import datetime

from django.utils import timezone

from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.workflow import CREATE, DECIDE, HANDLE, Step, Workflow, path_guard, unblocked_by
from linggao_mi.deadlines.periods import cn_date, compute_due, period_text, window_start
from linggao_mi.deadlines.services import rule_get
from linggao_mi.documents.choices import DocumentState

from . import rules
from .choices import INSPECTED, CaseState, ExtensionState, Mode, Outcome, VerificationResult
from .models import InspectionCase

S = CaseState

# ---------------------------------------------------------------- guards: rules about the case itself


@path_guard
def needs_notice(case: InspectionCase) -> None:
    if not case.needs_notice:
        raise RuleViolation(rules.NOTICE_LEAD, f"{case.get_trigger_display()}的现场监察无需提前书面通知")


def notice_outdated(document, case: InspectionCase) -> bool:
    """Whether an issued notice states another date than the case's (a recorded correction changed it since)."""
    return document.facts.get("planned_date") != cn_date(case.planned_date)


def notice_superseded(case: InspectionCase) -> bool:
    """An issued, unserved notice that a correction made outdated: it can no longer be served, and a new notice is
    drafted in its place."""
    document = case.notice_document
    return document is not None and document.state == DocumentState.ISSUED and notice_outdated(document, case)


@unblocked_by(document="notice_document")
def no_notice_in_progress(case: InspectionCase) -> None:
    document = case.notice_document
    if document is not None and document.state != DocumentState.SERVED and not notice_superseded(case):
        raise RuleViolation(rules.NOTICE_ALREADY, f"{document.kind.name}当前为“{document.get_state_display()}”")


@unblocked_by(document="notice_document", step="notice_draft")
def notice_issued(case: InspectionCase) -> None:
    document = case.notice_document
    if document is None or document.state not in (DocumentState.ISSUED, DocumentState.SERVED):
        raise RuleViolation(rules.NOTICE_REQUIRED, "节能监察通知书尚未签发")


@path_guard
def written_mode(case: InspectionCase) -> None:
    if case.mode != Mode.WRITTEN:
        raise RuleViolation(rules.MODE_WRITTEN_ONLY, "本案为现场监察")


@path_guard
def onsite_mode(case: InspectionCase) -> None:
    if case.mode != Mode.ONSITE:
        raise RuleViolation(rules.MODE_ONSITE_ONLY, "本案为书面监察")


@unblocked_by(document="notice_document", step="notice_draft")
def notified_if_needed(case: InspectionCase) -> None:
    if case.needs_notice and case.notice_served_on is None:
        raise RuleViolation(rules.NOTICE_REQUIRED, "节能监察通知书尚未送达")


def earliest_onsite_date(notice_served_on: datetime.date) -> datetime.date:
    """The first day an on-site inspection may take place after a notice served on `notice_served_on`.

    A lead time is not a period the unit must act in, so a holiday does not push it on: the nominal day.
    """
    rule = rule_get(rules.RULE_NOTICE_LEAD)
    return compute_due(notice_served_on, rule.amount, rule.unit).nominal


def check_notice_lead(notice_served_on: datetime.date, inspection_day: datetime.date) -> None:
    earliest = earliest_onsite_date(notice_served_on)
    if inspection_day < earliest:
        rule = rule_get(rules.RULE_NOTICE_LEAD)
        raise RuleViolation(
            rules.NOTICE_LEAD,
            f"现行规定须提前{period_text(rule.amount, rule.unit)}通知；书面通知于{cn_date(notice_served_on)}送达的，"
            f"现场监察最早可于{cn_date(earliest)}实施",
        )


def onsite_day_reached(case: InspectionCase) -> None:
    """No 笔录 before the notice's lead has run: a record is dated, at the latest, today."""
    if case.needs_notice and case.notice_served_on:
        check_notice_lead(case.notice_served_on, timezone.localdate())


@unblocked_by(step="reply_require")
def reply_pending(case: InspectionCase) -> None:
    if not case.written_replies.filter(received_on__isnull=True).exists():
        raise RuleViolation(rules.WRITTEN_REPLY_NONE)


@unblocked_by(step="testing_result")
def testing_done(case: InspectionCase) -> None:
    pending = case.testings.filter(results="")
    if pending.exists():
        raise RuleViolation(rules.TESTING_PENDING, "、".join(t.agency_name for t in pending))


@unblocked_by(step="testing_commission")
def testing_open(case: InspectionCase) -> None:
    if not case.testings.filter(results="").exists():
        raise RuleViolation(rules.TESTING_PENDING, "没有待出具结论的委托检测")


@unblocked_by(document="outcome_document")
def outcome_document_issued(case: InspectionCase) -> None:
    document = case.outcome_document
    if document is None or document.state not in (DocumentState.ISSUED, DocumentState.SERVED):
        state = document.get_state_display() if document else "尚未起草"
        raise RuleViolation(rules.OUTCOME_DOCUMENT_NOT_ISSUED, f"处理文书当前为“{state}”")


@unblocked_by(step="extension_decide")
def no_pending_extension(case: InspectionCase) -> None:
    if case.extensions.filter(state=ExtensionState.PENDING).exists():
        raise RuleViolation(rules.EXTENSION_PENDING)


@unblocked_by(step="extension_request")
def pending_extension(case: InspectionCase) -> None:
    if not case.extensions.filter(state=ExtensionState.PENDING).exists():
        raise RuleViolation(rules.EXTENSION_NONE_PENDING)


def extension_window(case: InspectionCase) -> tuple[datetime.date, datetime.date] | None:
    """The days on which a written request is in time: the N days that end on the period's last day."""
    deadline = case.rectification_deadline
    if deadline is None:
        return None
    rule = rule_get(rules.RULE_EXTENSION_WINDOW)
    return window_start(deadline.due, rule.amount, rule.unit), deadline.due


def extension_window_open(case: InspectionCase) -> None:
    """A request is received in the N days before the rectification period ends: not offered before, nor after."""
    window = extension_window(case)
    if window is None:
        return
    start, end = window
    today = timezone.localdate()
    if today < start:
        raise RuleViolation(rules.EXTENSION_WINDOW, f"受理期间为{cn_date(start)}至{cn_date(end)}")
    if today > end:
        raise RuleViolation(rules.EXTENSION_WINDOW, f"整改期限已于{cn_date(end)}届满")


def overdue_if_rectifying(case: InspectionCase) -> None:
    """Escalated from rectification only once the period has run out (verification failures need no wait)."""
    if case.state != S.RECTIFYING:
        return
    deadline = case.rectification_deadline
    if deadline is None or timezone.localdate() <= deadline.due:
        due = f"整改期限至{cn_date(deadline.due)}" if deadline else ""
        raise RuleViolation(rules.ESCALATE_NOT_OVERDUE, due)


# ---------------------------------------------------------------- the table

OUTCOME_TARGETS = {
    Outcome.VIOLATION: S.NOTICE_PENDING,
    Outcome.DIRECT_PENALTY: S.REFERRED,
    Outcome.UNREASONABLE: S.ADVICE_PENDING,
    Outcome.NONE: S.TO_CLOSE,
}

WORKFLOW = Workflow(
    InspectionCase,
    (
        Step("plan", "立案", (), S.PLANNED, CREATE, url_name="case_plan",
             help="选择被监察单位、监察内容（三（四）2）、监察方式（三（四）3）和承办人员"),
        Step("notice_draft", "起草节能监察通知书", (S.PLANNED,), None, HANDLE,
             guards=(needs_notice, no_notice_in_progress), url_name="case_notice",
             help="书面通知写明监察的依据、内容、时间和要求，经股长审批、签发后送达（三（四）5(1)(2)）"),
        Step("plan_correct", "更正计划监察日期", (S.PLANNED, S.NOTIFIED), None, HANDLE,
             guards=(onsite_mode,), url_name="case_plan_correct",
             help="以记录的更正改变监察日期，并重新核对提前通知期间和执法证件"),
        Step("notice_served", "节能监察通知书送达", (S.PLANNED,), S.NOTIFIED, HANDLE,
             guards=(needs_notice, notice_issued), document="notice_document",
             help="节能监察通知书在文书页面登记送达后，案件随之进入此步"),
        Step("materials_receive", "登记报送材料", (S.NOTIFIED,), S.MATERIALS_RECEIVED, HANDLE,
             guards=(written_mode,), url_name="case_materials"),
        Step("record_file", "制作现场监察笔录", (S.PLANNED, S.NOTIFIED), S.RECORDED, HANDLE,
             guards=(onsite_mode, notified_if_needed, onsite_day_reached), url_name="case_record"),
        Step("reply_require", "要求限期书面答复", INSPECTED, None, HANDLE, url_name="case_reply_require"),
        Step("reply_receive", "登记书面答复", INSPECTED, None, HANDLE, guards=(reply_pending,),
             url_name="case_reply_receive"),
        Step("testing_commission", "委托节能检测", INSPECTED, None, HANDLE, url_name="case_testing"),
        Step("testing_result", "登记检测结论", INSPECTED, None, HANDLE, guards=(testing_open,),
             url_name="case_testing_result"),
        Step("outcome_decide", "作出处理决定", INSPECTED, OUTCOME_TARGETS, HANDLE, guards=(testing_done,),
             url_name="case_outcome",
             help="建议有关部门处罚或者处理的，由股长或局领导决定；承办人员报请决定"),
        Step("outcome_propose", "报请股长决定处理意见", INSPECTED, S.OUTCOME_PROPOSED, HANDLE,
             guards=(testing_done,), url_name="case_outcome"),
        Step("outcome_confirm", "决定处理意见", (S.OUTCOME_PROPOSED,), OUTCOME_TARGETS, DECIDE,
             url_name="case_outcome_confirm"),
        Step("outcome_return", "退回处理意见", (S.OUTCOME_PROPOSED,),
             {Mode.ONSITE: S.RECORDED, Mode.WRITTEN: S.MATERIALS_RECEIVED}, DECIDE, url_name="case_outcome_confirm"),
        Step("outcome_served", "处理文书送达", (S.NOTICE_PENDING, S.ADVICE_PENDING),
             {Outcome.VIOLATION: S.RECTIFYING, Outcome.UNREASONABLE: S.CLOSED}, HANDLE,
             guards=(outcome_document_issued,), document="outcome_document",
             help="文书经审批、签发后在文书页面登记送达，案件随之进入下一步（三（四）6(4)）"),
        Step("extension_request", "登记延期申请", (S.RECTIFYING,), None, HANDLE,
             guards=(no_pending_extension, extension_window_open),
             url_name="case_extension_request"),
        Step("extension_decide", "决定延期申请", (S.RECTIFYING,), None, DECIDE, guards=(pending_extension,),
             url_name="case_extension_decide"),
        Step("report_receive", "登记整改结果", (S.RECTIFYING,), S.REPORTED, HANDLE, url_name="case_report"),
        Step("verify", "核查整改情况", (S.REPORTED,),
             {VerificationResult.PASSED: S.TO_CLOSE, VerificationResult.FAILED: S.UNRESOLVED}, HANDLE,
             url_name="case_verify"),
        Step("escalate", "决定移送处理", (S.RECTIFYING, S.UNRESOLVED), S.ESCALATED, DECIDE,
             guards=(no_pending_extension, overdue_if_rectifying), url_name="case_escalate"),
        Step("close", "结案", (S.TO_CLOSE, S.ESCALATED), S.CLOSED, DECIDE, url_name="case_close"),
    ),
)
