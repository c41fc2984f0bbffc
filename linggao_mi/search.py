"""One search across the public registers: “这件事归谁管？” answers from the boundary table, the service items (with
their phones) and the duty register's work items, for the same words and synonyms (boundaries.lookup)."""

from dataclasses import dataclass, field

from boundaries.lookup import LookupResult, Marked, mark
from boundaries.selectors import boundary_lookup
from duties.models import DutyItem
from duties.selectors import duty_list
from services.models import ServiceItem
from services.selectors import service_item_list

NOTHING_FOUND = (
    "没有找到与“{query}”有关的事项。请换用其他关键词（例如“电力设施”“矿山关闭”“节能”），"
    "或直接查看职责边界表、公共服务事项和部门职责登记表。"
)
FOUND = "找到{parts}。"


@dataclass
class ServiceHit:
    item: ServiceItem
    name: Marked
    content: Marked


@dataclass
class DutyHit:
    item: DutyItem
    text: Marked


@dataclass
class PublicSearchResult:
    boundaries: LookupResult
    services: list[ServiceHit] = field(default_factory=list)
    duties: list[DutyHit] = field(default_factory=list)
    message: str = ""

    @property
    def query(self) -> str:
        return self.boundaries.query

    @property
    def found(self) -> bool:
        return bool(self.boundaries.answers or self.services or self.duties)


def _best(hits: list, marks) -> list:
    """The hits matching the most query terms, none if none match (ties kept, in register order)."""
    count = [len({t for m in marks(h) for t in m.terms}) for h in hits]
    top = max(count, default=0)
    return [h for h, n in zip(hits, count, strict=True) if top and n == top]


def public_search(query: str) -> PublicSearchResult:
    boundaries = boundary_lookup(query=query)
    result = PublicSearchResult(boundaries)
    terms = boundaries.terms
    if not terms:  # empty or too long: the lookup's message says which
        result.message = boundaries.message
        return result
    services = [ServiceHit(i, mark(i.name, terms), mark(i.content, terms)) for i in service_item_list()]
    result.services = _best(services, lambda h: (h.name, h.content))
    items = [DutyHit(i, mark(i.text, terms)) for d in duty_list() for i in d.items.all()]
    result.duties = _best(items, lambda h: (h.text,))
    parts = [
        f"{label}{n}{unit}"
        for label, n, unit in (
            ("职责边界事项", len(boundaries.answers), "个"),
            ("公共服务事项", len(result.services), "项"),
            ("部门职责工作事项", len(result.duties), "项"),
        )
        if n
    ]
    result.message = FOUND.format(parts="、".join(parts)) if parts else NOTHING_FOUND.format(query=query.strip())
    return result
