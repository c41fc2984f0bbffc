"""三（五）2: each of the five triggers raised, and not falsely raised, at its boundary."""

import datetime
from decimal import Decimal

import pytest

from energy.fixed_asset import services
from energy.fixed_asset.choices import ChangeKind, ReviewStatus, TriggerCode
from energy.fixed_asset.models import ProjectTrigger
from energy.fixed_asset.rules import RULE_START_WINDOW
from energy.fixed_asset.triggers import consumption_up, start_due
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.deadlines.periods import compute_due

from . import fixed_asset_helpers as h
from .conftest import TODAY

pytestmark = pytest.mark.django_db


def codes(project):
    return set(project.triggers.values_list("code", flat=True))


# ---------------------------------------------------------------- (1) no passed review


def test_started_without_review_is_a_trigger(users):
    day = TODAY() - datetime.timedelta(days=3)
    project = h.project(
        users, review_status=ReviewStatus.NONE, review_passed_on=None, approved_annual_consumption_tce=None,
        review_opinion_number="", construction_started_on=day,
    )
    trigger = project.triggers.get()
    assert (trigger.code, trigger.clause, trigger.since) == (TriggerCode.NO_REVIEW, "三（五）2(1)", day)


def test_started_after_a_failed_review_is_a_trigger(users):
    project = h.project(
        users, review_status=ReviewStatus.FAILED, review_passed_on=None, construction_started_on=TODAY(),
    )
    assert codes(project) == {TriggerCode.NO_REVIEW}


def test_started_the_day_the_review_passed_is_not_a_trigger_the_day_before_is(users):
    passed = TODAY() - datetime.timedelta(days=10)
    same_day = h.project(users, review_passed_on=passed, construction_started_on=passed)
    assert codes(same_day) == set()
    day_before = h.project(users, review_passed_on=passed, construction_started_on=passed - datetime.timedelta(days=1))
    assert codes(day_before) == {TriggerCode.NO_REVIEW}


def test_not_started_without_review_is_not_a_trigger(users):
    project = h.project(users, review_status=ReviewStatus.NONE, review_passed_on=None)
    assert codes(project) == set()


# ---------------------------------------------------------------- (2)(3) recorded by an inspector


def test_below_standard_recorded_with_its_clause(users):
    project = h.project(users, construction_started_on=TODAY() - datetime.timedelta(days=50))
    assert codes(project) == set()
    trigger = services.trigger_record(
        actor=users["inspector1"], project=project, code=TriggerCode.BELOW_STANDARD, since=TODAY(),
        facts="主要用能设备未达到GB 19153能效限定值",
    )
    assert (trigger.clause, trigger.recorded_by) == ("三（五）2(2)", users["inspector1"])
    with pytest.raises(RuleViolation) as refused:
        services.trigger_record(
            actor=users["inspector1"], project=project, code=TriggerCode.BELOW_STANDARD, since=TODAY(), facts="再次"
        )
    assert refused.value.rule.code == "fixed_asset.trigger_already"


def test_falsified_needs_a_registration_and_the_verified_figure(users):
    reviewed = h.project(users)
    with pytest.raises(RuleViolation) as refused:
        services.trigger_record(
            actor=users["inspector1"], project=reviewed, code=TriggerCode.FALSIFIED, since=TODAY(), facts="不符",
            verified_consumption_tce=Decimal("3000"),
        )
    assert refused.value.rule.clause == "三（五）2(3)"
    registered = h.project(users, review_status=ReviewStatus.REGISTERED)
    with pytest.raises(RuleViolation):
        services.trigger_record(
            actor=users["inspector1"], project=registered, code=TriggerCode.FALSIFIED, since=TODAY(), facts="不符"
        )
    trigger = services.trigger_record(
        actor=users["inspector1"], project=registered, code=TriggerCode.FALSIFIED, since=TODAY(),
        facts="登记表填报800吨标准煤，核实为3000吨标准煤", verified_consumption_tce=Decimal("3000"),
    )
    assert trigger.code == TriggerCode.FALSIFIED


def test_computed_triggers_cannot_be_recorded_by_hand(users):
    with pytest.raises(RuleViolation) as refused:
        services.trigger_record(
            actor=users["inspector1"], project=h.project(users), code=TriggerCode.NOT_STARTED, since=TODAY(),
            facts="x",
        )
    assert refused.value.rule.code == "fixed_asset.trigger_not_recorded"


def test_staff_may_not_record_a_finding(users):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.trigger_record(
            actor=users["staff"], project=h.project(users), code=TriggerCode.BELOW_STANDARD, since=TODAY(), facts="x"
        )


# ---------------------------------------------------------------- (4) not started within two years


