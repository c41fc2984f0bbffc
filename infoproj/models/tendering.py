"""Tendering supervision (三（八）): the award announcement with its items and documents, contract-performance
checks and complaints."""


from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from ..choices import (
    ComplaintSource,
    LawBasis,
    TenderDocKind,
)
from .common import MONEY, USER
from .projects import ITProject


class TenderAnnouncement(models.Model):
    """中标、成交结果公告 (三（八）5(2)) with the award notice; every field the source lists must be filled."""

    project = models.OneToOneField(ITProject, on_delete=models.CASCADE, related_name="announcement")
    winner_determined_on = models.DateField("中标、成交供应商确定日期")
    purchaser_name = models.CharField("采购人名称", max_length=100, blank=True)
    purchaser_address = models.CharField("采购人地址", max_length=200, blank=True)
    purchaser_contact = models.CharField("采购人联系方式", max_length=100, blank=True)
    agent_name = models.CharField("采购代理机构名称", max_length=100, blank=True)
    agent_address = models.CharField("采购代理机构地址", max_length=200, blank=True)
    agent_contact = models.CharField("采购代理机构联系方式", max_length=100, blank=True)
    project_title = models.CharField("项目名称", max_length=200, blank=True)
    project_number = models.CharField("项目编号", max_length=60, blank=True)
    winner_name = models.CharField("中标（成交）供应商名称", max_length=100, blank=True)
    winner_address = models.CharField("中标（成交）供应商地址", max_length=200, blank=True)
    winner_amount = models.DecimalField("中标（成交）金额（元）", null=True, blank=True, **MONEY)
    experts = models.TextField("评审专家名单", blank=True)
    media = models.CharField("指定媒体", max_length=100, blank=True, default="中国海南政府采购网")
    notice_sent_on = models.DateField("中标、成交通知书发出日期", null=True, blank=True)
    published_on = models.DateField("公告日期", null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="发布人", null=True, blank=True, **USER)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "中标、成交结果公告"
        ordering = ["-published_on", "-id"]

    def __str__(self) -> str:
        return f"{self.project_title or self.project.name}中标（成交）结果公告"

    @property
    def is_published(self) -> bool:
        return self.published_on is not None


class AnnouncementItem(models.Model):
    """A main item won (三（八）5(2)): name, spec/model, quantity, unit price, service requirements."""

    announcement = models.ForeignKey(TenderAnnouncement, on_delete=models.CASCADE, related_name="items")
    name = models.CharField("名称", max_length=100)
    spec_model = models.CharField("规格型号", max_length=100)
    quantity = models.CharField("数量", max_length=30)
    unit_price = models.DecimalField("单价（元）", null=True, blank=True, **MONEY)
    service_requirements = models.CharField("服务要求", max_length=300)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "主要中标（成交）标的"
        ordering = ["announcement_id", "id"]

    def __str__(self) -> str:
        return self.name


class TenderDocument(models.Model):
    """招标文件、竞争性谈判文件、询价通知书: published with the result (三（八）4、5(2)); downloadable by the public."""

    announcement = models.ForeignKey(TenderAnnouncement, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField("文件类别", max_length=20, choices=TenderDocKind.choices)
    attachment = models.ForeignKey("attachments.Attachment", verbose_name="文件", **USER)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "随结果公告的采购文件"
        ordering = ["announcement_id", "id"]

    def __str__(self) -> str:
        return self.get_kind_display()


class ContractCheck(models.Model):
    """合同履约情况检查 (三（八）5(3)) and acceptance against the contract (5(4)); problems handled under 6(2)."""

    project = models.ForeignKey(ITProject, on_delete=models.CASCADE, related_name="contract_checks")
    checked_on = models.DateField("检查日期")
    against_contract = models.BooleanField("竣工验收：承建单位是否完成合同内容", default=False)
    contract_fulfilled = models.BooleanField("合同双方按约履行")
    findings = models.TextField("检查情况")
    rectification = models.TextField("责令整改内容", blank=True)
    basis = models.CharField("处罚依据的法律", max_length=20, choices=LawBasis.choices, blank=True)
    basis_article = models.CharField("条款", max_length=100, blank=True)
    penalty = models.TextField("对责任方的处罚", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人", **USER)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "合同履约检查"
        ordering = ["project_id", "checked_on", "id"]

    def __str__(self) -> str:
        return f"履约检查 {self.checked_on:%Y-%m-%d}"


class Complaint(models.Model):
    """投诉、举报 in tendering (三（八）4、6(1)): investigated, handled, penalties with their basis."""

    project = models.ForeignKey(ITProject, on_delete=models.CASCADE, related_name="complaints")
    source = models.CharField("类别", max_length=20, choices=ComplaintSource.choices)
    received_on = models.DateField("收到日期")
    complainant = models.CharField("投诉（举报）人", max_length=100)
    content = models.TextField("投诉（举报）内容")
    investigation = models.TextField("调查情况")
    handling = models.TextField("处理意见（责令整改）")
    basis = models.CharField("依据的法律", max_length=20, choices=LawBasis.choices)
    basis_article = models.CharField("条款", max_length=100)
    penalty = models.TextField("对责任人的处罚", blank=True)
    concluded_on = models.DateField("办结日期")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人", **USER)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "投诉举报"
        ordering = ["project_id", "received_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_source_display()} {self.received_on:%Y-%m-%d}"
