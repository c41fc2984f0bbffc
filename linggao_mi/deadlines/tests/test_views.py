"""Pages and API: the calculator (page and JSON), the deadline list, the calendar page, the admin."""

import pytest
from django.urls import include, path, reverse
from drf_spectacular.generators import SchemaGenerator

from linggao_mi.deadlines.models import CalendarYear, DeadlineRule
from linggao_mi.deadlines.services import deadline_open

from .conftest import day

pytestmark = pytest.mark.django_db

API = "/api/v1/deadlines/compute/"


# --- the calculator page ---------------------------------------------------------------------------------


def test_calculator_needs_login(client):
    response = client.get("/deadlines/calculator/?start=2026-09-30&amount=5&unit=workdays")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_calculator_empty_form(client, users):
    client.force_login(users["staff"])
    response = client.get("/deadlines/calculator/")
    assert response.status_code == 200
    assert "起算日期" in response.text and "计算结果" not in response.text


def test_calculator_computes_the_worked_examples(client, users):
    client.force_login(users["inspector1"])
    response = client.get("/deadlines/calculator/", {"start": "2026-09-30", "amount": 5, "unit": "workdays"})
    assert "2026年10月13日" in response.text and "已顺延" not in response.text and "暂定" not in response.text

    response = client.get("/deadlines/calculator/", {"start": "2026-09-20", "amount": 15, "unit": "days"})
    assert "2026年10月8日" in response.text and "已顺延" in response.text and "2026年10月5日" in response.text

    response = client.get("/deadlines/calculator/", {"start": "2026-08-31", "amount": 6, "unit": "months"})
    text = response.text
    assert "2027年3月1日" in text and "已顺延" in text
    assert "暂定" in text and "尚未录入国务院放假安排" in text

    response = client.get("/deadlines/calculator/", {"start": "2025-08-31", "amount": 1, "unit": "years"})
    assert "2026年8月31日" in response.text and "已顺延" not in response.text


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"start": "2026-13-01", "amount": "5", "unit": "days"}, "起算日期格式应为"),
        ({"start": "2026-09-30", "amount": "0", "unit": "days"}, "至少为1"),
        ({"start": "2026-09-30", "amount": "abc", "unit": "days"}, "必须是整数"),
        ({"start": "2026-09-30", "amount": "500", "unit": "months"}, "不能超过120个月"),
        ({"start": "2026-09-30", "amount": "5", "unit": "weeks"}, "单位只能是"),
        ({"start": "", "amount": "5", "unit": "days"}, "请填写起算日期"),
    ],
)
def test_calculator_bad_input_explained(client, users, params, message):
    client.force_login(users["staff"])
    response = client.get("/deadlines/calculator/", params)
    assert response.status_code == 200
    assert message in response.text and "计算结果" not in response.text


# --- the API ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "start=2026-09-30&amount=5&unit=workdays",
            {"due": "2026-10-13", "moved": False, "provisional": False},
        ),
        ("start=2026-09-20&amount=15&unit=days", {"due": "2026-10-08", "moved": True, "provisional": False}),
        ("start=2026-08-31&amount=6&unit=months", {"due": "2027-03-01", "moved": True, "provisional": True}),
        ("start=2026-11-02&amount=1&unit=days", {"due": "2026-11-03", "moved": False, "provisional": False}),
        ("start=2025-08-31&amount=1&unit=years", {"due": "2026-08-31", "moved": False, "provisional": False}),
        (
            "start=2026-09-30&amount=5.0&unit=workdays",
            {"due": "2026-10-13", "moved": False, "provisional": False},
        ),
    ],
)
def test_api_computes(client, users, query, expected):
    client.force_login(users["staff"])
    response = client.get(f"{API}?{query}")
    assert response.status_code == 200
    assert response.json() == expected


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("", "start", "缺少参数 start"),
        ("amount=5&unit=days", "start", "缺少参数 start"),
        ("start=&amount=5&unit=days", "start", "参数 start 应为日期"),
        ("start=2026-09-30&unit=days", "amount", "缺少参数 amount"),
        ("start=2026-09-30&amount=5", "unit", "缺少参数 unit"),
        ("start=tomorrow&amount=5&unit=days", "start", "参数 start 应为日期"),
        ("start=2026-02-30&amount=5&unit=days", "start", "参数 start 应为日期"),
        ("start=30/09/2026&amount=5&unit=days", "start", "参数 start 应为日期"),
        ("start=2026-09-30T10:00&amount=5&unit=days", "start", "参数 start 应为日期"),
        ("start=2026-09-30&amount=-1&unit=days", "amount", "至少为1"),
        ("start=2026-09-30&amount=0&unit=days", "amount", "至少为1"),
        ("start=2026-09-30&amount=1000000000&unit=days", "amount", "过大"),
        ("start=2026-09-30&amount=" + "9" * 2000 + "&unit=days", "amount", "过大"),
        ("start=2026-09-30&amount=1e9&unit=days", "amount", "正整数"),
        ("start=2026-09-30&amount=five&unit=days", "amount", "正整数"),
        ("start=2026-09-30&amount=5.5&unit=days", "amount", "正整数"),
        ("start=2026-09-30&amount=NaN&unit=days", "amount", "正整数"),
        ("start=2026-09-30&amount=&unit=days", "amount", "正整数"),
        ("start=2026-09-30&amount=5&unit=weeks", "unit", "参数 unit 只能是"),
        ("start=2026-09-30&amount=5&unit=DAYS", "unit", "参数 unit 只能是"),
        ("start=2026-09-30&amount=5&unit=", "unit", "参数 unit 只能是"),
        ("start=2026-09-30&amount=200&unit=months", "non_field_errors", "不能超过120个月"),
        ("start=2026-09-30&amount=11&unit=years", "non_field_errors", "不能超过10年"),
        ("start=9999-12-31&amount=5&unit=days", "non_field_errors", "起算日期须在"),
        ("start=0001-01-01&amount=5&unit=days", "non_field_errors", "起算日期须在"),
    ],
)
def test_api_bad_input_is_400_in_chinese(client, users, query, field, message):
    client.force_login(users["staff"])
    response = client.get(f"{API}?{query}")
    assert response.status_code == 400, response.content
    body = response.json()
    assert message in body["detail"]
    assert any(message in m for m in body["errors"][field])


