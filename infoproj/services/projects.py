"""IT projects on county funds (三（七）、三（九）): registering, the feasibility and acceptance gates, tender-file
filing, routine checks, changes, contract checks, complaints, the 《验收意见书》, performance evaluation, closing."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction

from linggao_mi.attachments.services import attachment_add, attachment_store
from linggao_mi.casework.checks import check_date, late_entry
from linggao_mi.casework.rules import DATE_ORDER, RuleViolation
from linggao_mi.deadlines.periods import cn_date
from linggao_mi.deadlines.services import deadline_meet, deadline_open
from linggao_mi.documents.services import document_draft
from linggao_mi.org.models import Department

from .. import rules
from ..choices import CheckMethod, ComplaintSource, Funding, Gate, LawBasis, Verdict
from ..models import (
    Complaint,
    ContractCheck,
    ExpertReview,
    ITProject,
    PerformanceEvaluation,
    PlanFiling,
    ProjectChange,
    RoutineCheck,
    TenderFiling,
)
from ..workflow import PROJECT_WORKFLOW as WORKFLOW
from .common import case_open, text_required

SCORE_MAX = {"management_score": Decimal(30), "output_score": Decimal(30), "effect_score": Decimal(40)}


@dataclass(frozen=True)
class ReviewInput:
    """An expert review at a standards gate (三（九）5)."""

    reviewed_on: datetime.date
    experts: str
    standards_implemented: bool
    standards_opinion: str
    passed: bool
    opinions: str = ""


def _review(case: ITProject, gate: Gate, review: ReviewInput, actor: User) -> ExpertReview:
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


def _verdict_text(review: ReviewInput) -> str:
    opinions = review.opinions.strip()
    return ("通过" if review.passed else "不予通过") + (f"：{opinions}" if opinions else "")


@transaction.atomic(durable=True)
def project_register(
    *,
    actor: User,
    name: str,
    owner_unit: str,
    owner_contact: str,
    funding: str,
    build_kind: str,
    budget: Decimal,
    approved_scale: str,
    approved_content: str,
    plan: PlanFiling | None = None,
) -> ITProject:
    """Register an IT project for supervision: only county-level fiscal funds are supervised (三（七）1)."""
    if funding != Funding.COUNTY:
        raise RuleViolation(rules.COUNTY_FUNDS_ONLY, f"本项目资金来源为“{Funding(funding).label}”")
    case = case_open(
        workflow=WORKFLOW, step="register", actor=actor,
        reason=f"{owner_unit}：{name}（概算{budget}万元）" + ("；规划外项目" if plan is None else ""),
        name=name.strip(), owner_unit=owner_unit.strip(), owner_contact=owner_contact.strip(), funding=funding,
        build_kind=build_kind, budget=budget, approved_scale=approved_scale.strip(),
        approved_content=approved_content.strip(), plan=plan,
    )
    return case


def owner_evaluations(owner_unit: str, *, exclude: ITProject | None = None):
    """The performance evaluations of the owner's earlier projects: the basis when it applies again (三（七）6(4))."""
    evaluations = PerformanceEvaluation.objects.filter(project__owner_unit=owner_unit.strip()).select_related("project")
    if exclude is not None:
        evaluations = evaluations.exclude(project=exclude)
    return evaluations.order_by("-evaluated_on", "-id")


@transaction.atomic(durable=True)
def feasibility_review(*, actor: User, case: ITProject, review: ReviewInput, late_reason: str = "") -> ITProject:
    """可研评审: the experts check the feasibility study against the information standards (三（九）5)."""
    late = late_entry(review.reviewed_on, "评审日期", case=case, late_reason=late_reason)
    case, _ = WORKFLOW.run(
        "feasibility_review", case=case, actor=actor, apply=lambda c: _review(c, Gate.FEASIBILITY, review, actor),
        reason=f"{cn_date(review.reviewed_on)}可研评审{_verdict_text(review)}", late_reason=late,
    )
    return case


