"""The demo data: a case at every stage of the three workflows, made through the services, loaded twice without
duplicates (after energy's, whose cases it leaves as they are)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from energy.models import InspectionCase
from inspections.choices import CheckState, ComplaintState, FaultState, LegalReviewState, SupervisionState
from inspections.models import Complaint, DiscretionUse, FaultCase, LegalReview, OversightCheck, SupervisionCase

pytestmark = pytest.mark.django_db


def test_demo_data_puts_a_case_at_every_stage_and_loads_twice():
    call_command("load_demo", verbosity=0)
    energy_cases = InspectionCase.objects.count()
    call_command("load_demo", verbosity=0)
    assert InspectionCase.objects.count() == energy_cases
    assert set(OversightCheck.objects.values_list("state", flat=True)) == {
        CheckState.CHECKING,
        CheckState.RECTIFYING,
        CheckState.CLOSED,
    }
    assert set(SupervisionCase.objects.values_list("state", flat=True)) == {
        SupervisionState.DRAFTING,
        SupervisionState.CORRECTING,
        SupervisionState.REVIEW_APPLIED,
        SupervisionState.COMPLYING,
    }
    assert set(FaultCase.objects.values_list("state", flat=True)) == {FaultState.INVESTIGATING, FaultState.DECIDED}
    assert LegalReview.objects.filter(state=LegalReviewState.PENDING).count() == 1
    assert set(Complaint.objects.values_list("state", flat=True)) == {ComplaintState.RECEIVED, ComplaintState.ANSWERED}
    assert OversightCheck.objects.get(state=CheckState.CHECKING).scores.count() == 1
    energy = ContentType.objects.get_for_model(InspectionCase)
    assert DiscretionUse.objects.filter(content_type=energy).count() == 1  # the fixed-asset demo has its own