def test_api_only_for_logged_in_staff(client):
    response = client.get(f"{API}?start=2026-09-30&amount=5&unit=workdays")
    assert response.status_code in (401, 403)


def test_api_refuses_other_methods(client, users):
    client.force_login(users["staff"])
    assert client.post(f"{API}?start=2026-09-30&amount=5&unit=workdays").status_code == 405


def test_api_in_openapi_schema():
    generator = SchemaGenerator(patterns=[path("api/v1/", include("linggao_mi.deadlines.api"))])
    schema = generator.get_schema(request=None, public=True)
    operation = schema["paths"]["/api/v1/deadlines/compute/"]["get"]
    parameters = {p["name"]: p for p in operation["parameters"]}
    assert set(parameters) == {"start", "amount", "unit"}
    assert all(p["required"] and p["in"] == "query" for p in parameters.values())
    assert parameters["start"]["schema"] == {"type": "string", "format": "date"}
    assert set(parameters["unit"]["schema"]["enum"]) == {"days", "workdays", "months", "years"}
    assert set(operation["responses"]) == {"200", "400", "401", "403"}  # login required: 401 without, 403 refused
    result = schema["components"]["schemas"]["DeadlineComputeResult"]
    assert set(result["properties"]) == {"due", "moved", "provisional"}


# --- the deadline list -------------------------------------------------------------------------------------


