"""The workflow table drives these tests (DESIGN.md §5a, energy/workflow.py).

For every step and each of its guards: a case where the step's sources hold but that guard is broken, refused with
the guard's rule, whose clause the message cites; every step from a state outside its sources is refused. For every
role: the steps it may take, computed from each step's permission. Every step has its API endpoint and its page; the
case page's next actions and progress view come from the table. Then the rules the steps check on their input: the
enforcement staff, the extension window and grant, the dates a step records, "in writing", and the referral.
"""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils.html import escape

from energy import rules, services
from energy import workflow as wf
from energy.api import ENDPOINTS
from energy.choices import (
    INSPECTED,
    CaseState,
    CheckItem,
    ExtensionState,
    FindingResult,
    Mode,
    Outcome,
    Trigger,
    VerificationResult,
)
from energy.models import (
    InspectionCase,
    PenaltyRecommendation,
    SiteRecord,
    WrittenReply,
)
from energy.models import (
    TestingCommission as Commission,
)
from energy.services import FindingInput, RecommendationInput
from energy.workflow import WORKFLOW
from linggao_mi.attachments.models import Attachment
from linggao_mi.casework.api_steps import missing_endpoints
from linggao_mi.casework.models import CaseEvent, of_case
from linggao_mi.casework.rules import (
    DATE_OUT_OF_RANGE,
    DECISION_NEEDS_CHIEF,
    INSPECTOR_QUALIFIED,
    INSPECTORS_DISTINCT,
    LATE_ENTRY_REASON,
    STATE_FORBIDS,
)
from linggao_mi.casework.workflow import CREATE, DECIDE, HANDLE
from linggao_mi.deadlines.choices import DeadlineState
from linggao_mi.deadlines.models import Deadline, DeadlineRule
from linggao_mi.deadlines.periods import Unit, add_months
from linggao_mi.documents.models import OfficialDocument
from linggao_mi.org.choices import Role
from linggao_mi.org.models import Department, Section
from tests.factories import CertificateFactory, UserFactory
from tests.rules import refused

from .conftest import (
    REQUIREMENTS,
    SHANGHAI,
    TODAY,
    days,
    decide_violation,
    on,
    onsite_recorded,
    plan,
    rectifying,
    referral,
    scan,
    serve_notice,
    serve_outcome,
    violation_findings,
)

CASES = "/api/v1/energy/cases"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"



def fresh(case) -> InspectionCase:
    return InspectionCase.objects.get(pk=case.pk)


def snapshot(case) -> dict:
    """Everything a step could change about a case: its row and the counts of what hangs on it."""
    case = fresh(case)
    return {
        "case": model_to_dict(case, exclude=["inspectors"]) | {"updated_at": case.updated_at},
        "events": CaseEvent.objects.filter(of_case(case)).count(),
        "attachments": Attachment.objects.filter(of_case(case)).count(),
        "deadlines": list(Deadline.objects.filter(of_case(case)).values_list("id", "state", "due", "closed_on")),
        "documents": list(OfficialDocument.objects.filter(of_case(case)).values_list("id", "state")),
        "records": SiteRecord.objects.filter(case=case).count(),
        "testings": list(case.testings.values_list("id", "results")),
        "replies": list(case.written_replies.values_list("id", "received_on")),
        "extensions": list(case.extensions.values_list("id", "state", "granted_months")),
        "recommendations": case.recommendations.count(),
        "findings": list(case.findings.values_list("item", "result", "facts", "punishable")),
    }


def department() -> Department:
    return Department.objects.filter(is_bureau=False).order_by("id").first()


def recommendation(dept=None) -> RecommendationInput:
    return referral(dept or department())


def compliant_findings() -> dict:
    return {
        CheckItem.ELIMINATION: FindingInput(FindingResult.COMPLIANT, "未发现淘汰设备"),
        CheckItem.METERING: FindingInput(FindingResult.COMPLIANT, "能源计量器具配备齐全"),
    }


# ---------------------------------------------------------------- cases at every stage


def planned_onsite(users, unit):
    """计划监察 on site, planned today for ten days ahead; no notice yet."""
    return plan(users, unit)


def planned_written(users, unit):
    return plan(users, unit, mode=Mode.WRITTEN)


def planned_spot(users, unit):
    """抽查 on site: exempt from advance notice (三（四）5(2))."""
    return plan(users, unit, trigger=Trigger.SPOT)


def notice_drafted(users, unit):
    return services.notice_draft(actor=users["inspector1"], case=plan(users, unit), requirements=REQUIREMENTS)


def notice_issued(users, unit):
    from linggao_mi.documents.services import document_approve, document_issue, document_submit

    case = notice_drafted(users, unit)
    document_submit(actor=users["inspector1"], document=case.notice_document)
    document_approve(actor=users["chief"], document=case.notice_document)
    document_issue(actor=users["chief"], document=case.notice_document)
    return fresh(case)


def notified_today(users, unit):
    """On site, the notice served today: the lead has not run yet."""
    return serve_notice(users, plan(users, unit))


def notified_ready(users, unit):
    """On site, the notice served twenty days ago: the inspection may take place."""
    return serve_notice(users, plan(users, unit, at=days(-20)))


def notified_written(users, unit):
    return serve_notice(users, plan(users, unit, mode=Mode.WRITTEN, at=days(-5)))


def recorded(users, unit):
    return onsite_recorded(users, unit)


def with_testing_open(users, unit):
    case = recorded(users, unit)
    take("testing_commission", users, case)
    return fresh(case)


def with_testing_done(users, unit):
    case = with_testing_open(users, unit)
    take("testing_result", users, case)
    return fresh(case)


def reply_required(users, unit):
    case = recorded(users, unit)
    take("reply_require", users, case)
    return fresh(case)


def proposed(users, unit):
    """The inspector proposed a referral for penalty: for the chief to decide."""
    case = onsite_recorded(users, unit, findings=violation_findings(punishable=True))
    services.outcome_propose(
        actor=users["inspector1"], case=case, outcome=Outcome.VIOLATION, ended_on=case.planned_date,
        rectification_requirements="停止使用淘汰电动机。", rectification_months=1, recommendation=recommendation(),
    )
    return fresh(case)


def violation_decided(users, unit):
    """限期整改通知书 drafted, not yet issued."""
    return fresh(decide_violation(users, recorded(users, unit), months=1))


def outcome_issued(users, unit):
    """限期整改通知书 issued, to be served."""
    from linggao_mi.documents.services import document_approve, document_issue, document_submit

    case = violation_decided(users, unit)
    document_submit(actor=users["inspector1"], document=case.outcome_document)
    document_approve(actor=users["chief"], document=case.outcome_document)
    document_issue(actor=users["chief"], document=case.outcome_document)
    return fresh(case)


def rectifying_now(users, unit):
    """限期整改 whose period ends within two weeks: today is inside the extension window."""
    case = decide_violation(users, onsite_recorded(users, unit, start=-45), months=1)
    case = serve_outcome(users, case, served_on=add_months(TODAY(), -1) + datetime.timedelta(days=2))
    start, end = services.extension_window(case)
    assert case.state == CaseState.RECTIFYING and start <= TODAY() <= end
    return case


