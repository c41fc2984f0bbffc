"""Key projects (三（三）) and the documents made from records: weekly tracking and its chase at the week's end, the
monthly meeting, the quarterly briefing as a PDF read back (with its milestone chart), the yearly assessment, and the
yearly report on the IT plans (三（六）6)."""

import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from django.conf import settings
from django.core.exceptions import PermissionDenied
from pypdf import PdfReader

from infoproj import rules, services
from infoproj.choices import BriefingKind, BriefingState, KeyProjectKind
from infoproj.models import Briefing, KeyProject
from infoproj.tasks import chase_weekly_tracking
from linggao_mi.documents.services import document_approve, document_issue, document_submit
from linggao_mi.notifications.models import Notification
from tests.rules import refused

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 10, 15, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
Q3 = (datetime.date(2026, 7, 1), datetime.date(2026, 9, 30))


def _project(staff, name="临高金牌港风电装备制造基地", kind=KeyProjectKind.INDUSTRIAL):
    return services.key_register(actor=staff, name=name, kind=kind, owner_unit="海南示范风电装备有限公司",
                                 owner_contact="项目办", investment=Decimal("560000"), location="金牌港",
                                 description="风电装备制造")


def _fresh(case):
    return KeyProject.objects.get(pk=case.pk)


@time_machine.travel(NOW, tick=False)
def test_the_quarterly_briefing_pdf_states_the_quarters_records_and_its_chart(it):
    staff, chief = it["staff"], it["chief"]
    wind = _project(staff)
    fiber = _project(staff, "临高县5G网络覆盖工程", KeyProjectKind.IT)
    for case, (done, total) in ((wind, (1, 2)), (fiber, (0, 1))):
        for n in range(total):
            case = services.milestone_add(actor=staff, case=_fresh(case), name=f"节点{n + 1}",
                                          planned_on=datetime.date(2026, 8, 1 + n))
        for milestone in list(case.milestones.order_by("pk"))[:done]:
            services.milestone_done(actor=staff, case=_fresh(case), milestone=milestone,
                                    done_on=datetime.date(2026, 8, 20))
    services.weekly_record(actor=staff, case=_fresh(wind), contacted_on=datetime.date(2026, 9, 22),
                           progress="厂房钢结构完成封顶", problems="用地报批未完成",
                           subjective_causes="企业材料准备迟缓",
                           objective_causes="用地指标需省级调剂")
    services.weekly_record(actor=staff, case=_fresh(fiber), contacted_on=datetime.date(2026, 9, 8),
                           progress="基站选址完成")
    services.weekly_record(actor=staff, case=_fresh(wind), contacted_on=datetime.date(2026, 10, 13),
                           progress="第四季度的记录")  # outside the quarter
    services.meeting_record(actor=staff, held_on=datetime.date(2026, 9, 15), attendees="局领导、信息技术股",
                            summary="梳理项目进展", decisions=[services.DecisionInput(
                                wind, "协调加快用地报批", "县自然资源和规划局", datetime.date(2026, 10, 30))])
    refused(rules.QUARTER_NOT_ENDED, services.briefing_create, actor=staff, kind=BriefingKind.QUARTERLY, year=2026,
            quarter=4)
    briefing = services.briefing_create(
        actor=staff, kind=BriefingKind.QUARTERLY, year=2026, quarter=3,
        texts={"analysis": "用地报批是主要制约因素。", "recommendations": "建立用地报批专班"},
    )
    refused(rules.BRIEFING_ONCE, services.briefing_create, actor=staff, kind=BriefingKind.QUARTERLY, year=2026,
            quarter=3)
    document = briefing.document
    assert document.kind.code == rules.KIND_QUARTERLY_BRIEFING
    refused(rules.BRIEFING_NOT_ISSUED, services.briefing_issue, actor=staff, case=briefing)
    document_submit(actor=staff, document=document)
    document_approve(actor=chief, document=document)
    document = document_issue(actor=chief, document=document)

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(document.pdf.read())).pages)
    flat = text.replace("\n", "").replace(" ", "")
    for expected in ("2026年第3季度", "2026年7月1日至2026年9月30日", "临高金牌港风电装备制造基地",
                     "临高县5G网络覆盖工程", "厂房钢结构完成封顶", "基站选址完成", "用地报批未完成",
                     "主观因素：企业材料准备迟缓", "客观因素：用地指标需省级调剂",
                     "协调加快用地报批", "县自然资源和规划局", "建立用地报批专班", settings.BUREAU_NAME):
        assert expected in flat, expected
    assert "第四季度的记录" not in flat
    # The chart, drawn from SVG: its caption and one bar label per project with the share of milestones done.
    assert "节点完成比例" in flat
    assert "1/2（50%）" in flat and "0/1（0%）" in flat
    assert "<svg" in document.facts["chart"] and "<script" not in document.facts["chart"]

    briefing = services.briefing_issue(actor=staff, case=Briefing.objects.get(pk=briefing.pk))
    assert briefing.state == BriefingState.ISSUED and briefing.is_closed


