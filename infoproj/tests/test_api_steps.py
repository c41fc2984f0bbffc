"""The API's steps of key projects (三（三）), IT plan filings (三（六）) and briefings: every step of each table with
sources has an endpoint, each case is created by POST on its list and walked through its endpoints; a step refused by
a rule answers 400 with the rule and its clause and changes nothing, a step the user may not take 403."""

import datetime
from decimal import Decimal

import pytest
import time_machine

from infoproj import rules, services
from infoproj.api import programmes
from infoproj.models import Briefing, KeyProject, PlanFiling
from infoproj.workflow import BRIEFING_WORKFLOW, KEY_WORKFLOW, PLAN_WORKFLOW
from linggao_mi.casework.api_steps import missing_endpoints
from linggao_mi.casework.models import CaseEvent, of_case
from linggao_mi.documents.services import document_approve, document_issue, document_submit

from .conftest import TODAY, pdf

pytestmark = pytest.mark.django_db

JSON = "application/json"


@pytest.mark.parametrize("workflow, endpoints", [
    (KEY_WORKFLOW, programmes.KEY_ENDPOINTS), (PLAN_WORKFLOW, programmes.PLAN_ENDPOINTS),
    (BRIEFING_WORKFLOW, programmes.BRIEFING_ENDPOINTS),
])
def test_every_step_has_an_endpoint(workflow, endpoints):
    assert missing_endpoints(workflow, endpoints) == []


def _refused(answer, rule):
    assert answer.status_code == 400, answer.content
    body = answer.json()
    assert body["rule"] == rule.code and body["clause"] == rule.clause


def test_a_key_project_is_registered_tracked_and_completed(client, it):
    client.force_login(it["staff"])
    url = "/api/v1/infoproj/key-projects/"
    answer = client.post(url, {"name": "临高金牌港风电装备制造基地", "kind": "industrial",
                               "owner_unit": "海南示范风电装备有限公司", "owner_contact": "项目办",
                               "investment": "560000.00", "location": "金牌港",
                               "description": "风电装备制造"}, content_type=JSON)
    assert answer.status_code == 201, answer.content
    case = answer.json()
    assert case["state"] == "tracking" and "weekly_record" in {s["step"] for s in case["next_steps"]}
    url = f"{url}{case['id']}/"

    weekly = {"contacted_on": TODAY().isoformat(), "progress": "厂房钢结构完成封顶"}
    assert client.post(f"{url}weekly-record", weekly, content_type=JSON).status_code == 200
    _refused(client.post(f"{url}weekly-record", {**weekly, "progress": "又一次"}, content_type=JSON), rules.WEEKLY_ONCE)
    assert KeyProject.objects.get(pk=case["id"]).weekly_records.count() == 1

    answer = client.post(f"{url}milestone-add", {"name": "主体厂房封顶", "planned_on": TODAY().isoformat()},
                         content_type=JSON)
    assert answer.status_code == 200
    milestone = KeyProject.objects.get(pk=case["id"]).milestones.get()
    answer = client.post(f"{url}milestone-done", {"milestone": milestone.pk, "done_on": TODAY().isoformat()},
                         content_type=JSON)
    assert answer.status_code == 200
    milestone.refresh_from_db()
    assert milestone.done_on == TODAY()
    answer = client.post(f"{url}milestone-done", {"milestone": milestone.pk, "done_on": TODAY().isoformat()},
                         content_type=JSON)
    _refused(answer, rules.MILESTONE_DONE)

    completed = {"completed_on": TODAY().isoformat()}
    assert client.post(f"{url}complete", completed, content_type=JSON).status_code == 403  # a decision: the chief's
    client.force_login(it["chief"])
    answer = client.post(f"{url}complete", completed, content_type=JSON)
    assert answer.status_code == 200 and answer.json()["state"] == "completed"
    assert answer.json()["completed_on"] == TODAY().isoformat()
    answer = client.post(f"{url}assess", {"year": TODAY().year, "reporting": "按周报送", "follow_up": "跟踪到位",
                                          "result": "pass"}, content_type=JSON)
    assert answer.status_code == 200, answer.content
    assert KeyProject.objects.get(pk=case["id"]).assessments.get().year == TODAY().year


def test_a_milestone_already_done_is_refused_with_its_clause_and_nothing_changes(client, it):
    case = services.key_register(actor=it["staff"], name="临高金牌港风电装备制造基地", kind="industrial",
                                 owner_unit="海南示范风电装备有限公司", owner_contact="项目办",
                                 investment=Decimal("560000"), location="金牌港", description="风电装备制造")
    case = services.milestone_add(actor=it["staff"], case=case, name="主体厂房封顶", planned_on=TODAY())
    case = services.milestone_add(actor=it["staff"], case=case, name="设备安装完成", planned_on=TODAY())
    roofed, installed = case.milestones.order_by("pk")
    case = services.milestone_done(actor=it["staff"], case=case, milestone=roofed, done_on=TODAY())
    events = CaseEvent.objects.filter(of_case(case)).count()
    client.force_login(it["staff"])

    answer = client.post(f"/api/v1/infoproj/key-projects/{case.pk}/milestone-done",
                         {"milestone": roofed.pk, "done_on": TODAY().isoformat()}, content_type=JSON)
    _refused(answer, rules.MILESTONE_DONE)
    assert answer.json()["detail"] == "该项目节点已登记完成，不能重复登记" and answer.json()["clause"] == "三（三）2"
    assert "主体厂房封顶" in answer.json()["explanation"]
    assert [m.done_on for m in case.milestones.order_by("pk")] == [TODAY(), None]
    assert CaseEvent.objects.filter(of_case(case)).count() == events


