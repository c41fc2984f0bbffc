"""Tendering (三（八）): the award notice and announcement within 2 working days of the winner being determined, counted
on the working-day calendar across the National Day holiday; an announcement refused for each missing field, naming
it; the documents published with it."""

import datetime
from decimal import Decimal

import pytest

from infoproj import rules, services
from infoproj.choices import ProjectState
from infoproj.models import AnnouncementItem, ITProject, TenderAnnouncement
from infoproj.services import ItemInput
from infoproj.services.tendering import ANNOUNCEMENT_FIELDS, ITEM_FIELDS
from linggao_mi.deadlines.choices import DeadlineState
from linggao_mi.deadlines.models import DeadlineRule
from tests.rules import refused

from .conftest import FIELDS, ITEMS, TODAY, to_award, to_tendering

pytestmark = pytest.mark.django_db

EVE = datetime.date(2026, 9, 30)  # the working day before the National Day holiday (10-01 to 10-07)


def fresh(case):
    return ITProject.objects.get(pk=case.pk)


def test_the_period_is_a_rule_of_two_working_days_citing_its_clause():
    rule = DeadlineRule.objects.get(code=rules.RULE_AWARD_ANNOUNCEMENT)
    assert (rule.amount, rule.unit, rule.citation) == (2, "workdays", "三（八）5(2)")


def test_two_working_days_from_national_day_eve_end_on_october_9(it):
    case = to_award(it["staff"], determined_on=EVE)
    deadline = case.award_deadline
    # 10-01..10-07 are holidays; 10-08 is the first working day, 10-09 the second (not 10-02 by the calendar).
    assert (deadline.start, deadline.due, deadline.provisional) == (EVE, datetime.date(2026, 10, 9), False)
    published = services.announcement_publish(
        actor=it["staff"], case=case, notice_sent_on=datetime.date(2026, 10, 8), published_on=datetime.date(2026, 10, 9)
    )
    deadline.refresh_from_db()
    assert published.state == ProjectState.IMPLEMENTING
    assert deadline.state == DeadlineState.MET
    assert (deadline.closed_on, deadline.met_late) == (datetime.date(2026, 10, 9), False)


def test_published_on_the_make_up_saturday_is_late_and_needs_its_reason(it):
    case = to_award(it["staff"], determined_on=EVE)
    saturday = datetime.date(2026, 10, 10)  # a make-up working day, the third working day after the eve
    refused(rules.ANNOUNCEMENT_LATE_REASON, services.announcement_publish, actor=it["staff"], case=case,
            notice_sent_on=saturday, published_on=saturday)
    assert fresh(case).state == ProjectState.AWARD_PENDING
    services.announcement_publish(actor=it["staff"], case=fresh(case), notice_sent_on=saturday, published_on=saturday,
                                  late_reason="代理机构节后交接延误")
    deadline = fresh(case).award_deadline
    assert deadline.state == DeadlineState.MET and deadline.met_late


def test_neither_date_may_precede_the_winner(it):
    case = to_award(it["staff"], determined_on=EVE)
    refused(rules.AWARD_NOTICE, services.announcement_publish, actor=it["staff"], case=case,
            notice_sent_on=EVE - datetime.timedelta(days=1), published_on=EVE)


@pytest.mark.parametrize("field", ANNOUNCEMENT_FIELDS + ["experts"])
def test_an_announcement_missing_a_field_is_refused_naming_it(it, field):
    fields = dict(FIELDS)
    fields[field] = None if field == "winner_amount" else ""
    case = to_award(it["staff"], fields=fields)
    if field in ("purchaser_name", "project_title"):  # filled from the project when the winner is recorded
        case = services.announcement_edit(actor=it["staff"], case=case, fields={field: ""})
    exc = refused(rules.ANNOUNCEMENT_FIELDS, services.announcement_publish, actor=it["staff"], case=fresh(case),
                  notice_sent_on=TODAY(), published_on=TODAY())
    label = str(TenderAnnouncement._meta.get_field(field).verbose_name)
    assert exc.detail == f"缺少{label}"
    assert not TenderAnnouncement.objects.get(project=case).is_published
    assert fresh(case).state == ProjectState.AWARD_PENDING


@pytest.mark.parametrize("field", ITEM_FIELDS)
def test_an_item_missing_a_field_is_refused_naming_it(it, field):
    values = {f: getattr(ITEMS[0], f) for f in ITEM_FIELDS}
    values[field] = None if field == "unit_price" else " "
    case = to_award(it["staff"], items=[ITEMS[0], ItemInput(**values)])
    exc = refused(rules.ANNOUNCEMENT_FIELDS, services.announcement_publish, actor=it["staff"], case=case,
                  notice_sent_on=TODAY(), published_on=TODAY())
    assert exc.detail == f"缺少第2项标的的{AnnouncementItem._meta.get_field(field).verbose_name}"


def test_without_items_or_documents_it_is_refused(it):
    case = to_tendering(it["staff"])
    case = services.winner_determine(actor=it["staff"], case=case, determined_on=TODAY(),
                                     fields=dict(FIELDS), items=[])
    day = case.announcement.winner_determined_on
    exc = refused(rules.ANNOUNCEMENT_FIELDS, services.announcement_publish, actor=it["staff"], case=case,
                  notice_sent_on=day, published_on=day)
    assert exc.detail == "缺少主要中标（成交）标的"
    case = services.announcement_edit(actor=it["staff"], case=fresh(case), fields={}, items=ITEMS)
    refused(rules.ANNOUNCEMENT_DOCUMENTS, services.announcement_publish, actor=it["staff"], case=case,
            notice_sent_on=day, published_on=day)


def test_every_missing_field_is_named_at_once(it):
    case = to_tendering(it["staff"])
    case = services.winner_determine(actor=it["staff"], case=case, determined_on=TODAY())
    day = case.announcement.winner_determined_on
    exc = refused(rules.ANNOUNCEMENT_FIELDS, services.announcement_publish, actor=it["staff"], case=case,
                  notice_sent_on=day, published_on=day)
    labels = ("采购人地址", "采购代理机构名称", "项目编号", "中标（成交）金额（元）", "主要中标（成交）标的",
              "评审专家名单")
    for label in labels:
        assert label in exc.detail
    assert "采购人名称" not in exc.detail  # the project's owner


def test_the_winner_amount_is_kept_exactly(it):
    case = to_award(it["staff"])
    assert case.announcement.winner_amount == Decimal("3650000.00")
