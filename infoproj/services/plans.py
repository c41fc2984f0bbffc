"""IT development plans (三（六）): filings from towns, departments and enterprises, the county's own plan with its
approval and provincial filing, and the irregular checks of 5(3)."""

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import User
from django.db import transaction

from linggao_mi.attachments.services import attachment_add, attachment_store
from linggao_mi.casework.checks import check_date
from linggao_mi.casework.rules import DATE_ORDER, RuleViolation
from linggao_mi.deadlines.periods import cn_date

from .. import rules
from ..choices import FilerKind, Implementation, PlanCheckMethod
from ..models import PlanCheck, PlanFiling
from ..workflow import PLAN_WORKFLOW as WORKFLOW
from .common import case_open, text_required


@transaction.atomic(durable=True)
def plan_register(
    *,
    actor: User,
    filer_kind: str,
    filer_name: str,
    title: str,
    period_from: int,
    period_to: int,
    submitted_on: datetime.date,
    upload,
) -> PlanFiling:
    """A plan filed with the bureau (三（六）5(2)), or the county's own plan drafted here (5(1)), with its text."""
    check_date(submitted_on, "报送日期")
    if period_to < period_from:
        raise RuleViolation(rules.PLAN_PERIOD, f"{period_from}—{period_to}")
    if upload is None:
        raise RuleViolation(rules.PLAN_DOCUMENT)
    stored = attachment_store(upload)
    filer_kind = FilerKind(filer_kind)
    case = case_open(
        workflow=WORKFLOW, step="filing_register", actor=actor,
        reason=f"{filer_name.strip()}《{title.strip()}》（{period_from}—{period_to}年），{cn_date(submitted_on)}报送",
        filer_kind=filer_kind, filer_name=filer_name.strip(), title=title.strip(), period_from=period_from,
        period_to=period_to, submitted_on=submitted_on,
    )
    attachment_add(actor=actor, case=case, upload=stored, description="规划文本")
    return case


def _on_or_after_submission(case: PlanFiling, day: datetime.date, what: str) -> None:
    check_date(day, what)
    if day < case.submitted_on:
        raise RuleViolation(DATE_ORDER, f"{what}早于报送日期{cn_date(case.submitted_on)}")


@transaction.atomic(durable=True)
def plan_acknowledge(*, actor: User, case: PlanFiling, acknowledged_on: datetime.date, opinion: str) -> PlanFiling:
    def apply(c: PlanFiling) -> None:
        _on_or_after_submission(c, acknowledged_on, "备案日期")
        c.acknowledged_on, c.acknowledgement = acknowledged_on, opinion.strip()

    case, _ = WORKFLOW.run(
        "acknowledge", case=case, actor=actor, apply=apply, reason=f"{cn_date(acknowledged_on)}备案：{opinion.strip()}"
    )
    return case


@transaction.atomic(durable=True)
def plan_county_approve(
    *, actor: User, case: PlanFiling, approved_on: datetime.date, approval_number: str
) -> PlanFiling:
    text_required(approval_number, rules.PLAN_COUNTY_ONLY, "请填写县政府批准文号")

    def apply(c: PlanFiling) -> None:
        _on_or_after_submission(c, approved_on, "批准日期")
        c.county_approved_on, c.approval_number = approved_on, approval_number.strip()

    case, _ = WORKFLOW.run(
        "county_approve", case=case, actor=actor, apply=apply,
        reason=f"县人民政府{cn_date(approved_on)}批准（{approval_number.strip()}）",
    )
    return case


@transaction.atomic(durable=True)
def plan_province_file(*, actor: User, case: PlanFiling, filed_on: datetime.date, receipt: str) -> PlanFiling:
    text_required(receipt, rules.PLAN_COUNTY_ONLY, "请填写省信息化主管部门备案回执")

    def apply(c: PlanFiling) -> None:
        check_date(filed_on, "报省备案日期")
        if filed_on < c.county_approved_on:
            raise RuleViolation(DATE_ORDER, f"报省备案日期早于县政府批准日期{cn_date(c.county_approved_on)}")
        c.province_filed_on, c.province_receipt = filed_on, receipt.strip()

    case, _ = WORKFLOW.run(
        "province_file", case=case, actor=actor, apply=apply, reason=f"{cn_date(filed_on)}报省备案：{receipt.strip()}"
    )
    return case


@transaction.atomic(durable=True)
def plan_check(
    *,
    actor: User,
    case: PlanFiling,
    checked_on: datetime.date,
    group_members: str,
    methods: Iterable[str],
    findings: str,
    implementation: str,
    outside_plan_projects: str = "",
    correction: str = "",
) -> PlanFiling:
    """不定期检查 (三（六）5(3)) with at least one of its five methods; projects built outside the plan are corrected
    together with the departments concerned (6)."""
    check_date(checked_on, "检查日期")
    methods = sorted(set(methods))
    if not group_members.strip() or not methods or any(m not in PlanCheckMethod.values for m in methods):
        raise RuleViolation(rules.PLAN_CHECK_METHODS)
    text_required(findings, rules.PLAN_CHECK_METHODS, "请填写检查情况")
    if outside_plan_projects.strip() and not correction.strip():
        raise RuleViolation(rules.PLAN_OUTSIDE_CORRECTION)
    implementation = Implementation(implementation)

    def apply(c: PlanFiling) -> PlanCheck:
        return PlanCheck.objects.create(
            plan=c, checked_on=checked_on, group_members=group_members.strip(), methods=methods,
            findings=findings.strip(), implementation=implementation,
            outside_plan_projects=outside_plan_projects.strip(), correction=correction.strip(), recorded_by=actor,
        )

    case, _ = WORKFLOW.run(
        "plan_check", case=case, actor=actor, apply=apply,
        reason=f"{cn_date(checked_on)}不定期检查（{'、'.join(PlanCheckMethod(m).label for m in methods)}）："
        f"{implementation.label}",
    )
    return case
