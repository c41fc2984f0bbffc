"""节能监察 in a real browser: a too-early on-site plan refused with its clause; a chief approves and issues a
限期整改通知书 and downloads its PDF; the field form fits a phone."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import login
from energy import rules
from energy.choices import CheckItem, FindingResult, Measure, Mode, Outcome, SignerCapacity, Trigger
from energy.models import InspectionCase
from energy.services import FindingInput, inspection_plan, outcome_decide, record_file
from energy.tests.factories import EnergyUnitFactory
from linggao_mi.documents.services import document_submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
UNLABELLED = """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')).map(el => el.name)"""


@pytest.fixture
def unit(users):
    return EnergyUnitFactory(name="临高华能示范电力有限公司", created_by=users["staff"])


def press(page, name: str) -> None:
    button = page.get_by_role("button", name=name)
    button.focus()
    page.keyboard.press("Enter")


def _label(user) -> str:
    return user.get_full_name() or user.username


def test_too_early_onsite_plan_is_refused_citing_the_clause(page, users, unit):
    login(page, users["inspector1"].username)
    page.goto("/energy/cases/new/")
    page.get_by_label("被监察单位").select_option(label=unit.name)
    page.get_by_label("现场监察").check()
    page.get_by_label("监察类型").select_option(label="计划监察")
    too_early = timezone.localdate() + datetime.timedelta(days=3)
    page.get_by_label("计划监察日期").fill(too_early.isoformat())
    page.get_by_label(_label(users["inspector1"])).check()
    page.get_by_label(_label(users["inspector2"])).check()
    page.get_by_role("button", name="提交").click()
    alert = page.get_by_role("alert")
    assert rules.NOTICE_LEAD.message in alert.inner_text()
    assert "三（四）5(2)" in alert.inner_text()
    assert not InspectionCase.objects.exists()


def test_chief_approves_rectification_notice_and_downloads_pdf(page, users, unit, tmp_path):
    today = timezone.localdate()
    pair = [users["inspector1"], users["inspector2"]]
    case = inspection_plan(actor=users["inspector1"], unit=unit, mode=Mode.ONSITE, trigger=Trigger.SPOT,
                           planned_date=today, items=[CheckItem.ELIMINATION], inspectors=pair)
    start = timezone.make_aware(datetime.datetime.combine(today, datetime.time(9)))
    record_file(
        actor=users["inspector1"], case=case, started_at=start, ended_at=start + datetime.timedelta(hours=1),
        place="厂区", inspectors=pair, present="陈明", measures=[Measure.ENTER],
        findings={CheckItem.ELIMINATION: FindingInput(FindingResult.VIOLATION, "使用淘汰电动机", "节约能源法第十七条")},
        signer_name="王建国", signer_capacity=SignerCapacity.LEGAL_REPRESENTATIVE,
    )
    case = outcome_decide(actor=users["inspector1"], case=case, outcome=Outcome.VIOLATION, ended_on=today,
                          rectification_requirements="更换电动机", rectification_months=3)
    document_submit(actor=users["inspector1"], document=case.outcome_document)

    login(page, users["chief"].username)
    page.goto(case.get_absolute_url())
    page.get_by_role("link", name=re.compile("限期整改通知书《")).click()
    # A keyboard user's way: in headless Chromium a mouse click straight after the boosted approve swap was
    # sometimes lost before Playwright had scrolled the button into view; Enter on the focused button is not.
    press(page, "批准")
    expect(page.get_by_role("status")).to_contain_text("已批准", timeout=20000)
    press(page, "签发")
    expect(page.get_by_role("link", name=re.compile("下载 PDF"))).to_be_visible(timeout=20000)
    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile("下载 PDF")).click()
    download = info.value
    assert download.suggested_filename.startswith("临工信节监改〔") and download.suggested_filename.endswith(".pdf")
    path = tmp_path / "notice.pdf"
    download.save_as(path)
    assert path.read_bytes().startswith(b"%PDF")


def test_field_record_form_fits_a_phone(page, users, unit):
    case = inspection_plan(actor=users["inspector1"], unit=unit, mode=Mode.ONSITE, trigger=Trigger.REPORT,
                           planned_date=timezone.localdate(), items=CheckItem.values, inspectors=[
                               users["inspector1"], users["inspector2"]])
    page.set_viewport_size({"width": 360, "height": 740})
    login(page, users["inspector1"].username)
    page.goto(f"/energy/cases/{case.pk}/record/")
    assert page.evaluate(OVERFLOW) <= 1
    assert page.evaluate(UNLABELLED) == []
    page.goto(case.get_absolute_url())
    assert page.evaluate(OVERFLOW) <= 1