def test_the_county_plan_is_approved_filed_with_the_province_and_checked(client, it):
    client.force_login(it["staff"])
    url = "/api/v1/infoproj/plans/"
    answer = client.post(url, {"filer_kind": "county", "filer_name": "临高县人民政府", "title": "临高县信息化发展规划",
                               "period_from": 2026, "period_to": 2030, "submitted_on": TODAY().isoformat(),
                               "upload": pdf("规划.pdf")})
    assert answer.status_code == 201, answer.content
    case = answer.json()
    assert case["state"] == "received"
    url = f"{url}{case['id']}/"

    _refused(client.post(f"{url}acknowledge", {"acknowledged_on": TODAY().isoformat(), "opinion": "同意备案"},
                         content_type=JSON), rules.PLAN_FILED_ONLY)
    approval = {"approved_on": TODAY().isoformat(), "approval_number": "临府函〔2026〕12号"}
    assert client.post(f"{url}county-approve", approval, content_type=JSON).status_code == 403
    client.force_login(it["chief"])
    answer = client.post(f"{url}county-approve", approval, content_type=JSON)
    assert answer.status_code == 200 and answer.json()["state"] == "approved"
    client.force_login(it["staff"])
    answer = client.post(f"{url}province-file", {"filed_on": TODAY().isoformat(), "receipt": "琼信备〔2026〕3号"},
                         content_type=JSON)
    assert answer.status_code == 200 and answer.json()["state"] == "filed_province"

    check = {"checked_on": TODAY().isoformat(), "group_members": "王股长、李科员", "methods": [],
             "findings": "按规划推进", "implementation": "good"}
    _refused(client.post(f"{url}plan-check", check, content_type=JSON), rules.PLAN_CHECK_METHODS)
    assert not PlanFiling.objects.get(pk=case["id"]).checks.exists()
    answer = client.post(f"{url}plan-check", {**check, "methods": ["compare", "report"]}, content_type=JSON)
    assert answer.status_code == 200, answer.content
    assert PlanFiling.objects.get(pk=case["id"]).checks.get().methods == ["compare", "report"]


@time_machine.travel(datetime.datetime(2026, 10, 15, 2, 0, tzinfo=datetime.UTC), tick=False)
def test_a_briefing_is_created_and_issued_once_its_document_is(client, it):
    wind = services.key_register(actor=it["staff"], name="临高金牌港风电装备制造基地", kind="industrial",
                                 owner_unit="海南示范风电装备有限公司", owner_contact="项目办",
                                 investment=Decimal("560000"), location="金牌港", description="风电装备制造")
    services.weekly_record(actor=it["staff"], case=wind, contacted_on=datetime.date(2026, 9, 22), progress="封顶")
    client.force_login(it["staff"])
    url = "/api/v1/infoproj/briefings/"
    texts = {"analysis": "用地报批是主要制约因素。", "recommendations": "建立用地报批专班"}
    body = {"kind": "quarterly", "year": 2026, "quarter": 4, "texts": texts}
    _refused(client.post(url, body, content_type=JSON), rules.QUARTER_NOT_ENDED)
    answer = client.post(url, {**body, "quarter": 3}, content_type=JSON)
    assert answer.status_code == 201, answer.json()
    case = answer.json()
    assert case["state"] == "drafting" and case["document"]
    _refused(client.post(url, {**body, "quarter": 3}, content_type=JSON), rules.BRIEFING_ONCE)
    assert Briefing.objects.count() == 1
    url = f"{url}{case['id']}/"

    _refused(client.post(f"{url}briefing-issue", {}, content_type=JSON), rules.BRIEFING_NOT_ISSUED)
    document = Briefing.objects.get(pk=case["id"]).document
    document_submit(actor=it["staff"], document=document)
    document_approve(actor=it["chief"], document=document)
    document_issue(actor=it["chief"], document=document)
    client.force_login(it["staff2"])  # same section, not handling it
    assert client.post(f"{url}briefing-issue", {}, content_type=JSON).status_code == 403
    client.force_login(it["staff"])
    answer = client.post(f"{url}briefing-issue", {}, content_type=JSON)
    assert answer.status_code == 200 and answer.json()["state"] == "issued"
    assert Briefing.objects.get(pk=case["id"]).is_closed
