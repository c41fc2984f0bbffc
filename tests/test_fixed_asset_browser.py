"""三（五） in a real browser, on a desktop and on a phone: staff register a project that started without an energy
review (the trigger shows with its clause); an inspector plans a covert check and records its steps with their dates
and people; the feedback is approved, issued and served; the chief orders construction stopped; a leader approves
and issues the 责令停止建设通知书, which is served and read back from its PDF. Screenshots in test-artifacts/."""

import io
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from conftest import ARTIFACTS, login
from energy.fixed_asset.choices import CheckState
from energy.fixed_asset.models import FixedAssetProject, ProjectCheck
from energy.tests.factories import EnergyUnitFactory
from linggao_mi.documents.choices import DocumentState
from tests.test_energy_browser import fits, press

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def _label(user) -> str:
    return user.get_full_name() or user.username


@pytest.mark.parametrize("size", SIZES)
def test_from_a_new_project_to_a_stop_construction_order(browser, live_server, users, size):
    owner = EnergyUnitFactory(name="临高示范冷链物流有限公司", created_by=users["staff"])
    today = timezone.localdate().isoformat()
    contexts = []

    def as_user(name):
        context = browser.new_context(locale="zh-CN", base_url=live_server.url, viewport=SIZES[size])
        contexts.append(context)
        page = context.new_page()
        login(page, users[name].username)
        return page

    def shot(page, name):
        ARTIFACTS.mkdir(exist_ok=True)
        fits(page)
        page.screenshot(path=str(ARTIFACTS / f"fixed_asset_{size}_{name}.png"), full_page=True)

    def serve(page, document, recipient="王建国"):
        page.goto(document.get_absolute_url())
        page.get_by_label("送达方式").select_option(label="直接送达")
        page.get_by_role("textbox", name="送达日期").fill(today)
        page.get_by_role("textbox", name="受送达人").fill(recipient)
        press(page, "登记送达")
        expect(page.get_by_role("status")).to_contain_text("送达", timeout=20000)

    def approve_and_issue(page, document):
        page.goto(document.get_absolute_url())
        press(page, "批准")
        expect(page.get_by_role("status")).to_contain_text("已批准", timeout=20000)
        press(page, "签发")
        expect(page.get_by_role("link", name=re.compile("下载 PDF"))).to_be_visible(timeout=20000)

    try:
        # Staff register the project: construction started, no energy review — 三（五）2(1) at once.
        staff = as_user("staff")
        staff.goto("/energy/fixed-asset/new/")
        fits(staff)
        staff.get_by_label("项目建设单位").select_option(label=owner.name)
        staff.get_by_label("项目名称").fill("新盈冷链物流中心项目")
        staff.get_by_label("节能审查情况").select_option(label="未进行节能审查（节能登记审查）")
        staff.get_by_label("实际开工日期").fill(today)
        staff.get_by_role("button", name="提交").click()
        expect(staff.get_by_role("heading", level=1)).to_have_text("新盈冷链物流中心项目")
        expect(staff.locator(".triggers")).to_contain_text("三（五）2(1)")
        expect(staff.locator(".triggers")).to_contain_text("开工建设未进行或未能通过节能审查")
        shot(staff, "1_project")
        project = FixedAssetProject.objects.get()
        staff.goto("/energy/fixed-asset/?trigger=no_review")
        expect(staff.get_by_role("link", name="新盈冷链物流中心项目")).to_be_visible()

        # An inspector plans a covert check on a complaint, then records its steps.
        inspector = as_user("inspector1")
        inspector.goto(project.get_absolute_url())
        inspector.get_by_role("link", name="制定检查方案").click()
        fits(inspector)
        inspector.get_by_role("radio", name="不定期检查").check()
        inspector.get_by_label("组织检查的原因（不定期检查）").select_option(label="投诉举报")
        inspector.get_by_label("检查方式").select_option(label="暗查（不预先通知）")
        inspector.get_by_label("计划检查日期").fill(today)
        inspector.get_by_label("检查方案").fill("核实投诉反映的未经节能审查开工建设问题；两名执法人员暗查。")
        inspector.get_by_label(_label(users["inspector1"])).check()
        inspector.get_by_label(_label(users["inspector2"])).check()
        inspector.get_by_role("button", name="提交").click()
        expect(inspector.get_by_role("heading", level=1)).to_contain_text("已制定检查方案")
        case = ProjectCheck.objects.get()
        actions = inspector.get_by_role("navigation", name="办理操作")
        steps = ("（1）选择检查对象", "（3）听取介绍", "（4）查阅台帐", "（5）实地勘察", "（6）面谈询问",
                 "（7）情况汇总")
        for label in steps:
            actions.get_by_role("link", name=label).click()
            inspector.get_by_label("日期", exact=True).fill(today)
            inspector.get_by_label("其他参加人员").fill("项目负责人 吴海生")
            inspector.get_by_role("button", name="提交").click()
            expect(inspector.get_by_role("status")).to_contain_text("已登记该检查步骤")
        expect(inspector.locator("table", has_text="（7）情况汇总")).to_contain_text("项目负责人 吴海生")
        assert sorted(case.step_records.values_list("step", flat=True)) == [1, 3, 4, 5, 6, 7]
        shot(inspector, "2_steps")
        actions.get_by_role("link", name="起草反馈意见书").click()
        inspector.get_by_label("检查结果").fill("项目未经节能审查即开工建设，已完成主体结构施工。")
        inspector.get_by_label("建议意见").fill("建议项目单位立即停止建设并依法申请节能审查")
        inspector.get_by_role("button", name="提交").click()
        case.refresh_from_db()
        inspector.goto(case.feedback_document.get_absolute_url())
        press(inspector, "报送审批")
        expect(inspector.get_by_role("status")).to_contain_text("已报送审批", timeout=20000)

        # The chief approves and issues the feedback, the inspector serves it: step (8).
        chief = as_user("chief")
        approve_and_issue(chief, case.feedback_document)
        serve(inspector, case.feedback_document)
        case.refresh_from_db()
        assert case.state == CheckState.FED_BACK

        # The chief orders construction stopped (三（五）6(3)).
        chief.goto(case.get_absolute_url())
        chief.get_by_role("navigation", name="办理操作").get_by_role("link", name="作出处置决定").click()
        fits(chief)
        chief.get_by_role("radio", name=re.compile("依法责令停止建设")).check()
        chief.get_by_label("针对的情形").select_option(index=1)
        chief.get_by_label("违法违规事实").fill("项目未经节能审查擅自开工建设")
        chief.get_by_label("停止建设及限期改造要求").fill("自收到本通知书之日起停止建设\n依法申请节能审查")
        chief.get_by_role("button", name="提交").click()
        expect(chief.get_by_role("status")).to_contain_text("已作出处置决定")
        case.refresh_from_db()
        order = case.stop_order_document
        chief.goto(order.get_absolute_url())
        press(chief, "报送审批")
        expect(chief.get_by_role("status")).to_contain_text("已报送审批", timeout=20000)

        # The chief wrote it: a leader approves and issues it; the chief serves it.
        leader = as_user("leader")
        approve_and_issue(leader, order)
        shot(leader, "3_stop_order_issued")
        serve(chief, order, "吴海生")
        order.refresh_from_db()
        assert order.state == DocumentState.SERVED and order.number.startswith("临工信固停〔")
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(order.pdf.read())).pages).replace("\n", "")
        assert "责令停止建设通知书" in text and "新盈冷链物流中心项目" in text and "第六十八条第二款" in text
        chief.goto(case.get_absolute_url())
        expect(chief.locator("table", has_text="法律依据")).to_contain_text("依法责令停止建设")
        shot(chief, "4_case")
    finally:
        for context in contexts:
            context.close()