def rectifying_long(users, unit):
    """限期整改 with months to go: the extension window has not opened."""
    case = serve_outcome(users, decide_violation(users, onsite_recorded(users, unit, start=-45), months=6),
                         served_on=TODAY())
    start, _ = services.extension_window(case)
    assert case.state == CaseState.RECTIFYING and TODAY() < start
    return case


def extension_pending(users, unit):
    case = rectifying_now(users, unit)
    take("extension_request", users, case)
    return fresh(case)


def reported(users, unit):
    case = rectifying_now(users, unit)
    take("report_receive", users, case)
    return fresh(case)


def unresolved(users, unit):
    case = reported(users, unit)
    services.rectification_verify(
        actor=users["inspector1"], case=case, verified_on=TODAY(), result=VerificationResult.FAILED, notes="仍在使用"
    )
    return fresh(case)


def to_close(users, unit):
    case = onsite_recorded(users, unit, findings=compliant_findings())
    with on(case.planned_date, 17):
        services.outcome_decide(actor=users["inspector1"], case=case, outcome=Outcome.NONE, ended_on=case.planned_date)
    return fresh(case)


# ---------------------------------------------------------------- taking each step through its service


def actor_for(users, step: str):
    return users["chief"] if WORKFLOW[step].permission == DECIDE else users["inspector1"]


def _record_kwargs(case, actor, users, day):
    start = datetime.datetime.combine(day, datetime.time(9), tzinfo=SHANGHAI)
    return dict(
        actor=actor, case=case, started_at=start, ended_at=start + datetime.timedelta(hours=2), place="厂区",
        inspectors=[users["inspector1"], users["inspector2"]], present="陈明（能源管理负责人）",
        measures=["1", "2"], findings=violation_findings(), signer_name="王建国",
        signer_capacity="legal_representative",
    )


def _testing(case, actor):
    testing = case.testings.order_by("id").first()
    if testing is None:  # a case outside the step's sources has none: the refusal must come before it is read
        testing = Commission.objects.create(
            case=case, agency_name="海南省节能检测中心", qualification_number="CMA-1", items="电动机能效",
            commissioned_on=TODAY(), commissioned_by=actor,
        )
    return testing


TAKE = {
    "plan": None,  # no case yet: see the planning tests
    "notice_draft": lambda c, a, u, d: services.notice_draft(actor=a, case=c, requirements=REQUIREMENTS),
    "plan_correct": lambda c, a, u, d: services.plan_correct(
        actor=a, case=c, planned_date=days(20), reason="被监察单位书面申请调整"
    ),
    "notice_served": lambda c, a, u, d: WORKFLOW.run("notice_served", case=c, actor=a),
    "materials_receive": lambda c, a, u, d: services.materials_receive(
        actor=a, case=c, received_on=d, paper=True, electronic=False, description="能源统计报表", uploads=[scan()]
    ),
    "record_file": lambda c, a, u, d: services.record_file(**_record_kwargs(c, a, u, d)),
    "reply_require": lambda c, a, u, d: services.reply_require(
        actor=a, case=c, questions="请说明淘汰电动机的更换计划", days=7, required_on=d
    ),
    "reply_receive": lambda c, a, u, d: services.reply_receive(
        actor=a, case=c, received_on=d, summary="计划年底前更换", upload=scan()
    ),
    "testing_commission": lambda c, a, u, d: services.testing_commission(
        actor=a, case=c, agency_name="海南省节能检测中心", qualification_number="CMA-2026-001", items="电动机能效",
        commissioned_on=d,
    ),
    "testing_result": lambda c, a, u, d: services.testing_result_record(
        actor=a, case=c, testing=_testing(c, a), results="能效三级", results_on=d
    ),
    "outcome_decide": lambda c, a, u, d: services.outcome_decide(
        actor=a, case=c, outcome=Outcome.VIOLATION, ended_on=d, rectification_requirements="更换淘汰电动机。",
        rectification_months=1,
    ),
    "outcome_propose": lambda c, a, u, d: services.outcome_propose(
        actor=a, case=c, outcome=Outcome.VIOLATION, ended_on=d, rectification_requirements="更换淘汰电动机。",
        rectification_months=1,
    ),
    "outcome_confirm": lambda c, a, u, d: services.outcome_confirm(actor=a, case=c, reasons="同意"),
    "outcome_return": lambda c, a, u, d: services.outcome_return(actor=a, case=c, reasons="事实不清，请补充"),
    "outcome_served": lambda c, a, u, d: WORKFLOW.run(
        "outcome_served", case=c, actor=a, branch=c.outcome or Outcome.VIOLATION
    ),
    "extension_request": lambda c, a, u, d: services.extension_request(
        actor=a, case=c, received_on=d, requested_months=1, reasons="设备供货延迟", upload=scan()
    ),
    "extension_decide": lambda c, a, u, d: services.extension_decide(
        actor=a, case=c, approve=True, reasons="理由属实", decided_on=d
    ),
    "report_receive": lambda c, a, u, d: services.report_receive(
        actor=a, case=c, received_on=d, summary="已更换电动机", uploads=[scan()]
    ),
    "verify": lambda c, a, u, d: services.rectification_verify(
        actor=a, case=c, verified_on=d, result=VerificationResult.PASSED, notes="已更换"
    ),
    "escalate": lambda c, a, u, d: services.rectification_escalate(
        actor=a, case=c, recommendation=recommendation(), reason="逾期未整改"
    ),
    "close": lambda c, a, u, d: services.case_close(actor=a, case=c, reason="整改到位", closed_on=d),
}


def take(step: str, users, case, *, actor=None, day=None):
    """Take `step` on `case` through its service, with input that breaks no rule of its own."""
    return TAKE[step](case, actor or actor_for(users, step), users, day or TODAY())


def test_every_step_has_a_taker():
    assert set(TAKE) == {step.name for step in WORKFLOW}


# ---------------------------------------------------------------- guards: refused with their clause

# guard → (a case where the step's sources hold and this guard is broken, the rule it refuses with)
GUARD_CASES = {
    wf.needs_notice: (planned_spot, rules.NOTICE_LEAD),
    wf.no_notice_in_progress: (notice_drafted, rules.NOTICE_ALREADY),
    wf.notice_issued: (notice_drafted, rules.NOTICE_REQUIRED),
    wf.written_mode: (notified_today, rules.MODE_WRITTEN_ONLY),
    wf.onsite_mode: (planned_written, rules.MODE_ONSITE_ONLY),
    wf.notified_if_needed: (planned_onsite, rules.NOTICE_REQUIRED),
    wf.onsite_day_reached: (notified_today, rules.NOTICE_LEAD),
    wf.reply_pending: (recorded, rules.WRITTEN_REPLY_NONE),
    wf.testing_open: (with_testing_done, rules.TESTING_PENDING),
    wf.testing_done: (with_testing_open, rules.TESTING_PENDING),
    wf.outcome_document_issued: (violation_decided, rules.OUTCOME_DOCUMENT_NOT_ISSUED),
    wf.no_pending_extension: (extension_pending, rules.EXTENSION_PENDING),
    wf.pending_extension: (rectifying_now, rules.EXTENSION_NONE_PENDING),
    wf.extension_window_open: (rectifying_long, rules.EXTENSION_WINDOW),
    wf.overdue_if_rectifying: (rectifying_now, rules.ESCALATE_NOT_OVERDUE),
}
STEP_GUARDS = [(step.name, guard) for step in WORKFLOW for guard in step.guards]


