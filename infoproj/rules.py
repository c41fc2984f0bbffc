"""The rules of 三（三）（六）（七）（八）（九） as constants: every refusal names its clause (DESIGN.md §3).

Periods are DeadlineRule rows (amounts editable in admin), created from infoproj/reference.py; their codes are
here and nowhere else. The document kinds' codes too.
"""

from linggao_mi.casework.rules import Rule

# DeadlineRule codes (rows: infoproj/reference.py).
RULE_AWARD_ANNOUNCEMENT = "infoproj_award_announcement"  # 2 工作日 from the winner being determined
RULE_CHECK_RECTIFICATION = "infoproj_check_rectification"  # 限期整改 after a routine check: the checker sets the days
RULE_EVALUATION_RECTIFICATION = "infoproj_evaluation_rectification"  # 限期整改 after a performance evaluation
RULE_MEETING_DECISION = "infoproj_meeting_decision"  # 月碰头 decisions: the meeting sets the due date; the default
RULE_WEEKLY_TRACKING = "infoproj_weekly_tracking"  # 周跟踪: a record every week, chased at the week's end

# DocumentKind codes.
KIND_ACCEPTANCE_OPINION = "infoproj_acceptance_opinion"  # 《验收意见书》 (三（七）5(3)、6(3))
KIND_QUARTERLY_BRIEFING = "infoproj_quarterly_briefing"  # 季简报 (三（三）5)
KIND_PLAN_REPORT = "infoproj_plan_report"  # the yearly report to the county government (三（六）6)

IT_SECTION = "it"  # 信息技术股 carries 三（三）（六）～（九） (duty register)

# ---------------------------------------------------------------- who and what is supervised

IT_SECTION_ONLY = Rule(
    "infoproj.it_section",
    "信息化规划、信息化工程和重点项目监管由信息技术股承办，须由该股室人员办理",
    "部门职责登记表；三（三）、三（六）～（九）",
)
COUNTY_FUNDS_ONLY = Rule(
    "infoproj.county_funds",
    "信息化工程审批监管的对象是使用财政性资金（限县本级财政拨付）新建、改建、扩建或者运行维护的信息化工程；其他资金来源的项目不属本监管范围",
    "三（七）1",
)

# ---------------------------------------------------------------- the three standards gates (三（九）)

GATE_FAILED = Rule(
    "infoproj.gate_failed",
    "在可研评审、标书审核备案和项目验收中，对不落实信息化标准的不予通过：须经重新组织专家审核通过后方可进入下一环节",
    "三（九）6",
)
REVIEW_INCOMPLETE = Rule(
    "infoproj.review_incomplete",
    "专家审核须登记评审专家和信息化标准的落实情况；不予通过的须提出评审（整改）意见",
    "三（九）5",
)
REVIEW_STANDARDS_VERDICT = Rule(
    "infoproj.review_standards_verdict", "未落实信息化标准的，审核结论不得为通过", "三（九）6"
)

# ---------------------------------------------------------------- tender-file filing (三（七）5(1)、三（八）5(1))

TENDER_FILE_REQUIRED = Rule(
    "infoproj.tender_file_required",
    "招标人应在招标前将招标文件报送项目审批部门审核备案：须附招标文件",
    "三（七）5(1)；三（八）5(1)",
)
TENDER_FILE_PENDING = Rule(
    "infoproj.tender_file_pending", "已报送的招标文件尚未审核，须先作出审核结论", "三（七）5(1)"
)
TENDER_FILE_NONE = Rule("infoproj.tender_file_none", "尚无待审核的招标文件，请先登记报送", "三（七）5(1)")
TENDER_FILE_NONCOMPLIANT = Rule(
    "infoproj.tender_file_noncompliant",
    "招标文件违反相关法律、法规或者不按照批复的项目建设规模和内容编制的，应当提出修改意见，退回改正后重新报送备案",
    "三（七）6(1)；三（八）5(1)",
)

# ---------------------------------------------------------------- tendering (三（八）)

