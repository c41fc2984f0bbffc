"""The energy lists as a clerk uses them: search by 案号, 文号, unit name or credit code; sort by a column; filters
in the URL; the next deadline with days left on every row; the filtered list exported to Excel (read back with
openpyxl), within the user's scope; a constant number of queries whatever the rows."""

import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from energy.choices import CaseState, Mode, Trigger
from linggao_mi.org.choices import Role
from linggao_mi.org.models import Section
from tests.factories import CertificateFactory, UserFactory

from .conftest import TODAY, decide_violation, onsite_recorded, plan, serve_notice
from .factories import EnergyUnitFactory, InspectionCaseFactory

pytestmark = pytest.mark.django_db
CASES = reverse("energy:case_list")


def listed(client, **query) -> list[str]:
    response = client.get(CASES, query)
    assert response.status_code == 200
    return [case.reference for case in response.context["page"].object_list]


def workbook(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "attachment" in response["Content-Disposition"] and ".xlsx" in response["Content-Disposition"]
    return openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True).active


@pytest.fixture
def three(users):
    """Three units and a case each, planned on different days by the test users' inspectors."""
    cement = plan(users, EnergyUnitFactory(name="临高海螺水泥有限公司"), planned=TODAY() + datetime.timedelta(days=20))
    power = plan(users, EnergyUnitFactory(name="临高华能电厂"), mode=Mode.WRITTEN)
    sugar = plan(users, EnergyUnitFactory(name="临高糖业公司"), trigger=Trigger.SPOT, planned=TODAY())
    return cement, power, sugar


def test_search_by_unit_name_credit_code_and_case_number(client, users, three):
    cement, power, sugar = three
    client.force_login(users["inspector1"])
    assert listed(client, q="水泥") == [cement.reference]
    assert listed(client, q=power.unit.credit_code) == [power.reference]
    assert listed(client, q=power.unit.credit_code.lower()) == [power.reference]
    assert listed(client, q=sugar.reference) == [sugar.reference]
    assert listed(client, q=f"{sugar.year}-{sugar.serial}") == [sugar.reference]
    assert listed(client, q="没有这家单位") == []
    html = client.get(CASES, {"q": "没有这家单位"}).content.decode()
    assert "没有符合条件的案件" in html and 'value="没有这家单位"' in html


def test_search_by_document_number(client, users, unit):
    served = serve_notice(users, plan(users, unit, at=TODAY() - datetime.timedelta(days=3)))
    plan(users, unit)
    client.force_login(users["inspector1"])
    assert served.notice_document.number
    assert listed(client, q=served.notice_document.number) == [served.reference]


def test_sort_by_whitelisted_columns_with_a_stable_tiebreaker(client, users, three):
    cement, power, sugar = three
    client.force_login(users["inspector1"])
    assert listed(client, sort="unit") == [power.reference, cement.reference, sugar.reference]  # 华 < 海 < 糖
    assert listed(client, sort="-unit") == [sugar.reference, cement.reference, power.reference]
    assert listed(client, sort="planned_date") == [sugar.reference, power.reference, cement.reference]
    assert listed(client, sort="reference") == [cement.reference, power.reference, sugar.reference]
    newest_first = [sugar.reference, power.reference, cement.reference]
    assert listed(client) == newest_first
    assert listed(client, sort="basis") == newest_first  # not a column: the default order, no error
    assert listed(client, sort="-inspectors") == newest_first  # a column, but not one to sort by
    html = client.get(CASES, {"sort": "unit"}).content.decode()
    assert 'aria-sort="ascending"' in html and "?sort=-unit" in html  # the header reverses the order


def test_filters_stay_in_the_url_and_combine_with_search(client, users, three):
    cement, power, sugar = three
    client.force_login(users["inspector1"])
    assert listed(client, mode=Mode.WRITTEN) == [power.reference]
    assert listed(client, trigger=Trigger.SPOT, q="糖业") == [sugar.reference]
    assert listed(client, trigger=Trigger.SPOT, q="水泥") == []
    assert listed(client, planned_from=(TODAY() + datetime.timedelta(days=15)).isoformat()) == [cement.reference]
    assert listed(client, state=CaseState.TO_CLOSE) == []
    assert len(listed(client, state="nonsense")) == 3  # an invalid filter filters nothing and says so
    html = client.get(CASES, {"mode": Mode.WRITTEN, "q": "华能"}).content.decode()
    assert "?mode=written&amp;q=%E5%8D%8E%E8%83%BD&amp;export=xlsx" in html  # the export keeps the filters