@transaction.atomic(durable=True)
def tender_file_submit(
    *, actor: User, case: ITProject, submitted_on: datetime.date, upload, late_reason: str = ""
) -> ITProject:
    """The tender file sent for 审核备案 before tendering (三（七）5(1)); again after it was returned."""
    late = late_entry(submitted_on, "报送日期", case=case, late_reason=late_reason)
    if upload is None:
        raise RuleViolation(rules.TENDER_FILE_REQUIRED)
    stored = attachment_store(upload)  # written before the case is locked

    def apply(c: ITProject) -> TenderFiling:
        attachment = attachment_add(actor=actor, case=c, upload=stored, description="报送备案的招标文件")
        version = c.tender_filings.count() + 1
        return TenderFiling.objects.create(project=c, version=version, submitted_on=submitted_on, attachment=attachment)

    case, filing = WORKFLOW.run(
        "tender_file_submit", case=case, actor=actor, apply=apply,
        reason=f"{cn_date(submitted_on)}报送招标文件", late_reason=late,
    )
    return case


@transaction.atomic(durable=True)
def tender_file_review(
    *,
    actor: User,
    case: ITProject,
    law_compliant: bool,
    scale_compliant: bool,
    review: ReviewInput,
    late_reason: str = "",
) -> ITProject:
    """标书审核备案: the file against the law and the approved scale and content (三（七）6(1)) and, by the experts,
    against the information standards (三（九）). Any failure returns it with opinions, to be refiled."""
    late = late_entry(review.reviewed_on, "审核日期", case=case, late_reason=late_reason)
    compliant = law_compliant and scale_compliant
    if review.passed and not compliant:
        raise RuleViolation(rules.TENDER_FILE_NONCOMPLIANT, "不符合法律法规或批复的建设规模和内容的，不能通过备案")

    def apply(c: ITProject) -> TenderFiling:
        filing = c.tender_filings.select_for_update().get(verdict="")
        if filing.submitted_on > review.reviewed_on:
            raise RuleViolation(DATE_ORDER, f"审核日期早于报送日期{cn_date(filing.submitted_on)}")
        filing.law_compliant, filing.scale_compliant = law_compliant, scale_compliant
        filing.review = _review(c, Gate.TENDER, review, actor)
        filing.verdict, filing.opinions = filing.review.verdict, review.opinions.strip()
        filing.save()
        return filing

    case, _ = WORKFLOW.run(
        "tender_file_review", case=case, actor=actor, apply=apply,
        reason=f"{cn_date(review.reviewed_on)}标书审核备案{_verdict_text(review)}"
        + ("" if review.passed else "（退回修改后重新报送）"),
        late_reason=late,
    )
    return case


@transaction.atomic(durable=True)
def routine_check(
    *,
    actor: User,
    case: ITProject,
    checked_on: datetime.date,
    group_members: str,
    methods: Iterable[str],
    progress_ok: bool,
    funds_ok: bool,
    quality_ok: bool,
    findings: str,
    rectification: str = "",
    rectification_days: int | None = None,
    referred_to: Department | None = None,
    referral_basis: str = "",
    late_reason: str = "",
) -> ITProject:
    """日常检查 (三（七）5(2)): what is wrong gets measures and a deadline (限期整改); what breaks the law is
    referred to the competent body for penalty (6(2))."""
    late = late_entry(checked_on, "检查日期", case=case, late_reason=late_reason)
    methods = sorted(set(methods))
    if not methods or any(m not in CheckMethod.values for m in methods):
        raise RuleViolation(rules.CHECK_METHODS)
    text_required(group_members, rules.CHECK_METHODS, "请填写检查小组成员")
    text_required(findings, rules.CHECK_RECTIFICATION, "请填写检查意见")
    problems = not (progress_ok and funds_ok and quality_ok)
    if problems and not (rectification.strip() and rectification_days):
        raise RuleViolation(rules.CHECK_RECTIFICATION, "请写明整改措施和整改期限（日）")
    if (referred_to is None) != (not referral_basis.strip()):
        raise RuleViolation(rules.CHECK_REFERRAL)

    def apply(c: ITProject) -> RoutineCheck:
        check = RoutineCheck(
            project=c, checked_on=checked_on, group_members=group_members.strip(), methods=methods,
            progress_ok=progress_ok, funds_ok=funds_ok, quality_ok=quality_ok, findings=findings.strip(),
            rectification=rectification.strip(), referred_to=referred_to, referral_basis=referral_basis.strip(),
            recorded_by=actor,
        )
        if rectification.strip() and rectification_days:
            check.deadline = deadline_open(
                case=c, rule_code=rules.RULE_CHECK_RECTIFICATION, start=checked_on, amount=rectification_days,
                label=f"日常检查限期整改（{cn_date(checked_on)}检查）",
            )
        check.save()
        return check

    reason = f"{cn_date(checked_on)}日常检查" + (f"，限{rectification_days}日整改" if rectification_days else "")
    if referred_to is not None:
        reason += f"，通报{referred_to.name}依法处罚"
    case, _ = WORKFLOW.run("routine_check", case=case, actor=actor, apply=apply, reason=reason, late_reason=late)
    return case


