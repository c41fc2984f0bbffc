"""Public complaints (三（一）4(4)): filed without login with a tracking number and a secret; triaged by staff into an
oversight investigation, an energy inspection triggered by the complaint (no advance notice: 三（四）5(2)), or a
referral to the department the boundary table names; the result fed back on the tracking page and by e-mail or
SMS where the submitter gave one."""

import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from energy.choices import Trigger
from energy.services.planning import inspection_plan
from linggao_mi.attachments.services import attachment_store
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.services import series_next
from linggao_mi.notifications.tasks import email_send
from linggao_mi.org.models import Department

from .. import rules
from ..choices import CheckOrigin, ComplaintKind, ComplaintState
from ..models import Complaint, ComplaintFile, OutgoingMessage
from ..sms import sms_send
from .checks import check_open

TRIAGE_PERMISSION = "inspections.triage_complaint"
SECRET_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud and typed on a phone
# Checked against when the number is unknown, so a wrong number costs the same time as a wrong secret.
_DUMMY_HASH = make_password("unknown-number")


@dataclass(frozen=True)
class Filed:
    complaint: Complaint
    secret: str  # shown once to the submitter; only its hash is kept


@transaction.atomic(durable=True)
def complaint_file(
    *, kind: str, subject: str, content: str, name: str = "", phone: str = "", email: str = "", uploads: Iterable = ()
) -> Filed:
    """File a complaint from the public form; the attachments pass the kit's checked upload first."""
    kind = ComplaintKind(kind)
    if not (subject.strip() and content.strip()):
        raise RuleViolation(rules.COMPLAINT_CONTENT)
    stored = [attachment_store(u) for u in uploads]
    year = timezone.localdate().year
    number = f"TS{year}{series_next(name='complaint', year=year):05d}"
    secret = "".join(secrets.choice(SECRET_ALPHABET) for _ in range(8))
    complaint = Complaint.objects.create(
        tracking_number=number,
        secret_hash=make_password(secret),
        kind=kind,
        name=name.strip(),
        phone=phone.strip(),
        email=email.strip(),
        subject=subject.strip(),
        content=content.strip(),
    )
    for s in stored:
        ComplaintFile.objects.create(
            complaint=complaint,
            file=s.name,
            original_name=s.original_name,
            mime_type=s.accepted.mime,
            size=s.size,
            sha256=s.sha256,
        )
    return Filed(complaint, secret)


def complaint_track(*, tracking_number: str, secret: str) -> Complaint | None:
    """The complaint whose number and secret both match, else None (the same for a wrong number or secret)."""
    complaint = (
        Complaint.objects.select_related("referred_to")
        .filter(tracking_number=(tracking_number or "").strip().upper())
        .first()
    )
    valid = check_password((secret or "").strip().upper(), complaint.secret_hash if complaint else _DUMMY_HASH)
    return complaint if complaint is not None and valid else None


def _require_triage(actor: User) -> None:
    if not actor.has_perm(TRIAGE_PERMISSION) or actor.is_superuser:
        raise PermissionDenied


def _untriaged(pk: int) -> Complaint:
    complaint = Complaint.objects.select_for_update().get(pk=pk)
    if complaint.state != ComplaintState.RECEIVED:
        raise RuleViolation(rules.COMPLAINT_STATE, complaint.get_state_display())
    return complaint


def _link(complaint: Complaint, actor: User, state: str, note: str, **fields) -> Complaint:
    """Record the triage on the complaint the caller's transaction has locked (_untriaged)."""
    for name, value in fields.items():
        setattr(complaint, name, value)
    complaint.state, complaint.triaged_by, complaint.triaged_at = state, actor, timezone.now()
    complaint.triage_note = note.strip()
    complaint.save()
    return complaint


@transaction.atomic(durable=True)
def complaint_investigate(*, actor: User, complaint: Complaint, note: str = "", **check) -> Complaint:
    """Open an oversight investigation of the enforcement complained of (三（一）4(4)): a check with that origin.

    The complaint stays locked while the check is opened and linked: triaged once, and never a check without it."""
    _require_triage(actor)
    complaint = _untriaged(complaint.pk)
    investigation = check_open.inside(
        actor=actor,
        origin=CheckOrigin.COMPLAINT,
        origin_note=f"{complaint.tracking_number}：{complaint.subject}",
        **check,
    )
    return _link(complaint, actor, ComplaintState.INVESTIGATING, note, investigation=investigation)


@transaction.atomic(durable=True)
def complaint_energy(*, actor: User, complaint: Complaint, note: str = "", **plan) -> Complaint:
    """An energy inspection triggered by the complaint: energy's planning service with the complaint trigger, so no
    7-day notice (三（四）5(2)); opened and linked in one commit with the complaint locked."""
    _require_triage(actor)
    complaint = _untriaged(complaint.pk)
    case = inspection_plan.inside(actor=actor, trigger=Trigger.REPORT, **plan)
    return _link(complaint, actor, ComplaintState.ENERGY, note, energy_case=case)


@transaction.atomic(durable=True)
def complaint_refer(*, actor: User, complaint: Complaint, department: Department, note: str) -> Complaint:
    """Refer to the department the boundary table names for the matter (not the bureau itself)."""
    _require_triage(actor)
    if department is None or department.is_bureau or not department.assignments.exists() or not note.strip():
        raise RuleViolation(rules.COMPLAINT_REFERRAL)
    return _link(_untriaged(complaint.pk), actor, ComplaintState.REFERRED, note, referred_to=department)


@transaction.atomic(durable=True)
def complaint_answer(*, actor: User, complaint: Complaint, feedback: str) -> Complaint:
    """Feed the result back (三（一）4(4)): on the tracking page, and by e-mail and SMS where given (after commit)."""
    _require_triage(actor)
    if not feedback.strip():
        raise RuleViolation(rules.COMPLAINT_FEEDBACK)
    complaint = Complaint.objects.select_for_update().get(pk=complaint.pk)
    if complaint.state in (ComplaintState.RECEIVED, ComplaintState.ANSWERED):
        raise RuleViolation(rules.COMPLAINT_STATE, f"当前为“{complaint.get_state_display()}”，请先分办")
    complaint.feedback, complaint.answered_at, complaint.answered_by = feedback.strip(), timezone.now(), actor
    complaint.state = ComplaintState.ANSWERED
    complaint.save()
    text = (
        f"您提交的{complaint.get_kind_display()}（受理编号{complaint.tracking_number}）已有处理结果："
        f"{complaint.feedback}"
    )
    if complaint.phone:
        sms_send(complaint=complaint, to=complaint.phone, body=text[:300])
    if complaint.email:
        OutgoingMessage.objects.create(
            complaint=complaint, channel="email", to=complaint.email, body=text, backend="django.core.mail"
        )
        transaction.on_commit(  # from a Celery worker, which retries: the request does not wait on the server
            lambda: email_send.delay(f"处理结果反馈：{complaint.tracking_number}", text, [complaint.email]), robust=True
        )
    return complaint
