"""The REST API: units CRUD by permission, cases scoped, transitions as POST actions, rule errors, schema."""

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from energy import rules
from energy.choices import CaseState
from energy.models import EnergyUnit
from energy.validators import credit_code_complete

from .conftest import TODAY, days, onsite_recorded, plan

pytestmark = pytest.mark.django_db
UNITS, CASES = "/api/v1/energy/units", "/api/v1/energy/cases"


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


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
    assert api(users["staff"]).patch(f"{UNITS}/{pk}", {"contact_phone": "0898-1"}, format="json").status_code == 200
    assert EnergyUnit.objects.get().contact_phone == "0898-1"
    assert api(users["staff"]).delete(f"{UNITS}/{pk}").status_code == 403
    assert api(users["admin"]).delete(f"{UNITS}/{pk}").status_code == 204


def test_cases_scoped_and_transitions(users, unit):
    response = api(users["inspector1"]).post(CASES, {
        "unit": unit.pk, "mode": "onsite", "trigger": "plan", "planned_date": days(2).isoformat(),
        "items": ["1", "2"], "inspectors": [users["inspector1"].pk, users["inspector2"].pk],
    }, format="json")
    assert response.status_code == 400
    assert response.json()["rule"] == rules.NOTICE_LEAD.code
    assert response.json().items() >= {"detail": rules.NOTICE_LEAD.message, "clause": "三（四）5(2)"}.items()
    response = api(users["inspector1"]).post(CASES, {
        "unit": unit.pk, "mode": "onsite", "trigger": "spot", "planned_date": TODAY().isoformat(),
        "items": ["1", "2"], "inspectors": [users["inspector1"].pk, users["inspector2"].pk],
    }, format="json")
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    assert response.json()["reference"].startswith("临工信节监")
    assert [c["id"] for c in api(users["inspector2"]).get(CASES).json()["results"]] == [pk]
    assert api(users["leader"]).get(f"{CASES}/{pk}").status_code == 200
    assert api(users["legal"]).get(f"{CASES}/{pk}").status_code == 403  # no energy role at all
    record = {
        "started_at": f"{TODAY().isoformat()}T09:00:00+08:00", "ended_at": f"{TODAY().isoformat()}T10:00:00+08:00",
        "place": "厂区", "inspectors": [users["inspector1"].pk, users["inspector2"].pk], "present": "张三",
        "measures": ["1"], "findings": [{"item": "1", "result": "compliant"}, {"item": "2", "result": "compliant"}],
        "refused": True, "refusal_note": "",
    }
    response = api(users["inspector1"]).post(f"{CASES}/{pk}/record", record, format="json")
    assert response.status_code == 400 and response.json()["rule"] == rules.RECORD_SIGNATURE.code
    record["refusal_note"] = "法定代表人拒绝签字"
    response = api(users["inspector1"]).post(f"{CASES}/{pk}/record", record, format="json")
    assert response.status_code == 200 and response.json()["state"] == CaseState.RECORDED
    response = api(users["staff"]).post(f"{CASES}/{pk}/outcome", {"outcome": "none", "ended_on": TODAY()},
                                        format="json")
    assert response.status_code == 403
    response = api(users["inspector1"]).post(f"{CASES}/{pk}/outcome", {"outcome": "none", "ended_on": TODAY()},
                                             format="json")
    assert response.status_code == 200 and response.json()["state"] == CaseState.CLOSED
    response = api(users["inspector1"]).post(f"{CASES}/{pk}/outcome", {"outcome": "none", "ended_on": TODAY()},
                                             format="json")
    assert response.status_code == 400 and response.json()["rule"] == "state"


def test_case_out_of_scope_is_404(users, unit):
    from linggao_mi.org.choices import Role
    from linggao_mi.org.models import Section
    from tests.factories import UserFactory

    case = onsite_recorded(users, unit)
    outsider = UserFactory(username="t_out", role=Role.INSPECTOR, section=Section.objects.exclude(code="industry")[0])
    assert api(outsider).get(f"{CASES}/{case.pk}").status_code == 404
    assert api(outsider).post(f"{CASES}/{case.pk}/testing", {}, format="json").status_code == 404
    assert api(outsider).get(CASES).json()["results"] == []


def test_testing_fee_refused_with_clause(users, unit):
    case = onsite_recorded(users, unit)
    response = api(users["inspector1"]).post(f"{CASES}/{case.pk}/testing", {
        "agency_name": "检测中心", "qualification_number": "CMA-9", "items": "能效", "commissioned_on": TODAY(),
        "fee_charged_to_unit": "100.00",
    }, format="json")
    assert response.status_code == 400
    assert response.json() == {"detail": rules.TESTING_FREE.message, "rule": rules.TESTING_FREE.code,
                               "clause": "三（四）5(5)"}


def test_schema_lists_the_endpoints_without_warnings(tmp_path, capsys):
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--file", str(out), "--validate", "--fail-on-warn")
    schema = out.read_text(encoding="utf-8")
    for path in ("/api/v1/energy/units:", "/api/v1/energy/units/{id}:", "/api/v1/energy/cases:",
                 "/api/v1/energy/cases/{id}:"):
        assert path in schema, path
    for step in ("notice", "materials", "record", "testing", "testing-result", "outcome", "serve", "report",
                 "verify", "escalate", "extension-request", "extension-decide", "close"):
        assert f"/api/v1/energy/cases/{{id}}/{step}:" in schema, step
    assert "EnergyRuleError" in schema


def test_plan_case_api_not_allowed_for_staff(users, unit):
    response = api(users["staff"]).post(CASES, {
        "unit": unit.pk, "mode": "written", "trigger": "plan", "planned_date": days(3).isoformat(),
        "items": ["1"], "inspectors": [users["inspector1"].pk],
    }, format="json")
    assert response.status_code == 403
    assert plan(users, unit, mode="written", planned=days(1)).pk


