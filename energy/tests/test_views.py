"""The pages: a permission matrix for every page (anonymous, no permission, allowed, out of scope → 404), every step
page of the workflow table, the case page's actions and progress, refusals shown inline with their clause, the steps
walked through their pages, and a list whose query count does not grow with its rows."""

import datetime
import re

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from energy import rules, services
from energy.choices import CaseState, Mode, Outcome, Trigger
from energy.models import EnergyUnit, InspectionCase
from energy.workflow import WORKFLOW
from linggao_mi.casework import rules as kit
from linggao_mi.casework.workflow import DECIDE, HANDLE
from linggao_mi.documents.services import document_approve, document_issue, document_return, document_submit
from linggao_mi.org.choices import Role
from linggao_mi.org.models import Department, Section
from tests.factories import CertificateFactory, UserFactory

from .conftest import (
    REQUIREMENTS,
    TODAY,
    days,
    decide_violation,
    file_record,
    issue_and_serve,
    on,
    onsite_recorded,
    plan,
    rectifying,
    scan,
    violation_findings,
)
from .factories import EnergyUnitFactory, InspectionCaseFactory

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)
# One page per step of the table taken on an existing case (two steps may share a page: decide/propose,
# confirm/return); the page acts as the first of them.
STEP_PAGES = {}
for _step in WORKFLOW:
    if _step.sources and _step.url_name:
        STEP_PAGES.setdefault(_step.url_name, _step)


@pytest.fixture
def outsider(db):
    """An inspector of another section: the industry section's cases are out of scope."""
    other = Section.objects.exclude(code="industry").first()
    user = UserFactory(username="t_outsider", role=Role.INSPECTOR, section=other)
    CertificateFactory(holder=user)
    return user


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("t_root", "root@linggao.example", "pw-for-tests")


def status(client, user, url, method="get", data=None):
    client.logout()
    if user is not None:
        client.force_login(user)
    return getattr(client, method)(url, data or {}).status_code


def page(client, user, url) -> str:
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def alert(html: str) -> str:
    """The refusal shown above a form (role="alert")."""
    found = re.search(r'<div class="errors" role="alert">(.*?)</div>', html, re.S)
    return found.group(1) if found else ""


def actions(html: str) -> str:
    found = re.search(r'<nav class="actions" aria-label="办理操作">(.*?)</nav>', html, re.S)
    return found.group(1) if found else ""


def progress(html: str) -> dict[str, str]:
    """Step label → its status in the progress list (done, next, blocked, waiting)."""
    rows = re.findall(r'<li class="progress-(\w+)"><span[^>]*>[^<]*</span>\s*([^（<—]+)', html)
    return {label.strip(): state for state, label in rows}


def url(name: str, case, *args) -> str:
    return reverse(f"energy:{name}", args=[case.pk, *args])


def department(name: str = "县发改委") -> Department:
    return Department.objects.get(name=name)


def datetime_field(day: datetime.date, hour: int) -> str:
    return datetime.datetime.combine(day, datetime.time(hour)).strftime("%Y-%m-%dT%H:%M")


# ---------------------------------------------------------------- permission matrices


def test_unit_pages_permission_matrix(client, users, unit):
    matrix = {
        reverse("energy:unit_list"): {None: 302, "legal": 403, "staff": 200, "inspector1": 200, "leader": 200},
        reverse("energy:unit_detail", args=[unit.pk]): {None: 302, "legal": 403, "staff": 200, "leader": 200},
        reverse("energy:unit_detail", args=[unit.pk + 99]): {"staff": 404},
        reverse("energy:unit_create"): {None: 302, "leader": 403, "legal": 403, "staff": 200},
        reverse("energy:unit_update", args=[unit.pk]): {None: 302, "leader": 403, "staff": 200},
    }
    for address, expected in matrix.items():
        for role, code in expected.items():
            got = status(client, users.get(role), address)
            assert got == code, (address, role, got)
    client.logout()
    assert client.get(reverse("energy:unit_list")).url.startswith(reverse("login"))


