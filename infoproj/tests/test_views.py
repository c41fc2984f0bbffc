"""The pages: registering refused in Chinese with the clause and nothing written; the public /tenders/ pages show
published announcements only, with their documents downloadable without login; the owner's earlier scores are shown
on a new project of the same owner."""

from decimal import Decimal

import pytest
from django.urls import reverse

from infoproj import services
from infoproj.models import ITProject, PerformanceEvaluation, TenderDocument
from linggao_mi.attachments.models import Attachment
from linggao_mi.attachments.rules import RECORD_IN_USE

from .conftest import TODAY, register, to_award

pytestmark = pytest.mark.django_db


def test_registering_other_funds_is_refused_on_the_page(client, it):
    client.force_login(it["staff"])
    data = {"name": "县某系统", "owner_unit": "县某局", "owner_contact": "x", "funding": "self", "build_kind": "new",
            "budget": "10", "approved_scale": "x", "approved_content": "x"}
    page = client.post(reverse("infoproj:project_register"), data)
    assert page.status_code == 200
    assert "限县本级财政拨付" in page.content.decode() and "三（七）1" in page.content.decode()
    assert not ITProject.objects.exists()
    page = client.post(reverse("infoproj:project_register"), {**data, "funding": "county"})
    case = ITProject.objects.get()
    assert page.status_code == 302 and page["Location"] == case.get_absolute_url()


def test_tenders_show_published_announcements_with_downloadable_documents(client, it):
    case = to_award(it["staff"])
    announcement = case.announcement
    document = TenderDocument.objects.get(announcement=announcement)
    assert "县政务数据共享平台建设项目" not in client.get("/tenders/").content.decode()
    assert client.get(f"/tenders/{announcement.pk}/").status_code == 404
    assert client.get(f"/tenders/{announcement.pk}/documents/{document.pk}/").status_code == 404

    services.announcement_publish(actor=it["staff"], case=case, notice_sent_on=TODAY(), published_on=TODAY())
    listing = client.get("/tenders/").content.decode()
    assert "县政务数据共享平台建设项目" in listing and "LGCG-2026-018" in listing
    detail = client.get(f"/tenders/{announcement.pk}/").content.decode()
    for shown in ("海南示范招标代理有限公司", "海口市龙华区示范路8号", "吴经理 0898-66660001",
                  "海口市美兰区示范大道2号", "3650000.00", "华为 2288H V6", "4台", "86000.00", "4小时响应",
                  "王专家、李专家、陈专家、林专家、赵专家", "招标文件"):
        assert shown in detail, shown
    download = client.get(f"/tenders/{announcement.pk}/documents/{document.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert "attachment" in download["Content-Disposition"]


def test_the_owners_earlier_scores_show_on_its_new_project(client, it):
    old = register(it["staff"])
    PerformanceEvaluation.objects.create(
        project=old, evaluated_on=TODAY(), experts="专家组", management_score=Decimal(25), output_score=Decimal(24),
        effect_score=Decimal(30), comments="良好", goals_met=True, recorded_by=it["staff"],
    )
    new = register(it["staff"], name="二期")
    client.force_login(it["staff"])
    page = client.get(new.get_absolute_url()).content.decode()
    assert "该建设单位以往项目的绩效评价" in page and "79.0" in page


def test_a_tender_document_cannot_be_deleted_from_the_record(client, it):
    case = to_award(it["staff"])
    document = TenderDocument.objects.get(announcement=case.announcement)
    client.force_login(it["staff"])
    page = client.post(reverse("attachments:delete", args=[document.attachment_id]), follow=True)
    assert RECORD_IN_USE.message in page.content.decode()
    assert Attachment.objects.filter(pk=document.attachment_id).exists()
