"""The public registers and the staff entry, in Debian's Chromium."""

import re

import pytest
from playwright.sync_api import expect

from conftest import login
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
    results = page.locator("#lookup-results")
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
