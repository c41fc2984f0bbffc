"""The calculator and the calendar entry in a real browser (Debian's Chromium), on a phone-sized screen."""

import pytest

from conftest import login
from linggao_mi.deadlines.models import CalendarYear

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_calculator_on_a_phone(page, users):
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, "t_inspector1")
    page.goto("/deadlines/calculator/")
    page.get_by_label("起算日期").fill("2026-08-31")
    page.get_by_label("期间长度").fill("6")
    page.get_by_label("单位").select_option("months")
    page.get_by_role("button", name="计算").click()
    page.locator("#due").get_by_text("2027年3月1日").wait_for()
    assert page.get_by_role("alert").filter(has_text="尚未录入国务院放假安排").is_visible()


def test_admin_enters_next_years_schedule(page, users):
    login(page, "t_admin")
    page.goto("/deadlines/calendar/")
    page.locator("#id_year").fill("2027")
    page.get_by_label("放假安排").fill("元旦 2027-01-01 至 2027-01-03\n春节 2027-02-06 至 2027-02-14")
    page.get_by_label("调休上班日").fill("春节 2027-02-20")
    page.get_by_role("button", name="录入并重算期限").click()
    page.get_by_text("2027年放假安排已录入").wait_for()
    assert page.get_by_role("cell", name="2月6日至2月14日").is_visible()
    assert CalendarYear.objects.get(year=2027).days.count() == 7  # Friday 01-01, 02-08 … 02-12, make-up 02-20
