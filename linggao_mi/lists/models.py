from django.conf import settings
from django.db import models

from .choices import ExportState


class Export(models.Model):
    """A list exported in the background, because it holds more rows than one web request may write.

    `path` and `query` are the list's URL as its owner asked for it; the worker asks the list's own view again, as
    the owner, so the file holds exactly what that list shows them when it runs (exports.export_run).
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="导出人", on_delete=models.CASCADE, related_name="exports"
    )
    title = models.CharField("列表", max_length=100)
    path = models.CharField("列表地址", max_length=200)
    query = models.CharField("查询条件", max_length=2000, blank=True)
    state = models.CharField("状态", max_length=10, choices=ExportState.choices, default=ExportState.QUEUED)
    rows = models.PositiveIntegerField("记录数", null=True, blank=True)
    file = models.FileField("文件", upload_to="exports/%Y/%m/", blank=True)
    filename = models.CharField("文件名", max_length=200, blank=True)
    error = models.CharField("失败原因", max_length=500, blank=True)
    created_at = models.DateTimeField("提交时间", auto_now_add=True)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "后台导出"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["owner", "-created_at"], name="exports_of_owner")]

    def __str__(self) -> str:
        return f"{self.title}（{self.get_state_display()}）"

    @property
    def state_badge(self) -> str:
        return ExportState(self.state).badge
