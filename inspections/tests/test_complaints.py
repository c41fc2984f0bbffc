"""三（一）4(4): the public complaint form (valid, invalid, rate-limited), tracking by number and secret (one answer
for any wrong pair), staff triage into each path, and the feedback on the tracking page, by SMS and e-mail."""

import re

import pytest
from django.core import mail

from energy.models import InspectionCase
from energy.tests.factories import EnergyUnitFactory
from inspections import rules, services
from inspections.choices import CheckContent, CheckMethod, CheckOrigin, ComplaintState
from inspections.models import Complaint, OutgoingMessage
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.org.models import Department, Section
from tests.concurrency import at_once

from .conftest import days, scan

VALID = {
    "kind": "appeal",
    "subject": "对一次执法检查的申诉",
    "content": "检查人员未出示执法证件。",
    "phone": "13800138000",
    "email": "citizen@example.com",
}


def file(client, **overrides):
    return client.post("/complaints/new/", {**VALID, **overrides})


def track(client, number, secret):
    return client.post("/complaints/track/", {"tracking_number": number, "secret": secret})


@pytest.mark.django_db
def test_a_valid_complaint_gets_a_number_and_a_secret_and_the_pair_shows_its_progress(client):
    answer = client.post("/complaints/new/", {**VALID, "uploads": scan("现场照片.png")})
    assert answer.status_code == 302 and answer["Location"] == "/complaints/received/"
    receipt = client.get("/complaints/received/")
    number, secret = receipt.context["number"], receipt.context["secret"]
    complaint = Complaint.objects.get()
    assert complaint.tracking_number == number and secret not in complaint.secret_hash
    assert complaint.files.get().mime_type == "image/png"
    shown = track(client, number, secret.lower()).content.decode()
    assert "已受理，待分办" in shown and VALID["subject"] in shown
    assert client.get("/complaints/received/").status_code == 302  # the secret is shown once


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field"),
    [({"content": ""}, "content"), ({"kind": "x"}, "kind"), ({"phone": "123"}, "phone"), ({"email": "no"}, "email")],
)
def test_an_invalid_complaint_is_refused_in_chinese_and_nothing_is_kept(client, overrides, field):
    answer = file(client, **overrides)
    assert answer.status_code == 400
    errors = answer.context["form"].errors[field]
    assert errors and all(any("\u4e00" <= ch <= "\u9fff" for ch in e) for e in errors)
    assert not Complaint.objects.exists()


