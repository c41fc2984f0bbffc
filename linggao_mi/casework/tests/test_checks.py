"""The checks every regime's steps share (casework.checks): the dates a step records and the staff it assigns."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.utils import timezone

from linggao_mi.casework.checks import EARLIEST, check_date, check_inspectors
from linggao_mi.casework.rules import (
    DATE_OUT_OF_RANGE,
    INSPECTOR_QUALIFIED,
    INSPECTORS_DISTINCT,
    LATE_ENTRY_REASON,
    Rule,
)
from linggao_mi.org.choices import CertificateStatus, Role
from linggao_mi.org.models import Section
from tests.caseapp.models import DemoCase
from tests.factories import CertificateFactory, UserFactory
from tests.rules import refused

pytestmark = pytest.mark.django_db

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
TWO = Rule("demo.two", "须由2名以上执法人员进行", "测试条款 5(3)")
ONE_DAY = datetime.timedelta(days=1)



# ---------------------------------------------------------------- check_date


@pytest.fixture
def today():
    return timezone.localdate()


def test_dates_from_2000_to_today_are_taken(today):
    assert EARLIEST == datetime.date(2000, 1, 1)
    for day in (EARLIEST, datetime.date(2015, 6, 30), today):
        assert check_date(day, "收到日期") is False


@pytest.mark.parametrize(
    "day", [datetime.date(1, 1, 1), datetime.date(1999, 12, 31), "tomorrow", datetime.date(9999, 12, 31)]
)
def test_dates_out_of_range_are_refused(today, day):
    day = today + ONE_DAY if day == "tomorrow" else day
    exc = refused(DATE_OUT_OF_RANGE, check_date, day, "收到日期")
    assert exc.detail == f"收到日期为{day:%Y-%m-%d}"


def test_a_missing_date_is_refused():
    exc = refused(DATE_OUT_OF_RANGE, check_date, None, "核查日期")
    assert exc.detail == "请填写核查日期"


def test_a_datetime_counts_by_its_day_in_lingao():
    # 23:30 UTC on 30 June is 07:30 on 1 July in Lingao
    with time_machine.travel(datetime.datetime(2026, 6, 30, 23, 0, tzinfo=datetime.UTC), tick=False):
        assert timezone.localdate() == datetime.date(2026, 7, 1)
        assert check_date(datetime.datetime(2026, 6, 30, 23, 30, tzinfo=datetime.UTC), "监察时间") is False
        assert check_date(datetime.datetime(2026, 7, 1, 8, 0, tzinfo=SHANGHAI), "监察时间") is False
        # 16:30 UTC on 1 July is already 2 July in Lingao: tomorrow
        tomorrow = datetime.datetime(2026, 7, 1, 16, 30, tzinfo=datetime.UTC)
        exc = refused(DATE_OUT_OF_RANGE, check_date, tomorrow, "监察时间")
        assert "2026-07-02" in exc.detail


@pytest.fixture
def registered(case):
    """A case registered (created) on a known day: 2026-06-15, 10:00 in Lingao."""
    at = datetime.datetime(2026, 6, 15, 10, tzinfo=SHANGHAI)
    DemoCase.objects.filter(pk=case.pk).update(created_at=at)
    return DemoCase.objects.get(pk=case.pk)


def test_a_date_before_registration_needs_a_late_reason(registered):
    with time_machine.travel(datetime.datetime(2026, 6, 20, 10, tzinfo=SHANGHAI), tick=False):
        for reason in ("", "  \n"):
            exc = refused(LATE_ENTRY_REASON, check_date, datetime.date(2026, 6, 14), "监察时间", case=registered,
                          late_reason=reason)
            assert exc.detail == "监察时间2026年6月14日早于立案日期2026年6月15日"
        assert check_date(datetime.date(2026, 6, 14), "监察时间", case=registered, late_reason="系统故障后补录") is True
        # the day of registration and after are no late entry
        assert check_date(datetime.date(2026, 6, 15), "监察时间", case=registered) is False
        assert check_date(datetime.date(2026, 6, 20), "监察时间", case=registered) is False
        # a range refusal comes first, reason or not
        refused(DATE_OUT_OF_RANGE, check_date, datetime.date(1999, 1, 1), "监察时间", case=registered,
                late_reason="补录")
        refused(DATE_OUT_OF_RANGE, check_date, datetime.date(2026, 6, 21), "监察时间", case=registered,
                late_reason="补录")


def test_registration_is_counted_in_lingao_time(registered):
    # registered at 01:00 on 16 June in Lingao, which is still 15 June in UTC
    DemoCase.objects.filter(pk=registered.pk).update(
        created_at=datetime.datetime(2026, 6, 15, 17, tzinfo=datetime.UTC)
    )
    case = DemoCase.objects.get(pk=registered.pk)
    with time_machine.travel(datetime.datetime(2026, 6, 20, 10, tzinfo=SHANGHAI), tick=False):
        refused(LATE_ENTRY_REASON, check_date, datetime.date(2026, 6, 15), "监察时间", case=case)
        assert check_date(datetime.date(2026, 6, 16), "监察时间", case=case) is False


def test_a_datetime_before_registration_is_a_late_entry(registered):
    with time_machine.travel(datetime.datetime(2026, 6, 20, 10, tzinfo=SHANGHAI), tick=False):
        started = datetime.datetime(2026, 6, 14, 9, tzinfo=SHANGHAI)
        refused(LATE_ENTRY_REASON, check_date, started, "监察时间", case=registered)
        assert check_date(started, "监察时间", case=registered, late_reason="补录") is True


def test_an_unsaved_case_has_no_registration_day(today):
    assert check_date(today - ONE_DAY * 30, "收到日期", case=DemoCase()) is False


# ---------------------------------------------------------------- check_inspectors


@pytest.fixture
def industry(users):
    return Section.objects.get(code="industry")


@pytest.fixture
def day(today):
    return today + datetime.timedelta(days=10)


def test_distinct_certified_members_are_taken_with_their_certificates(users, industry, day):
    i1, i2 = users["inspector1"], users["inspector2"]
    certificates = check_inspectors([i1, i2], day, section=industry, minimum=2, rule=TWO)
    assert set(certificates) == {i1.pk, i2.pk}
    assert certificates[i1.pk].holder == i1 and certificates[i2.pk].holder == i2


def test_the_certificate_valid_longest_is_the_one_returned(users, industry, day):
    i1 = users["inspector1"]
    longer = CertificateFactory(holder=i1, valid_to=day + datetime.timedelta(days=3000))
    assert check_inspectors([i1], day, section=industry)[i1.pk] == longer


def test_duplicates_are_refused_before_anything_else(users, industry, day):
    i1, staff = users["inspector1"], users["staff"]
    refused(INSPECTORS_DISTINCT, check_inspectors, [i1, i1], day, section=industry, minimum=2, rule=TWO)
    refused(INSPECTORS_DISTINCT, check_inspectors, [staff, staff], day, section=industry)


def test_a_member_without_a_certificate_is_refused_by_name(users, industry, day):
    staff = users["staff"]
    exc = refused(INSPECTOR_QUALIFIED, check_inspectors, [users["inspector1"], staff], day, section=industry)
    assert staff.get_full_name() in exc.detail and "工业股" in exc.detail
    assert users["inspector1"].get_full_name() not in exc.detail


def test_a_certified_inspector_of_another_section_is_refused(users, industry, day):
    other = UserFactory(role=Role.INSPECTOR, section=Section.objects.get(code="sme"))
    CertificateFactory(holder=other)
    refused(INSPECTOR_QUALIFIED, check_inspectors, [users["inspector1"], other], day, section=industry)
    assert check_inspectors([other], day, section=Section.objects.get(code="sme"))


def test_the_sections_chief_counts_as_its_member(users, industry, day):
    other = UserFactory(role=Role.INSPECTOR, section=Section.objects.get(code="sme"))
    CertificateFactory(holder=other)
    industry.chief = other
    industry.save()
    assert other.pk in check_inspectors([other], day, section=industry)
    chief = users["chief"]  # a member of 工业股, but without a certificate
    refused(INSPECTOR_QUALIFIED, check_inspectors, [chief], day, section=Section.objects.get(code="industry"))


@pytest.mark.parametrize(
    ("valid_from", "valid_to", "status", "taken"),
    [
        (-100, 0, CertificateStatus.VALID, True),  # its last day
        (0, 100, CertificateStatus.VALID, True),  # its first day
        (-100, -1, CertificateStatus.VALID, False),  # expired the day before
        (1, 100, CertificateStatus.VALID, False),  # not yet valid
        (-100, 100, CertificateStatus.SUSPENDED, False),
        (-100, 100, CertificateStatus.REVOKED, False),
    ],
    ids=["last-day", "first-day", "expired", "not-yet", "suspended", "revoked"],
)
def test_the_certificate_must_be_valid_on_that_day(users, industry, day, valid_from, valid_to, status, taken):
    inspector = UserFactory(role=Role.INSPECTOR)
    CertificateFactory(
        holder=inspector, valid_from=day + datetime.timedelta(days=valid_from),
        valid_to=day + datetime.timedelta(days=valid_to), status=status,
    )
    if taken:
        assert inspector.pk in check_inspectors([inspector], day, section=industry)
    else:
        exc = refused(INSPECTOR_QUALIFIED, check_inspectors, [inspector], day, section=industry)
        assert f"{day.year}年{day.month}月{day.day}日" in exc.detail


def test_the_minimum_with_the_regimes_rule(users, industry, day):
    i1 = users["inspector1"]
    exc = refused(TWO, check_inspectors, [i1], day, section=industry, minimum=2, rule=TWO)
    assert "1名" in exc.detail
    refused(INSPECTOR_QUALIFIED, check_inspectors, [i1], day, section=industry, minimum=2)
    refused(INSPECTOR_QUALIFIED, check_inspectors, [], day, section=industry)  # minimum 1 by default
    assert check_inspectors([i1], day, section=industry) == check_inspectors([i1], day, section=industry, minimum=1)


def test_qualification_is_checked_before_the_number(users, industry, day):
    refused(INSPECTOR_QUALIFIED, check_inspectors, [users["staff"]], day, section=industry, minimum=2, rule=TWO)
