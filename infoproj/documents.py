"""The documents of 三（三）（六）（七） as kinds of the documents registry:

- 《验收意见书》 (三（七）5(3)、6(3)): the project, the acceptance group's review with the standards gate, the contract
  check; the conclusion and rectification opinions written by the drafter.
- 重点项目建设季度工作简报 (三（三）5): progress per project, problems with their subjective and objective causes, the
  month's decisions, a chart of milestone progress, all from the quarter's records; the recommendations written.
- 信息化发展规划落实情况年度报告 (三（六）6): the year's checks per town and department, projects outside the plan and
  their correction, to the county government; the overall assessment written.

Facts come from the records; the drafter writes only the narrative.
"""

from django.conf import settings
from django.db.models import Q

from linggao_mi.casework.rules import RuleViolation
from linggao_mi.deadlines.periods import cn_date
from linggao_mi.documents.kinds import KindSpec, Text, register_kind

from . import rules
from .chart import milestone_chart
from .choices import Gate, Implementation, KeyProjectState, PlanCheckMethod

TEMPLATE = "documents/pdf/{}.html"


def _money(value) -> str:
    return f"{value:,.2f}"


# ---------------------------------------------------------------- 《验收意见书》


def acceptance_facts(case) -> dict:
    review = case.last_review(Gate.ACCEPTANCE)
    contract = case.contract_checks.filter(against_contract=True).order_by("-checked_on", "-id").first()
    return {
        "organ": settings.BUREAU_NAME,
        "addressee": case.owner_unit,
        "unit_name": case.owner_unit,
        "case_reference": case.reference,
        "project_name": case.name,
        "build_kind": case.get_build_kind_display(),
        "budget": _money(case.budget),
        "approved_scale": case.approved_scale,
        "approved_content": case.approved_content,
        "applied_on": cn_date(case.acceptance_applied_on) if case.acceptance_applied_on else "",
        "reviewed_on": cn_date(review.reviewed_on) if review else "",
        "experts": review.experts if review else "",
        "standards_opinion": review.standards_opinion if review else "",
        "passed": bool(review and review.verdict == "passed"),
        "contract_checked": contract is not None,
        "contract_fulfilled": bool(contract and contract.contract_fulfilled),
        "contract_findings": contract.findings if contract else "",
    }


def check_acceptance(case, content: dict) -> None:
    if not content["passed"]:
        raise RuleViolation(rules.GATE_FAILED, "竣工验收的专家审核未通过")
    if not (content.get("rectification") or "").strip():
        raise RuleViolation(rules.ACCEPTANCE_RECTIFICATION, "请在整改意见中写明，无整改意见的写“无”")


def _acceptance_served(document, actor) -> None:
    from .services import acceptance_served

    acceptance_served(document=document, actor=actor)


register_kind(
    KindSpec(
        code=rules.KIND_ACCEPTANCE_OPINION,
        name="验收意见书",
        number_prefix="临工信信验",
        template=TEMPLATE.format(rules.KIND_ACCEPTANCE_OPINION),
        regime="infoproj",
        facts=acceptance_facts,
        texts=(
            Text("conclusion", "验收结论", rows=4,
                 initial=lambda case: "项目已按批复的建设规模和内容完成建设，落实了相关信息化标准，同意通过竣工验收。",
                 help="验收专家组对竣工情况的审查结论；项目概况、专家审核情况由案件生成。"),
            Text("rectification", "整改意见", rows=5,
                 help="对竣工验收中发现的问题提出的整改意见（三（七）6(3)）；无则写“无”。"),
        ),
        validate=check_acceptance,
        on_served=_acceptance_served,
        title=lambda case: f"关于{case.name}竣工验收的意见书",
        description="竣工验收专家组审查后出具的工程竣工验收意见，并提出整改意见。",
        clause="三（七）5(3)、6(3)",
        fact_labels={
            "project_name": "项目名称", "unit_name": "项目建设单位", "case_reference": "案件编号",
            "budget": "批复概算（万元）",
            "reviewed_on": "验收日期", "experts": "验收专家组", "standards_opinion": "信息化标准落实情况",
        },
    )
)

# ---------------------------------------------------------------- 季简报


