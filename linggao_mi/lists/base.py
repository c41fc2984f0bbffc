"""The one way a list page works: search, sort, filters in the URL, pages, and export of the filtered list.

A list is declared once, as a `ListSpec`: its columns (Chinese header, the value exported, the fields it sorts
by), its search, its filter form and its template; the view hands `respond` the rows the user may see (the
regime's selector) and gets the page or, with `?export=xlsx`, the Excel file of the same filtered rows::

    from django import forms
    from linggao_mi import lists

    class CaseFilterForm(lists.FilterForm):
        state = forms.ChoiceField(label="状态", required=False, choices=[("", "全部"), *CaseState.choices])
        overdue = forms.BooleanField(label="仅看有逾期期限的", required=False)

        def filter_overdue(self, queryset, value):      # filter_<field>, like clean_<field>; else field=value
            return with_overdue_deadline(queryset)

    CASES = lists.ListSpec(
        template="energy/case_list.html",             # extends "lists/list.html", fills {% block row %}
        filename="节能监察案件",                          # the export: 节能监察案件-2026-12-02.xlsx
        search=lists.Search("unit__name", "unit__credit_code", "notice_document__number", reference=True,
                            label="案号、文号、单位名称或统一社会信用代码"),
        filters=CaseFilterForm,
        columns=(
            lists.Column("reference", "案号", sort=("year", "serial")),
            lists.Column("unit", "被监察单位", "unit.name", sort=("unit__name",)),
            lists.Column("state", "状态", "get_state_display", sort=("state",)),
            lists.Column("due", "下一期限届满日", "next_due", sort=("next_due",), nulls_last=True),
        ),
        default_sort=("-created_at", "-id"),           # matches an index: no sort of every row
    )

    @login_required
    def case_list(request):
        return lists.respond(request, CASES, cases_list(request.user), can_plan=...)

The URL keeps everything: `?q=水泥&state=rectifying&sort=-unit&page=2`; page and sort links keep the rest, and
the export link exports exactly what the page lists (the same selector, so nobody exports what they may not
see). Sorting is by a declared column only, with `id` as the tiebreaker so pages never overlap. A page costs a
fixed number of queries (the page's keys with the capped count, its rows, the queryset's prefetches) whatever the rows;
the export iterates the queryset in chunks and keeps no list of rows; above EXPORT_MAX_ROWS rows a Celery worker
writes it (services.py) and the user downloads it from 我的导出 when notified.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib import messages
from django.db.models import F, Q, QuerySet
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from linggao_mi.casework.registry import CASE_MODELS

from .export import CHUNK, EXPORT_MAX_ROWS, xlsx_response
from .paging import PER_PAGE, paginate

SORT_PARAM, SEARCH_PARAM, PAGE_PARAM, EXPORT_PARAM = "sort", "q", "page", "export"


def resolve(obj, path: str):
    """`obj.a.b` for the path "a.b"; a callable on the way is called (get_state_display); None stops."""
    value = obj
    for part in path.split("."):
        value = getattr(value, part, None)
        if callable(value) and not hasattr(value, "all"):
            value = value()
        if value is None:
            return None
    return value


@dataclass(frozen=True)
class Column:
    """A column of a list: `key` names it in the URL (?sort=key, ?sort=-key), `label` heads it on the page and in
    the export, `value` (an attribute path or a callable on the row) is what the export writes (the page's
    template shows the row its own way), `sort` the model fields it orders by (none: not sortable)."""

    key: str
    label: str
    value: str | Callable[[Any], Any] | None = None
    sort: tuple[str, ...] = ()
    nulls_last: bool = False  # for a nullable sort field (a case without a running deadline sorts after)
    page: bool = True  # shown on the page (False: an export-only column)
    export: bool = True
    width: int = 16
    heading: str = ""  # the page's header where its cell shows more than the value exported under `label`

    @property
    def page_label(self) -> str:
        """What heads the column on the page, and names each of its cells on a phone's card (data-label)."""
        return self.heading or self.label

    def value_of(self, row):
        if callable(self.value):
            return self.value(row)
        return resolve(row, self.value or self.key)

    def order_by(self, descending: bool) -> list:
        if not self.nulls_last:
            return [f"-{name}" if descending else name for name in self.sort]
        return [F(name).desc(nulls_last=True) if descending else F(name).asc(nulls_last=True) for name in self.sort]