@transaction.atomic(durable=True)
def check_rectified(*, actor: User, case: ITProject, check: RoutineCheck, rectified_on: datetime.date) -> ITProject:
    check_date(rectified_on, "整改完成日期")

    def apply(c: ITProject) -> None:
        locked = c.checks.select_for_update().get(pk=check.pk, rectified_on__isnull=True, deadline__isnull=False)
        if rectified_on < locked.checked_on:
            raise RuleViolation(DATE_ORDER, f"整改完成日期早于检查日期{cn_date(locked.checked_on)}")
        locked.rectified_on = rectified_on
        locked.save(update_fields=["rectified_on"])
        deadline_meet(deadline=locked.deadline, on=rectified_on)

    case, _ = WORKFLOW.run(
        "check_rectified", case=case, actor=actor, apply=apply,
        reason=f"{cn_date(check.checked_on)}检查的问题于{cn_date(rectified_on)}整改完成",
    )
    return case


@transaction.atomic(durable=True)
def change_request(
    *, actor: User, case: ITProject, requested_on: datetime.date, description: str, budget_after: Decimal
) -> ITProject:
    """可研（概算）变更 recorded (三（七）3), to be approved by the chief or a leader."""
    check_date(requested_on, "申请日期")
    text_required(description, rules.CHANGE_REASONS)

    def apply(c: ITProject) -> ProjectChange:
        return ProjectChange.objects.create(
            project=c, requested_on=requested_on, description=description.strip(), budget_before=c.budget,
            budget_after=budget_after,
        )

    case, _ = WORKFLOW.run(
        "change_request", case=case, actor=actor, apply=apply,
        reason=f"申请变更概算{case.budget}万元→{budget_after}万元：{description.strip()}",
    )
    return case


@transaction.atomic(durable=True)
def change_decide(
    *, actor: User, case: ITProject, approved: bool, decided_on: datetime.date, reasons: str
) -> ITProject:
    check_date(decided_on, "审批日期")
    text_required(reasons, rules.CHANGE_REASONS)

    def apply(c: ITProject) -> ProjectChange:
        change = c.changes.select_for_update().get(approved__isnull=True)
        if decided_on < change.requested_on:
            raise RuleViolation(DATE_ORDER, f"审批日期早于申请日期{cn_date(change.requested_on)}")
        change.approved, change.decided_on, change.decision_reasons, change.decided_by = (
            approved, decided_on, reasons.strip(), actor,
        )
        change.save()
        if approved:
            c.budget = change.budget_after
        return change

    case, _ = WORKFLOW.run(
        "change_decide", case=case, actor=actor, apply=apply,
        reason=("批准" if approved else "不予批准") + f"可研（概算）变更：{reasons.strip()}",
    )
    return case


def _check_basis(basis: str, article: str, penalty: str, rectification: str) -> None:
    """A problem handled or punished cites the law and its article (三（八）6)."""
    if (penalty.strip() or rectification.strip()) and not (basis in LawBasis.values and article.strip()):
        raise RuleViolation(rules.HANDLING_BASIS)


