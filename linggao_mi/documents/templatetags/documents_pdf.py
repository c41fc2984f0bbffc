"""Filters for official-document templates: Chinese dates and paragraphs."""

import datetime
import re

from django import template

register = template.Library()


@register.filter
def cn_date(value) -> str:
    """2026年11月28日 (GB/T 9704: Arabic numerals, no leading zeros)."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    return f"{value.year}年{value.month}月{value.day}日"


@register.filter
def paragraphs(value) -> list[str]:
    """A text split into its non-empty lines, each one a paragraph of the body."""
    if not value:
        return []
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if str(v).strip()]
    return [line.strip() for line in re.split(r"\r?\n", str(value)) if line.strip()]
