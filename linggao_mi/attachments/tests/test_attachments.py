"""Attachments of the full-process record: type from content, size limit, hash, scoping, closed cases."""

import hashlib
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.urls import reverse
from PIL import Image

from linggao_mi.attachments import rules
from linggao_mi.attachments.choices import AttachmentKind
from linggao_mi.attachments.models import Attachment
from linggao_mi.attachments.selectors import attachments_of_case
from linggao_mi.attachments.services import attachment_add, attachment_delete
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.selectors import case_timeline


def png_bytes(color=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), color).save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (10, 120, 10)).save(buffer, format="JPEG")
    return buffer.getvalue()


def iso_bmff(major: bytes, *compatible: bytes) -> bytes:
    brands = major + b"\x00\x00\x00\x00" + b"".join(compatible)
    box = (8 + len(brands)).to_bytes(4, "big") + b"ftyp" + brands
    return box + b"\x00" * 64


# Leading bytes of each accepted type, as phones and recorders write them.
ACCEPTED_SAMPLES = {
    "photo.jpg": (jpeg_bytes(), "image/jpeg", AttachmentKind.PHOTO),
    "photo.png": (png_bytes(), "image/png", AttachmentKind.PHOTO),
    "IMG_0001.HEIC": (iso_bmff(b"heic", b"mif1", b"heic"), "image/heic", AttachmentKind.PHOTO),
    "photo.webp": (b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 64, "image/webp", AttachmentKind.PHOTO),
    "voice.mp3": (b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\x00" * 64, "audio/mpeg", AttachmentKind.AUDIO),
    "voice.m4a": (iso_bmff(b"M4A ", b"M4A ", b"mp42", b"isom"), "audio/mp4", AttachmentKind.AUDIO),
    "voice.wav": (b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 64, "audio/x-wav", AttachmentKind.AUDIO),
    "voice.amr": (b"#!AMR\n" + b"\x00" * 64, "audio/amr", AttachmentKind.AUDIO),
    "video.mp4": (iso_bmff(b"isom", b"isom", b"mp41"), "video/mp4", AttachmentKind.VIDEO),
    "IMG_0002.MOV": (iso_bmff(b"qt  ", b"qt  "), "video/quicktime", AttachmentKind.VIDEO),
    "video.3gp": (iso_bmff(b"3gp4", b"3gp4", b"isom"), "video/3gpp", AttachmentKind.VIDEO),
    "old-phone.3gp": (iso_bmff(b"3gp5", b"3gp5", b"3gp4"), "video/3gpp", AttachmentKind.VIDEO),
    "IMG_0003.HEIC": (iso_bmff(b"heix", b"mif1", b"heix"), "image/heic", AttachmentKind.PHOTO),
    "record.pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + b"\x00" * 64, "application/pdf", AttachmentKind.PDF),
}


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


@pytest.mark.parametrize("name", sorted(ACCEPTED_SAMPLES))
def test_accepted_types_are_read_from_the_content(case, users, name):
    data, mime, kind = ACCEPTED_SAMPLES[name]
    attachment = attachment_add(actor=users["inspector1"], case=case, upload=upload(name, data))
    assert (attachment.mime_type, attachment.kind) == (mime, kind)


def test_real_png_is_stored_under_its_hash(case, users):
    data = png_bytes()
    attachment = attachment_add(
        actor=users["inspector1"], case=case, upload=upload("现场照片.png", data), description="配电房现场"
    )
    digest = hashlib.sha256(data).hexdigest()
    assert attachment.sha256 == digest and attachment.size == len(data)
    assert attachment.file.name == f"attachments/{digest[:2]}/{digest}.png"
    assert attachment.original_name == "现场照片.png" and attachment.description == "配电房现场"
    with attachment.file.open("rb") as f:
        assert f.read() == data
    assert list(attachments_of_case(case)) == [attachment]
    assert case_timeline(case).filter(action="上传照片", reason__contains=digest[:12]).exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("photo.jpg", "这不是照片，只是一段文字。".encode()),
        ("photo.png", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
        ("record.pdf", b"PK\x03\x04" + b"\x00" * 64),
        ("video.mp4", b"MZ\x90\x00" + b"\x00" * 64),
    ],
)
def test_other_content_is_refused_whatever_the_name(case, users, name, data):
    with pytest.raises(RuleViolation) as excinfo:
        attachment_add(actor=users["inspector1"], case=case, upload=upload(name, data))
    assert excinfo.value.rule is rules.TYPE_REFUSED
    assert name in str(excinfo.value) and "按文件内容识别" in str(excinfo.value)
    assert not Attachment.objects.exists()


