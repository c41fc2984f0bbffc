"""三（一）4(4): public complaints with their files, and the messages sent back to the submitters."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from ..choices import (
    ComplaintKind,
    ComplaintState,
)
from .oversight import OversightCheck

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
