"""IT projects on county-level fiscal funds (三（七）（九）): the project, its gate reviews, tender filings,
routine checks, changes and performance evaluations."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from linggao_mi.casework.models import Case
from linggao_mi.casework.registry import register_case_model

from ..choices import (
    BuildKind,
    Funding,
    Gate,
    ProjectState,
    Verdict,
)
from .common import MONEY, USER, StateBadge, object_permissions
from .plans import PlanFiling

# ================================================================ IT projects (三（七）（八）（九）)


@register_case_model
class ITProject(StateBadge, Case):
    """An IT project on county-level fiscal funds (三（七）1), from feasibility review to acceptance."""

    STATES = ProjectState
    CLOSED_STATES = (ProjectState.CLOSED,)
    REFERENCE_PREFIX = "临工信信工"
    DETAIL_URL_NAME = "infoproj:project_detail"

    state = models.CharField("状态", max_length=30, choices=ProjectState.choices, default=ProjectState.FEASIBILITY)
    name = models.CharField("项目名称", max_length=200)
    owner_unit = models.CharField("项目建设单位", max_length=100)
    owner_contact = models.CharField("联系人及电话", max_length=100)
    funding = models.CharField("资金来源", max_length=20, choices=Funding.choices)
    build_kind = models.CharField("建设性质", max_length=20, choices=BuildKind.choices)
    budget = models.DecimalField("批复概算（万元）", **MONEY)
    approved_scale = models.TextField("批复的建设规模")
    approved_content = models.TextField("批复的建设内容")
    plan = models.ForeignKey(
        PlanFiling, verbose_name="所依据的信息化发展规划", null=True, blank=True, on_delete=models.PROTECT,
        related_name="projects", help_text="不在已备案规划内的项目标为规划外项目（三（六）6）。",
    )
    plan_correction = models.TextField("规划外建设的纠正情况", blank=True)
    award_deadline = models.ForeignKey(
        "deadlines.Deadline", verbose_name="中标结果公告期限", null=True, blank=True, **USER
    )
    acceptance_applied_on = models.DateField("竣工验收申请日期", null=True, blank=True)
    acceptance_application = models.TextField("竣工验收申请说明", blank=True)
    acceptance_document = models.ForeignKey(
        "documents.OfficialDocument", verbose_name="验收意见书", null=True, blank=True, **USER
    )
    closed_on = models.DateField("结案日期", null=True, blank=True)
    close_reason = models.TextField("结案说明", blank=True)
    history = HistoricalRecords(excluded_fields=Case.HISTORY_EXCLUDED)

    class Meta(Case.Meta):
        verbose_name = verbose_name_plural = "信息化工程项目"
        ordering = ["-created_at", "-id"]
        permissions = [("decide_itproject", "可以作出信息化工程监管决定（变更审批、处理、结案）")]

    def __str__(self) -> str:
        return f"{self.reference} {self.name}"

    @property
    def outside_plan(self) -> bool:
        return self.plan_id is None

    def last_review(self, gate: str):
        return self.reviews.filter(gate=gate).order_by("-reviewed_on", "-id").first()


ITProjectUserObjectPermission, ITProjectGroupObjectPermission = object_permissions(ITProject)


class ExpertReview(models.Model):
    """An expert review at one of the three standards gates (三（九）4、5): are the information standards
    implemented? A failed review keeps the project at its gate (三（九）6)."""

    project = models.ForeignKey(ITProject, on_delete=models.CASCADE, related_name="reviews")
    gate = models.CharField("审核环节", max_length=20, choices=Gate.choices)
    reviewed_on = models.DateField("审核日期")
    experts = models.TextField("评审专家")
    standards_implemented = models.BooleanField("落实信息化标准")
    standards_opinion = models.TextField("信息化标准落实情况")
    verdict = models.CharField("结论", max_length=10, choices=Verdict.choices)
    opinions = models.TextField("评审（整改）意见", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人", **USER)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "专家审核（标准执行）"
        ordering = ["project_id", "reviewed_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_gate_display()} {self.reviewed_on:%Y-%m-%d} {self.get_verdict_display()}"

    @property
    def verdict_badge(self) -> str:
        return Verdict(self.verdict).badge


class TenderFiling(models.Model):
    """One submission of the tender file for 审核备案 (三（七）5(1), 三（八）5(1)); returned with opinions and
    refiled."""

    project = models.ForeignKey(ITProject, on_delete=models.CASCADE, related_name="tender_filings")
    version = models.PositiveSmallIntegerField("报送次序")
    submitted_on = models.DateField("报送日期")
    attachment = models.ForeignKey("attachments.Attachment", verbose_name="招标文件", **USER)
    law_compliant = models.BooleanField("符合招投标和政府采购法律法规", null=True)
    scale_compliant = models.BooleanField("符合批复的建设规模和内容", null=True)
    review = models.OneToOneField(
        ExpertReview, verbose_name="专家审核", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    verdict = models.CharField("审核结论", max_length=10, choices=Verdict.choices, blank=True)
    opinions = models.TextField("修改意见", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "招标文件审核备案"
        ordering = ["project_id", "version"]
        constraints = [models.UniqueConstraint(fields=["project", "version"], name="infoproj_tender_filing_version")]

    def __str__(self) -> str:
        return f"第{self.version}次报送（{self.submitted_on:%Y-%m-%d}）"


class RoutineCheck(models.Model):
    """日常检查 (三（七）5(2)、6(2)): progress, funds, quality and safety; findings with a deadline to rectify."""

    project = models.ForeignKey(ITProject, on_delete=models.CASCADE, related_name="checks")
    checked_on = models.DateField("检查日期")
    group_members = models.TextField("检查小组")
    methods = models.JSONField("检查方式", default=list)
    progress_ok = models.BooleanField("进度按计划推进")
    funds_ok = models.BooleanField("资金使用合理")
    quality_ok = models.BooleanField("质量安全符合要求")
    findings = models.TextField("检查意见")
    rectification = models.TextField("整改措施", blank=True)
    deadline = models.ForeignKey("deadlines.Deadline", verbose_name="整改期限", null=True, blank=True, **USER)
    referred_to = models.ForeignKey(
        "org.Department", verbose_name="通报处罚的部门", null=True, blank=True, **USER
    )
    referral_basis = models.TextField("违反的法律法规", blank=True)
    rectified_on = models.DateField("整改完成日期", null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人", **USER)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "日常检查"
        ordering = ["project_id", "checked_on", "id"]

    def __str__(self) -> str:
        return f"日常检查 {self.checked_on:%Y-%m-%d}"


class ProjectChange(models.Model):
    """可研（概算）变更 (三（七）3): recorded, then approved or refused."""

    project = models.ForeignKey(ITProject, on_delete=models.CASCADE, related_name="changes")
    requested_on = models.DateField("申请日期")
    description = models.TextField("变更内容及理由")
    budget_before = models.DecimalField("变更前概算（万元）", **MONEY)
    budget_after = models.DecimalField("变更后概算（万元）", **MONEY)
    approved = models.BooleanField("批准", null=True)
    decided_on = models.DateField("审批日期", null=True, blank=True)
    decision_reasons = models.TextField("审批意见", blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="审批人", null=True, blank=True, **USER)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "可研（概算）变更"
        ordering = ["project_id", "requested_on", "id"]

    def __str__(self) -> str:
        return f"变更申请 {self.requested_on:%Y-%m-%d}"




class PerformanceEvaluation(models.Model):
    """绩效评价 (三（七）5(4)、6(4)): the expert team's score sheet, kept and shown when the owner applies again."""

    project = models.ForeignKey(ITProject, on_delete=models.CASCADE, related_name="evaluations")
    evaluated_on = models.DateField("评价日期")
    experts = models.TextField("专家团队")
    management_score = models.DecimalField("项目管理得分", max_digits=5, decimal_places=1)
    output_score = models.DecimalField("系统产出得分", max_digits=5, decimal_places=1)
    effect_score = models.DecimalField("应用成效得分", max_digits=5, decimal_places=1)
    comments = models.TextField("评价意见")
    goals_met = models.BooleanField("实现批复的建设目标并达到预期效果")
    rectification = models.TextField("整改要求", blank=True)
    deadline = models.ForeignKey("deadlines.Deadline", verbose_name="整改期限", null=True, blank=True, **USER)
    refused_on = models.DateField("拒不整改或整改后仍不符合要求的认定日期", null=True, blank=True)
    sanction = models.TextField("通报批评或暂停其他项目立项审批的建议", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人", **USER)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "绩效评价"
        ordering = ["project_id", "evaluated_on", "id"]

    def __str__(self) -> str:
        return f"绩效评价 {self.evaluated_on:%Y-%m-%d} {self.total}分"

    @property
    def total(self) -> Decimal:
        return self.management_score + self.output_score + self.effect_score