def test_a_real_image_with_a_wrong_name_is_kept_as_what_it_is(case, users):
    attachment = attachment_add(actor=users["inspector1"], case=case, upload=upload("scan.pdf", png_bytes()))
    assert attachment.mime_type == "image/png" and attachment.file.name.endswith(".png")


def test_size_limit(case, users, settings):
    data = png_bytes()
    settings.ATTACHMENT_MAX_BYTES = len(data) - 1
    with pytest.raises(RuleViolation) as excinfo:
        attachment_add(actor=users["inspector1"], case=case, upload=upload("big.png", data))
    assert excinfo.value.rule is rules.TOO_LARGE
    settings.ATTACHMENT_MAX_BYTES = len(data)
    assert attachment_add(actor=users["inspector1"], case=case, upload=upload("ok.png", data))


def test_empty_file_refused(case, users):
    with pytest.raises(RuleViolation) as excinfo:
        attachment_add(actor=users["inspector1"], case=case, upload=upload("empty.jpg", b""))
    assert excinfo.value.rule is rules.EMPTY


@pytest.mark.parametrize("who", ["staff", "legal", "outsider"])
def test_adding_needs_change_permission_on_the_case(case, users, outsider, who):
    actor = outsider if who == "outsider" else users[who]
    with pytest.raises(PermissionDenied):
        attachment_add(actor=actor, case=case, upload=upload("p.png", png_bytes()))


def test_delete_on_open_case_and_refused_on_closed_case(make_case, users):
    case = make_case()
    attachment = attachment_add(actor=users["inspector1"], case=case, upload=upload("p.png", png_bytes()))
    name = attachment.file.name
    with pytest.raises(PermissionDenied):
        attachment_delete(actor=users["staff"], attachment=attachment)
    attachment_delete(actor=users["inspector2"], attachment=attachment)
    assert not Attachment.objects.exists()
    assert case_timeline(case).filter(action="删除照片").exists()

    closed = make_case()
    kept = attachment_add(actor=users["inspector1"], case=closed, upload=upload("p.png", png_bytes()))
    closed.state = "closed"
    closed.save(update_fields=["state"])
    with pytest.raises(RuleViolation) as excinfo:
        attachment_delete(actor=users["inspector1"], attachment=kept)
    assert excinfo.value.rule is rules.CLOSED_CASE_RECORD
    assert "国办发〔2018〕118号" in str(excinfo.value)
    assert Attachment.objects.filter(pk=kept.pk).exists() and default_storage.exists(kept.file.name)
    assert kept.file.name == name  # same content, same path


