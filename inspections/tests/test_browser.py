"""A citizen files a complaint on a phone (390×844) without logging in, the chief triages it (a referral to the
department the boundary table names) and feeds the result back, and the citizen reads the answer by tracking number
and secret — the page fits the phone and every field has its label."""

import pytest
from playwright.sync_api import expect

from conftest import ARTIFACTS, login
from inspections.models import OutgoingMessage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
UNLABELLED = """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')).map(el => el.name)"""
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def fits(page) -> None:
    assert page.evaluate(OVERFLOW) <= 1, page.url
    assert page.evaluate(UNLABELLED) == [], page.url


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"complaint_{name}.png"), full_page=True)


def test_a_citizen_files_on_a_phone_staff_triage_and_the_citizen_reads_the_answer(browser, live_server, users):
    citizen = browser.new_context(locale="zh-CN", base_url=live_server.url, viewport=PHONE, is_mobile=True)
    phone = citizen.new_page()
    phone.goto("/complaints/new/")
    fits(phone)
    phone.get_by_role("button", name="提交").click()  # nothing filled in: refused in Chinese
    expect(phone.locator(".errorlist").first).to_contain_text("必填")
    phone.get_by_label("申诉").check()
    phone.get_by_label("事项").fill("对一次执法检查的申诉")
    phone.get_by_label("具体内容").fill("检查人员未出示行政执法证件即进入厂区。")
    phone.get_by_label("手机号码（可不填，用于短信告知结果）").fill("13800138000")
    phone.locator("input[type=file]").set_input_files(
        files=[{"name": "现场照片.png", "mimeType": "image/png", "buffer": PNG}]
    )
    phone.get_by_role("button", name="提交").click()
    expect(phone.get_by_role("heading", name="已受理")).to_be_visible()
    number, secret = phone.locator("#tracking-number").inner_text(), phone.locator("#tracking-secret").inner_text()
    fits(phone)
    shot(phone, "received")

    staff = browser.new_context(locale="zh-CN", base_url=live_server.url)
    desk = staff.new_page()
    login(desk, "t_chief")
    desk.goto("/inspections/complaints/")
    desk.get_by_role("link", name=number).click()
    desk.locator("summary", has_text="移送有关部门").click()
    desk.get_by_label("移送部门").select_option(label="县住建局")
    desk.get_by_label("移送理由").fill("反映的工地属建筑节能，依职责边界表移送县住建局")
    desk.get_by_role("button", name="移送", exact=True).click()
    expect(desk.get_by_text("已移送县住建局处理").first).to_be_visible()
    desk.get_by_label("处理结果反馈").fill("经核查，已移送县住建局依法处理，并督促其向您答复。")
    desk.get_by_role("button", name="反馈", exact=True).click()
    expect(desk.get_by_text("已反馈处理结果").first).to_be_visible()
    shot(desk, "staff")
    staff.close()

    phone.goto("/complaints/track/")
    phone.get_by_label("受理编号").fill(number)
    phone.get_by_label("查询密码").fill("WRONG234")
    phone.get_by_role("button", name="查询").click()
    expect(phone.get_by_role("status")).to_contain_text("未找到与该受理编号和查询密码相符的记录")
    phone.get_by_label("查询密码").fill(secret)
    phone.get_by_role("button", name="查询").click()
    expect(phone.locator("#complaint-feedback")).to_contain_text("已移送县住建局依法处理")
    expect(phone.locator("#complaint-progress")).to_contain_text("已反馈处理结果")
    fits(phone)
    shot(phone, "answer")
    citizen.close()
    assert OutgoingMessage.objects.get(channel="sms").to == "13800138000"
