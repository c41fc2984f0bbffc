"""Key projects (三（三）) with their milestones, weekly records, monthly meetings and yearly assessments; the
briefings and reports made from the records."""


from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from linggao_mi.casework.models import Case
from linggao_mi.casework.registry import register_case_model

from ..choices import (
    Assessment,
    BriefingKind,
    BriefingState,
    KeyProjectKind,
    KeyProjectState,
)
from .common import MONEY, USER, StateBadge, object_permissions

# ================================================================ key projects (三（三）)


@register_case_model
class KeyProject(StateBadge, Case):
    """A key industrial or IT project of the county (三（三）1), tracked weekly, monthly and quarterly."""

    STATES = KeyProjectState
    CLOSED_STATES = (KeyProjectState.COMPLETED,)
    REFERENCE_PREFIX = "临工信重点"
    DETAIL_URL_NAME = "infoproj:key_detail"

    state = models.CharField("状态", max_length=30, choices=KeyProjectState.choices, default=KeyProjectState.TRACKING)
    name = models.CharField("项目名称", max_length=200)
    kind = models.CharField("类别", max_length=20, choices=KeyProjectKind.choices)
    owner_unit = models.CharField("项目业主", max_length=100)
    owner_contact = models.CharField("联系人及电话", max_length=100)
    investment = models.DecimalField("计划总投资（万元）", **MONEY)
    location = models.CharField("建设地点", max_length=200)
    description = models.TextField("建设内容")
    completed_on = models.DateField("建成日期", null=True, blank=True)
    history = HistoricalRecords(excluded_fields=Case.HISTORY_EXCLUDED)

    class Meta(Case.Meta):
        verbose_name = verbose_name_plural = "重点项目"
        ordering = ["-created_at", "-id"]
        permissions = [("decide_keyproject", "可以作出重点项目决定（考核、建成）")]

    def __str__(self) -> str:
        return f"{self.reference} {self.name}"


KeyProjectUserObjectPermission, KeyProjectGroupObjectPermission = object_permissions(KeyProject)


class Milestone(models.Model):
    project = models.ForeignKey(KeyProject, on_delete=models.CASCADE, related_name="milestones")
    name = models.CharField("节点", max_length=100)
    planned_on = models.DateField("计划完成日期")
    done_on = models.DateField("实际完成日期", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "项目节点"
        ordering = ["project_id", "planned_on", "id"]

    def __str__(self) -> str:
        return self.name


class WeeklyRecord(models.Model):
    """周跟踪 (三（三）3、5): this week's communication with the enterprise, progress and problems."""

    project = models.ForeignKey(KeyProject, on_delete=models.CASCADE, related_name="weekly_records")
    week_start = models.DateField("周（周一）")
    contacted_on = models.DateField("沟通日期")
    progress = models.TextField("本周进展")
    problems = models.TextField("存在问题", blank=True)
    subjective_causes = models.TextField("主观因素", blank=True)
    objective_causes = models.TextField("客观因素", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人", **USER)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "周跟踪记录"
        ordering = ["project_id", "week_start"]
        constraints = [models.UniqueConstraint(fields=["project", "week_start"], name="infoproj_weekly_once")]

    def __str__(self) -> str:
        return f"{self.project.name} {self.week_start:%Y-%m-%d}周"


class MonthlyMeeting(models.Model):
    """月碰头 (三（三）3、5): the month's progress and problems sorted out, with decisions, owners and due dates."""

    year = models.PositiveSmallIntegerField("年度")
    month = models.PositiveSmallIntegerField("月份", validators=[MinValueValidator(1), MaxValueValidator(12)])
    held_on = models.DateField("会议日期")
    attendees = models.TextField("参会人员")
    summary = models.TextField("会议纪要")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人", **USER)
    created_at = models.DateTimeField("登记时间", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "月碰头会"
        ordering = ["-year", "-month"]
        constraints = [models.UniqueConstraint(fields=["year", "month"], name="infoproj_meeting_once_a_month")]

    def __str__(self) -> str:
        return f"{self.year}年{self.month}月碰头会"


class MeetingDecision(models.Model):
    meeting = models.ForeignKey(MonthlyMeeting, on_delete=models.CASCADE, related_name="decisions")
    project = models.ForeignKey(KeyProject, verbose_name="项目", on_delete=models.PROTECT, related_name="decisions")
    decision = models.TextField("议定事项")
    owner = models.CharField("责任单位（人）", max_length=100)
    due_on = models.DateField("完成时限")
    done_on = models.DateField("完成日期", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "议定事项"
        ordering = ["meeting_id", "due_on", "id"]

    def __str__(self) -> str:
        return self.decision[:30]


class YearlyAssessment(models.Model):
    """三（三）6: the year's reporting and follow-up assessed, published as commendation or criticism."""

    project = models.ForeignKey(KeyProject, on_delete=models.CASCADE, related_name="assessments")
    year = models.PositiveSmallIntegerField("考核年度")
    weeks_reported = models.PositiveSmallIntegerField("报送周跟踪的周数")
    weeks_due = models.PositiveSmallIntegerField("应报送的周数")
    reporting = models.TextField("信息报送情况")
    follow_up = models.TextField("跟踪服务情况")
    result = models.CharField("考核结果", max_length=20, choices=Assessment.choices)
    published_on = models.DateField("通报日期", null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人", **USER)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "年度综合考核"
        ordering = ["project_id", "year"]
        constraints = [models.UniqueConstraint(fields=["project", "year"], name="infoproj_assessment_once_a_year")]

    def __str__(self) -> str:
        return f"{self.year}年度考核：{self.get_result_display()}"


# ================================================================ briefings and reports


@register_case_model
class Briefing(StateBadge, Case):
    """A 季简报 of the key projects (三（三）5) or the yearly report on the IT plans (三（六）6), made from the
    records of its period as a document of the kit."""

    STATES = BriefingState
    CLOSED_STATES = (BriefingState.ISSUED,)
    REFERENCE_PREFIX = "临工信简"
    DETAIL_URL_NAME = "infoproj:briefing_detail"

    state = models.CharField("状态", max_length=30, choices=BriefingState.choices, default=BriefingState.DRAFTING)
    kind = models.CharField("类别", max_length=20, choices=BriefingKind.choices)
    period_year = models.PositiveSmallIntegerField("年度")
    quarter = models.PositiveSmallIntegerField(
        "季度", null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    document = models.ForeignKey("documents.OfficialDocument", verbose_name="文书", null=True, blank=True, **USER)
    history = HistoricalRecords(excluded_fields=Case.HISTORY_EXCLUDED)

    class Meta(Case.Meta):
        verbose_name = verbose_name_plural = "简报与报告"
        ordering = ["-created_at", "-id"]
        permissions = [("decide_briefing", "可以印发简报与报告")]
        constraints = [
            *Case.Meta.constraints,
            models.UniqueConstraint(
                fields=["kind", "period_year", "quarter"], name="infoproj_briefing_once", nulls_distinct=False
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.period_label}{self.get_kind_display()}"

    @property
    def period_label(self) -> str:
        return f"{self.period_year}年" + (f"第{self.quarter}季度" if self.quarter else "")


BriefingUserObjectPermission, BriefingGroupObjectPermission = object_permissions(Briefing)
