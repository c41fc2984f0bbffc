"""The records of 三（五）: projects with their whole history (changes, triggers; simple-history on the project) and
the check cases of each project. Rules live in rules.py and the services; the models only hold the record."""

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from linggao_mi.casework.models import Case
from linggao_mi.casework.registry import register_case_model

from .choices import (
    ChangeKind,
    CheckKind,
    CheckMethod,
    CheckOccasion,
    CheckState,
    MeasureKind,
    ProcedureStep,
    ReviewStatus,
    TriggerCode,
)

TCE = {"max_digits": 14, "decimal_places": 2, "validators": [MinValueValidator(0, "能源消费量不能为负数。")]}


class FixedAssetProject(models.Model):
    """A 固定资产投资项目 under supervision (三（五）1)."""

    owner = models.ForeignKey(
        "energy.EnergyUnit", verbose_name="项目建设单位", on_delete=models.PROTECT, related_name="fixed_asset_projects"
    )
    name = models.CharField("项目名称", max_length=200)
    location = models.CharField("建设地点", max_length=200, blank=True)
    total_investment = models.DecimalField(
        "总投资（万元）", max_digits=14, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0, "总投资不能为负数。")],
    )
    review_status = models.CharField(
        "节能审查情况", max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.PASSED
    )
    review_opinion_number = models.CharField("节能审查意见文号", max_length=100, blank=True)
    review_passed_on = models.DateField("通过节能审查日期", null=True, blank=True)
    approved_annual_consumption_tce = models.DecimalField(
        "核定年综合能源消费量（吨标准煤）", null=True, blank=True, **TCE
    )
    construction_planned_on = models.DateField("计划开工日期", null=True, blank=True)
    construction_started_on = models.DateField("实际开工日期", null=True, blank=True)
    production_started_on = models.DateField("投入生产、使用日期", null=True, blank=True)
    section = models.ForeignKey(
        "org.Section", verbose_name="承办股室", on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("登记时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])
    # Not a column: the project's periods (its yearly check), fetched for a whole list in one query.
    deadlines = GenericRelation("deadlines.Deadline")

    class Meta:
        verbose_name = verbose_name_plural = "固定资产投资项目"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("energy:fixed_asset_project", args=[self.pk])

    @property
    def review_passed(self) -> bool:
        return ReviewStatus(self.review_status).passed

    def responsible_users(self):
        """Whom the project's periods remind: the members and the chief of its section."""
        return User.objects.filter(
            models.Q(profile__section_id=self.section_id) | models.Q(pk=self.section.chief_id), is_active=True
        ).distinct()


class ProjectChange(models.Model):
    """A change of scale, content or technical scheme, with the new expected annual consumption (三（五）2(5))."""

    project = models.ForeignKey(FixedAssetProject, on_delete=models.PROTECT, related_name="changes")
    kind = models.CharField("变化类型", max_length=20, choices=ChangeKind.choices)
    description = models.TextField("变化情况")
    changed_on = models.DateField("变化登记日期")
    expected_annual_consumption_tce = models.DecimalField("变化后预计年综合能源消费量（吨标准煤）", **TCE)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField("登记时间", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "项目变化"
        ordering = ["project_id", "changed_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}（{self.changed_on:%Y-%m-%d}）"


class ProjectTrigger(models.Model):
    """One matter of 三（五）2 found on a project, since when, and how (computed by the portal or recorded)."""

    project = models.ForeignKey(FixedAssetProject, on_delete=models.PROTECT, related_name="triggers")
    code = models.CharField("情形", max_length=20, choices=TriggerCode.choices)
    clause = models.CharField("依据", max_length=30)
    since = models.DateField("发生日期")
    facts = models.TextField("事实")
    verified_consumption_tce = models.DecimalField(
        "核实的年综合能源消费量（吨标准煤）", null=True, blank=True, **TCE
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", help_text="为空的，由平台根据登记的数据自动认定。",
    )
    recorded_at = models.DateTimeField("认定时间", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "违法违规情形"
        ordering = ["project_id", "since", "id"]
        constraints = [
            models.UniqueConstraint(fields=["project", "code"], name="fixed_asset_trigger_once_per_code")
        ]

    def __str__(self) -> str:
        return f"{self.get_code_display()}（{self.clause}）"


@register_case_model
class ProjectCheck(Case):
    """One check of one project, periodic or unannounced (三（五）3、4): its plan, its 8 steps, its measures."""

    CLOSED_STATES = (CheckState.CLOSED,)
    REFERENCE_PREFIX = "临工信固检"
    DETAIL_URL_NAME = "energy:fixed_asset_check"

    state = models.CharField("状态", max_length=30, choices=CheckState.choices, default=CheckState.PLANNED)
    project = models.ForeignKey(
        FixedAssetProject, verbose_name="被检查项目", on_delete=models.PROTECT, related_name="checks"
    )
    kind = models.CharField("检查类型", max_length=20, choices=CheckKind.choices)
    occasion = models.CharField("组织检查的原因", max_length=20, choices=CheckOccasion.choices, blank=True)
    method = models.CharField("检查方式", max_length=20, choices=CheckMethod.choices)
    planned_date = models.DateField("计划检查日期")
    plan = models.TextField("检查方案", help_text="检查内容、方法、人员分工和时间安排（三（五）5）。")
    notice_document = models.ForeignKey(
        "documents.OfficialDocument", verbose_name="检查通知", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    feedback_document = models.ForeignKey(
        "documents.OfficialDocument", verbose_name="反馈意见书", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    stop_order_document = models.ForeignKey(
        "documents.OfficialDocument", verbose_name="责令停止建设通知书", null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    closed_on = models.DateField("结案日期", null=True, blank=True)
    close_reason = models.TextField("结案说明", blank=True)
    history = HistoricalRecords(excluded_fields=Case.HISTORY_EXCLUDED)

    class Meta(Case.Meta):
        verbose_name = verbose_name_plural = "固定资产投资项目节能监察检查"
        ordering = ["-created_at", "-id"]
        permissions = [("decide_projectcheck", "可以作出固定资产投资项目节能监察处置决定、结案")]

    @property
    def state_badge(self) -> str:
        return CheckState(self.state).badge

    @property
    def announced(self) -> bool:
        return self.method != CheckMethod.COVERT


class ProjectCheckUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(ProjectCheck, on_delete=models.CASCADE)


class ProjectCheckGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(ProjectCheck, on_delete=models.CASCADE)


class CheckStepRecord(models.Model):
    """One step of 三（五）5 as it was taken: when, who of the bureau, who else, what was done."""

    check_case = models.ForeignKey(ProjectCheck, on_delete=models.CASCADE, related_name="step_records")
    step = models.PositiveSmallIntegerField("检查步骤", choices=ProcedureStep.choices)
    done_on = models.DateField("日期")
    inspectors = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name="本局检查人员", related_name="+")
    participants = models.TextField("其他参加人员", blank=True, help_text="项目单位等参加人员的姓名和职务。")
    notes = models.TextField("情况记录", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField("登记时间", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "检查程序记录"
        ordering = ["check_case_id", "step"]
        constraints = [
            models.UniqueConstraint(fields=["check_case", "step"], name="fixed_asset_step_once_per_check")
        ]

    def __str__(self) -> str:
        return f"（{self.step}）{self.get_step_display()}"


class ProjectMeasure(models.Model):
    """One measure of 三（五）6 decided on a check, with its legal basis; 责令停止建设 is issued as a document."""

    check_case = models.ForeignKey(ProjectCheck, on_delete=models.PROTECT, related_name="measures")
    kind = models.CharField("处置措施", max_length=20, choices=MeasureKind.choices)
    trigger = models.ForeignKey(
        ProjectTrigger, verbose_name="针对的情形", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    basis = models.TextField("法律依据")
    facts = models.TextField("违法违规事实")
    decided_on = models.DateField("决定日期")
    penalty = models.OneToOneField(
        "inspections.DiscretionUse", verbose_name="处罚裁量建议", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", help_text="项目不符合强制性节能标准的（节约能源法第六十八条第二款），按处罚裁量基准提出。",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="决定人", on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField("登记时间", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "处置措施"
        ordering = ["check_case_id", "decided_on", "id"]

    def __str__(self) -> str:
        return self.get_kind_display()
