"""The demo data (`manage.py load_demo`): three units and a case at each stage a newcomer meets first, made through
the services (so each stands where a user would have put it), loaded twice without duplicates."""

import pytest
from django.core.management import call_command

from energy.choices import CaseState, Mode, Outcome
from energy.models import EnergyUnit, InspectionCase
from linggao_mi.documents.choices import DocumentState

pytestmark = pytest.mark.django_db


def test_demo_data_loads_twice_without_duplicates():
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    assert EnergyUnit.objects.count() == 3
    cases = {c.state: c for c in InspectionCase.objects.order_by("serial")}
    assert sorted(cases) == sorted([
        CaseState.PLANNED, CaseState.MATERIALS_RECEIVED, CaseState.NOTICE_PENDING, CaseState.OUTCOME_PROPOSED,
        CaseState.RECTIFYING, CaseState.TO_CLOSE,
    ])
    assert [c.serial for c in InspectionCase.objects.order_by("serial")] == [1, 2, 3, 4, 5, 6]

    # a 节能监察通知书 awaiting the chief's approval
    assert cases[CaseState.PLANNED].notice_document.state == DocumentState.SUBMITTED
    # a written inspection: notice served, the unit's materials in, kept as a file
    written = cases[CaseState.MATERIALS_RECEIVED]
    assert written.mode == Mode.WRITTEN and written.notice_document.state == DocumentState.SERVED
    assert written.materials_paper and written.materials_electronic
    # a 限期整改通知书 awaiting approval, its delivery deadline running
    pending = cases[CaseState.NOTICE_PENDING]
    assert pending.outcome_document.state == DocumentState.SUBMITTED and pending.delivery_deadline is not None
    assert pending.site_record.inspectors and pending.inspectors.count() == 2
    # a referral proposed by the inspector for the chief, naming a department of the list
    proposed = cases[CaseState.OUTCOME_PROPOSED]
    assert proposed.outcome == Outcome.DIRECT_PENALTY
    assert proposed.recommendations.get().department.name == "县发改委"
    assert proposed.findings.filter(punishable=True).exists()
    # in 限期整改: the notice served today, the period of the months chosen running from today
    rectifying = cases[CaseState.RECTIFYING]
    assert rectifying.outcome_document.state == DocumentState.SERVED
    assert rectifying.rectification_deadline.start == rectifying.outcome_document.served_on
    assert rectifying.rectification_deadline.amount == rectifying.rectification_months == 2
    # found in order, for the chief to close
    assert cases[CaseState.TO_CLOSE].outcome == Outcome.NONE and cases[CaseState.TO_CLOSE].outcome_document is None
