"""三（一）6: a fault case decided with a suspension through 法制审核 and the chief; from its date the person's
certificate no longer counts, so the kit's inspector check refuses them in another regime (energy) the next day."""

import datetime

import pytest

from energy import services as energy
from energy.choices import CheckItem, Mode, Trigger
from energy.tests.factories import EnergyUnitFactory
from inspections import rules, services
from inspections.choices import FaultState, Referral, Sanction
from linggao_mi.casework.rules import INSPECTOR_QUALIFIED, RuleViolation
from linggao_mi.org.choices import CertificateStatus

from .conftest import days, on, pass_and_serve

ONE = datetime.timedelta(days=1)


def fault_case(users, person="inspector2"):
    return services.fault_open(
        actor=users["chief"],
        person=users[person],
        situations=["2", "5"],
        evidence="2026年第3号案卷未告知陈述申辩权利即作出处理",
        inspectors=[users["inspector1"]],
    )


def plan_written(users, who, day):
    return energy.inspection_plan(
        actor=users["inspector1"],
        unit=EnergyUnitFactory(created_by=users["staff"]),
        mode=Mode.WRITTEN,
        trigger=Trigger.PLAN,
        planned_date=day,
        items=[CheckItem.METERING],
        inspectors=[users[who]],
    )


@pytest.mark.django_db
def test_a_suspension_blocks_the_person_from_an_energy_step_from_the_next_day(users):
    case = fault_case(users)
    tomorrow = days(1)
    case = services.decision_draft(
        actor=users["inspector1"],
        case=case,
        sanctions=[Sanction.SUSPEND, Sanction.WRITTEN_REVIEW],
        reasons="程序违法，情节较轻",
        effective_from=tomorrow,
    )
    assert case.state == FaultState.DECIDING
    pass_and_serve(users, case.decision_document, days(0))
    case.refresh_from_db()
    assert case.state == FaultState.DECIDED
    certificate = users["inspector2"].certificates.get()
    assert (certificate.status, certificate.status_from) == (CertificateStatus.SUSPENDED, tomorrow)
    assert certificate.is_valid_on(days(0)) and not certificate.is_valid_on(tomorrow)
    plan_written(users, "inspector2", days(0))  # today the certificate still holds
    with on(tomorrow), pytest.raises(RuleViolation) as caught:
        plan_written(users, "inspector2", tomorrow)
    assert caught.value.rule == INSPECTOR_QUALIFIED
    with on(tomorrow):
        plan_written(users, "inspector1", tomorrow)  # the others are not affected


@pytest.mark.django_db
def test_sanctions_need_reasons_a_date_for_a_suspension_and_legal_review(users):
    case = fault_case(users)
    with pytest.raises(RuleViolation) as caught:
        services.decision_draft(actor=users["inspector1"], case=case, sanctions=[Sanction.REVOKE], reasons="x")
    assert caught.value.rule == rules.SANCTION_DATE
    with pytest.raises(RuleViolation) as caught:
        services.decision_draft(actor=users["inspector1"], case=case, sanctions=[], reasons="x")
    assert caught.value.rule == rules.SANCTIONS_REQUIRED
    case = services.decision_draft(
        actor=users["inspector1"], case=case, sanctions=[Sanction.EDUCATION], reasons="初次，情节轻微"
    )
    with pytest.raises(RuleViolation) as caught:
        pass_and_serve(users, case.decision_document, days(0), legal=False)
    assert caught.value.rule == rules.LEGAL_REVIEW_REQUIRED


@pytest.mark.django_db
def test_a_revocation_and_a_referral_are_recorded(users):
    case = fault_case(users)
    case = services.decision_draft(
        actor=users["inspector1"], case=case, sanctions=[Sanction.REVOKE], reasons="徇私舞弊", effective_from=days(0)
    )
    pass_and_serve(users, case.decision_document, days(0))
    assert users["inspector2"].certificates.get().status == CertificateStatus.REVOKED
    with pytest.raises(RuleViolation):
        services.fault_refer(actor=users["chief"], case=case, referrals=[Referral.DISCIPLINE], note=" ")
    case = services.fault_refer(
        actor=users["chief"], case=case, referrals=[Referral.DISCIPLINE], note="2026年12月2日函送县纪委监委"
    )
    assert case.referrals == [Referral.DISCIPLINE]
    case = services.fault_close(actor=users["chief"], case=case)
    assert case.state == FaultState.CLOSED