def test_unit_page_leads_to_the_case_list_filtered_to_the_unit(client, users, unit):
    case = InspectionCaseFactory(unit=unit, inspectors=[users["inspector1"]], actor=users["inspector1"])
    other = InspectionCaseFactory(inspectors=[users["inspector1"]], actor=users["inspector1"])
    client.force_login(users["leader"])
    page = client.get(reverse("energy:unit_detail", args=[unit.pk])).content.decode()
    link = f'{reverse("energy:case_list")}?q={unit.credit_code}'
    assert f'href="{link}"' in page
    listed = client.get(link).content.decode()
    assert case.reference in listed and other.reference not in listed


def test_case_pages_permission_matrix(client, users, unit, outsider):
    case = plan(users, unit)
    detail = case.get_absolute_url()
    matrix = {
        reverse("energy:case_list"): {None: 302, "legal": 403, "inspector1": 200, "leader": 200, "staff": 200},
        reverse("energy:case_plan"): {None: 302, "staff": 403, "leader": 403, "legal": 403, "admin": 403,
                                      "inspector1": 200, "chief": 200},
        detail: {None: 302, "legal": 404, "outsider": 404, "inspector1": 200, "inspector2": 200, "chief": 200,
                 "leader": 200, "staff": 200, "admin": 200},
        reverse("energy:case_detail", args=[case.pk + 99]): {"leader": 404},
        url("case_site_record_pdf", case): {None: 302, "outsider": 404, "inspector1": 200, "leader": 200},
    }
    people = {**users, "outsider": outsider}
    for address, expected in matrix.items():
        for role, code in expected.items():
            got = status(client, people.get(role), address)
            assert got == code, (address, role, got)


def test_every_step_page_permission_matrix(client, users, unit, outsider, superuser):
    """Each step page: anonymous → login; a user who may see the case but not take the step → 403; a user who may
    not see the case → 404, the same as a missing case; whoever holds the step's permission → the page."""
    case = plan(users, unit)
    people = {**users, "outsider": outsider, "superuser": superuser}
    allowed = {HANDLE: {"inspector1", "inspector2", "chief"}, DECIDE: {"chief", "leader"}}
    assert len(STEP_PAGES) == 16
    for name, step in STEP_PAGES.items():
        address = url(name, case)
        client.logout()
        response = client.get(address)
        assert response.status_code == 302 and response.url.startswith(reverse("login")), name
        for role in ("legal", "outsider"):
            assert status(client, people[role], address) == 404, (name, role)
            assert status(client, people[role], address, "post") == 404, (name, role)
        for role in ("inspector1", "inspector2", "chief", "leader", "staff", "admin", "superuser"):
            expected = 200 if role in allowed[step.permission] else 403
            got = status(client, people[role], address)
            assert got == expected, (name, role, got)
            if expected == 200:
                assert f"{step.label}：{case.reference}" in client.get(address).content.decode(), name
            else:
                assert status(client, people[role], address, "post", {"reason": "x"}) == 403, (name, role)
        assert status(client, users["inspector1"], url(name, InspectionCase(pk=case.pk + 99))) == 404, name
    case.refresh_from_db()
    assert case.state == CaseState.PLANNED and case.notice_document is None


def test_a_superuser_reads_cases_and_opens_none(client, users, unit, superuser):
    """Administrators read every case and change nothing of one (DESIGN.md §5a), 立案 included: Django would grant
    a superuser the model permission `energy.add_inspectioncase`; the kit's user_may refuses it."""
    case = plan(users, unit)
    assert status(client, superuser, case.get_absolute_url()) == 200
    assert status(client, superuser, reverse("energy:case_plan")) == 403
    with pytest.raises(PermissionDenied):
        services.inspection_plan(
            actor=superuser, unit=unit, mode=Mode.ONSITE, trigger=Trigger.SPOT, planned_date=TODAY(), items=["1"],
            inspectors=[users["inspector1"], users["inspector2"]],
        )
    assert InspectionCase.objects.count() == 1


# ---------------------------------------------------------------- the case page: actions and progress