def test_every_guard_of_the_table_has_a_case_that_breaks_it():
    assert {guard for _, guard in STEP_GUARDS} <= set(GUARD_CASES), "a new guard needs an entry in GUARD_CASES"


@pytest.mark.parametrize(("step", "guard"), STEP_GUARDS, ids=[f"{s}-{g.__name__}" for s, g in STEP_GUARDS])
def test_guard_refuses_with_its_clause(users, unit, step, guard):
    build, rule = GUARD_CASES[guard]
    case = build(users, unit)
    assert case.state in WORKFLOW[step].sources
    refused(rule, guard, case)
    refused(rule, WORKFLOW[step].check, case)  # this guard is what blocks the step
    assert WORKFLOW[step].blocker(case).rule == rule
    before = snapshot(case)
    refused(rule, take, step, users, case)
    assert snapshot(case) == before


def planned_with_testing(users, unit):
    """A planned case with a testing row (made directly: a planned case cannot commission one), so that the
    result's service reaches the state check."""
    case = planned_onsite(users, unit)
    _testing(case, users["inspector1"])
    return case


# Where each step may not be taken: a case just planned, or inspected for the steps a planned case may take.
OUTSIDE = {step.name: recorded if CaseState.PLANNED in step.sources else planned_onsite for step in WORKFLOW}
OUTSIDE["testing_result"] = planned_with_testing


@pytest.mark.parametrize("step", [s.name for s in WORKFLOW if s.sources])
def test_step_outside_its_sources_is_refused(users, unit, step):
    case = OUTSIDE[step](users, unit)
    assert case.state not in WORKFLOW[step].sources
    refused(STATE_FORBIDS, WORKFLOW[step].check, case)
    before = snapshot(case)
    refused(STATE_FORBIDS, take, step, users, case)
    assert snapshot(case) == before


# ---------------------------------------------------------------- who may take which step

ROLES = [
    "inspector_on_case", "inspector_off_case", "chief", "other_chief", "leader", "admin", "staff", "legal",
]
# What each kind of permission the table names lets through (DESIGN.md §5a), by role.
MAY = {
    HANDLE: {"inspector_on_case", "chief"},
    DECIDE: {"chief", "leader"},
    CREATE: {"inspector_on_case", "inspector_off_case", "chief", "other_chief"},
}


@pytest.fixture
def people(users):
    """One user per role around a case of 工业股 handled by inspector1 and inspector2."""
    sme = Section.objects.get(code="sme")
    off_case = UserFactory(username="t_inspector3", role=Role.INSPECTOR)
    CertificateFactory(holder=off_case)
    other_chief = UserFactory(username="t_chief_sme", role=Role.CHIEF, section=sme)
    assert Section.objects.get(code="sme").chief == other_chief
    return {
        "inspector_on_case": users["inspector1"], "inspector_off_case": off_case, "chief": users["chief"],
        "other_chief": other_chief, "leader": users["leader"], "admin": users["admin"], "staff": users["staff"],
        "legal": users["legal"],
    }


def test_every_permission_of_the_table_has_its_roles():
    assert {step.permission for step in WORKFLOW} <= set(MAY)
    assert set().union(*MAY.values()) <= set(ROLES)


@pytest.mark.parametrize("step", [s.name for s in WORKFLOW])
def test_permission_matrix(users, unit, people, step):
    case = planned_onsite(users, unit)
    actual = {role: WORKFLOW.may(people[role], case, step) for role in ROLES}
    expected = {role: role in MAY[WORKFLOW[step].permission] for role in ROLES}
    assert actual == expected


def test_superuser_may_take_no_step(users, unit):
    case = planned_onsite(users, unit)
    assert users["admin"].is_superuser
    assert not any(WORKFLOW.may(users["admin"], case, step) for step in WORKFLOW)


# A sample per kind of permission (CREATE: see the planning test below).
SAMPLES = ["notice_draft", "reply_require", "outcome_confirm", "close"]


def test_the_samples_cover_every_permission_of_a_step_on_a_case():
    assert {WORKFLOW[s].permission for s in SAMPLES} == {s.permission for s in WORKFLOW if s.sources}


@pytest.mark.parametrize("step", SAMPLES)
def test_service_and_api_refuse_who_lacks_the_permission(users, unit, people, client, step):
    case = OPEN_ON[step](users, unit)
    body = BODIES[step](case, users)
    assert WORKFLOW[step].blocker(case) is None
    url = f"{CASES}/{case.pk}/{step.replace('_', '-')}"
    before = snapshot(case)
    without = [role for role in ROLES if role not in MAY[WORKFLOW[step].permission]]
    assert "admin" in without
    for role in without:
        user = people[role]
        with pytest.raises(PermissionDenied):
            take(step, users, case, actor=user)
        client.force_login(user)
        response = client.post(url, body, content_type="application/json")
        # outside the user's scope: 404 as for a missing case; the legal adviser has no access to the regime at all
        expected = 404 if role == "other_chief" else 403
        assert response.status_code == expected, (role, response.status_code, response.content[:300])
    assert snapshot(case) == before
    client.force_login(actor_for(users, step))
    assert client.post(url, body, content_type="application/json").status_code == 200
    assert CaseEvent.objects.filter(of_case(case), step=step).exists()


@pytest.mark.parametrize("role", ["staff", "leader", "legal", "admin"])
def test_opening_a_case_needs_the_create_permission(users, unit, people, client, role):
    """Planning (CREATE): inspectors and chiefs only; an administrator reads and opens nothing."""
    user = people[role]
    count = InspectionCase.objects.count()
    with pytest.raises(PermissionDenied):
        services.inspection_plan(
            actor=user, unit=unit, mode=Mode.WRITTEN, trigger=Trigger.PLAN, planned_date=days(10),
            items=[CheckItem.METERING], inspectors=[users["inspector1"]],
        )
    client.force_login(user)
    response = client.post(CASES, _plan_body(unit, [users["inspector1"].pk], mode=Mode.WRITTEN),
                           content_type="application/json")
    assert response.status_code == 403, response.content[:300]
    assert client.get(reverse("energy:case_plan")).status_code == 403
    assert InspectionCase.objects.count() == count


