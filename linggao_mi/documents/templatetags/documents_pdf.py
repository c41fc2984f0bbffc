"""Filters for official-document templates: Chinese dates and paragraphs."""

import re

from django import template

from linggao_mi.deadlines.periods import cn_date

register = template.Library()


register.filter("cn_date", cn_date)


@register.filter
def paragraphs(value) -> list[str]:
    """A text split into its non-empty lines, each one a paragraph of the body."""
    if not value:
        return []
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if str(v).strip()]
    return [line.strip() for line in re.split(r"\r?\n", str(value)) if line.strip()]