def test_case_page_shows_the_next_steps_with_what_blocks_them(client, users, unit):
    case = plan(users, unit)
    html = page(client, users["inspector1"], case.get_absolute_url())
    nav = actions(html)
    assert f'href="{url("case_notice", case)}">起草节能监察通知书</a>' in nav
    assert f'href="{url("case_plan_correct", case)}">更正计划监察日期</a>' in nav
    assert url("case_record", case) not in nav and "制作现场监察笔录" not in nav  # blocked: not offered
    # what blocks it, with its clause, and a link to what lifts it
    blocker = re.search(r"<strong>制作现场监察笔录</strong>：(.*?)</li>", html).group(1)
    assert str(rules.NOTICE_REQUIRED) in blocker
    assert blocker.endswith(f'→ <a href="{url("case_notice", case)}">起草节能监察通知书</a>')
    rows = progress(html)
    assert rows["立案"] == "done" and rows["起草节能监察通知书"] == "next"
    assert rows["制作现场监察笔录"] == "blocked" and rows["核查整改情况"] == "waiting" and rows["结案"] == "waiting"
    for who in ("staff", "leader"):  # may see the case, may take none of its steps now
        assert actions(page(client, users[who], case.get_absolute_url())) == ""

    case = services.notice_draft(actor=users["inspector1"], case=case, requirements=REQUIREMENTS)
    html = page(client, users["inspector1"], case.get_absolute_url())
    assert progress(html)["起草节能监察通知书"] == "blocked"  # done once, now blocked: one notice at a time
    notice = case.notice_document.get_absolute_url()
    act = f"{notice}#document-actions"
    assert f"<strong>起草节能监察通知书</strong>：{rules.NOTICE_ALREADY}" in html
    # the notice's own next step is offered, not its serving; the case reads as its notice stands
    assert f'href="{act}">节能监察通知书：报送审批</a>' in actions(html)
    assert '<span class="badge ">节能监察通知书起草中</span>' in html
    document_submit(actor=users["inspector1"], document=case.notice_document)
    html = page(client, users["inspector1"], case.get_absolute_url())
    assert f'→ <a href="{notice}">查看节能监察通知书</a>' in html and "节能监察通知书待审批" in html
    assert f'href="{act}">节能监察通知书：审批</a>' in actions(page(client, users["chief"], case.get_absolute_url()))
    document_approve(actor=users["chief"], document=case.notice_document)
    document_issue(actor=users["chief"], document=case.notice_document)
    html = page(client, users["inspector1"], case.get_absolute_url())
    assert f'href="{act}">节能监察通知书：登记送达</a>' in actions(html)
    assert f'<span class="badge {CaseState.PLANNED.badge}">{CaseState.PLANNED.label}</span>' in html


def test_case_page_offers_the_decisions_to_the_chief_and_the_leader_only(client, users, unit):
    case = onsite_recorded(users, unit, findings=violation_findings(punishable=True))
    case = services.outcome_propose(
        actor=users["inspector1"], case=case, outcome=Outcome.DIRECT_PENALTY, ended_on=TODAY(),
        recommendation=services.RecommendationInput(department(), "第七十一条", "使用淘汰设备"),
    )
    confirm = url("case_outcome_confirm", case)
    for who in ("chief", "leader"):
        nav = actions(page(client, users[who], case.get_absolute_url()))
        assert nav.count(f'href="{confirm}"') == 1 and f'href="{confirm}">决定处理意见</a>' in nav  # confirm or return
        assert "退回承办人员" in page(client, users[who], confirm)
    html = page(client, users["inspector1"], case.get_absolute_url())
    assert confirm not in html and progress(html)["报请股长决定处理意见"] == "done"
    assert "县发改委" in html  # the proposed referral is shown with its department

    case = services.outcome_return(actor=users["chief"], case=case, reasons="证据不足")
    case = services.outcome_decide(actor=users["inspector1"], case=case, outcome=Outcome.NONE, ended_on=TODAY(),
                                   findings={i: services.FindingInput("compliant", "符合") for i in ("1", "4")})
    assert case.state == CaseState.TO_CLOSE
    assert url("case_close", case) not in page(client, users["inspector1"], case.get_absolute_url())
    chief_actions = actions(page(client, users["chief"], case.get_absolute_url()))
    assert f'href="{url("case_close", case)}">结案</a>' in chief_actions


def _state_badge(html: str) -> str:
    return re.search(r"<h1>[^<]*<span class=\"badge[^\"]*\">([^<]+)</span></h1>", html).group(1)


