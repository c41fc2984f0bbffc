import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from linggao_mi.org.models import Section
from linggao_mi.registers import BASELINE_REASON
from services.models import PublicityEvent, ServiceItem, validate_phones

from .factories import PublicityEventFactory, ServiceItemFactory

pytestmark = pytest.mark.django_db


def test_register_has_seven_items_with_their_sections_and_phones():
    items = list(ServiceItem.objects.select_related("section"))
    assert [i.number for i in items] == [1, 2, 3, 4, 5, 6, 7]
    assert [i.section.name for i in items] == ["工业股"] * 3 + ["中小企业股"] + ["信息技术股"] * 3
    assert [i.phone_list for i in items[4:]] == [["28277998", "28277128"]] * 3
    assert items[0].phone_list == ["28273128"] and items[3].phone_list == ["28277128"]


def test_three_yearly_publicity_events_linked_to_their_items():
    events = {e.name: e for e in PublicityEvent.objects.select_related("service_item")}
    assert events["全国节能宣传周"].service_item.number == 3
    assert (events["全国节能宣传周"].month, events["全国节能宣传周"].day) == (6, None)
    assert (
        events["全国无线电管理宣传月"].service_item.number == 6 and events["全国无线电管理宣传月"].month == 9
    )
    radio_day = events["“2.13”世界无线电日"]
    assert (radio_day.month, radio_day.day, radio_day.service_item.number) == (2, 13, 7)


@pytest.mark.parametrize(
    "today,expected",
    [
        (datetime.date(2026, 11, 28), datetime.date(2027, 2, 13)),
        (datetime.date(2027, 2, 13), datetime.date(2027, 2, 13)),
        (datetime.date(2027, 2, 14), datetime.date(2028, 2, 13)),
    ],
)
def test_next_occurrence_of_a_dated_event(today, expected):
    event = PublicityEvent(name="世界无线电日", month=2, day=13)
    assert event.next_occurrence(today) == expected
    assert event.next_display(today) == f"{expected.year}年2月13日"


@pytest.mark.parametrize(
    "today,expected",
    [
        (datetime.date(2026, 11, 28), "2027年6月"),
        (datetime.date(2027, 6, 30), "2027年6月"),  # the month is still on
        (datetime.date(2027, 7, 1), "2028年6月"),
    ],
)
def test_next_occurrence_of_a_month_long_event(today, expected):
    event = PublicityEvent(name="全国节能宣传周", month=6)
    assert event.next_display(today) == expected
    assert event.when_display == "每年6月"


def test_leap_day_event_waits_for_a_leap_year():
    assert PublicityEvent(month=2, day=29).next_occurrence(datetime.date(2026, 3, 1)) == datetime.date(
        2028, 2, 29
    )


@pytest.mark.parametrize("value", ["28273128", "28277998、28277128", "0898-28273128", "13800138000"])
def test_valid_phones(value):
    validate_phones(value)


@pytest.mark.parametrize("value", ["", "、", "123", "2827312a", "电话28273128"])
def test_invalid_phones(value):
    with pytest.raises(ValidationError):
        validate_phones(value)


def test_public_page_lists_items_phones_and_events(client):
    response = client.get(reverse("services:list"))
    assert response.status_code == 200
    body = response.content.decode()
    for item in ServiceItem.objects.all():
        assert item.name in body and item.content in body
    assert body.count('href="tel:0898-28277998"') == 3
    assert body.count('href="tel:0898-28277128"') == 4
    assert body.count('href="tel:0898-28273128"') == 3
    assert "每年6月（全国节能宣传周）" in body and "每年9月（全国无线电管理宣传月）" in body
    assert "年2月13日" in body and "编辑" not in body


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.mark.parametrize("url", ["/services/", "/api/v1/service-items/"])
@pytest.mark.parametrize("as_staff", [False, True])
def test_list_runs_a_constant_number_of_queries(client, users, url, as_staff):
    if as_staff:
        client.force_login(users["staff"])
    _queries(client, url)
    before = _queries(client, url)
    for item in ServiceItemFactory.create_batch(4):
        PublicityEventFactory.create_batch(2, service_item=item)
    assert _queries(client, url) == before


