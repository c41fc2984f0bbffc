"""IT projects (三（七）、三（九）) at the end: the acceptance gate and its 《验收意见书》, performance evaluation,
closing."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction

from linggao_mi.casework.checks import check_date, late_entry
from linggao_mi.casework.rules import DATE_ORDER, RuleViolation
from linggao_mi.deadlines.periods import cn_date
from linggao_mi.deadlines.services import deadline_open
from linggao_mi.documents.services import document_draft

from .. import rules
from ..choices import Gate
from ..models import ExpertReview, ITProject, PerformanceEvaluation
from ..workflow import PROJECT_WORKFLOW as WORKFLOW
from .common import text_required
from .reviews import ReviewInput, expert_review_record, verdict_text

SCORE_MAX = {"management_score": Decimal(30), "output_score": Decimal(30), "effect_score": Decimal(40)}



@transaction.atomic(durable=True)
def acceptance_apply(
    *, actor: User, case: ITProject, applied_on: datetime.date, application: str, late_reason: str = ""
) -> ITProject:
    """The owner applies for completion acceptance (三（七）5(3))."""
    late = late_entry(applied_on, "申请日期", case=case, late_reason=late_reason)
    text_required(application, rules.ACCEPTANCE_APPLICATION)

    def apply(c: ITProject) -> None:
        c.acceptance_applied_on, c.acceptance_application = applied_on, application.strip()

    case, _ = WORKFLOW.run(
        "acceptance_apply", case=case, actor=actor, apply=apply,
        reason=f"{case.owner_unit}于{cn_date(applied_on)}申请竣工验收", late_reason=late,
    )
    return case


@transaction.atomic(durable=True)
def acceptance_review(
    *, actor: User, case: ITProject, review: ReviewInput, late_reason: str = ""
) -> ITProject:
    """The acceptance expert group's review (三（七）5(3)) with the standards gate (三（九）): passed, it drafts the
    《验收意见书》 with the rectification opinions (6(3)); failed, the project stays until a new review passes."""
    late = late_entry(review.reviewed_on, "验收日期", case=case, late_reason=late_reason)
    if not review.passed and not review.opinions.strip():
        raise RuleViolation(rules.ACCEPTANCE_RECTIFICATION)

    def apply(c: ITProject) -> ExpertReview:
        if c.acceptance_applied_on and review.reviewed_on < c.acceptance_applied_on:
            raise RuleViolation(DATE_ORDER, f"验收日期早于申请日期{cn_date(c.acceptance_applied_on)}")
        made = expert_review_record(c, Gate.ACCEPTANCE, review, actor)
        if review.passed:
            c.acceptance_document = document_draft(
                actor=actor, case=c, kind_code=rules.KIND_ACCEPTANCE_OPINION,
                texts={"rectification": review.opinions.strip() or "无"},
            )
        return made

    case, _ = WORKFLOW.run(
        "acceptance_review", case=case, actor=actor, apply=apply,
        reason=f"{cn_date(review.reviewed_on)}竣工验收{verdict_text(review)}", late_reason=late,
    )
    return case


def acceptance_served(*, document, actor: User) -> ITProject:
    """The 《验收意见书》 was served (the documents' on_served hook, inside the serving transaction)."""

    def check(c: ITProject) -> None:
        if c.acceptance_document_id != document.pk:
            raise RuleViolation(rules.ACCEPTANCE_OPINION_ISSUED, "该文书不是本项目的《验收意见书》")

    case, _ = WORKFLOW.run(
        "acceptance_served", case=document.case, actor=actor, check=check,
        reason=f"{document.number}于{cn_date(document.served_on)}送达",
    )
    return case


@transaction.atomic(durable=True)
def performance_evaluate(
    *,
    actor: User,
    case: ITProject,
    evaluated_on: datetime.date,
    experts: str,
    management_score: Decimal,
    output_score: Decimal,
    effect_score: Decimal,
    comments: str,
    goals_met: bool,
    rectification: str = "",
    rectification_months: int | None = None,
) -> ITProject:
    """绩效评价 (三（七）5(4)): the score sheet is kept; unmet goals get a deadline to rectify (6(4))."""
    check_date(evaluated_on, "评价日期")
    scores = {"management_score": management_score, "output_score": output_score, "effect_score": effect_score}
    for key, value in scores.items():
        if value is None or not Decimal(0) <= Decimal(value) <= SCORE_MAX[key]:
            label = PerformanceEvaluation._meta.get_field(key).verbose_name
            raise RuleViolation(rules.SCORE_RANGE, f"{label}为{value}")
    text_required(experts, rules.SCORE_RANGE, "请填写专家团队")
    text_required(comments, rules.SCORE_RANGE, "请填写评价意见")
    if not goals_met and not (rectification.strip() and rectification_months):
        raise RuleViolation(rules.EVALUATION_RECTIFICATION)

    def apply(c: ITProject) -> PerformanceEvaluation:
        evaluation = PerformanceEvaluation(
            project=c, evaluated_on=evaluated_on, experts=experts.strip(), comments=comments.strip(),
            goals_met=goals_met, rectification=rectification.strip() if not goals_met else "", recorded_by=actor,
            **scores,
        )
        if not goals_met:
            evaluation.deadline = deadline_open(
                case=c, rule_code=rules.RULE_EVALUATION_RECTIFICATION, start=evaluated_on,
                amount=rectification_months, label="绩效评价限期整改",
            )
        evaluation.save()
        return evaluation

    total = sum(Decimal(v) for v in scores.values())
    case, _ = WORKFLOW.run(
        "performance_evaluate", case=case, actor=actor, apply=apply,
        reason=f"{cn_date(evaluated_on)}绩效评价{total}分"
        + ("" if goals_met else f"，限{rectification_months}个月整改"),
    )
    return case


@transaction.atomic(durable=True)
def evaluation_refusal(*, actor: User, case: ITProject, refused_on: datetime.date, sanction: str) -> ITProject:
    """拒不整改 or still short after rectifying: recorded for 通报批评 or suspension of new approvals (三（七）6(4))."""
    check_date(refused_on, "认定日期")
    text_required(sanction, rules.REFUSAL_SANCTION)

    def apply(c: ITProject) -> None:
        evaluation = c.evaluations.select_for_update().filter(goals_met=False, refused_on__isnull=True).latest("id")
        evaluation.refused_on, evaluation.sanction = refused_on, sanction.strip()
        evaluation.save(update_fields=["refused_on", "sanction"])

    case, _ = WORKFLOW.run(
        "evaluation_refusal", case=case, actor=actor, apply=apply, reason=f"认定拒不整改：{sanction.strip()}"
    )
    return case


@transaction.atomic(durable=True)
def project_close(*, actor: User, case: ITProject, closed_on: datetime.date, reason: str) -> ITProject:
    check_date(closed_on, "结案日期")
    text_required(reason, rules.CLOSE_REASON)

    def apply(c: ITProject) -> None:
        c.closed_on, c.close_reason = closed_on, reason.strip()

    case, _ = WORKFLOW.run("close", case=case, actor=actor, apply=apply, reason=reason.strip())
    return case
