"""Extensions of the rectification period (三（四）6(6)): a written request in the window, a decision within 5
working days by the chief or a leader, at most what was asked and at most 6 months in all, in a 延期决定书."""

import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from linggao_mi.attachments.services import attachment_add, attachment_store
from linggao_mi.casework.checks import late_entry
from linggao_mi.casework.rules import DATE_ORDER, RuleViolation
from linggao_mi.deadlines.periods import Unit, cn_date, period_text
from linggao_mi.deadlines.services import deadline_meet, deadline_open, deadline_reschedule, rule_get
from linggao_mi.documents.services import document_draft

from .. import rules
from ..choices import ExtensionState
from ..models import ExtensionRequest, InspectionCase
from ..workflow import WORKFLOW, extension_window


def _check_months(case: InspectionCase, months: int | None) -> None:
    cap = rule_get(rules.RULE_EXTENSION_MAX).amount
    if not months or months < 1 or case.extension_months + months > cap:
        raise RuleViolation(
            rules.EXTENSION_MAX, f"现行上限为累计{cap}个月，已准予{case.extension_months}个月，本次{months or 0}个月"
        )


@transaction.atomic(durable=True)
def extension_request(
    *,
    actor: User,
    case: InspectionCase,
    received_on: datetime.date,
    requested_months: int,
    reasons: str,
    upload=None,
    late_reason: str = "",
) -> ExtensionRequest:
    """Register a written extension request; the decision deadline opens on its receipt."""
    late = late_entry(received_on, "收到申请日期", case=case, late_reason=late_reason)
    upload = attachment_store(upload) if upload is not None else None  # written before the case is locked

    def check(c: InspectionCase) -> None:
        start, end = extension_window(c)
        if not start <= received_on <= end:
            rule = rule_get(rules.RULE_EXTENSION_WINDOW)
            raise RuleViolation(
                rules.EXTENSION_WINDOW,
                f"整改期限届满日为{cn_date(end)}，受理期间为{cn_date(start)}至{cn_date(end)}（届满前"
                f"{period_text(rule.amount, rule.unit)}），申请于{cn_date(received_on)}收到",
            )
        if upload is None:
            raise RuleViolation(rules.EXTENSION_IN_WRITING)
        if not reasons.strip():
            raise RuleViolation(rules.EXTENSION_REQUEST_REASONS)
        _check_months(c, requested_months)

    def apply(c: InspectionCase) -> ExtensionRequest:
        deadline = deadline_open(
            case=c, rule_code=rules.RULE_EXTENSION_DECISION, start=received_on, label="延期申请决定"
        )
        attachment_add(actor=actor, case=c, upload=upload, description="书面延期申请")
        return ExtensionRequest.objects.create(
            case=c, received_on=received_on, requested_months=requested_months, reasons=reasons.strip(),
            decision_deadline=deadline,
        )

    _, extension = WORKFLOW.run(
        "extension_request", case=case, actor=actor, check=check, apply=apply,
        reason=f"申请延期{requested_months}个月：{reasons.strip()}", late_reason=late,
    )
    return extension


@transaction.atomic(durable=True)
def extension_decide(
    *,
    actor: User,
    case: InspectionCase,
    approve: bool,
    reasons: str,
    decided_on: datetime.date | None = None,
    granted_months: int | None = None,
    late_reason: str = "",
) -> ExtensionRequest:
    """Decide the pending request: grant at most what was asked (and at most the total cap) or refuse, with
    reasons; an approval moves the rectification deadline. The 延期决定书 is drafted for approval and service."""
    decided_on = decided_on or timezone.localdate()
    late = late_entry(decided_on, "决定日期", case=case, late_reason=late_reason)

    def check(c: InspectionCase) -> None:
        ext = c.extensions.get(state=ExtensionState.PENDING)
        if not reasons.strip():
            raise RuleViolation(rules.EXTENSION_DECISION_REASONS)
        if decided_on < ext.received_on:
            raise RuleViolation(DATE_ORDER, "决定日期早于收到申请日期")
        if approve:
            months = granted_months or ext.requested_months
            if months > ext.requested_months:
                raise RuleViolation(
                    rules.EXTENSION_GRANT_EXCEEDS, f"申请延期{ext.requested_months}个月，拟准予{months}个月"
                )
            _check_months(c, months)

    def apply(c: InspectionCase) -> ExtensionRequest:
        ext = c.extensions.select_related("decision_deadline").get(state=ExtensionState.PENDING)
        months = (granted_months or ext.requested_months) if approve else None
        ext.state = ExtensionState.APPROVED if approve else ExtensionState.REFUSED
        ext.decided_on, ext.decision_reasons, ext.decided_by, ext.granted_months = (
            decided_on, reasons.strip(), actor, months,
        )
        deadline_meet(deadline=ext.decision_deadline, on=decided_on)
        if approve:
            c.extension_months += months
            rect = c.rectification_deadline
            deadline_reschedule(
                deadline=rect, start=rect.start, amount=c.rectification_months + c.extension_months, unit=Unit.MONTHS
            )
        ext.save()
        ext.decision_document = document_draft(actor=actor, case=c, kind_code=rules.KIND_EXTENSION_DECISION)
        ext.save(update_fields=["decision_document"])
        return ext

    months = granted_months or "申请的"
    _, extension = WORKFLOW.run(
        "extension_decide", case=case, actor=actor, check=check, apply=apply,
        reason=(f"准予延期{months}个月" if approve else "不予延期") + f"：{reasons.strip()}", late_reason=late,
    )
    return extension