def test_outsider_gets_404_on_every_step_endpoint(users, unit, people, client):
    case = planned_onsite(users, unit)
    client.force_login(people["other_chief"])
    for name in ENDPOINTS:
        response = client.post(f"{CASES}/{case.pk}/{name.replace('_', '-')}", {}, content_type="application/json")
        assert response.status_code == 404, name


# ---------------------------------------------------------------- endpoints and pages from the table


def test_every_step_with_sources_has_an_api_endpoint():
    assert missing_endpoints(WORKFLOW, ENDPOINTS) == []
    assert set(ENDPOINTS) <= {step.name for step in WORKFLOW}


def _served(c, u):
    return {"method": "direct", "served_on": TODAY().isoformat(), "recipient": "王建国"}


def _outcome_body(c, u):
    return {"outcome": Outcome.VIOLATION, "ended_on": TODAY().isoformat(), "rectification_requirements": "更换。",
            "rectification_months": 1}


# step → its API body with nothing wrong in it (a file makes it multipart, otherwise JSON)
BODIES = {
    "notice_draft": lambda c, u: {"requirements": REQUIREMENTS},
    "plan_correct": lambda c, u: {"planned_date": days(20).isoformat(), "reason": "被监察单位书面申请调整"},
    "notice_served": _served,
    "materials_receive": lambda c, u: {"received_on": TODAY().isoformat(), "paper": True, "electronic": False,
                                       "description": "能源统计报表", "uploads": [scan()]},
    "record_file": lambda c, u: {
        "started_at": f"{TODAY().isoformat()}T09:00:00+08:00", "ended_at": f"{TODAY().isoformat()}T11:00:00+08:00",
        "place": "厂区", "inspectors": [u["inspector1"].pk, u["inspector2"].pk], "present": "陈明",
        "measures": ["1", "2"], "signer_name": "王建国", "signer_capacity": "legal_representative",
        "findings": [{"item": CheckItem.ELIMINATION, "result": FindingResult.VIOLATION, "facts": "淘汰电动机2台",
                      "basis": "《节约能源法》第十七条"}],
    },
    "reply_require": lambda c, u: {"questions": "请说明更换计划", "days": 7},
    "reply_receive": lambda c, u: {"received_on": TODAY().isoformat(), "summary": "年底前更换", "upload": scan()},
    "testing_commission": lambda c, u: {"agency_name": "海南省节能检测中心", "qualification_number": "CMA-1",
                                        "items": "电动机能效", "commissioned_on": TODAY().isoformat()},
    "testing_result": lambda c, u: {"testing": c.testings.order_by("id").first().pk, "results": "能效三级",
                                    "results_on": TODAY().isoformat()},
    "outcome_decide": _outcome_body,
    "outcome_propose": _outcome_body,
    "outcome_confirm": lambda c, u: {"reasons": "同意"},
    "outcome_return": lambda c, u: {"reasons": "事实不清"},
    "outcome_served": _served,
    "extension_request": lambda c, u: {"received_on": TODAY().isoformat(), "requested_months": 1,
                                       "reasons": "设备供货延迟", "upload": scan()},
    "extension_decide": lambda c, u: {"approve": True, "reasons": "理由属实"},
    "report_receive": lambda c, u: {"received_on": TODAY().isoformat(), "summary": "已更换", "uploads": [scan()]},
    "verify": lambda c, u: {"verified_on": TODAY().isoformat(), "verification_result": "passed", "notes": "已更换"},
    "escalate": lambda c, u: {"recommendation": {"department": department().pk, "basis": "依据", "facts": "事实"}},
    "close": lambda c, u: {"reason": "整改到位"},
}


def post_step(client, users, case, step):
    body = BODIES[step](case, users)
    url = f"{CASES}/{case.pk}/{step.replace('_', '-')}"
    client.force_login(actor_for(users, step))
    if any(hasattr(v, "read") or isinstance(v, list) and v and hasattr(v[0], "read") for v in body.values()):
        return client.post(url, body)  # multipart
    return client.post(url, body, content_type="application/json")


def test_every_endpoint_has_a_body():
    assert set(BODIES) == set(ENDPOINTS)


# The steps taken by serving a document: the documents' own state rule may answer first.
SERVED_RULES = {"notice_served", "outcome_served"}
API_REFUSALS = [(s, g.__name__, GUARD_CASES[g][0], GUARD_CASES[g][1]) for s, g in STEP_GUARDS] + [
    (s.name, "state", OUTSIDE[s.name], STATE_FORBIDS) for s in WORKFLOW if s.sources
]


def _api_refusal_params():
    # A document-serving step on a case without its document yet answers with the step's rule, not a 500.
    for step, why, build, rule in API_REFUSALS:
        yield pytest.param(step, build, rule, id=f"{step}-{why}")


@pytest.mark.parametrize(("step", "build", "rule"), list(_api_refusal_params()))
def test_api_refuses_as_the_table_does(users, unit, client, step, build, rule):
    """Through the API a refusal is a 400 naming the rule and its clause, and changes nothing."""
    case = build(users, unit)
    before = snapshot(case)
    client.raise_request_exception = False  # a server error is a failure of this test, not an exception
    response = post_step(client, users, case, step)
    assert response.status_code == 400, (response.status_code, response.content[:300])
    accepted = {rule.code} | ({"document.state"} if step in SERVED_RULES else set())
    assert response.json()["rule"] in accepted, response.json()
    assert response.json()["clause"]
    assert snapshot(case) == before


# step → a case where the step is open (taken by actor_for: the chief for decisions, inspector1 otherwise)
OPEN_ON = {
    "notice_draft": planned_onsite,
    "plan_correct": planned_onsite,
    "notice_served": notice_issued,
    "materials_receive": notified_written,
    "record_file": notified_ready,
    "reply_require": recorded,
    "reply_receive": reply_required,
    "testing_commission": recorded,
    "testing_result": with_testing_open,
    "outcome_decide": recorded,
    "outcome_propose": recorded,
    "outcome_confirm": proposed,
    "outcome_return": proposed,
    "outcome_served": outcome_issued,
    "extension_request": rectifying_now,
    "extension_decide": extension_pending,
    "report_receive": rectifying_now,
    "verify": reported,
    "escalate": unresolved,
    "close": to_close,
}


def test_every_step_has_a_case_where_it_is_open():
    assert set(OPEN_ON) == {s.name for s in WORKFLOW if s.sources}


@pytest.mark.parametrize("step", list(ENDPOINTS))
def test_api_takes_every_step_where_it_is_open(users, unit, client, step):
    case = OPEN_ON[step](users, unit)
    response = post_step(client, users, case, step)
    assert response.status_code == 200, response.content[:300]
    assert response.json()["id"] == case.pk and response.json()["state"] == fresh(case).state
    assert CaseEvent.objects.filter(of_case(case), step=step).exists()


def test_planning_page(users, client):
    client.force_login(users["inspector1"])
    assert client.get(reverse(f"energy:{WORKFLOW['plan'].url_name}")).status_code == 200


