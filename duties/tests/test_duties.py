import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from duties import services
from duties.models import Duty, DutyItem
from linggao_mi.org.models import Section
from linggao_mi.registers import BASELINE_REASON, NO_PERMISSION

from .factories import DutyFactory, DutyItemFactory

pytestmark = pytest.mark.django_db


def test_register_has_ten_duties_and_thirty_nine_items():
    assert Duty.objects.count() == 10
    assert DutyItem.objects.count() == 39
    assert [d.items.count() for d in Duty.objects.all()] == [4, 4, 2, 8, 6, 5, 4, 2, 2, 2]


def test_layout_breaks_of_the_source_are_not_in_the_text():
    assert "全县工业和信息行业知识产权保护" in Duty.objects.get(number=8).text
    assert Duty.objects.get(number=4).text.startswith("指导工业和信息产业的技术创新")


def test_items_carry_the_section_where_the_subject_says_which():
    by_code = {item.code: item.section.code if item.section else None for item in DutyItem.objects.all()}
    assert by_code["4.3"] == "industry"  # 节能监察
    assert by_code["5.1"] == "sme"  # 中小微企业
    assert by_code["7.4"] == "it"  # 无线电
    assert by_code["9.1"] is None


def test_public_list_shows_every_duty_item_and_section(client):
    response = client.get(reverse("duties:list"))
    assert response.status_code == 200
    body = response.content.decode()
    for item in DutyItem.objects.select_related("section"):
        assert item.text in body
    assert body.count('id="duty-') >= 10
    assert "信息技术股" in body and "未明确" in body
    assert "编辑" not in body  # no edit links for the public


def test_list_shows_edit_links_to_staff(client, users):
    client.force_login(users["staff"])
    body = client.get(reverse("duties:list")).content.decode()
    assert reverse("duties:item_edit", args=[1]) in body
    client.force_login(users["legal"])
    assert reverse("duties:item_edit", args=[1]) not in client.get(reverse("duties:list")).content.decode()


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.mark.parametrize("url", ["/duties/", "/api/v1/duties/"])
@pytest.mark.parametrize("as_staff", [False, True])
def test_list_runs_a_constant_number_of_queries(client, users, url, as_staff):
    if as_staff:
        client.force_login(users["staff"])
    _queries(client, url)  # warm caches (content types, permissions)
    before = _queries(client, url)
    for duty in DutyFactory.create_batch(3):
        DutyItemFactory.create_batch(4, duty=duty)
    DutyItemFactory.create_batch(5, duty=Duty.objects.get(number=1))
    assert _queries(client, url) == before


EDIT_URLS = [
    ("duties:duty_edit", 1),
    ("duties:duty_history", 1),
    ("duties:item_edit", 1),
    ("duties:item_history", 1),
    ("duties:item_add", 1),
]


@pytest.mark.parametrize("name,pk", EDIT_URLS)
def test_edit_pages_permission_matrix(client, users, name, pk):
    url = reverse(name, args=[pk])
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    client.force_login(users["legal"])
    response = client.get(url)
    assert response.status_code == 403 and "无权访问" in response.content.decode()
    client.force_login(users["inspector1"])
    assert client.get(url).status_code == 403
    for role in ("staff", "chief", "leader", "admin"):
        client.force_login(users[role])
        assert client.get(url).status_code == 200, role


@pytest.mark.parametrize("name", ["duties:duty_edit", "duties:item_edit", "duties:item_history"])
def test_missing_object_is_404(client, users, name):
    client.force_login(users["staff"])
    assert client.get(reverse(name, args=[9999])).status_code == 404


