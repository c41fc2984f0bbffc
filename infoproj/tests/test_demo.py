"""The demo data puts an IT project at every stage of its workflow, through the services, and a second run adds
nothing."""

import pytest
from django.core.management import call_command

from infoproj.choices import BriefingState, KeyProjectState, PlanState, ProjectState
from infoproj.models import Briefing, ITProject, KeyProject, PlanFiling, TenderAnnouncement

pytestmark = pytest.mark.django_db


def test_demo_stands_at_every_stage_and_reruns_add_nothing():
    call_command("load_demo", verbosity=0)
    counts = [model.objects.count() for model in (ITProject, KeyProject, PlanFiling, Briefing)]
    call_command("load_demo", verbosity=0)
    assert [model.objects.count() for model in (ITProject, KeyProject, PlanFiling, Briefing)] == counts
    assert set(ITProject.objects.values_list("state", flat=True)) == set(ProjectState.values)
    assert set(KeyProject.objects.values_list("state", flat=True)) == set(KeyProjectState.values)
    assert set(Briefing.objects.values_list("state", flat=True)) == set(BriefingState.values)
    assert set(PlanFiling.objects.values_list("state", flat=True)) == set(PlanState.values)
    assert ITProject.objects.filter(plan__isnull=True).exists()  # one outside the plan
    assert TenderAnnouncement.objects.filter(published_on__isnull=False).count() >= 3
    assert all(case.section.code == "it" for case in ITProject.objects.select_related("section"))
