"""The README's try-out path and a journey per role, walked in Chromium along the demo data (`manage.py load_demo`),
on a desktop (1366×900) and a phone (390×844), with screenshots kept in test-artifacts/; and the try-out path's first
steps by keyboard alone (Tab to a control, Enter to follow or press it, typing into fields, Space for a checkbox).

The demo is loaded before the browser starts (it sets the clock to each step's day, and the live server shares this
process's clock); the browser walks today's steps only.
"""

import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from conftest import ARTIFACTS
from energy.choices import CaseState, ExtensionState, Outcome
from energy.demo import DEMO_STAGES
from energy.models import InspectionCase
from linggao_mi.documents.choices import DocumentState

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)
    cases = InspectionCase.objects.order_by("serial")
    return dict(zip(DEMO_STAGES, cases, strict=True))


class Walk:
    """One person's browser at one screen size: their steps, each checked to fit the screen and kept as a picture."""

    def __init__(self, browser, live_server, screen: str, who: str, journey: str):
        self.context = browser.new_context(locale="zh-CN", base_url=live_server.url, viewport=SCREENS[screen])
        self.page = self.context.new_page()
        self.screen, self.who, self.journey, self.shots = screen, who, journey, 0

    def login(self):
        page = self.page
        page.goto("/accounts/login/")
        page.get_by_label("用户名").fill(self.who)
        page.get_by_label("密码").fill(settings.DEMO_PASSWORD)
        page.get_by_role("button", name="登录").click()
        expect(page.get_by_role("button", name="登录")).to_have_count(0)

    def shot(self, name: str):
        """Keep the page as it looks now; it must not scroll sideways."""
        assert self.page.evaluate(OVERFLOW) <= 1, f"{self.page.url} scrolls sideways on {self.screen}"
        self.shots += 1
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{self.journey}_{self.who}_{self.screen}_{self.shots:02d}_{name}.png"
        self.page.screenshot(path=str(path), full_page=True)

    def open_case(self, case):
        """From the case list to the case, by its number (as the README walks)."""
        self.page.goto("/energy/cases/")
        self.page.get_by_role("link", name=case.reference, exact=True).first.click()
        expect(self.page.get_by_role("heading", level=1)).to_contain_text(case.reference)

    def act(self, label: str):
        """Follow one of the case page's next steps (下一步)."""
        self.page.get_by_role("navigation", name="办理操作").get_by_role("link", name=label).click()

    def press(self, name: str):
        # Enter on the focused button: in headless Chromium a click straight after a boosted (htmx) swap was
        # sometimes lost before the button had scrolled into view.
        button = self.page.get_by_role("button", name=name, exact=True)
        button.focus()
        self.page.keyboard.press("Enter")

    def status(self, text: str):
        expect(self.page.get_by_role("status").first).to_contain_text(text, timeout=20000)

    def state(self, text: str):
        expect(self.page.get_by_role("heading", level=1)).to_contain_text(text)

    def close(self):
        self.context.close()


def day_of(browser, live_server, screen: str, who: str) -> Walk:
    """A role's journey starts at its workspace, logged in."""
    walk = Walk(browser, live_server, screen, who, "journey")
    walk.login()
    expect(walk.page.get_by_role("heading", name="工作台", level=1)).to_be_visible()  # loaded, not half-painted
    walk.shot("workspace")
    return walk


def fresh(case):
    return InspectionCase.objects.get(pk=case.pk)


def file_the_record(walk: Walk):
    page, today = walk.page, timezone.localdate().isoformat()
    walk.act("制作现场监察笔录")
    page.get_by_label("监察开始时间").fill(f"{today}T09:00")
    page.get_by_label("监察结束时间").fill(f"{today}T11:00")
    page.get_by_label("在场人员").fill("陈明（能源管理负责人）")
    page.get_by_label("进入被监察单位的工作场所进行现场检查").check()
    page.get_by_label("要求被监察单位提供与监察事项有关的资料，并进行查阅、复印或者抄录").check()
    page.locator("[name=result_1]").select_option("violation")
    page.locator("[name=facts_1]").fill("2号车间仍在使用国家明令淘汰的高耗能电动机2台")
    page.locator("[name=basis_1]").fill("《中华人民共和国节约能源法》第十七条")
    page.get_by_label("签字人身份").select_option(label="法定代表人")
    walk.shot("record_form")
    walk.press("提交")
    walk.status("已登记现场监察笔录")
    walk.state("已制作现场监察笔录")


