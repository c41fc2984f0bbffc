"""Filters for the energy pages and PDF templates."""

import datetime

from django import template

from linggao_mi.deadlines.periods import Unit, compute_due

from ..choices import CaseState

register = template.Library()


@register.filter
def case_state_label(value: str) -> str:
    try:
        return CaseState(value).label
    except ValueError:
        return value


@register.filter
def rectification_end(issued_on: datetime.date, months) -> datetime.date | None:
    """The last day of a rectification period of `months` counted from `issued_on` (legal counting)."""
    if not issued_on or not months:
        return None
    return compute_due(issued_on, int(months), Unit.MONTHS).due


@register.filter
def cn_numeral(value) -> str:
    """1 → 一 … 19 → 十九 (the numbering of a document's items)."""
    digits = "零一二三四五六七八九"
    n = int(value)
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    return str(n)
