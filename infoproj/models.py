"""三（三）（六）（七）（八）（九）: IT projects on county funds with their standards gates and tendering, key projects
with their tracking, IT plans with their filings and checks, and the briefings and reports made from them.

Every case is a casework.Case of 信息技术股; rules live in rules.py and the workflows in workflow.py.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from linggao_mi.casework.models import Case
from linggao_mi.casework.registry import register_case_model

from .choices import (
    Assessment,
    BriefingKind,
    BriefingState,
    BuildKind,
    ComplaintSource,
    FilerKind,
    Funding,
    Gate,
    Implementation,
    KeyProjectKind,
    KeyProjectState,
    LawBasis,
    PlanState,
    ProjectState,
    TenderDocKind,
    Verdict,
)

MONEY = dict(max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal("0"), "金额不能为负数。")])
USER = dict(on_delete=models.PROTECT, related_name="+")


def _object_permissions(model):
    """Guardian's direct-foreign-key permission tables of a case model (DESIGN.md §5)."""
    name = model.__name__
    user = type(f"{name}UserObjectPermission", (UserObjectPermissionBase,), {
        "__module__": __name__, "content_object": models.ForeignKey(model, on_delete=models.CASCADE)})
    group = type(f"{name}GroupObjectPermission", (GroupObjectPermissionBase,), {
        "__module__": __name__, "content_object": models.ForeignKey(model, on_delete=models.CASCADE)})
    return user, group


class StateBadge:
    STATES: type

    @property
    def state_badge(self) -> str:
        return self.STATES(self.state).badge


# ================================================================ IT plans (三（六）)


