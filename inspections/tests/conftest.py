"""Fixtures of the inspections tests: cases walked through the services, each step on its own day (time_machine)."""

import datetime

import pytest
from django.utils import timezone

from energy.tests.conftest import on, scan
from inspections import services
from inspections.choices import CheckContent, CheckMethod, CheckOrigin, NoticeDecision, NoticeSituation
from linggao_mi.documents.services import document_approve, document_issue, document_serve, document_submit
from linggao_mi.org.models import Section

__all__ = ["days", "on", "scan"]


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def sme():
    return Section.objects.get(code="sme")


def open_check(users, sme, *, at=None):
    with on(at or timezone.localdate()):
        return services.check_open(
            actor=users["inspector1"],
            origin=CheckOrigin.DEPLOYMENT,
            origin_note="省工信厅2026年执法监督检查部署",
            checked_sections=[sme],
            contents=[CheckContent.PROCEDURE, CheckContent.FILES],
            methods=[CheckMethod.SPOT, CheckMethod.FOCUS],
            started_on=at or timezone.localdate(),
            inspectors=[users["inspector1"], users["inspector2"]],
        )


def open_supervision(users, sme, *, at=None, source_check=None, days_=20):
    with on(at or timezone.localdate()):
        return services.supervision_open(
            actor=users["inspector1"],
            checked_section=sme,
            situations=[NoticeSituation.PROCEDURE],
            facts="2026年抽查的3件行政检查案卷均未制作现场检查笔录。",
            decision=NoticeDecision.CORRECT,
            decision_text="责令你单位补正程序，今后现场检查一律制作笔录。",
            basis="三（一）5(2)《海南省行政执法监督规定》",
            execution="补正案卷并书面报告执行结果",
            correction_days=days_,
            inspectors=[users["inspector1"], users["inspector2"]],
            source_check=source_check,
        )


def pass_and_serve(users, document, day, *, legal=True):
    """Legal review passes the document, the chief approves and issues it, inspector1 serves it, all on `day`."""
    with on(day):
        if legal:
            review = services.legal_review_request(actor=users["inspector1"], document=document)
            services.legal_review_decide(actor=users["legal"], review=review, passed=True)
        document_submit(actor=users["inspector1"], document=document)
        document_approve(actor=users["chief"], document=document)
        document_issue(actor=users["chief"], document=document)
        return document_serve(
            actor=users["inspector1"], document=document, method="direct", served_on=day, recipient="中小企业股 李股长"
        )


def served_supervision(users, sme, *, at):
    case = open_supervision(users, sme, at=at)
    pass_and_serve(users, case.notice_document, at)
    case.refresh_from_db()
    return case


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Each test starts with no submissions counted against its client address."""
    from django.core.cache import cache

    cache.clear()
