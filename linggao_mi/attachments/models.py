from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from .choices import AttachmentKind


class Attachment(models.Model):
    """A photo, recording, video or PDF of a case's full-process record (执法全过程记录).

    The file lives under MEDIA_ROOT at a path made of its SHA-256, so one content is stored once.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    case = GenericForeignKey("content_type", "object_id")
    file = models.FileField("文件", max_length=200)
    original_name = models.CharField("原文件名", max_length=255)
    description = models.CharField("说明", max_length=200, blank=True)
    kind = models.CharField("类别", max_length=10, choices=AttachmentKind.choices)
    mime_type = models.CharField("文件类型", max_length=50)
    size = models.PositiveBigIntegerField("大小（字节）")
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传人", on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "附件（全过程记录）"
        ordering = ["uploaded_at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="attachments_case_idx")]

    def __str__(self) -> str:
        return f"{self.original_name}（{self.sha256[:12]}）"

    def get_absolute_url(self) -> str:
        return reverse("attachments:download", args=[self.pk])

    @property
    def kind_badge(self) -> str:
        return AttachmentKind(self.kind).badge
