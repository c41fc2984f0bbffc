"""The staff lists of 三（三）（六）～（九) (linggao_mi.lists): search (by 编号 where the row has one), filters, sorts,
the next deadline with days left, the filtered list exported (read back with openpyxl), only what the user may see,
and a constant number of queries whatever the rows."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from infoproj import services
from infoproj.choices import BriefingKind, FilerKind, Funding, KeyProjectKind, PlanState, ProjectState
from tests.lists import exported_rows, queries_of

from .conftest import TODAY, pdf, register, to_award

pytestmark = pytest.mark.django_db
PROJECTS, TENDERS = reverse("infoproj:project_list"), reverse("infoproj:tender_results")
KEYS, MEETINGS = reverse("infoproj:key_list"), reverse("infoproj:meeting_list")
PLANS, BRIEFINGS = reverse("infoproj:plan_list"), reverse("infoproj:briefing_list")


def listed(client, url, attribute="reference", **query) -> list:
    response = client.get(url, query)
    assert response.status_code == 200
    return [str(getattr(row, attribute)) for row in response.context["page"].object_list]


def key(actor, name="风电装备产业园", kind=KeyProjectKind.INDUSTRIAL, investment="560000"):
    return services.key_register(actor=actor, name=name, kind=kind, owner_unit="海南示范风电装备有限公司",
                                 owner_contact="项目办", investment=Decimal(investment), location="金牌港",
                                 description="风电装备制造")


def plan(actor, filer_name="临城镇", filer_kind=FilerKind.TOWN):
    return services.plan_register(actor=actor, filer_kind=filer_kind, filer_name=filer_name, title="信息化发展专项规划",
                                  period_from=2026, period_to=2030, submitted_on=TODAY(), upload=pdf("规划.pdf"))


def test_it_projects_searched_filtered_sorted_with_deadlines_and_exported(client, it):
    platform = register(it["staff"])
    awarded = to_award(it["staff"])  # the announcement is due within 2 working days
    clinic = register(it["staff"], name="县医院信息系统运维", owner_unit="临高县人民医院", budget=Decimal("45.00"))
    client.force_login(it["staff"])
    assert listed(client, PROJECTS) == [clinic.reference, awarded.reference, platform.reference]
    assert listed(client, PROJECTS, q="人民医院") == [clinic.reference]
    assert listed(client, PROJECTS, q=platform.reference) == [platform.reference]
    assert listed(client, PROJECTS, state=ProjectState.AWARD_PENDING) == [awarded.reference]
    assert listed(client, PROJECTS, outside_plan="on", q="运维") == [clinic.reference]
    assert listed(client, PROJECTS, funding=Funding.ABOVE) == []
    assert listed(client, PROJECTS, sort="budget")[0] == clinic.reference
    assert listed(client, PROJECTS, sort="next_due")[0] == awarded.reference  # the rest have none: after it
    assert listed(client, PROJECTS, sort="-next_due")[0] == awarded.reference
    html = client.get(PROJECTS).content.decode()
    assert "发出中标、成交通知书并公告结果" in html and ("还剩" in html or "今日届满" in html)
    rows = exported_rows(client.get(PROJECTS, {"export": "xlsx", "q": "人民医院"}))
    assert rows[0][:3] == ("编号", "项目名称", "项目建设单位") and "资金来源" in rows[0]
    assert [r[0] for r in rows[1:]] == [clinic.reference] and rows[1][rows[0].index("规划")] == "规划外"
    client.force_login(it["outsider"])  # 工业股: none of 信息技术股's projects, on the page or in the file
    assert listed(client, PROJECTS) == []
    assert exported_rows(client.get(PROJECTS, {"export": "xlsx"}))[1:] == []


def test_tender_results_for_staff_announced_or_not(client, it):
    awarded = to_award(it["staff"])
    client.force_login(it["staff"])
    assert listed(client, TENDERS, "project_number") == ["LGCG-2026-018"]
    assert listed(client, TENDERS, "project_number", published="yes") == []
    assert listed(client, TENDERS, "project_number", published="no", q="示范信息技术") == ["LGCG-2026-018"]
    assert "未公告" in client.get(TENDERS).content.decode()
    rows = exported_rows(client.get(TENDERS, {"export": "xlsx", "published": "no"}))
    assert rows[0][:2] == ("工程编号", "项目名称") and rows[1][0] == awarded.reference
    assert rows[1][rows[0].index("中标（成交）金额（元）")] == 3650000
    client.force_login(it["outsider"])
    assert listed(client, TENDERS) == []


def test_key_projects_and_meetings(client, it):
    wind = key(it["staff"])
    fiber = key(it["staff"], "千兆光网覆盖", KeyProjectKind.IT, "12000")
    due = TODAY() + datetime.timedelta(days=30)
    decision = services.DecisionInput(wind, "协调加快用地报批", "县自然资源和规划局", due)
    services.meeting_record(actor=it["staff"], held_on=TODAY() - datetime.timedelta(days=2),
                            attendees="局领导、信息技术股", summary="梳理项目进展", decisions=[decision])
    client.force_login(it["staff"])
    assert listed(client, KEYS, q="光网") == [fiber.reference]
    assert listed(client, KEYS, kind=KeyProjectKind.IT) == [fiber.reference]
    assert listed(client, KEYS, sort="investment") == [fiber.reference, wind.reference]
    assert listed(client, KEYS, sort="name") == [fiber.reference, wind.reference]  # 千 U+5343 before 风 U+98CE
    rows = exported_rows(client.get(KEYS, {"export": "xlsx", "kind": KeyProjectKind.INDUSTRIAL}))
    assert rows[0][:3] == ("编号", "项目名称", "类别") and [r[0] for r in rows[1:]] == [wind.reference]
    assert rows[1][rows[0].index("周跟踪（周）")] == 0
    assert listed(client, MEETINGS, "attendees", q="局领导") == ["局领导、信息技术股"]
    assert listed(client, MEETINGS, "attendees", year=TODAY().year - 5) == []
    assert len(listed(client, MEETINGS, "attendees", open_decisions="on")) == 1
    rows = exported_rows(client.get(MEETINGS, {"export": "xlsx"}))
    assert rows[0] == ("会议", "会议日期", "参会人员", "会议纪要", "议定事项") and "协调加快用地报批" in rows[1][4]
    client.force_login(it["outsider"])
    assert listed(client, KEYS) == []


def test_plans_and_briefings(client, it):
    town = plan(it["staff"])
    company = plan(it["staff"], "海南示范数码科技有限公司", FilerKind.ENTERPRISE)
    town = services.plan_acknowledge(actor=it["staff"], case=town, acknowledged_on=TODAY(), opinion="予以备案")
    services.plan_check(actor=it["staff"], case=town, checked_on=TODAY(), group_members="检查组", methods=["self"],
                        findings="按规划推进", implementation="good")
    year = TODAY().year
    briefing = services.briefing_create(actor=it["staff"], kind=BriefingKind.PLAN_REPORT, year=year,
                                        texts={"summary": "总体良好"})
    client.force_login(it["staff"])
    assert listed(client, PLANS, q="数码") == [company.reference]
    assert listed(client, PLANS, filer_kind=FilerKind.TOWN) == [town.reference]
    assert listed(client, PLANS, sort="filer_name") == [town.reference, company.reference]  # 临 U+4E34 before 海
    rows = exported_rows(client.get(PLANS, {"export": "xlsx", "q": "临城镇"}))
    assert rows[0][:3] == ("编号", "编制单位", "编制单位类别") and [r[0] for r in rows[1:]] == [town.reference]
    assert listed(client, BRIEFINGS, q=briefing.reference) == [briefing.reference]
    assert listed(client, PLANS, state=PlanState.ACKNOWLEDGED) == [town.reference]
    assert listed(client, BRIEFINGS, kind=BriefingKind.QUARTERLY) == []
    assert listed(client, BRIEFINGS, period_year=year) == [briefing.reference]
    assert listed(client, BRIEFINGS, period_year=year - 1) == []
    rows = exported_rows(client.get(BRIEFINGS, {"export": "xlsx"}))
    assert rows[0][:3] == ("编号", "类别", "期间") and rows[1][2] == f"{year}年"
    client.force_login(it["outsider"])
    assert listed(client, PLANS) == [] and listed(client, BRIEFINGS) == []


def meeting(actor, project, months_ago: int):
    held_on = (TODAY().replace(day=1) - datetime.timedelta(days=months_ago * 31)).replace(day=5)
    due = held_on + datetime.timedelta(days=30)
    decisions = [services.DecisionInput(project, text, "县自然资源和规划局", due) for text in ("协调用地", "协调供电")]
    return services.meeting_record(actor=actor, held_on=held_on, attendees="局领导", summary="梳理项目进展",
                                   decisions=decisions)


@pytest.mark.parametrize("url", [PROJECTS, KEYS, PLANS, TENDERS, MEETINGS])
def test_each_list_keeps_a_constant_number_of_queries(client, it, url):
    wind = key(it["staff"]) if url == MEETINGS else None

    def add(n):
        if url == MEETINGS:
            meeting(it["staff"], wind, n + 1)
        elif url == PROJECTS:
            register(it["staff"], name=f"项目{n}")
        elif url == KEYS:
            key(it["staff"], f"重点项目{n}")
        elif url == PLANS:
            plan(it["staff"], f"镇{n}")
        else:
            to_award(it["staff"])

    client.force_login(it["staff"])
    add(0)
    queries = [{}, {"export": "xlsx"}, {"q": "项", "sort": "-created_at"}]
    few = [queries_of(client, url, q) for q in queries]
    for n in range(1, 4):
        add(n)
    assert [queries_of(client, url, q) for q in queries] == few
