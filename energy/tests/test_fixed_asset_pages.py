"""三（五） pages, permissions from the workflow table, lists by trigger and by next check (and their export), demo."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse

from energy.fixed_asset import services
from energy.fixed_asset.api import ENDPOINTS
from energy.fixed_asset.choices import CheckState, ProcedureStep, TriggerCode
from energy.fixed_asset.models import FixedAssetProject, ProjectCheck
from energy.fixed_asset.selectors import penalty_circumstances
from energy.fixed_asset.workflow import WORKFLOW
from linggao_mi.casework.api_steps import missing_endpoints
from linggao_mi.casework.workflow import CREATE, DECIDE, HANDLE
from linggao_mi.documents.choices import DocumentState
from linggao_mi.org.choices import Role
from linggao_mi.org.models import Section
from tests.factories import CertificateFactory, UserFactory
from tests.lists import exported_rows, queries_of

from . import fixed_asset_helpers as h
from .conftest import TODAY
from .factories import EnergyUnitFactory

pytestmark = pytest.mark.django_db
PROJECTS = reverse("energy:fixed_asset_projects")

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
    body = {"kind": "stop", "trigger": project.triggers.get().pk, "facts": "不符合标准", "requirements": "停止建设"}
    refused = client.post(url, body)
    assert refused.status_code == 200 and "处罚裁量基准" in refused.content.decode()
    circumstance = penalty_circumstances().get(kind="heavier")
    response = client.post(url, {**body, "circumstance": circumstance.pk, "penalty_reasons": "已投入使用"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.stop_order_document.state == DocumentState.DRAFT
    detail = client.get(case.get_absolute_url()).content.decode()
    assert "责令停止建设通知书送达" in detail and "《中华人民共和国节约能源法》第六十八条第二款" in detail
    assert "从重" in detail and "已投入使用" in detail


@pytest.fixture
def listed_projects(users):
    """A reviewed project and one started without review (三（五）2(1)), of two owners."""
    reviewed = h.project(users, name="甲项目")
    unreviewed = h.project(users, EnergyUnitFactory(name="临高乙建材有限公司"), name="乙项目", review_status="none",
                           review_passed_on=None, review_opinion_number="", approved_annual_consumption_tce=None,
                           construction_started_on=TODAY())
    return reviewed, unreviewed


def _names(client, **query) -> list[str]:
    response = client.get(PROJECTS, query)
    assert response.status_code == 200
    return [p.name for p in response.context["page"].object_list]


def test_projects_searched_by_name_owner_credit_code_and_opinion_number(users, client, listed_projects):
    reviewed, unreviewed = listed_projects
    client.force_login(users["staff"])
    assert _names(client, q="甲") == ["甲项目"]
    assert _names(client, q="乙建材") == ["乙项目"]
    assert _names(client, q=unreviewed.owner.credit_code) == ["乙项目"]
    assert _names(client, q="临工信节审〔2025〕3号") == ["甲项目"]
    assert _names(client, q="没有这个项目") == []


def test_projects_by_trigger_and_sorted_by_next_check_review_date_name_and_owner(users, client, listed_projects):
    reviewed, unreviewed = listed_projects
    client.force_login(users["staff"])
    page = client.get(PROJECTS, {"trigger": TriggerCode.NO_REVIEW}).content.decode()
    assert "乙项目" in page and "甲项目" not in page and "三（五）2(1)" in page
    assert _names(client, trigger="any") == ["乙项目"]
    assert len(_names(client, trigger="nonsense")) == 2  # an invalid filter filters nothing
    assert _names(client) == ["乙项目", "甲项目"]  # newest first
    assert _names(client, sort="next_check") == ["甲项目", "乙项目"]  # the same due date: registration order
    assert _names(client, sort="review_passed_on") == ["甲项目", "乙项目"]  # not reviewed: last either way
    assert _names(client, sort="-review_passed_on") == ["甲项目", "乙项目"]
    assert _names(client, sort="name") == ["乙项目", "甲项目"]  # 乙 U+4E59 before 甲 U+7532
    assert _names(client, sort="-owner") == ["甲项目", "乙项目"]  # 示范 after 乙建材
    html = client.get(PROJECTS, {"sort": "next_check"}).content.decode()
    assert 'aria-sort="ascending"' in html and "还剩" in html


def test_project_export_holds_the_filtered_rows_with_chinese_headers(users, client, listed_projects):
    reviewed, unreviewed = listed_projects
    client.force_login(users["staff"])
    rows = exported_rows(client.get(PROJECTS, {"trigger": "any", "export": "xlsx"}))
    assert rows[0][:3] == ("项目名称", "项目建设单位", "统一社会信用代码") and "下次定期检查期限" in rows[0]
    assert [r[0] for r in rows[1:]] == ["乙项目"]
    assert "三（五）2(1)" in rows[1][rows[0].index("违法违规情形（三（五）2）")]
    rows = exported_rows(client.get(PROJECTS, {"q": "甲", "export": "xlsx"}))
    assert [r[0] for r in rows[1:]] == ["甲项目"]
    assert rows[1][rows[0].index("审查意见文号")] == "临工信节审〔2025〕3号"
    client.force_login(users["legal"])  # no access to the regime: no list, no export
    assert client.get(PROJECTS, {"export": "xlsx"}).status_code == 403


def test_the_project_list_keeps_a_constant_number_of_queries(users, client):
    client.force_login(users["staff"])
    unreviewed = dict(review_status="none", review_passed_on=None, approved_annual_consumption_tce=None,
                      construction_started_on=TODAY())
    h.project(users, **unreviewed)
    queries = [{}, {"export": "xlsx"}, {"q": "项目", "trigger": "any", "sort": "-next_check"}]
    few = [queries_of(client, PROJECTS, q) for q in queries]
    for n in range(4):
        h.project(users, name=f"项目{n}", **unreviewed)
    assert [queries_of(client, PROJECTS, q) for q in queries] == few


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