@register_case_model
class PlanFiling(StateBadge, Case):
    """An IT development plan filed with the bureau (三（六）5(2)), or the county's own plan (5(1))."""

    STATES = PlanState
    CLOSED_STATES = ()
    REFERENCE_PREFIX = "临工信规备"
    DETAIL_URL_NAME = "infoproj:plan_detail"

    state = models.CharField("状态", max_length=30, choices=PlanState.choices, default=PlanState.RECEIVED)
    filer_kind = models.CharField("编制单位类别", max_length=20, choices=FilerKind.choices)
    filer_name = models.CharField("编制单位", max_length=100)
    title = models.CharField("规划名称", max_length=200)
    period_from = models.PositiveSmallIntegerField("规划期起", validators=[MinValueValidator(2000)])
    period_to = models.PositiveSmallIntegerField("规划期止", validators=[MaxValueValidator(2100)])
    submitted_on = models.DateField("报送备案日期")
    acknowledged_on = models.DateField("备案日期", null=True, blank=True)
    acknowledgement = models.TextField("备案意见", blank=True)
    county_approved_on = models.DateField("县政府批准日期", null=True, blank=True)
    approval_number = models.CharField("批准文号", max_length=80, blank=True)
    province_filed_on = models.DateField("报省信息化主管部门备案日期", null=True, blank=True)
    province_receipt = models.CharField("省备案回执", max_length=200, blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta(Case.Meta):
        verbose_name = verbose_name_plural = "信息化发展规划备案"
        ordering = ["-created_at", "-id"]
        permissions = [("decide_planfiling", "可以作出规划备案决定")]

    def __str__(self) -> str:
        return f"{self.reference} {self.filer_name}《{self.title}》"

    def covers(self, year: int) -> bool:
        return self.period_from <= year <= self.period_to


PlanFilingUserObjectPermission, PlanFilingGroupObjectPermission = _object_permissions(PlanFiling)


class PlanCheck(models.Model):
    """不定期检查 (三（六）5(3)): a check group evaluates how a filed plan is carried out."""

    plan = models.ForeignKey(PlanFiling, verbose_name="规划", on_delete=models.CASCADE, related_name="checks")
    checked_on = models.DateField("检查日期")
    group_members = models.TextField("检查组成员")
    methods = models.JSONField("检查方式", default=list)
    findings = models.TextField("检查情况")
    implementation = models.CharField("落实情况", max_length=10, choices=Implementation.choices)
    outside_plan_projects = models.TextField("不按规划擅自建设的信息化工程", blank=True)
    correction = models.TextField("会同有关部门纠正情况", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人", **USER)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "规划落实情况检查"
        ordering = ["plan_id", "checked_on", "id"]

    def __str__(self) -> str:
        return f"{self.plan.filer_name} {self.checked_on:%Y-%m-%d}检查"


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
    history = HistoricalRecords(excluded_fields=["updated_at"])

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


ITProjectUserObjectPermission, ITProjectGroupObjectPermission = _object_permissions(ITProject)


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


class TenderAnnouncement(models.Model):
    """中标、成交结果公告 (三（八）5(2)) with the award notice; every field the source lists must be filled."""

    project = models.OneToOneField(ITProject, on_delete=models.CASCADE, related_name="announcement")
    winner_determined_on = models.DateField("中标、成交供应商确定日期")
    purchaser_name = models.CharField("采购人名称", max_length=100, blank=True)
    purchaser_address = models.CharField("采购人地址", max_length=200, blank=True)
    purchaser_contact = models.CharField("采购人联系方式", max_length=100, blank=True)
    agent_name = models.CharField("采购代理机构名称", max_length=100, blank=True)
    agent_address = models.CharField("采购代理机构地址", max_length=200, blank=True)
    agent_contact = models.CharField("采购代理机构联系方式", max_length=100, blank=True)
    project_title = models.CharField("项目名称", max_length=200, blank=True)
    project_number = models.CharField("项目编号", max_length=60, blank=True)
    winner_name = models.CharField("中标（成交）供应商名称", max_length=100, blank=True)
    winner_address = models.CharField("中标（成交）供应商地址", max_length=200, blank=True)
    winner_amount = models.DecimalField("中标（成交）金额（元）", null=True, blank=True, **MONEY)
    experts = models.TextField("评审专家名单", blank=True)
    media = models.CharField("指定媒体", max_length=100, blank=True, default="中国海南政府采购网")
    notice_sent_on = models.DateField("中标、成交通知书发出日期", null=True, blank=True)
    published_on = models.DateField("公告日期", null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="发布人", null=True, blank=True, **USER)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "中标、成交结果公告"
        ordering = ["-published_on", "-id"]

    def __str__(self) -> str:
        return f"{self.project_title or self.project.name}中标（成交）结果公告"

    @property
    def is_published(self) -> bool:
        return self.published_on is not None


class AnnouncementItem(models.Model):
    """A main item won (三（八）5(2)): name, spec/model, quantity, unit price, service requirements."""

    announcement = models.ForeignKey(TenderAnnouncement, on_delete=models.CASCADE, related_name="items")
    name = models.CharField("名称", max_length=100)
    spec_model = models.CharField("规格型号", max_length=100)
    quantity = models.CharField("数量", max_length=30)
    unit_price = models.DecimalField("单价（元）", null=True, blank=True, **MONEY)
    service_requirements = models.CharField("服务要求", max_length=300)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "主要中标（成交）标的"
        ordering = ["announcement_id", "id"]

    def __str__(self) -> str:
        return self.name


class TenderDocument(models.Model):
    """招标文件、竞争性谈判文件、询价通知书: published with the result (三（八）4、5(2)); downloadable by the public."""

    announcement = models.ForeignKey(TenderAnnouncement, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField("文件类别", max_length=20, choices=TenderDocKind.choices)
    attachment = models.ForeignKey("attachments.Attachment", verbose_name="文件", **USER)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "随结果公告的采购文件"
        ordering = ["announcement_id", "id"]

    def __str__(self) -> str:
        return self.get_kind_display()


class ContractCheck(models.Model):
    """合同履约情况检查 (三（八）5(3)) and acceptance against the contract (5(4)); problems handled under 6(2)."""

    project = models.ForeignKey(ITProject, on_delete=models.CASCADE, related_name="contract_checks")
    checked_on = models.DateField("检查日期")
    against_contract = models.BooleanField("竣工验收：承建单位是否完成合同内容", default=False)
    contract_fulfilled = models.BooleanField("合同双方按约履行")
    findings = models.TextField("检查情况")
    rectification = models.TextField("责令整改内容", blank=True)
    basis = models.CharField("处罚依据的法律", max_length=20, choices=LawBasis.choices, blank=True)
    basis_article = models.CharField("条款", max_length=100, blank=True)
    penalty = models.TextField("对责任方的处罚", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人", **USER)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "合同履约检查"
        ordering = ["project_id", "checked_on", "id"]

    def __str__(self) -> str:
        return f"履约检查 {self.checked_on:%Y-%m-%d}"


class Complaint(models.Model):
    """投诉、举报 in tendering (三（八）4、6(1)): investigated, handled, penalties with their basis."""

    project = models.ForeignKey(ITProject, on_delete=models.CASCADE, related_name="complaints")
    source = models.CharField("类别", max_length=20, choices=ComplaintSource.choices)
    received_on = models.DateField("收到日期")
    complainant = models.CharField("投诉（举报）人", max_length=100)
    content = models.TextField("投诉（举报）内容")
    investigation = models.TextField("调查情况")
    handling = models.TextField("处理意见（责令整改）")
    basis = models.CharField("依据的法律", max_length=20, choices=LawBasis.choices)
    basis_article = models.CharField("条款", max_length=100)
    penalty = models.TextField("对责任人的处罚", blank=True)
    concluded_on = models.DateField("办结日期")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人", **USER)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "投诉举报"
        ordering = ["project_id", "received_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_source_display()} {self.received_on:%Y-%m-%d}"


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
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta(Case.Meta):
        verbose_name = verbose_name_plural = "重点项目"
        ordering = ["-created_at", "-id"]
        permissions = [("decide_keyproject", "可以作出重点项目决定（考核、建成）")]

    def __str__(self) -> str:
        return f"{self.reference} {self.name}"


KeyProjectUserObjectPermission, KeyProjectGroupObjectPermission = _object_permissions(KeyProject)


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
    history = HistoricalRecords(excluded_fields=["updated_at"])

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


BriefingUserObjectPermission, BriefingGroupObjectPermission = _object_permissions(Briefing)