REFERENCE = re.compile(r"(?P<year>\d{4})\D+(?P<serial>\d+)\s*号?")
SERIAL = re.compile(r"(?P<serial>\d{1,6})\s*号?")


def reference_q(text: str) -> Q | None:
    """A 案号 as people type it — 临工信节监〔2026〕3号, 2026-3, 〔2026〕3, 3号 — as a filter on year and serial."""
    match = REFERENCE.search(text)
    if match:
        return Q(year=int(match["year"]), serial=int(match["serial"]))
    match = SERIAL.fullmatch(text)
    if match:
        return Q(serial=int(match["serial"]))
    return None


def case_rows_q(text: str) -> Q:
    """Rows attached to a case by (content_type, object_id) — documents, deadlines — whose case has the 案号 in
    `text`, or whose subject matches it (each regime's Case.SUBJECT_SEARCH fields): one subquery per regime."""
    condition = Q(pk__in=[])
    from django.contrib.contenttypes.models import ContentType  # the kit's app loads before the models

    by_reference = reference_q(text)
    for model in CASE_MODELS:
        match = Q(pk__in=[]) if by_reference is None else by_reference
        for name in model.SUBJECT_SEARCH:
            match |= Q(**{f"{name}__icontains": text})
        cases = model._default_manager.filter(match).values("pk")
        condition |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=cases)
    return condition


def contains_q(model, fields: tuple[str, ...], text: str) -> Q:
    """Any of `fields` contains `text`. A field reached through a foreign key (unit__name) is searched in a
    subquery over the related table (unit_id IN (SELECT id FROM unit WHERE name ILIKE …)), one per relation, so
    that the database can use that table's own (trigram) indexes instead of joining every row to test it."""
    condition, related = Q(), {}
    for name in fields:
        head, _, rest = name.partition("__")
        field = model._meta.get_field(head)
        if rest and field.many_to_one:
            related.setdefault(head, (field.related_model, Q()))
            target, match = related[head]
            related[head] = (target, match | Q(**{f"{rest}__icontains": text}))
        else:
            condition |= Q(**{f"{name}__icontains": text})
    for head, (target, match) in related.items():
        condition |= Q(**{f"{head}__in": target._default_manager.filter(match).values("pk")})
    return condition


@dataclass(frozen=True)
class Search:
    """The search box: any of `fields` contains the text (case-insensitively); with `reference`, a 案号 in the
    text finds its case (the model has `year` and `serial`); with `of_case`, rows attached to a case (documents,
    deadlines) are found by their case's 案号 or unit. `label` says what can be searched."""

    fields: tuple[str, ...]
    reference: bool = False
    of_case: bool = False
    label: str = "搜索"

    def __init__(self, *fields: str, reference: bool = False, of_case: bool = False, label: str = "搜索"):
        object.__setattr__(self, "fields", fields)
        object.__setattr__(self, "reference", reference)
        object.__setattr__(self, "of_case", of_case)
        object.__setattr__(self, "label", label)

    def apply(self, queryset: QuerySet, text: str) -> QuerySet:
        text = text.strip()[:100]
        if not text:
            return queryset
        condition = contains_q(queryset.model, self.fields, text)
        if self.reference and (by_reference := reference_q(text)) is not None:
            condition |= by_reference
        if self.of_case:
            condition |= case_rows_q(text)
        return queryset.filter(condition)


class FilterForm(forms.Form):
    """A list's filters, read from the URL. Each filled field filters the rows: by `filter_<name>(queryset,
    value)` when the form defines it, else by `<name>=value`. An invalid value is ignored (the list shows
    unfiltered by it) and the form shows its error."""

    def apply(self, queryset: QuerySet) -> QuerySet:
        if not self.is_valid():
            return queryset
        for name, value in self.cleaned_data.items():
            if value in (None, "", [], False):
                continue
            method = getattr(self, f"filter_{name}", None)
            queryset = method(queryset, value) if method else queryset.filter(**{name: value})
        return queryset


@dataclass(frozen=True)
class SortLink:
    column: Column
    param: str  # the ?sort= value the header links to
    current: str  # "ascending", "descending" or "" (aria-sort)


