"""三（五） pages, permissions from the workflow table, lists by trigger and by next check (and their export), demo."""

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from energy.fixed_asset import services
from energy.fixed_asset.api import ENDPOINTS
from energy.fixed_asset.choices import CheckState, ProcedureStep, TriggerCode
from energy.fixed_asset.models import FixedAssetProject, ProjectCheck
from energy.fixed_asset.workflow import WORKFLOW
from linggao_mi.casework.api_steps import missing_endpoints
from linggao_mi.casework.workflow import CREATE, DECIDE, HANDLE
from linggao_mi.documents.choices import DocumentState
from linggao_mi.org.choices import Role
from linggao_mi.org.models import Section
from tests.factories import CertificateFactory, UserFactory

from . import fixed_asset_helpers as h
from .conftest import TODAY

pytestmark = pytest.mark.django_db

ROLES = ["inspector_on_case", "inspector_off_case", "chief", "other_chief", "leader", "admin", "staff", "legal"]
MAY = {
    HANDLE: {"inspector_on_case", "chief"},
    DECIDE: {"chief", "leader"},
    CREATE: {"inspector_on_case", "inspector_off_case", "chief", "other_chief"},
}


@pytest.fixture
def people(users):
    off_case = UserFactory(username="t_inspector3", role=Role.INSPECTOR)
    CertificateFactory(holder=off_case)
    other_chief = UserFactory(username="t_chief_sme", role=Role.CHIEF, section=Section.objects.get(code="sme"))
    return {
        "inspector_on_case": users["inspector1"], "inspector_off_case": off_case, "chief": users["chief"],
        "other_chief": other_chief, "leader": users["leader"], "admin": users["admin"], "staff": users["staff"],
        "legal": users["legal"],
    }


@pytest.mark.parametrize("step", [s.name for s in WORKFLOW])
def test_permission_matrix(users, people, step):
    case = h.plan(users, h.project(users))
    actual = {role: WORKFLOW.may(people[role], case, step) for role in ROLES}
    assert actual == {role: role in MAY[WORKFLOW[step].permission] for role in ROLES}


def test_every_step_has_an_api_endpoint_and_every_page_its_url(users):
    assert missing_endpoints(WORKFLOW, ENDPOINTS) == []
    case = h.plan(users, h.project(users))
    for step in WORKFLOW:
        if step.url_name:
            assert reverse(f"energy:{step.url_name}", args=[] if not step.sources else [case.pk])


def test_service_page_and_api_refuse_who_lacks_the_permission(users, people, client):
    case = h.plan(users, h.project(users))
    url = reverse("energy:fixed_asset_step_select", args=[case.pk])
    api = f"/api/v1/fixed-asset/checks/{case.pk}/select"
    body = {"done_on": TODAY().isoformat(), "inspectors": [users["inspector1"].pk]}
    for role in ROLES:
        if role in MAY[HANDLE]:
            continue
        user = people[role]
        with pytest.raises(PermissionDenied):
            services.step_record(actor=user, case=case, step=ProcedureStep.SELECT, done_on=TODAY(),
                                 inspectors=[users["inspector1"]])
        client.force_login(user)
        # outside the user's scope: 404 as for a missing check; the section's members see it (403); the legal adviser
        # has no access to the regime at all (403)
        expected = 404 if role == "other_chief" else 403
        assert client.get(url).status_code == expected, role
        assert client.post(api, body, content_type="application/json").status_code == expected, role
    assert not case.step_records.exists()
    client.force_login(users["inspector1"])
    assert client.get(url).status_code == 200
    response = client.post(url, {"done_on": TODAY().isoformat(), "inspectors": [users["inspector1"].pk],
                                 "participants": "王建国"})
    assert response.status_code == 302 and case.step_records.get().participants == "王建国"


