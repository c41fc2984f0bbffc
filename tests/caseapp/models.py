from django.db import models
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from linggao_mi.casework.models import Case
from linggao_mi.casework.registry import register_case_model


class DemoState(models.TextChoices):
    OPEN = "open", "办理中"
    CLOSED = "closed", "已办结"


@register_case_model
class DemoCase(Case):
    REFERENCE_PREFIX = "测"

    state = models.CharField("状态", max_length=30, choices=DemoState.choices, default=DemoState.OPEN)
    name = models.CharField("名称", max_length=100, default="测试案件")

    history = HistoricalRecords(excluded_fields=Case.HISTORY_EXCLUDED)

    class Meta(Case.Meta):
        verbose_name = verbose_name_plural = "测试案件"
        permissions = [("decide_democase", "可以以本局名义作出测试案件的决定")]

    def get_absolute_url(self) -> str:
        # No page of its own: the shared machinery only needs a URL to link to.
        return f"/testcases/{self.pk}/"


class DemoCaseUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(DemoCase, on_delete=models.CASCADE)


class DemoCaseGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(DemoCase, on_delete=models.CASCADE)
