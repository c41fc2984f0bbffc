"""The workflow of a fixed-asset project check (三（五）3–6) as one table: the plan first, then the 8 steps of
三（五）5 each recorded with its date and people (the notice and the feedback as documents of the kit), then the
measures of 三（五）6 and closing. Services, the check page, its progress view, the API's transition endpoints and
the permission-matrix tests read this table. (energy/workflow.py is energy inspection's.)
"""

from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.workflow import CREATE, DECIDE, HANDLE, Step, Workflow, path_guard
from linggao_mi.documents.choices import DocumentState

from . import rules
from .choices import CheckState, ProcedureStep
from .models import ProjectCheck

S = CheckState
P = ProcedureStep

# The workflow step that records each procedure step (三（五）5(1)–(8)).
STEP_NAMES = {
    P.SELECT: "select", P.NOTIFY: "notify", P.HEAR: "hear", P.LEDGERS: "ledgers", P.SITE: "site",
    P.INTERVIEW: "interview", P.SUMMARISE: "summarise", P.FEEDBACK: "feedback",
}
RECORDED_STEPS = (P.SELECT, P.HEAR, P.LEDGERS, P.SITE, P.INTERVIEW, P.SUMMARISE)  # by a form; 2 and 8 by documents


def _issued(document) -> bool:
    return document is not None and document.state in (DocumentState.ISSUED, DocumentState.SERVED)


def applicable_steps(case: ProjectCheck) -> list[int]:
    """The procedure steps this check goes through: a covert check (暗查) sends no notice."""
    return [step for step in P if case.announced or step != P.NOTIFY]


def recorded_steps(case: ProjectCheck) -> set[int]:
    return set(case.step_records.values_list("step", flat=True))


def check_step_order(case: ProjectCheck, step: int) -> None:
    """Every earlier step of the check's procedure recorded, this one not yet (三（五）5)."""
    done = recorded_steps(case)
    if step in done:
        raise RuleViolation(rules.STEP_ALREADY, f"（{step}）{P(step).label}")
    missing = [s for s in applicable_steps(case) if s < step and s not in done]
    if missing:
        raise RuleViolation(rules.STEP_ORDER, "尚未登记：" + "、".join(f"（{s}）{P(s).label}" for s in missing))


def after(step: int):
    """Guard: the procedure has reached `step` (every earlier applicable step recorded, `step` itself not)."""

    def guard(case: ProjectCheck) -> None:
        check_step_order(case, step)

    guard.__name__ = f"after_{step}"
    return guard


@path_guard
def announced(case: ProjectCheck) -> None:
    if not case.announced:
        raise RuleViolation(rules.NOTICE_NOT_COVERT)


def no_notice_in_progress(case: ProjectCheck) -> None:
    if case.notice_document is not None:
        raise RuleViolation(rules.DOCUMENT_IN_PROGRESS, f"检查通知当前为“{case.notice_document.get_state_display()}”")


def notice_issued(case: ProjectCheck) -> None:
    if not _issued(case.notice_document):
        raise RuleViolation(rules.DOCUMENT_NOT_ISSUED, "检查通知尚未签发")


def no_feedback_in_progress(case: ProjectCheck) -> None:
    if case.feedback_document is not None:
        raise RuleViolation(
            rules.DOCUMENT_IN_PROGRESS, f"反馈意见书当前为“{case.feedback_document.get_state_display()}”"
        )


def feedback_issued(case: ProjectCheck) -> None:
    if not _issued(case.feedback_document):
        raise RuleViolation(rules.DOCUMENT_NOT_ISSUED, "反馈意见书尚未签发")


def project_has_trigger(case: ProjectCheck) -> None:
    if not case.project.triggers.exists():
        raise RuleViolation(rules.MEASURE_NEEDS_TRIGGER)


@path_guard
def stop_order_drafted(case: ProjectCheck) -> None:
    if case.stop_order_document is None:
        raise RuleViolation(rules.DOCUMENT_NOT_ISSUED, "本次检查未决定责令停止建设")


def stop_order_issued(case: ProjectCheck) -> None:
    if not _issued(case.stop_order_document):
        raise RuleViolation(rules.DOCUMENT_NOT_ISSUED, "责令停止建设通知书尚未签发")


def stop_order_served_if_any(case: ProjectCheck) -> None:
    document = case.stop_order_document
    if document is not None and document.state != DocumentState.SERVED:
        raise RuleViolation(rules.STOP_ORDER_PENDING, f"当前为“{document.get_state_display()}”")


def _record_step(step: int, sources, target=None, **kwargs) -> Step:
    return Step(
        STEP_NAMES[step], f"（{step}）{P(step).label}", sources, target, HANDLE, guards=(after(step),),
        url_name=f"fixed_asset_step_{STEP_NAMES[step]}", help="登记本步骤的日期和参加人员（三（五）5）", **kwargs,
    )


WORKFLOW = Workflow(
    ProjectCheck,
    (
        Step("plan", "制定检查方案", (), S.PLANNED, CREATE, url_name="fixed_asset_check_plan",
             help="项目监督检查要先行制定科学的检查方案（三（五）5）：定期检查一般一年一次；不定期检查根据上级工作部署、"
                  "投诉举报及领导指示等组织，通常采用抽查、暗查等方式（三（五）4）"),
        _record_step(P.SELECT, (S.PLANNED,), S.CHECKING),
        Step("notice_draft", "起草检查通知", (S.CHECKING,), None, HANDLE,
             guards=(announced, after(P.NOTIFY), no_notice_in_progress), url_name="fixed_asset_notice",
             help="检查通知写明检查的内容、时间和需要准备的材料，经股长审批、签发后下发（三（五）5(2)）"),
        Step("notify", f"（2）{P.NOTIFY.label}", (S.CHECKING,), None, HANDLE,
             guards=(announced, after(P.NOTIFY), notice_issued), document="notice_document",
             help="检查通知在文书页面登记送达后，即登记本步骤（日期为送达日期）"),
        _record_step(P.HEAR, (S.CHECKING,)),
        _record_step(P.LEDGERS, (S.CHECKING,)),
        _record_step(P.SITE, (S.CHECKING,)),
        _record_step(P.INTERVIEW, (S.CHECKING,)),
        _record_step(P.SUMMARISE, (S.CHECKING,)),
        Step("feedback_draft", "起草反馈意见书", (S.CHECKING,), None, HANDLE,
             guards=(after(P.FEEDBACK), no_feedback_in_progress), url_name="fixed_asset_feedback",
             help="通报检查结果，对需要协调解决的事项提出建议意见（三（五）5(8)）"),
        Step("feedback", f"（8）{P.FEEDBACK.label}", (S.CHECKING,), S.FED_BACK, HANDLE,
             guards=(after(P.FEEDBACK), feedback_issued), document="feedback_document",
             help="反馈意见书在文书页面登记送达后，即登记本步骤；定期检查的下一年度检查期限随之开始计算"),
        Step("measure", "作出处置决定", (S.FED_BACK,), None, DECIDE, guards=(project_has_trigger,),
             url_name="fixed_asset_measure",
             help="对违法违规行为，依法分别作出三（五）6所列处置；责令停止建设以通知书下达"),
        Step("stop_order_served", "责令停止建设通知书送达", (S.FED_BACK,), None, HANDLE,
             guards=(stop_order_drafted, stop_order_issued), document="stop_order_document",
             help="责令停止建设通知书经审批、签发后在文书页面登记送达"),
        Step("close", "结案", (S.FED_BACK,), S.CLOSED, DECIDE, guards=(stop_order_served_if_any,),
             url_name="fixed_asset_close"),
    ),
)
