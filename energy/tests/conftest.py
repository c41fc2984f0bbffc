"""Fixtures of the energy tests: a registered unit and helpers that walk a case to a given step."""

import datetime

import pytest
from django.utils import timezone

from energy import services
from energy.choices import CheckItem, FindingResult, Measure, Mode, Outcome, SignerCapacity, Trigger
from energy.services import FindingInput
from linggao_mi.documents.services import document_approve, document_issue, document_submit

from .factories import EnergyUnitFactory, InspectionCaseFactory

TODAY = timezone.localdate


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def unit(users):
    return EnergyUnitFactory(name="临高华能示范电力有限公司", created_by=users["staff"])


def plan(users, unit, *, mode=Mode.ONSITE, trigger=Trigger.PLAN, planned=None, **kwargs):
    """A case planned by inspector1 for both certified inspectors (on site, 10 days ahead, unless told)."""
    return InspectionCaseFactory(
        unit=unit, mode=mode, trigger=trigger, planned_date=planned or days(10),
        inspectors=[users["inspector1"], users["inspector2"]], **kwargs,
    )


def serve_notice(users, case, *, served_on=None, planned_date=None):
    return services.notice_serve(
        actor=users["inspector1"], case=case, served_on=served_on or days(-12), method="直接送达",
        recipient="陈明", requirements="请准备近三年能源统计报表、能源计量器具台账，并安排能源管理负责人在场。",
        planned_date=planned_date if planned_date is not None else days(-3),
    )


def file_record(users, case, *, day=None, findings=None, **overrides):
    day = day or days(-3)
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))
    kwargs = dict(
        actor=users["inspector1"], case=case, started_at=start, ended_at=start + datetime.timedelta(hours=2),
        place="临高县金牌港开发区 厂区", inspectors=[users["inspector1"], users["inspector2"]],
        present="陈明（能源管理负责人）", measures=[Measure.ENTER, Measure.DOCUMENTS],
        findings=findings if findings is not None else violation_findings(),
        signer_name="王建国", signer_capacity=SignerCapacity.LEGAL_REPRESENTATIVE,
    )
    kwargs.update(overrides)
    return services.record_file(**kwargs)


def violation_findings():
    return {
        CheckItem.ELIMINATION: FindingInput(
            FindingResult.VIOLATION, "仍在使用国家明令淘汰的高耗能电动机2台",
            "《中华人民共和国节约能源法》第十七条",
        ),
        CheckItem.METERING: FindingInput(FindingResult.COMPLIANT, "能源计量器具配备齐全"),
    }


def onsite_recorded(users, unit, findings=None):
    case = plan(users, unit)
    serve_notice(users, case)
    return file_record(users, case, findings=findings)


def decide_violation(users, case, *, months=3, ended_on=None, recommendation=None):
    return services.outcome_decide(
        actor=users["inspector1"], case=case, outcome=Outcome.VIOLATION, ended_on=ended_on or days(-3),
        rectification_requirements="停止使用淘汰电动机，更换为二级能效以上产品。", rectification_months=months,
        recommendation=recommendation,
    )


def issue_document(users, case):
    case.refresh_from_db()
    document = case.outcome_document
    document_submit(actor=users["inspector1"], document=document)
    document_approve(actor=users["chief"], document=document)
    return document_issue(actor=users["chief"], document=document)


def serve_document(users, case, served_on=None):
    return services.outcome_document_serve(
        actor=users["inspector1"], case=case, method="direct", served_on=served_on or TODAY(), recipient="王建国"
    )