def test_after_the_outcome_the_page_offers_the_documents_next_step_and_reads_as_the_document_stands(
    client, users, unit
):
    case = decide_violation(users, onsite_recorded(users, unit))
    document = case.outcome_document
    link, act = document.get_absolute_url(), f"{document.get_absolute_url()}#document-actions"
    inspector, chief = users["inspector1"], users["chief"]

    def seen(user):
        html = page(client, user, case.get_absolute_url())
        return _state_badge(html), actions(html), html

    state, nav, html = seen(inspector)
    assert state == "限期整改通知书起草中"  # not 待送达 while it is a draft
    assert f'href="{act}">限期整改通知书：报送审批</a>' in nav and "登记送达" not in nav
    assert progress(html)["作出处理决定"] == "done" and progress(html)["处理文书送达"] == "blocked"

    document_submit(actor=inspector, document=document)
    state, nav, html = seen(inspector)
    assert state == "限期整改通知书待审批" and nav == ""  # nothing for the drafter to do but wait
    assert f"<strong>处理文书送达</strong>：{rules.OUTCOME_DOCUMENT_NOT_ISSUED}" in html
    assert f'→ <a href="{link}">查看限期整改通知书</a>' in html  # what it waits for, and where
    assert f'href="{act}">限期整改通知书：审批</a>' in seen(chief)[1]

    document_return(actor=chief, document=document, reason="整改要求过于笼统")
    state, nav, html = seen(inspector)
    assert state == "限期整改通知书已退回修改" and "退回理由：整改要求过于笼统" in html
    assert f'href="{act}">限期整改通知书：修改后重新报送（已退回）</a>' in nav

    document_submit(actor=inspector, document=document)
    document_approve(actor=chief, document=document)
    state, nav, _ = seen(chief)
    assert state == "限期整改通知书已批准待签发" and f'href="{act}">限期整改通知书：签发</a>' in nav
    document_issue(actor=chief, document=document)
    state, nav, _ = seen(inspector)
    assert state == CaseState.NOTICE_PENDING.label and f'href="{act}">限期整改通知书：登记送达</a>' in nav
    case.refresh_from_db()
    assert case.state == CaseState.NOTICE_PENDING  # no state stored twice: the case's own never moved


def test_late_entries_are_marked_in_the_timeline(client, users, unit):
    client.force_login(users["inspector1"])
    form = {
        "unit": unit.pk, "mode": "onsite", "trigger": "report", "planned_date": days(-2).isoformat(),
        "items": ["1", "4"], "inspectors": [users["inspector1"].pk, users["inspector2"].pk], "basis": "节约能源法",
    }
    html = client.post(reverse("energy:case_plan"), form).content.decode()
    assert kit.LATE_ENTRY_REASON.message in alert(html) and kit.LATE_ENTRY_REASON.clause in alert(html)
    assert not InspectionCase.objects.exists()
    response = client.post(reverse("energy:case_plan"), {**form, "late_reason": "举报现场处理后补录"})
    case = InspectionCase.objects.get()
    assert response.url == case.get_absolute_url()
    html = page(client, users["inspector1"], case.get_absolute_url())
    timeline = html[html.index("办理记录"):]
    assert '<span class="badge warning">补录</span> 立案' in timeline and "（补录理由：举报现场处理后补录）" in timeline


# ---------------------------------------------------------------- lists


def test_case_list_filters_and_scope(client, users, unit, outsider):
    mine = plan(users, unit)
    other_unit = EnergyUnitFactory(name="临高某水泥厂")
    plan(users, other_unit, trigger=Trigger.SPOT, planned=TODAY())
    client.force_login(users["inspector1"])
    html = client.get(reverse("energy:case_list"), {"q": unit.credit_code}).content.decode()
    assert mine.reference in html and "临高某水泥厂" not in html
    html = client.get(reverse("energy:case_list"), {"state": CaseState.TO_CLOSE}).content.decode()
    assert "没有符合条件的案件" in html
    client.force_login(outsider)
    assert mine.reference not in client.get(reverse("energy:case_list")).content.decode()


