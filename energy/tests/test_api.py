"""The REST API: units CRUD by permission; cases scoped; the transition endpoints made from the workflow table
(POST /api/v1/energy/cases/{id}/<step-name>, with or without the slash); refusals with their rule and clause; 403 for
a step the user may not take; the case's deadlines and next steps in its body; the schema."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from energy import rules, services
from energy.api import ENDPOINTS
from energy.choices import CaseState, Outcome
from energy.models import EnergyUnit, InspectionCase
from energy.validators import credit_code_complete
from energy.workflow import WORKFLOW
from linggao_mi.casework import rules as kit
from linggao_mi.casework.api_steps import missing_endpoints
from linggao_mi.documents.services import document_approve, document_issue, document_submit
from linggao_mi.org.choices import Role
from linggao_mi.org.models import Department, Section
from tests.factories import CertificateFactory, UserFactory

from .conftest import (
    TODAY,
    days,
    decide_violation,
    on,
    onsite_recorded,
    plan,
    rectifying,
    scan,
    violation_findings,
)

pytestmark = pytest.mark.django_db
UNITS, CASES = "/api/v1/energy/units", "/api/v1/energy/cases"
DAY = datetime.timedelta(days=1)


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def step(case, name: str) -> str:
    return f"{CASES}/{case.pk if hasattr(case, 'pk') else case}/{name}"


def refusal(response, rule) -> dict:
    assert response.status_code == 400, response.content.decode()
    body = response.json()
    assert body["rule"] == rule.code and body["detail"] == rule.message and body["clause"] == rule.clause, body
    return body


def issue(users, document) -> None:
    document_submit(actor=users["inspector1"], document=document)
    document_approve(actor=users["chief"], document=document)
    document_issue(actor=users["chief"], document=document)


def department(name: str = "县发改委") -> Department:
    return Department.objects.get(name=name)


UNIT = {
    "name": "临高示范水泥有限公司", "credit_code": credit_code_complete("91469028MA5T00002"), "address": "临高县博厚镇",
    "legal_representative": "李四", "contact_person": "张三", "contact_phone": "13800000000", "industry": "建材",
    "is_key_unit": True, "annual_energy_use": "5600.00",
}


def test_units_crud_by_permission(users):
    assert api().get(UNITS).status_code in (401, 403)
    assert api(users["legal"]).get(UNITS).status_code == 403
    assert api(users["leader"]).post(UNITS, UNIT, format="json").status_code == 403
    response = api(users["staff"]).post(UNITS, UNIT, format="json")
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    assert api(users["leader"]).get(f"{UNITS}/{pk}").json()["name"] == UNIT["name"]
    bad = api(users["staff"]).patch(f"{UNITS}/{pk}", {"credit_code": "914403001922038217"}, format="json")
    assert bad.status_code == 400 and bad.json()["credit_code"] == [str(rules.CREDIT_CODE_CHECK_DIGIT)]
    assert api(users["staff"]).patch(f"{UNITS}/{pk}/", {"contact_phone": "0898-1"}, format="json").status_code == 200
    assert EnergyUnit.objects.get().contact_phone == "0898-1"
    assert api(users["staff"]).delete(f"{UNITS}/{pk}").status_code == 403
    assert api(users["admin"]).delete(f"{UNITS}/{pk}").status_code == 204


def test_plan_refusals_and_scope(users, unit):
    onsite = {
        "unit": unit.pk, "mode": "onsite", "trigger": "plan", "planned_date": days(2).isoformat(),
        "items": ["1", "2"], "inspectors": [users["inspector1"].pk, users["inspector2"].pk],
    }
    body = refusal(api(users["inspector1"]).post(CASES, onsite, format="json"), rules.NOTICE_LEAD)
    assert "7日" in body["explanation"]
    duplicate = {**onsite, "trigger": "spot", "planned_date": TODAY().isoformat(),
                 "inspectors": [users["inspector1"].pk, users["inspector1"].pk]}
    refusal(api(users["inspector1"]).post(CASES, duplicate, format="json"), kit.INSPECTORS_DISTINCT)
    alone = {**duplicate, "inspectors": [users["inspector1"].pk]}
    refusal(api(users["inspector1"]).post(CASES, alone, format="json"), rules.TWO_INSPECTORS)
    past = {**duplicate, "inspectors": [users["inspector1"].pk, users["inspector2"].pk],
            "planned_date": days(-2).isoformat()}
    refusal(api(users["inspector1"]).post(CASES, past, format="json"), kit.LATE_ENTRY_REASON)
    assert api(users["staff"]).post(CASES, {**past, "late_reason": "补录"}, format="json").status_code == 403
    assert not InspectionCase.objects.exists()

    response = api(users["inspector1"]).post(f"{CASES}/", {**past, "late_reason": "举报现场处理后补录"}, format="json")
    assert response.status_code == 201, response.json()
    created = response.json()
    assert created["reference"].startswith("临工信节监〔") and created["state"] == CaseState.PLANNED
    pk = created["id"]
    assert [c["id"] for c in api(users["inspector2"]).get(CASES).json()["results"]] == [pk]
    assert api(users["leader"]).get(f"{CASES}/{pk}").status_code == 200
    assert api(users["legal"]).get(f"{CASES}/{pk}").status_code == 403  # no energy role at all
    outsider = UserFactory(username="t_out", role=Role.INSPECTOR, section=Section.objects.exclude(code="industry")[0])
    CertificateFactory(holder=outsider)
    assert api(outsider).get(f"{CASES}/{pk}").status_code == 404
    assert api(outsider).post(step(pk, "testing-commission"), {}, format="json").status_code == 404
    assert api(outsider).get(CASES).json()["results"] == []


def test_record_outcome_and_closing_through_the_endpoints(users, unit):
    case = plan(users, unit, trigger="spot", planned=TODAY())
    inspector = api(users["inspector1"])
    start = f"{TODAY().isoformat()}T09:00:00+08:00"
    record = {
        "started_at": start, "ended_at": f"{TODAY().isoformat()}T10:00:00+08:00", "place": "厂区",
        "inspectors": [users["inspector1"].pk, users["inspector2"].pk], "present": "张三", "measures": ["1"],
        "findings": [{"item": "1", "result": "compliant"}, {"item": "4", "result": "compliant"}],
        "refused": True, "refusal_note": "",
    }
    refusal(inspector.post(step(case, "record-file"), record, format="json"), rules.RECORD_SIGNATURE)
    dup = {**record, "refusal_note": "法定代表人拒绝签字", "inspectors": [users["inspector1"].pk] * 2}
    refusal(inspector.post(step(case, "record-file"), dup, format="json"), kit.INSPECTORS_DISTINCT)
    record["refusal_note"] = "法定代表人拒绝签字"
    response = inspector.post(step(case, "record-file/"), record, format="json")  # with the slash too
    assert response.status_code == 200 and response.json()["state"] == CaseState.RECORDED

    none = {"outcome": "none", "ended_on": TODAY().isoformat()}
    assert api(users["staff"]).post(step(case, "outcome-decide"), none, format="json").status_code == 403
    response = inspector.post(step(case, "outcome-decide"), none, format="json")
    assert response.status_code == 200 and response.json()["state"] == CaseState.TO_CLOSE
    assert response.json()["deadlines"] == []
    refusal(inspector.post(step(case, "outcome-decide"), none, format="json"), kit.STATE_FORBIDS)
    close = {"reason": "未发现问题，予以结案"}
    assert inspector.post(step(case, "close"), close, format="json").status_code == 403
    response = api(users["chief"]).post(step(case, "close"), close, format="json")
    assert response.status_code == 200 and response.json()["state"] == CaseState.CLOSED
    assert response.json()["closed_on"] == TODAY().isoformat() and response.json()["next_steps"] == []


def test_case_body_has_its_deadlines_and_the_users_next_steps(users, unit):
    case = plan(users, unit)
    body = api(users["inspector1"]).get(f"{CASES}/{case.pk}").json()
    next_steps = {s["step"]: s for s in body["next_steps"]}
    assert set(next_steps) == {"notice_draft", "plan_correct", "notice_served", "record_file"}
    assert next_steps["notice_draft"] == {"step": "notice_draft", "label": "起草节能监察通知书", "blocked": None}
    assert next_steps["record_file"]["blocked"].startswith(str(rules.NOTICE_REQUIRED))
    assert api(users["leader"]).get(f"{CASES}/{case.pk}").json()["next_steps"] == []  # decides, does not handle
    assert api(users["staff"]).get(f"{CASES}/{case.pk}").json()["next_steps"] == []

    case = decide_violation(users, onsite_recorded(users, unit))
    body = api(users["inspector1"]).get(f"{CASES}/{case.pk}/").json()
    assert body["state"] == CaseState.NOTICE_PENDING and body["outcome_document"] == case.outcome_document_id
    delivery = case.delivery_deadline
    assert body["deadlines"] == [{"rule": rules.RULE_DELIVERY, "due": delivery.due.isoformat(),
                                  "provisional": delivery.provisional, "met_on": None}]
    served = {s["step"]: s["blocked"] for s in body["next_steps"]}
    assert served["outcome_served"].startswith(str(rules.OUTCOME_DOCUMENT_NOT_ISSUED))
    listed = api(users["inspector1"]).get(CASES, {"state": CaseState.NOTICE_PENDING}).json()["results"]
    assert [c["id"] for c in listed] == [case.pk] and listed[0]["deadlines"] == body["deadlines"]


def test_a_step_the_user_may_not_take_is_403_and_changes_nothing(users, unit):
    case = onsite_recorded(users, unit, findings=violation_findings(punishable=True))
    referral = {"department": department().pk, "basis": "第七十一条", "facts": "使用淘汰设备"}
    proposal = {"outcome": "direct_penalty", "ended_on": TODAY().isoformat(), "recommendation": referral}
    inspector = api(users["inspector1"])
    refusal(inspector.post(step(case, "outcome-decide"), proposal, format="json"), kit.DECISION_NEEDS_CHIEF)
    response = inspector.post(step(case, "outcome-propose"), proposal, format="json")
    assert response.status_code == 200 and response.json()["state"] == CaseState.OUTCOME_PROPOSED
    for name in ("outcome-confirm", "outcome-return"):
        assert inspector.post(step(case, name), {"reasons": "同意"}, format="json").status_code == 403, name
    assert api(users["leader"]).post(step(case, "record-file"), {}, format="json").status_code == 403
    assert api(users["admin"]).post(step(case, "outcome-confirm"), {}, format="json").status_code == 403
    assert InspectionCase.objects.get(pk=case.pk).state == CaseState.OUTCOME_PROPOSED
    response = api(users["chief"]).post(step(case, "outcome-confirm"), {"reasons": "同意移送"}, format="json")
    assert response.status_code == 200 and response.json()["state"] == CaseState.REFERRED
    assert case.recommendations.get().department == department()


def test_testing_fee_refused_with_clause(users, unit):
    case = onsite_recorded(users, unit)
    response = api(users["inspector1"]).post(step(case, "testing-commission"), {
        "agency_name": "检测中心", "qualification_number": "CMA-9", "items": "能效", "commissioned_on": TODAY(),
        "fee_charged_to_unit": "100.00",
    }, format="json")
    assert response.status_code == 400
    assert response.json() == {"detail": rules.TESTING_FREE.message, "rule": rules.TESTING_FREE.code,
                               "clause": "三（四）5(5)"}


def test_every_step_has_its_endpoint_in_the_schema(tmp_path):
    assert missing_endpoints(WORKFLOW, ENDPOINTS) == []
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--file", str(out), "--validate", "--fail-on-warn")
    schema = out.read_text(encoding="utf-8")
    for path in ("/api/v1/energy/units/:", "/api/v1/energy/units/{id}/:", "/api/v1/energy/cases/:",
                 "/api/v1/energy/cases/{id}/:"):
        assert path in schema, path
    for taken in WORKFLOW:
        if taken.sources:
            assert f"/api/v1/energy/cases/{{id}}/{taken.name.replace('_', '-')}/:" in schema, taken.name
    for old in ("notice", "serve", "record", "outcome", "testing"):
        assert f"/api/v1/energy/cases/{{id}}/{old}/:" not in schema, old
    assert "BadRequest" in schema and "clause" in schema


def test_written_case_notice_to_closing_through_the_api(users, unit):
    case = plan(users, unit, mode="written", planned=days(1))
    inspector = api(users["inspector1"])
    early = {"received_on": TODAY(), "paper": True, "electronic": False, "description": "报告"}
    refusal(inspector.post(step(case, "materials-receive"), early, format="json"), kit.STATE_FORBIDS)
    response = inspector.post(step(case, "notice-draft"), {"requirements": "报送能源利用状况报告"}, format="json")
    assert response.status_code == 200 and response.json()["state"] == CaseState.PLANNED
    case.refresh_from_db()
    assert response.json()["notice_document"] == case.notice_document_id
    serve = {"method": "mail", "served_on": TODAY().isoformat(), "recipient": "陈明"}
    issue(users, case.notice_document)
    response = inspector.post(step(case, "notice-served"), serve, format="json")
    assert response.status_code == 200 and response.json()["state"] == CaseState.NOTIFIED
    assert response.json()["notice_served_on"] == TODAY().isoformat()
    case.refresh_from_db()
    assert case.notice_document.served_method == "mail"

    materials = {"received_on": TODAY().isoformat(), "paper": True, "electronic": False, "description": "年度报告"}
    refusal(inspector.post(step(case, "materials-receive"), materials, format="json"), rules.MATERIALS_IN_WRITING)
    response = inspector.post(step(case, "materials-receive"), {**materials, "uploads": [scan("报告.png")]},
                              format="multipart")
    assert response.status_code == 200 and response.json()["state"] == CaseState.MATERIALS_RECEIVED
    response = inspector.post(step(case, "outcome-decide"), {
        "outcome": "violation", "ended_on": TODAY(), "rectification_requirements": "补报", "rectification_months": 1,
        "findings": [{"item": "1", "result": "violation", "facts": "使用淘汰设备", "basis": "节约能源法第十七条"}],
    }, format="json")
    assert response.status_code == 200 and response.json()["state"] == CaseState.NOTICE_PENDING
    assert response.json()["findings"][0]["facts"] == "使用淘汰设备"
    case.refresh_from_db()
    issue(users, case.outcome_document)
    response = inspector.post(step(case, "outcome-served"), {**serve, "method": "direct"}, format="json")
    assert response.status_code == 200 and response.json()["state"] == CaseState.RECTIFYING
    rules_due = {d["rule"]: d for d in response.json()["deadlines"]}
    assert rules_due[rules.RULE_DELIVERY]["met_on"] == TODAY().isoformat()
    assert rules_due[rules.RULE_RECTIFICATION]["met_on"] is None

    report = {"received_on": TODAY().isoformat(), "summary": "已补报"}
    refusal(inspector.post(step(case, "report-receive"), report, format="json"), rules.REPORT_IN_WRITING)
    response = inspector.post(step(case, "report-receive"), {**report, "uploads": [scan()]}, format="multipart")
    assert response.status_code == 200 and response.json()["state"] == CaseState.REPORTED
    response = inspector.post(step(case, "verify"), {
        "verified_on": TODAY(), "verification_result": "passed", "notes": "已核实",
    }, format="json")
    assert response.status_code == 200 and response.json()["state"] == CaseState.TO_CLOSE
    assert response.json()["verification_result"] == "passed"
    response = api(users["leader"]).post(step(case, "close"), {"reason": "整改到位"}, format="json")
    assert response.status_code == 200 and response.json()["state"] == CaseState.CLOSED


def test_serving_a_document_the_case_does_not_have_is_refused_not_an_error(users, unit):
    """notice-served on a case whose 节能监察通知书 is not drafted answers 400 with the rule the step's guard names
    (NOTICE_REQUIRED), and so does outcome-served before there is an outcome document: never a 500."""
    case = plan(users, unit)
    serve = {"method": "direct", "served_on": TODAY().isoformat(), "recipient": "陈明"}
    client = api(users["inspector1"])
    client.raise_request_exception = False
    response = client.post(step(case, "notice-served"), serve, format="json")
    refusal(response, rules.NOTICE_REQUIRED)
    recorded = onsite_recorded(users, unit)
    refusal(client.post(step(recorded, "outcome-served"), serve, format="json"), kit.STATE_FORBIDS)
    drafted = decide_violation(users, onsite_recorded(users, unit))
    refusal(client.post(step(drafted, "outcome-served"), serve, format="json"), rules.OUTCOME_DOCUMENT_NOT_ISSUED)
    assert InspectionCase.objects.get(pk=drafted.pk).state == CaseState.NOTICE_PENDING


def test_testing_extension_escalation_and_closing_through_the_api(users, unit):
    case = onsite_recorded(users, unit)
    inspector = api(users["inspector1"])
    response = inspector.post(step(case, "testing-commission"), {
        "agency_name": "检测中心", "qualification_number": "CMA-9", "items": "能效", "commissioned_on": TODAY(),
    }, format="json")
    assert response.status_code == 200
    testing = case.testings.get()
    response = inspector.post(step(case, "testing-result"), {
        "testing": testing.pk + 99, "results": "合格", "results_on": TODAY(),
    }, format="json")
    assert response.status_code == 400 and response.json() == {"testing": ["本案没有该委托检测记录。"]}
    refusal(inspector.post(step(case, "outcome-decide"), {
        "outcome": "none", "ended_on": TODAY()}, format="json"), rules.TESTING_PENDING)
    response = inspector.post(step(case, "testing-result"), {
        "testing": testing.pk, "results": "效率低于限定值", "results_on": TODAY(),
    }, format="json")
    assert response.status_code == 200
    testing.refresh_from_db()
    assert testing.results == "效率低于限定值"
    case = services.outcome_decide(actor=users["inspector1"], case=case, outcome=Outcome.VIOLATION, ended_on=TODAY(),
                                   rectification_requirements="更换", rectification_months=1)
    issue(users, case.outcome_document)
    inspector.post(step(case, "outcome-served"), {"method": "direct", "served_on": TODAY(), "recipient": "王建国"},
                   format="json")
    case.refresh_from_db()
    assert case.state == CaseState.RECTIFYING
    due = case.rectification_deadline.due

    chief = api(users["chief"])
    decide = {"approve": True, "reasons": "理由属实", "granted_months": 1}
    refusal(chief.post(step(case, "extension-decide"), decide, format="json"), rules.EXTENSION_NONE_PENDING)
    received = due - 3 * DAY
    with on(received):
        request = {"received_on": received.isoformat(), "requested_months": 2, "reasons": "设备采购周期长"}
        refusal(inspector.post(step(case, "extension-request"), request, format="json"), rules.EXTENSION_IN_WRITING)
        response = inspector.post(step(case, "extension-request"), {**request, "upload": scan("申请.png")},
                                  format="multipart")
        assert response.status_code == 200
        assert inspector.post(step(case, "extension-decide"), decide, format="json").status_code == 403
        body = refusal(chief.post(step(case, "extension-decide"), {**decide, "granted_months": 3}, format="json"),
                       rules.EXTENSION_GRANT_EXCEEDS)
        assert "申请延期2个月" in body["explanation"]
        response = chief.post(step(case, "extension-decide"), decide, format="json")
        assert response.status_code == 200 and response.json()["extension_months"] == 1
    case.refresh_from_db()
    new_due = case.rectification_deadline.due
    assert {d["rule"]: d["due"] for d in response.json()["deadlines"]}[rules.RULE_RECTIFICATION] == new_due.isoformat()

    escalate = {"recommendation": {"department": department("县安监局").pk, "basis": "第七十一条",
                                   "facts": "逾期未整改"}}
    with on(new_due):
        refusal(chief.post(step(case, "escalate"), escalate, format="json"), rules.ESCALATE_NOT_OVERDUE)
    with on(new_due + DAY):
        assert inspector.post(step(case, "escalate"), escalate, format="json").status_code == 403
        bureau = Department.objects.filter(is_bureau=True).first()
        bad = {"recommendation": {**escalate["recommendation"], "department": bureau.pk}}
        assert chief.post(step(case, "escalate"), bad, format="json").status_code == 400  # not in the list
        response = chief.post(step(case, "escalate"), escalate, format="json")
        assert response.status_code == 200 and response.json()["state"] == CaseState.ESCALATED
        response = chief.post(step(case, "close"), {"reason": "已移送"}, format="json")
    assert response.status_code == 200 and response.json()["state"] == CaseState.CLOSED
    assert case.recommendations.get().department.name == "县安监局"


def test_extension_requests_in_the_window_only(users, unit):
    case = rectifying(users, unit)
    due = case.rectification_deadline.due
    inspector = api(users["inspector1"])
    for day, ok in ((due - 15 * DAY, False), (due - 14 * DAY, True)):
        with on(day):
            response = inspector.post(step(case, "extension-request"), {
                "received_on": day.isoformat(), "requested_months": 1, "reasons": "资金未到位", "upload": scan(),
            }, format="multipart")
        if ok:
            assert response.status_code == 200, response.json()
        else:
            assert "受理期间" in refusal(response, rules.EXTENSION_WINDOW)["explanation"]


def test_the_case_list_costs_the_same_queries_for_one_case_or_many(users, unit):
    """Lists leave out each case's next steps (their guards query per case); the deadlines come prefetched."""
    client = api(users["inspector1"])
    decide_violation(users, onsite_recorded(users, unit))
    with CaptureQueriesContext(connection) as one:
        assert len(client.get(CASES).json()["results"]) == 1
    for _ in range(3):
        plan(users, unit)
    with CaptureQueriesContext(connection) as four:
        body = client.get(CASES).json()
    assert len(body["results"]) == 4 and "next_steps" not in body["results"][0]
    assert len(four.captured_queries) == len(one.captured_queries)
