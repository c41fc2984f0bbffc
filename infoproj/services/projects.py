"""IT projects on county funds (三（七）、三（九）) up to the works: registering, the feasibility gate, tender-file
filing. construction.py follows them through the works, acceptance.py to the end."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction

from linggao_mi.attachments.services import attachment_add, attachment_store
from linggao_mi.casework.checks import late_entry
from linggao_mi.casework.rules import DATE_ORDER, RuleViolation
from linggao_mi.deadlines.periods import cn_date

from .. import rules
from ..choices import Funding, Gate
from ..models import ITProject, PerformanceEvaluation, PlanFiling, TenderFiling
from ..workflow import PROJECT_WORKFLOW as WORKFLOW
from .common import case_open
from .reviews import ReviewInput, expert_review_record, verdict_text


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
        "feasibility_review", case=case, actor=actor,
        apply=lambda c: expert_review_record(c, Gate.FEASIBILITY, review, actor),
        reason=f"{cn_date(review.reviewed_on)}可研评审{verdict_text(review)}", late_reason=late,
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
        filing.review = expert_review_record(c, Gate.TENDER, review, actor)
        filing.verdict, filing.opinions = filing.review.verdict, review.opinions.strip()
        filing.save()
        return filing

    case, _ = WORKFLOW.run(
        "tender_file_review", case=case, actor=actor, apply=apply,
        reason=f"{cn_date(review.reviewed_on)}标书审核备案{verdict_text(review)}"
        + ("" if review.passed else "（退回修改后重新报送）"),
        late_reason=late,
    )
    return case