ANNOUNCEMENT_FIELDS = Rule(
    "infoproj.announcement_fields",
    "中标、成交结果公告内容应当包括采购人和采购代理机构的名称、地址、联系方式，项目名称和项目编号，中标或者成交供应商名称、地址和中标或者成交金额，"
    "主要中标或者成交标的的名称、规格型号、数量、单价、服务要求以及评审专家名单，缺项的不能公告",
    "三（八）5(2)",
)
ANNOUNCEMENT_DOCUMENTS = Rule(
    "infoproj.announcement_documents",
    "招标文件、竞争性谈判文件、询价通知书随中标、成交结果同时公告：须附至少一份采购文件",
    "三（八）4、5(2)",
)
AWARD_NOTICE = Rule(
    "infoproj.award_notice",
    "采购人或者采购代理机构应当自中标、成交供应商确定之日起2个工作日内发出中标、成交通知书并公告中标、成交结果：须登记通知书发出日期和公告日期，且不得早于供应商确定之日",
    "三（八）5(2)",
)
ANNOUNCEMENT_LATE_REASON = Rule(
    "infoproj.announcement_late",
    "超过自中标、成交供应商确定之日起的公告期限发布的，须写明逾期原因（办理记录中标明为逾期）",
    "三（八）5(2)",
)
HANDLING_BASIS = Rule(
    "infoproj.handling_basis",
    "对招投标和合同履约中发现的问题责令整改、对责任人处罚的，须写明依据的《招标投标法》或《政府采购法》及其条款",
    "三（八）6",
)

# ---------------------------------------------------------------- during construction (三（七）)

CHECK_METHODS = Rule(
    "infoproj.check_methods", "日常检查须通过听取情况介绍、实地查验、调查取证等方式进行：请至少选择一种", "三（七）5(2)"
)
CHECK_RECTIFICATION = Rule(
    "infoproj.check_rectification",
    "检查中发现问题的（进度、资金或质量安全不符合要求），应当提出整改措施并责令有关单位限期整改",
    "三（七）6(2)",
)
CHECK_REFERRAL = Rule(
    "infoproj.check_referral",
    "违反有关法律、法规规定通报相关单位处罚的，须选择相关单位并写明违反的法律法规",
    "三（七）6(2)",
)
CHANGE_PENDING = Rule("infoproj.change_pending", "已有尚未审批的可研（概算）变更，须先作出审批", "三（七）3")
CHANGE_NONE = Rule("infoproj.change_none", "没有待审批的可研（概算）变更", "三（七）3")
CHANGE_REASONS = Rule("infoproj.change_reasons", "可研（概算）变更须写明变更内容及理由；审批须写明意见", "三（七）3")

# ---------------------------------------------------------------- acceptance and evaluation (三（七）5(3)(4)、6(3)(4))

ACCEPTANCE_APPLICATION = Rule(
    "infoproj.acceptance_application", "竣工验收由项目单位提出申请：须登记申请日期和申请说明", "三（七）5(3)"
)
ACCEPTANCE_RECTIFICATION = Rule(
    "infoproj.acceptance_rectification",
    "对竣工验收中发现的问题，在《验收意见书》中提出整改意见；不予通过的须写明整改意见",
    "三（七）6(3)",
)
ACCEPTANCE_OPINION_ISSUED = Rule(
    "infoproj.acceptance_opinion_issued", "《验收意见书》须经股长审批、签发后方可结案", "三（七）5(3)"
)
SCORE_RANGE = Rule(
    "infoproj.score_range",
    "绩效评价按评分表现场评分：项目管理满分30分、系统产出满分30分、应用成效满分40分，得分须在0至满分之间",
    "三（七）5(4)",
)
EVALUATION_RECTIFICATION = Rule(
    "infoproj.evaluation_rectification",
    "对未实现批复的建设目标或未达到预期效果的项目，项目建设单位应限期整改：须写明整改要求和期限",
    "三（七）6(4)",
)
EVALUATION_NONE = Rule("infoproj.evaluation_none", "本项目没有须限期整改的绩效评价", "三（七）6(4)")
REFUSAL_SANCTION = Rule(
    "infoproj.refusal_sanction",
    "对拒不整改或整改后仍不符合要求的，须写明通报批评或暂停其他项目立项审批的建议（由省信息化主管部门决定）",
    "三（七）6(4)",
)
CLOSE_REASON = Rule("infoproj.close_reason", "结案须写明结案说明", "三（七）5(3)")
PLAN_CORRECTION = Rule(
    "infoproj.plan_correction",
    "对不按照规划擅自建设信息化工程项目的，会同有关部门予以纠正：须写明纠正情况，或选定其所依据的已备案规划",
    "三（六）6",
)

