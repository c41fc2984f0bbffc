"""Rectification (三（四）6(5)): the unit's written report, its verification, escalation for referral, closing."""

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from linggao_mi.attachments.services import attachment_add, attachment_store
from linggao_mi.casework.checks import late_entry
from linggao_mi.casework.rules import DATE_ORDER, RuleViolation
from linggao_mi.deadlines.periods import cn_date
from linggao_mi.deadlines.services import deadline_meet, deadline_waive

from .. import rules
from ..choices import ExtensionState, VerificationResult
from ..models import InspectionCase
from ..workflow import WORKFLOW
from .outcome import RecommendationInput, check_recommendation, record_recommendation


@transaction.atomic(durable=True)
def report_receive(
    *,
    actor: User,
    case: InspectionCase,
    received_on: datetime.date,
    summary: str,
    uploads: Iterable = (),
    late_reason: str = "",
) -> InspectionCase:
    """The unit's written rectification report; meets the rectification deadline; a pending extension lapses."""
    late = late_entry(received_on, "收到日期", case=case, late_reason=late_reason)
    uploads = [attachment_store(upload) for upload in uploads]  # files are written before the case is locked

    def check(c: InspectionCase) -> None:
        if not uploads:
            raise RuleViolation(rules.REPORT_IN_WRITING)

    def apply(c: InspectionCase) -> None:
        c.report_received_on, c.report_summary = received_on, summary
        if c.rectification_deadline is not None and c.rectification_deadline.closed_on is None:
            deadline_meet(deadline=c.rectification_deadline, on=received_on)
        for ext in c.extensions.filter(state=ExtensionState.PENDING).select_related("decision_deadline"):
            ext.state, ext.decided_on, ext.decided_by = ExtensionState.REFUSED, received_on, actor
            ext.decision_reasons = "已报送整改结果，延期申请不再需要决定"
            ext.save()
            deadline_waive(actor=actor, deadline=ext.decision_deadline, reason=ext.decision_reasons)
        for upload in uploads:
            attachment_add(actor=actor, case=c, upload=upload, description="整改结果报告")

    case, _ = WORKFLOW.run(
        "report_receive", case=case, actor=actor, check=check, apply=apply,
        reason=f"{cn_date(received_on)}收到整改结果", late_reason=late,
    )
    return case


@transaction.atomic(durable=True)
def rectification_verify(
    *, actor: User, case: InspectionCase, verified_on: datetime.date, result: str, notes: str, late_reason: str = ""
) -> InspectionCase:
    """核查: passed → for the chief to close; failed → for the chief to decide the referral."""
    result = VerificationResult(result)
    late = late_entry(verified_on, "核查日期", case=case, late_reason=late_reason)

    def check(c: InspectionCase) -> None:
        if c.report_received_on and verified_on < c.report_received_on:
            raise RuleViolation(DATE_ORDER, "核查日期早于收到整改结果的日期")

    def apply(c: InspectionCase) -> None:
        c.verified_on, c.verification_result, c.verification_notes = verified_on, result, notes

    case, _ = WORKFLOW.run(
        "verify", case=case, actor=actor, check=check, apply=apply, branch=result, reason=f"{result.label}：{notes}",
        late_reason=late,
    )
    return case


@transaction.atomic(durable=True)
def rectification_escalate(
    *, actor: User, case: InspectionCase, recommendation: RecommendationInput | None, reason: str = ""
) -> InspectionCase:
    """Overdue or not rectified: the chief or a leader decides to refer the unit to the competent department
    for penalty or handling (三（四）6(3)), naming it from the department list."""

    def check(c: InspectionCase) -> None:
        check_recommendation(recommendation)

    def apply(c: InspectionCase) -> None:
        record_recommendation(c, recommendation, actor, timezone.localdate())

    department = recommendation.department if recommendation else ""
    case, _ = WORKFLOW.run(
        "escalate", case=case, actor=actor, check=check, apply=apply,
        reason=f"建议{department}依法处理：{reason or '整改期限届满未整改或整改未到位'}",
    )
    return case


@transaction.atomic(durable=True)
def case_close(
    *,
    actor: User,
    case: InspectionCase,
    reason: str,
    closed_on: datetime.date | None = None,
    late_reason: str = "",
) -> InspectionCase:
    """The chief or a leader closes the case: rectified and verified, nothing found, or referred."""
    closed_on = closed_on or timezone.localdate()
    late = late_entry(closed_on, "结案日期", case=case, late_reason=late_reason)

    def check(c: InspectionCase) -> None:
        if not reason.strip():
            raise RuleViolation(rules.CLOSE_REASON)

    def apply(c: InspectionCase) -> None:
        c.closed_on, c.close_reason = closed_on, reason.strip()

    case, _ = WORKFLOW.run(
        "close", case=case, actor=actor, check=check, apply=apply, reason=reason.strip(), late_reason=late
    )
    return case
