"""Filters for the energy pages and PDF templates."""

import re
from itertools import pairwise

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from ..choices import CaseState

register = template.Library()

# What may end a written sentence as typed, and what ends a clause that the template continues.
SENTENCE_END = "。！？；：…"
CLAUSE_END = "。．.，,；;、：:！？ \t"
# 二号 (22pt) characters on a line of the 156mm 版心: a longer phrase must be allowed to break.
TITLE_LINE = 20
# A title may break after these, and is kept whole around the phrases the template names.
TITLE_BREAK_AFTER = "的、，：；"


@register.filter
def case_state_label(value: str) -> str:
    try:
        return CaseState(value).label
    except ValueError:
        return value


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


@register.filter
def clause(value) -> str:
    """A text typed by a user that the template continues (“{{ facts|clause }}。”, “违反了{{ basis|clause }}的规定”):
    its trailing punctuation removed, so that the document never reads “。。” or “，。”; its lines joined by “；”."""
    lines = [line.strip().rstrip(CLAUSE_END) for line in re.split(r"\r?\n", str(value or ""))]
    return "；".join(line for line in lines if line)


@register.filter
def sentence(value) -> str:
    """A paragraph typed by a user, ending in exactly one stop: kept if it ends in one, a trailing comma made a “。”,
    else “。” added."""
    text = str(value or "").strip()
    if not text or text[-1] in SENTENCE_END or (len(text) > 1 and text[-1] in "”’）)" and text[-2] in SENTENCE_END):
        return text
    return text.rstrip("，,、. \t") + "。"


@register.simple_tag
def title_phrases(title, *phrases) -> str:
    """The title as HTML whose words do not break across lines (GB/T 9704: 回行时要做到词意完整).

    WeasyPrint breaks CJK text between any two characters. The title is cut into runs — each phrase named (the
    unit's name, with a 关于 before it; the kind's name), and the text up to each 的 or punctuation mark — and a run
    that fits on a line is kept on one (span.phrase, white-space: nowrap in documents/pdf/base.html).
    """
    title = str(title or "")
    kept = []
    for phrase in filter(None, map(str, phrases)):
        start = title.find(phrase)
        while start != -1:
            end = start + len(phrase)
            kept.append((start - 2 if title[max(start - 2, 0) : start] == "关于" else start, end))
            start = title.find(phrase, end)
    cuts = {0, len(title)} | {i + 1 for i, ch in enumerate(title) if ch in TITLE_BREAK_AFTER}
    cuts |= {edge for span in kept for edge in span}
    cuts = sorted(c for c in cuts if not any(start < c < end for start, end in kept))
    runs = [title[a:b] for a, b in pairwise(cuts)]
    return mark_safe(
        "".join(
            format_html('<span class="phrase">{}</span>', run) if len(run) <= TITLE_LINE else escape(run)
            for run in runs
        )
    )
