import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import NoReverseMatch
from simple_history.models import HistoricalRecords

from linggao_mi.casework.models import of_case
from linggao_mi.org.models import Section

from .choices import CalendarSource, DayKind, DeadlineState
from .periods import MAX_AMOUNT, Unit, period_text

__all__ = ["CalendarDay", "CalendarYear", "Deadline", "DeadlineRule", "DeadlineState", "Unit"]


class CalendarYear(models.Model):
    """A year whose official holiday schedule is loaded; a date in any other year is counted provisionally."""

    year = models.PositiveSmallIntegerField("年度", unique=True)
    source = models.CharField("来源", max_length=20, choices=CalendarSource.choices)
    loaded_at = models.DateTimeField("载入时间")
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="录入人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(
        "依据", max_length=200, blank=True, help_text="如：国务院办公厅关于2027年部分节假日安排的通知"
    )

    class Meta:
        verbose_name = verbose_name_plural = "工作日历年度"
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}年"


class CalendarDay(models.Model):
    """An exception to the weekday rule: a holiday on a weekday, or a make-up working day on a weekend.

    A day belongs to the schedule that declared it, which may be the next year's (the 2019 schedule put
    2018-12-29 to work), so re-entering a schedule replaces exactly its own days.
    """

    calendar_year = models.ForeignKey(
        CalendarYear, verbose_name="所属年度安排", on_delete=models.CASCADE, related_name="days"
    )
    date = models.DateField("日期", unique=True)
    kind = models.CharField("类型", max_length=10, choices=DayKind.choices)
    name = models.CharField("名称", max_length=60)

    class Meta:
        verbose_name = verbose_name_plural = "节假日与调休日"
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name}（{self.get_kind_display()}）"

    @property
    def is_workday(self) -> bool:
        return self.kind == DayKind.WORKDAY


class DeadlineRule(models.Model):
    """A legal period as data: '15 日', '5 个工作日', '6 个月', with the clause it comes from.

    `amount` is the configurable value (a county may set a period differently from the national rule);
    changing it affects deadlines opened afterwards, never running ones.
    """

    code = models.SlugField("代码", max_length=60, unique=True)
    name = models.CharField("名称", max_length=100)
    amount = models.PositiveIntegerField(
        "期间长度",
        validators=[MinValueValidator(1), MaxValueValidator(max(MAX_AMOUNT.values()))],
        help_text="修改只影响此后新开始计算的期限，已在计算中的期限不变。",
    )
    unit = models.CharField("单位", max_length=10, choices=Unit.choices)
    citation = models.CharField("依据", max_length=200)
    description = models.TextField("说明", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "期限规则"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name}（{self.period_display}）"

    @property
    def period_display(self) -> str:
        return period_text(self.amount, self.unit)


class DeadlineQuerySet(models.QuerySet):
    def of_object(self, obj):
        return self.filter(of_case(obj))

    def running(self):
        return self.filter(state__in=(DeadlineState.OPEN, DeadlineState.OVERDUE))

    def past_due(self, today: datetime.date):
        """Running deadlines whose last day is before `today`: those the reminder run marked overdue and those it
        has not reached yet. An overdue deadline is always past due (a new due date on or after today reopens it:
        deadline_reschedule, deadlines_recompute), so running deadlines in due order are the overdue ones first."""
        return self.running().filter(due__lt=today)


class Deadline(models.Model):
    """One running legal period of a case: from `start` (not counted) to `due` (the last day, inclusive)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    case = GenericForeignKey("content_type", "object_id")
    rule = models.ForeignKey(
        DeadlineRule, verbose_name="期限规则", on_delete=models.PROTECT, related_name="deadlines"
    )
    label = models.CharField("名称", max_length=200, blank=True)
    start = models.DateField("起算日", help_text="起算当日不计入，自次日开始计算。")
    amount = models.PositiveIntegerField("期间长度")
    unit = models.CharField("单位", max_length=10, choices=Unit.choices)
    nominal = models.DateField("按期间推算的最后一日")
    due = models.DateField("届满日")
    moved = models.BooleanField(
        "顺延", default=False, help_text="最后一日不是工作日，顺延至其后第一个工作日。"
    )
    provisional = models.BooleanField(
        "暂定", default=False, help_text="涉及尚未录入放假安排的年度，暂按周末休息计算，录入后自动重算。"
    )
    state = models.CharField("状态", max_length=10, choices=DeadlineState.choices, default=DeadlineState.OPEN)
    waived_reason = models.TextField("免除理由", blank=True)
    waived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="免除人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    closed_on = models.DateField("办结日", null=True, blank=True)
    responsible = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name="责任人", blank=True, related_name="deadlines"
    )
    section = models.ForeignKey(
        Section, verbose_name="承办股室", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = DeadlineQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "期限"
        ordering = ["due", "id"]
        indexes = [
            models.Index(fields=["content_type", "object_id"]),
            models.Index(fields=["state", "due"]),
            # The running deadlines in the order every list of them reads (most urgent first).
            models.Index(
                fields=["due", "id"],
                condition=Q(state__in=[DeadlineState.OPEN, DeadlineState.OVERDUE]),
                name="deadlines_running_by_due",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title}（{self.due:%Y-%m-%d}届满）"

    @property
    def title(self) -> str:
        return self.label or self.rule.name

    @property
    def period_display(self) -> str:
        return period_text(self.amount, self.unit)

    @property
    def state_badge(self) -> str:
        return DeadlineState(self.state).badge

    @property
    def is_closed(self) -> bool:
        return self.state in (DeadlineState.MET, DeadlineState.WAIVED)

    @property
    def met_late(self) -> bool:
        return self.state == DeadlineState.MET and self.closed_on is not None and self.closed_on > self.due

    def case_url(self) -> str:
        """The case's page, or "" when the attached object has none (deleted, or not a case)."""
        try:
            return self.case.get_absolute_url()
        except (AttributeError, NoReverseMatch):
            return ""