def test_two_years_are_counted_as_the_portal_counts_periods(users):
    passed = datetime.date(2024, 3, 1)
    # The day of passing not counted; the corresponding day two years on; a rest day moves to the next working day.
    assert start_due(passed) == compute_due(passed, 2, "years").due
    assert compute_due(passed, 2, "years").nominal == datetime.date(2026, 3, 1)  # a Sunday
    assert start_due(passed) == datetime.date(2026, 3, 2)


def test_not_started_exactly_at_two_years(users):
    passed = TODAY() - datetime.timedelta(days=800)
    project = h.project(users, review_passed_on=passed, at=passed + datetime.timedelta(days=10))
    due = start_due(passed)
    assert services.triggers_detect(today=due) == []
    assert codes(project) == set()
    assert services.triggers_detect(today=due + datetime.timedelta(days=1)) == [project.pk]
    trigger = project.triggers.get()
    assert (trigger.code, trigger.clause, trigger.since) == (
        TriggerCode.NOT_STARTED, "三（五）2(4)", due + datetime.timedelta(days=1),
    )
    assert services.triggers_detect(today=due + datetime.timedelta(days=2)) == []  # found once
    assert ProjectTrigger.objects.count() == 1


def test_started_on_the_last_day_is_in_time_a_day_later_is_not(users):
    passed = TODAY() - datetime.timedelta(days=900)
    due = start_due(passed)
    in_time = h.project(users, review_passed_on=passed, construction_started_on=due)
    late = h.project(users, review_passed_on=passed, construction_started_on=due + datetime.timedelta(days=1))
    assert codes(in_time) == set()
    assert codes(late) == {TriggerCode.NOT_STARTED}


def test_the_period_follows_its_rule_as_configured(users):
    from linggao_mi.deadlines.models import DeadlineRule

    DeadlineRule.objects.filter(code=RULE_START_WINDOW).update(amount=3)
    passed = datetime.date(2024, 3, 1)
    assert start_due(passed) == compute_due(passed, 3, "years").due


# ---------------------------------------------------------------- (5) consumption up 20% or more


@pytest.mark.parametrize(
    ("approved", "expected", "up"),
    [
        ("1000.00", "1200.00", True),  # exactly 20.00%
        ("1000.00", "1199.90", False),  # 19.99%
        ("1000.00", "1199.99", False),  # 19.999%: not rounded up
        ("333.33", "399.996", True),  # 20.00% of a figure that does not divide evenly
        ("333.33", "399.99", False),
        ("1000.00", "800.00", False),
    ],
)
def test_consumption_up_boundary(approved, expected, up):
    assert consumption_up(Decimal(approved), Decimal(expected)) is up


def test_a_change_of_exactly_twenty_percent_raises_the_trigger(users):
    project = h.project(users)
    services.project_change_record(
        actor=users["staff"], project=project, kind=ChangeKind.SCALE, description="产能由10万吨扩至11.999万吨",
        expected_annual_consumption_tce=Decimal("1199.90"),
    )
    assert codes(project) == set()
    services.project_change_record(
        actor=users["staff"], project=project, kind=ChangeKind.SCHEME, description="窑炉方案调整",
        expected_annual_consumption_tce=Decimal("1200.00"),
    )
    trigger = project.triggers.get()
    assert (trigger.code, trigger.clause, trigger.since) == (TriggerCode.CONSUMPTION_UP, "三（五）2(5)", TODAY())
    assert "增加20.00%" in trigger.facts
    assert project.changes.count() == 2  # the whole history kept


def test_a_change_needs_an_approved_figure(users):
    project = h.project(users, review_status=ReviewStatus.NONE, review_passed_on=None,
                        approved_annual_consumption_tce=None)
    with pytest.raises(RuleViolation) as refused:
        services.project_change_record(
            actor=users["staff"], project=project, kind=ChangeKind.SCALE, description="扩建",
            expected_annual_consumption_tce=Decimal("10"),
        )
    assert refused.value.rule.clause == "三（五）2(5)"


def test_owner_must_be_a_registered_unit(users):
    with pytest.raises(RuleViolation) as refused:
        services.project_create(
            actor=users["staff"], owner_credit_code="91469028MA5TDE0M1X", name="x", review_passed_on=TODAY(),
            approved_annual_consumption_tce=Decimal("1"),
        )
    assert refused.value.rule.code == "fixed_asset.owner_not_registered"


def test_a_refused_project_leaves_nothing(users):
    from energy.fixed_asset.models import FixedAssetProject
    from linggao_mi.deadlines.models import Deadline

    with pytest.raises(RuleViolation):
        h.project(users, review_passed_on=None)  # passed, without its date
    assert not FixedAssetProject.objects.exists() and not Deadline.objects.exists()