@pytest.mark.django_db
def test_a_disguised_attachment_is_refused_by_the_kits_checked_upload(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    answer = client.post(
        "/complaints/new/", {**VALID, "uploads": SimpleUploadedFile("照片.png", b"MZ\x90\x00", "image/png")}
    )
    assert answer.status_code == 400 and not Complaint.objects.exists()


@pytest.mark.django_db
def test_submissions_beyond_the_limit_per_address_answer_429_in_chinese(client):
    count, _ = rules.COMPLAINT_RATE
    for _ in range(count):
        assert file(client).status_code == 302
    answer = file(client)
    assert answer.status_code == 429 and rules.RATE_LIMITED.message in answer.content.decode()
    assert Complaint.objects.count() == count
    other = client.post("/complaints/new/", VALID, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302  # another address is not held back


@pytest.mark.django_db
def test_a_wrong_number_and_a_wrong_secret_get_the_same_answer_and_lookups_are_limited(client):
    filed = services.complaint_file(**{k: VALID[k] for k in ("kind", "subject", "content")})
    wrong_secret = track(client, filed.complaint.tracking_number, "WRONGPW2")
    wrong_number = track(client, "TS209900001", filed.secret)
    assert wrong_secret.status_code == wrong_number.status_code == 200

    def body(answer):  # the page without what the visitor typed and the per-request CSRF tokens
        return re.sub(r'(value="[^"]*"|"X-CSRFToken": "[^"]*")', "", answer.content.decode())

    assert body(wrong_secret) == body(wrong_number)
    assert "未找到与该受理编号和查询密码相符的记录" in body(wrong_secret) and VALID["subject"] not in body(wrong_secret)
    count, _ = rules.TRACK_RATE
    for _ in range(count - 2):
        track(client, "TS209900001", "x")
    assert track(client, filed.complaint.tracking_number, filed.secret).status_code == 429


@pytest.mark.django_db
def test_triage_into_an_energy_inspection_needs_no_seven_day_notice_and_the_answer_reaches_the_submitter(users, client):
    filed = services.complaint_file(**VALID)
    unit = EnergyUnitFactory(created_by=users["staff"])
    complaint = services.complaint_energy(
        actor=users["chief"],
        complaint=filed.complaint,
        unit=unit,
        mode="onsite",
        planned_date=days(0),
        items=["4"],
        inspectors=[users["inspector1"], users["inspector2"]],
        note="涉及用能单位能源计量",
    )
    assert complaint.state == ComplaintState.ENERGY
    assert complaint.energy_case.trigger == "report" and complaint.energy_case.planned_date == days(0)
    with pytest.raises(RuleViolation) as caught:
        services.complaint_refer(
            actor=users["chief"],
            complaint=complaint,
            department=Department.objects.filter(is_bureau=False).first(),
            note="x",
        )
    assert caught.value.rule == rules.COMPLAINT_STATE
    complaint = services.complaint_answer(
        actor=users["inspector1"], complaint=complaint, feedback="经现场监察，已责令该单位限期整改。"
    )
    shown = track(client, filed.complaint.tracking_number, filed.secret).content.decode()
    assert "已反馈处理结果" in shown and "已责令该单位限期整改" in shown
    sms = OutgoingMessage.objects.get(channel="sms")
    assert sms.to == VALID["phone"] and "已责令该单位限期整改" in sms.body
    assert sms.backend == "inspections.sms.RecordingBackend"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_staff_triaging_one_complaint_at_once_open_one_case(users):
    """The complaint is locked while the inspection is opened and linked: one wins, the other is refused by the state
    it finds, and no energy case is left without its complaint."""
    filed = services.complaint_file(**VALID)
    unit = EnergyUnitFactory(created_by=users["staff"])

    def triage(actor):
        return lambda: services.complaint_energy(
            actor=actor, complaint=filed.complaint, unit=unit, mode="onsite", planned_date=days(0), items=["4"],
            inspectors=[users["inspector1"], users["inspector2"]],
        )

    results = at_once(triage(users["chief"]), triage(users["inspector1"]))
    assert sorted(results, key=str) == sorted(["ok", rules.COMPLAINT_STATE], key=str)
    assert InspectionCase.objects.count() == 1
    assert Complaint.objects.get().energy_case == InspectionCase.objects.get()


@pytest.mark.django_db
def test_a_refused_triage_leaves_no_case(users):
    filed = services.complaint_file(**VALID)
    unit = EnergyUnitFactory(created_by=users["staff"])
    with pytest.raises(RuleViolation):  # one inspector: on-site needs two (三（四）5(3))
        services.complaint_energy(actor=users["chief"], complaint=filed.complaint, unit=unit, mode="onsite",
                                  planned_date=days(0), items=["4"], inspectors=[users["inspector1"]])
    assert not InspectionCase.objects.exists() and Complaint.objects.get().state == ComplaintState.RECEIVED


@pytest.mark.django_db(transaction=True)
def test_the_answer_is_emailed_after_commit(users):
    filed = services.complaint_file(**VALID)
    department = Department.objects.filter(is_bureau=False, assignments__isnull=False).first()
    complaint = services.complaint_refer(
        actor=users["chief"], complaint=filed.complaint, department=department, note="属该部门职责"
    )
    services.complaint_answer(actor=users["chief"], complaint=complaint, feedback="已移送，由其依法处理。")
    assert [m.to for m in mail.outbox] == [[VALID["email"]]] and "已移送" in mail.outbox[0].body


@pytest.mark.django_db
def test_triage_into_an_oversight_investigation_and_who_may_triage(users):
    filed = services.complaint_file(**VALID)
    with pytest.raises(Exception) as caught:
        services.complaint_investigate(
            actor=users["staff"],
            complaint=filed.complaint,
            checked_sections=[],
            contents=[],
            methods=[],
            started_on=days(0),
            inspectors=[],
        )
    assert caught.type.__name__ == "PermissionDenied"
    complaint = services.complaint_investigate(
        actor=users["inspector1"],
        complaint=filed.complaint,
        checked_sections=[Section.objects.get(code="sme")],
        contents=[CheckContent.ACT],
        methods=[CheckMethod.WRITTEN],
        started_on=days(0),
        inspectors=[users["inspector1"]],
    )
    assert complaint.state == ComplaintState.INVESTIGATING
    assert complaint.investigation.origin == CheckOrigin.COMPLAINT
    assert filed.complaint.tracking_number in complaint.investigation.origin_note
