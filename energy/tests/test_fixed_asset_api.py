"""The API of 三（五） as issue 9 specifies it: projects with their triggers, changes, the checks' steps."""

import datetime

import pytest
from django.contrib.auth.models import User

from energy.fixed_asset.choices import CheckState
from energy.fixed_asset.models import FixedAssetProject
from energy.fixed_asset.rules import (
    KIND_CHECK_NOTICE,
    KIND_FEEDBACK,
    KIND_STOP_ORDER,
    RULE_PERIODIC_CHECK,
    RULE_START_WINDOW,
)

from . import fixed_asset_helpers as h
from .conftest import TODAY

pytestmark = pytest.mark.django_db
PROJECTS = "/api/v1/fixed-asset/projects"
CHECKS = "/api/v1/fixed-asset/checks"


def body(unit, **fields):
    return {
        "owner_credit_code": unit.credit_code, "name": "临高光伏组件生产线项目",
        "review_passed_on": (TODAY() - datetime.timedelta(days=30)).isoformat(),
        "approved_annual_consumption_tce": "2500.00", "construction_started_on": None, **fields,
    }


def test_create_read_change_with_triggers(users, client):
    unit = h.owner(users)
    client.force_login(users["staff"])
    created = client.post(PROJECTS, body(unit), content_type="application/json")
    assert created.status_code == 201, created.content
    project = created.json()
    assert project["triggers"] == [] and project["owner_name"] == unit.name
    assert project["deadlines"][0]["rule"] == RULE_PERIODIC_CHECK
    assert project["next_check_due"] == project["deadlines"][0]["due"]

    change = client.post(f"{PROJECTS}/{project['id']}/changes",
                         {"kind": "scale", "description": "产能翻番", "expected_annual_consumption_tce": "3000.00"},
                         content_type="application/json")
    assert change.status_code == 201, change.content
    triggers = change.json()["triggers"]
    assert [(t["code"], t["clause"], t["since"]) for t in triggers] == [
        ("consumption_up", "三（五）2(5)", TODAY().isoformat())
    ]
    read = client.get(f"{PROJECTS}/{project['id']}").json()
    assert read["triggers"][0]["code"] == "consumption_up" and len(read["changes"]) == 1
    listed = client.get(PROJECTS, {"trigger": "consumption_up"}).json()
    assert [p["id"] for p in listed["results"]] == [project["id"]]
    assert client.get(PROJECTS, {"trigger": "no_review"}).json()["results"] == []


def test_no_review_from_the_api(users, client):
    client.force_login(users["inspector1"])
    started = TODAY() - datetime.timedelta(days=5)
    response = client.post(PROJECTS, body(h.owner(users), review_status="none", review_passed_on=None,
                                          approved_annual_consumption_tce=None,
                                          construction_started_on=started.isoformat()),
                           content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["triggers"][0] | {"label": "", "facts": ""} == {
        "code": "no_review", "clause": "三（五）2(1)", "since": started.isoformat(), "label": "", "facts": "",
        "verified_consumption_tce": None,
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"owner_credit_code": "123"}, "统一社会信用代码"),
        ({"owner_credit_code": "91469028MA5TDE0M1X"}, "统一社会信用代码"),
        ({"review_status": "maybe"}, "不是合法选项"),
        ({"name": "项" * 201}, "不能超过 200 个字符"),
        ({"approved_annual_consumption_tce": "abc"}, "合法的数字"),
    ],
)
def test_bad_input_is_refused_in_chinese_and_changes_nothing(users, client, change, message):
    client.force_login(users["staff"])
    response = client.post(PROJECTS, body(h.owner(users), **change), content_type="application/json")
    assert response.status_code == 400
    assert message in response.content.decode(), response.content.decode()
    assert not FixedAssetProject.objects.exists()


