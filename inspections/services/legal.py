"""法制审核 of major decisions (supervision notices, review decisions, fault sanctions) before the chief approves.

The drafter sends the draft; the legal reviewers see it in their queue — and, of the cases, only those sent to them
(a view permission on that case for the legal group) — and pass it or return it with written opinions. The chief's
approval (documents' before_approve hook) needs a passed review of the document as it stands now.
"""

from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from guardian.shortcuts import assign_perm

from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.selectors import case_perm, user_may
from linggao_mi.casework.services import case_event_record
from linggao_mi.documents.choices import EDITABLE_STATES
from linggao_mi.documents.models import OfficialDocument
from linggao_mi.documents.selectors import user_is_author
from linggao_mi.notifications.services import notify
from linggao_mi.org.choices import Role

from .. import rules
from ..choices import LegalReviewState
from ..models import LegalReview

LEGAL_KINDS = (rules.KIND_SUPERVISION_NOTICE, rules.KIND_REVIEW_DECISION, rules.KIND_FAULT_DECISION)
REVIEW_PERMISSION = "inspections.review_legalreview"


def snapshot_of(document: OfficialDocument) -> dict:
    return {"title": document.title, "texts": document.texts}


def legal_review_require_passed(document: OfficialDocument) -> None:
    """Refuse (RuleViolation) unless the latest review of `document` passed it as it stands now."""
    review = document.legal_reviews.order_by("-requested_at", "-pk").first()
    if review is None or review.state != LegalReviewState.PASSED or review.snapshot != snapshot_of(document):
        state = "尚未送审" if review is None else review.get_state_display()
        if review is not None and review.state == LegalReviewState.PASSED:
            state = "审核通过后文书内容已修改，须重新送审"
        raise RuleViolation(rules.LEGAL_REVIEW_REQUIRED, state)


@transaction.atomic(durable=True)
def legal_review_request(*, actor: User, document: OfficialDocument) -> LegalReview:
    """Send a draft (or returned) major decision to 法制审核."""
    document = OfficialDocument.objects.select_for_update().get(pk=document.pk)
    case = document.case
    if not user_may(actor, case, "change"):
        raise PermissionDenied
    if document.kind.code not in LEGAL_KINDS:
        raise RuleViolation(rules.LEGAL_KIND, document.kind.name)
    if document.state not in EDITABLE_STATES:
        raise RuleViolation(rules.LEGAL_REVIEW_STATE, f"当前为“{document.get_state_display()}”")
    if document.legal_reviews.filter(state=LegalReviewState.PENDING).exists():
        raise RuleViolation(rules.LEGAL_REVIEW_PENDING)
    review = LegalReview.objects.create(
        case=case, document=document, snapshot=snapshot_of(document), requested_by=actor
    )
    legal = Group.objects.get(name=Role.LEGAL)
    assign_perm(case_perm(type(case), "view"), legal, case)
    case_event_record(
        case=case,
        actor=actor,
        action="送法制审核",
        from_state=case.state,
        to_state=case.state,
        reason=f"{document.kind.name}《{document.title}》",
    )
    for reviewer in User.objects.filter(groups=legal, is_active=True):
        notify(
            user=reviewer,
            key=f"inspections.legal.{review.pk}",
            subject=f"待法制审核：{document.kind.name}",
            body=f"{case} 的{document.kind.name}《{document.title}》送法制审核。",
            url="/inspections/legal/",
        )
    return review


@transaction.atomic(durable=True)
def legal_review_decide(*, actor: User, review: LegalReview, passed: bool, opinion: str = "") -> LegalReview:
    """Pass the document, or return it with written opinions (the drafter revises and sends it again)."""
    if not actor.has_perm(REVIEW_PERMISSION) or actor.is_superuser:
        raise PermissionDenied
    review = LegalReview.objects.select_for_update().get(pk=review.pk)
    document = review.document
    if review.state != LegalReviewState.PENDING:
        raise RuleViolation(rules.LEGAL_REVIEW_DONE, review.get_state_display())
    if user_is_author(actor, document):
        raise RuleViolation(rules.LEGAL_REVIEWER_NOT_DRAFTER)
    opinion = (opinion or "").strip()
    if not passed and not opinion:
        raise RuleViolation(rules.LEGAL_OPINION_REQUIRED)
    if review.snapshot != snapshot_of(document):
        raise RuleViolation(rules.LEGAL_REVIEW_REQUIRED, "送审后文书内容已修改，须重新送审")
    review.state = LegalReviewState.PASSED if passed else LegalReviewState.RETURNED
    review.reviewer, review.decided_at, review.opinion = actor, timezone.now(), opinion
    review.save()
    case = review.case
    case_event_record(
        case=case,
        actor=actor,
        action=review.get_state_display(),
        from_state=case.state,
        to_state=case.state,
        reason=f"{document.kind.name}《{document.title}》{'：' + opinion if opinion else ''}",
    )
    notify(
        user=review.requested_by,
        key=f"inspections.legal.{review.pk}.{review.state}",
        subject=f"{review.get_state_display()}：{document.kind.name}《{document.title}》",
        body=opinion or "可以报送股长审批。",
        url=document.get_absolute_url(),
    )
    return review
