"""The pages: permission matrix, constant query count of the list, forms and refusals with their clause."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from energy import rules
from energy.choices import CaseState, Trigger
from energy.models import EnergyUnit, InspectionCase
from linggao_mi.org.choices import Role
from linggao_mi.org.models import Section
from tests.factories import CertificateFactory, UserFactory

from .conftest import TODAY, days, onsite_recorded, plan
from .factories import EnergyUnitFactory

pytestmark = pytest.mark.django_db
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
    + b"\x00" * 64
)


@pytest.fixture
def outsider(db):
    """An inspector of another section: the industry section's cases are out of scope."""
    other = Section.objects.exclude(code="industry").first()
    user = UserFactory(username="t_outsider", role=Role.INSPECTOR, section=other)
    CertificateFactory(holder=user)
    return user


def status(client, user, url, method="get", data=None):
    client.logout()
    if user is not None:
        client.force_login(user)
    return getattr(client, method)(url, data or {}).status_code


def test_unit_pages_permission_matrix(client, users, unit):
    matrix = {
        reverse("energy:unit_list"): {None: 302, "legal": 403, "staff": 200, "inspector1": 200, "leader": 200},
        reverse("energy:unit_detail", args=[unit.pk]): {None: 302, "legal": 403, "staff": 200, "leader": 200},
        reverse("energy:unit_detail", args=[unit.pk + 99]): {"staff": 404},
        reverse("energy:unit_create"): {None: 302, "leader": 403, "legal": 403, "staff": 200},
        reverse("energy:unit_update", args=[unit.pk]): {None: 302, "leader": 403, "staff": 200},
    }
    for url, expected in matrix.items():
        for role, code in expected.items():
            got = status(client, users.get(role), url)
            assert got == code, (url, role, got)
    client.logout()
    assert client.get(reverse("energy:unit_list")).url.startswith(reverse("login"))


def test_case_pages_permission_matrix(client, users, unit, outsider):
    case = plan(users, unit)
    detail = reverse("energy:case_detail", args=[case.pk])
    notice = reverse("energy:case_notice", args=[case.pk])
    matrix = {
        reverse("energy:case_list"): {None: 302, "legal": 403, "inspector1": 200, "leader": 200, "staff": 200},
        reverse("energy:case_plan"): {None: 302, "staff": 403, "leader": 403, "inspector1": 200, "chief": 200},
        detail: {None: 302, "legal": 404, "outsider": 404, "inspector1": 200, "inspector2": 200,
                 "chief": 200, "leader": 200, "staff": 200},
        notice: {None: 302, "outsider": 404, "legal": 404, "staff": 403, "leader": 403,
                 "inspector1": 200, "chief": 200},
    }
    people = {**users, "outsider": outsider}
    for url, expected in matrix.items():
        for role, code in expected.items():
            got = status(client, people.get(role), url)
            assert got == code, (url, role, got)
    assert status(client, outsider, notice, "post", {"recipient": "x"}) == 404
    assert status(client, users["staff"], notice, "post", {"recipient": "x"}) == 403
    assert InspectionCase.objects.get().state == CaseState.PLANNED


def test_case_list_filters_and_scope(client, users, unit, outsider):
    mine = plan(users, unit)
    other_unit = EnergyUnitFactory(name="临高某水泥厂")
    plan(users, other_unit, trigger=Trigger.SPOT, planned=TODAY())
    client.force_login(users["inspector1"])
    page = client.get(reverse("energy:case_list"), {"unit": unit.pk}).content.decode()
    assert mine.reference in page and "<td>临高某水泥厂</td>" not in page
    page = client.get(reverse("energy:case_list"), {"state": CaseState.CLOSED}).content.decode()
    assert "没有符合条件的案件" in page
    client.force_login(outsider)
    assert mine.reference not in client.get(reverse("energy:case_list")).content.decode()


def test_case_list_overdue_filter(client, users, unit):
    from linggao_mi.deadlines.services import deadline_open

    late, fine = plan(users, unit), plan(users, unit)
    deadline_open(case=late, rule_code=rules.RULE_DELIVERY, start=days(-40))
    deadline_open(case=fine, rule_code=rules.RULE_DELIVERY, start=TODAY())
    client.force_login(users["inspector1"])
    page = client.get(reverse("energy:case_list"), {"overdue": "on"}).content.decode()
    assert late.reference in page and fine.reference not in page and "有逾期" in page


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


