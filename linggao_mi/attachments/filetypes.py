"""What an uploaded file is, read from its first bytes (never from its name), and whether we take it."""

from dataclasses import dataclass

import filetype
from django.conf import settings
from django.http import FileResponse

from linggao_mi.casework.rules import RuleViolation

from . import rules
from .choices import AttachmentKind


@dataclass(frozen=True)
class Accepted:
    mime: str
    extension: str
    kind: AttachmentKind
    label: str


ACCEPTED: dict[str, Accepted] = {
    a.mime: a
    for a in (
        Accepted("image/jpeg", "jpg", AttachmentKind.PHOTO, "JPEG"),
        Accepted("image/png", "png", AttachmentKind.PHOTO, "PNG"),
        Accepted("image/heic", "heic", AttachmentKind.PHOTO, "HEIC"),
        Accepted("image/webp", "webp", AttachmentKind.PHOTO, "WebP"),
        Accepted("audio/mpeg", "mp3", AttachmentKind.AUDIO, "MP3"),
        Accepted("audio/mp4", "m4a", AttachmentKind.AUDIO, "M4A"),
        Accepted("audio/x-wav", "wav", AttachmentKind.AUDIO, "WAV"),
        Accepted("audio/amr", "amr", AttachmentKind.AUDIO, "AMR"),
        Accepted("video/mp4", "mp4", AttachmentKind.VIDEO, "MP4"),
        Accepted("video/quicktime", "mov", AttachmentKind.VIDEO, "MOV"),
        Accepted("video/3gpp", "3gp", AttachmentKind.VIDEO, "3GP"),
        Accepted("application/pdf", "pdf", AttachmentKind.PDF, "PDF"),
    )
}
# filetype needs at most this many leading bytes to tell any of the types above.
HEAD_BYTES = 8192


def _head(upload) -> bytes:
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    return head


def _size(upload) -> int:
    size = getattr(upload, "size", None)
    if size is None:
        upload.seek(0, 2)
        size = upload.tell()
        upload.seek(0)
    return size


def check_size(upload) -> int:
    size = _size(upload)
    if size == 0:
        raise RuleViolation(rules.EMPTY)
    limit = settings.ATTACHMENT_MAX_BYTES
    if size > limit:
        raise RuleViolation(
            rules.TOO_LARGE,
            f"上限 {limit / 1024 / 1024:.0f} MB，“{upload.name}”为 {size / 1024 / 1024:.1f} MB",
        )
    return size


HEIC_BRANDS = {"heic", "heix", "hevc", "hevx", "heim", "heis"}


def _iso_bmff_mime(head: bytes) -> str | None:
    """HEIC and 3GP by their ISO-BMFF brands, which filetype 1.2 misses (its 3GP matcher reads the wrong
    offset, and it knows only some of the brands phones write for HEIC)."""
    if len(head) < 16 or head[4:8] != b"ftyp":
        return None
    size = int.from_bytes(head[0:4], "big")
    major = head[8:12].decode("latin-1")
    compatible = {head[i : i + 4].decode("latin-1") for i in range(16, min(size, len(head)) - 3, 4)}
    if major[:3] in ("3gp", "3g2"):
        return "video/3gpp"
    if major in HEIC_BRANDS or (major in ("mif1", "msf1") and compatible & HEIC_BRANDS):
        return "image/heic"
    return None


def sniff(upload) -> Accepted:
    """The accepted type of `upload`, from its content; RuleViolation for anything else."""
    head = _head(upload)
    mime = _iso_bmff_mime(head)
    guess = None if mime else filetype.guess(head)
    accepted = ACCEPTED.get(mime or (guess.mime if guess else ""))
    if accepted is None:
        found = f"识别为 {guess.mime}" if guess else "无法识别文件类型"
        raise RuleViolation(rules.TYPE_REFUSED, f"“{upload.name}”{found}")
    return accepted


def download_name(original_name: str, mime: str) -> str:
    """The name a download goes by: the uploaded name's stem with the extension of the type its content has
    (a PNG uploaded as "现场.jpg" downloads as "现场.png"), so that the receiving computer opens it as what it is."""
    accepted = ACCEPTED.get(mime)
    if accepted is None:
        return original_name
    stem = original_name.rsplit(".", 1)[0] if "." in original_name.lstrip(".") else original_name
    return f"{stem or accepted.kind.label}.{accepted.extension}"


def download_response(stored) -> FileResponse:
    """A stored upload (an Attachment, or any row with `file`, `original_name` and `mime_type`) as a download,
    sent as the type its content was detected as and named to match (download_name)."""
    return FileResponse(
        stored.file.open("rb"),
        as_attachment=True,
        filename=download_name(stored.original_name, stored.mime_type),
        content_type=stored.mime_type,
    )


def sniff_receipt(upload) -> Accepted:
    """A 送达回证 scan or photo: an image or a PDF, within the attachment size limit."""
    check_size(upload)
    try:
        accepted = sniff(upload)
    except RuleViolation:
        accepted = None
    if accepted is None or accepted.kind not in (AttachmentKind.PHOTO, AttachmentKind.PDF):
        raise RuleViolation(rules.RECEIPT_TYPE_REFUSED, f"“{upload.name}”")
    return accepted