@pytest.mark.parametrize("step", [s.name for s in WORKFLOW if s.url_name and s.sources])
def test_step_page_answers_where_the_step_is_open(users, unit, client, step):
    case = OPEN_ON[step](users, unit)
    user = actor_for(users, step)
    assert WORKFLOW[step].blocker(case) is None
    assert step in [n.step.name for n in WORKFLOW.next_steps(user, case) if n.open]
    url = reverse(f"energy:{WORKFLOW[step].url_name}", args=[case.pk])
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    assert WORKFLOW[step].label in response.content.decode() or step in ("outcome_propose", "outcome_return")
    # and the case page links to it (once for the steps taken on one page: decide or propose, confirm or return)
    page = client.get(reverse("energy:case_detail", args=[case.pk]))
    assert url in [a["url"] for a in page.context["actions"] if a["blocker"] is None]


def test_document_steps_link_to_their_document(users, unit, client):
    case = notice_issued(users, unit)
    client.force_login(users["inspector1"])
    actions = client.get(reverse("energy:case_detail", args=[case.pk])).context["actions"]
    served = next(a for a in actions if a["step"].name == "notice_served")
    assert served["blocker"] is None and served["url"] == f"{case.notice_document.get_absolute_url()}#document-actions"
    assert served["label"] == "节能监察通知书：登记送达"
    # a draft: the step offers the document's own next step (its drafter submits it), not a refused serve
    case = violation_decided(users, unit)
    actions = client.get(reverse("energy:case_detail", args=[case.pk])).context["actions"]
    served = next(a for a in actions if a["step"].name == "outcome_served")
    assert served["blocker"] is None and served["label"] == "限期整改通知书：报送审批"
    assert served["url"] == f"{case.outcome_document.get_absolute_url()}#document-actions"
    # for someone who can do nothing with the document, the step is blocked with its rule and links to it
    client.force_login(users["leader"])
    actions = client.get(reverse("energy:case_detail", args=[case.pk])).context["actions"]
    assert all(a["step"].name != "outcome_served" for a in actions)  # the leader does not handle the case


# ---------------------------------------------------------------- the case page: next actions and progress


def _actions(client, user, case):
    client.force_login(user)
    response = client.get(reverse("energy:case_detail", args=[case.pk]))
    assert response.status_code == 200
    return response.context["actions"], response.content.decode()


PLANNED_STEPS = ["notice_draft", "plan_correct", "notice_served", "record_file"]
DECISIONS = ["outcome_confirm", "outcome_return"]
RECTIFYING_INSPECTOR = ["extension_request", "report_receive"]
RECTIFYING_CHIEF = ["extension_request", "extension_decide", "report_receive", "escalate"]


@pytest.mark.parametrize(
    ("build", "role", "expected", "shown"),
    [
        (planned_onsite, "inspector1", PLANNED_STEPS, PLANNED_STEPS),
        (planned_onsite, "leader", [], []),
        (planned_onsite, "admin", [], []),
        (proposed, "inspector1", [], []),
        # confirm and return are taken on one page: the page links to it once
        (proposed, "chief", DECISIONS, ["outcome_confirm"]),
        (proposed, "leader", DECISIONS, ["outcome_confirm"]),
        (recorded, "inspector1", ["reply_require", "reply_receive", "testing_commission", "testing_result",
                                  "outcome_decide", "outcome_propose"],
         ["reply_require", "reply_receive", "testing_commission", "testing_result", "outcome_decide"]),
        (rectifying_now, "inspector1", RECTIFYING_INSPECTOR, RECTIFYING_INSPECTOR),
        (rectifying_now, "chief", RECTIFYING_CHIEF, RECTIFYING_CHIEF),
    ],
    ids=[
        "planned-inspector", "planned-leader", "planned-admin", "proposed-inspector", "proposed-chief",
        "proposed-leader", "recorded-inspector", "rectifying-inspector", "rectifying-chief",
    ],
)
def test_case_page_actions_come_from_the_table(users, unit, client, build, role, expected, shown):
    case = build(users, unit)
    user = users[role]
    next_steps = WORKFLOW.next_steps(user, fresh(case))
    assert [n.step.name for n in next_steps] == expected
    actions, html = _actions(client, user, case)
    assert [a["step"].name for a in actions] == shown
    by_name = {a["step"].name: a for a in actions}
    for next_step in next_steps:
        action = by_name.get(next_step.step.name)
        if action is None:  # an open step whose page an open step shown before it already links to
            assert next_step.open
            url = reverse(f"energy:{next_step.step.url_name}", args=[case.pk])
            assert any(a["url"] == url and a["blocker"] is None for a in actions)
            continue
        assert (action["blocker"] is None) == next_step.open
        if not next_step.open:
            assert action["blocker"].rule == next_step.blocker.rule
            assert escape(str(next_step.blocker)) in html  # the page says why the step is blocked, with its clause


def test_blocked_steps_on_a_planned_case_say_why(users, unit, client):
    case = planned_onsite(users, unit)
    actions, html = _actions(client, users["inspector1"], case)
    blockers = {a["step"].name: a["blocker"] and a["blocker"].rule for a in actions}
    assert blockers == {
        "notice_draft": None, "plan_correct": None, "notice_served": rules.NOTICE_REQUIRED,
        "record_file": rules.NOTICE_REQUIRED,
    }
    assert rules.NOTICE_REQUIRED.clause in html


def test_progress_marks_done_steps_and_the_next(users, unit, client):
    case = recorded(users, unit)
    client.force_login(users["inspector1"])
    response = client.get(reverse("energy:case_detail", args=[case.pk]))
    rows = {row.step.name: row for row in response.context["progress"]}
    assert list(rows) == [s.name for s in WORKFLOW]
    taken = set(CaseEvent.objects.filter(of_case(case)).exclude(step="").values_list("step", flat=True))
    assert taken == {"plan", "notice_draft", "notice_served", "record_file"}
    for name, row in rows.items():
        step = WORKFLOW[name]
        if name in taken:
            assert row.status == "done" and row.done_at is not None, name
        elif not step.applies(case):
            assert (row.status, row.done_at) == ("not_applicable", None), name
        elif case.state in step.sources:
            blocker = step.blocker(case)
            assert row.status == ("blocked" if blocker else "next"), name
        else:
            before_the_last_taken = list(rows).index(name) < list(rows).index("record_file")
            assert (row.status, row.done_at) == ("skipped" if before_the_last_taken else "waiting", None), name
    # an on-site case's path leaves out the written inspection's materials
    assert rows["materials_receive"].status == "not_applicable"
    assert {n for n, r in rows.items() if r.status == "next"} == {
        "reply_require", "testing_commission", "outcome_decide", "outcome_propose"
    }
    assert {n for n, r in rows.items() if r.status == "blocked"} == {"reply_receive", "testing_result"}
    html = response.content.decode()
    assert html.count('class="progress-done"') == 4
    assert "已办" in html and "可办理" in html and "受阻" in html


# ---------------------------------------------------------------- enforcement staff: planning and the 笔录