def test_same_content_is_stored_once_and_kept_while_referenced(
    case, users, django_capture_on_commit_callbacks
):
    data = png_bytes()
    first = attachment_add(actor=users["inspector1"], case=case, upload=upload("a.png", data))
    second = attachment_add(actor=users["inspector1"], case=case, upload=upload("b.png", data))
    assert first.file.name == second.file.name
    with django_capture_on_commit_callbacks(execute=True):
        attachment_delete(actor=users["inspector1"], attachment=first)
    assert default_storage.exists(second.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        attachment_delete(actor=users["inspector1"], attachment=second)
    assert not default_storage.exists(second.file.name)


def test_a_closed_case_takes_no_new_attachment(make_case, users):
    case = make_case()
    case.state = "closed"
    case.save(update_fields=["state"])
    data = png_bytes((1, 2, 3))
    with pytest.raises(RuleViolation) as excinfo:
        attachment_add(actor=users["inspector1"], case=case, upload=upload("p.png", data))
    assert excinfo.value.rule is rules.CLOSED_CASE_ADD
    assert "案件已办结" in str(excinfo.value) and "国办发〔2018〕118号" in str(excinfo.value)
    assert not Attachment.objects.exists()
    sha = hashlib.sha256(data).hexdigest()
    assert not default_storage.exists(f"attachments/{sha[:2]}/{sha}.png")  # refused before anything is stored
    assert not case_timeline(case).filter(action="上传照片").exists()


def test_every_regimes_closed_case_refuses_new_attachments(db):
    """Each registered case model, in each of its closed states: refused by the same rule, nothing written."""
    from django.contrib.auth.models import Permission, User

    from linggao_mi.casework.registry import CASE_MODELS

    handler = User.objects.create_user("handler-all", email="h@example.com")
    handler.user_permissions.set(
        Permission.objects.filter(codename__in=[f"change_{m._meta.model_name}" for m in CASE_MODELS])
    )
    closed = [(model, state) for model in CASE_MODELS for state in model.CLOSED_STATES]
    assert {m._meta.app_label for m, _ in closed} >= {"energy", "inspections", "infoproj"} and len(closed) >= 8
    for model, state in closed:
        case = model(state=state, year=2026, serial=1)
        with pytest.raises(RuleViolation) as excinfo:
            attachment_add(actor=handler, case=case, upload=upload("p.png", png_bytes()))
        assert excinfo.value.rule is rules.CLOSED_CASE_ADD, model
    assert not Attachment.objects.exists()


def test_download_is_named_by_the_detected_type(client, case, users):
    from urllib.parse import quote

    attachment = attachment_add(actor=users["inspector1"], case=case, upload=upload("现场照片.jpg", png_bytes()))
    assert attachment.original_name == "现场照片.jpg" and attachment.mime_type == "image/png"
    client.force_login(users["inspector1"])
    response = client.get(reverse("attachments:download", args=[attachment.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    disposition = response["Content-Disposition"]
    assert quote("现场照片.png") in disposition and ".jpg" not in disposition
    plain = attachment_add(actor=users["inspector1"], case=case, upload=upload("scan", jpeg_bytes()))
    response = client.get(reverse("attachments:download", args=[plain.pk]))
    assert 'filename="scan.jpg"' in response["Content-Disposition"]


# Views


def test_download_permission_matrix(client, case, users, outsider):
    data = png_bytes()
    attachment = attachment_add(actor=users["inspector1"], case=case, upload=upload("现场.png", data))
    url = reverse("attachments:download", args=[attachment.pk])

    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    assert client.get(reverse("attachments:download", args=[attachment.pk + 1000])).status_code == 404
    client.force_login(users["staff"])  # a section member who may view the case
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == data


def _upload_url(case):
    return reverse("attachments:upload", args=[case._meta.app_label, case._meta.model_name, case.pk])


def test_upload_view(client, case, users, outsider):
    url = _upload_url(case)
    assert client.post(url, {"file": upload("p.png", png_bytes())}).status_code == 302
    assert not Attachment.objects.exists()  # anonymous: sent to log in

    client.force_login(outsider)
    assert client.post(url, {"file": upload("p.png", png_bytes())}).status_code == 404
    client.force_login(users["staff"])
    assert client.post(url, {"file": upload("p.png", png_bytes())}).status_code == 403
    assert not Attachment.objects.exists()

    client.force_login(users["inspector1"])
    assert client.get(url).status_code == 405
    response = client.post(
        url,
        {
            "file": [upload("a.png", png_bytes()), upload("b.jpg", jpeg_bytes())],
            "photo": upload("camera.jpg", jpeg_bytes()),
            "description": "现场",
            "next": "/workspace/",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/workspace/"
    assert Attachment.objects.count() == 3


def test_upload_view_is_all_or_nothing_with_a_chinese_message(client, case, users):
    client.force_login(users["inspector1"])
    response = client.post(
        _upload_url(case),
        {
            "file": [upload("a.png", png_bytes()), upload("fake.jpg", b"plain text")],
        },
        follow=True,
    )
    assert "只能上传照片" in response.content.decode()
    assert not Attachment.objects.exists()


def test_upload_view_on_a_closed_case_says_why(client, make_case, users):
    case = make_case()
    case.state = "closed"
    case.save(update_fields=["state"])
    client.force_login(users["inspector1"])
    data = {"file": upload("p.png", png_bytes()), "next": "/workspace/"}
    response = client.post(_upload_url(case), data, follow=True)
    assert "案件已办结，执法全过程记录已归档，不得再上传附件" in response.content.decode()
    assert not Attachment.objects.exists()


def test_upload_view_refuses_models_that_are_not_cases(client, users):
    client.force_login(users["admin"])
    assert (
        client.post(
            reverse("attachments:upload", args=["auth", "user", users["admin"].pk]),
            {
                "file": upload("p.png", png_bytes()),
            },
        ).status_code
        == 404
    )
    assert client.post(reverse("attachments:upload", args=["nope", "nothing", 1])).status_code == 404


def test_delete_view(client, make_case, users, outsider):
    case = make_case()
    attachment = attachment_add(actor=users["inspector1"], case=case, upload=upload("p.png", png_bytes()))
    url = reverse("attachments:delete", args=[attachment.pk])
    client.force_login(outsider)
    assert client.post(url).status_code == 404
    assert client.get(url).status_code == 404
    client.force_login(users["staff"])  # sees the case, does not handle it
    assert client.get(url).status_code == 403
    client.force_login(users["inspector1"])
    # One click asks first: the confirmation page deletes nothing, its form posts back to the same address.
    confirm = client.get(url, {"next": "/testcases/1/"}).content.decode()
    assert "确定要删除" in confirm and "p.png" in confirm and f'action="{url}"' in confirm
    assert 'value="/testcases/1/"' in confirm
    assert Attachment.objects.filter(pk=attachment.pk).exists()
    case.state = "closed"
    case.save(update_fields=["state"])
    confirm = client.get(url).content.decode()
    assert "不得删除" in confirm and "确认删除" not in confirm
    response = client.post(url, follow=True)
    assert "不得删除" in response.content.decode()
    assert Attachment.objects.filter(pk=attachment.pk).exists()


def test_case_panel(case, users, rf):
    attachment = attachment_add(actor=users["inspector1"], case=case, upload=upload("现场.png", png_bytes()))
    template = Template('{% include "attachments/case_panel.html" with case=case %}')
    request = rf.get("/testcases/1/")

    request.user = users["inspector1"]
    html = template.render(Context({"case": case, "request": request, "user": request.user}))
    assert 'accept="image/*,audio/*,video/*,application/pdf"' in html and 'capture="environment"' in html
    assert "现场.png" in html and attachment.sha256[:12] in html and "image/png" in html and "B</td>" in html
    assert f'href="/attachments/{attachment.pk}/delete/?next=' in html  # asks for confirmation first

    request.user = users["staff"]
    html = template.render(Context({"case": case, "request": request, "user": request.user}))
    assert "现场.png" in html and "<form" not in html

    case.state = "closed"
    request.user = users["inspector1"]
    html = template.render(Context({"case": case, "request": request, "user": request.user}))
    assert "/delete/" not in html and "<form" not in html  # nor a form to add files
