"""Helpers of the 三（五） tests: a registered owner, a project, a check walked to a given step."""

import datetime
from decimal import Decimal

from energy.fixed_asset import services
from energy.fixed_asset.choices import CheckKind, CheckMethod, ProcedureStep, ReviewStatus
from energy.fixed_asset.workflow import RECORDED_STEPS
from linggao_mi.documents.services import document_approve, document_issue, document_serve, document_submit

from .conftest import TODAY, on
from .factories import EnergyUnitFactory


def owner(users):
    return EnergyUnitFactory(name="临高示范新材料有限公司", created_by=users["staff"])


def project(users, unit=None, *, at=None, **fields):
    unit = unit or owner(users)
    values = dict(
        name="年产10万吨新型建材项目", location="临高县金牌港开发区", total_investment=Decimal("35000"),
        review_status=ReviewStatus.PASSED, review_opinion_number="临工信节审〔2025〕3号",
        review_passed_on=TODAY() - datetime.timedelta(days=100),
        approved_annual_consumption_tce=Decimal("1000.00"), construction_started_on=None,
    )
    values.update(fields)
    with on(at or TODAY()):
        return services.project_create(actor=users["staff"], owner_credit_code=unit.credit_code, **values)


def plan(users, prj, *, kind=CheckKind.PERIODIC, method=CheckMethod.ORDINARY, occasion="", at=None):
    at = at or TODAY()
    with on(at):
        return services.check_plan(
            actor=users["inspector1"], project=prj, kind=kind, method=method, occasion=occasion,
            planned_date=at + datetime.timedelta(days=7), plan="检查节能审查意见落实情况；检查人员：两名执法人员。",
            inspectors=[users["inspector1"], users["inspector2"]],
        )


def issue_and_serve(users, document, served_on=None, actor="inspector1"):
    served_on = served_on or TODAY()
    with on(served_on):
        document_submit(actor=users[actor], document=document)
        document_approve(actor=users["chief"], document=document)
        document_issue(actor=users["chief"], document=document)
        return document_serve(
            actor=users["inspector1"], document=document, method="direct", served_on=served_on, recipient="王建国"
        )


def record(users, case, step, day=None):
    with on(day or TODAY()):
        return services.step_record(
            actor=users["inspector1"], case=case, step=step, done_on=day or TODAY(),
            inspectors=[users["inspector1"], users["inspector2"]], participants="项目负责人 王建国",
            notes=f"{ProcedureStep(step).label}情况",
        )


def walk_to_feedback(users, case, day=None):
    """Steps (1) to (7), the notice when announced; returns the case ready for its feedback."""
    day = day or TODAY()
    case = record(users, case, ProcedureStep.SELECT, day)
    if case.announced:
        case = services.notice_draft(
            actor=users["inspector1"], case=case, requirements="请备齐节能审查意见及能源台帐。"
        )
        issue_and_serve(users, case.notice_document, day)
        case.refresh_from_db()
    for step in RECORDED_STEPS[1:]:
        case = record(users, case, step, day)
    return case


def fed_back(users, case, day=None):
    case = walk_to_feedback(users, case, day)
    case = services.feedback_draft(
        actor=users["inspector1"], case=case, results="项目已按节能审查意见建设。", suggestions="建议加强能源计量。"
    )
    issue_and_serve(users, case.feedback_document, day)
    case.refresh_from_db()
    return case