def test_case_list_overdue_filter(client, users, unit):
    late = decide_violation(users, onsite_recorded(users, unit, start=-40))  # delivery due 15 days after day -30
    fine = decide_violation(users, onsite_recorded(users, unit))
    client.force_login(users["inspector1"])
    html = client.get(reverse("energy:case_list"), {"overdue": "on"}).content.decode()
    assert late.reference in html and fine.reference not in html and "有逾期" in html


def test_case_list_query_count_is_constant(client, users, unit):
    client.force_login(users["inspector1"])
    plan(users, unit)
    with CaptureQueriesContext(connection) as one:
        assert client.get(reverse("energy:case_list")).status_code == 200
    for _ in range(6):
        plan(users, unit)
    with CaptureQueriesContext(connection) as seven:
        response = client.get(reverse("energy:case_list"))
    assert response.content.decode().count("临工信节监〔") == 7
    assert len(seven) == len(one)


# ---------------------------------------------------------------- forms, refusals inline, steps through the pages


def test_plan_refused_too_early_shows_rule_and_clause(client, users, unit):
    client.force_login(users["inspector1"])
    response = client.post(reverse("energy:case_plan"), {
        "unit": unit.pk, "mode": "onsite", "trigger": "plan", "planned_date": days(3).isoformat(),
        "items": ["1", "4"], "inspectors": [users["inspector1"].pk, users["inspector2"].pk], "basis": "节约能源法",
    })
    assert response.status_code == 200
    shown = alert(response.content.decode())
    assert rules.NOTICE_LEAD.message in shown and "三（四）5(2)" in shown
    assert not InspectionCase.objects.exists()


def test_unit_form_rejects_bad_credit_code_in_chinese(client, users):
    client.force_login(users["staff"])
    data = {"name": "某厂", "credit_code": "914403001922038217", "address": "临高", "legal_representative": "甲",
            "contact_person": "乙", "contact_phone": "1", "industry": "制造", "annual_energy_use": "10"}
    assert rules.CREDIT_CODE_CHECK_DIGIT.message in client.post(reverse("energy:unit_create"), data).content.decode()
    data["credit_code"] = "914403001922038216"
    response = client.post(reverse("energy:unit_create"), data)
    assert response.status_code == 302 and EnergyUnit.objects.get().credit_code == "914403001922038216"