def test_required_keys(users, client):
    client.force_login(users["staff"])
    response = client.post(PROJECTS, {"owner_credit_code": h.owner(users).credit_code, "name": "x"},
                           content_type="application/json")
    assert response.status_code == 400
    errors = response.json()
    assert set(errors) >= {"review_passed_on", "approved_annual_consumption_tce"}
    assert "该字段是必填项" in errors["review_passed_on"][0]


def test_a_rule_refusal_names_its_clause(users, client):
    client.force_login(users["staff"])
    from energy.validators import credit_code_complete

    response = client.post(PROJECTS, body(h.owner(users), owner_credit_code=credit_code_complete("91469028MA5TDE9X9")),
                           content_type="application/json")
    assert response.status_code == 400
    assert response.json()["rule"] == "fixed_asset.owner_not_registered" and response.json()["clause"] == "三（五）1"


def test_permissions(users, client):
    project = h.project(users)
    client.force_login(users["legal"])
    assert client.get(PROJECTS).status_code == 403
    assert client.post(PROJECTS, body(h.owner(users)), content_type="application/json").status_code == 403
    client.force_login(users["admin"])
    assert client.get(f"{PROJECTS}/{project.pk}").status_code == 200
    assert client.post(PROJECTS, body(h.owner(users)), content_type="application/json").status_code == 403
    client.force_login(users["staff"])
    assert client.get(f"{PROJECTS}/{project.pk + 999}").status_code == 404
    client.logout()
    assert client.get(PROJECTS).status_code in (401, 403)


def test_check_through_the_api(users, client):
    project = h.project(users, construction_started_on=TODAY())
    client.force_login(users["inspector1"])
    pair = [users["inspector1"].pk, users["inspector2"].pk]
    created = client.post(CHECKS, {"project": project.pk, "kind": "periodic", "method": "ordinary",
                                   "planned_date": TODAY().isoformat(), "plan": "检查方案", "inspectors": pair},
                          content_type="application/json")
    assert created.status_code == 201, created.content
    check = created.json()
    assert check["state"] == CheckState.PLANNED and "select" in [s["step"] for s in check["next_steps"]]
    step = client.post(f"{CHECKS}/{check['id']}/select",
                       {"done_on": TODAY().isoformat(), "inspectors": pair, "participants": "项目负责人"},
                       content_type="application/json")
    assert step.status_code == 200, step.content
    assert step.json()["step_records"][0]["step"] == 1
    early = client.post(f"{CHECKS}/{check['id']}/hear", {"done_on": TODAY().isoformat(), "inspectors": pair},
                        content_type="application/json")
    assert early.status_code == 400 and early.json()["clause"] == "三（五）5"
    assert "下发通知" in early.json()["explanation"]


def test_periods_and_kinds_are_published(users, client):
    client.force_login(users["staff"])
    rules = {r["code"]: r for r in client.get("/api/v1/deadline-rules/").json()["results"]} if isinstance(
        client.get("/api/v1/deadline-rules/").json(), dict) else {
        r["code"]: r for r in client.get("/api/v1/deadline-rules/").json()}
    assert rules[RULE_START_WINDOW]["amount"] == 2 and rules[RULE_START_WINDOW]["unit"] == "years"
    assert rules[RULE_PERIODIC_CHECK]["amount"] == 1
    kinds = client.get("/api/v1/document-kinds/").json()
    kinds = {k["code"]: k for k in (kinds["results"] if isinstance(kinds, dict) else kinds)}
    for code in (KIND_CHECK_NOTICE, KIND_FEEDBACK, KIND_STOP_ORDER):
        assert kinds[code]["regime"] == "energy"
    assert kinds[KIND_STOP_ORDER]["name"] == "责令停止建设通知书"


def test_leader_sees_every_check(users, client):
    case = h.plan(users, h.project(users))
    client.force_login(users["leader"])
    assert [c["id"] for c in client.get(CHECKS).json()["results"]] == [case.pk]
    outsider = User.objects.create_user("t_nobody")
    client.force_login(outsider)
    assert client.get(f"{CHECKS}/{case.pk}").status_code in (403, 404)