def test_plan_refused_too_early_shows_rule_and_clause(client, users, unit):
    client.force_login(users["inspector1"])
    response = client.post(reverse("energy:case_plan"), {
        "unit": unit.pk, "mode": "onsite", "trigger": "plan", "planned_date": days(3).isoformat(),
        "items": ["1", "4"], "inspectors": [users["inspector1"].pk, users["inspector2"].pk], "basis": "节约能源法",
    })
    page = response.content.decode()
    assert response.status_code == 200
    assert rules.NOTICE_LEAD.message in page and "三（四）5(2)" in page
    assert not InspectionCase.objects.exists()


def test_unit_form_rejects_bad_credit_code_in_chinese(client, users):
    client.force_login(users["staff"])
    data = {"name": "某厂", "credit_code": "914403001922038217", "address": "临高", "legal_representative": "甲",
            "contact_person": "乙", "contact_phone": "1", "industry": "制造", "annual_energy_use": "10"}
    page = client.post(reverse("energy:unit_create"), data).content.decode()
    assert rules.CREDIT_CODE_CHECK_DIGIT.message in page
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
    assert response.url == case.get_absolute_url()
    response = client.post(reverse("energy:case_notice", args=[case.pk]), {
        "served_on": days(-9).isoformat(), "method": "direct", "recipient": "陈明", "requirements": "备齐资料",
        "planned_date": days(-1).isoformat(),
    })
    assert response.status_code == 302
    start = datetime.datetime.combine(days(-1), datetime.time(9)).strftime("%Y-%m-%dT%H:%M")
    end = datetime.datetime.combine(days(-1), datetime.time(11)).strftime("%Y-%m-%dT%H:%M")
    form = {
        "started_at": start, "ended_at": end, "place": "厂区", "inspectors": [users["inspector1"].pk],
        "present": "陈明", "measures": ["1", "3"], "signer_name": "王建国", "signer_capacity": "legal_representative",
        "result_1": "violation", "facts_1": "使用淘汰电动机", "basis_1": "节约能源法第十七条",
        "result_4": "compliant", "facts_4": "", "basis_4": "",
        "uploads": [SimpleUploadedFile("现场.png", PNG, content_type="image/png")],
    }
    page = client.post(reverse("energy:case_record", args=[case.pk]), form).content.decode()
    assert rules.TWO_INSPECTORS.message in page and "三（四）5(3)" in page  # one inspector only
    form["inspectors"] = [users["inspector1"].pk, users["inspector2"].pk]
    form["uploads"] = [SimpleUploadedFile("现场.png", PNG, content_type="image/png")]
    response = client.post(reverse("energy:case_record", args=[case.pk]), form)
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == CaseState.RECORDED
    page = client.get(case.get_absolute_url()).content.decode()
    for text in ("现场监察笔录", "王建国（法定代表人）", users["inspector2"].certificates.get().number,
                 "使用淘汰电动机", "现场.png", "作出处理决定", "办理记录"):
        assert text in page, text
    page = client.post(reverse("energy:case_testing", args=[case.pk]), {
        "agency_name": "检测中心", "qualification_number": "CMA-1", "items": "能效", "commissioned_on": TODAY(),
        "fee_charged_to_unit": "300",
    }).content.decode()
    assert rules.TESTING_FREE.message in page
    response = client.post(reverse("energy:case_outcome", args=[case.pk]), {
        "outcome": "violation", "ended_on": days(-1).isoformat(), "result_1": "violation", "facts_1": "使用淘汰电动机",
        "basis_1": "节约能源法第十七条", "result_4": "compliant", "rectification_requirements": "更换电动机",
        "rectification_months": "2",
    })
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == CaseState.NOTICE_PENDING
    page = client.get(case.get_absolute_url()).content.decode()
    assert "限期整改通知书" in page and "文书" in page and "送达" in page


def test_written_case_materials_page(client, users, unit):
    case = plan(users, unit, mode="written", planned=days(1))
    client.force_login(users["inspector2"])
    client.post(reverse("energy:case_notice", args=[case.pk]), {
        "served_on": TODAY().isoformat(), "method": "mail", "recipient": "陈明", "requirements": "报送报告"})
    response = client.post(reverse("energy:case_materials", args=[case.pk]), {
        "received_on": TODAY().isoformat(), "paper": "on", "description": "年度报告",
        "uploads": [SimpleUploadedFile("报告.png", PNG, content_type="image/png")],
    })
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == CaseState.MATERIALS_RECEIVED and case.materials_paper and not case.materials_electronic


def test_detail_page_of_recorded_case_on_a_phone_width_form(client, users, unit):
    case = onsite_recorded(users, unit)
    client.force_login(users["inspector1"])
    page = client.get(reverse("energy:case_outcome", args=[case.pk])).content.decode()
    assert 'name="viewport"' in page and "用能产品、设备和生产工艺淘汰制度执行情况——检查结果" in page


