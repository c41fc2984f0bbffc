"""A permission matrix read off the workflow tables: for every step page — anonymous (to login), a user outside the
case's scope (404, as a missing case), a section member without the step's permission (403), its handler, the
chief; and the API: the case bodies list their deadlines, the rule rows and document kinds are published."""

import pytest
from django.urls import reverse

from inspections import services, views
from inspections.rules import KIND_FAULT_DECISION, KIND_REVIEW_DECISION, KIND_SUPERVISION_NOTICE
from inspections.workflow import CHECK_WORKFLOW, FAULT_WORKFLOW, SUPERVISION_WORKFLOW
from linggao_mi.casework.workflow import DECIDE, HANDLE
from linggao_mi.org.choices import Role
from linggao_mi.org.models import Section
from tests.factories import UserFactory

from .conftest import open_check, open_supervision


@pytest.fixture
def cases(users, sme):
    check = open_check(users, sme)
    supervision = open_supervision(users, sme)
    fault = services.fault_open(
        actor=users["chief"],
        person=users["inspector2"],
        situations=["1"],
        evidence="证据",
        inspectors=[users["inspector1"]],
    )
    return {CHECK_WORKFLOW.model: check, SUPERVISION_WORKFLOW.model: supervision, FAULT_WORKFLOW.model: fault}


@pytest.fixture
def outsider(db):
    return UserFactory(username="t_outsider", role=Role.INSPECTOR, section=Section.objects.get(code="it"))


def expected(role: str, permission: str) -> int:
    """What the table says: handlers (inspector1) and the chief handle; the chief (and leaders) decide."""
    if role == "chief":
        return 200
    if role == "inspector1":
        return 200 if permission == HANDLE else 403
    return 403


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(views.STEPS))
def test_every_step_page_answers_as_the_workflow_table_says(client, users, cases, outsider, name):
    _, workflow, step, *_ = views.STEPS[name]
    case = cases[workflow.model]
    url = reverse(f"inspections:{name}", args=[case.pk])
    assert client.get(url).status_code == 302
    for role in ("inspector1", "chief", "staff", "leader"):
        client.force_login(users[role])
        want = (
            200
            if role == "leader" and workflow[step].permission == DECIDE
            else expected(role, workflow[step].permission)
        )
        assert client.get(url).status_code == want, (role, step)
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    assert client.get(reverse(f"inspections:{name}", args=[case.pk + 1000])).status_code == 404


@pytest.mark.django_db
def test_case_pages_api_bodies_rules_and_kinds(client, users, cases, outsider):
    client.force_login(users["inspector1"])
    for case in cases.values():
        page = client.get(case.get_absolute_url())
        assert page.status_code == 200 and case.reference in page.content.decode()
    assert client.get("/inspections/").status_code == 200
    body = client.get(f"/api/v1/inspections/supervisions/{cases[SUPERVISION_WORKFLOW.model].pk}/").json()
    assert body["reference"] == cases[SUPERVISION_WORKFLOW.model].reference and "deadlines" in body
    assert {s["step"] for s in body["next_steps"]} == {"notice_served"}
    listed = client.get("/api/v1/inspections/checks/").json()
    assert listed["count"] == 1 and listed["results"][0]["deadlines"] == []
    client.force_login(outsider)
    assert client.get(f"/api/v1/inspections/faults/{cases[FAULT_WORKFLOW.model].pk}/").status_code == 404
    rules = {r["code"] for r in client.get("/api/v1/deadline-rules/").json()}
    assert {
        "inspections_check_report",
        "inspections_correction",
        "inspections_review_window",
        "inspections_review_decision",
    } <= rules
    kinds = {k["code"] for k in client.get("/api/v1/document-kinds/").json()}
    assert {KIND_SUPERVISION_NOTICE, KIND_REVIEW_DECISION, KIND_FAULT_DECISION} <= kinds