@transaction.atomic(durable=True)
def contract_check(
    *,
    actor: User,
    case: ITProject,
    checked_on: datetime.date,
    against_contract: bool,
    contract_fulfilled: bool,
    findings: str,
    rectification: str = "",
    basis: str = "",
    basis_article: str = "",
    penalty: str = "",
) -> ITProject:
    """合同履约情况检查 (三（八）5(3)(4)); problems are ordered rectified and punished under the law (6(2))."""
    check_date(checked_on, "检查日期")
    text_required(findings, rules.HANDLING_BASIS, "请填写检查情况")
    if not contract_fulfilled and not rectification.strip():
        raise RuleViolation(rules.HANDLING_BASIS, "未按合同履约的，须写明责令整改内容")
    _check_basis(basis, basis_article, penalty, rectification)

    def apply(c: ITProject) -> ContractCheck:
        return ContractCheck.objects.create(
            project=c, checked_on=checked_on, against_contract=against_contract, contract_fulfilled=contract_fulfilled,
            findings=findings.strip(), rectification=rectification.strip(), basis=basis,
            basis_article=basis_article.strip(), penalty=penalty.strip(), recorded_by=actor,
        )

    case, _ = WORKFLOW.run(
        "contract_check", case=case, actor=actor, apply=apply,
        reason=f"{cn_date(checked_on)}" + ("竣工验收合同内容检查" if against_contract else "合同履约检查")
        + ("：按约履行" if contract_fulfilled else "：责令整改"),
    )
    return case


@transaction.atomic(durable=True)
def complaint_record(
    *,
    actor: User,
    case: ITProject,
    source: str,
    received_on: datetime.date,
    complainant: str,
    content: str,
    investigation: str,
    handling: str,
    basis: str,
    basis_article: str,
    concluded_on: datetime.date,
    penalty: str = "",
) -> ITProject:
    """A complaint or report investigated and handled (三（八）6(1)), with the law it rests on."""
    check_date(received_on, "收到日期")
    check_date(concluded_on, "办结日期")
    if concluded_on < received_on:
        raise RuleViolation(DATE_ORDER, "办结日期早于收到日期")
    required = ((complainant, "投诉（举报）人"), (content, "内容"), (investigation, "调查情况"), (handling, "处理意见"))
    for value, what in required:
        text_required(value, rules.HANDLING_BASIS, f"请填写{what}")
    if basis not in LawBasis.values or not basis_article.strip():
        raise RuleViolation(rules.HANDLING_BASIS)

    def apply(c: ITProject) -> Complaint:
        return Complaint.objects.create(
            project=c, source=source, received_on=received_on, complainant=complainant.strip(), content=content.strip(),
            investigation=investigation.strip(), handling=handling.strip(), basis=basis,
            basis_article=basis_article.strip(), penalty=penalty.strip(), concluded_on=concluded_on,
            recorded_by=actor,
        )

    case, _ = WORKFLOW.run(
        "complaint_record", case=case, actor=actor, apply=apply,
        reason=f"{cn_date(received_on)}收到{ComplaintSource(source).label}，{cn_date(concluded_on)}办结，"
        f"依据{LawBasis(basis).label}{basis_article.strip()}",
    )
    return case


@transaction.atomic(durable=True)
def plan_correct(*, actor: User, case: ITProject, correction: str, plan: PlanFiling | None = None) -> ITProject:
    """A project built outside the plan, corrected together with the departments concerned (三（六）6)."""
    text_required(correction, rules.PLAN_CORRECTION)

    def apply(c: ITProject) -> None:
        c.plan_correction = correction.strip()
        if plan is not None:
            c.plan = plan

    case, _ = WORKFLOW.run(
        "plan_correct", case=case, actor=actor, apply=apply,
        reason=correction.strip() + (f"；纳入{plan.filer_name}《{plan.title}》" if plan else ""),
    )
    return case


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
        made = _review(c, Gate.ACCEPTANCE, review, actor)
        if review.passed:
            c.acceptance_document = document_draft(
                actor=actor, case=c, kind_code=rules.KIND_ACCEPTANCE_OPINION,
                texts={"rectification": review.opinions.strip() or "无"},
            )
        return made

    case, _ = WORKFLOW.run(
        "acceptance_review", case=case, actor=actor, apply=apply,
        reason=f"{cn_date(review.reviewed_on)}竣工验收{_verdict_text(review)}", late_reason=late,
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

