"""Whole lifecycles through the services: an oversight check that scores an energy case file and asks for a
correction report; its supervision notice through 法制审核, approval, serving, 复查 and the unit's report; each
period at both edges (the unit's windows refused when missed; the bureau's own recorded as met late)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from energy.tests.factories import InspectionCaseFactory
from inspections import rules, services
from inspections.choices import CheckState, ReviewResult, SupervisionState
from inspections.models import SupervisionCase
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.deadlines.choices import DeadlineState
from linggao_mi.documents.services import document_approve, document_submit

from .conftest import days, on, open_check, open_supervision, pass_and_serve, scan, served_supervision

ONE = datetime.timedelta(days=1)
SHEET = {"执法主体": 10, "执法依据": 12, "事实与证据": 20, "执法程序": 15, "文书制作": 10, "立卷归档": 8}


@pytest.mark.django_db
def test_an_oversight_check_scores_any_regimes_file_and_tracks_the_correction_report(users, sme):
    energy_case = InspectionCaseFactory(inspectors=[users["inspector1"]], actor=users["inspector1"])
    check = open_check(users, sme, at=days(-40))
    scored, summarized, today = days(-39), days(-35), days(0)
    with on(scored):
        score = services.file_score(
            actor=users["inspector1"],
            case=check,
            reference=energy_case.reference,
            items=SHEET,
            scored_on=scored,
            problems="未附现场照片",
        )
        services.site_check(actor=users["inspector2"], case=check, checked_on=scored, notes="中小企业股档案室核查")
    assert (score.total, score.grade, score.case) == (75, "pass", energy_case)
    with pytest.raises(RuleViolation) as caught:
        services.file_score(
            actor=users["inspector1"], case=check, reference=energy_case.reference, items=SHEET, scored_on=today
        )
    assert caught.value.rule == rules.FILE_SCORED
    with pytest.raises(RuleViolation) as caught:
        services.file_score(
            actor=users["inspector1"], case=check, reference="临工信节监〔1999〕1号", items=SHEET, scored_on=today
        )
    assert caught.value.rule == rules.FILE_NOT_FOUND
    with pytest.raises(RuleViolation):
        services.file_score(
            actor=users["inspector1"],
            case=check,
            reference=energy_case.reference,
            items={**SHEET, "执法主体": 11},
            scored_on=today,
        )
    with on(summarized):
        check = services.check_summarize(
            actor=users["inspector1"],
            case=check,
            summary="抽查案卷5件",
            opinions="现场检查笔录普遍缺失，须补正",
            summarized_on=summarized,
        )
    assert check.state == CheckState.RECTIFYING
    due = check.report_deadline.due
    assert due >= summarized + datetime.timedelta(days=30)
    with on(due):
        check = services.check_report_receive(
            actor=users["inspector1"], case=check, received_on=due, summary="已补正", uploads=[scan()]
        )
    check.report_deadline.refresh_from_db()
    assert check.state == CheckState.REPORTED and check.report_deadline.state == DeadlineState.MET
    assert not check.report_deadline.met_late
    with pytest.raises(PermissionDenied):
        services.check_close(actor=users["inspector1"], case=check)
    check = services.check_close(actor=users["chief"], case=check)
    assert check.state == CheckState.CLOSED


@pytest.mark.django_db
def test_a_report_after_the_deadline_is_recorded_as_late(users, sme):
    check = open_check(users, sme, at=days(-50))
    summarized = days(-45)
    with on(summarized):
        check = services.check_summarize(
            actor=users["inspector1"], case=check, summary="s", opinions="o", summarized_on=summarized
        )
    late = check.report_deadline.due + ONE
    with on(late):
        services.check_report_receive(
            actor=users["inspector1"], case=check, received_on=late, summary="已补正", uploads=[scan()]
        )
    check.report_deadline.refresh_from_db()
    assert check.report_deadline.met_late


@pytest.mark.django_db
def test_a_notice_needs_legal_review_before_the_chief_approves_it(users, sme):
    case = open_supervision(users, sme)
    document = case.notice_document
    document_submit(actor=users["inspector1"], document=document)
    with pytest.raises(RuleViolation) as caught:
        document_approve(actor=users["chief"], document=document)
    assert caught.value.rule == rules.LEGAL_REVIEW_REQUIRED
    # Nobody but the legal reviewers reviews; a return needs written opinions.
    document.refresh_from_db()
    assert document.state == "submitted"
    with pytest.raises(RuleViolation) as caught:
        services.legal_review_request(actor=users["inspector1"], document=document)
    assert caught.value.rule == rules.LEGAL_REVIEW_STATE


@pytest.mark.django_db
def test_the_legal_reviewer_sees_only_cases_sent_to_review_and_returns_with_opinions(users, sme, client):
    sent, other = open_supervision(users, sme), open_supervision(users, sme)
    review = services.legal_review_request(actor=users["inspector1"], document=sent.notice_document)
    from linggao_mi.casework.selectors import user_may_see_case

    assert user_may_see_case(users["legal"], sent) and not user_may_see_case(users["legal"], other)
    with pytest.raises(PermissionDenied):
        services.legal_review_decide(actor=users["chief"], review=review, passed=True)
    with pytest.raises(RuleViolation) as caught:
        services.legal_review_decide(actor=users["legal"], review=review, passed=False, opinion=" ")
    assert caught.value.rule == rules.LEGAL_OPINION_REQUIRED
    review = services.legal_review_decide(
        actor=users["legal"], review=review, passed=False, opinion="处理依据应引用具体条款"
    )
    assert review.state == "returned"
    client.force_login(users["legal"])
    queue = client.get("/inspections/legal/").content.decode()
    assert sent.reference in queue and other.reference not in queue


@pytest.mark.django_db
def test_whole_lifecycle_notice_review_upheld_report_and_close(users, sme):
    check = open_check(users, sme, at=days(-60))
    case = open_supervision(users, sme, at=days(-58), source_check=check)
    pass_and_serve(users, case.notice_document, days(-58))
    case.refresh_from_db()
    assert case.state == SupervisionState.CORRECTING and case.served_on == days(-58)
    assert case.correction_deadline.amount == 20
    window_due = case.review_window.due
    with on(window_due):
        case = services.review_apply(
            actor=users["inspector1"],
            case=case,
            received_on=window_due,
            grounds="程序瑕疵已于检查前补正",
            uploads=[scan("复查申请书.png")],
        )
    assert case.state == SupervisionState.REVIEW_APPLIED
    decision_due = case.review_deadline.due
    with on(decision_due):
        case = services.review_draft(
            actor=users["inspector1"],
            case=case,
            result=ReviewResult.UPHELD,
            reasons="补正材料形成于检查之后，原决定认定事实清楚",
        )
    pass_and_serve(users, case.review_document, decision_due)
    case.refresh_from_db()
    case.review_deadline.refresh_from_db()
    assert case.state == SupervisionState.COMPLYING
    assert case.review_deadline.state == DeadlineState.MET and not case.review_deadline.met_late
    assert case.review_document.number.startswith("临工信执监复")
    with on(decision_due + ONE):
        case = services.supervision_report_receive(
            actor=users["inspector1"],
            case=case,
            received_on=decision_due + ONE,
            summary="已补正全部案卷",
            uploads=[scan()],
        )
    assert case.state == SupervisionState.REPORTED
    case = services.supervision_close(actor=users["chief"], case=case)
    assert case.state == SupervisionState.CLOSED
    assert check.supervisions.get() == case


@pytest.mark.django_db
def test_a_review_applied_for_after_ten_days_is_refused_with_the_clause(users, sme):
    case = served_supervision(users, sme, at=days(-30))
    late = case.review_window.due + ONE
    with on(late), pytest.raises(RuleViolation) as caught:
        services.review_apply(actor=users["inspector1"], case=case, received_on=late, grounds="不服", uploads=[scan()])
    assert caught.value.rule == rules.REVIEW_LATE and "三（一）5" in str(caught.value)
    case.refresh_from_db()
    assert case.state == SupervisionState.CORRECTING and case.review_received_on is None


@pytest.mark.django_db
def test_a_review_decided_after_fifteen_days_is_recorded_as_late_and_a_withdrawal_ends_the_case(users, sme):
    case = served_supervision(users, sme, at=days(-40))
    applied = days(-38)
    with on(applied):
        case = services.review_apply(
            actor=users["inspector1"], case=case, received_on=applied, grounds="不服", uploads=[scan()]
        )
    late = case.review_deadline.due + ONE
    with on(late):
        case = services.review_draft(
            actor=users["inspector1"], case=case, result=ReviewResult.WITHDRAWN, reasons="原认定事实有误"
        )
    pass_and_serve(users, case.review_document, late)
    case = SupervisionCase.objects.get(pk=case.pk)
    assert case.review_deadline.met_late
    assert case.state == SupervisionState.CLOSED
    assert case.correction_deadline.state == DeadlineState.WAIVED
