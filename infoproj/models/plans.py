"""IT development plans (三（六）): filings, the county plan with its approvals, the irregular checks."""


from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from linggao_mi.casework.models import Case
from linggao_mi.casework.registry import register_case_model

from ..choices import (
    FilerKind,
    Implementation,
    PlanState,
)
from .common import USER, StateBadge, object_permissions

# ================================================================ IT plans (三（六）)


@register_case_model
class PlanFiling(StateBadge, Case):
    """An IT development plan filed with the bureau (三（六）5(2)), or the county's own plan (5(1))."""

    STATES = PlanState
    CLOSED_STATES = ()
    REFERENCE_PREFIX = "临工信规备"
    DETAIL_URL_NAME = "infoproj:plan_detail"

    state = models.CharField("状态", max_length=30, choices=PlanState.choices, default=PlanState.RECEIVED)
    filer_kind = models.CharField("编制单位类别", max_length=20, choices=FilerKind.choices)
    filer_name = models.CharField("编制单位", max_length=100)
    title = models.CharField("规划名称", max_length=200)
    period_from = models.PositiveSmallIntegerField("规划期起", validators=[MinValueValidator(2000)])
    period_to = models.PositiveSmallIntegerField("规划期止", validators=[MaxValueValidator(2100)])
    submitted_on = models.DateField("报送备案日期")
    acknowledged_on = models.DateField("备案日期", null=True, blank=True)
    acknowledgement = models.TextField("备案意见", blank=True)
    county_approved_on = models.DateField("县政府批准日期", null=True, blank=True)
    approval_number = models.CharField("批准文号", max_length=80, blank=True)
    province_filed_on = models.DateField("报省信息化主管部门备案日期", null=True, blank=True)
    province_receipt = models.CharField("省备案回执", max_length=200, blank=True)
    history = HistoricalRecords(excluded_fields=Case.HISTORY_EXCLUDED)

    class Meta(Case.Meta):
        verbose_name = verbose_name_plural = "信息化发展规划备案"
        ordering = ["-created_at", "-id"]
        permissions = [("decide_planfiling", "可以作出规划备案决定")]

    def __str__(self) -> str:
        return f"{self.reference} {self.filer_name}《{self.title}》"

    def covers(self, year: int) -> bool:
        return self.period_from <= year <= self.period_to


PlanFilingUserObjectPermission, PlanFilingGroupObjectPermission = object_permissions(PlanFiling)


class PlanCheck(models.Model):
    """不定期检查 (三（六）5(3)): a check group evaluates how a filed plan is carried out."""

    plan = models.ForeignKey(PlanFiling, verbose_name="规划", on_delete=models.CASCADE, related_name="checks")
    checked_on = models.DateField("检查日期")
    group_members = models.TextField("检查组成员")
    methods = models.JSONField("检查方式", default=list)
    findings = models.TextField("检查情况")
    implementation = models.CharField("落实情况", max_length=10, choices=Implementation.choices)
    outside_plan_projects = models.TextField("不按规划擅自建设的信息化工程", blank=True)
    correction = models.TextField("会同有关部门纠正情况", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人", **USER)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "规划落实情况检查"
        ordering = ["plan_id", "checked_on", "id"]

    def __str__(self) -> str:
        return f"{self.plan.filer_name} {self.checked_on:%Y-%m-%d}检查"
