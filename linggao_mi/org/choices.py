from django.db import models


class Role(models.TextChoices):
    """The roles of DESIGN.md §1; each is a Django group of the same code."""

    ADMIN = "admin", "系统管理员"
    LEADER = "leader", "局领导"
    CHIEF = "chief", "股长"
    LEGAL = "legal", "法制审核人员"
    INSPECTOR = "inspector", "执法人员"
    STAFF = "staff", "工作人员"


class CertificateStatus(models.TextChoices):
    VALID = "valid", "有效"
    SUSPENDED = "suspended", "暂停"
    REVOKED = "revoked", "吊销"

    @property
    def badge(self) -> str:
        return {"valid": "success", "suspended": "warning", "revoked": "danger"}[self.value]
