"""法制审核 of a major decision's document before the chief approves it, and the cases whose decisions go to it."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from simple_history.models import HistoricalRecords

from ..choices import (
    LegalReviewState,
)

# ---------------------------------------------------------------- 法制审核


class LegalReview(models.Model):
    """法制审核 of a major decision's document, sent by its drafter before the chief approves it.

    `snapshot` is the document's title and texts as reviewed: a document changed after the review needs a new one.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    case = GenericForeignKey("content_type", "object_id")
    document = models.ForeignKey(
        "documents.OfficialDocument", verbose_name="文书", on_delete=models.PROTECT, related_name="legal_reviews"
    )
    state = models.CharField("状态", max_length=10, choices=LegalReviewState.choices, default=LegalReviewState.PENDING)
    snapshot = models.JSONField("送审内容", default=dict)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="送审人", on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField("送审时间", auto_now_add=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField("审核时间", null=True, blank=True)
    opinion = models.TextField("审核意见", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "法制审核"
        ordering = ["-requested_at", "-id"]
        indexes = [models.Index(fields=["state", "requested_at"])]
        permissions = [("review_legalreview", "可以进行法制审核")]

    def __str__(self) -> str:
        return f"{self.document.kind.name}《{self.document.title}》{self.get_state_display()}"

    @property
    def state_badge(self) -> str:
        return LegalReviewState(self.state).badge




class SentToLegalReview:
    """Cases whose major decisions go to 法制审核: a legal reviewer sees those sent to review, and only those."""

    @classmethod
    def also_visible_to(cls, user) -> models.Q | None:
        if not user.has_perm("inspections.review_legalreview"):
            return None
        sent = LegalReview.objects.filter(content_type=ContentType.objects.get_for_model(cls))
        return models.Q(pk__in=sent.values("object_id"))
