"""A document's content: the facts its kind builds from its case, and the texts its drafter writes (kinds.py).

`document_content` is what the PDF and the page show; the services check content with `content_check`.
"""

import json

from linggao_mi.casework.rules import RuleViolation

from . import rules
from .kinds import KindSpec, kind_spec


def document_spec(document) -> KindSpec:
    return kind_spec(document.kind.code)


def case_facts(spec: KindSpec, case) -> dict:
    """The facts of `case` for a document of `spec`, as they read back once frozen into the document."""
    # A JSON round trip: a value JSON cannot hold (a date, a Decimal) fails now, not at issue; a tuple shows
    # as the list its frozen copy will be.
    return json.loads(json.dumps(spec.facts(case), ensure_ascii=False))


def content_merge(facts: dict, texts: dict) -> dict:
    # Facts win a key clash: a text cannot restate what the case says.
    return {**texts, **facts}


def document_content(document) -> dict:
    """The content a document shows: facts (from its case, or as frozen at issue) merged with its texts."""
    if document.is_frozen:
        return content_merge(document.facts, document.texts)
    return content_merge(case_facts(document_spec(document), document.case), document.texts)


PLACED_BY_LAYOUT = ("addressee", "body")  # base.html and generic.html place these themselves


def content_labelled(document, content: dict) -> list[tuple[str, object]]:
    """The content under Chinese labels (the kind's fact labels, then its texts' labels); unlabelled keys stay out."""
    spec = document_spec(document)
    labels = {**spec.fact_labels, **{text.key: text.label for text in spec.texts}}
    return [
        (label, content[key])
        for key, label in labels.items()
        if key not in PLACED_BY_LAYOUT and content.get(key) not in (None, "")
    ]


def texts_initial(spec: KindSpec, case) -> dict:
    return {text.key: text.initial(case) if text.initial is not None else "" for text in spec.texts}


def texts_clean(spec: KindSpec, texts: dict) -> dict:
    """`texts` with surrounding blanks trimmed; a key the kind does not declare (a fact, a typo) is a TypeError."""
    unknown = set(texts) - {text.key for text in spec.texts}
    if unknown:
        raise TypeError(f"document kind {spec.code!r} has no texts {sorted(unknown)}")
    cleaned = {}
    for key, value in texts.items():
        if value is not None and not isinstance(value, str):
            raise TypeError(f"text {key!r} must be a str")
        cleaned[key] = (value or "").strip()
    return cleaned


def content_check(*, spec: KindSpec, case, title: str, texts: dict) -> dict:
    """Refuse (RuleViolation) a title or required text left blank, then what the kind's `validate` refuses.

    Returns the facts the check was made against, built from the case now.
    """
    if not (title or "").strip():
        raise RuleViolation(rules.TITLE_REQUIRED)
    for text in spec.texts:
        if text.required and not (texts.get(text.key) or "").strip():
            where = f"（{spec.name}：{spec.clause}）" if spec.clause else ""
            raise RuleViolation(rules.TEXT_REQUIRED, f"请填写“{text.label}”{where}")
    facts = case_facts(spec, case)
    if spec.validate is not None:
        spec.validate(case, content_merge(facts, texts))
    return facts