def test_edit_item_through_the_ui_records_history(client, users):
    item = DutyItem.objects.get(duty__number=9, order=1)
    original = item.text
    client.force_login(users["staff"])
    response = client.post(
        reverse("duties:item_edit", args=[item.pk]),
        {
            "order": 1,
            "text": original + "（含新入职人员）",
            "section": Section.objects.get(code="industry").pk,
            "note": "测试备注",
            "reason": "补充培训对象",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (
        item.text.endswith("（含新入职人员）") and item.section.code == "industry" and item.note == "测试备注"
    )
    records = list(item.history.order_by("history_id"))
    assert [r.history_change_reason for r in records] == [BASELINE_REASON, "补充培训对象"]
    assert records[0].text == original and records[1].history_user == users["staff"]

    body = client.get(reverse("duties:item_history", args=[item.pk])).content.decode()
    assert "补充培训对象" in body and original in body and "（含新入职人员）" in body
    assert "具体工作事项" in body and "承办股室" in body


def test_invalid_edit_shows_chinese_error_and_changes_nothing(client, users):
    item = DutyItem.objects.get(duty__number=9, order=1)
    client.force_login(users["staff"])
    response = client.post(reverse("duties:item_edit", args=[item.pk]), {"order": 1, "text": "   "})
    assert response.status_code == 200
    assert "该字段是必填项" in response.content.decode()
    # an order already taken by another item of the same duty is refused by the service
    response = client.post(reverse("duties:item_edit", args=[item.pk]), {"order": 2, "text": "新内容"})
    assert "该主要职责下已有相同顺序号的工作事项" in response.content.decode()
    fresh = DutyItem.objects.get(pk=item.pk)
    assert (fresh.order, fresh.text) == (item.order, item.text)
    assert fresh.history.count() == 0


def test_add_item_goes_last_and_is_recorded(client, users):
    client.force_login(users["chief"])
    response = client.post(
        reverse("duties:item_add", args=[10]), {"text": "新增的工作事项", "reason": "县委交办"}
    )
    assert response.status_code == 302
    item = DutyItem.objects.get(text="新增的工作事项")
    assert item.code == "10.3" and item.history.get().history_type == "+"


def test_duty_text_edit(client, users):
    client.force_login(users["leader"])
    response = client.post(reverse("duties:duty_edit", args=[10]), {"text": "承办交办的工作。"})
    assert response.status_code == 302
    assert Duty.objects.get(pk=10).text == "承办交办的工作。"


def test_service_refuses_an_actor_without_permission(users):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied, match=NO_PERMISSION):
        services.duty_update(actor=users["inspector1"], duty_id=1, text="x")
    assert Duty.objects.get(pk=1).text != "x"


def test_api_lists_duties_with_items_anonymously(client):
    data = client.get("/api/v1/duties/").json()
    assert data["count"] == 10
    first = data["results"][0]
    assert first["number"] == 1 and len(first["items"]) == 4
    assert first["items"][0]["code"] == "1.1"
    detail = client.get(f"/api/v1/duties/{Duty.objects.get(number=7).pk}/").json()
    assert detail["items"][3]["section"]["name"] == "信息技术股"


def test_api_is_read_only(client, users):
    client.force_login(users["admin"])
    assert client.post("/api/v1/duties/", {"number": 11, "text": "x"}).status_code == 405


def test_work_items_name_the_regimes_that_implement_them(client, users):
    from duties.models import DutyItem

    energy_item = DutyItem.objects.get(duty__number=4, order=3)
    assert [str(r) for r in energy_item.regimes.all()] == ["三（四）对用能单位的节能监察"]
    assert DutyItem.objects.get(duty__number=6, order=5).regimes.count() == 4

    public = client.get("/duties/").content.decode()
    assert "三（四）对用能单位的节能监察" in public and 'href="/energy/cases/"' not in public
    client.force_login(users["inspector1"])
    assert '<a href="/energy/cases/">三（四）对用能单位的节能监察</a>' in client.get("/duties/").content.decode()
    item = client.get("/api/v1/duties/4/").json()["items"][2]
    assert item["code"] == "4.3" and item["regimes"][0]["clause"] == "三（四）"