def test_measure_is_the_chiefs(users, client):
    project = h.project(users, construction_started_on=TODAY())
    services.trigger_record(actor=users["inspector1"], project=project, code=TriggerCode.BELOW_STANDARD,
                            since=TODAY(), facts="不符合强制性节能标准")
    case = h.fed_back(users, h.plan(users, project))
    url = reverse("energy:fixed_asset_measure", args=[case.pk])
    client.force_login(users["inspector1"])
    assert client.get(url).status_code == 403
    client.force_login(users["chief"])
    page = client.get(url)
    assert page.status_code == 200 and "第六十八条第二款" in page.content.decode()
    response = client.post(url, {"kind": "stop", "trigger": project.triggers.get().pk, "facts": "不符合标准",
                                 "requirements": "停止建设"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.stop_order_document.state == DocumentState.DRAFT
    detail = client.get(case.get_absolute_url()).content.decode()
    assert "责令停止建设通知书送达" in detail and "《中华人民共和国节约能源法》第六十八条第二款" in detail


def test_lists_by_trigger_and_next_check_searchable_and_exported(users, client):
    a = h.project(users, name="甲项目")
    b = h.project(users, name="乙项目", review_status="none", review_passed_on=None,
                  approved_annual_consumption_tce=None, construction_started_on=TODAY())
    client.force_login(users["staff"])
    url = reverse("energy:fixed_asset_projects")
    page = client.get(url, {"trigger": "no_review"}).content.decode()
    assert "乙项目" in page and "甲项目" not in page and "三（五）2(1)" in page
    assert "甲项目" in client.get(url, {"q": "甲"}).content.decode()
    ordered = list(client.get(url, {"ordering": "next_check"}).context["page"].object_list)
    assert [p.pk for p in ordered] == [a.pk, b.pk]  # the same due date: registration order
    export = client.get(url, {"trigger": "any", "export": "xlsx"})
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = list(load_workbook(io.BytesIO(export.content)).active.values)
    assert rows[0][0] == "项目名称" and [r[0] for r in rows[1:]] == ["乙项目"]
    assert "三（五）2(1)" in rows[1][9]


def test_the_list_keeps_a_constant_number_of_queries(users, client):
    client.force_login(users["staff"])
    url = reverse("energy:fixed_asset_projects")
    h.project(users)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for n in range(4):
        h.project(users, name=f"项目{n}", review_status="none", review_passed_on=None,
                  approved_annual_consumption_tce=None, construction_started_on=TODAY())
    with CaptureQueriesContext(connection) as five:
        client.get(url)
    assert len(five) == len(one)


def test_project_pages(users, client):
    project = h.project(users)
    client.force_login(users["staff"])
    detail = client.get(project.get_absolute_url()).content.decode()
    assert "年度定期检查" in detail and "登记项目变化" in detail and "制定检查方案" not in detail
    response = client.post(reverse("energy:fixed_asset_project_change", args=[project.pk]),
                           {"kind": "scale", "description": "扩建", "changed_on": TODAY().isoformat(),
                            "expected_annual_consumption_tce": "1250"})
    assert response.status_code == 302
    assert "三（五）2(5)" in client.get(project.get_absolute_url()).content.decode()
    refused = client.post(reverse("energy:fixed_asset_project_create"), {
        "owner": project.owner.pk, "name": "x", "review_status": "passed",
    })
    assert refused.status_code == 200 and "三（五）2(1)(4)(5)" in refused.content.decode()
    client.force_login(users["legal"])
    assert client.get(project.get_absolute_url()).status_code == 403


def test_demo_puts_a_project_at_every_stage():
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    assert FixedAssetProject.objects.count() == 6
    codes = {code for p in FixedAssetProject.objects.all() for code in p.triggers.values_list("code", flat=True)}
    assert codes == {TriggerCode.NOT_STARTED, TriggerCode.CONSUMPTION_UP, TriggerCode.NO_REVIEW,
                     TriggerCode.BELOW_STANDARD}
    states = sorted(ProjectCheck.objects.values_list("state", flat=True))
    assert states == sorted([CheckState.PLANNED, CheckState.CHECKING, CheckState.CHECKING, CheckState.FED_BACK,
                             CheckState.CLOSED])
    stop = ProjectCheck.objects.get(state=CheckState.FED_BACK).stop_order_document
    assert stop.state == DocumentState.SUBMITTED
