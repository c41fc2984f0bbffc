"""三（一）1–6: oversight checks with their scored case files, supervision notices with 复查, fault accountability."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator
from django.db import models
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from linggao_mi.casework.models import Case
from linggao_mi.casework.registry import register_case_model
from linggao_mi.org.models import Section

from ..choices import (
    CheckOrigin,
    CheckState,
    FaultState,
    FileGrade,
    NoticeDecision,
    ReviewResult,
    SupervisionState,
)
from .legal import SentToLegalReview

# ---------------------------------------------------------------- 三（一）1–4 oversight checks


@register_case_model
class OversightCheck(Case):
    """A check of the bureau's own enforcement (三（一）1–4): sections and staff checked, contents, methods."""

    CLOSED_STATES = (CheckState.CLOSED,)
    REFERENCE_PREFIX = "临工信执监查"
    DETAIL_URL_NAME = "inspections:check_detail"

    state = models.CharField("状态", max_length=30, choices=CheckState.choices, default=CheckState.CHECKING)
    origin = models.CharField("检查缘由", max_length=20, choices=CheckOrigin.choices)
    origin_note = models.TextField("部署文件或缘由说明", blank=True)
    checked_sections = models.ManyToManyField(Section, verbose_name="受查股室", related_name="+")
    checked_staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name="受查工作人员", blank=True, related_name="+"
    )
    contents = models.JSONField("检查内容", default=list)
    methods = models.JSONField("检查方式", default=list)
    started_on = models.DateField("检查开始日期")
    site_notes = models.TextField("现场核查情况", blank=True)
    summary = models.TextField("检查总结", blank=True)
    opinions = models.TextField("整改意见（普遍性、倾向性问题）", blank=True)
    summarized_on = models.DateField("总结日期", null=True, blank=True)
    report_deadline = models.ForeignKey(
        "deadlines.Deadline",
        verbose_name="整改纠正情况报告期限",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    report_received_on = models.DateField("整改纠正情况报告收到日期", null=True, blank=True)
    report_summary = models.TextField("整改纠正情况", blank=True)
    closed_on = models.DateField("办结日期", null=True, blank=True)
    history = HistoricalRecords(excluded_fields=Case.HISTORY_EXCLUDED)

    class Meta(Case.Meta):
        verbose_name = verbose_name_plural = "执法监督检查"
        ordering = ["-created_at", "-id"]
        permissions = [("decide_oversightcheck", "可以作出执法监督检查决定（办结）")]

    @property
    def state_badge(self) -> str:
        return CheckState(self.state).badge


class OversightCheckUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(OversightCheck, on_delete=models.CASCADE)


class OversightCheckGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(OversightCheck, on_delete=models.CASCADE)


class FileScore(models.Model):
    """案卷评查: one case file of any regime, called up by its 案号, and its score sheet."""

    check_case = models.ForeignKey(
        OversightCheck, verbose_name="执法监督检查", on_delete=models.CASCADE, related_name="scores"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    case = GenericForeignKey("content_type", "object_id")
    reference = models.CharField("案号", max_length=60)
    items = models.JSONField("评分表", default=dict, help_text="评查项目 → 得分")
    total = models.PositiveSmallIntegerField("总分", validators=[MaxValueValidator(100)])
    grade = models.CharField("评定等次", max_length=10, choices=FileGrade.choices)
    problems = models.TextField("存在问题", blank=True)
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="评查人", on_delete=models.PROTECT, related_name="+"
    )
    scored_on = models.DateField("评查日期")

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "案卷评查"
        ordering = ["check_case_id", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["check_case", "content_type", "object_id"], name="inspections_file_scored_once_per_check"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference}：{self.total}分"


# ---------------------------------------------------------------- 三（一）5 supervision notices and review


@register_case_model
class SupervisionCase(SentToLegalReview, Case):
    """One 《执法监督通知（决定）书》 (三（一）5): the unit's correction, its 复查 and its written report."""

    CLOSED_STATES = (SupervisionState.CLOSED,)
    REFERENCE_PREFIX = "临工信执监督"
    DETAIL_URL_NAME = "inspections:supervision_detail"

    state = models.CharField("状态", max_length=30, choices=SupervisionState.choices, default=SupervisionState.DRAFTING)
    source_check = models.ForeignKey(
        OversightCheck,
        verbose_name="来源监督检查",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supervisions",
    )
    checked_section = models.ForeignKey(
        Section, verbose_name="被检查的单位", on_delete=models.PROTECT, related_name="+"
    )
    situations = models.JSONField("情形", default=list)
    facts = models.TextField("认定的事实和理由")
    decision = models.CharField("处理决定", max_length=10, choices=NoticeDecision.choices)
    decision_text = models.TextField("处理的决定")
    basis = models.TextField("处理依据")
    execution = models.TextField("执行处理决定的方式")
    correction_days = models.PositiveSmallIntegerField("执行期限（日）")
    notice_document = models.ForeignKey(
        "documents.OfficialDocument",
        verbose_name="执法监督通知（决定）书",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    served_on = models.DateField("通知书送达日期", null=True, blank=True)
    correction_deadline = models.ForeignKey(
        "deadlines.Deadline", verbose_name="纠正期限", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    review_window = models.ForeignKey(
        "deadlines.Deadline",
        verbose_name="复查申请期间",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    review_received_on = models.DateField("收到复查申请日期", null=True, blank=True)
    review_grounds = models.TextField("复查申请理由", blank=True)
    review_deadline = models.ForeignKey(
        "deadlines.Deadline",
        verbose_name="复查决定期限",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    review_result = models.CharField("复查决定", max_length=10, choices=ReviewResult.choices, blank=True)
    review_reasons = models.TextField("复查理由", blank=True)
    review_document = models.ForeignKey(
        "documents.OfficialDocument",
        verbose_name="复查决定书",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    report_received_on = models.DateField("执行结果报告收到日期", null=True, blank=True)
    report_summary = models.TextField("执行结果", blank=True)
    closed_on = models.DateField("办结日期", null=True, blank=True)
    history = HistoricalRecords(excluded_fields=Case.HISTORY_EXCLUDED)

    class Meta(Case.Meta):
        verbose_name = verbose_name_plural = "执法监督通知（决定）"
        ordering = ["-created_at", "-id"]
        permissions = [("decide_supervisioncase", "可以作出执法监督决定（复查决定、办结）")]

    @property
    def state_badge(self) -> str:
        return SupervisionState(self.state).badge


class SupervisionCaseUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(SupervisionCase, on_delete=models.CASCADE)


class SupervisionCaseGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(SupervisionCase, on_delete=models.CASCADE)


# ---------------------------------------------------------------- 三（一）6 fault accountability


@register_case_model
class FaultCase(SentToLegalReview, Case):
    """追究行政执法过错责任 against one staff member (三（一）6)."""

    CLOSED_STATES = (FaultState.CLOSED,)
    REFERENCE_PREFIX = "临工信执过错"
    DETAIL_URL_NAME = "inspections:fault_detail"

    state = models.CharField("状态", max_length=30, choices=FaultState.choices, default=FaultState.INVESTIGATING)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="责任人", on_delete=models.PROTECT, related_name="+"
    )
    source_check = models.ForeignKey(
        OversightCheck,
        verbose_name="来源监督检查",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="faults",
    )
    situations = models.JSONField("过错情形", default=list)
    evidence = models.TextField("证据")
    sanctions = models.JSONField("处理", default=list)
    reasons = models.TextField("处理理由", blank=True)
    effective_from = models.DateField("处理生效日期", null=True, blank=True)
    decision_document = models.ForeignKey(
        "documents.OfficialDocument",
        verbose_name="过错责任追究决定书",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    referrals = models.JSONField("移送", default=list)
    referral_note = models.TextField("移送情况", blank=True)
    closed_on = models.DateField("办结日期", null=True, blank=True)
    history = HistoricalRecords(excluded_fields=Case.HISTORY_EXCLUDED)

    class Meta(Case.Meta):
        verbose_name = verbose_name_plural = "行政执法过错责任追究"
        ordering = ["-created_at", "-id"]
        permissions = [("decide_faultcase", "可以作出行政执法过错责任追究决定")]

    @property
    def state_badge(self) -> str:
        return FaultState(self.state).badge


class FaultCaseUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(FaultCase, on_delete=models.CASCADE)


class FaultCaseGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(FaultCase, on_delete=models.CASCADE)