def decide_rectification(walk: Walk):
    page = walk.page
    walk.act("作出处理决定")
    page.get_by_role("link", name=Outcome.VIOLATION.label).click()  # htmx swaps in this outcome's fields
    expect(page.get_by_label("整改要求")).to_be_visible()
    expect(page.get_by_label("改进建议（节能监察建议书）")).to_have_count(0)
    expect(page.get_by_label("建议部门")).to_have_count(0)
    expect(page.get_by_label("监察结束日期")).to_have_value(timezone.localdate().isoformat())  # the 笔录's end
    assert "outcome=violation" in page.url  # the choice is in the address, for a reload or the back button
    page.get_by_label("整改要求").fill("停止使用并淘汰上述电动机，更换为符合能效标准的产品。")
    page.get_by_label("整改期限（月）").fill("3")
    walk.shot("outcome_form")
    walk.press("提交")
    walk.status("已登记处理决定")
    walk.state("限期整改通知书起草中")  # not 待送达: the notice is a draft


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_readme_try_out_path(browser, live_server, demo, screen):
    case = demo["notified"]
    inspector = Walk(browser, live_server, screen, "inspector1", "tryout")
    inspector.login()
    inspector.open_case(case)
    inspector.state("已书面通知")
    page = inspector.page
    # 办案进度: the steps taken, with their dates, the recorded correction among them
    progress = page.locator(".progress-steps").first
    expect(progress.locator(".progress-done", has_text="节能监察通知书送达")).to_contain_text("年")
    expect(progress.locator("li", has_text="更正计划监察日期")).to_contain_text("年")  # taken, and open again
    expect(page.locator(".timeline")).to_contain_text("更正为")
    inspector.shot("case_notified")
    file_the_record(inspector)
    decide_rectification(inspector)
    inspector.shot("case_notice_drafted")
    inspector.act("限期整改通知书：报送审批")
    inspector.press("报送审批")
    inspector.status("已报送审批")
    inspector.page.goto(case.get_absolute_url())
    inspector.state("限期整改通知书待审批")
    blocker = page.locator(".step-blocker", has_text="处理文书送达")
    expect(blocker.get_by_role("link", name="查看限期整改通知书")).to_be_visible()  # what it waits for, and where
    inspector.shot("case_awaiting_approval")

    chief = Walk(browser, live_server, screen, "chief", "tryout")
    try:
        chief.login()
        chief.open_case(case)
        chief.act("限期整改通知书：审批")
        chief.press("批准")
        chief.status("已批准")
        chief.press("签发")
        download = chief.page.get_by_role("link", name=re.compile("下载 PDF"))
        expect(download).to_be_visible(timeout=20000)
        chief.shot("notice_issued")
    finally:
        chief.close()

    inspector.page.goto(case.get_absolute_url())
    inspector.state(CaseState.NOTICE_PENDING.label)
    inspector.act("限期整改通知书：登记送达")
    page.get_by_label("送达方式").select_option(label="直接送达")
    page.get_by_role("textbox", name="受送达人").fill("王建国")
    inspector.press("登记送达")
    inspector.status("送达")
    inspector.page.goto(case.get_absolute_url())
    inspector.state("限期整改中")
    expect(page.locator(".running-deadlines")).to_contain_text("限期整改")
    inspector.shot("case_rectifying")
    inspector.close()
    case = fresh(case)
    assert case.state == CaseState.RECTIFYING and case.outcome_document.state == DocumentState.SERVED
    assert case.rectification_deadline.start == timezone.localdate()


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_chiefs_day(browser, live_server, demo, screen):
    chief = day_of(browser, live_server, screen, "chief")
    page = chief.page
    # 10号 and 12号: documents awaiting approval, approved and issued from the case page
    for stage, kind in (("awaiting_approval", "限期整改通知书"), ("notice_submitted", "节能监察通知书")):
        chief.open_case(demo[stage])
        chief.state(f"{kind}待审批")
        chief.act(f"{kind}：审批")
        chief.press("批准")
        chief.status("已批准")
        chief.press("签发")
        expect(page.get_by_role("link", name=re.compile("下载 PDF"))).to_be_visible(timeout=20000)
    # 9号: the proposed referral
    chief.open_case(demo["proposed"])
    chief.act("决定处理意见")
    page.get_by_label("同意处理意见").check()
    chief.press("提交")
    chief.status("已对处理意见作出决定")
    chief.state(CaseState.REFERRED.label)
    # 11号: closing a case found in order
    chief.open_case(demo["to_close"])
    chief.act("结案")
    page.get_by_label("结案说明").fill("监察未发现问题，结案。")
    chief.press("提交")
    chief.state(CaseState.CLOSED.label)
    # 2号: the extension request, within its decision period
    chief.open_case(demo["extension_pending"])
    expect(page.locator(".running-deadlines")).to_contain_text("延期申请决定")
    chief.act("决定延期申请")
    page.get_by_label("准予延期", exact=True).check()
    page.get_by_label("决定理由").fill("供货延误属实，准予延期一个月。")
    chief.shot("extension_decision")
    chief.press("提交")
    chief.status("已对延期申请作出决定")
    # 3号: overdue, the referral decided
    chief.open_case(demo["overdue"])
    expect(page.locator(".running-deadlines")).to_contain_text("已逾期")
    chief.shot("case_overdue")
    chief.act("决定移送处理")
    page.get_by_label("建议部门").select_option(label="县发改委")
    page.get_by_label("处罚（处理）依据").fill("《中华人民共和国节约能源法》第七十一条")
    page.get_by_label("违法事实及建议").fill("整改期限届满仍使用淘汰设备，建议依法处理")
    chief.press("提交")
    chief.state(CaseState.ESCALATED.label)
    chief.shot("case_escalated")
    chief.close()
    states = {stage: fresh(demo[stage]) for stage in demo}
    assert states["awaiting_approval"].outcome_document.state == DocumentState.ISSUED
    assert states["notice_submitted"].notice_document.state == DocumentState.ISSUED
    assert states["proposed"].state == CaseState.REFERRED and states["to_close"].state == CaseState.CLOSED
    assert states["extension_pending"].extensions.get().state == ExtensionState.APPROVED
    assert states["overdue"].state == CaseState.ESCALATED


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_inspectors_day(browser, live_server, demo, screen):
    inspector = day_of(browser, live_server, screen, "inspector1")
    page = inspector.page
    # 5号: an extension request, in time
    inspector.open_case(demo["extension_window"])
    inspector.act("登记延期申请")
    page.get_by_label("申请延期（月）").fill("1")
    page.get_by_label("申请理由").fill("设备到货推迟，申请延期一个月。")
    scan = {"name": "延期申请.png", "mimeType": "image/png", "buffer": PNG}
    page.get_by_label("书面申请（扫描件）").set_input_files(scan)
    inspector.press("提交")
    inspector.status("已登记延期申请")
    # 4号: the unit's report, verified
    inspector.open_case(demo["reported"])
    inspector.act("核查整改情况")
    page.get_by_label("整改到位").check()
    page.get_by_label("核查情况").fill("现场核查，分项计量电能表已安装。")
    inspector.press("提交")
    inspector.state(CaseState.TO_CLOSE.label)
    # 8号: the returned notice, revised as the chief asked and submitted again
    inspector.open_case(demo["returned"])
    inspector.state("限期整改通知书已退回修改")
    inspector.shot("case_returned")
    inspector.act("限期整改通知书：修改后重新报送（已退回）")
    expect(page.get_by_role("rowheader", name="退回理由")).to_be_visible()
    page.get_by_role("link", name="修改", exact=True).click()
    page.get_by_label("整改要求").fill("为干燥车间2台热风炉和1台空压机配备能源计量器具，并建立能源计量台账，按月记录。")
    inspector.press("保存")
    inspector.press("报送审批")
    inspector.status("已报送审批")
    inspector.shot("notice_resubmitted")
    inspector.close()
    assert fresh(demo["extension_window"]).extensions.get().state == ExtensionState.PENDING
    assert fresh(demo["reported"]).state == CaseState.TO_CLOSE
    assert fresh(demo["returned"]).outcome_document.state == DocumentState.SUBMITTED


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_leaders_overview(browser, live_server, demo, screen):
    leader = day_of(browser, live_server, screen, "leader")
    page = leader.page
    page.goto("/energy/cases/")
    for case in demo.values():
        expect(page.get_by_role("link", name=case.reference, exact=True).first).to_be_attached()
    leader.shot("case_list")
    leader.open_case(demo["closed"])
    leader.state("已结案")
    expect(page.locator(".progress-done", has_text="结案")).to_be_visible()
    leader.shot("case_closed")
    # decisions in the bureau's name are the leader's too
    leader.open_case(demo["proposed"])
    expect(page.get_by_role("navigation", name="办理操作").get_by_role("link", name="决定处理意见")).to_be_visible()
    leader.close()


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_publics_pages(browser, live_server, demo, screen):
    public = Walk(browser, live_server, screen, "public", "journey")
    page = public.page
    for path, heading in (("/", None), ("/services/", "公共服务"), ("/duties/", "职责"), ("/boundaries/", "边界")):
        page.goto(path)
        if heading:
            expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
        public.shot(path.strip("/") or "home")
    page.goto("/energy/cases/")
    expect(page.get_by_label("用户名")).to_be_visible()  # casework is for staff: the public is asked to log in
    public.close()


