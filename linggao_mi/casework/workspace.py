"""What the workspace (“我的工作”) reads, per role, in a number of queries that grows with the regimes, never with
the rows, and a bounded number of rows in each panel: an inspector's most urgent open cases by unit with the next
step and deadline, the chief's approval queue, the drafts returned to their author, and the leader's overview
(counts by state, overdue, opened and closed per month; cached a minute)."""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Count, F, Func, QuerySet, Value
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone

from linggao_mi.deadlines.models import Deadline
from linggao_mi.deadlines.selectors import with_next_deadline
from linggao_mi.documents.choices import DocumentState
from linggao_mi.documents.models import OfficialDocument

from .models import CaseEvent
from .registry import CASE_MODELS, case_prefetch, with_subject
from .workflow import WORKFLOWS

MONTHS = 12
ROWS_SHOWN = 20  # per panel; the rest are one click away, on the lists the panel links to

# Where each regime lists its cases, for the open cases the workspace leaves out: the page's name, its URL name and
# the permission its view asks (None: every logged-in user, the list scoped to the cases they may see). A regime
# missing here has no list of its cases.
CASE_LISTS: dict[str, tuple[str, str, str | None]] = {
    "energy.inspectioncase": ("节能监察案件", "energy:case_list", "energy.view_energyunit"),
    "energy.projectcheck": (
        "固定资产投资项目（检查见各项目）", "energy:fixed_asset_projects", "energy.view_fixedassetproject"
    ),
    "inspections.oversightcheck": ("执法监督检查", "inspections:check_list", None),
    "inspections.supervisioncase": ("执法监督通知（决定）", "inspections:supervision_list", None),
    "inspections.faultcase": ("行政执法过错责任追究", "inspections:fault_list", None),
    "infoproj.itproject": ("信息化工程项目", "infoproj:project_list", None),
    "infoproj.keyproject": ("重点项目", "infoproj:key_list", None),
    "infoproj.planfiling": ("信息化发展规划备案", "infoproj:plan_list", None),
    "infoproj.briefing": ("简报与报告", "infoproj:briefing_list", None),
}


@dataclass(frozen=True)
class Panel:
    """The first rows of a workspace panel, and how many there are in all."""

    rows: list
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.rows)


@dataclass(frozen=True)
class CaseList:
    label: str
    url: str


@dataclass(frozen=True)
class OpenCases(Panel):
    lists: list[CaseList]  # the case lists, that the user may open, of the regimes with open cases not shown


def first_rows(queryset: QuerySet, n: int = ROWS_SHOWN, *, total: int | None = None) -> Panel:
    """The first `n` rows of `queryset` (a LIMIT) and how many there are in all (`total`, when the caller counted
    them): counted only when the panel is full, since fewer than `n` rows are all of them. At most two queries."""
    rows = list(queryset[:n])
    if total is None:
        total = len(rows) if len(rows) < n else queryset.count()
    return Panel(rows, total)


def counts(querysets: list[QuerySet]) -> list[int]:
    """How many rows each of `querysets` has, in one query (a UNION ALL of their counts)."""
    parts = [
        queryset.order_by().annotate(which=Value(i), n=Func("pk", function="COUNT")).values_list("which", "n")
        for i, queryset in enumerate(querysets)
    ]
    if not parts:
        return []
    counted = dict(parts[0].union(*parts[1:], all=True))
    return [counted.get(i, 0) for i in range(len(parts))]


def _urgency(case):
    """Overdue and soonest next deadline first, then the cases without a running deadline; newest first within."""
    return (case.next_due is None, case.next_due or datetime.date.max, -case.created_at.timestamp())


def open_cases_by_subject(user: User, n: int = ROWS_SHOWN) -> OpenCases:
    """The `n` most urgent open cases of every regime `user` handles (see _urgency), by unit (subject); each with
    `next_step` (the workflow table's label for its state) and its next deadline (`next_due`, `next_deadline`).
    Every regime's open cases are counted in one query; each regime with any gives its `n` most urgent (a LIMIT);
    the most urgent `n` of these show."""
    mine = {
        model: model._default_manager.filter(inspectors=user).exclude(state__in=model.CLOSED_STATES)
        for model in CASE_MODELS
    }
    urgent_first = (F("next_due").asc(nulls_last=True), "-created_at", "-pk")
    panels = {}
    for (model, cases), total in zip(mine.items(), counts(list(mine.values())), strict=True):
        if total:
            rows = with_next_deadline(with_subject(model, cases)).order_by(*urgent_first)
            panels[model] = first_rows(rows, n, total=total)
    cases = sorted((case for panel in panels.values() for case in panel.rows), key=_urgency)[:n]
    lists = []
    for model, panel in panels.items():
        listed = CASE_LISTS.get(model._meta.label_lower)
        left_out = panel.total > sum(type(case) is model for case in cases)
        if left_out and listed and (listed[2] is None or user.has_perm(listed[2])):
            lists.append(CaseList(listed[0], reverse(listed[1])))
    for case in cases:
        workflow = WORKFLOWS.get(type(case))
        case.next_step = workflow.next_label(case) if workflow else ""
    cases.sort(key=lambda case: str(case.subject or ""))  # stable: the most urgent first within a unit
    return OpenCases(cases, sum(panel.total for panel in panels.values()), lists)