def test_every_row_shows_its_next_deadline_with_days_left(client, users, unit):
    late = decide_violation(users, onsite_recorded(users, unit, start=-40))  # delivery due 15 days after day -30
    running = decide_violation(users, onsite_recorded(users, unit))
    client.force_login(users["inspector1"])
    page = client.get(CASES).context["page"]
    rows = {c.reference: c for c in page.object_list}
    assert rows[late.reference].next_due < TODAY() <= rows[running.reference].next_due
    html = client.get(CASES).content.decode()
    assert f"逾期{(TODAY() - rows[late.reference].next_due).days}天" in html
    assert f"还剩{(rows[running.reference].next_due - TODAY()).days}天" in html
    assert listed(client, overdue="on") == [late.reference]
    assert listed(client, sort="next_due") == [late.reference, running.reference]


def test_export_holds_the_filtered_list_with_chinese_headers_and_date_cells(client, users, three):
    cement, power, sugar = three
    client.force_login(users["inspector1"])
    sheet = workbook(client.get(CASES, {"export": "xlsx"}))
    rows = list(sheet.iter_rows(values_only=True))
    headers = rows[0]
    assert headers[:3] == ("案号", "被监察单位", "统一社会信用代码") and "计划监察日期" in headers
    assert [row[0] for row in rows[1:]] == [sugar.reference, power.reference, cement.reference]
    planned = headers.index("计划监察日期")
    assert rows[1][planned] == datetime.datetime.combine(sugar.planned_date, datetime.time())
    cell = next(sheet.iter_rows(min_row=2, max_row=2))[planned]
    assert cell.is_date and cell.number_format == "yyyy-mm-dd"
    assert rows[1][headers.index("承办人员")] == "、".join(
        u.get_full_name() or u.username for u in sugar.inspectors.all()
    )

    filtered = list(workbook(client.get(CASES, {"export": "xlsx", "q": "水泥"})).iter_rows(values_only=True))
    assert [row[0] for row in filtered[1:]] == [cement.reference]


def test_export_holds_only_what_the_user_may_see(client, users, unit):
    mine = plan(users, unit)
    outsider = UserFactory(username="t_outsider", role=Role.INSPECTOR, section=Section.objects.get(code="sme"))
    CertificateFactory(holder=outsider)
    theirs = InspectionCaseFactory(inspectors=[outsider])  # another section's case

    def exported(user):
        client.force_login(user)
        sheet = workbook(client.get(CASES, {"export": "xlsx"}))
        return [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]

    assert exported(users["inspector1"]) == [mine.reference]
    assert exported(outsider) == [theirs.reference]
    assert set(exported(users["leader"])) == {mine.reference, theirs.reference}
    client.force_login(users["legal"])
    assert client.get(CASES, {"export": "xlsx"}).status_code == 403


def test_page_and_export_keep_a_constant_number_of_queries(client, users, unit):
    client.force_login(users["inspector1"])
    decide_violation(users, onsite_recorded(users, unit))

    def count(query):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(CASES, query)
            if query.get("export"):
                b"".join(response.streaming_content)
        return len(queries)

    queries = [{}, {"export": "xlsx"}, {"q": "华能", "sort": "next_due", "overdue": "on"}]
    few = [count(q) for q in queries]
    for _ in range(6):
        plan(users, unit)
    assert [count(q) for q in queries] == few


def test_unit_list_searches_filters_sorts_and_exports(client, users):
    EnergyUnitFactory(name="临高甲厂", is_key_unit=False, industry="食品制造业")
    b = EnergyUnitFactory(name="临高乙厂", industry="非金属矿物制品业")
    client.force_login(users["staff"])
    url = reverse("energy:unit_list")
    names = lambda **q: [u.name for u in client.get(url, q).context["page"].object_list]  # noqa: E731
    assert names(q="矿物") == ["临高乙厂"]
    assert names(q=b.credit_code) == ["临高乙厂"]
    assert names(key="on") == ["临高乙厂"]
    assert sorted(names(sort="name")) == ["临高乙厂", "临高甲厂"]  # 乙 U+4E59 before 甲 U+7532
    assert names(sort="-name") == names(sort="name")[::-1]
    rows = list(workbook(client.get(url, {"export": "xlsx", "key": "on"})).iter_rows(values_only=True))
    assert rows[0][:2] == ("单位名称", "统一社会信用代码") and [r[0] for r in rows[1:]] == ["临高乙厂"]
    assert rows[1][rows[0].index("重点用能单位")] == "是"
