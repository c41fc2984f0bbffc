"""The factories make what the services would: a planned case its inspectors see in their list."""

import pytest
from django.urls import reverse

from energy.choices import CaseState, Mode
from energy.validators import validate_credit_code
from linggao_mi.casework.rules import INSPECTOR_QUALIFIED, RuleViolation
from linggao_mi.org.choices import Role
from linggao_mi.org.models import Section
from tests.factories import UserFactory

from .factories import EnergyUnitFactory, InspectionCaseFactory

pytestmark = pytest.mark.django_db


def test_units_have_distinct_valid_credit_codes():
    first, second = EnergyUnitFactory(), EnergyUnitFactory()
    for unit in (first, second):
        validate_credit_code(unit.credit_code)
    assert first.credit_code != second.credit_code


def test_a_case_is_planned_and_listed_for_its_inspector(client):
    cases = [InspectionCaseFactory() for _ in range(3)]  # each by a certified inspector of 工业股
    assert all(c.state == CaseState.PLANNED and c.mode == Mode.WRITTEN for c in cases)
    inspector = cases[0].inspectors.get()
    assert cases[0].findings.count() == 2 and cases[0].created_by == inspector
    assert inspector.certificates.valid_on(cases[0].planned_date).exists()
    cases += [InspectionCaseFactory(inspectors=[inspector]) for _ in range(2)]
    client.force_login(inspector)
    page = client.get(reverse("energy:case_list")).content.decode()
    assert all(c.reference in page for c in cases)  # its own, and its section's (members of 工业股 see them)
    client.force_login(UserFactory(role=Role.INSPECTOR, section=Section.objects.exclude(code="industry").first()))
    assert cases[0].reference not in client.get(reverse("energy:case_list")).content.decode()


def test_an_uncertified_inspector_cannot_be_assigned():
    with pytest.raises(RuleViolation) as info:
        InspectionCaseFactory(inspectors=[UserFactory(role=Role.INSPECTOR)])
    assert info.value.rule is INSPECTOR_QUALIFIED


def test_an_onsite_case_for_two_certified_inspectors(users, unit):
    case = InspectionCaseFactory(unit=unit, mode=Mode.ONSITE, inspectors=[users["inspector1"], users["inspector2"]])
    assert case.mode == Mode.ONSITE and set(case.inspectors.all()) == {users["inspector1"], users["inspector2"]}
