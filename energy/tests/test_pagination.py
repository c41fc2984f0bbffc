"""The energy lists page their rows (50 a page) and keep the filters across pages."""

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

    first = client.get("/energy/cases/", {"unit": unit.pk, "state": state})
    assert len(first.context["page"].object_list) == 50
    assert first.context["page"].paginator.count == 55
    body = first.content.decode()
    assert f"?unit={unit.pk}&amp;state={state}&amp;page=2" in body and "第1/2页（共55条）" in body

    second = client.get("/energy/cases/", {"unit": unit.pk, "state": state, "page": 2})
    assert len(second.context["page"].object_list) == 5
    shown = {c.pk for c in first.context["page"].object_list} | {c.pk for c in second.context["page"].object_list}
    assert len(shown) == 55


def test_unit_list_pages_by_fifty(client, users):
    for _ in range(51):
        EnergyUnitFactory()
    client.force_login(users["staff"])
    assert len(client.get("/energy/units/").context["page"].object_list) == 50
    assert len(client.get("/energy/units/", {"page": 2}).context["page"].object_list) == 1
    assert client.get("/energy/units/", {"page": "abc"}).status_code == 200