def _plan_body(unit, inspector_ids, *, mode=Mode.ONSITE, planned=None):
    return {
        "unit": unit.pk, "mode": mode, "trigger": Trigger.PLAN, "planned_date": (planned or days(10)).isoformat(),
        "items": [CheckItem.ELIMINATION, CheckItem.METERING], "inspectors": inspector_ids,
    }


def _plan(users, unit, inspectors, *, mode=Mode.ONSITE, planned=None):
    return services.inspection_plan(
        actor=users["inspector1"], unit=unit, mode=mode, trigger=Trigger.PLAN, planned_date=planned or days(10),
        items=[CheckItem.ELIMINATION], inspectors=inspectors,
    )


def test_duplicate_inspectors_refused_by_api_and_service(users, unit, client):
    i1 = users["inspector1"]
    client.force_login(i1)
    response = client.post(CASES, _plan_body(unit, [i1.pk, i1.pk]), content_type="application/json")
    assert response.status_code == 400, response.content[:300]
    assert response.json()["rule"] == INSPECTORS_DISTINCT.code == "inspectors.distinct"
    assert response.json()["clause"] == INSPECTORS_DISTINCT.clause
    refused(INSPECTORS_DISTINCT, _plan, users, unit, [i1, i1])
    assert not InspectionCase.objects.exists()


def test_planning_refuses_a_non_inspector(users, unit, client):
    staff = users["staff"]  # of 工业股, no certificate
    refused(INSPECTOR_QUALIFIED, _plan, users, unit, [users["inspector1"], staff])
    client.force_login(users["inspector1"])
    response = client.post(CASES, _plan_body(unit, [users["inspector1"].pk, staff.pk]), content_type="application/json")
    assert (response.status_code, response.json()["rule"]) == (400, INSPECTOR_QUALIFIED.code)
    assert not InspectionCase.objects.exists()


def test_planning_refuses_a_certificate_expired_by_the_planned_date(users, unit):
    inspector3 = UserFactory(username="t_inspector3", role=Role.INSPECTOR)
    CertificateFactory(holder=inspector3, valid_to=days(9))
    exc = refused(INSPECTOR_QUALIFIED, _plan, users, unit, [users["inspector1"], inspector3], planned=days(10))
    assert inspector3.get_full_name() in exc.detail
    assert _plan(users, unit, [users["inspector1"], inspector3], planned=days(9)).state == CaseState.PLANNED


def test_planning_refuses_an_inspector_of_another_section(users, unit):
    other = UserFactory(username="t_sme_inspector", role=Role.INSPECTOR, section=Section.objects.get(code="sme"))
    CertificateFactory(holder=other)
    refused(INSPECTOR_QUALIFIED, _plan, users, unit, [users["inspector1"], other])


def test_planning_on_site_needs_two_inspectors(users, unit):
    refused(rules.TWO_INSPECTORS, _plan, users, unit, [users["inspector1"]])
    assert _plan(users, unit, [users["inspector1"]], mode=Mode.WRITTEN).state == CaseState.PLANNED


def test_record_refuses_duplicates_one_inspector_and_outsiders(users, unit):
    case = notified_ready(users, unit)
    i1, i2 = users["inspector1"], users["inspector2"]
    record = _record_kwargs(case, i1, users, TODAY())
    before = snapshot(case)
    refused(INSPECTORS_DISTINCT, services.record_file, **record | {"inspectors": [i1, i1]})
    refused(rules.TWO_INSPECTORS, services.record_file, **record | {"inspectors": [i1]})
    # someone not on the case (the staff member, or a certified inspector of another section) is not its inspector
    other = UserFactory(username="t_sme_inspector", role=Role.INSPECTOR, section=Section.objects.get(code="sme"))
    CertificateFactory(holder=other)
    for outsider in (users["staff"], other):
        exc = refused(rules.TWO_INSPECTORS, services.record_file, **record | {"inspectors": [i1, outsider]})
        assert "本案承办人员" in exc.detail
    assert snapshot(case) == before
    services.record_file(**record | {"inspectors": [i2, i1]})
    assert fresh(case).state == CaseState.RECORDED


def test_record_refuses_an_inspector_whose_certificate_expired_before_the_inspection(users, unit):
    inspector3 = UserFactory(username="t_inspector3", role=Role.INSPECTOR)
    CertificateFactory(holder=inspector3, valid_to=days(10))
    case = services.inspection_plan(
        actor=users["inspector1"], unit=unit, mode=Mode.ONSITE, trigger=Trigger.SPOT, planned_date=days(10),
        items=[CheckItem.ELIMINATION], inspectors=[users["inspector1"], inspector3],
    )
    record = _record_kwargs(case, users["inspector1"], users, days(12))
    record["inspectors"] = [users["inspector1"], inspector3]
    with on(days(12)):
        exc = refused(INSPECTOR_QUALIFIED, services.record_file, **record)
    assert inspector3.get_full_name() in exc.detail
    assert fresh(case).state == CaseState.PLANNED and not SiteRecord.objects.exists()


# ---------------------------------------------------------------- extensions (三（四）6(6))


def _request(users, case, day, months=1, **kwargs):
    with on(day):
        return services.extension_request(
            actor=users["inspector1"], case=case, received_on=day, requested_months=months,
            reasons="设备供货延迟", **({"upload": scan()} | kwargs),
        )


def _decide(users, case, day, actor="chief", **kwargs):
    with on(day):
        return services.extension_decide(actor=users[actor], case=case, reasons="理由属实", **kwargs)


def test_extension_window_first_and_last_day_and_the_day_before(users, unit):
    case = rectifying(users, unit)
    due = case.rectification_deadline.due
    window = DeadlineRule.objects.get(code=rules.RULE_EXTENSION_WINDOW)
    assert (window.amount, window.unit) == (15, Unit.DAYS)
    first = due - datetime.timedelta(days=14)
    assert services.extension_window(case) == (first, due)

    exc = refused(rules.EXTENSION_WINDOW, _request, users, case, first - datetime.timedelta(days=1))
    assert "受理期间" in exc.detail
    assert not case.extensions.exists()

    ext = _request(users, case, first)
    assert (ext.state, ext.received_on) == (ExtensionState.PENDING, first)
    _decide(users, case, first, approve=False)

    ext = _request(users, case, due)
    assert (ext.state, ext.received_on) == (ExtensionState.PENDING, due)
    # the deadline is not moved by a request: a request on the day after is out of time
    _decide(users, case, due, approve=False)
    refused(rules.EXTENSION_WINDOW, _request, users, case, due + datetime.timedelta(days=1))


def test_extension_grant_larger_than_asked_is_refused(users, unit):
    case = rectifying(users, unit)
    day = case.rectification_deadline.due - datetime.timedelta(days=5)
    ext = _request(users, case, day, months=1)
    before = snapshot(case)
    refused(rules.EXTENSION_GRANT_EXCEEDS, _decide, users, case, day, approve=True, granted_months=2)
    assert snapshot(case) == before
    ext.refresh_from_db()
    assert ext.state == ExtensionState.PENDING


