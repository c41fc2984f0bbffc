"""The lists in Chromium: on a 390×844 phone each row is a card whose cells carry their column's name, nothing
scrolls sideways, and the search, sort and export work from the page."""

import pytest
from playwright.sync_api import expect

from conftest import ARTIFACTS, login
from energy.tests.conftest import decide_violation, onsite_recorded, plan
from energy.tests.factories import EnergyUnitFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_case_list_reads_as_cards_on_a_phone_and_exports_what_it_shows(page, users):
    cement = EnergyUnitFactory(name="临高海螺水泥有限公司")
    decide_violation(users, onsite_recorded(users, cement))
    for n in range(3):
        plan(users, EnergyUnitFactory(name=f"临高示范电力{n}号机组有限公司"))
    page.set_viewport_size(PHONE)
    login(page, "t_inspector1")
    page.goto("/energy/cases/")
    rows = page.locator("table.list-table tbody tr")
    expect(rows).to_have_count(4)
    assert page.evaluate(OVERFLOW) <= 1
    assert page.locator("table.list-table thead").bounding_box()["height"] <= 1  # headers hidden, cells labelled
    card = rows.first.bounding_box()
    assert card["width"] <= 390 and card["height"] > 150  # a card of stacked label–value lines, not a thin row
    label = rows.first.locator("td").first.evaluate("td => getComputedStyle(td, '::before').content")
    assert label == '"案号"'
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "lists_case_cards_phone.png"), full_page=True)

    page.get_by_label("案号、文号、单位名称或统一社会信用代码").fill("水泥")
    page.get_by_role("button", name="查询").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("临高海螺水泥有限公司")
    expect(rows.first).to_contain_text("还剩")  # its next deadline with the days left
    with page.expect_download() as download:
        page.get_by_role("link", name="导出Excel（当前条件）").click()
    assert download.value.suggested_filename.endswith(".xlsx") and "q=" in download.value.url

    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/energy/cases/")
    page.get_by_role("link", name="被监察单位").click()
    expect(page.locator("th[aria-sort=ascending]")).to_contain_text("被监察单位")
    page.screenshot(path=str(ARTIFACTS / "lists_case_table_desktop.png"), full_page=True)


def test_a_list_above_the_export_limit_is_exported_in_the_background_and_downloaded_from_my_exports(
    page, users, monkeypatch, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setattr("linggao_mi.lists.base.EXPORT_MAX_ROWS", 2)  # three cases: above it
    for n in range(3):
        plan(users, EnergyUnitFactory(name=f"临高示范电力{n}号机组有限公司"))
    login(page, "t_inspector1")
    page.goto("/energy/cases/?sort=unit")
    page.get_by_role("link", name="导出Excel（当前条件）").click()  # the test settings run the worker's task in place
    message = page.locator("ul.messages")
    expect(message).to_contain_text("符合条件的记录超过2条，已转为后台导出")
    expect(page).to_have_url(f"{page.url.split('/energy/')[0]}/energy/cases/?sort=unit")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "lists_background_export_message.png"), full_page=True)
    message.get_by_role("link", name="我的导出").click()
    row = page.locator("table.list-table tbody tr").first
    expect(row).to_contain_text("节能监察案件")
    expect(row).to_contain_text("已完成")
    page.set_viewport_size(PHONE)
    assert page.evaluate(OVERFLOW) <= 1
    page.screenshot(path=str(ARTIFACTS / "lists_my_exports_phone.png"), full_page=True)
    with page.expect_download() as download:
        row.get_by_role("link", name=".xlsx").click()
    assert download.value.suggested_filename.startswith("节能监察案件-")
    page.goto("/notifications/")
    expect(page.locator("main")).to_contain_text("“节能监察案件”已导出（3条）")