def tab_to(page, name: str, limit: int = 200) -> None:
    """Press Tab until the focused element's accessible text is `name` (a link or button), failing after `limit`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        text = page.evaluate("() => (document.activeElement.innerText || document.activeElement.value || '').trim()")
        if text == name:
            return
    raise AssertionError(f"{name!r} not reached by Tab on {page.url}")


def tab_to_field(page, label: str, limit: int = 200) -> None:
    """Press Tab until the focused field is the one labelled `label`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        found = page.evaluate(
            "() => { const el = document.activeElement; return el && el.labels && el.labels.length"
            " ? el.labels[0].innerText.trim() : ''; }"
        )
        if found.removesuffix("：") == label:  # labels end in a full-width colon
            return
    raise AssertionError(f"field {label!r} not reached by Tab on {page.url}")


def type_datetime(page, day, hour: int) -> None:
    """Type a morning date-time into the focused field, segment by segment as Debian's headless Chromium lays it
    out (month, day, year, then Tab to the hour, minute and AM/PM), whatever the page's language."""
    keys = page.keyboard
    keys.type(f"{day:%m%d%Y}")
    keys.press("Tab")
    keys.type(f"{hour:02d}00A")


def test_the_try_out_path_by_keyboard_alone(browser, live_server, demo):
    case = demo["notified"]
    walk = Walk(browser, live_server, "desktop", "inspector1", "keyboard")
    page, keys, today = walk.page, walk.page.keyboard, timezone.localdate()
    page.goto("/accounts/login/")
    tab_to_field(page, "用户名")
    keys.type("inspector1")
    tab_to_field(page, "密码")
    keys.type(settings.DEMO_PASSWORD)
    keys.press("Enter")
    expect(page.get_by_role("button", name="登录")).to_have_count(0)
    page.goto(case.get_absolute_url())
    tab_to(page, "制作现场监察笔录")
    keys.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("制作现场监察笔录")
    for label, hour in (("监察开始时间", 9), ("监察结束时间", 11)):
        tab_to_field(page, label)
        type_datetime(page, today, hour)
        expect(page.get_by_label(label)).to_have_value(f"{today.isoformat()}T{hour:02d}:00")
    tab_to_field(page, "在场人员")
    keys.type("陈明")
    tab_to_field(page, "进入被监察单位的工作场所进行现场检查")
    keys.press("Space")
    tab_to_field(page, "签字人身份")
    keys.press("ArrowDown")
    tab_to(page, "提交")
    keys.press("Enter")
    expect(page.get_by_role("status").first).to_contain_text("已登记现场监察笔录", timeout=20000)
    tab_to(page, "作出处理决定")
    keys.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("作出处理决定")
    tab_to(page, Outcome.NONE.label)
    keys.press("Enter")  # the chooser is links: Enter follows one, htmx swaps its fields in
    expect(page.get_by_label("监察结束日期")).to_be_visible()
    tab_to(page, "提交")
    keys.press("Enter")
    expect(page.get_by_role("status").first).to_contain_text("已登记处理决定", timeout=20000)
    walk.shot("keyboard_decided")
    walk.close()
    assert fresh(case).state == CaseState.TO_CLOSE
