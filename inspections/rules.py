"""The rules of 三（一） and 三（二） as constants: every refusal names its clause (DESIGN.md §3).

Periods are DeadlineRule rows (inspections/reference.py, amounts editable in admin); their codes are here.
"""

from linggao_mi.casework.rules import Rule

# DeadlineRule codes (rows: inspections/reference.py).
RULE_CHECK_REPORT = "inspections_check_report"  # 受查单位报告整改纠正情况 (三（一）4(3)); the county sets the days
RULE_CORRECTION = "inspections_correction"  # 执法监督通知（决定）书限定的期限 (三（一）5): the notice's own days
RULE_REVIEW_WINDOW = "inspections_review_window"  # 收到通知书之日起10日内申请复查
RULE_REVIEW_DECISION = "inspections_review_decision"  # 接到复查申请之日起15日内作出复查决定

# DocumentKind codes.
KIND_SUPERVISION_NOTICE = "inspections_supervision_notice"  # 《执法监督通知（决定）书》
KIND_REVIEW_DECISION = "inspections_review_decision"  # 复查决定书
KIND_FAULT_DECISION = "inspections_fault_decision"  # 行政执法过错责任追究决定书

# ---------------------------------------------------------------- 三（二） discretion

CIRCUMSTANCE_BEYOND_CAP = Rule(
    "inspections.circumstance_beyond_cap",
    "裁量情形的罚款幅度不得超过法定罚款限度（不予处罚、首违不罚不处罚款）",
    "三（二）1",
)
CIRCUMSTANCE_NO_FINE = Rule(
    "inspections.circumstance_no_fine", "法律未规定罚款的违法行为，其裁量情形不得设定罚款幅度", "三（二）1"
)
FIRST_OFFENCE_NOT_ALLOWED = Rule(
    "inspections.first_offence_not_allowed",
    "该违法行为不适用首违不罚（法律规定须先责令改正、逾期不改正方处罚款的，方可设定首违不罚）",
    "三（二）1；《中华人民共和国行政处罚法》第三十三条第一款",
)
AMOUNT_OUTSIDE_RANGE = Rule(
    "inspections.amount_outside_range", "建议罚款金额超出所选裁量情形的罚款幅度", "三（二）1；三（二）2(1)"
)
AMOUNT_NOT_ALLOWED = Rule("inspections.amount_not_allowed", "所选裁量情形不处罚款，不能填写罚款金额", "三（二）1")
AMOUNT_REQUIRED = Rule("inspections.amount_required", "所选裁量情形应处罚款，请填写建议罚款金额", "三（二）1")
REASONS_REQUIRED = Rule("inspections.reasons_required", "适用行政处罚裁量基准，须写明理由（说明理由）", "三（二）2(3)")
CIRCUMSTANCE_OF_STANDARD = Rule("inspections.circumstance_of_standard", "所选裁量情形不属于所选裁量基准", "三（二）1")

# ---------------------------------------------------------------- 三（一）1–4 checks

# 案卷评查 score sheet: item → full points (100 in all).
SCORE_SHEET = {
    "执法主体": 10,
    "执法依据": 15,
    "事实与证据": 25,
    "执法程序": 25,
    "文书制作": 15,
    "立卷归档": 10,
}

CHECK_CONTENTS = Rule("inspections.check_contents", "请至少选择一项监督检查内容", "三（一）2")
CHECK_METHODS = Rule("inspections.check_methods", "请至少选择一种监督检查方式（可以几种方式结合进行）", "三（一）3")
CHECK_TARGETS = Rule(
    "inspections.check_targets", "请选择受查股室（监督检查对象为从事行政执法活动的各股室及其工作人员）", "三（一）1"
)
CHECK_STAFF_OF_SECTIONS = Rule("inspections.check_staff_of_sections", "受查工作人员须为受查股室的人员", "三（一）1")
FILE_NOT_FOUND = Rule("inspections.file_not_found", "未找到该案号的行政执法案卷", "三（一）4(2)")
FILE_SCORED = Rule("inspections.file_scored", "该案卷已在本次检查中评查", "三（一）4(2)")
FILE_SCORE_RANGE = Rule("inspections.file_score_range", "案卷评查各项得分须为非负整数，总分不超过100分", "三（一）4(2)")
FILE_OWN_CASE = Rule("inspections.file_own_case", "执法监督检查的案卷不能在本次检查中评查自身", "三（一）4(2)")
SUMMARY_REQUIRED = Rule(
    "inspections.summary_required",
    "监督检查结束后应当进行总结，并对存在的普遍性、倾向性问题提出整改意见",
    "三（一）4(3)",
)
REPORT_IN_WRITING = Rule(
    "inspections.report_in_writing", "须登记受查单位报告的整改纠正情况，并附书面报告", "三（一）4(3)；三（一）5"
)

# ---------------------------------------------------------------- 三（一）5 supervision notices

