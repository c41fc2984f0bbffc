from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from .choices import CertificateStatus, Role


class Section(models.Model):
    """A 股室 of the bureau, such as 工业股; it has a chief and members."""

    name = models.CharField("名称", max_length=50, unique=True)
    code = models.SlugField("代码", max_length=30, unique=True)
    chief = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="股长",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="chief_of",
    )
    phone = models.CharField("联系电话", max_length=100, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "股室"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class StaffProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    role = models.CharField("角色", max_length=20, choices=Role.choices, default=Role.STAFF)
    section = models.ForeignKey(
        Section, verbose_name="所在股室", null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )
    phone = models.CharField("联系电话", max_length=30, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "工作人员"

    def __str__(self) -> str:
        return f"{self.user.get_full_name() or self.user.username}（{self.get_role_display()}）"


class Department(models.Model):
    """An external agency named in the boundary table (县住建局 …)."""

    name = models.CharField("名称", max_length=50, unique=True)
    is_bureau = models.BooleanField("本局", default=False, help_text="县工信局本身，职责边界表中与其他部门并列。")
    contact = models.CharField("联系方式", max_length=100, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "相关部门"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class CertificateQuerySet(models.QuerySet):
    def valid_on(self, day):
        """Certificates that let their holder enforce on `day`: within validity, and active that day (a suspension or
        revocation takes effect from its `status_from`; a certificate without that date is suspended for every day)."""
        active = models.Q(status=CertificateStatus.VALID) | models.Q(status_from__gt=day)
        return self.filter(active, valid_from__lte=day, valid_to__gte=day)


class Certificate(models.Model):
    """A 行政执法证."""

    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="持证人", on_delete=models.PROTECT, related_name="certificates"
    )
    number = models.CharField("证件编号", max_length=40, unique=True)
    issuing_authority = models.CharField("发证机关", max_length=100)
    enforcement_area = models.CharField("执法区域", max_length=100)
    valid_from = models.DateField("有效期自")
    valid_to = models.DateField("有效期至")
    status = models.CharField("状态", max_length=20, choices=CertificateStatus.choices, default="valid")
    status_from = models.DateField(
        "暂停或吊销生效日", null=True, blank=True,
        help_text="暂停执法活动或取消执法资格的决定自该日起生效；此前各日证件仍有效。",
    )
    status_reason = models.CharField("暂停或吊销依据", max_length=200, blank=True)
    history = HistoricalRecords()

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "行政执法证"
        ordering = ["holder_id", "-valid_to"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__gte=models.F("valid_from")),
                name="certificate_validity_ordered",
                violation_error_message="有效期至不得早于有效期自。",
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}（{self.holder}）"

    def is_valid_on(self, day) -> bool:
        active = self.status == CertificateStatus.VALID or (self.status_from is not None and self.status_from > day)
        return active and self.valid_from <= day <= self.valid_to