def quarterly_facts(case) -> dict:
    from .models import KeyProject, MeetingDecision
    from .services import quarter_bounds

    first, last = quarter_bounds(case.period_year, case.quarter)
    projects = []
    chart_rows = []
    tracked = Q(created_at__date__lte=last) | Q(weekly_records__week_start__range=(first, last))
    for project in (
        KeyProject.objects.filter(tracked)
        .exclude(state=KeyProjectState.COMPLETED, completed_on__lt=first)
        .distinct()
        .order_by("pk")
    ):
        records = list(project.weekly_records.filter(week_start__range=(first, last)).order_by("week_start"))
        milestones = list(project.milestones.filter(planned_on__lte=last))
        done = sum(1 for m in milestones if m.done_on and m.done_on <= last)
        chart_rows.append({"name": project.name, "done": done, "total": len(milestones)})
        projects.append({
            "name": project.name,
            "owner": project.owner_unit,
            "investment": _money(project.investment),
            "weeks": len(records),
            "progress": records[-1].progress if records else "本季度无周跟踪记录",
            "problems": [r.problems for r in records if r.problems],
            "subjective": [r.subjective_causes for r in records if r.subjective_causes],
            "objective": [r.objective_causes for r in records if r.objective_causes],
            "milestones_done": done,
            "milestones_total": len(milestones),
        })
    decisions = [
        {"project": d.project.name, "decision": d.decision, "owner": d.owner, "due_on": cn_date(d.due_on),
         "done": bool(d.done_on)}
        for d in MeetingDecision.objects.filter(meeting__held_on__range=(first, last)).select_related("project")
    ]
    return {
        "organ": settings.BUREAU_NAME,
        "period": f"{case.period_year}年第{case.quarter}季度",
        "first": cn_date(first),
        "last": cn_date(last),
        "projects": projects,
        "decisions": decisions,
        "chart": milestone_chart(chart_rows),
    }


def check_quarterly(case, content: dict) -> None:
    if not content["projects"]:
        raise RuleViolation(rules.QUARTER_NOT_ENDED, "该季度没有跟踪的重点项目")


register_kind(
    KindSpec(
        code=rules.KIND_QUARTERLY_BRIEFING,
        name="重点项目建设工作简报",
        number_prefix="临工信重点简",
        template=TEMPLATE.format(rules.KIND_QUARTERLY_BRIEFING),
        regime="infoproj",
        facts=quarterly_facts,
        texts=(
            Text("analysis", "影响项目进度的主客观因素分析", rows=5,
                 help="在各项目登记的主观、客观因素基础上作出综合分析（三（三）5）。"),
            Text("recommendations", "工作建议", rows=5, help="每行一条建议。"),
        ),
        validate=check_quarterly,
        title=lambda case: f"{case.period_year}年第{case.quarter}季度工业和信息产业重点项目建设工作简报",
        description="每季度印发工作简报，分析影响项目进度的主客观因素，提出工作建议。",
        clause="三（三）5",
        fact_labels={"period": "简报期", "first": "起", "last": "止"},
    )
)

# ---------------------------------------------------------------- 规划落实情况年度报告


def plan_report_facts(case) -> dict:
    from .models import ITProject, PlanCheck

    year = case.period_year
    checks = []
    for check in PlanCheck.objects.filter(checked_on__year=year).select_related("plan").order_by("checked_on", "pk"):
        checks.append({
            "filer": check.plan.filer_name,
            "filer_kind": check.plan.get_filer_kind_display(),
            "plan": check.plan.title,
            "checked_on": cn_date(check.checked_on),
            "methods": "、".join(PlanCheckMethod(m).label for m in check.methods),
            "implementation": check.get_implementation_display(),
            "findings": check.findings,
            "outside": check.outside_plan_projects,
            "correction": check.correction,
        })
    counts = {label: sum(1 for c in checks if c["implementation"] == label) for _, label in Implementation.choices}
    outside = [
        {"name": p.name, "owner": p.owner_unit, "correction": p.plan_correction or "尚未纠正"}
        for p in ITProject.objects.filter(plan__isnull=True, created_at__year=year).order_by("pk")
    ]
    return {
        "organ": settings.BUREAU_NAME,
        "addressee": "临高县人民政府",
        "year": year,
        "checks": checks,
        "counts": [{"label": k, "count": v} for k, v in counts.items()],
        "outside_projects": outside,
    }


def check_plan_report(case, content: dict) -> None:
    if not content["checks"]:
        raise RuleViolation(rules.REPORT_NO_CHECKS, f"{content['year']}年")


register_kind(
    KindSpec(
        code=rules.KIND_PLAN_REPORT,
        name="信息化发展规划落实情况报告",
        number_prefix="临工信规报",
        template=TEMPLATE.format(rules.KIND_PLAN_REPORT),
        regime="infoproj",
        facts=plan_report_facts,
        texts=(Text("summary", "总体评价及下一步工作", rows=5, help="各检查情况、规划外项目由检查记录生成。"),),
        validate=check_plan_report,
        title=lambda case: f"关于{case.period_year}年度全县信息化发展规划落实情况的报告",
        description="通报县人民政府其他有关部门、各镇政府信息化发展规划落实情况，并上报县政府。",
        clause="三（六）6",
        fact_labels={"year": "年度", "addressee": "主送"},
    )
)