NOTICE_SITUATIONS = Rule(
    "inspections.notice_situations", "请选择责令纠正或者撤销的情形（三（一）5所列6种情形之一）", "三（一）5"
)
NOTICE_CONTENTS = Rule(
    "inspections.notice_contents",
    "《执法监督通知（决定）书》应当载明被检查的单位名称、认定的事实和理由、处理的决定和依据、执行处理决定的方式和期限、"
    "执行检查的部门名称和作出日期，并加盖印章",
    "三（一）5",
)
NOTICE_DAYS = Rule("inspections.notice_days", "执行处理决定的期限须为1至365日", "三（一）5")
NOTICE_ALREADY = Rule(
    "inspections.notice_already", "本案已有《执法监督通知（决定）书》，请在文书页面办理审批、签发和送达", "三（一）5"
)
REVIEW_LATE = Rule(
    "inspections.review_late",
    "被检查的单位对决定不服的，可以在收到《执法监督通知（决定）书》之日起10日内申请复查；已超过申请期限，不予受理",
    "三（一）5",
)
REVIEW_GROUNDS = Rule("inspections.review_grounds", "复查申请须写明不服的理由，并附书面申请", "三（一）5")
REVIEW_DECISION = Rule("inspections.review_decision", "复查决定须写明决定（维持、变更或者撤销）及其理由", "三（一）5")
REVIEW_DECISION_ALREADY = Rule(
    "inspections.review_decision_already", "本案已有复查决定书，请在文书页面办理审批、签发和送达", "三（一）5"
)
DATE_BEFORE_SERVICE = Rule(
    "inspections.date_before_service", "登记的日期不能早于《执法监督通知（决定）书》送达日期", "三（一）5"
)

# ---------------------------------------------------------------- 法制审核

LEGAL_REVIEW_REQUIRED = Rule(
    "inspections.legal_review_required",
    "重大执法决定（执法监督通知（决定）书、复查决定、过错责任追究决定）须经法制审核通过后，方可由股长或局领导批准",
    "三（一）5、6；本局重大执法决定法制审核制度",
)
LEGAL_REVIEW_PENDING = Rule(
    "inspections.legal_review_pending", "该文书已送法制审核，请等待审核意见", "本局重大执法决定法制审核制度"
)
LEGAL_REVIEW_STATE = Rule(
    "inspections.legal_review_state", "只有草稿或已退回修改的文书可以送法制审核", "本局重大执法决定法制审核制度"
)
LEGAL_REVIEW_DONE = Rule("inspections.legal_review_done", "该法制审核已办理", "本局重大执法决定法制审核制度")
LEGAL_OPINION_REQUIRED = Rule(
    "inspections.legal_opinion_required", "法制审核退回须写明书面审核意见", "本局重大执法决定法制审核制度"
)
LEGAL_REVIEWER_NOT_DRAFTER = Rule(
    "inspections.legal_reviewer_not_drafter", "法制审核人员不能审核自己起草或修改的文书", "本局重大执法决定法制审核制度"
)
LEGAL_KIND = Rule("inspections.legal_kind", "只有重大执法决定的文书需要送法制审核", "本局重大执法决定法制审核制度")

# ---------------------------------------------------------------- 三（一）6 fault accountability

FAULT_SITUATIONS = Rule(
    "inspections.fault_situations", "请选择过错情形（三（一）6所列12种情形之一或多项），并写明证据", "三（一）6"
)
FAULT_PERSON = Rule("inspections.fault_person", "过错责任人须为本局工作人员", "三（一）6")
SANCTIONS_REQUIRED = Rule(
    "inspections.sanctions_required",
    "对被确认为行政执法过错的责任人，应根据过错行为的性质、情节、后果等情况作出相应处理，并写明理由",
    "三（一）6",
)
SANCTION_DATE = Rule("inspections.sanction_date", "暂停执法活动或取消执法资格须写明生效日期", "三（一）6")
REFERRAL_NOTE = Rule(
    "inspections.referral_note",
    "需要追究党纪处分的，由纪检部门处理；涉嫌犯罪的，移送司法机关处理：请选择移送对象并写明移送情况",
    "三（一）6",
)

# ---------------------------------------------------------------- 三（一）4(4) complaints

# Submissions and tracking look-ups per client address: (how many, in how many seconds).
COMPLAINT_RATE = (5, 3600)
TRACK_RATE = (20, 3600)

RATE_LIMITED = Rule(
    "inspections.rate_limited", "提交或查询过于频繁，请一小时后再试；如有急事请致电本局", "本平台公众服务规则"
)
COMPLAINT_CONTENT = Rule(
    "inspections.complaint_content", "请写明申诉、检举、控告或者建议的事项和具体内容", "三（一）4(4)"
)
COMPLAINT_STATE = Rule(
    "inspections.complaint_state", "该件已分办，不能重复分办；处理结果反馈后即告办结", "三（一）4(4)"
)
COMPLAINT_REFERRAL = Rule(
    "inspections.complaint_referral",
    "移送须选择职责边界表所列的其他部门，并写明移送理由",
    "二、职责边界表；三（一）4(4)",
)
COMPLAINT_FEEDBACK = Rule(
    "inspections.complaint_feedback",
    "调查结果应及时反馈申诉、检举、控告、建议单位或者个人：请写明反馈内容",
    "三（一）4(4)",
)
