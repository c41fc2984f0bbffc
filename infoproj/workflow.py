"""The workflows of 三（三）（六）（七）（八）（九） as tables: IT projects through the three standards gates and
tendering, key projects with their tracking, IT plan filings, and briefings. Services, the case pages, their progress
views, the API's transition endpoints and the permission-matrix tests all read these tables.

A standards gate (三（九）) is a review step that records and does not move, followed by the step that leaves the
gate, guarded by `gate_passed`: after a failed review the project stays, and leaving is refused with 三（九）6
until a new review passes.
"""

from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.workflow import CREATE, DECIDE, HANDLE, Step, Workflow, path_guard
from linggao_mi.deadlines.periods import cn_date
from linggao_mi.documents.choices import DocumentState

from . import rules
from .choices import (
    BriefingState,
    FilerKind,
    Gate,
    KeyProjectState,
    PlanState,
    ProjectState,
    Verdict,
)
from .models import Briefing, ITProject, KeyProject, PlanFiling

P = ProjectState

# ---------------------------------------------------------------- guards of IT projects


def gate_passed(gate: Gate):
    def guard(case: ITProject) -> None:
        review = case.last_review(gate)
        if review is None:
            raise RuleViolation(rules.GATE_NOT_REVIEWED, f"尚未进行{gate.label}")
        if review.verdict != Verdict.PASSED:
            raise RuleViolation(
                rules.GATE_FAILED, f"{gate.label}于{cn_date(review.reviewed_on)}不予通过：{review.opinions}"
            )

    guard.__name__ = f"gate_passed_{gate.value}"
    return guard


def no_pending_filing(case: ITProject) -> None:
    if case.tender_filings.filter(verdict="").exists():
        raise RuleViolation(rules.TENDER_FILE_PENDING)


def filing_pending(case: ITProject) -> None:
    if not case.tender_filings.filter(verdict="").exists():
        raise RuleViolation(rules.TENDER_FILE_NONE)


def no_pending_change(case: ITProject) -> None:
    if case.changes.filter(approved__isnull=True).exists():
        raise RuleViolation(rules.CHANGE_PENDING)


def pending_change(case: ITProject) -> None:
    if not case.changes.filter(approved__isnull=True).exists():
        raise RuleViolation(rules.CHANGE_NONE)


def open_check_rectification(case: ITProject) -> None:
    if not case.checks.filter(deadline__isnull=False, rectified_on__isnull=True).exists():
        raise RuleViolation(rules.CHECK_RECTIFICATION, "没有待整改的检查意见")


def evaluation_rectifying(case: ITProject) -> None:
    if not case.evaluations.filter(goals_met=False, refused_on__isnull=True).exists():
        raise RuleViolation(rules.EVALUATION_NONE)


@path_guard
def outside_plan(case: ITProject) -> None:
    if not case.outside_plan:
        raise RuleViolation(rules.PLAN_CORRECTION, "本项目已列入备案的信息化发展规划")


def acceptance_opinion_issued(case: ITProject) -> None:
    document = case.acceptance_document
    if document is None or document.state not in (DocumentState.ISSUED, DocumentState.SERVED):
        state = document.get_state_display() if document else "尚未起草"
        raise RuleViolation(rules.ACCEPTANCE_OPINION_ISSUED, f"《验收意见书》当前为“{state}”")


OPEN = (P.FEASIBILITY, P.TENDER_FILING, P.AWARD_PENDING, P.IMPLEMENTING, P.ACCEPTANCE, P.ACCEPTED)
BUILDING = (P.TENDER_FILING, P.AWARD_PENDING, P.IMPLEMENTING, P.ACCEPTANCE)

