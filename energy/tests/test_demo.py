"""The demo data (`manage.py load_demo`): a case at every stage of the workflow, made through the services on the
days each step happened, so that the next step of each can be taken today (the README's try-out path); loaded twice
without duplicates or changes."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone

from energy import services
from energy.choices import CaseState, ExtensionState, Mode, Outcome
from energy.demo import DEMO_STAGES
from energy.models import EnergyUnit, InspectionCase
from energy.workflow import WORKFLOW
from linggao_mi.casework.models import CaseEvent, of_case
from linggao_mi.deadlines.choices import DeadlineState
from linggao_mi.documents.choices import DocumentState
from linggao_mi.documents.models import OfficialDocument

pytestmark = pytest.mark.django_db


def _snapshot():
    return (
        list(InspectionCase.objects.order_by("pk").values_list("pk", "state", "updated_at")),
        CaseEvent.objects.count(),
        list(OfficialDocument.objects.order_by("pk").values_list("pk", "state", "number")),
        EnergyUnit.objects.count(),
    )


@pytest.fixture
def stages():
    call_command("load_demo", verbosity=0)
    cases = list(InspectionCase.objects.order_by("serial"))
    assert len(cases) == len(DEMO_STAGES)
    return dict(zip(DEMO_STAGES, cases, strict=True))


def open_now(case, step: str) -> bool:
    return WORKFLOW[step].blocker(InspectionCase.objects.get(pk=case.pk)) is None


def test_loading_twice_changes_nothing(stages):
    before = _snapshot()
    call_command("load_demo", verbosity=0)
    assert _snapshot() == before
    assert EnergyUnit.objects.count() == 5
    assert [c.serial for c in stages.values()] == list(range(1, 13))


def test_every_case_was_registered_on_its_own_day_and_nothing_is_a_late_entry(stages):
    today = timezone.localdate()
    registered = [timezone.localdate(c.created_at) for c in stages.values()]
    assert registered == sorted(registered) and registered[0] < registered[-1] < today
    energy_events = CaseEvent.objects.filter(content_type=ContentType.objects.get_for_model(InspectionCase))
    assert energy_events.exists() and not energy_events.exclude(late_reason="").exists()


def test_the_states_the_readme_names(stages):
    assert {stage: case.state for stage, case in stages.items()} == {
        "closed": CaseState.CLOSED,
        "overdue": CaseState.RECTIFYING,
        "extension_pending": CaseState.RECTIFYING,
        "reported": CaseState.REPORTED,
        "extension_window": CaseState.RECTIFYING,
        "materials_received": CaseState.MATERIALS_RECEIVED,
        "notified": CaseState.NOTIFIED,
        "returned": CaseState.NOTICE_PENDING,
        "proposed": CaseState.OUTCOME_PROPOSED,
        "awaiting_approval": CaseState.NOTICE_PENDING,
        "to_close": CaseState.TO_CLOSE,
        "notice_submitted": CaseState.PLANNED,
    }


def test_each_next_step_can_be_taken_today(stages):
    today = timezone.localdate()
    # the notice was served 10 days ago: the 7 days' lead has run, the 笔录 may be filed today
    notified = stages["notified"]
    assert (today - notified.notice_served_on).days == 10 and notified.planned_date == today
    assert open_now(notified, "record_file")
    # its planned date was corrected by a recorded step, which the timeline shows with the old and new dates
    correction = CaseEvent.objects.filter(of_case(notified)).get(step="plan_correct")
    assert "更正为" in correction.reason
    assert open_now(stages["materials_received"], "outcome_decide")
    assert stages["materials_received"].mode == Mode.WRITTEN
    assert stages["proposed"].outcome == Outcome.DIRECT_PENALTY and open_now(stages["proposed"], "outcome_confirm")
    assert open_now(stages["to_close"], "close")
    assert open_now(stages["reported"], "verify")
    # inside the window of 三（四）6(6): a request received today is in time
    start, end = services.extension_window(stages["extension_window"])
    assert start <= today <= end and open_now(stages["extension_window"], "extension_request")
    pending = stages["extension_pending"].extensions.get()
    assert pending.state == ExtensionState.PENDING and pending.decision_deadline.due >= today
    assert open_now(stages["extension_pending"], "extension_decide")
    # overdue: the period ran out, the daily run marked it, and the chief may decide the referral
    overdue = stages["overdue"].rectification_deadline
    assert overdue.due < today and overdue.state == DeadlineState.OVERDUE
    assert open_now(stages["overdue"], "escalate")


def test_the_documents_stand_where_the_readme_says(stages):
    assert stages["notice_submitted"].notice_document.state == DocumentState.SUBMITTED
    assert stages["awaiting_approval"].outcome_document.state == DocumentState.SUBMITTED
    returned = stages["returned"].outcome_document
    assert returned.state == DocumentState.RETURNED and returned.return_reason
    for stage in ("closed", "extension_pending", "overdue", "reported", "extension_window"):
        assert stages[stage].outcome_document.state == DocumentState.SERVED
    assert stages["proposed"].recommendations.get().department.name == "县发改委"
    assert stages["closed"].closed_on is not None
