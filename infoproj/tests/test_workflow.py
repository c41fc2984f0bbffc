"""The workflow tables drive these tests (infoproj/workflow.py): for every step of every table and every role, who may
take it follows from the step's permission, on the step's page and in the object permissions alike; every step is
refused from a state outside its sources; every IT-project step has its API endpoint and every step with a page has
one; a page outside the user's scope is a 404."""

import pytest
from django.urls import reverse

from infoproj import services
from infoproj.api.projects import ENDPOINTS
from infoproj.choices import BriefingKind, FilerKind, KeyProjectKind
from infoproj.models import Briefing, ITProject, KeyProject, PlanFiling
from infoproj.views import STEP_PAGES
from infoproj.workflow import BRIEFING_WORKFLOW, KEY_WORKFLOW, PLAN_WORKFLOW, PROJECT_WORKFLOW, WORKFLOWS
from linggao_mi.casework.api_steps import missing_endpoints
from linggao_mi.casework.rules import STATE_FORBIDS, RuleViolation
from linggao_mi.casework.selectors import user_may
from linggao_mi.casework.workflow import CREATE, DECIDE, HANDLE

from .conftest import TODAY, pdf, register

pytestmark = pytest.mark.django_db

ROLES = ["staff", "staff2", "chief", "leader", "admin", "outsider"]
# Who holds each permission on a case `staff` opened (DESIGN.md §5a): its handler and the section's chief handle it;
# the chief and leaders decide; the section's other members, admins and other sections only read or see nothing.
MAY = {
    HANDLE: {"staff", "chief"},
    DECIDE: {"chief", "leader"},
}
MAY_OPEN = {"staff", "staff2", "chief", "outsider"}  # the model permission; the services add 信息技术股 membership


def _cases(it) -> dict:
    staff = it["staff"]
    key = services.key_register(actor=staff, name="5G覆盖", kind=KeyProjectKind.IT, owner_unit="移动公司",
                                owner_contact="x", investment=1, location="临高", description="x")
    plan = services.plan_register(actor=staff, filer_kind=FilerKind.TOWN, filer_name="临城镇", title="规划",
                                  period_from=2026, period_to=2027, submitted_on=TODAY(), upload=pdf("规划.pdf"))
    plan = services.plan_acknowledge(actor=staff, case=plan, acknowledged_on=TODAY(), opinion="予以备案")
    services.plan_check(actor=staff, case=plan, checked_on=TODAY(), group_members="检查组", methods=["self"],
                        findings="按规划推进", implementation="good")
    briefing = services.briefing_create(actor=staff, kind=BriefingKind.PLAN_REPORT, year=TODAY().year,
                                        texts={"summary": "总体良好"})
    return {ITProject: register(staff), KeyProject: key, PlanFiling: plan, Briefing: briefing}


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda w: w.model.__name__)
def test_who_may_take_each_step_follows_its_permission(it, workflow):
    case = _cases(it)[workflow.model]
    for step in workflow:
        for role in ROLES:
            user = it[role]
            if step.permission == CREATE:
                assert user_may(user, workflow.model, CREATE) == (role in MAY_OPEN), (step.name, role)
            else:
                assert workflow.may(user, case, step) == (role in MAY[step.permission]), (step.name, role)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda w: w.model.__name__)
def test_every_step_is_refused_outside_its_sources(it, workflow):
    case = _cases(it)[workflow.model]
    states = [value for value, _ in workflow.model._meta.get_field("state").choices]
    for step in workflow:
        for state in set(states) - set(step.sources):
            if not step.sources:
                continue
            case.state = state
            with pytest.raises(RuleViolation) as info:
                step.check(case)
            assert info.value.rule is STATE_FORBIDS, (step.name, state)


def test_every_it_project_step_has_an_api_endpoint():
    assert missing_endpoints(PROJECT_WORKFLOW, ENDPOINTS) == []


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda w: w.model.__name__)
def test_every_step_with_a_page_has_one(workflow):
    pages = STEP_PAGES[workflow.model]
    for step in workflow:
        if step.sources and step.url_name:
            assert step.name in pages, step.name
            reverse(f"infoproj:{step.url_name}", args=[1])


PAGE_TABLES = [(PROJECT_WORKFLOW, ITProject), (KEY_WORKFLOW, KeyProject), (PLAN_WORKFLOW, PlanFiling),
               (BRIEFING_WORKFLOW, Briefing)]


@pytest.mark.parametrize(("workflow", "model"), PAGE_TABLES, ids=lambda x: getattr(x, "__name__", ""))
def test_step_pages_matrix(client, it, workflow, model):
    """Anonymous → login; outside the scope → 404; may see but not take the step → 403; may take it → 200."""
    case = _cases(it)[model]
    for name in STEP_PAGES[model]:
        step = workflow[name]
        url = reverse(f"infoproj:{step.url_name}", args=[case.pk])
        client.logout()
        assert client.get(url).status_code == 302, name
        for role in ROLES:
            client.force_login(it[role])
            status = client.get(url).status_code
            if role == "outsider":
                expected = 404
            else:
                expected = 200 if role in MAY[step.permission] else 403
            assert status == expected, (name, role, status)


@pytest.mark.parametrize("model", [ITProject, KeyProject, PlanFiling, Briefing], ids=lambda m: m.__name__)
def test_case_pages_matrix(client, it, model):
    case = _cases(it)[model]
    url = case.get_absolute_url()
    assert client.get(url).status_code == 302
    for role, expected in [("staff", 200), ("staff2", 200), ("chief", 200), ("leader", 200), ("admin", 200),
                           ("outsider", 404)]:
        client.force_login(it[role])
        assert client.get(url).status_code == expected, role
