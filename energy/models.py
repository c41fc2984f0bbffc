"""三（四）对用能单位的节能监察: energy-using units and their inspection cases.

State, outcome and period rules live in services.py and rules.py; the models only hold the record.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from linggao_mi.casework.models import Case
from linggao_mi.casework.registry import register_case_model

from .choices import (
    CaseState,
    CheckItem,
    ExtensionState,
    FindingResult,
    Mode,
    Outcome,
    SignerCapacity,
    Trigger,
    VerificationResult,
)
from .validators import validate_credit_code


class EnergyUnit(models.Model):
    """A 用能单位 (三（四）1)."""

    name = models.CharField("单位名称", max_length=100)
    credit_code = models.CharField(
        "统一社会信用代码",
        max_length=18,
        unique=True,
        validators=[validate_credit_code],
        error_messages={"unique": "该统一社会信用代码已登记。"},
    )
    address = models.CharField("地址", max_length=200)
    legal_representative = models.CharField("法定代表人", max_length=50)
    contact_person = models.CharField("联系人", max_length=50)
    contact_phone = models.CharField("联系电话", max_length=30)
    industry = models.CharField("所属行业", max_length=50)
    is_key_unit = models.BooleanField("重点用能单位", default=False)
    annual_energy_use = models.DecimalField(
        "年综合能源消费量（吨标准煤）",
        max_digits=12,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0, "能源消费量不能为负数。")],
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("登记时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "用能单位"
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("energy:unit_detail", args=[self.pk])


@register_case_model
class InspectionCase(Case):
    """One 节能监察 of one unit, from planning to closing."""

    CLOSED_STATES = (CaseState.CLOSED, CaseState.REFERRED)
    REFERENCE_PREFIX = "临工信节监"
    DETAIL_URL_NAME = "energy:case_detail"
    SUBJECT_FIELD = "unit"
    SUBJECT_SEARCH = ("unit__name", "unit__credit_code")

    state = models.CharField("状态", max_length=30, choices=CaseState.choices, default=CaseState.PLANNED)
    unit = models.ForeignKey(
        EnergyUnit, verbose_name="被监察单位", on_delete=models.PROTECT, related_name="cases"
    )
    mode = models.CharField("监察方式", max_length=20, choices=Mode.choices)
    trigger = models.CharField("监察类型", max_length=20, choices=Trigger.choices)
    planned_date = models.DateField("计划监察日期")
    basis = models.TextField("监察依据", default="《中华人民共和国节约能源法》《节能监察办法》")

    # The written notice (三（四）5(1)(2)): a 节能监察通知书, served through the documents' workflow.
    notice_document = models.ForeignKey(
        "documents.OfficialDocument",
        verbose_name="节能监察通知书",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    notice_served_on = models.DateField("书面通知送达日期", null=True, blank=True)
    notice_requirements = models.TextField("监察要求", blank=True)

    # Written inspection: the unit's materials (三（四）5(1)).
    materials_received_on = models.DateField("材料收到日期", null=True, blank=True)
    materials_paper = models.BooleanField("已报送书面材料", default=False)
    materials_electronic = models.BooleanField("已报送电子材料", default=False)
    materials_description = models.TextField("材料说明", blank=True)

    # Outcome (三（四）6).
    ended_on = models.DateField("监察结束日期", null=True, blank=True)
    outcome = models.CharField("处理结果", max_length=20, choices=Outcome.choices, blank=True)
    rectification_requirements = models.TextField("整改要求", blank=True)
    rectification_months = models.PositiveSmallIntegerField("整改期限（月）", null=True, blank=True)
    suggestions = models.TextField("改进建议", blank=True)
    extension_months = models.PositiveSmallIntegerField("已准予延期（月）", default=0)
    outcome_document = models.ForeignKey(
        "documents.OfficialDocument",
        verbose_name="处理文书",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    delivery_deadline = models.ForeignKey(
        "deadlines.Deadline",
        verbose_name="文书送达期限",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    rectification_deadline = models.ForeignKey(
        "deadlines.Deadline",
        verbose_name="整改期限",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    # Rectification (三（四）6(5)).
    report_received_on = models.DateField("整改结果收到日期", null=True, blank=True)
    report_summary = models.TextField("整改结果", blank=True)
    verified_on = models.DateField("核查日期", null=True, blank=True)
    verification_result = models.CharField(
        "核查结论", max_length=20, choices=VerificationResult.choices, blank=True
    )
    verification_notes = models.TextField("核查情况", blank=True)
    closed_on = models.DateField("结案日期", null=True, blank=True)
    close_reason = models.TextField("结案说明", blank=True)

    history = HistoricalRecords(excluded_fields=Case.HISTORY_EXCLUDED)

    class Meta(Case.Meta):
        verbose_name = verbose_name_plural = "节能监察案件"
        ordering = ["-created_at", "-id"]
        # The list's order, walked from the top: a page is read off the index instead of sorting every case.
        indexes = [
            *Case.Meta.indexes,
            models.Index(fields=["-created_at", "-id"], name="energy_case_list_order"),
            models.Index(fields=["state", "-created_at", "-id"], name="energy_case_state_list_order"),
        ]
        permissions = [("decide_inspectioncase", "可以作出节能监察决定（处罚建议、延期、移送、结案）")]

    @property
    def state_badge(self) -> str:
        return CaseState(self.state).badge

    @property
    def needs_notice(self) -> bool:
        """Advance written notice: always for a written inspection; on site unless the trigger exempts it."""
        return self.mode == Mode.WRITTEN or Trigger(self.trigger).needs_notice


class InspectionCaseUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(InspectionCase, on_delete=models.CASCADE)


class InspectionCaseGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(InspectionCase, on_delete=models.CASCADE)


class Finding(models.Model):
    """One of the nine inspection contents (三（四）2) chosen for a case, and what was found."""

    case = models.ForeignKey(InspectionCase, on_delete=models.CASCADE, related_name="findings")
    item = models.CharField("监察内容", max_length=2, choices=CheckItem.choices)
    result = models.CharField("检查结果", max_length=20, choices=FindingResult.choices, default="unchecked")
    facts = models.TextField("检查情况及事实", blank=True)
    basis = models.TextField("违反的法律依据", blank=True)
    punishable = models.BooleanField(
        "依法应当予以处罚或者处理",
        default=False,
        help_text="违法行为依有关法律、法规、规章应当予以处罚或者处理（三（四）6(3)）。",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "监察内容及结果"
        ordering = ["case_id", "item"]
        constraints = [models.UniqueConstraint(fields=["case", "item"], name="energy_finding_once_per_item")]

    def __str__(self) -> str:
        return self.get_item_display()

    @property
    def result_badge(self) -> str:
        return FindingResult(self.result).badge


class SiteRecord(models.Model):
    """现场监察笔录 (三（四）5(3)); the inspectors' certificate numbers are copied at filing."""

    case = models.OneToOneField(InspectionCase, on_delete=models.CASCADE, related_name="site_record")
    started_at = models.DateTimeField("监察开始时间")
    ended_at = models.DateTimeField("监察结束时间")
    place = models.CharField("监察地点", max_length=200)
    inspectors = models.JSONField("监察人员及执法证号", default=list)
    present = models.TextField("在场人员")
    measures = models.JSONField("采取的措施", default=list)
    measures_other = models.TextField("其他措施说明", blank=True)
    notes = models.TextField("现场情况", blank=True)
    signer_name = models.CharField("签字（盖章）人", max_length=50, blank=True)
    signer_capacity = models.CharField(
        "签字人身份", max_length=30, choices=SignerCapacity.choices, blank=True
    )
    refused = models.BooleanField("拒绝签字或盖章", default=False)
    refusal_note = models.TextField("拒签情况注明", blank=True)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="制作人", on_delete=models.PROTECT, related_name="+"
    )
    filed_at = models.DateTimeField("登记时间", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "现场监察笔录"

    def __str__(self) -> str:
        return f"{self.case} 现场监察笔录"


class TestingCommission(models.Model):
    """委托检测 (三（四）5(5)): a qualified agency, free of charge to the unit."""

    case = models.ForeignKey(InspectionCase, on_delete=models.CASCADE, related_name="testings")
    agency_name = models.CharField("检测机构", max_length=100)
    qualification_number = models.CharField("资质证书编号", max_length=60)
    items = models.TextField("检测项目")
    commissioned_on = models.DateField("委托日期")
    fee_charged_to_unit = models.DecimalField(
        "向被监察单位收取的检测费用（元）", max_digits=10, decimal_places=2, default=0
    )
    results = models.TextField("检测结论", blank=True)
    results_on = models.DateField("结论出具日期", null=True, blank=True)
    commissioned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="委托人", on_delete=models.PROTECT, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "委托检测"
        ordering = ["case_id", "commissioned_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(fee_charged_to_unit=0),
                name="energy_testing_free_of_charge",
                violation_error_message="委托检测不得向被监察单位收取检测费用（依据：三（四）5(5)）",
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency_name}：{self.items[:20]}"


class PenaltyRecommendation(models.Model):
    """建议有关部门依法处罚或者处理 (三（四）6(3))."""

    case = models.ForeignKey(InspectionCase, on_delete=models.CASCADE, related_name="recommendations")
    department = models.ForeignKey(
        "org.Department", verbose_name="建议部门", on_delete=models.PROTECT, related_name="+"
    )
    basis = models.TextField("处罚（处理）依据")
    facts = models.TextField("违法事实及建议")
    recommended_on = models.DateField("建议日期")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "处罚（处理）建议"
        ordering = ["case_id", "recommended_on", "id"]

    def __str__(self) -> str:
        return f"建议{self.department}依法处理"


class ExtensionRequest(models.Model):
    """A written request to extend the rectification period (三（四）6(6))."""

    case = models.ForeignKey(InspectionCase, on_delete=models.CASCADE, related_name="extensions")
    received_on = models.DateField("收到申请日期")
    requested_months = models.PositiveSmallIntegerField("申请延期（月）")
    reasons = models.TextField("申请理由")
    state = models.CharField("状态", max_length=20, choices=ExtensionState.choices, default="pending")
    decision_deadline = models.ForeignKey(
        "deadlines.Deadline", verbose_name="决定期限", null=True, on_delete=models.PROTECT, related_name="+"
    )
    granted_months = models.PositiveSmallIntegerField("准予延期（月）", null=True, blank=True)
    decided_on = models.DateField("决定日期", null=True, blank=True)
    decision_reasons = models.TextField("决定理由", blank=True)
    decision_document = models.ForeignKey(
        "documents.OfficialDocument",
        verbose_name="延期决定书",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="决定人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "延期申请"
        ordering = ["case_id", "received_on", "id"]

    def __str__(self) -> str:
        return f"延期申请（{self.received_on:%Y-%m-%d}，{self.requested_months}个月）"

    @property
    def state_badge(self) -> str:
        return ExtensionState(self.state).badge


class WrittenReply(models.Model):
    """要求被监察单位就监察事项所涉及的问题限期作出书面答复 (三（四）4(4)), and the answer."""

    case = models.ForeignKey(InspectionCase, on_delete=models.CASCADE, related_name="written_replies")
    questions = models.TextField("要求答复的问题")
    required_on = models.DateField("提出要求日期")
    deadline = models.ForeignKey(
        "deadlines.Deadline", verbose_name="答复期限", on_delete=models.PROTECT, related_name="+"
    )
    received_on = models.DateField("收到书面答复日期", null=True, blank=True)
    summary = models.TextField("答复内容摘要", blank=True)
    required_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="提出人", on_delete=models.PROTECT, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "限期书面答复"
        ordering = ["case_id", "required_on", "id"]

    def __str__(self) -> str:
        return f"限期书面答复（{self.required_on:%Y-%m-%d}）"


# 三（五） fixed-asset investment projects live in their own sub-package; imported here so Django finds the models.
from .fixed_asset.models import (  # noqa: E402,F401
    CheckStepRecord,
    FixedAssetProject,
    ProjectChange,
    ProjectCheck,
    ProjectCheckGroupObjectPermission,
    ProjectCheckUserObjectPermission,
    ProjectMeasure,
    ProjectTrigger,
)
