import pytest
from django.core.management import call_command

from energy.choices import CaseState
from energy.models import EnergyUnit, InspectionCase

pytestmark = pytest.mark.django_db


def test_demo_data_loads_twice_without_duplicates():
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    assert EnergyUnit.objects.count() == 3
    assert sorted(InspectionCase.objects.values_list("state", flat=True)) == sorted([
        CaseState.PLANNED, CaseState.MATERIALS_RECEIVED, CaseState.NOTICE_PENDING, CaseState.CLOSED,
    ])
