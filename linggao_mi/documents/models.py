from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from linggao_mi.org.models import Section

from .choices import FROZEN_STATES, DocumentState, ServiceMethod


class DocumentKind(models.Model):
    """A kind of official document a regime issues (e.g. 限期整改通知书): its 文号 prefix and PDF template."""

    code = models.SlugField("代码", max_length=50, unique=True)
    name = models.CharField("名称", max_length=100)
    number_prefix = models.CharField(
        "文号前缀", max_length=50, help_text="发文机关代字，如“临工信节监改”；文号为 前缀〔年份〕序号号。"
    )
    template_name = models.CharField(
        "PDF模板",
        max_length=200,
        default="documents/pdf/generic.html",
        help_text="继承 documents/pdf/base.html 的模板路径。",
    )

    class Meta:
        verbose_name = verbose_name_plural = "文书种类"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


def _receipt_path(instance, filename: str) -> str:
    return f"documents/receipts/{instance.pk}/{filename}"


class OfficialDocument(models.Model):
    """An official document of a case: drafted, approved, issued with a 文号 and a frozen PDF, then served."""

    kind = models.ForeignKey(
        DocumentKind, verbose_name="文书种类", on_delete=models.PROTECT, related_name="documents"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    case = GenericForeignKey("content_type", "object_id")
    section = models.ForeignKey(Section, verbose_name="承办股室", on_delete=models.PROTECT, related_name="+")
    state = models.CharField(
        "状态", max_length=20, choices=DocumentState.choices, default=DocumentState.DRAFT
    )
    title = models.CharField("标题", max_length=200)
    # The narrative texts the drafter writes (kinds.Text keys); the facts come from the case (content.py) and
    # are kept here only from issue on, frozen as the issued document states them.
    texts = models.JSONField("正文内容", default=dict, blank=True)
    facts = models.JSONField("案件事实（签发时定稿）", default=dict, blank=True)
    number = models.CharField("文号", max_length=80, blank=True)

    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="起草人", on_delete=models.PROTECT, related_name="+"
    )
    drafted_at = models.DateTimeField("起草时间", auto_now_add=True)
    # Whoever wrote or changed the content: none of them may approve, return or issue it.
    authors = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name="起草或修改人", related_name="+")
    submitted_at = models.DateTimeField("报送时间", null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审批人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField("审批时间", null=True, blank=True)
    return_reason = models.TextField("退回理由", blank=True)

    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="签发经办人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    issued_at = models.DateTimeField("签发时间", null=True, blank=True)
    issued_on = models.DateField("成文日期", null=True, blank=True)
    pdf = models.FileField("PDF", upload_to="documents/pdf/", blank=True)
    sha256 = models.CharField("PDF SHA-256", max_length=64, blank=True)

    served_method = models.CharField("送达方式", max_length=20, choices=ServiceMethod.choices, blank=True)
    served_on = models.DateField("送达日期", null=True, blank=True)
    served_recipient = models.CharField("受送达人", max_length=200, blank=True)
    served_receipt = models.FileField("送达回证", upload_to=_receipt_path, blank=True)
    served_refused = models.BooleanField("拒收", default=False)
    served_note = models.TextField("送达情况说明", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "文书"
        ordering = ["-drafted_at", "-id"]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="documents_case_idx"),
            models.Index(fields=["state", "section"], name="documents_state_section_idx"),
            models.Index(fields=["drafted_at", "id"], name="documents_list_order"),  # the list's order, newest first
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "number"], condition=~models.Q(number=""), name="documents_kind_number_unique"
            ),
        ]
        permissions = [("approve_officialdocument", "可以审批文书（股长、局领导）")]

    def __str__(self) -> str:
        return f"{self.kind.name}《{self.title}》{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("documents:detail", args=[self.pk])

    @property
    def is_frozen(self) -> bool:
        return self.state in FROZEN_STATES

    @property
    def state_badge(self) -> str:
        return DocumentState(self.state).badge
