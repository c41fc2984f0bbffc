"""Yearly gap-free series (文号, 案号) and the 案号 of a case: numbered per table and year from 1."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from linggao_mi.casework.models import Series
from linggao_mi.casework.rules import Rule, RuleViolation
from linggao_mi.casework.services import case_create, case_series_name, series_next
from linggao_mi.org.models import Section
from tests.caseapp.models import DemoCase

pytestmark = pytest.mark.django_db

REFUSED = Rule("t-refused", "测试：登记后被规则拒绝", "测试条款")


def test_series_numbers_each_name_and_year_from_one():
    with transaction.atomic():
        assert [series_next(name="t:a", year=2026) for _ in range(3)] == [1, 2, 3]
        assert series_next(name="t:a", year=2027) == 1
        assert series_next(name="t:b", year=2026) == 1
    assert Series.objects.get(name="t:a", year=2026).last == 3


def test_a_rolled_back_transaction_gives_the_series_number_back():
    with pytest.raises(RuntimeError), transaction.atomic():
        assert series_next(name="t:a", year=2026) == 1
        raise RuntimeError("the write that used the number failed")
    with transaction.atomic():
        assert series_next(name="t:a", year=2026) == 1


def test_cases_of_one_year_are_numbered_one_two_three(make_case):
    year = timezone.localdate().year
    cases = [make_case() for _ in range(3)]
    assert [(c.year, c.serial) for c in cases] == [(year, 1), (year, 2), (year, 3)]
    assert [c.reference for c in cases] == [f"测〔{year}〕{n}号" for n in (1, 2, 3)]
    assert str(cases[0]) == f"测〔{year}〕1号"
    assert Series.objects.get(name=case_series_name(DemoCase), year=year).last == 3


def test_a_new_year_starts_again_at_one_whatever_the_ids(make_case, users):
    year = timezone.localdate().year
    # Last year's cases ran to 53; the table's ids run on, the 案号 does not.
    with transaction.atomic():
        for _ in range(53):
            series_next(name=case_series_name(DemoCase), year=year - 1)
    last_years = DemoCase.objects.create(
        section=Section.objects.get(code="industry"), created_by=users["inspector1"], year=year - 1, serial=53
    )
    case = make_case()
    assert case.pk > last_years.pk
    assert (case.year, case.serial, case.reference) == (year, 1, f"测〔{year}〕1号")
    assert last_years.reference == f"测〔{year - 1}〕53号"


def test_a_creation_refused_after_numbering_gives_the_number_back(make_case, users):
    first = make_case()
    section = Section.objects.get(code="industry")
    with pytest.raises(RuleViolation), transaction.atomic():
        refused = case_create(model=DemoCase, actor=users["inspector1"], section=section, state="open")
        assert refused.serial == 2
        raise RuleViolation(REFUSED)
    assert not DemoCase.objects.filter(serial=2).exists()
    second = make_case()
    assert (first.serial, second.serial) == (1, 2)
    assert Series.objects.get(name=case_series_name(DemoCase), year=second.year).last == 2


def test_case_create_records_who_registered_it(make_case, users):
    case = make_case(created_by=users["chief"])
    assert case.created_by == users["chief"] and case.section.code == "industry"


def test_year_and_serial_are_unique_within_a_case_table(make_case, users):
    case = make_case()
    with pytest.raises(IntegrityError), transaction.atomic():
        DemoCase.objects.create(
            section=case.section, created_by=users["inspector1"], year=case.year, serial=case.serial
        )
