"""三（一）对属地管理的行政执法职权的监督检查 and 三（二）规范行政处罚裁量权.

- DiscretionStandard / DiscretionCircumstance: the published 裁量基准 (public, read-only); DiscretionUse: one use
  of it on any regime's case (a generic case key, like documents and deadlines), with its written reasons.
- OversightCheck: a check of the bureau's own enforcement, with the files it called up and scored (FileScore).
- SupervisionCase: one 《执法监督通知（决定）书》 with its correction, 复查 and report.
- FaultCase: enforcement fault accountability against one staff member.
- LegalReview: 法制审核 of a major decision's document before the chief approves it.

Rules live in rules.py and the services; the models hold the record.
"""

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

from .choices import (
    CheckOrigin,
    CheckState,
    CircumstanceKind,
    ComplaintKind,
    ComplaintState,
    FaultState,
    FileGrade,
    LegalReviewState,
    NoticeDecision,
    ReviewResult,
    SupervisionState,
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
        from .services.discretion import check_circumstance

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


class SentToLegalReview:
    """Cases whose major decisions go to 法制审核: a legal reviewer sees those sent to review, and only those."""

    @classmethod
    def also_visible_to(cls, user) -> models.Q | None:
        if not user.has_perm("inspections.review_legalreview"):
            return None
        sent = LegalReview.objects.filter(content_type=ContentType.objects.get_for_model(cls))
        return models.Q(pk__in=sent.values("object_id"))


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
    history = HistoricalRecords(excluded_fields=["updated_at"])

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
    history = HistoricalRecords(excluded_fields=["updated_at"])

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
    history = HistoricalRecords(excluded_fields=["updated_at"])

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


# ---------------------------------------------------------------- 法制审核


class LegalReview(models.Model):
    """法制审核 of a major decision's document, sent by its drafter before the chief approves it.

    `snapshot` is the document's title and texts as reviewed: a document changed after the review needs a new one.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    case = GenericForeignKey("content_type", "object_id")
    document = models.ForeignKey(
        "documents.OfficialDocument", verbose_name="文书", on_delete=models.PROTECT, related_name="legal_reviews"
    )
    state = models.CharField("状态", max_length=10, choices=LegalReviewState.choices, default=LegalReviewState.PENDING)
    snapshot = models.JSONField("送审内容", default=dict)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="送审人", on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField("送审时间", auto_now_add=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField("审核时间", null=True, blank=True)
    opinion = models.TextField("审核意见", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "法制审核"
        ordering = ["-requested_at", "-id"]
        indexes = [models.Index(fields=["state", "requested_at"])]
        permissions = [("review_legalreview", "可以进行法制审核")]

    def __str__(self) -> str:
        return f"{self.document.kind.name}《{self.document.title}》{self.get_state_display()}"

    @property
    def state_badge(self) -> str:
        return LegalReviewState(self.state).badge


# ---------------------------------------------------------------- 三（一）4(4) public complaints


class Complaint(models.Model):
    """申诉、检举、控告 or a suggestion of 人大、政协、司法机关, filed on the public form (三（一）4(4)).

    Whoever holds the tracking number and the secret (kept hashed) sees its progress and the feedback.
    """

    tracking_number = models.CharField("受理编号", max_length=20, unique=True)
    secret_hash = models.CharField("查询密码（哈希）", max_length=128)
    kind = models.CharField("类型", max_length=20, choices=ComplaintKind.choices)
    name = models.CharField("姓名或单位", max_length=100, blank=True)
    phone = models.CharField("手机号码", max_length=20, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    subject = models.CharField("事项", max_length=100)
    content = models.TextField("具体内容", max_length=5000)
    state = models.CharField("状态", max_length=20, choices=ComplaintState.choices, default=ComplaintState.RECEIVED)
    received_at = models.DateTimeField("受理时间", auto_now_add=True)
    triaged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="分办人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    triaged_at = models.DateTimeField("分办时间", null=True, blank=True)
    investigation = models.ForeignKey(
        OversightCheck, verbose_name="执法监督调查", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    energy_case = models.ForeignKey(
        "energy.InspectionCase",
        verbose_name="节能监察案件",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    referred_to = models.ForeignKey(
        "org.Department", verbose_name="移送部门", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    triage_note = models.TextField("分办说明", blank=True)
    feedback = models.TextField("处理结果反馈", blank=True)
    answered_at = models.DateTimeField("反馈时间", null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="反馈人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    history = HistoricalRecords(excluded_fields=["secret_hash"])

    class Meta:
        verbose_name = verbose_name_plural = "申诉、检举、控告和建议"
        ordering = ["-received_at", "-id"]
        permissions = [("triage_complaint", "可以分办和反馈公众申诉、检举、控告和建议")]

    def __str__(self) -> str:
        return f"{self.tracking_number} {self.subject}"

    @property
    def state_badge(self) -> str:
        return ComplaintState(self.state).badge

    @property
    def public_progress(self) -> str:
        """What the tracking page says of the handling (no staff names, no internal case numbers)."""
        if self.state == ComplaintState.REFERRED and self.referred_to_id:
            return f"已移送{self.referred_to.name}处理"
        return self.get_state_display()


class ComplaintFile(models.Model):
    """A file sent with a complaint, accepted by the kit's checked upload (type sniffed, size limited)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="files")
    file = models.FileField("文件")
    original_name = models.CharField("原文件名", max_length=255)
    mime_type = models.CharField("类型", max_length=100)
    size = models.PositiveBigIntegerField("大小")
    sha256 = models.CharField("SHA-256", max_length=64)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "申诉附件"
        ordering = ["complaint_id", "id"]

    def __str__(self) -> str:
        return self.original_name


class OutgoingMessage(models.Model):
    """A text message sent (or, with the recording backend, only recorded) to a submitter (inspections/sms.py)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="messages")
    channel = models.CharField("渠道", max_length=10, choices=[("sms", "短信"), ("email", "电子邮件")])
    to = models.CharField("接收人", max_length=254)
    body = models.TextField("内容")
    backend = models.CharField("发送方式", max_length=100)
    sent_at = models.DateTimeField("时间", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "对外发送的消息"
        ordering = ["-sent_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} → {self.to}"
