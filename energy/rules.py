"""The rules of 三（四） as constants: every refusal names its clause (DESIGN.md §3).

Periods that the county may set differently are DeadlineRule rows (amount editable in admin),
created from energy/reference.py (migration 0002 and after every flush); their codes are here and nowhere else.
"""

from linggao_mi.casework.rules import Rule

# DeadlineRule codes (rows: energy/reference.py).
RULE_NOTICE_LEAD = "energy_notice_lead"  # 7 日 in this county (the national 节能监察办法 says 5)
RULE_DELIVERY = "energy_delivery"  # 15 日 after the inspection ends
RULE_RECTIFICATION = "energy_rectification"  # at most 6 个月; a case's deadline uses the months chosen
RULE_EXTENSION_WINDOW = "energy_extension_window"  # the 15 日 before the period expires
RULE_EXTENSION_DECISION = "energy_extension_decision"  # 5 工作日 from receipt
RULE_EXTENSION_MAX = "energy_extension_max"  # 6 个月

# DocumentKind codes.
KIND_RECTIFICATION_NOTICE = "energy_rectification_notice"  # 限期整改通知书
KIND_ADVICE = "energy_advice"  # 节能监察建议书

CREDIT_CODE_FORMAT = Rule(
    "energy.credit_code_format",
    "统一社会信用代码应为18位，由数字和除I、O、Z、S、V以外的大写英文字母组成",
    "GB 32100-2015《法人和其他组织统一社会信用代码编码规则》",
)
CREDIT_CODE_CHECK_DIGIT = Rule(
    "energy.credit_code_check_digit",
    "统一社会信用代码校验码不正确，请核对后重新输入",
    "GB 32100-2015《法人和其他组织统一社会信用代码编码规则》",
)
WRITTEN_NOTICE_REQUIRED = Rule(
    "energy.written_notice_required",
    "采取书面监察，应当先书面通知被监察单位，再登记其报送的书面和电子材料",
    "三（四）5(1)",
)
NOTICE_LEAD = Rule(
    "energy.notice_lead",
    "采取现场监察，应当提前将监察的依据、内容、时间和要求书面通知被监察单位",
    "三（四）5(2)",
)
NOTICE_CONTENTS = Rule(
    "energy.notice_contents",
    "现场监察书面通知应当写明监察的依据、内容、时间和要求",
    "三（四）5(2)",
)
TWO_INSPECTORS = Rule(
    "energy.two_inspectors",
    "现场监察应当由2名以上节能监察人员进行，且每人持有监察当日有效的行政执法证件",
    "三（四）5(3)",
)
RECORD_SIGNATURE = Rule(
    "energy.record_signature",
    "现场监察笔录应当由被监察单位法定代表人或者其委托人签字或者盖章；拒绝签字或者盖章的，节能监察人员应当在笔录中注明",
    "三（四）5(3)",
)
RECORD_MEASURES = Rule(
    "energy.record_measures",
    "现场监察笔录应当载明采取的现场监察措施",
    "三（四）4",
)
TESTING_AGENCY = Rule(
    "energy.testing_agency",
    "节能检测应当委托有资质的检测机构，须登记检测机构名称及其资质证书编号",
    "三（四）5(5)",
)
TESTING_FREE = Rule(
    "energy.testing_free",
    "委托检测不得向被监察单位收取检测费用",
    "三（四）5(5)",
)
TESTING_PENDING = Rule(
    "energy.testing_pending",
    "委托检测尚未出具结果，不能作出监察处理决定",
    "三（四）5(5)",
)
OUTCOME_VIOLATION_FACTS = Rule(
    "energy.outcome_violation_facts",
    "下达限期整改通知书或者建议处罚，须在监察内容中记录违反节能法律、法规、规章和强制性标准的事实及其依据",
    "三（四）6(1)",
)
OUTCOME_UNREASONABLE_FACTS = Rule(
    "energy.outcome_unreasonable_facts",
    "节能监察建议书适用于有不合理用能行为、但尚未违反节能法律、法规、规章和强制性标准的情形，须记录不合理用能事实",
    "三（四）6(2)",
)
OUTCOME_NONE_CONFLICT = Rule(
    "energy.outcome_none_conflict",
    "已记录违法违规或不合理用能事实，应当下达限期整改通知书或节能监察建议书，不能以未发现问题结案",
    "三（四）6(1)(2)",
)
PENALTY_RECOMMENDATION = Rule(
    "energy.penalty_recommendation",
    "被监察单位有用能违法行为依法应当予以处罚或者处理的，应当建议有关部门依法处罚或者处理，并写明建议部门和依据",
    "三（四）6(3)",
)
RECTIFICATION_REQUIREMENTS = Rule(
    "energy.rectification_requirements",
    "限期整改通知书须写明整改要求",
    "三（四）6(1)",
)
ADVICE_SUGGESTIONS = Rule(
    "energy.advice_suggestions",
    "节能监察建议书须写明建议被监察单位采取的改进措施",
    "三（四）6(2)",
)
RECTIFICATION_PERIOD_MAX = Rule(
    "energy.rectification_period_max",
    "整改期限超过了规定的上限（整改期限一般不超过规定月数）",
    "三（四）6(6)",
)
EXTENSION_WINDOW = Rule(
    "energy.extension_window",
    "延期申请应当在整改期限届满前规定的天数内以书面形式提出",
    "三（四）6(6)",
)
EXTENSION_MAX = Rule(
    "energy.extension_max",
    "延期超过了规定的上限",
    "三（四）6(6)",
)
EXTENSION_PENDING = Rule(
    "energy.extension_pending",
    "已有尚未决定的延期申请，应先对其作出决定",
    "三（四）6(6)",
)
EXTENSION_DECISION_REASONS = Rule(
    "energy.extension_decision_reasons",
    "延期申请的决定须写明理由",
    "三（四）6(6)",
)
ESCALATE_NOT_OVERDUE = Rule(
    "energy.escalate_not_overdue",
    "整改期限尚未届满，不能按逾期未整改移送处理",
    "三（四）6(5)(6)",
)
DOCUMENT_NOT_ISSUED = Rule(
    "energy.document_not_issued",
    "文书须经审批并签发后方可送达被监察单位",
    "三（四）6(4)",
)
DATE_IN_FUTURE = Rule(
    "energy.date_in_future",
    "登记的日期不能晚于今天",
    "本平台办案流程",
)
CHECKLIST_EMPTY = Rule("energy.checklist_empty", "请至少选择一项本案的监察内容", "三（四）2")
UNIT_HAS_CASES = Rule("energy.unit_has_cases", "该用能单位已有节能监察案件，不能删除", "执法全过程记录制度")
