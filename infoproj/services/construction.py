"""IT projects (三（七）、三（九）) during the works: routine checks and their rectification, changes, contract checks,
complaints, corrections of the plan."""

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction

from linggao_mi.casework.checks import check_date, late_entry
from linggao_mi.casework.rules import DATE_ORDER, RuleViolation
from linggao_mi.deadlines.periods import cn_date
from linggao_mi.deadlines.services import deadline_meet, deadline_open
from linggao_mi.org.models import Department

from .. import rules
from ..choices import CheckMethod, ComplaintSource, LawBasis
from ..models import Complaint, ContractCheck, ITProject, PlanFiling, ProjectChange, RoutineCheck
from ..workflow import PROJECT_WORKFLOW as WORKFLOW
from .common import text_required


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
