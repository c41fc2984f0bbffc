from django.db import models


class DocumentState(models.TextChoices):
    """Where an official document stands; each state has the badge colour the lists show."""

    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "待审批"
    RETURNED = "returned", "已退回"
    APPROVED = "approved", "已批准"
    ISSUED = "issued", "已签发"
    SERVED = "served", "已送达"

    @property
    def badge(self) -> str:
        return {
            "draft": "",
            "submitted": "warning",
            "returned": "danger",
            "approved": "info",
            "issued": "success",
            "served": "success",
        }[self.value]


# Content and PDF are fixed from issue on.
FROZEN_STATES = (DocumentState.ISSUED, DocumentState.SERVED)
EDITABLE_STATES = (DocumentState.DRAFT, DocumentState.RETURNED)


class ServiceMethod(models.TextChoices):
    """送达方式 as Chinese administrative procedure knows them."""

    DIRECT = "direct", "直接送达"
    MAIL = "mail", "邮寄送达"
    LEFT = "left", "留置送达"
    ENTRUSTED = "entrusted", "委托送达"
    ELECTRONIC = "electronic", "电子送达"
    FORWARDED = "forwarded", "转交送达"
    PUBLIC = "public", "公告送达"
