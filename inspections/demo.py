"""Demo records of 三（一）/三（二） for `manage.py load_demo` (idempotent: a second run adds nothing), made through the
services so each is what a user would have made. A case stands at every stage: checks being made, waiting for the
correction report and closed; notices at 法制审核, in correction, in 复查 and in compliance; fault cases; complaints
received (to triage, e.g. into an energy inspection: energy's own demo keeps its cases) and answered; a penalty
recommendation on an energy case. Dates reach back where a step allows.
"""

import datetime

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from energy.models import InspectionCase
from linggao_mi.documents.services import document_approve, document_issue, document_serve, document_submit
from linggao_mi.org.models import Department, Section

from . import services
from .choices import CheckContent, CheckMethod, CheckOrigin, ComplaintKind, ReviewResult, Sanction
from .models import Complaint, DiscretionStandard, OversightCheck

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
SHEET = {"执法主体": 10, "执法依据": 13, "事实与证据": 20, "执法程序": 18, "文书制作": 12, "立卷归档": 9}


def _scan(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG, content_type="image/png")


def _ago(n: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=n)


def _through(users, document, *, legal: bool = True, serve: bool = True) -> None:
    if legal:
        review = services.legal_review_request(actor=users["inspector1"], document=document)
        services.legal_review_decide(actor=users["legal"], review=review, passed=True, opinion="事实清楚，依据充分")
    document_submit(actor=users["inspector1"], document=document)
    document_approve(actor=users["chief"], document=document)
    document_issue(actor=users["chief"], document=document)
    if serve:
        document_serve(
            actor=users["inspector1"],
            document=document,
            method="direct",
            served_on=timezone.localdate(),
            recipient="中小企业股股长",
        )


def _check(users, sme, started: int):
    return services.check_open(
        actor=users["inspector1"],
        origin=CheckOrigin.DEPLOYMENT,
        origin_note="省工信厅年度行政执法监督检查部署",
        checked_sections=[sme],
        contents=[CheckContent.PROCEDURE, CheckContent.FILES, CheckContent.ACT],
        methods=[CheckMethod.SPOT, CheckMethod.FOCUS, CheckMethod.WRITTEN],
        started_on=_ago(started),
        inspectors=[users["inspector1"], users["inspector2"]],
    )


def _notice(users, sme, source=None):
    return services.supervision_open(
        actor=users["inspector1"],
        checked_section=sme,
        situations=["2"],
        source_check=source,
        facts="抽查的行政检查案卷中，现场检查笔录未由被检查人签字，亦未注明拒签情况。",
        decision="correct",
        decision_text="责令补正相关案卷，并建立现场笔录签字核对制度。",
        basis="三（一）5(2)；《海南省行政执法监督规定》",
        execution="补正案卷、建立制度并书面报告执行结果",
        correction_days=30,
        inspectors=[users["inspector1"], users["inspector2"]],
    )


def load(users: dict[str, User]) -> None:
    if OversightCheck.objects.exists():
        return
    sme = Section.objects.get(code="sme")
    energy_case = InspectionCase.objects.order_by("pk").first()

    checking = _check(users, sme, 20)
    if energy_case is not None:
        services.file_score(
            actor=users["inspector1"],
            case=checking,
            reference=energy_case.reference,
            items=SHEET,
            scored_on=_ago(18),
            problems="现场照片未标注拍摄时间",
        )
    rectifying = _check(users, sme, 60)
    services.site_check(
        actor=users["inspector2"], case=rectifying, checked_on=_ago(55), notes="核查中小企业股执法档案室"
    )
    services.check_summarize(
        actor=users["inspector1"],
        case=rectifying,
        summary="抽查案卷8件，合格6件。",
        opinions="现场检查笔录签字不全的问题较为普遍，须逐件补正。",
        summarized_on=_ago(50),
    )
    closed = _check(users, sme, 120)
    services.check_summarize(
        actor=users["inspector1"], case=closed, summary="抽查案卷5件，均合格。", opinions="", summarized_on=_ago(100)
    )
    services.check_close(actor=users["chief"], case=closed, reason="未发现普遍性、倾向性问题")

    at_legal = _notice(users, sme, rectifying)
    services.legal_review_request(actor=users["inspector1"], document=at_legal.notice_document)
    correcting = _notice(users, sme)
    _through(users, correcting.notice_document)
    in_review = _notice(users, sme)
    _through(users, in_review.notice_document)
    services.review_apply(
        actor=users["inspector1"],
        case=in_review,
        received_on=timezone.localdate(),
        grounds="认为笔录签字问题已于检查前补正。",
        uploads=[_scan("复查申请书.png")],
    )
    complying = _notice(users, sme)
    _through(users, complying.notice_document)
    complying = services.review_apply(
        actor=users["inspector1"],
        case=complying,
        received_on=timezone.localdate(),
        grounds="不服认定事实。",
        uploads=[_scan("复查申请书.png")],
    )
    complying = services.review_draft(
        actor=users["inspector1"],
        case=complying,
        result=ReviewResult.UPHELD,
        reasons="补正材料形成于检查之后，原决定认定事实清楚、依据正确。",
    )
    _through(users, complying.review_document)

    services.fault_open(
        actor=users["chief"],
        person=users["staff"],
        situations=["2"],
        evidence="登记用能单位时未核对统一社会信用代码，致重复登记。",
        inspectors=[users["inspector1"]],
    )
    decided = services.fault_open(
        actor=users["chief"],
        person=users["staff"],
        situations=["1"],
        evidence="未按期录入能源利用状况报告。",
        inspectors=[users["inspector1"]],
    )
    decided = services.decision_draft(
        actor=users["inspector1"],
        case=decided,
        sanctions=[Sanction.EDUCATION],
        reasons="初次发生，未造成后果，已及时改正。",
    )
    _through(users, decided.decision_document)

    if not Complaint.objects.exists():
        services.complaint_file(
            kind=ComplaintKind.APPEAL,
            subject="对一次执法检查的申诉",
            content="检查人员未出示行政执法证件即进入厂区。",
            phone="13800000001",
        )
        referred = services.complaint_file(
            kind=ComplaintKind.REPORT,
            subject="举报某建筑工地违反建筑节能标准",
            content="某住宅项目外墙未按设计做保温。",
            email="citizen@example.com",
        )
        department = Department.objects.filter(is_bureau=False, assignments__isnull=False).first()
        if department is not None:
            complaint = services.complaint_refer(
                actor=users["chief"],
                complaint=referred.complaint,
                department=department,
                note="属建筑节能，依职责边界表移送",
            )
            services.complaint_answer(
                actor=users["chief"], complaint=complaint, feedback=f"您反映的问题已移送{department.name}依法处理。"
            )
    if energy_case is not None:
        circumstance = DiscretionStandard.objects.get(article="第八十二条").circumstances.get(kind="general")
        handler = energy_case.inspectors.order_by("pk").first()
        services.penalty_recommend(
            actor=handler,
            case=energy_case,
            circumstance=circumstance,
            amount=30_000,
            reasons="逾期未改正能源利用状况报告，无从轻、从重情节。",
        )
