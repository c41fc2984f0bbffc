from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from linggao_mi.org.models import Department


class BoundaryMatter(models.Model):
    """A 管理事项 of 二、职责边界表 that several agencies share (节能管理 …)."""

    number = models.PositiveSmallIntegerField("序号", unique=True, validators=[MinValueValidator(1)])
    name = models.CharField("管理事项", max_length=100, unique=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "管理事项"
        ordering = ["number"]

    def __str__(self) -> str:
        return self.name


class Assignment(models.Model):
    """One agency's 职责分工 in a matter."""

    matter = models.ForeignKey(
        BoundaryMatter, verbose_name="管理事项", on_delete=models.PROTECT, related_name="assignments"
    )
    department = models.ForeignKey(
        Department, verbose_name="相关部门", on_delete=models.PROTECT, related_name="assignments"
    )
    order = models.PositiveSmallIntegerField("顺序", validators=[MinValueValidator(1)])
    duties = models.TextField("职责分工")
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "职责分工"
        ordering = ["matter__number", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["matter", "department"],
                name="assignment_department_once_per_matter",
                violation_error_message="该部门在此管理事项中已有职责分工，请修改原有条目。",
            )
        ]

    def __str__(self) -> str:
        return f"{self.matter} · {self.department}"


class LegalBasis(models.Model):
    """A 相关依据 of a matter; a numbered list in the source is one row per number, number included."""

    matter = models.ForeignKey(
        BoundaryMatter, verbose_name="管理事项", on_delete=models.PROTECT, related_name="legal_bases"
    )
    order = models.PositiveSmallIntegerField("顺序", validators=[MinValueValidator(1)])
    text = models.TextField("相关依据")
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "相关依据"
        ordering = ["matter__number", "order"]

    def __str__(self) -> str:
        return f"{self.matter} · {self.text[:30]}"


class BoundaryCase(models.Model):
    """A worked 案例 of a matter.

    `title` is the source's own heading (案例一：…) where it has one; the source gives the mining case
    no heading, so its title is an editorial summary. `departments` are the agencies the case text
    names as acting in it, so a lookup that hits the case can say who is concerned.
    """

    matter = models.ForeignKey(
        BoundaryMatter, verbose_name="管理事项", on_delete=models.PROTECT, related_name="cases"
    )
    order = models.PositiveSmallIntegerField("顺序", validators=[MinValueValidator(1)])
    title = models.CharField("标题", max_length=200)
    text = models.TextField("案例")
    departments = models.ManyToManyField(
        Department, verbose_name="涉及部门", blank=True, related_name="boundary_cases"
    )
    history = HistoricalRecords(m2m_fields=[departments])

    class Meta:
        verbose_name = verbose_name_plural = "案例"
        ordering = ["matter__number", "order"]

    def __str__(self) -> str:
        return self.title


class Synonym(models.Model):
    """An everyday word for a term of the table, for “这件事归谁管？”: 电线杆 → 电力设施, 树 → 高杆植物.

    Not part of the source; kept as data (fixtures/25_synonyms.json, then editable in the admin) so that the
    bureau can add the words people actually ask with.
    """

    word = models.CharField("日常说法", max_length=30, help_text="群众查询时可能使用的说法，例如“电线杆”。")
    term = models.CharField(
        "登记表用语", max_length=30, help_text="职责边界表、服务事项或职责登记表中的对应说法，例如“电力设施”。"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "查询同义词"
        ordering = ["term", "word"]
        constraints = [
            models.UniqueConstraint(
                fields=["word", "term"],
                name="synonym_once",
                violation_error_message="这组同义词已经存在。",
            )
        ]

    def __str__(self) -> str:
        return f"{self.word} → {self.term}"