def test_extension_past_the_total_is_refused_at_request_and_at_decision(users, unit):
    case = rectifying(users, unit, months=1)
    rect = case.rectification_deadline
    day = rect.due - datetime.timedelta(days=3)
    _request(users, case, day, months=4)
    _decide(users, case, day, approve=True)
    case = fresh(case)
    assert case.extension_months == 4
    rect.refresh_from_db()
    assert rect.amount == 5 and rect.unit == Unit.MONTHS  # 1 month + 4 granted, from the same start

    later = rect.due - datetime.timedelta(days=3)
    exc = refused(rules.EXTENSION_MAX, _request, users, case, later, months=3)
    assert "已准予4个月" in exc.detail
    ext = _request(users, case, later, months=2)
    # the county lowers the cap before the decision: a grant within what was asked is still past the total
    DeadlineRule.objects.filter(code=rules.RULE_EXTENSION_MAX).update(amount=5)
    refused(rules.EXTENSION_MAX, _decide, users, case, later, approve=True, granted_months=2)
    ext.refresh_from_db()
    assert ext.state == ExtensionState.PENDING
    assert _decide(users, case, later, approve=True, granted_months=1).granted_months == 1
    assert fresh(case).extension_months == 5


def test_pending_extension_blocks_escalation_until_decided(users, unit):
    case = rectifying(users, unit, months=1)
    due = case.rectification_deadline.due
    _request(users, case, due)
    after = due + datetime.timedelta(days=1)
    escalate = WORKFLOW["escalate"]
    with on(after):
        assert escalate.blocker(fresh(case)).rule == rules.EXTENSION_PENDING
        refused(rules.EXTENSION_PENDING, take, "escalate", users, case)
    _decide(users, case, after, approve=False)
    with on(after):
        assert escalate.blocker(fresh(case)) is None
        assert take("escalate", users, case).state == CaseState.ESCALATED


def test_only_the_chief_or_a_leader_decides_an_extension(users, unit):
    case = rectifying(users, unit)
    day = case.rectification_deadline.due - datetime.timedelta(days=2)
    ext = _request(users, case, day, months=2)
    for role in ("inspector1", "inspector2", "staff", "admin"):
        with pytest.raises(PermissionDenied):
            _decide(users, case, day, actor=role, approve=True)
    due_before = fresh(case).rectification_deadline.due
    decided = _decide(users, case, day, approve=True)
    assert decided.pk == ext.pk and decided.state == ExtensionState.APPROVED and decided.granted_months == 2
    assert decided.decided_by == users["chief"]
    assert decided.decision_document.kind.code == rules.KIND_EXTENSION_DECISION
    assert decided.decision_deadline.state == DeadlineState.MET
    case = fresh(case)
    assert case.extension_months == 2 and case.rectification_deadline.due > due_before


def test_a_leader_may_decide_an_extension(users, unit):
    case = rectifying(users, unit)
    day = case.rectification_deadline.due
    _request(users, case, day)
    assert WORKFLOW.may(users["leader"], case, "extension_decide")
    decided = _decide(users, case, day, actor="leader", approve=False)
    assert decided.state == ExtensionState.REFUSED
    assert decided.decision_document.kind.code == rules.KIND_EXTENSION_DECISION


def test_a_leader_may_confirm_a_proposed_referral(users, unit):
    case = proposed(users, unit)
    assert WORKFLOW.may(users["leader"], case, "outcome_confirm")
    services.outcome_confirm(actor=users["leader"], case=case, reasons="同意")
    assert fresh(case).state == CaseState.NOTICE_PENDING


def test_a_leader_may_escalate_and_close(users, unit):
    """The decisions that draft no document: a leader takes them as the chief does."""
    case = unresolved(users, unit)
    take("escalate", users, case, actor=users["leader"])
    take("close", users, case, actor=users["leader"])
    assert fresh(case).state == CaseState.CLOSED
    case = to_close(users, unit)
    take("close", users, case, actor=users["leader"])
    assert fresh(case).state == CaseState.CLOSED


# ---------------------------------------------------------------- dates a step records

DATED = [
    "materials_receive", "record_file", "reply_require", "reply_receive", "testing_commission", "testing_result",
    "outcome_decide", "outcome_propose", "report_receive", "verify", "extension_request", "extension_decide", "close",
]


@pytest.mark.parametrize("step", DATED)
def test_dates_out_of_range_are_refused_and_change_nothing(users, unit, step):
    case = OPEN_ON[step](users, unit)
    before = snapshot(case)
    for bad in (datetime.date(1, 1, 1), days(1)):
        exc = refused(DATE_OUT_OF_RANGE, take, step, users, case, day=bad)
        assert f"{bad:%Y-%m-%d}" in exc.detail
        assert snapshot(case) == before
    take(step, users, case)  # the same input dated today is taken
    assert CaseEvent.objects.filter(of_case(case), step=step).exists()


def test_dates_refused_on_the_api_too(users, unit, client):
    case = notified_written(users, unit)
    client.force_login(users["inspector1"])
    response = client.post(
        f"{CASES}/{case.pk}/materials-receive",
        {"received_on": days(1).isoformat(), "paper": True, "electronic": False, "description": "报表",
         "uploads": [scan()]},
    )
    assert (response.status_code, response.json()["rule"]) == (400, DATE_OUT_OF_RANGE.code)
    assert fresh(case).state == CaseState.NOTIFIED


def test_a_date_before_registration_is_a_late_entry_with_a_reason(users, unit, client):
    """An 抽查 made three days ago, entered today: the 立案 and the 笔录 are late entries (补录)."""
    inspected = days(-3)
    i1 = users["inspector1"]
    kwargs = dict(actor=i1, unit=unit, mode=Mode.ONSITE, trigger=Trigger.SPOT, planned_date=inspected,
                  items=[CheckItem.ELIMINATION, CheckItem.METERING], inspectors=[i1, users["inspector2"]])
    refused(LATE_ENTRY_REASON, services.inspection_plan, **kwargs)
    case = services.inspection_plan(**kwargs, late_reason="现场抽查后补登记")

    record = _record_kwargs(case, i1, users, inspected)
    before = snapshot(case)
    for reason in ("", "   "):
        exc = refused(LATE_ENTRY_REASON, services.record_file, **record, late_reason=reason)
        assert "早于立案日期" in exc.detail
    assert snapshot(case) == before
    services.record_file(**record, late_reason="抽查当日系统停电，事后补录")
    event = CaseEvent.objects.get(of_case(case), step="record_file")
    assert event.late_reason == "抽查当日系统停电，事后补录" and event.is_late_entry
    assert CaseEvent.objects.get(of_case(case), step="plan").late_reason == "现场抽查后补登记"

    refused(LATE_ENTRY_REASON, services.outcome_decide, actor=i1, case=case, outcome=Outcome.VIOLATION,
            ended_on=inspected, rectification_requirements="更换电动机。", rectification_months=1)
    services.outcome_decide(actor=i1, case=case, outcome=Outcome.VIOLATION, ended_on=inspected,
                            rectification_requirements="更换电动机。", rectification_months=1, late_reason="同上")
    assert CaseEvent.objects.get(of_case(case), step="outcome_decide").late_reason == "同上"

    client.force_login(i1)
    html = client.get(reverse("energy:case_detail", args=[case.pk])).content.decode()
    assert html.count("补录</span>") == 3
    assert "补录理由：抽查当日系统停电，事后补录" in html


