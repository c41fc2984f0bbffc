"""三（二）规范行政处罚裁量权: the published 裁量基准 with its circumstances, and each use of it on a case."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from simple_history.models import HistoricalRecords

from ..choices import (
    CircumstanceKind,
)

# ---------------------------------------------------------------- 三（二） the discretion catalogue


class DiscretionStandard(models.Model):
    """One violation of the catalogue: the article, who enforces it, the penalty kinds and the legal range."""

    law = models.CharField("法律法规", max_length=100)
    article = models.CharField("条款", max_length=30)
    position = models.PositiveSmallIntegerField("排序", default=0)
    department = models.CharField("执法部门", max_length=60)
    violation = models.TextField("违法行为")
    provision = models.TextField("法律责任条文")
    penalty_kinds = models.JSONField("处罚种类", default=list)
    min_amount = models.PositiveIntegerField("法定最低罚款（元）", null=True, blank=True)
    max_amount = models.PositiveIntegerField("法定最高罚款（元）", null=True, blank=True)
    first_offence_allowed = models.BooleanField(
        "可首违不罚", default=False, help_text="法律规定先责令改正、逾期（拒不）改正方处罚款的，可以设定首违不罚。"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "行政处罚裁量基准"
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["law", "article"], name="inspections_standard_article_unique"),
            models.CheckConstraint(
                condition=(models.Q(min_amount__isnull=True) & models.Q(max_amount__isnull=True))
                | models.Q(min_amount__lte=models.F("max_amount")),
                name="inspections_standard_range_ordered",
                violation_error_message="法定罚款幅度的下限不得高于上限，无罚款的两项均为空。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.law}{self.article}"

    @property
    def has_fine(self) -> bool:
        return self.max_amount is not None


class DiscretionCircumstance(models.Model):
    """A circumstance of an entry (不予处罚, 首违不罚, 从轻, 一般, 从重) with the range it allows."""

    standard = models.ForeignKey(
        DiscretionStandard, verbose_name="裁量基准", on_delete=models.CASCADE, related_name="circumstances"
    )
    kind = models.CharField("裁量情形", max_length=10, choices=CircumstanceKind.choices)
    conditions = models.TextField("适用条件")
    min_amount = models.PositiveIntegerField("罚款下限（元）", null=True, blank=True)
    max_amount = models.PositiveIntegerField("罚款上限（元）", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "裁量情形"
        ordering = ["standard_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["standard", "kind"], name="inspections_circumstance_once_per_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.standard} {self.get_kind_display()}"

    def clean(self):
        # Entered in admin or by a service: never beyond the legal cap (三（二）1).
        from ..services.discretion import check_circumstance

        check_circumstance(self)


class DiscretionUse(models.Model):
    """A penalty recommendation of a case of any regime: the entry and circumstance, the amount, the reasons."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    case = GenericForeignKey("content_type", "object_id")
    standard = models.ForeignKey(
        DiscretionStandard, verbose_name="裁量基准", on_delete=models.PROTECT, related_name="+"
    )
    circumstance = models.ForeignKey(
        DiscretionCircumstance, verbose_name="裁量情形", on_delete=models.PROTECT, related_name="+"
    )
    amount = models.PositiveIntegerField("建议罚款（元）", null=True, blank=True)
    reasons = models.TextField("说明理由")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="建议人", on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField("建议时间", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "处罚裁量建议"
        ordering = ["recorded_at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        amount = f"罚款{self.amount}元" if self.amount is not None else "不罚款"
        return f"{self.standard}（{self.circumstance.get_kind_display()}）{amount}"
