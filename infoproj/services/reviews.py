"""The expert review at a standards gate (三（九）5): the feasibility, tender-file and acceptance gates record it
alike."""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import User

from linggao_mi.casework.rules import RuleViolation

from .. import rules
from ..choices import Gate, Verdict
from ..models import ExpertReview, ITProject


@dataclass(frozen=True)
class ReviewInput:
    """An expert review at a standards gate (三（九）5)."""

    reviewed_on: datetime.date
    experts: str
    standards_implemented: bool
    standards_opinion: str
    passed: bool
    opinions: str = ""


def expert_review_record(case: ITProject, gate: Gate, review: ReviewInput, actor: User) -> ExpertReview:
    """The review as its gate records it; refused when incomplete, or passed with standards not implemented."""
    if not (review.experts.strip() and review.standards_opinion.strip()):
        raise RuleViolation(rules.REVIEW_INCOMPLETE)
    if review.passed and not review.standards_implemented:
        raise RuleViolation(rules.REVIEW_STANDARDS_VERDICT, f"{gate.label}：{review.standards_opinion.strip()}")
    if not review.passed and not review.opinions.strip():
        raise RuleViolation(rules.REVIEW_INCOMPLETE, "不予通过的须写明评审（整改）意见")
    return ExpertReview.objects.create(
        project=case, gate=gate, reviewed_on=review.reviewed_on, experts=review.experts.strip(),
        standards_implemented=review.standards_implemented, standards_opinion=review.standards_opinion.strip(),
        verdict=Verdict.PASSED if review.passed else Verdict.FAILED, opinions=review.opinions.strip(),
        recorded_by=actor,
    )


def verdict_text(review: ReviewInput) -> str:
    opinions = review.opinions.strip()
    return ("通过" if review.passed else "不予通过") + (f"：{opinions}" if opinions else "")
