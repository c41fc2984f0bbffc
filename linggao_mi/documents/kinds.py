"""Document kinds as their regimes declare them: how a kind's content is built from its case and checked.

A regime registers each of its kinds from `<app>/documents.py` (imported by the app's ready()):

    register_kind(KindSpec(code="energy_rectification_notice", name="限期整改通知书", number_prefix="临工信节监改",
                           template="documents/pdf/energy_rectification_notice.html", regime="energy",
                           facts=rectification_facts, texts=(Text("requirements", "整改要求"),),
                           validate=check_rectification_notice, on_served=rectification_notice_served,
                           title=lambda case: f"关于{case.unit.name}限期整改的通知书", clause="三（四）6(4)",
                           fact_labels={"unit_name": "被监察单位", "credit_code": "统一社会信用代码"}))

- `facts(case)` returns what the document states because the case says so (unit, credit code, periods, legal
  basis, issuing organ…). Facts are never edited in the document: they are built again from the case whenever
  the document is shown, saved, submitted, approved or issued, and frozen into the document when it is issued.
  They must be JSON values (str, int, bool, list, dict; dates as the document writes them, e.g. cn_date(day)),
  because the frozen copy is what an issued document shows for ever: a value that would read back differently
  is refused (TypeError) when the facts are built, not discovered at issue.
- `texts` are the narrative fields the drafter writes (Chinese labels; their first values from the case).
  On a key clash with a fact the fact wins: a text cannot restate what the case says.
- `validate(case, content)` refuses (RuleViolation with its clause) a document its case does not support;
  `content` is the facts merged with the texts. It runs when the draft is saved and again at submit, approve and
  issue. Required texts left blank are refused before it runs (documents.rules.TEXT_REQUIRED).
- `on_served(document, actor)` tells the regime that its document was served, inside the serving
  transaction (e.g. the case moves on and its next period starts); a RuleViolation it raises refuses the serve.
- `before_approve(document, case)` refuses (RuleViolation) an approval the regime's own procedure does not allow yet
  (e.g. a major decision that has not passed 法制审核); it runs in the approving transaction, after the content check.
- `title(case)` is the default title of a new draft (the kind's name without it); `clause` is where the kind's
  content is prescribed, cited when a required text is missing; `fact_labels` names the facts the drafter is
  shown beside the editor (facts without a label are seen only in place, in the preview).
- Facts or texts named `addressee` (主送), `unit_name` and `address` pre-fill the printable 送达回证.

The DocumentKind rows (name, 文号 prefix, template: editable by admins) are created from the registry after
every migrate and flush (`kinds_sync`, connected in DocumentsConfig.ready); a kind keeps its code for ever.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS


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
    before_approve: Callable[[Any, Any], None] | None = None
    description: str = ""
    extra: dict = field(default_factory=dict)
    title: Callable[[Any], str] | None = None
    clause: str = ""
    fact_labels: dict[str, str] = field(default_factory=dict)

    def default_title(self, case) -> str:
        return self.title(case) if self.title is not None else self.name


KINDS: dict[str, KindSpec] = {}


def register_kind(spec: KindSpec) -> KindSpec:
    if spec.code in KINDS and KINDS[spec.code] is not spec:
        raise ValueError(f"document kind {spec.code!r} is registered twice")
    keys = [text.key for text in spec.texts]
    if len(set(keys)) != len(keys):
        raise ValueError(f"document kind {spec.code!r} names a text twice")
    KINDS[spec.code] = spec
    return spec


def kind_spec(code: str) -> KindSpec:
    return KINDS[code]


def kinds_sync(*, apps=global_apps, using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    """post_migrate: a DocumentKind row for every registered kind that has none; existing rows keep what admins
    set (name, prefix, template). Runs after every migrate and every flush (transactional tests)."""
    try:
        DocumentKind = apps.get_model("documents", "DocumentKind")
    except LookupError:  # documents migrated back to zero: no table to fill
        return
    for spec in KINDS.values():
        DocumentKind.objects.using(using).get_or_create(
            code=spec.code,
            defaults={"name": spec.name, "number_prefix": spec.number_prefix, "template_name": spec.template},
        )
