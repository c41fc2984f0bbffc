"""The energy lists page their rows (50 a page) and keep the search, filters and order across pages."""

import pytest

from energy.models import InspectionCase

from .factories import EnergyUnitFactory, InspectionCaseFactory

pytestmark = pytest.mark.django_db


def test_case_list_pages_by_fifty_and_keeps_filters(client, users):
    unit = EnergyUnitFactory()
    for _ in range(55):
        InspectionCaseFactory(unit=unit, inspectors=[users["inspector1"]])
    state = InspectionCase.objects.first().state
    client.force_login(users["inspector1"])

    query = {"q": unit.credit_code, "state": state, "sort": "planned_date"}
    first = client.get("/energy/cases/", query)
    page = first.context["page"]
    assert len(page.object_list) == 50 and page.count == 55 and page.exact and page.num_pages == 2
    body = first.content.decode()
    assert f"?q={unit.credit_code}&amp;state={state}&amp;sort=planned_date&amp;page=2" in body
    assert "第1–50条，共55条" in body

    second = client.get("/energy/cases/", {**query, "page": 2})
    assert len(second.context["page"].object_list) == 5
    shown = [c.pk for c in page.object_list] + [c.pk for c in second.context["page"].object_list]
    assert len(set(shown)) == 55
    dates = [c.planned_date for c in page.object_list + second.context["page"].object_list]
    assert dates == sorted(dates)
    assert client.get("/energy/cases/", {**query, "page": 99}).context["page"].number == 2  # past the end: last


def test_unit_list_pages_by_fifty(client, users):
    for _ in range(51):
        EnergyUnitFactory()
    client.force_login(users["staff"])
    assert len(client.get("/energy/units/").context["page"].object_list) == 50
    assert len(client.get("/energy/units/", {"page": 2}).context["page"].object_list) == 1
    assert client.get("/energy/units/", {"page": "abc"}).status_code == 200
