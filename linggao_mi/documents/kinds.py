"""Document kinds as their regimes declare them: how a kind's content is built from its case and checked.

A regime registers each of its kinds from `<app>/documents.py` (imported by the app's ready()):

    register_kind(KindSpec(code="energy_rectification_notice", name="限期整改通知书", number_prefix="临工信节监改",
                           template="documents/pdf/energy_rectification_notice.html", regime="energy",
                           facts=rectification_facts, texts=(Text("requirements", "整改要求"),),
                           validate=check_rectification_notice, on_served=rectification_notice_served))

- `facts(case)` returns what the document states because the case says so (unit, credit code, periods, legal
  basis, issuing organ…). Facts are never edited in the document: they are built again from the case whenever
  the document is shown, submitted, approved or issued, and frozen into the document when it is issued.
- `texts` are the narrative fields the drafter writes (Chinese labels; their first values from the case).
- `validate(case, content)` refuses (RuleViolation with its clause) a document its case does not support;
  it runs when the draft is saved and again at submit, approve and issue.
- `on_served(document, actor)` tells the regime that its document was served, inside the serving
  transaction (e.g. the case moves on and its next period starts).

The DocumentKind rows (name, 文号 prefix, template: editable by admins) are created from the registry after
every migrate; a kind keeps its code for ever.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Text:
    """A narrative field of a document: written by the drafter, shown with its Chinese label."""

    key: str
    label: str
    required: bool = True
    rows: int = 4
    initial: Callable[[Any], str] | None = None  # the first value, from the case
    help: str = ""


@dataclass(frozen=True)
class KindSpec:
    code: str
    name: str
    number_prefix: str
    template: str
    regime: str  # the app label of the regime the kind belongs to, e.g. "energy"
    facts: Callable[[Any], dict]
    texts: tuple[Text, ...] = ()
    validate: Callable[[Any, dict], None] | None = None
    on_served: Callable[[Any, Any], None] | None = None
    description: str = ""
    extra: dict = field(default_factory=dict)


KINDS: dict[str, KindSpec] = {}


def register_kind(spec: KindSpec) -> KindSpec:
    if spec.code in KINDS and KINDS[spec.code] is not spec:
        raise ValueError(f"document kind {spec.code!r} is registered twice")
    KINDS[spec.code] = spec
    return spec


def kind_spec(code: str) -> KindSpec:
    return KINDS[code]
