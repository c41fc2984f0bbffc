"""三（五）3–6: the yearly check cycle, the plan and the 8-step record, the measures and the stop order's PDF."""

import datetime

import pytest
from pypdf import PdfReader

from energy.fixed_asset import services
from energy.fixed_asset.choices import (
    CheckKind,
    CheckMethod,
    CheckOccasion,
    CheckState,
    MeasureKind,
    ProcedureStep,
    TriggerCode,
)
from energy.fixed_asset.rules import PENALTY_BASIS, RULE_PERIODIC_CHECK
from energy.fixed_asset.workflow import WORKFLOW
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.deadlines.models import Deadline, DeadlineState
from linggao_mi.deadlines.periods import compute_due
from linggao_mi.documents.choices import DocumentState

from . import fixed_asset_helpers as h
from .conftest import TODAY, on

pytestmark = pytest.mark.django_db


def periodic(project):
    return Deadline.objects.of_object(project).filter(rule__code=RULE_PERIODIC_CHECK).order_by("start", "id")


def test_the_yearly_check_cycle(users):
    registered = TODAY() - datetime.timedelta(days=400)
    project = h.project(users, at=registered, review_passed_on=registered - datetime.timedelta(days=30))
    first = periodic(project).get()
    assert (first.start, first.due) == (registered, compute_due(registered, 1, "years").due)
    assert first.title == "年度定期检查" and set(first.responsible.all()) >= {users["chief"], users["inspector1"]}

    day = TODAY() - datetime.timedelta(days=20)
    case = h.fed_back(users, h.plan(users, project, at=day), day)
    first.refresh_from_db()
    assert (first.state, first.closed_on) == (DeadlineState.MET, day)  # met late: the year had run out
    assert first.met_late
    second = periodic(project).last()
    assert (second.start, second.due, second.state) == (day, compute_due(day, 1, "years").due, DeadlineState.OPEN)
    assert case.state == CheckState.FED_BACK

    # An unannounced check does not count as the year's periodic check.
    h.fed_back(users, h.plan(users, project, kind=CheckKind.UNANNOUNCED, method=CheckMethod.SPOT,
                             occasion=CheckOccasion.COMPLAINT))
    assert periodic(project).count() == 2 and periodic(project).last().state == DeadlineState.OPEN


def test_the_eight_steps_recorded_in_order_with_date_and_people(users):
    project = h.project(users)
    case = h.plan(users, project)
    assert case.state == CheckState.PLANNED and case.plan.startswith("检查节能审查意见")
    with pytest.raises(RuleViolation) as refused:
        h.record(users, case, ProcedureStep.HEAR)
    assert refused.value.rule.code == "state"
    case = h.record(users, case, ProcedureStep.SELECT)
    with pytest.raises(RuleViolation) as refused:
        h.record(users, case, ProcedureStep.HEAR)  # (2) the notice first
    assert refused.value.rule.code == "fixed_asset.step_order" and "下发通知" in str(refused.value)
    case = h.fed_back(users, h.plan(users, project))
    records = list(case.step_records.order_by("step"))
    assert [r.step for r in records] == list(range(1, 9))
    for r in records:
        assert r.done_on == TODAY()
        assert set(r.inspectors.all()) == {users["inspector1"], users["inspector2"]}
    assert records[1].participants == "王建国"  # the notice's recipient
    done = {row.step.name: row.status for row in WORKFLOW.progress(case)}
    assert all(done[name] == "done" for name in ("plan", "select", "notify", "hear", "summarise", "feedback"))


def test_a_covert_check_sends_no_notice(users):
    project = h.project(users)
    with pytest.raises(RuleViolation) as refused:
        services.check_plan(
            actor=users["inspector1"], project=project, kind=CheckKind.PERIODIC, method=CheckMethod.COVERT,
            planned_date=TODAY(), plan="暗查", inspectors=[users["inspector1"]],
        )
    assert refused.value.rule.clause == "三（五）4(1)、5(2)"
    with pytest.raises(RuleViolation) as refused:
        h.plan(users, project, kind=CheckKind.UNANNOUNCED, method=CheckMethod.COVERT)  # no occasion
    assert refused.value.rule.clause == "三（五）4(2)"
    case = h.plan(users, project, kind=CheckKind.UNANNOUNCED, method=CheckMethod.COVERT,
                  occasion=CheckOccasion.INSTRUCTION)
    case = h.fed_back(users, case)
    assert sorted(case.step_records.values_list("step", flat=True)) == [1, 3, 4, 5, 6, 7, 8]
    assert case.notice_document is None
    statuses = {row.step.name: row.status for row in WORKFLOW.progress(case)}
    assert statuses["notify"] == statuses["notice_draft"] == "not_applicable"


