"""Fixtures of the energy tests: a registered unit and helpers that walk a case to a given step.

Cases are walked as they happen: each step runs on its own day (time_machine travels there), so a notice is served
before the inspection it announces and nothing is a late entry unless a test makes it one.
"""

import contextlib
import datetime
import zoneinfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from energy import services
from energy.choices import CheckItem, FindingResult, Measure, Mode, Outcome, SignerCapacity, Trigger
from energy.services import FindingInput
from linggao_mi.documents.services import document_approve, document_issue, document_serve, document_submit
from linggao_mi.org.models import Department

from .factories import EnergyUnitFactory, InspectionCaseFactory

TODAY = timezone.localdate
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def on(day: datetime.date, hour: int = 10):
    """Run the block as if it were `day` (10:00 in Lingao); today's date is left alone."""
    if day == timezone.localdate():
        return contextlib.nullcontext()
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(hour), tzinfo=SHANGHAI), tick=False)


def scan(name: str = "书面文件.png") -> SimpleUploadedFile:
    """The unit's written document, as a scanned page."""
    return SimpleUploadedFile(name, PNG, content_type="image/png")


@pytest.fixture
def unit(users):
    return EnergyUnitFactory(name="临高华能示范电力有限公司", created_by=users["staff"])


def plan(users, unit, *, mode=Mode.ONSITE, trigger=Trigger.PLAN, planned=None, at=None, **kwargs):
    """A case planned by inspector1 for both certified inspectors (on site, 10 days after `at` unless told)."""
    at = at or TODAY()
    with on(at):
        return InspectionCaseFactory(
            unit=unit, mode=mode, trigger=trigger, planned_date=planned or at + datetime.timedelta(days=10),
            inspectors=[users["inspector1"], users["inspector2"]], actor=users["inspector1"], **kwargs,
        )


REQUIREMENTS = "请准备近三年能源统计报表、能源计量器具台账，并安排能源管理负责人在场。"


def issue_and_serve(users, document, served_on=None):
    """The chief approves and issues `document`; inspector1 serves it on `served_on` (today unless told)."""
    served_on = served_on or TODAY()
    with on(served_on):
        document_submit(actor=users["inspector1"], document=document)
        document_approve(actor=users["chief"], document=document)
        document_issue(actor=users["chief"], document=document)
        return document_serve(
            actor=users["inspector1"], document=document, method="direct", served_on=served_on, recipient="王建国"
        )


def serve_notice(users, case, *, served_on=None, requirements=REQUIREMENTS):
    """Draft, approve, issue and serve the 节能监察通知书 on `served_on` (the day the case was planned)."""
    served_on = served_on or timezone.localdate(case.created_at)
    with on(served_on):
        case = services.notice_draft(actor=users["inspector1"], case=case, requirements=requirements)
    issue_and_serve(users, case.notice_document, served_on)
    case.refresh_from_db()
    return case


def file_record(users, case, *, day=None, findings=None, **overrides):
    day = day or case.planned_date
    start = datetime.datetime.combine(day, datetime.time(9, 0), tzinfo=SHANGHAI)
    kwargs = dict(
        actor=users["inspector1"], case=case, started_at=start, ended_at=start + datetime.timedelta(hours=2),
        place="临高县金牌港开发区 厂区", inspectors=[users["inspector1"], users["inspector2"]],
        present="陈明（能源管理负责人）", measures=[Measure.ENTER, Measure.DOCUMENTS],
        findings=findings if findings is not None else violation_findings(),
        signer_name="王建国", signer_capacity=SignerCapacity.LEGAL_REPRESENTATIVE,
    )
    kwargs.update(overrides)
    with on(day, 12):
        return services.record_file(**kwargs)


def violation_findings(punishable=False):
    return {
        CheckItem.ELIMINATION: FindingInput(
            FindingResult.VIOLATION, "仍在使用国家明令淘汰的高耗能电动机2台",
            "《中华人民共和国节约能源法》第十七条", punishable,
        ),
        CheckItem.METERING: FindingInput(FindingResult.COMPLIANT, "能源计量器具配备齐全"),
    }


def onsite_recorded(users, unit, findings=None, *, start=-20):
    """A 计划监察 on site: planned on day `start`, notice served that day, inspected ten days later."""
    case = plan(users, unit, at=days(start))
    case = serve_notice(users, case)
    return file_record(users, case, findings=findings)


def decide_violation(users, case, *, months=3, ended_on=None, actor="inspector1", **kwargs):
    ended_on = ended_on or case.planned_date
    with on(ended_on, 17):
        return services.outcome_decide(
            actor=users[actor], case=case, outcome=Outcome.VIOLATION, ended_on=ended_on,
            rectification_requirements="停止使用淘汰电动机，更换为二级能效以上产品。", rectification_months=months,
            **kwargs,
        )


def serve_outcome(users, case, served_on=None):
    """Approve, issue and serve the case's outcome document; the case moves on by the documents' hook."""
    case.refresh_from_db()
    issue_and_serve(users, case.outcome_document, served_on)
    case.refresh_from_db()
    return case


def referral(department: "str | Department" = "县发改委") -> services.RecommendationInput:
    """A referral for penalty to a department of the list (三（四）6(3)), by name or as a row."""
    if isinstance(department, str):
        department = Department.objects.get(name=department)
    return services.RecommendationInput(
        department, "《中华人民共和国节约能源法》第七十一条", "使用国家明令淘汰的用能设备"
    )


def rectifying(users, unit, *, months=3):
    """A case in 限期整改: recorded 10 days ago, notice served today."""
    case = decide_violation(users, onsite_recorded(users, unit), months=months)
    return serve_outcome(users, case)
