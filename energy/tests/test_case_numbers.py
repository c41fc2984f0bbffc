"""案号 of energy cases: per year from 1 without gaps, taken when the case is planned (立案)."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from energy import rules, services
from energy.choices import CheckItem, Mode, Trigger
from energy.models import InspectionCase
from energy.services import planning
from linggao_mi.casework.models import Series
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.services import case_series_name

from .conftest import days, plan
from .factories import EnergyUnitFactory

SERIES = "case:energy.inspectioncase"


def _written_plan(users, unit):
    return services.inspection_plan(
        actor=users["inspector1"], unit=unit, mode=Mode.WRITTEN, trigger=Trigger.PLAN, planned_date=days(10),
        items=[CheckItem.REPORTING], inspectors=[users["inspector1"]],
    )


@pytest.mark.django_db
def test_planned_cases_of_a_year_are_numbered_one_two_three(users, unit):
    year = timezone.localdate().year
    cases = [plan(users, unit, mode=Mode.WRITTEN) for _ in range(3)]
    assert [(c.year, c.serial) for c in cases] == [(year, 1), (year, 2), (year, 3)]
    assert [c.reference for c in cases] == [f"临工信节监〔{year}〕{n}号" for n in (1, 2, 3)]
    assert case_series_name(InspectionCase) == SERIES
    assert Series.objects.get(name=SERIES, year=year).last == 3


@pytest.mark.django_db
def test_a_plan_refused_after_numbering_gives_the_number_back(users, unit, monkeypatch):
    first = _written_plan(users, unit)

    def refuse(**kwargs):
        raise RuleViolation(rules.TWO_INSPECTORS, "授权时被拒绝")

    monkeypatch.setattr(planning, "case_grant_access", refuse)
    with pytest.raises(RuleViolation):
        _written_plan(users, unit)
    assert InspectionCase.objects.count() == 1
    monkeypatch.undo()
    second = _written_plan(users, unit)
    assert (first.serial, second.serial) == (1, 2)
    assert Series.objects.get(name=SERIES, year=second.year).last == 2


@pytest.mark.django_db(transaction=True)
def test_migration_numbers_existing_cases_per_year_in_id_order(users):
    """Dev databases hold cases from before the 案号 series: they are numbered by year of registration."""
    unit = EnergyUnitFactory(created_by=users["staff"])
    before, after = [("energy", "0003_planned_label")], [("energy", "0005_case_year_serial_required")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    try:
        old = executor.loader.project_state(before).apps
        Case, History = old.get_model("energy", "InspectionCase"), old.get_model("energy", "HistoricalInspectionCase")
        tz = timezone.get_current_timezone()
        # The year is the local (Asia/Shanghai) year of registration, not the UTC year stored.
        registered = [
            datetime.datetime(2025, 12, 31, 23, 30, tzinfo=tz),
            datetime.datetime(2026, 1, 1, 0, 30, tzinfo=tz),  # 2026 locally, still 2025 in UTC
            datetime.datetime(2025, 3, 1, 9, 0, tzinfo=tz),
            datetime.datetime(2026, 2, 1, 9, 0, tzinfo=tz),
        ]
        ids = []
        for at in registered:
            case = Case.objects.create(
                unit_id=unit.pk, section_id=users["inspector1"].profile.section_id,
                created_by_id=users["inspector1"].pk, mode="written", trigger="plan",
                planned_date=datetime.date(2026, 3, 1), state="planned",
            )
            Case.objects.filter(pk=case.pk).update(created_at=at)
            History.objects.create(
                id=case.pk, created_at=at, unit_id=unit.pk, section_id=case.section_id,
                created_by_id=case.created_by_id, mode="written", trigger="plan", state="planned",
                planned_date=case.planned_date, history_date=at, history_type="+",
            )
            ids.append(case.pk)
        executor = MigrationExecutor(connection)
        executor.migrate(after)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    numbered = dict(InspectionCase.objects.filter(pk__in=ids).values_list("pk", "serial"))
    years = dict(InspectionCase.objects.filter(pk__in=ids).values_list("pk", "year"))
    assert [(years[i], numbered[i]) for i in ids] == [(2025, 1), (2026, 1), (2025, 2), (2026, 2)]
    assert set(InspectionCase.history.filter(id__in=ids).values_list("id", "year", "serial")) == {
        (i, years[i], numbered[i]) for i in ids
    }
    assert dict(Series.objects.filter(name=SERIES).values_list("year", "last")) == {2025: 2, 2026: 2}
