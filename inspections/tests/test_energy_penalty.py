"""Energy inspection's referral for penalty uses the discretion catalogue: the suggested penalty is checked against
the circumstance's range before anything is written, kept with the case, and goes with a returned proposal."""

import dataclasses

import pytest

from energy import services as energy
from energy.choices import Outcome
from energy.tests.conftest import on, onsite_recorded, referral, violation_findings
from energy.tests.factories import EnergyUnitFactory
from inspections import rules
from inspections.models import DiscretionStandard, DiscretionUse
from inspections.services import PenaltyInput
from linggao_mi.casework.rules import RuleViolation


def _penalty(amount):
    circumstance = DiscretionStandard.objects.get(article="第七十一条").circumstances.get(kind="general")
    return PenaltyInput(circumstance, amount, "使用淘汰电动机2台，无从轻、从重情节")


@pytest.mark.django_db
def test_a_referral_carries_a_penalty_from_the_catalogue_and_a_refusal_writes_nothing(users):
    case = onsite_recorded(users, EnergyUnitFactory(created_by=users["staff"]), violation_findings(punishable=True))
    with on(case.planned_date), pytest.raises(RuleViolation) as caught:
        energy.outcome_propose(
            actor=users["inspector1"],
            case=case,
            outcome=Outcome.DIRECT_PENALTY,
            ended_on=case.planned_date,
            recommendation=dataclasses.replace(referral(), discretion=_penalty(5000)),
        )
    assert caught.value.rule == rules.AMOUNT_NOT_ALLOWED  # 第七十一条 sets no fine
    assert not DiscretionUse.objects.exists() and not case.recommendations.exists()
    with on(case.planned_date):
        case = energy.outcome_propose(
            actor=users["inspector1"],
            case=case,
            outcome=Outcome.DIRECT_PENALTY,
            ended_on=case.planned_date,
            recommendation=dataclasses.replace(referral(), discretion=_penalty(None)),
        )
    use = DiscretionUse.objects.get()
    assert use.case == case and use.standard.article == "第七十一条" and use.reasons.startswith("使用淘汰电动机")
    case = energy.outcome_return(actor=users["chief"], case=case, reasons="请补充证据")
    assert not DiscretionUse.objects.exists()
