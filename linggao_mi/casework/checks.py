"""Checks every regime's steps share: the dates a step records and the enforcement staff it assigns.

Each raises RuleViolation with its rule (and the regime's own rule where the source states one, such as
"2名以上" of 三（四）5(3)), so a refusal reads the same whichever regime makes it.
"""

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import User
from django.utils import timezone

from linggao_mi.deadlines.periods import cn_date
from linggao_mi.org.models import Certificate, Section

from .models import Case
from .rules import DATE_OUT_OF_RANGE, INSPECTOR_QUALIFIED, INSPECTORS_DISTINCT, LATE_ENTRY_REASON, Rule, RuleViolation

EARLIEST = datetime.date(2000, 1, 1)


def check_date(day: datetime.date | None, what: str, *, case: Case | None = None, late_reason: str = "") -> bool:
    """Refuse a date before 2000-01-01 or after today; a date before `case` was registered is a late entry
    (补录), allowed only with `late_reason`. Returns whether the date is a late entry."""
    if day is None:
        raise RuleViolation(DATE_OUT_OF_RANGE, f"请填写{what}")
    if isinstance(day, datetime.datetime):
        day = timezone.localdate(day)
    if not EARLIEST <= day <= timezone.localdate():
        raise RuleViolation(DATE_OUT_OF_RANGE, f"{what}为{day:%Y-%m-%d}")
    if case is None or case.created_at is None:
        return False
    registered = timezone.localdate(case.created_at)
    if day >= registered:
        return False
    if not late_reason.strip():
        raise RuleViolation(LATE_ENTRY_REASON, f"{what}{cn_date(day)}早于立案日期{cn_date(registered)}")
    return True


def check_inspectors(
    inspectors: Iterable[User], day: datetime.date, *, section: Section, minimum: int = 1, rule: Rule | None = None
) -> dict[int, Certificate]:
    """At least `minimum` distinct people, each a member (or the chief) of `section` holding an enforcement
    certificate valid on `day`. Returns user id → the certificate (the one valid longest).

    `rule` is the regime's own rule for the number (e.g. 三（四）5(3)'s "2名以上"); the shared rules cover
    duplicates and who may be assigned at all.
    """
    inspectors = list(inspectors)
    ids = [u.pk for u in inspectors]
    if len(set(ids)) != len(ids):
        raise RuleViolation(INSPECTORS_DISTINCT)
    certificates: dict[int, Certificate] = {}
    for cert in Certificate.objects.valid_on(day).filter(holder__in=ids).order_by("holder_id", "-valid_to"):
        certificates.setdefault(cert.holder_id, cert)
    members = set(
        User.objects.filter(pk__in=ids, profile__section=section).values_list("pk", flat=True)
    ) | ({section.chief_id} if section.chief_id else set())
    unqualified = [u for u in inspectors if u.pk not in certificates or u.pk not in members]
    if unqualified:
        names = "、".join(_name(u) for u in unqualified)
        raise RuleViolation(INSPECTOR_QUALIFIED, f"{names}（{section.name}，{cn_date(day)}）")
    if len(inspectors) < minimum:
        raise RuleViolation(rule or INSPECTOR_QUALIFIED, f"{cn_date(day)}持有效执法证的承办人员{len(inspectors)}名")
    return certificates


def _name(user: User) -> str:
    return user.get_full_name() or user.username


def late_entry(day: datetime.date | None, what: str, *, case: Case, late_reason: str = "") -> str:
    """check_date for a step's date: the 补录 reason to record with the step ("" when the date is not late)."""
    return late_reason.strip() if check_date(day, what, case=case, late_reason=late_reason) else ""