def test_serve_page_catches_up_with_a_serve_from_the_documents_page(client, users, unit):
    from linggao_mi.documents.services import document_serve

    from .conftest import decide_violation, issue_document

    case = decide_violation(users, onsite_recorded(users, unit))
    document = issue_document(users, case)
    document_serve(actor=users["inspector1"], document=document, method="direct", served_on=TODAY(), recipient="王")
    client.force_login(users["inspector1"])
    url = reverse("energy:case_serve", args=[case.pk])
    assert "在文书页面登记送达" in client.get(url).content.decode()
    assert client.post(url, {}).status_code == 302
    case.refresh_from_db()
    assert case.state == CaseState.RECTIFYING and case.rectification_deadline.start == TODAY()


def test_testing_to_closing_through_the_pages(client, users, unit):
    from linggao_mi.deadlines.choices import DeadlineState
    from linggao_mi.deadlines.models import Deadline, DeadlineRule

    from .conftest import issue_document

    case = onsite_recorded(users, unit)
    client.force_login(users["inspector1"])

    def post(name, data, *args):
        return client.post(reverse(f"energy:{name}", args=[case.pk, *args]), data)

    response = post("case_testing", {"agency_name": "检测中心", "qualification_number": "CMA-1", "items": "能效",
                                      "commissioned_on": TODAY(), "fee_charged_to_unit": "0"})
    assert response.status_code == 302
    testing = case.testings.get()
    result = {"results": "效率低于限定值", "results_on": TODAY()}
    assert post("case_testing_result", result, testing.pk + 99).status_code == 404
    assert post("case_testing_result", result, testing.pk).status_code == 302
    assert case.testings.get().results == "效率低于限定值"
    response = post("case_outcome", {
        "outcome": "violation", "ended_on": TODAY(), "result_1": "violation", "facts_1": "使用淘汰电动机",
        "basis_1": "节约能源法第十七条", "result_4": "compliant", "rectification_requirements": "更换电动机",
        "rectification_months": "1", "recommend": "on", "rec_department": "临高县人民政府", "rec_basis": "第七十一条",
        "rec_facts": "使用淘汰设备",
    })
    assert response.status_code == 302
    assert case.recommendations.get().department == "临高县人民政府"
    issue_document(users, case)
    assert post("case_serve", {"method": "direct", "served_on": TODAY(), "recipient": "王建国"}).status_code == 302
    decide = {"approve": "1", "granted_months": "1", "reasons": "理由属实", "decided_on": TODAY()}
    page = post("case_extension_decide", decide).content.decode()
    assert rules.EXTENSION_PENDING.message in page and "没有待决定的延期申请" in page
    DeadlineRule.objects.filter(code=rules.RULE_EXTENSION_WINDOW).update(amount=60)
    response = post("case_extension_request", {"received_on": TODAY(), "requested_months": "2", "reasons": "采购"})
    assert response.status_code == 302
    client.force_login(users["chief"])
    assert post("case_extension_decide", decide).status_code == 302
    case.refresh_from_db()
    assert case.extension_months == 1
    Deadline.objects.filter(pk=case.rectification_deadline_id).update(due=days(-1), state=DeadlineState.OVERDUE)
    assert post("case_escalate", {"reason": "逾期未整改"}).status_code == 302
    response = post("case_close", {"reason": "已移送", "closed_on": TODAY(), "recommend": "on",
                                   "rec_department": "临高县市场监督管理局", "rec_basis": "第七十一条",
                                   "rec_facts": "逾期"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == CaseState.CLOSED and case.recommendations.count() == 2


def test_report_and_verification_pages(client, users, unit):
    from .conftest import decide_violation, issue_document, serve_document

    case = decide_violation(users, onsite_recorded(users, unit))
    issue_document(users, case)
    serve_document(users, case)
    client.force_login(users["inspector2"])
    response = client.post(reverse("energy:case_report", args=[case.pk]), {
        "received_on": TODAY(), "summary": "已更换", "uploads": [SimpleUploadedFile("整改.png", PNG, "image/png")],
    })
    assert response.status_code == 302
    response = client.post(reverse("energy:case_verify", args=[case.pk]), {
        "verified_on": TODAY(), "result": "passed", "notes": "已核实",
    })
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == CaseState.CLOSED and case.verification_result == "passed"


def test_outcome_form_puts_each_findings_facts_and_basis_under_its_result(users, unit):
    from energy.forms import OutcomeForm

    fields = list(OutcomeForm(case=onsite_recorded(users, unit)).fields)
    assert fields[:8] == ["outcome", "ended_on", "result_1", "facts_1", "basis_1", "result_4", "facts_4", "basis_4"]
