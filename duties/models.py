from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from linggao_mi.org.models import Section


class Duty(models.Model):
    """A 主要职责 of 一、部门职责登记表, its text as the source words it."""

    number = models.PositiveSmallIntegerField("序号", unique=True, validators=[MinValueValidator(1)])
    text = models.TextField("主要职责")
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "主要职责"
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:30]}"


class Regime(models.Model):
    """A supervision regime of 三、事中事后监督管理制度, e.g. 三（四）对用能单位的节能监察.

    `url_name` names the staff page of a regime the portal already runs; empty for the others.
    """

    number = models.PositiveSmallIntegerField("序号", unique=True, validators=[MinValueValidator(1)])
    clause = models.CharField("条目", max_length=10, unique=True)
    name = models.CharField("监管制度", max_length=50)
    url_name = models.CharField("办理页面", max_length=50, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "事中事后监管制度"
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.clause}{self.name}"


class DutyItem(models.Model):
    """A 具体工作事项 under a duty; `section` is the 股室 carrying it, empty where the list leaves it open."""

    duty = models.ForeignKey(Duty, verbose_name="主要职责", on_delete=models.PROTECT, related_name="items")
    order = models.PositiveSmallIntegerField("顺序", validators=[MinValueValidator(1)])
    text = models.TextField("具体工作事项")
    note = models.TextField("备注", blank=True)
    section = models.ForeignKey(
        Section,
        verbose_name="承办股室",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="duty_items",
    )
    regimes = models.ManyToManyField(Regime, verbose_name="实施的监管制度", blank=True, related_name="duty_items")
    history = HistoricalRecords(m2m_fields=[regimes])

    class Meta:
        verbose_name = verbose_name_plural = "具体工作事项"
        ordering = ["duty__number", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["duty", "order"],
                name="duty_item_order_unique",
                violation_error_message="该主要职责下已有相同顺序号的工作事项。",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text[:30]}"

    @property
    def code(self) -> str:
        """The item's place in the register, e.g. 4.3."""
        return f"{self.duty.number}.{self.order}"