@dataclass(frozen=True)
class ListSpec:
    template: str
    columns: tuple[Column, ...]
    filename: str
    search: Search | None = None
    filters: type[FilterForm] | None = None
    default_sort: tuple[str, ...] = ("-id",)
    per_page: int = PER_PAGE
    _by_key: dict = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self):
        object.__setattr__(self, "_by_key", {c.key: c for c in self.columns})

    def sort_of(self, param: str) -> tuple[Column | None, bool]:
        """The column and direction `?sort=param` names, or (None, False) for the default order."""
        descending = param.startswith("-")
        column = self._by_key.get(param.lstrip("-"))
        if column is None or not column.sort:
            return None, False
        return column, descending

    def ordered(self, queryset: QuerySet, param: str) -> QuerySet:
        column, descending = self.sort_of(param)
        if column is None:
            return queryset.order_by(*self.default_sort)
        return queryset.order_by(*column.order_by(descending), "-id" if descending else "id")

    def sort_choices(self) -> list[tuple[str, str]]:
        """The orders a phone offers in a menu (its table headers are hidden in the card layout)."""
        choices = [("", "默认顺序")]
        for column in self.columns:
            if column.sort and column.page:
                label = column.page_label
                choices += [(column.key, f"{label}（升序）"), (f"-{column.key}", f"{label}（降序）")]
        return choices

    def sort_links(self, param: str) -> list[SortLink]:
        """A header per shown column; a sortable one links to its order (its reverse when it is the current one)."""
        current, descending = self.sort_of(param)
        links = []
        for column in (c for c in self.columns if c.page):
            if not column.sort:
                links.append(SortLink(column, "", ""))
            elif column is current:
                links.append(SortLink(column, column.key if descending else f"-{column.key}",
                                      "descending" if descending else "ascending"))
            else:
                links.append(SortLink(column, column.key, ""))
        return links

    def rows(self, request, queryset: QuerySet) -> tuple[QuerySet, FilterForm | None]:
        """The queryset searched, filtered and sorted as the request's URL says, and the bound filter form."""
        if self.search is not None:
            queryset = self.search.apply(queryset, request.GET.get(SEARCH_PARAM, ""))
        form = None
        if self.filters is not None:
            form = self.filters(request.GET or None)
            queryset = form.apply(queryset)
        return self.ordered(queryset, request.GET.get(SORT_PARAM, "")), form

    def export(self, queryset: QuerySet):
        columns = [c for c in self.columns if c.export]
        rows = ([c.value_of(row) for c in columns] for row in queryset.iterator(chunk_size=CHUNK))
        return xlsx_response(
            filename=f"{self.filename}-{timezone.localdate():%Y-%m-%d}.xlsx",
            headers=[c.label for c in columns],
            widths=[c.width for c in columns],
            rows=rows,
        )


def respond(request, spec: ListSpec, queryset: QuerySet, **context):
    """The list page for `request` over `queryset` (already limited to what the user may see), or its export: the
    file itself up to EXPORT_MAX_ROWS rows (a web request must finish), above that a background export
    (services.export_queue) that notifies the user when the file is ready, and the page again with a message."""
    rows, form = spec.rows(request, queryset)
    if request.GET.get(EXPORT_PARAM) == "xlsx":
        if getattr(request, "export_in_background", False):  # services.export_run, in a Celery worker
            return spec.export(rows)
        if rows.order_by().values("pk")[: EXPORT_MAX_ROWS + 1].count() <= EXPORT_MAX_ROWS:
            return spec.export(rows)
        from .services import QUERY_MAX, export_queue  # this module loads with the app, before its models may

        query = request.GET.copy()
        del query[EXPORT_PARAM]
        query = query.urlencode()
        if len(query) > QUERY_MAX:
            messages.error(request, "查询条件过长，无法转为后台导出。请缩短搜索内容后再导出。")
        else:
            _, queued = export_queue(owner=request.user, title=spec.filename, path=request.path, query=query)
            messages.success(request, format_html(
                '符合条件的记录超过{}条，已转为后台导出{}：完成后会通知您，届时可在<a href="{}">我的导出</a>下载。',
                f"{EXPORT_MAX_ROWS:,}", "" if queued else "（此前提交的同一导出仍在进行）", reverse("lists:exports"),
            ))
        return redirect(f"{request.path}?{query}" if query else request.path)
    page = paginate(rows, request.GET.get(PAGE_PARAM), spec.per_page)
    return render(
        request,
        spec.template,
        {
            "spec": spec,
            "page": page,
            "filters": form,
            "q": request.GET.get(SEARCH_PARAM, ""),
            "sort": request.GET.get(SORT_PARAM, ""),
            "sort_links": spec.sort_links(request.GET.get(SORT_PARAM, "")),
            "today": timezone.localdate(),
            **context,
        },
    )