def test_written_case_notice_to_verification_through_the_api(users, unit):
    from .conftest import issue_document

    case = plan(users, unit, mode="written", planned=days(1))
    inspector = api(users["inspector1"])
    response = inspector.post(f"{CASES}/{case.pk}/notice", {
        "served_on": TODAY(), "method": "mail", "recipient": "陈明", "requirements": "报送能源利用状况报告",
    }, format="json")
    assert response.status_code == 200 and response.json()["state"] == CaseState.NOTIFIED
    case.refresh_from_db()
    assert case.notice_method == "邮寄送达"  # the label of the ServiceMethod code
    response = inspector.post(f"{CASES}/{case.pk}/materials", {
        "received_on": TODAY(), "paper": True, "electronic": False, "description": "年度报告",
    }, format="json")
    assert response.status_code == 200 and response.json()["state"] == CaseState.MATERIALS_RECEIVED
    response = inspector.post(f"{CASES}/{case.pk}/outcome", {
        "outcome": "violation", "ended_on": TODAY(), "rectification_requirements": "补报", "rectification_months": 1,
        "findings": [{"item": "1", "result": "violation", "facts": "使用淘汰设备", "basis": "节约能源法第十七条"}],
    }, format="json")
    assert response.status_code == 200 and response.json()["state"] == CaseState.NOTICE_PENDING
    assert response.json()["findings"][0]["facts"] == "使用淘汰设备"
    issue_document(users, case)
    response = inspector.post(f"{CASES}/{case.pk}/serve", {
        "method": "direct", "served_on": TODAY(), "recipient": "王建国",
    }, format="json")
    assert response.status_code == 200 and response.json()["state"] == CaseState.RECTIFYING
    response = inspector.post(f"{CASES}/{case.pk}/report", {"received_on": TODAY(), "summary": "已补报"},
                              format="json")
    assert response.status_code == 200 and response.json()["state"] == CaseState.REPORTED
    response = inspector.post(f"{CASES}/{case.pk}/verify", {
        "verified_on": TODAY(), "verification_result": "passed", "notes": "已核实",
    }, format="json")
    assert response.status_code == 200 and response.json()["state"] == CaseState.CLOSED
    assert response.json()["verification_result"] == "passed"


def test_testing_extension_escalation_and_closing_through_the_api(users, unit):
    from linggao_mi.deadlines.choices import DeadlineState
    from linggao_mi.deadlines.models import Deadline, DeadlineRule

    from .conftest import issue_document

    case = onsite_recorded(users, unit)
    inspector = api(users["inspector1"])
    response = inspector.post(f"{CASES}/{case.pk}/testing", {
        "agency_name": "检测中心", "qualification_number": "CMA-9", "items": "能效", "commissioned_on": TODAY(),
    }, format="json")
    assert response.status_code == 200
    testing = case.testings.get()
    response = inspector.post(f"{CASES}/{case.pk}/testing-result", {
        "testing": testing.pk + 99, "results": "合格", "results_on": TODAY(),
    }, format="json")
    assert response.status_code == 400 and response.json() == {"testing": ["本案没有该委托检测记录。"]}
    response = inspector.post(f"{CASES}/{case.pk}/testing-result", {
        "testing": testing.pk, "results": "效率低于限定值", "results_on": TODAY(),
    }, format="json")
    assert response.status_code == 200
    testing.refresh_from_db()
    assert testing.results == "效率低于限定值"
    response = inspector.post(f"{CASES}/{case.pk}/outcome", {
        "outcome": "violation", "ended_on": TODAY(), "rectification_requirements": "更换", "rectification_months": 1,
        "recommendation": {"department": "临高县人民政府", "basis": "第七十一条", "facts": "使用淘汰设备"},
    }, format="json")
    assert response.status_code == 200 and response.json()["state"] == CaseState.NOTICE_PENDING
    assert case.recommendations.get().department == "临高县人民政府"
    issue_document(users, case)
    inspector.post(f"{CASES}/{case.pk}/serve", {"method": "direct", "served_on": TODAY(), "recipient": "王建国"},
                   format="json")
    decide = {"approve": True, "reasons": "理由属实", "granted_months": 1}
    response = api(users["chief"]).post(f"{CASES}/{case.pk}/extension-decide", decide, format="json")
    assert response.status_code == 400 and response.json()["rule"] == rules.EXTENSION_PENDING.code
    DeadlineRule.objects.filter(code=rules.RULE_EXTENSION_WINDOW).update(amount=60)
    response = inspector.post(f"{CASES}/{case.pk}/extension-request", {
        "received_on": TODAY(), "requested_months": 2, "reasons": "设备采购周期长",
    }, format="json")
    assert response.status_code == 200
    response = api(users["chief"]).post(f"{CASES}/{case.pk}/extension-decide", decide, format="json")
    assert response.status_code == 200 and response.json()["extension_months"] == 1
    case.refresh_from_db()
    Deadline.objects.filter(pk=case.rectification_deadline_id).update(due=days(-1), state=DeadlineState.OVERDUE)
    response = inspector.post(f"{CASES}/{case.pk}/escalate", {}, format="json")
    assert response.status_code == 200 and response.json()["state"] == CaseState.ESCALATED
    response = api(users["chief"]).post(f"{CASES}/{case.pk}/close", {
        "reason": "已移送", "recommendation": {"department": "临高县市场监督管理局", "basis": "第七十一条",
                                              "facts": "逾期未整改"},
    }, format="json")
    assert response.status_code == 200 and response.json()["state"] == CaseState.CLOSED
    assert case.recommendations.count() == 2
