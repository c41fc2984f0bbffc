"""A staff member of 信息技术股 publishes an award announcement (三（八）5(2)) in Chromium, and a visitor then sees it
on the public page /tenders/ and downloads its tender document without logging in — on a desktop and on a phone.

Publishing the half-filled announcement is refused first, naming the missing fields and citing the clause. The
project is brought to 待公告中标结果 by the services before the browser starts (the live server shares this
process's clock and database).
"""

import pytest
from playwright.sync_api import expect

from conftest import ARTIFACTS, login
from infoproj import services
from infoproj.choices import ProjectState
from infoproj.models import ITProject

from .conftest import TODAY, pdf, to_tendering

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"infoproj_{name}.png"), full_page=True)


def fits(page) -> None:
    assert page.evaluate(OVERFLOW) <= 1, page.url


@pytest.mark.parametrize("size", SIZES)
def test_staff_publishes_an_award_announcement_that_a_visitor_then_sees(browser, live_server, it, size, tmp_path):
    case = to_tendering(it["staff"])
    case = services.winner_determine(
        actor=it["staff"], case=case, determined_on=TODAY(),
        fields={"winner_name": "海南示范信息技术有限公司", "project_number": "LGCG-2026-018"},
    )
    upload = tmp_path / "招标文件.pdf"
    upload.write_bytes(pdf().read())

    context = browser.new_context(locale="zh-CN", base_url=live_server.url, viewport=SIZES[size])
    page = context.new_page()
    login(page, it["staff"].username)
    page.goto(case.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_contain_text("待公告中标结果")

    # Publishing the half-filled announcement is refused, naming what is missing.
    page.get_by_role("link", name="发布中标、成交结果公告").click()
    page.get_by_role("button", name="提交").click()
    error = page.get_by_role("alert")
    expect(error).to_contain_text("三（八）5(2)")
    expect(error).to_contain_text("采购代理机构名称")
    expect(error).to_contain_text("评审专家名单")
    fits(page)
    shot(page, f"{size}_publish_refused")

    page.goto(case.get_absolute_url())
    page.get_by_role("link", name="填写中标、成交结果公告").click()
    for label, value in [
        ("采购人地址", "临高县临城镇政府路1号"), ("采购人联系方式", "符主任 0898-28280099"),
        ("采购代理机构名称", "海南示范招标代理有限公司"), ("采购代理机构地址", "海口市龙华区示范路8号"),
        ("采购代理机构联系方式", "吴经理 0898-66660001"), ("中标（成交）供应商地址", "海口市美兰区示范大道2号"),
        ("中标（成交）金额（元）", "3650000"), ("评审专家名单", "王志强、李梅、陈海、林晓、赵启明"),
        ("主要中标（成交）标的", "数据交换服务器｜国产鲲鹏 2U 双路｜4台｜86000｜三年原厂质保"),
    ]:
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_label("招标文件（PDF）").set_input_files(str(upload))
    fits(page)
    shot(page, f"{size}_announcement_form")
    page.get_by_role("button", name="提交").click()
    expect(page.get_by_text("已保存公告内容。")).to_be_visible()

    page.get_by_role("link", name="发布中标、成交结果公告").click()
    page.get_by_role("button", name="提交").click()
    expect(page.get_by_text("已发布中标、成交结果公告")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("建设实施中")
    shot(page, f"{size}_published")
    assert ITProject.objects.get(pk=case.pk).state == ProjectState.IMPLEMENTING
    context.close()

    # A visitor, not logged in.
    visitor = browser.new_context(locale="zh-CN", base_url=live_server.url, viewport=SIZES[size], accept_downloads=True)
    page = visitor.new_page()
    page.goto("/tenders/")
    page.get_by_role("link", name="县政务数据共享平台").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("中标（成交）结果公告")
    for shown in ("海南示范招标代理有限公司", "吴经理 0898-66660001", "海口市美兰区示范大道2号", "3650000.00",
                  "国产鲲鹏 2U 双路", "王志强、李梅、陈海、林晓、赵启明", "LGCG-2026-018"):
        expect(page.get_by_text(shown, exact=False).first).to_be_visible()
    fits(page)
    shot(page, f"{size}_visitor_sees_announcement")
    with page.expect_download() as download:
        page.get_by_role("link", name="招标文件：招标文件.pdf").click()
    assert download.value.suggested_filename == "招标文件.pdf"
    assert open(download.value.path(), "rb").read().startswith(b"%PDF")
    visitor.close()
