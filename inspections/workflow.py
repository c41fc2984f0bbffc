"""The workflows of 三（一） as tables: an oversight check, a supervision notice with its review, a fault case.
Services, the case pages, their progress views, the API's transition endpoints and the permission-matrix tests all
read these tables.
"""

from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.workflow import CREATE, DECIDE, HANDLE, Step, Workflow
from linggao_mi.documents.choices import DocumentState

from . import rules
from .choices import CheckState, FaultState, ReviewResult, SupervisionState
from .models import FaultCase, OversightCheck, SupervisionCase

C, S, F = CheckState, SupervisionState, FaultState
ISSUED = (DocumentState.ISSUED, DocumentState.SERVED)


def document_issued(field: str, rule):
    """Guard: the case's document in `field` is issued (and can be served, which takes the step)."""

    def guard(case) -> None:
        document = getattr(case, field)
        if document is None or document.state not in ISSUED:
            state = document.get_state_display() if document else "尚未起草"
            raise RuleViolation(rule, f"文书当前为“{state}”，须经法制审核、股长批准并签发后方可登记送达")

    guard.__name__ = f"{field}_issued"
    return guard


def no_review_document(case: SupervisionCase) -> None:
    if case.review_document_id is not None:
        raise RuleViolation(
            rules.REVIEW_DECISION_ALREADY, f"复查决定书当前为“{case.review_document.get_state_display()}”"
        )


CHECK_WORKFLOW = Workflow(
    OversightCheck,
    (
        Step(
            "open",
            "开展执法监督检查",
            (),
            C.CHECKING,
            CREATE,
            url_name="check_open",
            help="根据上级机关部署或者根据需要组织开展（三（一）4(1)）：受查股室和人员、检查内容（三（一）2）、检查方式（三（一）3）",
        ),
        Step(
            "file_score",
            "调阅案卷并评查",
            (C.CHECKING,),
            None,
            HANDLE,
            url_name="check_file_score",
            help="按案号调阅任何监管业务的行政执法案卷，逐项评分（三（一）4(2)）",
        ),
        Step(
            "site_check",
            "登记现场核查",
            (C.CHECKING,),
            None,
            HANDLE,
            url_name="check_site",
            help="实施现场检查，受查单位及其有关人员应当予以协助和配合（三（一）4(2)）",
        ),
        Step(
            "summarize",
            "总结并通报整改意见",
            (C.CHECKING,),
            {"rectify": C.RECTIFYING, "clean": C.REPORTED},
            HANDLE,
            url_name="check_summarize",
            help="对普遍性、倾向性问题提出整改意见，通报受查单位整改纠正；受查单位报告整改纠正情况（三（一）4(3)）",
        ),
        Step("report_receive", "登记整改纠正情况报告", (C.RECTIFYING,), C.REPORTED, HANDLE, url_name="check_report"),
        Step("close", "办结", (C.REPORTED,), C.CLOSED, DECIDE, url_name="check_close"),
    ),
)

SUPERVISION_WORKFLOW = Workflow(
    SupervisionCase,
    (
        Step(
            "open",
            "制作执法监督通知（决定）书",
            (),
            S.DRAFTING,
            CREATE,
            url_name="supervision_open",
            help="三（一）5所列情形之一的，责令纠正或者撤销：通知书经法制审核、股长批准后签发、送达",
        ),
        Step(
            "notice_served",
            "执法监督通知（决定）书送达",
            (S.DRAFTING,),
            S.CORRECTING,
            HANDLE,
            guards=(document_issued("notice_document", rules.NOTICE_CONTENTS),),
            document="notice_document",
            help="送达之日起计算纠正期限和10日复查申请期间",
        ),
        Step(
            "review_apply",
            "登记复查申请",
            (S.CORRECTING,),
            S.REVIEW_APPLIED,
            HANDLE,
            url_name="supervision_review_apply",
            help="被检查的单位不服的，可以在收到通知书之日起10日内申请复查（三（一）5）",
        ),
        Step(
            "review_draft",
            "起草复查决定书",
            (S.REVIEW_APPLIED,),
            None,
            HANDLE,
            guards=(no_review_document,),
            url_name="supervision_review_draft",
            help="自接到复查申请之日起15日内作出复查决定（三（一）5）",
        ),
        Step(
            "review_served",
            "复查决定书送达",
            (S.REVIEW_APPLIED,),
            {ReviewResult.UPHELD: S.COMPLYING, ReviewResult.CHANGED: S.COMPLYING, ReviewResult.WITHDRAWN: S.CLOSED},
            HANDLE,
            guards=(document_issued("review_document", rules.REVIEW_DECISION),),
            document="review_document",
            help="对复查后作出的决定，被检查的单位应当执行",
        ),
        Step(
            "report_receive",
            "登记执行结果报告",
            (S.CORRECTING, S.COMPLYING),
            S.REPORTED,
            HANDLE,
            url_name="supervision_report",
            help="被检查的单位在限定期限内作出纠正，并书面报告执行结果（三（一）5）",
        ),
        Step("close", "办结", (S.REPORTED,), S.CLOSED, DECIDE, url_name="supervision_close"),
    ),
)

FAULT_WORKFLOW = Workflow(
    FaultCase,
    (
        Step(
            "open",
            "立案追究行政执法过错责任",
            (),
            F.INVESTIGATING,
            CREATE,
            url_name="fault_open",
            help="三（一）6所列情形，附证据",
        ),
        Step(
            "decision_draft",
            "起草过错责任追究决定书",
            (F.INVESTIGATING,),
            F.DECIDING,
            HANDLE,
            url_name="fault_decision_draft",
            help="根据过错行为的性质、情节、后果等情况作出处理，写明理由；经法制审核、股长批准后签发",
        ),
        Step(
            "decision_served",
            "过错责任追究决定书送达",
            (F.DECIDING,),
            F.DECIDED,
            HANDLE,
            guards=(document_issued("decision_document", rules.SANCTIONS_REQUIRED),),
            document="decision_document",
            help="暂停执法活动或取消执法资格的，自生效之日起其行政执法证不再有效",
        ),
        Step("refer", "登记移送纪检或司法机关", (F.DECIDED,), None, DECIDE, url_name="fault_refer"),
        Step("close", "办结", (F.DECIDED,), F.CLOSED, DECIDE, url_name="fault_close"),
    ),
)

WORKFLOWS = {model: wf for wf in (CHECK_WORKFLOW, SUPERVISION_WORKFLOW, FAULT_WORKFLOW) for model in (wf.model,)}