def test_a_date_on_the_day_of_registration_is_no_late_entry(users, unit):
    case = notified_ready(users, unit)  # registered twenty days ago, inspected today
    services.record_file(**_record_kwargs(case, users["inspector1"], users, TODAY()))
    assert CaseEvent.objects.get(of_case(case), step="record_file").late_reason == ""


# ---------------------------------------------------------------- "in writing"


def test_materials_need_the_units_document(users, unit):
    case = notified_written(users, unit)
    before = snapshot(case)
    refused(rules.MATERIALS_IN_WRITING, services.materials_receive, actor=users["inspector1"], case=case,
            received_on=TODAY(), paper=True, electronic=True, description="报表", uploads=[])
    refused(rules.MATERIALS_IN_WRITING, services.materials_receive, actor=users["inspector1"], case=case,
            received_on=TODAY(), paper=False, electronic=False, description="报表", uploads=[scan()])
    assert snapshot(case) == before


def test_report_needs_the_units_document(users, unit):
    case = rectifying_now(users, unit)
    before = snapshot(case)
    refused(rules.REPORT_IN_WRITING, services.report_receive, actor=users["inspector1"], case=case,
            received_on=TODAY(), summary="已整改")
    assert snapshot(case) == before


def test_extension_request_needs_the_units_document(users, unit):
    case = rectifying_now(users, unit)
    before = snapshot(case)
    refused(rules.EXTENSION_IN_WRITING, services.extension_request, actor=users["inspector1"], case=case,
            received_on=TODAY(), requested_months=1, reasons="设备供货延迟")
    assert snapshot(case) == before


def test_written_reply_needs_the_units_document(users, unit):
    case = reply_required(users, unit)
    before = snapshot(case)
    refused(rules.WRITTEN_REPLY_IN_WRITING, services.reply_receive, actor=users["inspector1"], case=case,
            received_on=TODAY(), summary="口头答复")
    assert snapshot(case) == before


# ---------------------------------------------------------------- referral (三（四）6(3)) and written replies (4(4))


def _outcome(users, case, actor="chief", **kwargs):
    return services.outcome_decide(
        actor=users[actor], case=case, outcome=Outcome.VIOLATION, ended_on=TODAY(),
        rectification_requirements="更换淘汰电动机。", rectification_months=1, **kwargs,
    )


def test_punishable_violation_needs_a_recommendation(users, unit):
    case = onsite_recorded(users, unit, findings=violation_findings(punishable=True))
    before = snapshot(case)
    refused(rules.PENALTY_RECOMMENDATION, _outcome, users, case)
    refused(rules.PENALTY_RECOMMENDATION, services.outcome_decide, actor=users["chief"], case=case,
            outcome=Outcome.DIRECT_PENALTY, ended_on=TODAY())
    assert snapshot(case) == before


def test_recommendation_may_not_name_the_bureau(users, unit, client):
    case = onsite_recorded(users, unit, findings=violation_findings(punishable=True))
    bureau = Department.objects.get(is_bureau=True)
    refused(rules.PENALTY_RECOMMENDATION, _outcome, users, case, recommendation=recommendation(bureau))
    assert not PenaltyRecommendation.objects.exists()
    client.force_login(users["chief"])
    body = {"outcome": Outcome.VIOLATION, "ended_on": TODAY().isoformat(), "rectification_requirements": "更换。",
            "rectification_months": 1, "recommendation": {"department": bureau.pk, "basis": "依据", "facts": "事实"}}
    response = client.post(f"{CASES}/{case.pk}/outcome-decide", body, content_type="application/json")
    assert response.status_code == 400 and "recommendation" in response.json()
    assert fresh(case).state == CaseState.RECORDED


def test_inspector_proposes_a_referral_and_the_chief_decides(users, unit):
    case = onsite_recorded(users, unit, findings=violation_findings(punishable=True))
    before = snapshot(case)
    refused(DECISION_NEEDS_CHIEF, _outcome, users, case, actor="inspector1", recommendation=recommendation())
    assert snapshot(case) == before

    services.outcome_propose(
        actor=users["inspector1"], case=case, outcome=Outcome.VIOLATION, ended_on=TODAY(),
        rectification_requirements="更换淘汰电动机。", rectification_months=1, recommendation=recommendation(),
    )
    case = fresh(case)
    assert case.state == CaseState.OUTCOME_PROPOSED and case.outcome_document is None
    with pytest.raises(PermissionDenied):
        services.outcome_confirm(actor=users["inspector1"], case=case)
    services.outcome_confirm(actor=users["chief"], case=case, reasons="同意移送")
    case = fresh(case)
    assert case.state == CaseState.NOTICE_PENDING
    assert case.outcome_document.kind.code == rules.KIND_RECTIFICATION_NOTICE
    assert case.recommendations.get().department == department()
    steps = list(CaseEvent.objects.filter(of_case(case)).exclude(step="").values_list("step", flat=True))
    assert steps[-2:] == ["outcome_propose", "outcome_confirm"]


def test_chief_decides_a_referral_directly(users, unit):
    case = onsite_recorded(users, unit, findings=violation_findings(punishable=True))
    _outcome(users, case, recommendation=recommendation())
    assert fresh(case).state == CaseState.NOTICE_PENDING


def test_written_reply_opens_a_deadline_of_the_days_given_and_the_reply_meets_it(users, unit):
    case = recorded(users, unit)
    assert case.state in INSPECTED
    reply = services.reply_require(actor=users["inspector1"], case=case, questions="请说明更换计划", days=7)
    deadline = reply.deadline
    assert deadline.rule.code == rules.RULE_WRITTEN_REPLY
    assert (deadline.amount, deadline.unit, deadline.start) == (7, Unit.DAYS, TODAY())
    assert deadline.nominal == TODAY() + datetime.timedelta(days=7)
    assert deadline.state == DeadlineState.OPEN
    assert WORKFLOW["reply_receive"].blocker(fresh(case)) is None

    services.reply_receive(actor=users["inspector1"], case=case, received_on=TODAY(), summary="年底前更换",
                           upload=scan())
    reply = WrittenReply.objects.get(pk=reply.pk)
    assert reply.received_on == TODAY()
    reply.deadline.refresh_from_db()
    assert (reply.deadline.state, reply.deadline.closed_on) == (DeadlineState.MET, TODAY())
    assert fresh(case).state == CaseState.RECORDED  # records, does not move
    assert WORKFLOW["reply_receive"].blocker(fresh(case)).rule == rules.WRITTEN_REPLY_NONE