PROJECT_WORKFLOW = Workflow(
    ITProject,
    (
        Step("register", "登记信息化工程项目", (), P.FEASIBILITY, CREATE, url_name="project_register",
             help="只受理使用县本级财政拨付资金的信息化工程（三（七）1）；同一建设单位以往的绩效评价得分一并显示"),
        Step("feasibility_review", "可研评审（专家审核）", (P.FEASIBILITY,), None, HANDLE,
             url_name="project_feasibility_review",
             help="专家审核可行性研究报告中的建设方案是否按照信息化标准编制；不落实的不予通过（三（九）5、6）"),
        Step("tender_file_submit", "登记报送招标文件", (P.FEASIBILITY, P.TENDER_FILING), P.TENDER_FILING, HANDLE,
             guards=(gate_passed(Gate.FEASIBILITY), no_pending_filing), url_name="project_tender_submit",
             help="招标人在招标前将招标文件报送审核备案；退回修改的，改正后重新报送（三（七）5(1)、三（八）5(1)）"),
        Step("tender_file_review", "标书审核备案", (P.TENDER_FILING,), None, HANDLE, guards=(filing_pending,),
             url_name="project_tender_review",
             help="对照法律法规和批复的建设规模、内容审核，并由专家审核标书是否落实信息化标准（三（七）6(1)、三（九））"),
        Step("winner_determine", "登记中标、成交供应商", (P.TENDER_FILING,), P.AWARD_PENDING, HANDLE,
             guards=(gate_passed(Gate.TENDER),), url_name="project_winner",
             help="自供应商确定之日起2个工作日内发出中标、成交通知书并公告结果（三（八）5(2)）"),
        Step("announcement_edit", "填写中标、成交结果公告", (P.AWARD_PENDING,), None, HANDLE,
             url_name="project_announcement"),
        Step("announcement_publish", "发布中标、成交结果公告", (P.AWARD_PENDING,), P.IMPLEMENTING, HANDLE,
             url_name="project_publish",
             help="公告须载明三（八）5(2)所列全部内容，采购文件随结果同时公告，公告后在“招标公告”公开页面发布"),
        Step("routine_check", "日常检查", BUILDING, None, HANDLE, url_name="project_check",
             help="检查进度、资金使用和质量安全；发现问题的责令限期整改，违法的通报相关单位处罚（三（七）5(2)、6(2)）"),
        Step("check_rectified", "登记整改完成", BUILDING, None, HANDLE, guards=(open_check_rectification,),
             url_name="project_rectified"),
        Step("change_request", "登记可研（概算）变更申请", OPEN, None, HANDLE, guards=(no_pending_change,),
             url_name="project_change"),
        Step("change_decide", "审批可研（概算）变更", OPEN, None, DECIDE, guards=(pending_change,),
             url_name="project_change_decide"),
        Step("contract_check", "合同履约检查", (P.IMPLEMENTING, P.ACCEPTANCE), None, HANDLE,
             url_name="project_contract_check",
             help="检查合同双方履约情况；竣工验收时检查承建单位是否完成合同内容（三（八）5(3)(4)）"),
        Step("complaint_record", "登记投诉举报及处理", BUILDING + (P.ACCEPTED,), None, HANDLE,
             url_name="project_complaint"),
        Step("plan_correct", "规划外项目纠正", OPEN, None, HANDLE, guards=(outside_plan,),
             url_name="project_plan_correct"),
        Step("acceptance_apply", "登记竣工验收申请", (P.IMPLEMENTING,), P.ACCEPTANCE, HANDLE,
             url_name="project_acceptance_apply"),
        Step("acceptance_review", "竣工验收（专家组审查）", (P.ACCEPTANCE,), None, HANDLE,
             url_name="project_acceptance_review",
             help="验收专家组审查竣工情况和信息化标准的落实情况；通过的起草《验收意见书》，提出整改意见（三（七）5(3)）"),
        Step("acceptance_served", "《验收意见书》送达", (P.ACCEPTANCE,), P.ACCEPTED, HANDLE,
             guards=(gate_passed(Gate.ACCEPTANCE), acceptance_opinion_issued), document="acceptance_document",
             help="《验收意见书》经审批、签发后在文书页面登记送达，项目随之通过竣工验收"),
        Step("performance_evaluate", "绩效评价", (P.ACCEPTED,), None, HANDLE, url_name="project_evaluate",
             help="专家团队现场评分；结果作为该单位再次申请信息化工程的重要依据（三（七）5(4)、6(4)）"),
        Step("evaluation_refusal", "认定拒不整改", (P.ACCEPTED,), None, DECIDE, guards=(evaluation_rectifying,),
             url_name="project_refusal"),
        Step("close", "结案", (P.ACCEPTED,), P.CLOSED, DECIDE, url_name="project_close"),
    ),
)

