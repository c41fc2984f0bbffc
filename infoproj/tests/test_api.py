"""The API of infoproj: a project's body lists its deadlines like every regime's; a step refused by a rule answers 400
in Chinese with its rule and clause; a step the user may not take 403; outside the scope 404; the periods and
document kinds are published; announcements are public once published."""

import datetime

import pytest

from infoproj import rules, services
from infoproj.models import ITProject
from infoproj.reference import DEADLINE_RULES

from .conftest import TODAY, pdf, register, to_award, to_tendering

pytestmark = pytest.mark.django_db

API = "/api/v1/infoproj/projects/"


def test_every_period_and_document_kind_is_published(client, it):
    client.force_login(it["staff"])
    codes = {r["code"] for r in client.get("/api/v1/deadline-rules/").json()}
    assert {row[0] for row in DEADLINE_RULES} <= codes
    kinds = {k["code"]: k for k in client.get("/api/v1/document-kinds/").json()}
    for code in (rules.KIND_ACCEPTANCE_OPINION, rules.KIND_QUARTERLY_BRIEFING, rules.KIND_PLAN_REPORT):
        assert kinds[code]["regime"] == "infoproj" and kinds[code]["regime_name"] == "信息化与重点项目监管"


def test_register_refuses_other_funds_with_the_clause(client, it):
    client.force_login(it["staff"])
    body = {"name": "县某系统", "owner_unit": "县某局", "owner_contact": "x", "funding": "above", "build_kind": "new",
            "budget": "10.00", "approved_scale": "x", "approved_content": "x"}
    answer = client.post(API, body, content_type="application/json")
    assert answer.status_code == 400
    assert answer.json()["rule"] == rules.COUNTY_FUNDS_ONLY.code and answer.json()["clause"] == "三（七）1"
    assert not ITProject.objects.exists()
    answer = client.post(API, {**body, "funding": "county"}, content_type="application/json")
    assert answer.status_code == 201 and answer.json()["state"] == "feasibility"


def test_a_project_lists_its_deadlines_in_its_body(client, it):
    case = to_award(it["staff"], determined_on=datetime.date(2026, 9, 30))
    client.force_login(it["staff"])
    body = client.get(f"{API}{case.pk}/").json()
    assert body["deadlines"] == [
        {"rule": rules.RULE_AWARD_ANNOUNCEMENT, "due": "2026-10-09", "provisional": False, "met_on": None}
    ]
    assert [d["rule"] for d in client.get(API).json()["results"][0]["deadlines"]] == [rules.RULE_AWARD_ANNOUNCEMENT]


def test_a_step_refused_by_a_rule_answers_400_naming_the_missing_fields(client, it):
    case = to_tendering(it["staff"])
    client.force_login(it["staff"])
    answer = client.post(f"{API}{case.pk}/winner-determine", {"determined_on": TODAY().isoformat()},
                         content_type="application/json")
    assert answer.status_code == 200 and answer.json()["state"] == "award_pending"
    answer = client.post(f"{API}{case.pk}/announcement-publish",
                         {"notice_sent_on": TODAY().isoformat(), "published_on": TODAY().isoformat()},
                         content_type="application/json")
    assert answer.status_code == 400
    body = answer.json()
    assert body["rule"] == rules.ANNOUNCEMENT_FIELDS.code and body["clause"] == "三（八）5(2)"
    assert "采购代理机构名称" in body["explanation"] and "评审专家名单" in body["explanation"]


def test_a_failed_gate_answers_400_and_the_project_stays(client, it):
    case = register(it["staff"])
    client.force_login(it["staff"])
    review = {"reviewed_on": TODAY().isoformat(), "experts": "王专家", "standards_implemented": False,
              "standards_opinion": "未按标准编制", "passed": False, "opinions": "按标准修改"}
    assert client.post(f"{API}{case.pk}/feasibility-review", review, content_type="application/json").status_code == 200
    answer = client.post(f"{API}{case.pk}/tender-file-submit", {"submitted_on": TODAY().isoformat()})
    assert answer.status_code == 400  # no file: the serializer refuses it in Chinese
    answer = client.post(f"{API}{case.pk}/tender-file-submit", {"submitted_on": TODAY().isoformat(), "upload": pdf()})
    assert answer.status_code == 400 and answer.json()["rule"] == rules.GATE_FAILED.code
    assert ITProject.objects.get(pk=case.pk).state == "feasibility"


def test_403_for_a_step_the_user_may_not_take_and_404_outside_the_scope(client, it):
    case = register(it["staff"])
    client.force_login(it["staff2"])  # same section: may read, not handle
    assert client.get(f"{API}{case.pk}/").status_code == 200
    assert client.post(f"{API}{case.pk}/close", {}, content_type="application/json").status_code == 403
    client.force_login(it["outsider"])
    assert client.get(f"{API}{case.pk}/").status_code == 404
    assert client.post(f"{API}{case.pk}/close", {}, content_type="application/json").status_code == 404


def test_tenders_are_public_once_published(client, it):
    case = to_award(it["staff"])
    assert client.get("/api/v1/tenders/").json()["results"] == []
    services.announcement_publish(actor=it["staff"], case=case, notice_sent_on=TODAY(), published_on=TODAY())
    (published,) = client.get("/api/v1/tenders/").json()["results"]
    assert published["winner_name"] == "海南示范信息技术有限公司" and published["items"][0]["spec_model"]
    assert "notice_sent_on" not in published


def test_the_schema_documents_the_step_status_codes(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    responses = schema["paths"]["/api/v1/infoproj/projects/{id}/announcement-publish/"]["post"]["responses"]
    assert {"200", "400", "403", "404"} <= set(responses)
