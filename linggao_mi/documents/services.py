"""Every write of an official document. Each transition locks the document row, checks state and the
actor's standing, changes the document (its history noting who and why), records a CaseEvent on the case and
notifies whom it concerns.

Each public service is one durable transaction, except `document_draft`, which regimes call inside the
transaction of their own step (the step that decides a document is due drafts it)."""

import datetime
import hashlib
import logging

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from linggao_mi.attachments.filetypes import sniff_receipt
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.selectors import user_may, user_may_change_case
from linggao_mi.casework.services import case_event_record, series_next
from linggao_mi.notifications.services import notify
from linggao_mi.org.choices import Role

from . import rules
from .choices import EDITABLE_STATES, FROZEN_STATES, DocumentState, ServiceMethod
from .content import content_check, document_spec, texts_clean, texts_initial
from .kinds import kind_spec
from .models import DocumentKind, OfficialDocument
from .pdf import render_document_pdf
from .selectors import user_approves_for_section, user_is_author

logger = logging.getLogger(__name__)


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


def _save(document: OfficialDocument, *, actor: User | None, action: str, fields: list[str] | None) -> None:
    # Set here rather than left to the history middleware: services run from the API and tasks too.
    document._history_user = actor
    document._change_reason = action
    document.save(update_fields=fields)


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


def _check(document: OfficialDocument, case) -> dict:
    """The document's content checked again against its case as it stands now; the facts it was checked with."""
    return content_check(spec=document_spec(document), case=case, title=document.title, texts=document.texts)


def _approvers(document: OfficialDocument) -> list[User]:
    authors = set(document.authors.values_list("pk", flat=True))
    chief = document.section.chief
    if chief is not None and chief.is_active and not chief.is_superuser and chief.pk not in authors:
        return [chief]
    # A section without a chief (or whose chief wrote or changed the document) goes to the leaders.
    return list(
        User.objects.filter(profile__role=Role.LEADER, is_active=True, is_superuser=False).exclude(pk__in=authors)
    )


def document_draft(
    *, actor: User, case, kind_code: str, title: str | None = None, texts: dict | None = None
) -> OfficialDocument:
    """A new draft of kind `kind_code` for `case`, by someone who handles the case or decides on it (a leader's
    decision drafts the document that states it).

    The title defaults to the kind's; the texts start from the kind's initial values (from the case) and
    `texts` overrides them. A plain (not durable) transaction: regimes draft inside their own step.
    """
    spec = kind_spec(kind_code)
    if not (user_may(actor, case, "change") or user_may(actor, case, "decide")):
        raise PermissionDenied
    kind = DocumentKind.objects.get(code=kind_code)
    values = {**texts_initial(spec, case), **texts_clean(spec, texts or {})}
    title = (spec.default_title(case) if title is None else title).strip()
    content_check(spec=spec, case=case, title=title, texts=values)
    with transaction.atomic():
        document = OfficialDocument(
            kind=kind, case=case, section=case.section, title=title, texts=values, drafted_by=actor
        )
        _save(document, actor=actor, action="起草文书", fields=None)
        document.authors.add(actor)
        _record(document=document, case=case, actor=actor, action="起草文书")
    return document


def document_update(*, actor: User, document: OfficialDocument, title: str, texts: dict) -> OfficialDocument:
    """Change the title and texts (those `texts` names) of a draft or a returned document; refused once issued.

    The facts are not the document's to change: they follow the case. Whoever changes the content becomes one of
    its authors, who may not approve or issue it.
    """
    with transaction.atomic(durable=True):
        document = _lock(document)
        case = document.case
        _require_case_change(actor, case)
        if document.state in FROZEN_STATES:
            raise RuleViolation(rules.ISSUED_IS_FINAL)
        _require_state(document, EDITABLE_STATES, "修改")
        spec = document_spec(document)
        title = (title or "").strip()
        values = {**document.texts, **texts_clean(spec, texts)}
        content_check(spec=spec, case=case, title=title, texts=values)
        if (title, values) == (document.title, document.texts):
            return document  # saved unchanged: nothing written, nobody becomes an author
        document.title, document.texts = title, values
        _save(document, actor=actor, action="修改文书", fields=["title", "texts"])
        document.authors.add(actor)
        _record(document=document, case=case, actor=actor, action="修改文书")
    return document


def document_submit(*, actor: User, document: OfficialDocument) -> OfficialDocument:
    """Send a draft (or a returned and revised document) to the section chief for approval."""
    with transaction.atomic(durable=True):
        document = _lock(document)
        case = document.case
        _require_case_change(actor, case)
        _require_state(document, EDITABLE_STATES, "报送审批")
        _check(document, case)
        document.state = DocumentState.SUBMITTED
        document.submitted_at = timezone.now()
        _save(document, actor=actor, action="文书报送审批", fields=["state", "submitted_at"])
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


def _require_not_author(actor: User, document: OfficialDocument) -> None:
    if user_is_author(actor, document):
        raise RuleViolation(rules.DRAFTER_CANNOT_APPROVE)