EDIT_URLS = [
    ("services:item_edit", [5]),
    ("services:item_history", [5]),
    ("services:event_edit", [1]),
    ("services:event_history", [1]),
    ("services:event_add", []),
]


@pytest.mark.parametrize("name,args", EDIT_URLS)
def test_edit_pages_permission_matrix(client, users, name, args):
    url = reverse(name, args=args)
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    for role in ("legal", "inspector1"):
        client.force_login(users[role])
        assert client.get(url).status_code == 403, role
    for role in ("staff", "chief", "leader", "admin"):
        client.force_login(users[role])
        assert client.get(url).status_code == 200, role


def _item_form(item, **changes):
    data = {"name": item.name, "content": item.content, "section": item.section_id, "phones": item.phones}
    data.update(changes)
    return data


def test_edit_service_item_normalises_phones_and_records_history(client, users):
    item = ServiceItem.objects.get(number=4)
    client.force_login(users["staff"])
    response = client.post(
        reverse("services:item_edit", args=[item.pk]),
        _item_form(item, phones="28277128, 0898-28277998", reason="增加咨询电话"),
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.phones == "28277128、0898-28277998"
    assert [r.history_change_reason for r in item.history.order_by("history_id")] == [
        BASELINE_REASON,
        "增加咨询电话",
    ]
    body = client.get(reverse("services:item_history", args=[item.pk])).content.decode()
    assert "<del>28277128</del>" in body and "<ins>28277128、0898-28277998</ins>" in body


def test_invalid_phone_is_refused_in_chinese_and_changes_nothing(client, users):
    item = ServiceItem.objects.get(number=1)
    client.force_login(users["staff"])
    response = client.post(reverse("services:item_edit", args=[item.pk]), _item_form(item, phones="2827-abc"))
    assert response.status_code == 200
    assert "联系电话“2827-abc”格式不正确" in response.content.decode()
    assert ServiceItem.objects.get(pk=item.pk).phones == "28273128"
    assert item.history.count() == 0


def test_impossible_event_date_is_refused(client, users):
    client.force_login(users["staff"])
    data = {"name": "测试活动", "month": 2, "day": 30, "description": "", "service_item": 7}
    response = client.post(reverse("services:event_add"), data)
    assert "2月没有30日" in response.content.decode()
    assert PublicityEvent.objects.count() == 3
    data["day"] = 28
    assert client.post(reverse("services:event_add"), data).status_code == 302
    assert PublicityEvent.objects.get(name="测试活动").history.get().history_user == users["staff"]


def test_edit_event_moves_its_date(client, users):
    event = PublicityEvent.objects.get(name="全国节能宣传周")
    client.force_login(users["chief"])
    data = {"name": event.name, "month": 6, "day": 12, "description": event.description, "service_item": 3}
    assert client.post(reverse("services:event_edit", args=[event.pk]), data).status_code == 302
    event.refresh_from_db()
    assert event.when_display == "每年6月12日"


def test_api_lists_items_with_phones_section_and_events(client):
    data = client.get("/api/v1/service-items/").json()
    assert data["count"] == 7
    radio_day = data["results"][6]
    assert radio_day["phones"] == ["28277998", "28277128"]
    assert radio_day["section"]["name"] == "信息技术股"
    event = radio_day["events"][0]
    assert event["when"] == "每年2月13日" and event["next_display"].endswith("年2月13日")
    assert datetime.date.fromisoformat(event["next_date"]) >= datetime.date.today() - datetime.timedelta(
        days=1
    )


def test_service_validates_before_saving(users):
    from services.services import service_item_update

    item = ServiceItem.objects.get(number=1)
    with pytest.raises(ValidationError):
        service_item_update(
            actor=users["staff"],
            item_id=item.pk,
            name="",
            content=item.content,
            section=Section.objects.get(code="industry"),
            phones=item.phones,
        )
    assert ServiceItem.objects.get(pk=item.pk).name == "节能技术推广"
