"""Every write of an official document. Each transition locks the document row, checks state and the
actor's standing, changes the document, records a CaseEvent on the case and notifies whom it concerns."""

import datetime
import hashlib

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from linggao_mi.attachments.filetypes import sniff_receipt
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.selectors import user_may_change_case
from linggao_mi.casework.services import case_event_record, series_next
from linggao_mi.notifications.services import notify
from linggao_mi.org.choices import Role

from . import rules
from .choices import EDITABLE_STATES, FROZEN_STATES, DocumentState, ServiceMethod
from .models import DocumentKind, OfficialDocument
from .pdf import render_document_pdf
from .selectors import user_approves_for_section


def _require_case_change(actor: User, case) -> None:
    if not user_may_change_case(actor, case):
        raise PermissionDenied


def _lock(document: OfficialDocument) -> OfficialDocument:
    # No select_related: FOR UPDATE would also lock the joined kind and section rows.
    return OfficialDocument.objects.select_for_update().get(pk=document.pk)


def _require_state(document: OfficialDocument, states, doing: str) -> None:
    if document.state not in states:
        raise RuleViolation(
            rules.DOCUMENT_STATE_FORBIDS, f"当前为“{document.get_state_display()}”，不能{doing}"
        )


def _record(*, document: OfficialDocument, case, actor: User, action: str, reason: str = ""):
    """The case's timeline notes the document's step; the case itself stays in its state."""
    summary = f"{document.kind.name}《{document.title}》{document.number}"
    return case_event_record(
        case=case,
        actor=actor,
        action=f"{action}：{document.kind.name}"[:50],
        from_state=case.state,
        to_state=case.state,
        reason=f"{summary}{'；' + reason if reason else ''}",
    )


def _approvers(document: OfficialDocument) -> list[User]:
    chief = document.section.chief
    if chief is not None and chief.is_active and chief.pk != document.drafted_by_id:
        return [chief]
    # A section without a chief (or whose chief drafted it) goes to the leaders.
    return list(
        User.objects.filter(profile__role=Role.LEADER, is_active=True).exclude(pk=document.drafted_by_id)
    )


def _clean_title(title: str) -> str:
    title = (title or "").strip()
    if not title:
        raise RuleViolation(rules.TITLE_REQUIRED)
    return title


def _clean_content(content) -> dict:
    if content is None:
        return {}
    if not isinstance(content, dict):
        raise TypeError("content must be a dict")
    return content


def document_draft(*, actor: User, case, kind_code: str, title: str, content: dict) -> OfficialDocument:
    """A new draft of kind `kind_code` for `case`, by someone who handles the case."""
    _require_case_change(actor, case)
    kind = DocumentKind.objects.get(code=kind_code)
    with transaction.atomic():
        document = OfficialDocument.objects.create(
            kind=kind,
            case=case,
            section=case.section,
            title=_clean_title(title),
            content=_clean_content(content),
            drafted_by=actor,
        )
        _record(document=document, case=case, actor=actor, action="起草文书")
    return document


def document_update(
    *, actor: User, document: OfficialDocument, title: str, content: dict
) -> OfficialDocument:
    """Edit a draft or a returned document; refused once issued."""
    with transaction.atomic():
        document = _lock(document)
        case = document.case
        _require_case_change(actor, case)
        if document.state in FROZEN_STATES:
            raise RuleViolation(rules.ISSUED_IS_FINAL)
        _require_state(document, EDITABLE_STATES, "修改")
        document.title = _clean_title(title)
        document.content = _clean_content(content)
        document.save(update_fields=["title", "content"])
        _record(document=document, case=case, actor=actor, action="修改文书")
    return document


def document_submit(*, actor: User, document: OfficialDocument) -> OfficialDocument:
    """Send a draft (or a returned and revised document) to the section chief for approval."""
    with transaction.atomic():
        document = _lock(document)
        case = document.case
        _require_case_change(actor, case)
        _require_state(document, EDITABLE_STATES, "报送审批")
        document.state = DocumentState.SUBMITTED
        document.submitted_at = timezone.now()
        document.save(update_fields=["state", "submitted_at"])
        event = _record(document=document, case=case, actor=actor, action="文书报送审批")
        for approver in _approvers(document):
            notify(
                user=approver,
                key=f"documents.submitted.{document.pk}.{event.pk}",
                subject=f"待审批：{document.kind.name}《{document.title}》",
                body=f"{_name(actor)} 报送了 {case} 的{document.kind.name}《{document.title}》，请审批。",
                url=document.get_absolute_url(),
            )
    return document


def _name(user: User) -> str:
    return user.get_full_name() or user.username


def _require_approver(actor: User, document: OfficialDocument) -> None:
    if document.drafted_by_id == actor.pk:
        raise RuleViolation(rules.DRAFTER_CANNOT_APPROVE)
    if not user_approves_for_section(actor, document.section):
        raise RuleViolation(rules.APPROVER_ONLY)


def _notify_drafter(document: OfficialDocument, event, what: str, subject: str, body: str) -> None:
    notify(
        user=document.drafted_by,
        key=f"documents.{what}.{document.pk}.{event.pk}",
        subject=subject,
        body=body,
        url=document.get_absolute_url(),
    )


