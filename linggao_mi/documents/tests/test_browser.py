"""The approval round in a real browser (Debian's Chromium), on a phone-sized screen."""

import pytest

from conftest import login
from linggao_mi.documents.choices import DocumentState

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_chief_returns_then_approves_from_the_inbox(page, make_document, users):
    document = make_document("submitted", title="关于限期整改的通知")
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, "t_chief")
    page.goto("/documents/approvals/")
    row = page.locator("table.list-table tbody tr", has_text="关于限期整改的通知")
    row.get_by_role("link", name="测试通知书").click()
    page.get_by_role("button", name="退回").click()
    page.get_by_text("退回文书须说明理由").wait_for()

    page.get_by_label("退回理由").fill("整改期限未写明。")
    page.get_by_role("button", name="退回").click()
    page.get_by_text("已退回起草人。").wait_for()
    document.refresh_from_db()
    assert document.state == DocumentState.RETURNED

    # The drafter revises and resubmits; the chief approves.
    from linggao_mi.documents import services

    services.document_submit(actor=users["inspector1"], document=document)
    page.goto(f"/documents/{document.pk}/")
    page.get_by_role("button", name="批准").click()
    page.get_by_text("已批准。").wait_for()
    document.refresh_from_db()
    assert document.state == DocumentState.APPROVED