def test_a_step_dated_before_the_previous_is_refused(users):
    case = h.record(users, h.plan(users, h.project(users)), ProcedureStep.SELECT)
    case = services.notice_draft(actor=users["inspector1"], case=case, requirements="请备齐材料。")
    h.issue_and_serve(users, case.notice_document)
    case.refresh_from_db()
    with pytest.raises(RuleViolation) as refused:
        services.step_record(
            actor=users["inspector1"], case=case, step=ProcedureStep.HEAR, done_on=TODAY() - datetime.timedelta(1),
            inspectors=[users["inspector1"]], late_reason="补录",
        )
    assert refused.value.rule.code == "fixed_asset.step_order"
    assert case.step_records.count() == 2


def pdf_text(data: bytes) -> str:
    import io

    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).replace("\n", "")


def test_stop_construction_issued_as_a_document_and_read_back_from_its_pdf(users):
    started = TODAY() - datetime.timedelta(days=60)
    project = h.project(users, construction_started_on=started)
    services.trigger_record(
        actor=users["inspector1"], project=project, code=TriggerCode.BELOW_STANDARD, since=TODAY(),
        facts="熟料生产线单位产品综合能耗高于GB 16780限定值",
    )
    case = h.fed_back(users, h.plan(users, project))
    with pytest.raises(Exception):  # noqa: B017  (the inspector proposes; the chief decides)
        services.measure_decide(actor=users["inspector1"], case=case, kind=MeasureKind.STOP, facts="x",
                                requirements="停止建设")
    measure = services.measure_decide(
        actor=users["chief"], case=case, kind=MeasureKind.STOP, trigger=project.triggers.get(),
        facts="项目主要生产线不符合强制性节能标准", requirements="自收到本通知书之日起停止建设\n六个月内完成节能改造",
    )
    assert measure.basis.startswith("《中华人民共和国节约能源法》第十五条、第六十八条第二款")
    assert measure.penalty_basis == PENALTY_BASIS and "责令关闭" in measure.penalty_range
    case.refresh_from_db()
    document = case.stop_order_document
    assert document.state == DocumentState.DRAFT
    with pytest.raises(RuleViolation) as refused:
        services.check_close(actor=users["chief"], case=case, reason="处置完毕")
    assert refused.value.rule.code == "fixed_asset.stop_order_pending"
    with on(TODAY()):
        from linggao_mi.documents.services import document_approve, document_issue, document_submit

        document_submit(actor=users["chief"], document=document)
        document_approve(actor=users["leader"], document=document)
        document = document_issue(actor=users["leader"], document=document)
    assert document.number == f"临工信固停〔{TODAY().year}〕1号"
    text = pdf_text(document.pdf.read())
    for expected in (
        "责令停止建设通知书", document.number, "临高示范新材料有限公司", "年产10万吨新型建材项目",
        "项目主要生产线不符合强制性节能标准", "第六十八条第二款", "停止该项目建设", "六个月内完成节能改造",
        "开工建设不符合强制性节能标准的项目或者将该项目投入生产、使用（三（五）2(2)）", "行政复议",
    ):
        assert expected in text, expected
    from linggao_mi.documents.services import document_serve

    document_serve(actor=users["inspector1"], document=document, method="direct", served_on=TODAY(),
                   recipient="王建国")
    case = services.check_close(actor=users["chief"], case=case, reason="已责令停止建设")
    assert case.state == CheckState.CLOSED
    statuses = {row.step.name: row.status for row in WORKFLOW.progress(case)}
    assert statuses["stop_order_served"] == "done"


def test_each_measure_carries_its_legal_basis(users):
    project = h.project(users, review_status="none", review_passed_on=None, approved_annual_consumption_tce=None,
                        construction_started_on=TODAY())
    case = h.fed_back(users, h.plan(users, project))
    for kind in (MeasureKind.NOT_APPROVE, MeasureKind.CREDIT, MeasureKind.REFER, MeasureKind.REVOKE):
        measure = services.measure_decide(actor=users["leader"], case=case, kind=kind, facts="未经节能审查擅自开工")
        assert measure.basis.endswith({"not_approve": "6(1)", "credit": "6(4)", "refer": "6(5)",
                                       "revoke": "6(2)"}[kind])
        assert measure.penalty_basis == ""


def test_no_measure_without_a_trigger(users):
    case = h.fed_back(users, h.plan(users, h.project(users)))
    with pytest.raises(RuleViolation) as refused:
        services.measure_decide(actor=users["chief"], case=case, kind=MeasureKind.CREDIT, facts="x")
    assert refused.value.rule.clause == "三（五）6"
