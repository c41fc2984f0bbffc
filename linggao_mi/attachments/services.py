"""Every write of the full-process record's attachments."""

import hashlib
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import ProtectedError

from linggao_mi.casework.history import history_user
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.selectors import user_may_change_case
from linggao_mi.casework.services import case_event_record

from . import rules
from .filetypes import Accepted, check_size, sniff
from .models import Attachment


def _require_case_change(actor: User, case) -> None:
    if not user_may_change_case(actor, case):
        raise PermissionDenied


def _sha256(upload) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks() if hasattr(upload, "chunks") else iter(lambda: upload.read(1 << 20), b""):
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def _store(upload, sha256: str, extension: str) -> str:
    """Save under a path made of the content hash; the same content is stored once."""
    name = f"attachments/{sha256[:2]}/{sha256}.{extension}"
    if default_storage.exists(name):
        return name
    return default_storage.save(name, upload)


@dataclass(frozen=True)
class StoredUpload:
    """An upload checked and written to storage, not yet recorded on a case."""

    name: str
    original_name: str
    accepted: Accepted
    size: int
    sha256: str


def attachment_store(upload) -> StoredUpload:
    """Check an upload (size; type read from the content, not the name) and write it to storage.

    Steps that record evidence store their files first, before they lock the case: a file is never written while
    a row lock is held. Storage is by content hash, so a step refused afterwards leaves at most a file that the
    next identical upload reuses.
    """
    size = check_size(upload)
    accepted = sniff(upload)
    sha256 = _sha256(upload)
    original_name = (getattr(upload, "name", "") or f"{sha256[:12]}.{accepted.extension}").rsplit("/", 1)[-1]
    return StoredUpload(_store(upload, sha256, accepted.extension), original_name[:255], accepted, size, sha256)


def attachment_add(*, actor: User, case, upload, description: str = "") -> Attachment:
    """Add a photo, recording, video or PDF to `case`: an upload, or a StoredUpload stored before the caller locked
    the case. A closed case (its CLOSED_STATES) takes no new file: its record is complete."""
    _require_case_change(actor, case)
    if case.is_closed:
        raise RuleViolation(rules.CLOSED_CASE_ADD, str(case))
    stored = upload if isinstance(upload, StoredUpload) else attachment_store(upload)
    with transaction.atomic(), history_user(actor):
        attachment = Attachment(
            case=case,
            original_name=stored.original_name,
            description=(description or "").strip()[:200],
            kind=stored.accepted.kind,
            mime_type=stored.accepted.mime,
            size=stored.size,
            sha256=stored.sha256,
            uploaded_by=actor,
        )
        attachment.file.name = stored.name
        attachment.save()
        case_event_record(
            case=case,
            actor=actor,
            action=f"上传{stored.accepted.kind.label}",
            from_state=case.state,
            to_state=case.state,
            reason=f"{attachment.original_name}（SHA-256 {stored.sha256[:12]}…）",
        )
    return attachment


def attachment_delete(*, actor: User, attachment: Attachment) -> None:
    """Remove an attachment of an open case; a closed case's record stays as it is."""
    with transaction.atomic(), history_user(actor):
        attachment = Attachment.objects.select_for_update().get(pk=attachment.pk)
        case = attachment.case
        _require_case_change(actor, case)
        if case.is_closed:
            raise RuleViolation(rules.CLOSED_CASE_RECORD)
        name = attachment.file.name
        try:
            with transaction.atomic():
                attachment.delete()
        except ProtectedError:  # a record of the case rests on this file (a regime's PROTECT foreign key)
            raise RuleViolation(rules.RECORD_IN_USE, attachment.original_name) from None
        case_event_record(
            case=case,
            actor=actor,
            action=f"删除{attachment.get_kind_display()}",
            from_state=case.state,
            to_state=case.state,
            reason=f"{attachment.original_name}（SHA-256 {attachment.sha256[:12]}…）",
        )

        def _remove_file():
            # Another attachment may hold the same content (same hash, same file).
            if not Attachment.objects.filter(file=name).exists():
                default_storage.delete(name)

        transaction.on_commit(_remove_file)
