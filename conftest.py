"""Fixtures shared by every test module: the organisation as fixtures/ loads it, users per role, a browser."""

import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from linggao_mi.org.choices import Role
from tests.factories import CertificateFactory, UserFactory

ARTIFACTS = Path(__file__).parent / "test-artifacts"


@pytest.fixture(autouse=True)
def _registers(db):
    """Every test starts with the sections, departments and registers that `make run` loads."""
    call_command("load_registers", verbosity=0, stdout=open(os.devnull, "w"))


@pytest.fixture
def users(db):
    """One user per role, the inspectors with certificates valid today, the chief heading 工业股."""
    made = {
        "admin": UserFactory(username="t_admin", role=Role.ADMIN),
        "leader": UserFactory(username="t_leader", role=Role.LEADER),
        "chief": UserFactory(username="t_chief", role=Role.CHIEF),
        "legal": UserFactory(username="t_legal", role=Role.LEGAL),
        "inspector1": UserFactory(username="t_inspector1", role=Role.INSPECTOR),
        "inspector2": UserFactory(username="t_inspector2", role=Role.INSPECTOR),
        "staff": UserFactory(username="t_staff", role=Role.STAFF),
    }
    for name in ("inspector1", "inspector2"):
        CertificateFactory(holder=made[name])
    return made


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, request):
    """A fresh browser page; a screenshot of its last state is kept in test-artifacts/."""
    context = browser.new_context(locale="zh-CN", base_url=live_server.url)
    page = context.new_page()
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    name = re.sub(r"[^\w\-\[\]]+", "_", request.node.name)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    context.close()


def login(page, username: str, password: str = "pw-for-tests"):
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