def _require_approver(actor: User, document: OfficialDocument) -> None:
    _require_not_author(actor, document)
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
    """Approval by the chief of the document's section or a leader, never by one of its authors."""
    with transaction.atomic(durable=True):
        document = _lock(document)
        case = document.case
        _require_state(document, (DocumentState.SUBMITTED,), "审批")
        _require_approver(actor, document)
        _check(document, case)
        spec = document_spec(document)
        if spec.before_approve is not None:
            spec.before_approve(document, case)
        document.state = DocumentState.APPROVED
        document.approved_by = actor
        document.approved_at = timezone.now()
        _save(document, actor=actor, action="批准文书", fields=["state", "approved_by", "approved_at"])
        event = _record(document=document, case=case, actor=actor, action="批准文书")
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
    with transaction.atomic(durable=True):
        document = _lock(document)
        _require_state(document, (DocumentState.SUBMITTED,), "退回")
        _require_approver(actor, document)
        if not reason:
            raise RuleViolation(rules.RETURN_NEEDS_REASON)
        document.state = DocumentState.RETURNED
        document.return_reason = reason
        document.approved_by = None
        document.approved_at = None
        _save(
            document, actor=actor, action="退回文书", fields=["state", "return_reason", "approved_by", "approved_at"]
        )
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


def _next_number(kind: DocumentKind, year: int) -> str:
    """Take the next 文号 of `kind` in `year`, inside the issuing transaction: a rollback gives it back."""
    serial = series_next(name=document_series_name(kind), year=year)
    return f"{kind.number_prefix}〔{year}〕{serial}号"


def document_issue(*, actor: User, document: OfficialDocument) -> OfficialDocument:
    """Issue an approved document: a gap-free 文号, its facts frozen, then its PDF made and kept with its SHA-256.

    The 文号 series row is locked only for the short transaction that numbers and freezes the document;
    WeasyPrint runs after it has committed, so one slow rendering does not hold up every issue of the kind.
    Should rendering fail, the document stays issued with its number and its PDF is made from the frozen
    content when it is first downloaded (document_pdf_freeze).
    """
    with transaction.atomic(durable=True):
        document = _lock(document)
        case = document.case
        _require_state(document, (DocumentState.APPROVED,), "签发")
        if not (user_may_change_case(actor, case) or user_approves_for_section(actor, document.section)):
            raise PermissionDenied
        _require_not_author(actor, document)
        document.facts = _check(document, case)
        now = timezone.now()
        document.issued_on = timezone.localdate(now)
        document.number = _next_number(document.kind, document.issued_on.year)
        document.issued_at = now
        document.issued_by = actor
        document.state = DocumentState.ISSUED
        _save(
            document,
            actor=actor,
            action="签发文书",
            fields=["number", "facts", "issued_at", "issued_on", "issued_by", "state"],
        )
        _record(document=document, case=case, actor=actor, action="签发文书")
    try:
        return document_pdf_freeze(document=document)
    except Exception:
        # The issue stands (number given out, content frozen); the PDF is made again on download.
        logger.exception("PDF of issued document %s not rendered; it is made when first downloaded", document.pk)
        return document


def document_pdf_freeze(*, document: OfficialDocument) -> OfficialDocument:
    """Render an issued document's PDF from its frozen content and keep it with its SHA-256, once.

    Called at issue and by the PDF download when the issue could not render it. Rendering happens outside any
    transaction; a PDF another request stored meanwhile is kept and this one dropped.
    """
    if document.state not in FROZEN_STATES:
        raise RuleViolation(rules.DOCUMENT_STATE_FORBIDS, f"当前为“{document.get_state_display()}”，尚无定稿 PDF")
    if document.pdf:
        return document
    data = render_document_pdf(document=document, case=document.case, draft=False)
    digest = hashlib.sha256(data).hexdigest()
    with transaction.atomic(durable=True):
        locked = _lock(document)
        if locked.pdf:
            return locked
        locked.sha256 = digest
        name = f"{locked.issued_on.year}/{document.kind.code}-{locked.pk}-{digest[:16]}.pdf"
        locked.pdf.save(name, ContentFile(data), save=False)
        try:
            # Nobody's act: the PDF is what the issue already fixed, made when it first could be.
            _save(locked, actor=None, action="生成定稿PDF", fields=["pdf", "sha256"])
        except BaseException:
            locked.pdf.delete(save=False)
            raise
    return locked


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
    """Record the service (送达) of an issued document; a refusal must be noted.

    The kind's `on_served` hook then runs in the same transaction (the regime moves its case on); a refusal it
    raises undoes the serve.
    """
    if method not in ServiceMethod.values:
        raise ValueError(f"unknown service method {method!r}")
    recipient, note = (recipient or "").strip(), (note or "").strip()
    with transaction.atomic(durable=True):
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
            _save(document, actor=actor, action="送达文书", fields=None)
            detail = f"{ServiceMethod(method).label}，受送达人：{recipient}，{served_on:%Y-%m-%d}"
            if refused:
                detail += f"，拒收：{note}"
            elif note:
                detail += f"，{note}"
            _record(document=document, case=case, actor=actor, action="送达文书", reason=detail)
            spec = document_spec(document)
            if spec.on_served is not None:
                spec.on_served(document, actor)
        except BaseException:
            if receipt is not None:
                document.served_receipt.delete(save=False)
            raise
    return document
