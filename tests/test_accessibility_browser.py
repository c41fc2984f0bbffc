"""The portal in a real browser on a phone-sized screen and at 200% zoom: nothing overflows, every field is labelled;
axe-core (self-hosted, from the pinned axe-playwright-python package) finds no critical or serious violation on any
page type, on the desktop (1366×900) and on a phone (390×844); the staff menu folds on a phone; long registers have an
index and an in-page search; tap targets are at least 44 px."""

from pathlib import Path

import axe_playwright_python
import pytest
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import expect

from conftest import ARTIFACTS, login
from duties.models import DutyItem
from energy.models import InspectionCase
from linggao_mi.attachments.models import Attachment
from linggao_mi.documents.models import OfficialDocument

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLIC_PAGES = ["/", "/services/", "/duties/", "/boundaries/", "/accounts/login/"]
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
AXE_JS = Path(axe_playwright_python.__file__).with_name("axe.min.js")

# Every form control must have an accessible name (a <label>, aria-label or aria-labelledby).
UNLABELLED = """() => [...document.querySelectorAll(
  'input:not([type=hidden]):not([type=submit]), select, textarea')]
  .filter(el => !(el.labels && el.labels.length)
    && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
  .map(el => el.name || el.id)"""
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# Visible controls a finger taps, shorter than 44 CSS px.
SMALL_TARGETS = """() => [...document.querySelectorAll(
  'button, .button, select, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), '
  + '.public-nav a, .account a, .workspace-nav a, .register-index a, .pagination a')]
  .filter(el => el.offsetParent !== null && el.getBoundingClientRect().height < 44)
  .map(el => el.textContent.trim() || el.name || el.id)"""


def _check(page, path):
    page.goto(path)
    assert page.evaluate(OVERFLOW) <= 1, f"{path} scrolls sideways"
    assert page.evaluate(UNLABELLED) == [], f"{path} has unlabelled fields"
    assert page.locator("main#main").count() == 1 and page.locator("a.skip-link").count() == 1


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_fit_a_phone(page, path):
    page.set_viewport_size({"width": 360, "height": 740})
    _check(page, path)


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_reflow_at_200_percent_zoom(browser, live_server, path):
    # 200% zoom of a 1280-px window is a 640-CSS-px layout viewport at device scale 2.
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 640, "height": 400}, device_scale_factor=2
    )
    _check(context.new_page(), path)
    context.close()


def test_workspace_fits_a_phone_and_menu_is_keyboard_reachable(page, users):
    page.set_viewport_size({"width": 360, "height": 740})
    login(page, "t_inspector1")
    _check(page, "/workspace/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"


# --- axe-core on every page type ----------------------------------------------------------------------------------


def axe_violations(page) -> list[dict]:
    """axe-core's critical and serious violations on the page as it stands (rules of every WCAG level axe runs by
    default, best practices included)."""
    page.add_script_tag(path=str(AXE_JS))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        {"rule": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5], "help": v["help"]}
        for v in results["violations"]
        if v["impact"] in ("critical", "serious")
    ]


def _as(browser, live_server, viewport, username=None):
    context = browser.new_context(locale="en-US", base_url=live_server.url, viewport=viewport)
    page = context.new_page()
    if username:
        login(page, username, settings.DEMO_PASSWORD)
        expect(page).to_have_url(f"{live_server.url}/workspace/")
    return context, page


def _walk(page, paths, found, label):
    for path in paths:
        response = page.goto(path)
        assert response.status in (200, 404), f"{path}: {response.status}"
        page.wait_for_load_state("networkidle")
        violations = axe_violations(page)
        if violations:
            found[f"{label} {path}"] = violations


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_finds_no_serious_violation_on_any_page_type(browser, live_server, viewport):
    call_command("load_demo", verbosity=0)
    case = InspectionCase.objects.exclude(outcome_document=None).order_by("pk").first()
    document = OfficialDocument.objects.order_by("pk").first()
    attachment = Attachment.objects.order_by("pk").first()
    item = DutyItem.objects.order_by("pk").first()
    found: dict[str, list] = {}

    context, page = _as(browser, live_server, viewport)
    _walk(page, [*PUBLIC_PAGES, "/?q=节能", "/boundaries/?q=电线杆", "/no-such-page/"], found, "public")
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill("inspector1")
    page.get_by_role("button", name="登录").click()  # the login form with its errors
    if violations := axe_violations(page):
        found["public login errors"] = violations
    context.close()

    context, page = _as(browser, live_server, viewport, "inspector1")
    inspector_pages = [
        "/workspace/",
        "/energy/cases/",
        "/energy/units/",
        "/deadlines/",
        "/deadlines/calculator/",
        "/notifications/",
        "/exports/",
        case.get_absolute_url(),
        f"/documents/{document.pk}/",
        "/energy/cases/new/",
        "/energy/units/new/",
    ]
    if attachment:
        inspector_pages.append(f"/attachments/{attachment.pk}/delete/")
    _walk(page, inspector_pages, found, "inspector")
    context.close()

    context, page = _as(browser, live_server, viewport, "chief")
    _walk(page, ["/documents/approvals/", f"/duties/items/{item.pk}/edit/", "/deadlines/calendar/"], found, "chief")
    page.goto("/workspace/")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"axe_chief_workspace_{viewport['width']}.png"), full_page=True)
    context.close()

    assert found == {}