def test_onsite_steps_through_the_pages(client, users, unit):
    client.force_login(users["inspector1"])
    response = client.post(reverse("energy:case_plan"), {
        "unit": unit.pk, "mode": "onsite", "trigger": "plan", "planned_date": days(8).isoformat(),
        "items": ["1", "4"], "inspectors": [users["inspector1"].pk, users["inspector2"].pk], "basis": "节约能源法",
    })
    case = InspectionCase.objects.get()
    assert response.url == case.get_absolute_url() and case.state == CaseState.PLANNED
    html = client.post(url("case_notice", case), {"requirements": " "}).content.decode()
    assert "该字段是必填项" in html
    case.refresh_from_db()
    assert case.notice_document is None
    response = client.post(url("case_notice", case), {"requirements": "请备齐近三年能源统计报表"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.notice_document.kind.code == rules.KIND_INSPECTION_NOTICE
    assert case.notice_requirements == "请备齐近三年能源统计报表"
    html = client.get(url("case_record", case)).content.decode()
    assert f"目前不能办理：{rules.NOTICE_REQUIRED}" in html  # the notice is not served yet
    issue_and_serve(users, case.notice_document)
    case.refresh_from_db()
    assert case.state == CaseState.NOTIFIED

    inspected = days(8)
    form = {
        "started_at": datetime_field(inspected, 9), "ended_at": datetime_field(inspected, 11), "place": "厂区",
        "inspectors": [users["inspector1"].pk], "present": "陈明", "measures": ["1", "3"],
        "signer_name": "王建国", "signer_capacity": "legal_representative",
        "result_1": "violation", "facts_1": "使用淘汰电动机", "basis_1": "节约能源法第十七条",
        "result_4": "compliant", "facts_4": "", "basis_4": "",
    }
    with on(inspected):
        shown = alert(client.post(url("case_record", case), {**form, "uploads": [scan("现场.png")]}).content.decode())
        assert rules.TWO_INSPECTORS.message in shown and "三（四）5(3)" in shown  # one inspector only
        form["inspectors"] = [users["inspector1"].pk, users["inspector2"].pk]
        response = client.post(url("case_record", case), {**form, "uploads": [scan("现场.png")]})
        assert response.status_code == 302
        case.refresh_from_db()
        assert case.state == CaseState.RECORDED
        html = client.get(case.get_absolute_url()).content.decode()
        for text in ("现场监察笔录", "王建国（法定代表人）", users["inspector2"].certificates.get().number,
                     "使用淘汰电动机", "现场.png", "作出处理决定", "办理记录"):
            assert text in html, text
        shown = alert(client.post(url("case_testing", case), {
            "agency_name": "检测中心", "qualification_number": "CMA-1", "items": "能效",
            "commissioned_on": inspected.isoformat(), "fee_charged_to_unit": "300",
        }).content.decode())
        assert rules.TESTING_FREE.message in shown and rules.TESTING_FREE.clause in shown
        outcome = {
            "ended_on": inspected.isoformat(), "result_1": "violation", "facts_1": "使用淘汰电动机",
            "basis_1": "节约能源法第十七条", "result_4": "compliant", "rectification_requirements": "更换电动机",
            "rectification_months": "2",
        }
        shown = alert(client.post(url("case_outcome", case), {**outcome, "outcome": "none"}).content.decode())
        assert rules.OUTCOME_NONE_CONFLICT.message in shown and rules.OUTCOME_NONE_CONFLICT.clause in shown
        response = client.post(url("case_outcome", case), {**outcome, "outcome": "violation"})
        assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == CaseState.NOTICE_PENDING and case.rectification_months == 2
    html = client.get(case.get_absolute_url()).content.decode()
    assert "限期整改通知书" in html and case.outcome_document.get_absolute_url() in html


def test_written_case_notice_and_materials_pages(client, users, unit):
    case = plan(users, unit, mode=Mode.WRITTEN, planned=days(1))
    client.force_login(users["inspector2"])
    assert client.post(url("case_notice", case), {"requirements": "报送能源利用状况报告"}).status_code == 302
    case.refresh_from_db()
    issue_and_serve(users, case.notice_document)
    materials = {"received_on": TODAY().isoformat(), "paper": "on", "description": "年度报告"}
    shown = alert(client.post(url("case_materials", case), materials).content.decode())
    assert rules.MATERIALS_IN_WRITING.message in shown and rules.MATERIALS_IN_WRITING.clause in shown
    response = client.post(url("case_materials", case), {**materials, "uploads": [scan("报告.png")]})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == CaseState.MATERIALS_RECEIVED and case.materials_paper and not case.materials_electronic
    assert "报告.png" in client.get(case.get_absolute_url()).content.decode()


def test_referral_proposed_on_the_outcome_page_and_decided_by_the_chief(client, users, unit):
    case = onsite_recorded(users, unit, findings=violation_findings(punishable=True))
    referral = {
        "outcome": "direct_penalty", "ended_on": TODAY().isoformat(), "result_1": "violation",
        "facts_1": "使用淘汰电动机", "basis_1": "节约能源法第十七条", "punishable_1": "on", "result_4": "compliant",
        "recommend": "on", "rec_department": department().pk, "rec_basis": "第七十一条", "rec_facts": "使用淘汰设备",
    }
    client.force_login(users["inspector1"])
    assert client.post(url("case_outcome", case), {**referral, "rec_department": ""}).status_code == 200
    assert client.post(url("case_outcome", case), referral).status_code == 302
    case.refresh_from_db()
    assert case.state == CaseState.OUTCOME_PROPOSED  # an inspector's referral is a proposal
    assert status(client, users["inspector1"], url("case_outcome_confirm", case), "post", {"approve": "1"}) == 403

    client.force_login(users["chief"])
    html = client.get(url("case_outcome_confirm", case)).content.decode()
    assert "决定处理意见" in html and "退回承办人员" in html
    assert client.post(url("case_outcome_confirm", case), {"approve": "0", "reasons": "请补充证据"}).status_code == 302
    case.refresh_from_db()
    assert case.state == CaseState.RECORDED and not case.recommendations.exists()
    response = client.post(url("case_outcome", case), referral)  # the chief decides at once
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == CaseState.REFERRED and case.recommendations.get().department == department()


def test_extension_escalation_and_closing_through_the_pages(client, users, unit):
    case = rectifying(users, unit, months=1)
    due = case.rectification_deadline.due
    client.force_login(users["chief"])
    decide = {"approve": "1", "granted_months": "1", "reasons": "理由属实", "decided_on": TODAY().isoformat()}
    html = client.get(url("case_extension_decide", case)).content.decode()
    assert f"目前不能办理：{rules.EXTENSION_NONE_PENDING}" in html
    assert rules.EXTENSION_NONE_PENDING.message in alert(client.post(url("case_extension_decide", case),
                                                                decide).content.decode())
    received = due - 5 * DAY
    with on(received):
        client.force_login(users["inspector1"])
        request = {"received_on": received.isoformat(), "requested_months": "2", "reasons": "采购"}
        shown = alert(client.post(url("case_extension_request", case), request).content.decode())
        assert rules.EXTENSION_IN_WRITING.message in shown
        response = client.post(url("case_extension_request", case), {**request, "upload": scan("延期申请.png")})
        assert response.status_code == 302
        assert status(client, users["inspector1"], url("case_extension_decide", case), "post", decide) == 403
        client.force_login(users["chief"])
        too_many = {**decide, "granted_months": "3", "decided_on": received.isoformat()}
        shown = alert(client.post(url("case_extension_decide", case), too_many).content.decode())
        assert rules.EXTENSION_GRANT_EXCEEDS.message in shown and rules.EXTENSION_GRANT_EXCEEDS.clause in shown
        response = client.post(url("case_extension_decide", case), {**decide, "decided_on": received.isoformat()})
        assert response.status_code == 302
    case.refresh_from_db()
    assert case.extension_months == 1
    extension = case.extensions.get()
    assert extension.decision_document.kind.code == rules.KIND_EXTENSION_DECISION
    new_due = case.rectification_deadline.due
    assert new_due > due

    escalate = {"rec_department": department("县安监局").pk, "rec_basis": "第七十一条", "rec_facts": "逾期未整改",
                "reason": "整改期限届满未整改"}
    with on(new_due):
        client.force_login(users["chief"])  # a session lasts a working day
        shown = alert(client.post(url("case_escalate", case), escalate).content.decode())
        assert rules.ESCALATE_NOT_OVERDUE.message in shown and rules.ESCALATE_NOT_OVERDUE.clause in shown
    with on(new_due + DAY):
        client.force_login(users["chief"])
        assert client.post(url("case_escalate", case), escalate).status_code == 302
        case.refresh_from_db()
        assert case.state == CaseState.ESCALATED
        assert case.recommendations.get().department == department("县安监局")
        close = {"reason": "已移送县安监局", "closed_on": (new_due + DAY).isoformat()}
        assert client.post(url("case_close", case), close).status_code == 302
    case.refresh_from_db()
    assert case.state == CaseState.CLOSED and case.closed_on == new_due + DAY


def test_report_verification_and_closing_pages(client, users, unit):
    case = rectifying(users, unit)
    client.force_login(users["inspector2"])
    report = {"received_on": TODAY().isoformat(), "summary": "已更换"}
    shown = alert(client.post(url("case_report", case), report).content.decode())
    assert rules.REPORT_IN_WRITING.message in shown and rules.REPORT_IN_WRITING.clause in shown
    response = client.post(url("case_report", case), {**report, "uploads": [scan("整改.png")]})
    assert response.status_code == 302
    response = client.post(url("case_verify", case), {
        "verified_on": TODAY().isoformat(), "result": "passed", "notes": "已核实",
    })
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == CaseState.TO_CLOSE and case.verification_result == "passed"
    close = {"reason": "整改到位", "closed_on": TODAY().isoformat()}
    assert status(client, users["inspector2"], url("case_close", case), "post", close) == 403
    assert status(client, users["chief"], url("case_close", case), "post", close) == 302
    case.refresh_from_db()
    assert case.state == CaseState.CLOSED


def test_written_reply_and_testing_result_pages(client, users, unit):
    case = onsite_recorded(users, unit)
    client.force_login(users["inspector1"])
    response = client.post(url("case_reply_require", case), {"questions": "请说明电动机使用情况", "days": "5"})
    assert response.status_code == 302
    reply = {"received_on": TODAY().isoformat(), "summary": "已答复"}
    shown = alert(client.post(url("case_reply_receive", case), reply).content.decode())
    assert rules.WRITTEN_REPLY_IN_WRITING.message in shown
    assert client.post(url("case_reply_receive", case), {**reply, "upload": scan("答复.png")}).status_code == 302
    assert case.written_replies.get().received_on == TODAY()
    html = client.get(url("case_reply_receive", case)).content.decode()
    assert f"目前不能办理：{rules.WRITTEN_REPLY_NONE}" in html

    response = client.post(url("case_testing", case), {
        "agency_name": "检测中心", "qualification_number": "CMA-1", "items": "能效",
        "commissioned_on": TODAY().isoformat(), "fee_charged_to_unit": "0",
    })
    assert response.status_code == 302
    testing = case.testings.get()
    result = {"results": "效率低于限定值", "results_on": TODAY().isoformat()}
    response = client.post(url("case_testing_result", case), {**result, "testing": testing.pk + 99})
    assert response.status_code == 200 and case.testings.get().results == ""  # not a testing of this case
    assert client.post(url("case_testing_result", case), {**result, "testing": testing.pk}).status_code == 302
    assert case.testings.get().results == "效率低于限定值"


def test_detail_page_of_recorded_case_on_a_phone_width_form(client, users, unit):
    case = onsite_recorded(users, unit)
    client.force_login(users["inspector1"])
    html = client.get(url("case_outcome", case) + "?outcome=violation").content.decode()
    assert 'name="viewport"' in html and "用能产品、设备和生产工艺淘汰制度执行情况——检查结果" in html


def test_outcome_form_puts_each_findings_facts_basis_and_punishable_under_its_result(users, unit):
    from energy.forms import OutcomeForm

    form = OutcomeForm(case=onsite_recorded(users, unit), initial={"outcome": "violation"})
    fields = list(form.fields)
    assert fields[:4] == ["outcome", "ended_on", "rectification_requirements", "rectification_months"]
    assert [f.name for f in form.folded_fields()] == [
        "result_1", "facts_1", "basis_1", "punishable_1", "result_4", "facts_4", "basis_4", "punishable_4",
    ]
    assert "late_reason" in fields and not {"recommend", "rec_department", "suggestions"} & set(fields)


def test_record_form_offers_the_cases_inspectors_only(client, users, unit):
    case = plan(users, unit, trigger=Trigger.SPOT, planned=TODAY())
    html = page(client, users["inspector1"], url("case_record", case))
    assert f'value="{users["inspector1"].pk}"' in html and f'value="{users["inspector2"].pk}"' in html
    assert f'value="{users["chief"].pk}"' not in html.split('name="measures"')[0].split('name="inspectors"', 1)[1]
    assert file_record(users, case, day=TODAY()).state == CaseState.RECORDED


def test_the_notices_serve_form_offers_todays_date_as_a_date_input_takes_it(client, users, unit):
    """The page where the 节能监察通知书 is served offers today as the date of service, as yyyy-mm-dd (the only value an
    <input type="date"> accepts).

    Fails today: linggao_mi/documents/forms.py ServeForm.served_on is DateInput(attrs={"type": "date"}) without
    format="%Y-%m-%d"; under zh-hans it renders value="2026/11/30", which browsers drop, so the required field shows
    empty on the phone (casework.forms.DATE sets the format).
    """
    case = services.notice_draft(actor=users["inspector1"], case=plan(users, unit), requirements=REQUIREMENTS)
    document_submit(actor=users["inspector1"], document=case.notice_document)
    document_approve(actor=users["chief"], document=case.notice_document)
    document_issue(actor=users["chief"], document=case.notice_document)
    html = page(client, users["inspector1"], case.notice_document.get_absolute_url())
    served_on = re.search(r'<input type="date" name="served_on" value="([^"]*)"', html)
    assert served_on and served_on.group(1) == TODAY().isoformat(), served_on and served_on.group(1)