# ---------------------------------------------------------------- key projects (三（三）)

K = KeyProjectState


def open_milestone(case: KeyProject) -> None:
    if not case.milestones.filter(done_on__isnull=True).exists():
        raise RuleViolation(rules.MILESTONE_NONE)


KEY_WORKFLOW = Workflow(
    KeyProject,
    (
        Step("key_register", "登记重点项目", (), K.TRACKING, CREATE, url_name="key_register"),
        Step("weekly_record", "登记周跟踪", (K.TRACKING,), None, HANDLE, url_name="key_weekly",
             help="每周与企业沟通协调，记录进展和存在问题（三（三）3、5）；周末未登记的，系统提醒"),
        Step("milestone_add", "登记项目节点", (K.TRACKING,), None, HANDLE, url_name="key_milestone"),
        Step("milestone_done", "登记节点完成", (K.TRACKING,), None, HANDLE, guards=(open_milestone,),
             url_name="key_milestone_done"),
        Step("assess", "年度综合考核", (K.TRACKING, K.COMPLETED), None, DECIDE, url_name="key_assess",
             help="对信息报送和跟踪服务工作进行综合考核，在县范围内通报表彰或批评（三（三）6）"),
        Step("complete", "登记项目建成", (K.TRACKING,), K.COMPLETED, DECIDE, url_name="key_complete"),
    ),
)

# ---------------------------------------------------------------- IT plan filings (三（六）)

PS = PlanState


@path_guard
def county_plan(case: PlanFiling) -> None:
    if case.filer_kind != FilerKind.COUNTY:
        raise RuleViolation(rules.PLAN_COUNTY_ONLY, f"本规划由{case.get_filer_kind_display()}编制")


@path_guard
def filed_plan(case: PlanFiling) -> None:
    if case.filer_kind == FilerKind.COUNTY:
        raise RuleViolation(rules.PLAN_FILED_ONLY, "本规划为县人民政府信息化发展规划")


PLAN_WORKFLOW = Workflow(
    PlanFiling,
    (
        Step("filing_register", "登记规划备案", (), PS.RECEIVED, CREATE, url_name="plan_register"),
        Step("acknowledge", "备案", (PS.RECEIVED,), PS.ACKNOWLEDGED, HANDLE, guards=(filed_plan,),
             url_name="plan_acknowledge", help="镇政府、县直部门和企业的专项规划报本局备案（三（六）5(2)）"),
        Step("county_approve", "登记县政府批准", (PS.RECEIVED,), PS.APPROVED, DECIDE, guards=(county_plan,),
             url_name="plan_approve", help="县信息化发展规划报县人民政府批准后实施（三（六）5(1)）"),
        Step("province_file", "登记报省备案", (PS.APPROVED,), PS.FILED_PROVINCE, HANDLE, guards=(county_plan,),
             url_name="plan_province", help="同时报省人民政府信息化主管部门备案（三（六）5(1)）"),
        Step("plan_check", "不定期检查", (PS.ACKNOWLEDGED, PS.FILED_PROVINCE), None, HANDLE,
             url_name="plan_check", help="成立检查组，以三（六）5(3)所列方式综合评估规划落实情况"),
    ),
)

# ---------------------------------------------------------------- briefings and reports


def briefing_document_issued(case: Briefing) -> None:
    document = case.document
    if document is None or document.state not in (DocumentState.ISSUED, DocumentState.SERVED):
        state = document.get_state_display() if document else "尚未起草"
        raise RuleViolation(rules.BRIEFING_NOT_ISSUED, f"当前为“{state}”")


BRIEFING_WORKFLOW = Workflow(
    Briefing,
    (
        Step("briefing_create", "编写简报或报告", (), BriefingState.DRAFTING, CREATE, url_name="briefing_create",
             help="由该期的跟踪记录（或检查记录）生成文书，报股长审批后签发"),
        Step("briefing_issue", "印发", (BriefingState.DRAFTING,), BriefingState.ISSUED, HANDLE,
             guards=(briefing_document_issued,), url_name="briefing_issue"),
    ),
)

WORKFLOWS = (PROJECT_WORKFLOW, KEY_WORKFLOW, PLAN_WORKFLOW, BRIEFING_WORKFLOW)

