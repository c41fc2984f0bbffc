from django.db import models


class ExportState(models.TextChoices):
    """Where a background export stands; each state has the badge colour 我的导出 shows."""

    QUEUED = "queued", "排队中"
    RUNNING = "running", "正在导出"
    DONE = "done", "已完成"
    FAILED = "failed", "导出失败"

    @property
    def badge(self) -> str:
        return {"queued": "", "running": "info", "done": "success", "failed": "danger"}[self.value]
