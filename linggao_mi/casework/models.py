import functools

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import get_script_prefix, reverse

from linggao_mi.org.models import Section


def of_case(case) -> models.Q:
    """Rows of a table with a generic `case` key (events, deadlines, documents, attachments) that belong to `case`."""
    return models.Q(content_type=ContentType.objects.get_for_model(case), object_id=case.pk)



_PK_MARK = 918273645


@functools.cache
def _detail_url_around_pk(url_name: str, script_prefix: str) -> tuple[str, str]:
    """A case page's URL either side of its key, reversed once per process: a list links 50 cases a page, and
    reverse() costs more than the rest of a row's cell."""
    before, after = reverse(url_name, args=[_PK_MARK]).split(str(_PK_MARK))
    return before, after


class Case(models.Model):
    """What every regime's case shares. Concrete cases set `state` choices and CLOSED_STATES.

    The contract the shared machinery (deadlines, documents, attachments, my work) relies on:
    `section`, `inspectors`, `responsible_users()`, `is_closed`, `reference`, get_absolute_url(); lists and my
    work show `subject` — the row of SUBJECT_FIELD, the foreign key naming whom the case is about (a unit, a
    project), fetched with select_related(SUBJECT_FIELD) — first, and find a case's documents and deadlines by
    the SUBJECT_SEARCH fields (e.g. the unit's name and credit code) as well as by its 案号.

    `year` and `serial` make the 案号: cases of a table are numbered per year from 1 without gaps, taken by
    `services.case_create` from the table's `Series` when the case is created. A concrete case's Meta extends
    Case.Meta, which holds the per-table unique (year, serial) constraint.
    """

    CLOSED_STATES: tuple[str, ...] = ("closed",)
    REFERENCE_PREFIX = "案"
    DETAIL_URL_NAME = ""
    SUBJECT_FIELD = ""
    SUBJECT_SEARCH: tuple[str, ...] = ()

    state = models.CharField("状态", max_length=30)
    section = models.ForeignKey(Section, verbose_name="承办股室", on_delete=models.PROTECT, related_name="+")
    inspectors = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name="承办人员", related_name="+")
    year = models.PositiveSmallIntegerField("年度", editable=False)
    serial = models.PositiveIntegerField("序号", editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("登记时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    # Not a column: lets a list of cases fetch all their deadlines in one query (casework.api.with_deadlines).
    deadlines = GenericRelation("deadlines.Deadline")
    # The case's next running deadline (the earliest due, None without one), kept by the deadline services
    # (deadlines.services.next_deadlines_refresh) whenever a deadline of the case opens, moves or ends, so that lists
    # and my work show and sort by it from the case's own row instead of asking every case's deadlines.
    next_deadline = models.ForeignKey(
        "deadlines.Deadline", verbose_name="下一期限", null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )
    next_due = models.DateField("下一期限届满日", null=True, blank=True, editable=False)

    # What a case's history leaves out: the time of the last write, and the next deadline (the deadlines keep theirs).
    HISTORY_EXCLUDED = ["updated_at", "next_deadline", "next_due"]

    class Meta:
        abstract = True
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["year", "serial"], name="%(app_label)s_%(class)s_year_serial_unique")
        ]
        indexes = [models.Index(fields=["next_due", "id"], name="%(class)s_next_due")]  # ?sort=next_due, my work

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        before, after = _detail_url_around_pk(self.DETAIL_URL_NAME, get_script_prefix())
        return f"{before}{self.pk}{after}"

    @property
    def reference(self) -> str:
        return f"{self.REFERENCE_PREFIX}〔{self.year}〕{self.serial}号"

    @property
    def subject(self):
        return getattr(self, self.SUBJECT_FIELD) if self.SUBJECT_FIELD else None

    @property
    def is_closed(self) -> bool:
        return self.state in self.CLOSED_STATES

    def responsible_users(self):
        return self.inspectors.all()

    @classmethod
    def also_visible_to(cls, user) -> "models.Q | None":
        """Cases of this table `user` sees beyond their sections' and their own (casework.selectors.cases_visible),
        e.g. the cases sent to a legal reviewer; None for none."""
        return None


class CaseEvent(models.Model):
    """One entry of a case's timeline: who moved it from which state to which, and why."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    case = GenericForeignKey("content_type", "object_id")
    step = models.CharField("步骤", max_length=50, blank=True, help_text="工作流表中的步骤名；文书等记录为空。")
    action = models.CharField("操作", max_length=50)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="办理人", on_delete=models.PROTECT)
    from_state = models.CharField("原状态", max_length=30, blank=True)
    to_state = models.CharField("新状态", max_length=30)
    reason = models.TextField("说明", blank=True)
    late_reason = models.TextField(
        "补录说明", blank=True, help_text="所登记的日期早于立案日期时（补录），须说明理由，办理记录中标明。"
    )
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "办理记录"
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"

    @property
    def is_late_entry(self) -> bool:
        return bool(self.late_reason)


class Series(models.Model):
    """The last number handed out in a yearly series: a document kind's 文号, a case table's 案号.

    Taken only through `services.series_next`, which locks the row inside the caller's transaction, so
    numbers go out one at a time and a rollback gives the number back: no gaps, no repeats.
    """

    name = models.CharField("序列", max_length=100)
    year = models.PositiveSmallIntegerField("年份")
    last = models.PositiveIntegerField("已用至", default=0)

    class Meta:
        verbose_name = verbose_name_plural = "编号序列"
        ordering = ["name", "-year"]
        constraints = [models.UniqueConstraint(fields=["name", "year"], name="casework_series_name_year_unique")]

    def __str__(self) -> str:
        return f"{self.name}〔{self.year}〕已用至{self.last}号"