def test_one_weekly_record_a_week(it):
    case = _project(it["staff"])
    day = datetime.date(2026, 11, 25)  # a Wednesday
    services.weekly_record(actor=it["staff"], case=case, contacted_on=day, progress="推进中")
    refused(rules.WEEKLY_ONCE, services.weekly_record, actor=it["staff"], case=_fresh(case),
            contacted_on=day + datetime.timedelta(days=2), progress="又一次")
    assert case.weekly_records.get().week_start == datetime.date(2026, 11, 23)


def test_the_weekly_chase_is_on_the_beat_schedule():
    entry = settings.CELERY_BEAT_SCHEDULE["key-project-weekly-tracking"]
    assert entry["task"] == chase_weekly_tracking.name
    assert entry["schedule"].day_of_week == {5}  # Friday


def test_a_project_without_this_weeks_record_is_chased_once(it):
    staff, chief = it["staff"], it["chief"]
    _project(staff, "甲项目")
    reported = _project(staff, "乙项目")
    today = datetime.date(2026, 12, 4)  # Friday, after both were registered
    with time_machine.travel(datetime.datetime(2026, 12, 4, 16, tzinfo=NOW.tzinfo), tick=False):
        services.weekly_record(actor=staff, case=reported, contacted_on=datetime.date(2026, 12, 1), progress="正常")
        assert chase_weekly_tracking(today.isoformat()) == 2  # the handler and the chief, for 甲项目 only
        assert chase_weekly_tracking(today.isoformat()) == 0  # run twice: nobody reminded twice
    notes = Notification.objects.filter(key__startswith="infoproj.weekly.")
    assert {n.user for n in notes} == {staff, chief}
    assert all("甲项目" in n.subject and "三（三）3、5" in n.body for n in notes)


def test_the_monthly_meeting_needs_its_decisions_with_owners_and_due_dates(it):
    case = _project(it["staff"])
    refused(rules.MEETING_DECISIONS, services.meeting_record, actor=it["staff"], held_on=datetime.date(2026, 11, 20),
            attendees="x", summary="x", decisions=[])
    refused(rules.MEETING_DECISIONS, services.meeting_record, actor=it["staff"], held_on=datetime.date(2026, 11, 20),
            attendees="x", summary="x",
            decisions=[services.DecisionInput(case, "协调用地", " ", datetime.date(2026, 12, 20))])
    services.meeting_record(actor=it["staff"], held_on=datetime.date(2026, 11, 20), attendees="x", summary="x",
                            decisions=[services.DecisionInput(case, "协调用地", "自然资源局",
                                                              datetime.date(2026, 12, 20))])
    refused(rules.MEETING_ONCE, services.meeting_record, actor=it["staff"], held_on=datetime.date(2026, 11, 21),
            attendees="x", summary="x",
            decisions=[services.DecisionInput(case, "协调用地", "自然资源局", datetime.date(2026, 12, 20))])


def test_the_yearly_assessment_counts_the_weeks_and_is_decided_by_the_chief(it):
    case = _project(it["staff"])
    with pytest.raises(PermissionDenied):  # the assessment is published in the bureau's name
        services.assess(actor=it["staff"], case=case, year=2026, reporting="按时", follow_up="到位", result="commend")
    case = services.assess(actor=it["chief"], case=case, year=2026, reporting="按时", follow_up="到位",
                           result="commend", published_on=None)
    assessment = case.assessments.get()
    assert assessment.get_result_display() == "通报表彰"
    assert assessment.weeks_reported == 0
    refused(rules.ASSESSMENT_ONCE, services.assess, actor=it["chief"], case=_fresh(case), year=2026, reporting="x",
            follow_up="x", result="pass")
