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
RULE_WRITTEN_REPLY = "energy_written_reply"  # 限期书面答复: the inspector sets the days; the rule is the default

# DocumentKind codes.
KIND_INSPECTION_NOTICE = "energy_inspection_notice"  # 节能监察通知书 (三（四）5(1)(2))
KIND_RECTIFICATION_NOTICE = "energy_rectification_notice"  # 限期整改通知书
KIND_ADVICE = "energy_advice"  # 节能监察建议书
KIND_EXTENSION_DECISION = "energy_extension_decision"  # 延期决定书 (三（四）6(6))

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
    "被监察单位有用能违法行为依法应当予以处罚或者处理的，应当建议有关部门依法处罚或者处理：从部门名录中选择建议部门，并写明依据和违法事实",
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
EXTENSION_NONE_PENDING = Rule(
    "energy.extension_none_pending",
    "没有待决定的延期申请，收到书面延期申请后先登记",
    "三（四）6(6)",
)
EXTENSION_REQUEST_REASONS = Rule(
    "energy.extension_request_reasons", "登记延期申请须填写书面申请载明的延期理由", "三（四）6(6)"
)
OUTCOME_RETURN_REASONS = Rule(
    "energy.outcome_return_reasons",
    "退回处理意见须写明理由，承办人员据此修改后重新报请决定",
    "本局行政执法决定审批制度",
)
CLOSE_REASON = Rule("energy.close_reason", "结案须写明结案说明（整改到位、未发现问题或移送处理的情况）", "三（四）6(5)")
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
RECORD_TIMES = Rule("energy.record_times", "监察结束时间不能早于开始时间", "三（四）5(3)")
OUTCOME_DATE = Rule("energy.outcome_date", "监察结束日期不能早于监察日期", "三（四）6(4)")
NOTICE_REQUIRED = Rule(
    "energy.notice_required",
    "本案应当先书面通知被监察单位：节能监察通知书经审批、签发并送达后，方可实施监察",
    "三（四）5(1)(2)",
)
NOTICE_ALREADY = Rule(
    "energy.notice_already", "本案已有尚未作废的节能监察通知书，请在文书页面办理审批、签发和送达", "三（四）5(1)(2)"
)
MODE_ONSITE_ONLY = Rule(
    "energy.mode_onsite", "现场监察笔录只用于现场监察；书面监察登记被监察单位报送的材料", "三（四）3"
)
MODE_WRITTEN_ONLY = Rule("energy.mode_written", "报送材料只用于书面监察", "三（四）3、5(1)")
PLAN_CORRECTION = Rule(
    "energy.plan_correction",
    "更正计划监察日期须写明理由；已送达的书面通知所载时间如需变更，应当书面告知被监察单位",
    "三（四）5(2)",
)
MATERIALS_IN_WRITING = Rule(
    "energy.materials_in_writing", "登记报送材料须附被监察单位报送的书面材料（扫描件或电子材料）", "三（四）5(1)"
)
REPORT_IN_WRITING = Rule(
    "energy.report_in_writing", "登记整改结果须附被监察单位书面报送的整改结果报告", "三（四）6(5)"
)
EXTENSION_IN_WRITING = Rule(
    "energy.extension_in_writing", "延期申请应当以书面形式提出，须附被监察单位的书面申请", "三（四）6(6)"
)
EXTENSION_GRANT_EXCEEDS = Rule(
    "energy.extension_grant_exceeds", "准予延期的月数不得超过被监察单位申请的月数", "三（四）6(6)"
)
WRITTEN_REPLY = Rule(
    "energy.written_reply",
    "要求被监察单位限期作出书面答复，须写明答复的问题和答复期限",
    "三（四）4(4)",
)
WRITTEN_REPLY_NONE = Rule("energy.written_reply_none", "本案没有待答复的书面答复要求", "三（四）4(4)")
WRITTEN_REPLY_IN_WRITING = Rule(
    "energy.written_reply_in_writing", "登记书面答复须附被监察单位的书面答复", "三（四）4(4)"
)
OUTCOME_DOCUMENT_NOT_ISSUED = Rule(
    "energy.outcome_document_not_issued",
    "处理文书须经股长审批并签发后，方可在文书页面登记送达，案件随之进入下一步",
    "三（四）6(4)",
)
CHECKLIST_EMPTY = Rule("energy.checklist_empty", "请至少选择一项本案的监察内容", "三（四）2")
UNIT_HAS_CASES = Rule("energy.unit_has_cases", "该用能单位已有节能监察案件，不能删除", "执法全过程记录制度")
EXTENSION_DECISION_MISSING = Rule(
    "energy.extension_decision_missing",
    "延期决定书须依据已对延期申请作出的决定（准予或者不予延期）制作",
    "三（四）6(6)",
)
