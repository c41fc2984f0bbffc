"""The public registers and the staff entry, in Debian's Chromium."""

import re

import pytest
from playwright.sync_api import expect

from conftest import ARTIFACTS, login
from services.models import ServiceItem

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_sees_all_seven_service_items_and_their_phones(page):
    page.goto("/services/")
    expect(page.get_by_role("heading", name="公共服务事项", level=1)).to_be_visible()
    rows = page.locator("#items-h ~ .table-wrap tbody tr")
    expect(rows).to_have_count(7)
    for item in ServiceItem.objects.all():
        row = page.locator(f"#item-{item.pk}")
        expect(row).to_contain_text(item.name)
        for phone in item.phone_list:
            expect(row.get_by_role("link", name=phone)).to_have_attribute("href", f"tel:0898-{phone}")
    expect(page.locator("#events")).to_contain_text("每年6月（全国节能宣传周）")
    expect(page.locator("#events")).to_contain_text(re.compile(r"\d{4}年2月13日"))


def test_visitor_asks_who_handles_high_stalk_plants(page):
    page.goto("/boundaries/")
    page.get_by_role("searchbox").fill("高秆植物")
    page.get_by_role("button", name="查询").click()
    results = page.locator("#search-results")
    expect(results).to_contain_text("县林业局")
    expect(results).to_contain_text("省农垦总局驻临高办事处")
    expect(results.locator("mark").first).to_be_visible()
    expect(page).to_have_url(re.compile(r"q="))


def test_staff_logs_in_and_reaches_the_workspace(page, users):
    login(page, "t_staff")
    expect(page).to_have_url(re.compile(r"/workspace/$"))
    expect(page.get_by_role("heading", name="工作台", level=1)).to_be_visible()
    page.get_by_role("link", name="部门职责").first.click()
    expect(page.get_by_role("link", name="编辑").first).to_be_visible()


def test_visitor_on_a_phone_asks_the_home_page_about_energy_saving_and_gets_the_phone_to_call(page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")
    box = page.get_by_label("这件事归谁管？输入事情或关键词")
    assert box.bounding_box()["y"] < 400  # the question comes first, above the fold of a phone
    box.fill("节能")
    box.press("Enter")
    results = page.locator("#search-results")
    services = results.locator("#found-services-h + .hits")
    expect(services.get_by_role("link", name="28273128").first).to_have_attribute("href", "tel:0898-28273128")
    expect(services).to_contain_text("节能业务咨询")
    expect(results.get_by_role("link", name="工作事项 4.3")).to_be_visible()
    expect(results).to_contain_text("节能管理")
    expect(page).to_have_url(re.compile(r"q=%E8%8A%82%E8%83%BD"))
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "phone_home_search_energy.png"))


def test_visitor_asks_about_an_electricity_pole_in_everyday_words(page):
    page.goto("/")
    page.get_by_label("这件事归谁管？输入事情或关键词").fill("电线杆倒了归谁管")
    page.get_by_role("button", name="查询").click()
    results = page.locator("#search-results")
    expect(results.get_by_role("heading", name="电力设施保护")).to_be_visible()
    expect(results.locator("mark", has_text="电力设施").first).to_be_visible()
    expect(results).to_contain_text("县工信局")