# --- the phone layout -------------------------------------------------------------------------------------------


def test_staff_menu_folds_behind_a_button_on_a_phone_and_stands_open_on_a_desktop(browser, live_server, users):
    context, page = _as(browser, live_server, PHONE)
    login(page, "t_inspector1")
    menu = page.get_by_role("button", name="工作台菜单")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#workspace-menu")).to_be_hidden()
    page.screenshot(path=str(ARTIFACTS / "phone_menu_closed.png"))
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#workspace-menu").get_by_role("link", name="通知")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "phone_menu_open.png"))
    assert page.evaluate(SMALL_TARGETS) == []
    page.set_viewport_size(DESKTOP)
    expect(menu).to_be_hidden()
    expect(page.locator("#workspace-menu")).to_be_visible()
    context.close()


def test_without_javascript_the_menu_stands_open_and_the_register_search_searches_every_register(
    browser, live_server, users
):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    login(page, "t_inspector1")
    expect(page.locator("#workspace-menu").get_by_role("link", name="期限", exact=True)).to_be_visible()
    page.goto("/duties/")
    page.get_by_label("在部门职责登记表中查找").fill("节能")
    page.get_by_role("button", name="查找").click()
    expect(page).to_have_url(f"{live_server.url}/?q=%E8%8A%82%E8%83%BD")
    expect(page.locator("#search-results")).to_contain_text("28273128")
    context.close()


def test_long_duty_register_has_an_index_and_filters_as_one_types_on_a_phone(browser, live_server):
    context, page = _as(browser, live_server, PHONE)
    page.goto("/duties/")
    index = page.get_by_role("navigation", name="目录")
    expect(index.get_by_role("link")).to_have_count(10)
    page.screenshot(path=str(ARTIFACTS / "phone_duties_top.png"))
    full = page.evaluate("document.documentElement.scrollHeight")
    page.get_by_label("在部门职责登记表中查找").press_sequentially("节能降耗")
    rows = page.locator("#duty-register tr[data-filter-item]:visible")
    expect(rows).to_have_count(DutyItem.objects.filter(text__contains="节能降耗").count())
    expect(rows.first).to_contain_text("负责全县节能降耗")
    expect(page.get_by_role("status").filter(has_text="本表中有")).to_be_visible()
    filtered = page.evaluate("document.documentElement.scrollHeight")
    assert filtered < full / 5, (filtered, full)
    page.screenshot(path=str(ARTIFACTS / "phone_duties_filtered.png"), full_page=True)
    page.get_by_label("在部门职责登记表中查找").fill("")
    page.get_by_label("在部门职责登记表中查找").press_sequentially("无此内容")
    expect(rows).to_have_count(0)
    expect(page.get_by_role("status").filter(has_text="没有与")).to_be_visible()
    index_link = page.get_by_role("navigation", name="目录").get_by_role("link").nth(3)
    assert index_link.bounding_box()["height"] >= 44
    context.close()


def test_the_axe_check_can_fail(page):
    """The check above is not vacuous: axe reports a missing alt text and white-on-white text as it reports them
    on the portal's pages."""
    page.set_content(
        '<html lang="zh-Hans"><title>t</title><main><img src="x.png">'
        '<p style="color:#f4f4f4">白底上的浅色文字</p><ul><div>不在列表项中</div></ul></main></html>'
    )
    assert {v["rule"] for v in axe_violations(page)} >= {"image-alt", "color-contrast", "list"}