def document_approve(*, actor: User, document: OfficialDocument) -> OfficialDocument:
    """Approval by the chief of the document's section or a leader, never by the drafter."""
    with transaction.atomic():
        document = _lock(document)
        _require_state(document, (DocumentState.SUBMITTED,), "审批")
        _require_approver(actor, document)
        document.state = DocumentState.APPROVED
        document.approved_by = actor
        document.approved_at = timezone.now()
        document.save(update_fields=["state", "approved_by", "approved_at"])
        event = _record(document=document, case=document.case, actor=actor, action="批准文书")
        _notify_drafter(
            document,
            event,
            "approved",
            f"已批准：{document.kind.name}《{document.title}》",
            f"{_name(actor)} 批准了{document.kind.name}《{document.title}》，可以签发。",
        )
    return document


def document_return(*, actor: User, document: OfficialDocument, reason: str) -> OfficialDocument:
    """Return a submitted document to its drafter with the reasons; it can then be revised and resubmitted."""
    reason = (reason or "").strip()
    with transaction.atomic():
        document = _lock(document)
        _require_state(document, (DocumentState.SUBMITTED,), "退回")
        _require_approver(actor, document)
        if not reason:
            raise RuleViolation(rules.RETURN_NEEDS_REASON)
        document.state = DocumentState.RETURNED
        document.return_reason = reason
        document.approved_by = None
        document.approved_at = None
        document.save(update_fields=["state", "return_reason", "approved_by", "approved_at"])
        event = _record(document=document, case=document.case, actor=actor, action="退回文书", reason=reason)
        _notify_drafter(
            document,
            event,
            "returned",
            f"已退回：{document.kind.name}《{document.title}》",
            f"{_name(actor)} 退回了{document.kind.name}《{document.title}》。"
            f"理由：{reason}",
        )
    return document


def document_series_name(kind: DocumentKind) -> str:
    """The name of a kind's 文号 series in casework's Series (the code is fixed once the kind has documents)."""
    return f"document:{kind.code}"


def _next_number(kind: DocumentKind, year: int) -> tuple[str, int]:
    """Take the next 文号 of `kind` in `year`, inside the issuing transaction: a rollback gives it back."""
    serial = series_next(name=document_series_name(kind), year=year)
    return f"{kind.number_prefix}〔{year}〕{serial}号", serial


def document_issue(*, actor: User, document: OfficialDocument) -> OfficialDocument:
    """Issue an approved document: gap-free 文号, PDF rendered and frozen with its SHA-256."""
    with transaction.atomic():
        document = _lock(document)
        case = document.case
        _require_state(document, (DocumentState.APPROVED,), "签发")
        if not (user_may_change_case(actor, case) or user_approves_for_section(actor, document.section)):
            raise PermissionDenied
        now = timezone.now()
        issued_on = timezone.localdate(now)
        document.number, serial = _next_number(document.kind, issued_on.year)
        document.issued_at = now
        document.issued_on = issued_on
        document.issued_by = actor
        document.state = DocumentState.ISSUED
        data = render_document_pdf(document=document, case=case, draft=False, issued_on=issued_on)
        document.sha256 = hashlib.sha256(data).hexdigest()
        name = f"{issued_on.year}/{document.kind.code}-{serial}-{document.sha256[:16]}.pdf"
        document.pdf.save(name, ContentFile(data), save=False)
        try:
            document.save(
                update_fields=["number", "issued_at", "issued_on", "issued_by", "state", "pdf", "sha256"]
            )
            _record(document=document, case=case, actor=actor, action="签发文书")
        except BaseException:
            document.pdf.delete(save=False)
            raise
    return document


def document_serve(
    *,
    actor: User,
    document: OfficialDocument,
    method: str,
    served_on: datetime.date,
    recipient: str,
    receipt=None,
    refused: bool = False,
    note: str = "",
) -> OfficialDocument:
    """Record the service (送达) of an issued document; a refusal must be noted."""
    if method not in ServiceMethod.values:
        raise ValueError(f"unknown service method {method!r}")
    recipient, note = (recipient or "").strip(), (note or "").strip()
    with transaction.atomic():
        document = _lock(document)
        case = document.case
        _require_case_change(actor, case)
        if document.state != DocumentState.ISSUED:
            raise RuleViolation(
                rules.DOCUMENT_STATE_FORBIDS, f"当前为“{document.get_state_display()}”，不能登记送达"
            )
        if not recipient and not refused:
            # A refusal is described in the note; who refused may not have given a name.
            raise RuleViolation(rules.SERVICE_RECIPIENT)
        if served_on is None or served_on < document.issued_on or served_on > timezone.localdate():
            raise RuleViolation(rules.SERVICE_DATE)
        if refused and not note:
            raise RuleViolation(rules.REFUSAL_NEEDS_NOTE)
        if receipt is not None:
            sniff_receipt(receipt)
        document.served_method = method
        document.served_on = served_on
        document.served_recipient = recipient
        document.served_refused = refused
        document.served_note = note
        document.state = DocumentState.SERVED
        if receipt is not None:
            document.served_receipt.save(receipt.name, receipt, save=False)
        try:
            document.save()
            detail = f"{ServiceMethod(method).label}，受送达人：{recipient}，{served_on:%Y-%m-%d}"
            if refused:
                detail += f"，拒收：{note}"
            elif note:
                detail += f"，{note}"
            _record(document=document, case=case, actor=actor, action="送达文书", reason=detail)
        except BaseException:
            if receipt is not None:
                document.served_receipt.delete(save=False)
            raise
    return document
