"""The portal in a real browser on a phone-sized screen and at 200% zoom: nothing overflows, every field is labelled."""

import pytest

from conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLIC_PAGES = ["/", "/services/", "/duties/", "/boundaries/", "/accounts/login/"]

# Every form control must have an accessible name (a <label>, aria-label or aria-labelledby).
UNLABELLED = """() => [...document.querySelectorAll(
  'input:not([type=hidden]):not([type=submit]), select, textarea')]
  .filter(el => !(el.labels && el.labels.length)
    && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
  .map(el => el.name || el.id)"""
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


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
