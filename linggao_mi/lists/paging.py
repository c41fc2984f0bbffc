"""Pages of a list without an exact COUNT(*) of every visible row on every request.

At 100 000 cases the full count costs more than the page itself (measurements/2026-11-29-scale.md). A page
counts the rows only up to a few pages beyond itself (`SELECT COUNT(*) FROM (… LIMIT n)`): below that the
total is exact and the last page is known; above it the page says "more than n rows" and offers the next pages.
"""

from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet

PER_PAGE = 50
LOOKAHEAD_PAGES = 10  # how far past the requested page the rows are counted


@dataclass(frozen=True)
class Page:
    object_list: list
    number: int
    per_page: int
    count: int  # the rows counted: all of them when `exact`, else a lower bound
    exact: bool

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def start_index(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.object_list else 0

    @property
    def end_index(self) -> int:
        return (self.number - 1) * self.per_page + len(self.object_list)

    def page_range(self) -> list[int | None]:
        """Page numbers to link: the first, the last when known, two either side of this one; None for a gap."""
        wanted = {1, *range(self.number - 2, self.number + 3)}
        if self.exact:
            wanted.add(self.num_pages)
        pages = sorted(p for p in wanted if 1 <= p <= self.num_pages)
        shown: list[int | None] = []
        for p in pages:
            if shown and p - shown[-1] > 1:
                shown.append(None)
            shown.append(p)
        return shown


def page_number(value) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


def paginate(queryset: QuerySet, number, per_page: int = PER_PAGE) -> Page:
    """The page `number` (as the URL gives it; bad or too large → the nearest page) of `queryset`: two queries
    (the page's keys with the capped count, then its rows) plus the queryset's prefetches, whatever the rows."""
    number = page_number(number)
    keys, counted, limit = page_keys(queryset, number, per_page)
    if counted is None:  # no row on this page: an empty list, or a page past the end (then the last page)
        total = queryset.order_by().values("pk")[:limit].count() if number > 1 else 0
        number = max(1, -(-total // per_page))
        keys, counted, limit = page_keys(queryset, number, per_page) if total else ([], 0, limit)
    exact = counted < limit
    rows = list(queryset.filter(pk__in=keys)) if keys else []
    return Page(rows, number, per_page, counted if exact else limit - 1, exact)


def page_keys(queryset: QuerySet, number: int, per_page: int) -> tuple[list, int | None, int]:
    """The keys of page `number` in the list's order, the rows counted up to the limit (None when the page is past
    the end, where no row carries the count), and that limit — in one query: the rows up to the limit are read in
    order from the ordering's index, without the joins and annotations (subject, next deadline) that only the
    page's own rows then compute, counted by a window over them, and the page cut out of them."""
    limit = (number - 1 + LOOKAHEAD_PAGES) * per_page + 1
    try:
        sql, params = queryset.values_list("pk", flat=True)[:limit].query.sql_with_params()
    except EmptyResultSet:  # queryset.none(), or a filter that can match nothing
        return [], None, limit
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(
            f"SELECT capped.*, count(*) OVER () FROM ({sql}) capped LIMIT %s OFFSET %s",
            [*params, per_page, (number - 1) * per_page],
        )
        rows = cursor.fetchall()
    return [row[0] for row in rows], (rows[0][-1] if rows else None), limit
