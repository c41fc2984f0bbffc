"""The three matters of 三（五）2 the portal finds by itself, from the recorded dates and figures (pure functions
over a project; services.projects stores what they find). The other two (2)(3) are an inspector's finding."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from linggao_mi.deadlines.periods import ONE_DAY, cn_date, compute_due
from linggao_mi.deadlines.services import rule_get

from . import rules
from .choices import ReviewStatus, TriggerCode
from .models import FixedAssetProject


@dataclass(frozen=True)
class Found:
    code: TriggerCode
    since: datetime.date
    facts: str

    @property
    def clause(self) -> str:
        return rules.TRIGGER_CLAUSES[self.code]


def increase_share(approved: Decimal, expected: Decimal) -> Decimal:
    """(expected − approved) / approved, exact (Decimal); the caller compares it with the 20% of 三（五）2(5)."""
    return (Decimal(expected) - Decimal(approved)) / Decimal(approved)


def consumption_up(approved: Decimal, expected: Decimal) -> bool:
    """20.00% or more up is a trigger, 19.99% is not: compared exactly, without rounding."""
    return Decimal(expected) - Decimal(approved) >= rules.CONSUMPTION_UP_SHARE * Decimal(approved)


def start_due(review_passed_on: datetime.date) -> datetime.date:
    """The last day construction may start on: two years (the rule's period) counted as the portal counts periods —
    the day of passing not counted, the corresponding day two years on, a rest day moved to the next working day."""
    rule = rule_get(rules.RULE_START_WINDOW)
    return compute_due(review_passed_on, rule.amount, rule.unit).due


def no_review(project: FixedAssetProject) -> Found | None:
    started = project.construction_started_on
    if started is None:
        return None
    if not project.review_passed:
        status = ReviewStatus(project.review_status).label
        return Found(TriggerCode.NO_REVIEW, started, f"项目于{cn_date(started)}开工建设，{status}")
    if project.review_passed_on and started < project.review_passed_on:
        return Found(
            TriggerCode.NO_REVIEW, started,
            f"项目于{cn_date(started)}开工建设，早于{cn_date(project.review_passed_on)}通过节能审查",
        )
    return None


def not_started(project: FixedAssetProject, today: datetime.date) -> Found | None:
    passed_on = project.review_passed_on
    if not (project.review_passed and passed_on):
        return None
    due = start_due(passed_on)
    started = project.construction_started_on
    if started is not None and started <= due:
        return None
    if started is None and today <= due:
        return None
    how = f"至{cn_date(due)}未开工建设" if started is None else f"于{cn_date(started)}方开工建设"
    return Found(TriggerCode.NOT_STARTED, due + ONE_DAY, f"项目于{cn_date(passed_on)}通过节能审查，{how}")


def consumption_increase(project: FixedAssetProject) -> Found | None:
    approved = project.approved_annual_consumption_tce
    if not approved:
        return None
    for change in project.changes.order_by("changed_on", "id"):
        expected = change.expected_annual_consumption_tce
        if consumption_up(approved, expected):
            share = (increase_share(approved, expected) * 100).quantize(Decimal("0.01"))
            return Found(
                TriggerCode.CONSUMPTION_UP, change.changed_on,
                f"{change.get_kind_display()}后预计年综合能源消费量{expected}吨标准煤，较核定的{approved}吨标准煤"
                f"增加{share}%",
            )
    return None


def computed_triggers(project: FixedAssetProject, today: datetime.date) -> list[Found]:
    found = [no_review(project), not_started(project, today), consumption_increase(project)]
    return [f for f in found if f is not None]
