from django.db import models


class AttachmentKind(models.TextChoices):
    PHOTO = "photo", "照片"
    AUDIO = "audio", "录音"
    VIDEO = "video", "录像"
    PDF = "pdf", "PDF文件"

    @property
    def badge(self) -> str:
        return {"photo": "info", "audio": "warning", "video": "success", "pdf": ""}[self.value]