# ---------------------------------------------------------------- key projects (三（三）)

WEEKLY_ONCE = Rule("infoproj.weekly_once", "每个项目每周登记一次周跟踪记录，本周已有记录", "三（三）3、5")
WEEKLY_FUTURE = Rule("infoproj.weekly_future", "周跟踪记录只能登记本周或以前的周", "三（三）3、5")
MEETING_DECISIONS = Rule(
    "infoproj.meeting_decisions",
    "月碰头会按月梳理项目进展及存在问题：须登记议定事项，每项写明项目、责任单位（人）和完成时限",
    "三（三）3、5",
)
MEETING_ONCE = Rule("infoproj.meeting_once", "本月已登记月碰头会", "三（三）3")
QUARTER_NOT_ENDED = Rule(
    "infoproj.quarter_not_ended", "季度工作简报在季度结束后依据该季度的跟踪记录编写", "三（三）5"
)
BRIEFING_ONCE = Rule("infoproj.briefing_once", "该期简报或报告已编写，请在原案中办理", "三（三）5；三（六）6")
BRIEFING_RECOMMENDATIONS = Rule(
    "infoproj.briefing_recommendations", "季度工作简报须分析影响项目进度的主客观因素，提出工作建议", "三（三）5"
)
BRIEFING_NOT_ISSUED = Rule("infoproj.briefing_not_issued", "文书须经股长审批并签发后方可印发", "三（三）5；三（六）6")
ASSESSMENT_ONCE = Rule("infoproj.assessment_once", "该项目本年度已考核", "三（三）6")
ASSESSMENT_TEXT = Rule(
    "infoproj.assessment_text", "综合考核须写明信息报送和跟踪服务工作情况", "三（三）6"
)

# ---------------------------------------------------------------- IT plans (三（六）)

PLAN_PERIOD = Rule("infoproj.plan_period", "规划期止不得早于规划期起", "三（六）5(1)(2)")
PLAN_DOCUMENT = Rule("infoproj.plan_document", "规划备案须附规划文本", "三（六）4、5(2)")
PLAN_COUNTY_ONLY = Rule(
    "infoproj.plan_county_only",
    "县人民政府信息化发展规划报本级人民政府批准后实施，同时报省人民政府信息化主管部门备案",
    "三（六）5(1)",
)
PLAN_FILED_ONLY = Rule(
    "infoproj.plan_filed_only",
    "镇政府、县直部门和企业的信息化发展专项规划报县人民政府信息化主管部门备案",
    "三（六）5(2)",
)
PLAN_CHECK_METHODS = Rule(
    "infoproj.plan_check_methods",
    "不定期检查须成立检查组，通过自评自查、听取汇报、比对规划、观摩演示、专家质询等方式综合评估：须登记检查组成员并至少选择一种方式",
    "三（六）5(3)",
)
PLAN_OUTSIDE_CORRECTION = Rule(
    "infoproj.plan_outside_correction",
    "发现不按照规划擅自建设信息化工程项目的，会同有关部门予以纠正：须写明纠正情况",
    "三（六）6",
)
REPORT_NO_CHECKS = Rule("infoproj.report_no_checks", "该年度没有规划落实情况检查记录，不能生成年度报告", "三（六）6")
GATE_NOT_REVIEWED = Rule(
    "infoproj.gate_not_reviewed",
    "可研评审、标书审核备案和项目验收须组织专家审核信息化标准的落实情况，审核通过后方可进入下一环节",
    "三（九）4、5",
)
MILESTONE_NONE = Rule("infoproj.milestone_none", "没有未完成的项目节点", "三（三）2")
MILESTONE_DONE = Rule("infoproj.milestone_done", "该项目节点已登记完成，不能重复登记", "三（三）2")
MILESTONE_DATE = Rule("infoproj.milestone_date", "节点完成日期不能晚于今天", "三（三）2")
MILESTONE_NAME = Rule("infoproj.milestone_name", "请填写节点名称", "三（三）2")
WEEKLY_PROGRESS = Rule("infoproj.weekly_progress", "周跟踪须记录与企业沟通协调的情况和本周进展", "三（三）5")
