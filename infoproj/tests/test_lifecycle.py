"""An IT project through the services, from registration through the three standards gates, tendering, checks,
changes and acceptance to performance evaluation and closing; a failed gate blocks it until a new review passes."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from infoproj import rules, services
from infoproj.choices import CheckMethod, Funding, Gate, LawBasis, ProjectState
from infoproj.models import ITProject
from infoproj.workflow import PROJECT_WORKFLOW
from linggao_mi.casework.rules import STATE_FORBIDS
from linggao_mi.deadlines.choices import DeadlineState
from linggao_mi.documents.choices import DocumentState
from linggao_mi.documents.services import document_approve, document_issue, document_serve, document_submit
from tests.rules import refused

from .conftest import FIELDS, ITEMS, TODAY, pdf, register, review, to_award

pytestmark = pytest.mark.django_db

S = ProjectState


def fresh(case):
    return ITProject.objects.get(pk=case.pk)


def test_only_county_funds_are_supervised(it):
    for funding in (Funding.ABOVE, Funding.SELF, Funding.SOCIAL):
        exc = refused(rules.COUNTY_FUNDS_ONLY, register, it["staff"], funding=funding)
        assert Funding(funding).label in str(exc)
    assert not ITProject.objects.exists()


def test_someone_outside_the_it_section_cannot_register(it):
    refused(rules.IT_SECTION_ONLY, register, it["outsider"])
    assert not ITProject.objects.exists()


def test_whole_lifecycle_through_three_gates(it):
    staff, chief = it["staff"], it["chief"]
    case = register(staff)
    assert case.state == S.FEASIBILITY and case.outside_plan

    # Gate 1: a failed feasibility review blocks the tender filing until a new review passes (三（九）6).
    case = services.feasibility_review(actor=staff, case=case, review=review(passed=False))
    assert fresh(case).state == S.FEASIBILITY
    exc = refused(rules.GATE_FAILED, services.tender_file_submit, actor=staff, case=fresh(case), submitted_on=TODAY(),
                  upload=pdf())
    assert "可研评审" in str(exc) and "GB/T 21064" in str(exc)
    assert PROJECT_WORKFLOW["tender_file_submit"].blocker(fresh(case)).rule is rules.GATE_FAILED
    case = services.feasibility_review(actor=staff, case=fresh(case), review=review())

    # Gate 2: the tender file returned with opinions, refiled, then filed.
    case = services.tender_file_submit(actor=staff, case=fresh(case), submitted_on=TODAY(), upload=pdf())
    assert case.state == S.TENDER_FILING
    refused(rules.TENDER_FILE_PENDING, services.tender_file_submit, actor=staff, case=fresh(case),
            submitted_on=TODAY(), upload=pdf())
    refused(rules.TENDER_FILE_NONCOMPLIANT, services.tender_file_review, actor=staff, case=fresh(case),
            law_compliant=False, scale_compliant=True, review=review())
    case = services.tender_file_review(
        actor=staff, case=fresh(case), law_compliant=False, scale_compliant=True,
        review=review(passed=False, opinions="资格条件设置了限制潜在投标人的地域要求，违反招标投标法第十八条，须删除"),
    )
    refused(rules.GATE_FAILED, services.winner_determine, actor=staff, case=fresh(case), determined_on=TODAY())
    refused(rules.TENDER_FILE_NONE, services.tender_file_review, actor=staff, case=fresh(case), law_compliant=True,
            scale_compliant=True, review=review())
    case = services.tender_file_submit(actor=staff, case=fresh(case), submitted_on=TODAY(), upload=pdf("修改后.pdf"))
    case = services.tender_file_review(actor=staff, case=fresh(case), law_compliant=True, scale_compliant=True,
                                       review=review())
    filings = list(case.tender_filings.order_by("version"))
    assert [(f.version, f.verdict) for f in filings] == [(1, "failed"), (2, "passed")]
    assert "地域要求" in filings[0].opinions

    # Tendering: the winner, the complete announcement, published.
    case = services.winner_determine(
        actor=staff, case=fresh(case), determined_on=TODAY(), fields=dict(FIELDS), items=ITEMS,
        documents=[("invitation", pdf())],
    )
    assert case.state == S.AWARD_PENDING and case.award_deadline.state == DeadlineState.OPEN
    case = services.announcement_publish(actor=staff, case=fresh(case), notice_sent_on=TODAY(), published_on=TODAY())
    case = fresh(case)
    assert case.state == S.IMPLEMENTING and case.award_deadline.state == DeadlineState.MET

    # During construction: a routine check with 限期整改, a change approved by the chief, a contract check.
    refused(rules.CHECK_RECTIFICATION, services.routine_check, actor=staff, case=case, checked_on=TODAY(),
            group_members="吴信息、黄股长", methods=[CheckMethod.SITE], progress_ok=False, funds_ok=True,
            quality_ok=True, findings="进度滞后一个月")
    case = services.routine_check(
        actor=staff, case=case, checked_on=TODAY(), group_members="吴信息、黄股长",
        methods=[CheckMethod.BRIEFING, CheckMethod.SITE], progress_ok=False, funds_ok=True, quality_ok=True,
        findings="数据交换系统部署进度滞后计划一个月", rectification="增加实施人员，按计划倒排工期",
        rectification_days=20,
    )
    check = case.checks.get()
    assert check.deadline.amount == 20 and check.deadline.state == DeadlineState.OPEN
    case = services.check_rectified(actor=staff, case=fresh(case), check=check, rectified_on=TODAY())
    assert case.checks.get().deadline.state == DeadlineState.MET

    case = services.change_request(actor=staff, case=fresh(case), requested_on=TODAY(),
                                   description="增加两个乡镇节点", budget_after=Decimal("420.00"))
    with pytest.raises(PermissionDenied):  # the staff member proposes; the chief decides
        services.change_decide(actor=staff, case=fresh(case), approved=True, decided_on=TODAY(), reasons="同意")
    case = services.change_decide(actor=chief, case=fresh(case), approved=True, decided_on=TODAY(), reasons="同意变更")
    assert fresh(case).budget == Decimal("420.00")

    case = services.contract_check(
        actor=staff, case=fresh(case), checked_on=TODAY(), against_contract=True, contract_fulfilled=True,
        findings="承建单位已完成合同约定的全部建设内容",
    )
    refused(rules.HANDLING_BASIS, services.complaint_record, actor=staff, case=fresh(case), source="complaint",
            received_on=TODAY(), complainant="某投标人", content="评审不公", investigation="经查属实",
            handling="责令重新评审", basis="", basis_article="", concluded_on=TODAY())
    case = services.complaint_record(
        actor=staff, case=fresh(case), source="complaint", received_on=TODAY(), complainant="某投标人",
        content="评分标准未公开", investigation="经查评分标准已在招标文件中载明", handling="投诉不成立，予以驳回",
        basis=LawBasis.PROCUREMENT_LAW, basis_article="第五十六条", concluded_on=TODAY(),
    )

    # Gate 3: acceptance. A failed review keeps it; a passed one drafts the 《验收意见书》, served → accepted.
    case = services.acceptance_apply(
        actor=staff, case=fresh(case), applied_on=TODAY(), application="已完成全部建设内容"
    )
    case = services.acceptance_review(actor=staff, case=fresh(case), review=review(passed=False))
    assert fresh(case).state == S.ACCEPTANCE and fresh(case).acceptance_document is None
    assert PROJECT_WORKFLOW["acceptance_served"].blocker(fresh(case)).rule is rules.GATE_FAILED
    case = services.acceptance_review(
        actor=staff, case=fresh(case), review=review(opinions="完善运维文档，三个月内补齐等保测评报告")
    )
    document = fresh(case).acceptance_document
    assert document.kind.code == rules.KIND_ACCEPTANCE_OPINION and "等保测评" in document.texts["rectification"]
    refused(rules.ACCEPTANCE_OPINION_ISSUED, PROJECT_WORKFLOW["acceptance_served"].check, fresh(case))
    document_submit(actor=staff, document=document)
    document_approve(actor=chief, document=document)
    document = document_issue(actor=chief, document=document)
    assert document.state == DocumentState.ISSUED and document.pdf
    document_serve(actor=staff, document=document, method="direct", served_on=TODAY(), recipient="符主任")
    case = fresh(case)
    assert case.state == S.ACCEPTED
    assert [r.verdict for r in case.reviews.filter(gate=Gate.ACCEPTANCE)] == ["failed", "passed"]

    # Performance evaluation: the score is kept and shown when the same owner applies again.
    refused(rules.SCORE_RANGE, services.performance_evaluate, actor=staff, case=case, evaluated_on=TODAY(),
            experts="专家组", management_score=Decimal(31), output_score=Decimal(20), effect_score=Decimal(30),
            comments="好", goals_met=True)
    case = services.performance_evaluate(
        actor=staff, case=case, evaluated_on=TODAY(), experts="绩效评价专家组", management_score=Decimal("25"),
        output_score=Decimal("24.5"), effect_score=Decimal("28"), comments="应用成效未达预期", goals_met=False,
        rectification="提高部门接入率至90%", rectification_months=3,
    )
    case = services.evaluation_refusal(actor=chief, case=fresh(case), refused_on=TODAY(),
                                       sanction="建议省信息化主管部门通报批评")
    again = register(staff, name="县政务数据共享平台二期")
    (evaluation,) = services.owner_evaluations(again.owner_unit, exclude=again)
    assert evaluation.total == Decimal("77.5") and evaluation.sanction

    case = services.project_close(actor=chief, case=fresh(case), closed_on=TODAY(), reason="验收通过，绩效评价已完成")
    assert case.state == S.CLOSED and case.is_closed
    refused(STATE_FORBIDS, services.routine_check, actor=staff, case=fresh(case), checked_on=TODAY(),
            group_members="x", methods=[CheckMethod.SITE], progress_ok=True, funds_ok=True, quality_ok=True,
            findings="x")


def test_a_review_cannot_pass_standards_it_found_unimplemented(it):
    case = register(it["staff"])
    refused(rules.REVIEW_STANDARDS_VERDICT, services.feasibility_review, actor=it["staff"], case=case,
            review=review(passed=True, standards_implemented=False))
    assert not case.reviews.exists()


def test_award_announcement_with_documents(it):
    case = to_award(it["staff"])
    assert case.announcement.documents.count() == 1
    assert case.announcement.items.get().unit_price == ITEMS[0].unit_price