def test_deadline_list_needs_login(client):
    response = client.get("/deadlines/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_deadline_list_shows_mine_with_warnings(client, users, rules, industry):
    mine = deadline_open(
        case=industry,
        rule_code="t-rectify",
        start=day("2026-08-31"),
        responsible=[users["inspector1"]],
        section=industry,
        label="整改期限（测试）",
    )
    deadline_open(
        case=industry,
        rule_code="t-notice",
        start=day("2026-11-02"),
        responsible=[users["inspector2"]],
        section=industry,
        label="别人的期限",
    )
    client.force_login(users["inspector1"])
    text = client.get("/deadlines/").text
    assert mine.label in text and "别人的期限" not in text
    assert "暂定" in text and "2027年的国务院放假安排尚未录入" in text


def test_deadline_list_query_count_is_constant(client, users, rules, industry, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(users["chief"])

    def make(n):
        for i in range(n):
            deadline_open(
                case=users["inspector1"] if i % 2 else industry,
                rule_code="t-notice",
                start=day("2026-11-02"),
                responsible=[users["inspector1"], users["inspector2"]],
                section=industry,
            )

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/deadlines/").status_code == 200
        return len(ctx.captured_queries)

    make(2)
    few = count()
    make(8)
    assert count() == few


# --- the calendar page ------------------------------------------------------------------------------------


def test_calendar_page_for_staff_shows_schedule_without_form(client, users):
    client.force_login(users["staff"])
    response = client.get("/deadlines/calendar/?year=2026")
    text = response.text
    assert "2026年放假安排" in text and "国庆节" in text and "10月1日至10月7日" in text
    assert "录入年度放假安排" not in text
    assert "2027年的国务院放假安排尚未录入" in text
    assert client.post("/deadlines/calendar/", {"year": "2027", "holidays": "元旦 2027-01-01"}).status_code == 403
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_calendar_page_unknown_year_is_404(client, users):
    client.force_login(users["staff"])
    assert client.get("/deadlines/calendar/?year=1999").status_code == 404


def test_admin_enters_a_year_on_the_calendar_page(client, users, rules, industry):
    pending = deadline_open(
        case=industry, rule_code="t-notice", start=day("2027-01-24"), responsible=[], section=industry
    )
    client.force_login(users["admin"])
    page = client.get("/deadlines/calendar/")
    assert "录入年度放假安排" in page.text and 'value="2027"' in page.text
    response = client.post(
        "/deadlines/calendar/",
        {
            "year": "2027",
            "holidays": "元旦 2027-01-01 至 2027-01-03\n春节 2027-02-06 至 2027-02-14",
            "workdays": "春节 2027-02-20",
            "note": "测试",
        },
        follow=True,
    )
    assert "2027年放假安排已录入；重算期限1项" in response.text
    pending.refresh_from_db()
    assert (pending.due, pending.provisional) == (day("2027-02-15"), False)
    assert "2027年的国务院放假安排尚未录入" not in response.text


def test_admin_entry_errors_shown_in_chinese(client, users):
    client.force_login(users["admin"])
    response = client.post(
        "/deadlines/calendar/", {"year": "2027", "holidays": "元旦 2027-01-01", "workdays": "春节 2027-02-17"}
    )
    assert response.status_code == 200
    assert "调休上班日应为星期六或星期日" in response.text
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_admin_edit_prefills_the_form(client, users):
    client.force_login(users["admin"])
    text = client.get("/deadlines/calendar/?year=2026&edit=1").text
    assert "国庆节 2026-10-01 至 2026-10-07" in text


# --- Django admin ----------------------------------------------------------------------------------------


def test_django_admin_calendar_pages(client, users):
    client.force_login(users["admin"])
    assert client.get("/admin/deadlines/calendaryear/").status_code == 200
    year = CalendarYear.objects.get(year=2026)
    change = client.get(f"/admin/deadlines/calendaryear/{year.pk}/change/")
    assert change.status_code == 200 and "国庆节 10月01日至10月07日" in change.text
    assert client.get("/admin/deadlines/calendaryear/add/").status_code == 302
    enter = client.get("/admin/deadlines/calendaryear/enter/?year=2026")
    assert enter.status_code == 200 and "国庆节 2026-10-01 至 2026-10-07" in enter.text
    response = client.post(
        "/admin/deadlines/calendaryear/enter/",
        {"year": "2027", "holidays": "元旦 2027-01-01 至 2027-01-03", "workdays": ""},
    )
    assert response.status_code == 302
    assert CalendarYear.objects.get(year=2027).days.count() == 1  # only Friday 01-01 is a weekday


def test_django_admin_calendar_enter_refused_without_permission(client, users):
    from django.contrib.auth.models import Permission

    users["legal"].is_staff = True
    users["legal"].save()
    users["legal"].user_permissions.add(Permission.objects.get(codename="view_calendaryear"))
    client.force_login(users["legal"])
    assert client.get("/admin/deadlines/calendaryear/").status_code == 200
    assert client.get("/admin/deadlines/calendaryear/enter/").status_code == 403


def test_django_admin_rule_amount_is_configurable(client, users, rules):
    client.force_login(users["admin"])
    rule = DeadlineRule.objects.get(code="t-notice")
    assert client.get("/admin/deadlines/deadlinerule/").status_code == 200
    data = {"name": rule.name, "amount": "7", "unit": "days", "citation": rule.citation, "description": ""}
    response = client.post(f"/admin/deadlines/deadlinerule/{rule.pk}/change/", data)
    assert response.status_code == 302, response.text
    rule.refresh_from_db()
    assert rule.amount == 7 and rule.code == "t-notice"
    response = client.post(
        f"/admin/deadlines/deadlinerule/{rule.pk}/change/", {**data, "amount": "200", "unit": "months"}
    )
    assert response.status_code == 200 and "不能超过120个月" in response.text


def test_django_admin_deadline_list(client, users, rules, industry):
    deadline_open(case=industry, rule_code="t-notice", start=day("2026-11-02"), responsible=[], section=industry)
    client.force_login(users["admin"])
    assert client.get("/admin/deadlines/deadline/").status_code == 200