def returned_drafts(user: User) -> QuerySet:
    """Drafts returned to `user`, who wrote or changed them, with the reason: theirs to rework and resubmit."""
    return (
        OfficialDocument.objects.filter(state=DocumentState.RETURNED, authors=user)
        .select_related("kind")
        .prefetch_related(case_prefetch())
        .order_by("-submitted_at", "-id")
    )


@dataclass(frozen=True)
class RegimeCounts:
    name: str
    states: list[tuple[str, int]]  # (state label, cases) in the order of the state's choices
    open: int
    overdue: int  # open cases with a deadline past due


@dataclass(frozen=True)
class Month:
    month: datetime.date
    opened: int
    closed: int


def _overdue_cases(model) -> int:
    today = timezone.localdate()
    return (
        Deadline.objects.filter(content_type=ContentType.objects.get_for_model(model))
        .past_due(today)
        .values("object_id")
        .distinct()
        .count()
    )


def regime_counts() -> list[RegimeCounts]:
    """For each regime: its cases by state and how many have a deadline past due (leaders see every case)."""
    result = []
    for model in CASE_MODELS:
        by_state = dict(model._default_manager.order_by().values_list("state").annotate(n=Count("pk")))
        choices = model._meta.get_field("state").choices or [(s, s) for s in by_state]
        states = [(str(label), by_state.get(value, 0)) for value, label in choices if by_state.get(value)]
        open_count = sum(n for state, n in by_state.items() if state not in model.CLOSED_STATES)
        result.append(RegimeCounts(str(model._meta.verbose_name), states, open_count, _overdue_cases(model)))
    return result


def month_starts(today: datetime.date, months: int = MONTHS) -> list[datetime.date]:
    first = today.replace(day=1)
    starts = []
    for _ in range(months):
        starts.append(first)
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return starts[::-1]


def opened_and_closed(months: int = MONTHS) -> list[Month]:
    """Cases of every regime opened (registered) and closed per month over the last `months` months."""
    starts = month_starts(timezone.localdate(), months)
    since = datetime.datetime.combine(starts[0], datetime.time(), tzinfo=timezone.get_current_timezone())
    opened: dict[datetime.date, int] = {}
    closed: dict[datetime.date, int] = {}
    for model in CASE_MODELS:
        rows = (
            model._default_manager.filter(created_at__gte=since).order_by()
            .annotate(month=TruncMonth("created_at")).values_list("month").annotate(n=Count("pk"))
        )
        for month, n in rows:
            opened[month.date()] = opened.get(month.date(), 0) + n
        rows = (
            CaseEvent.objects.filter(
                content_type=ContentType.objects.get_for_model(model), to_state__in=model.CLOSED_STATES, at__gte=since
            )
            .exclude(from_state__in=model.CLOSED_STATES)
            .order_by()
            .annotate(month=TruncMonth("at"))
            .values_list("month")
            .annotate(n=Count("object_id", distinct=True))
        )
        for month, n in rows:
            closed[month.date()] = closed.get(month.date(), 0) + n
    return [Month(start, opened.get(start, 0), closed.get(start, 0)) for start in starts]


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    height: float
    value: int


@dataclass(frozen=True)
class Chart:
    """A bar chart of opened and closed cases per month, laid out for an inline SVG (no script, no CDN)."""

    months: list[Month]
    width: int
    height: int
    top: int
    bar_width: float
    opened: list[Bar]
    closed: list[Bar]
    labels: list[tuple[float, str]]

    @classmethod
    def of(cls, months: list[Month], *, width: int = 640, height: int = 220) -> "Chart":
        top = max([1, *(m.opened for m in months), *(m.closed for m in months)])
        plot = height - 40  # 10 above the bars, 30 below them for the month labels
        step = width / len(months)
        bar = step * 0.35

        def bars(values, shift):
            return [
                Bar(round(i * step + shift, 1), round(10 + plot - v / top * plot, 1), round(v / top * plot, 1), v)
                for i, v in enumerate(values)
            ]

        return cls(
            months, width, height, top, round(bar, 1),
            bars([m.opened for m in months], step * 0.12),
            bars([m.closed for m in months], step * 0.12 + bar),
            [(round(i * step + step / 2, 1), f"{m.month.month}月") for i, m in enumerate(months)],
        )


OVERVIEW_SECONDS = 60
OVERVIEW_KEY = "casework:workspace:overview:1"  # bumped when Overview changes shape


@dataclass(frozen=True)
class Overview:
    """The leader's overview as counted `at`: the same for every leader (they see every case), so counted once a
    minute for all of them, not on each request (it aggregates every case); the page says when."""

    regimes: list[RegimeCounts]
    chart: Chart
    at: datetime.datetime


def overview() -> Overview:
    counted = cache.get(OVERVIEW_KEY)
    if counted is None:
        counted = Overview(regime_counts(), Chart.of(opened_and_closed()), timezone.now())
        cache.set(OVERVIEW_KEY, counted, OVERVIEW_SECONDS)
    return counted
