"""Demo projects and checks of 三（五） for `manage.py load_demo` (called from energy/demo.py; idempotent), made
through the services, with the projects' facts in the past: a project at every stage a newcomer meets —

1. reviewed two and a half years ago and never started: trigger (4), found by the daily sweep;
2. a change 25% up: trigger (5); its yearly check planned;
3. started without an energy review: trigger (1); a covert check (暗查) under way, steps (1)(3)(4) recorded;
4. a periodic check through its 7 steps, the feedback awaiting the chief's approval;
5. below the mandatory standards: trigger (2); checked, 责令停止建设 decided, the order awaiting a leader's approval;
6. a periodic check fed back and closed, its next year's period running.
"""

import datetime
from decimal import Decimal

from django.contrib.auth.models import User
from django.utils import timezone

from linggao_mi.documents.services import document_approve, document_issue, document_serve, document_submit

from . import services
from .choices import (
    ChangeKind,
    CheckKind,
    CheckMethod,
    CheckOccasion,
    MeasureKind,
    ProcedureStep,
    ReviewStatus,
    TriggerCode,
)
from .models import FixedAssetProject
from .workflow import RECORDED_STEPS


def load(users: dict[str, User], owners: list) -> None:
    if FixedAssetProject.objects.exists():
        return
    staff, chief = users["staff"], users["chief"]
    inspector1, inspector2 = users["inspector1"], users["inspector2"]
    pair = [inspector1, inspector2]
    today = timezone.localdate()
    power, cement, fishery = owners

    def ago(days: int) -> datetime.date:
        return today - datetime.timedelta(days=days)

    def project(owner, name, **fields):
        values = dict(
            location=owner.address, total_investment=Decimal("28000"), review_status=ReviewStatus.PASSED,
            review_opinion_number=f"临工信节审〔{ago(400).year}〕{FixedAssetProject.objects.count() + 1}号",
            review_passed_on=ago(400), approved_annual_consumption_tce=Decimal("4200.00"),
        )
        values.update(fields)
        return services.project_create(actor=staff, owner_credit_code=owner.credit_code, name=name, **values)

    def plan(prj, kind=CheckKind.PERIODIC, method=CheckMethod.ORDINARY, occasion=""):
        return services.check_plan(
            actor=inspector1, project=prj, kind=kind, method=method, occasion=occasion, planned_date=today,
            plan="一、检查内容：节能审查意见落实情况、主要用能设备能效、能源计量和统计。\n"
                 "二、人员：两名执法人员。\n三、时间：一天。",
            inspectors=pair,
        )

    def step(case, number):
        return services.step_record(
            actor=inspector1, case=case, step=number, done_on=today, inspectors=pair,
            participants=f"{case.project.owner.legal_representative}（法定代表人）", notes=ProcedureStep(number).label,
        )

    def approve_issue_serve(document, approver=chief, serve=True):
        document_submit(actor=document.drafted_by, document=document)
        document_approve(actor=approver, document=document)
        document_issue(actor=approver, document=document)
        if serve:
            document_serve(actor=inspector1, document=document, method="direct", served_on=today,
                           recipient=document.case.project.owner.legal_representative)

    def to_summary(case):
        case = step(case, ProcedureStep.SELECT)
        if case.announced:
            case = services.notice_draft(
                actor=inspector1, case=case, requirements="请备齐节能审查意见、能源计量器具台账和能源统计报表。"
            )
            approve_issue_serve(case.notice_document)
            case.refresh_from_db()
        for number in RECORDED_STEPS[1:]:
            case = step(case, number)
        return case

    def fed_back(case):
        case = services.feedback_draft(
            actor=inspector1, case=to_summary(case), results="项目基本按照节能审查意见建设。",
            suggestions="建议完善能源计量器具配备\n建议建立能源管理岗位",
        )
        approve_issue_serve(case.feedback_document)
        case.refresh_from_db()
        return case

    # 1.
    project(power, "金牌港2×35万千瓦燃气热电联产项目", review_passed_on=ago(900))
    services.triggers_detect(today=today)
    # 2.
    bigger = project(cement, "博厚水泥熟料生产线技术改造项目", construction_started_on=ago(200))
    services.project_change_record(
        actor=staff, project=bigger, kind=ChangeKind.SCALE, description="熟料产能由2500吨/日扩大至3200吨/日",
        changed_on=ago(30), expected_annual_consumption_tce=Decimal("5250.00"),
    )
    plan(bigger)
    # 3.
    unreviewed = project(
        fishery, "新盈水产品冷链物流中心项目", review_status=ReviewStatus.NONE, review_opinion_number="",
        review_passed_on=None, approved_annual_consumption_tce=None, construction_started_on=ago(60),
    )
    case = plan(unreviewed, CheckKind.UNANNOUNCED, CheckMethod.COVERT, CheckOccasion.COMPLAINT)
    for number in (ProcedureStep.SELECT, ProcedureStep.HEAR, ProcedureStep.LEDGERS):
        case = step(case, number)
    # 4.
    solar = project(power, "临高光伏组件生产基地项目", construction_started_on=ago(300))
    case = services.feedback_draft(
        actor=inspector1, case=to_summary(plan(solar)), results="项目已按节能审查意见建设，能源计量器具配备齐全。",
        suggestions="建议按期开展能源审计",
    )
    document_submit(actor=inspector1, document=case.feedback_document)
    # 5.
    below = project(cement, "博厚新型干法粉磨站项目", construction_started_on=ago(120))
    services.trigger_record(
        actor=inspector2, project=below, code=TriggerCode.BELOW_STANDARD, since=ago(10),
        facts="粉磨系统单位产品电耗高于GB 16780-2021能耗限定值",
    )
    case = fed_back(plan(below, CheckKind.UNANNOUNCED, CheckMethod.SPOT, CheckOccasion.DEPLOYMENT))
    services.measure_decide(
        actor=chief, case=case, kind=MeasureKind.STOP, trigger=below.triggers.get(),
        facts="粉磨系统不符合强制性节能标准",
        requirements="自收到本通知书之日起停止建设\n六个月内完成节能改造并报送改造结果",
    )
    case.refresh_from_db()
    document_submit(actor=chief, document=case.stop_order_document)  # the chief wrote it: a leader approves
    # 6.
    done = fed_back(plan(project(power, "临城工业园区集中供热项目", construction_started_on=ago(350))))
    services.check_close(actor=chief, case=done, reason="检查未发现三（五）2所列情形，已反馈意见")
