"""The rules of 三（五） as constants: every refusal and every trigger names its clause (DESIGN.md §3).

The periods (two years to start construction, one year between periodic checks) are DeadlineRule rows
(fixed_asset/reference.py), editable by admins and published at /api/v1/deadline-rules/; their codes are here.
"""

from decimal import Decimal

from linggao_mi.casework.rules import Rule

from .choices import MeasureKind, TriggerCode

# DeadlineRule codes (rows: fixed_asset/reference.py).
RULE_START_WINDOW = "fixed_asset_start_window"  # 2 年 after the review was passed
RULE_PERIODIC_CHECK = "fixed_asset_periodic_check"  # 1 年 between periodic checks

# DocumentKind codes.
KIND_CHECK_NOTICE = "fixed_asset_check_notice"  # 节能监察检查通知书 (三（五）5(2))
KIND_FEEDBACK = "fixed_asset_feedback"  # 节能监察检查反馈意见书 (三（五）5(8))
KIND_STOP_ORDER = "fixed_asset_stop_order"  # 责令停止建设通知书 (三（五）6(3))

# 三（五）2(5): an increase of this share of the approved consumption or more is a trigger (exact, no rounding).
CONSUMPTION_UP_SHARE = Decimal("0.20")

TRIGGER_CLAUSES = {
    TriggerCode.NO_REVIEW: "三（五）2(1)",
    TriggerCode.BELOW_STANDARD: "三（五）2(2)",
    TriggerCode.FALSIFIED: "三（五）2(3)",
    TriggerCode.NOT_STARTED: "三（五）2(4)",
    TriggerCode.CONSUMPTION_UP: "三（五）2(5)",
}

# The legal basis each measure of 三（五）6 is taken on, stated with the measure and in its documents.
MEASURE_BASIS = {
    MeasureKind.NOT_APPROVE: "《中华人民共和国节约能源法》第十五条；三（五）6(1)",
    MeasureKind.REVOKE: "《中华人民共和国行政许可法》第六十九条；三（五）6(2)",
    MeasureKind.STOP: "《中华人民共和国节约能源法》第十五条、第六十八条第二款；三（五）6(3)",
    MeasureKind.CREDIT: "《固定资产投资项目节能审查办法》；三（五）6(4)",
    MeasureKind.REFER: "《中华人民共和国节约能源法》第六十八条第一款、第八十五条、第八十六条；三（五）6(5)",
}

# 节约能源法 第六十八条第二款 is the bureau's to apply (管理节能工作的部门). No discretion catalogue exists in the
# portal yet (inspections/, issue 8), so a measure on a below-standard project records this basis and range.
PENALTY_BASIS = "《中华人民共和国节约能源法》第六十八条第二款"
PENALTY_RANGE = (
    "由管理节能工作的部门责令停止建设或者停止生产、使用，限期改造；不能改造或者逾期不改造的生产性项目，"
    "由管理节能工作的部门报请本级人民政府按照国务院规定的权限责令关闭（本条未设罚款）"
)

OWNER_NOT_REGISTERED = Rule(
    "fixed_asset.owner_not_registered",
    "项目建设单位须为已登记的用能单位：请先在用能单位名录中登记该统一社会信用代码",
    "三（五）1",
)
REVIEW_FACTS = Rule(
    "fixed_asset.review_facts",
    "已通过节能审查（节能登记审查）的项目须填写审查意见文号、通过日期和核定的年综合能源消费量",
    "三（五）2(1)(4)(5)",
)
REVIEW_NOT_PASSED_FACTS = Rule(
    "fixed_asset.review_not_passed_facts",
    "未进行或未通过节能审查的项目不能填写通过节能审查的日期",
    "三（五）2(1)",
)
CONSUMPTION_POSITIVE = Rule(
    "fixed_asset.consumption_positive", "年综合能源消费量（吨标准煤）须大于0", "三（五）2(5)"
)
DATE_ORDER = Rule(
    "fixed_asset.date_order", "投入生产、使用的日期不能早于开工建设日期", "三（五）2(2)"
)
CHANGE_NEEDS_REVIEW = Rule(
    "fixed_asset.change_needs_review",
    "登记项目变化须以通过节能审查时核定的年综合能源消费量为基数计算增幅；该项目尚无核定数",
    "三（五）2(5)",
)
CHANGE_DESCRIPTION = Rule(
    "fixed_asset.change_description", "登记项目变化须写明建设规模、建设内容或节能技术方案的变化情况", "三（五）2(5)"
)
TRIGGER_FACTS = Rule(
    "fixed_asset.trigger_facts", "登记违法违规情形须写明发现的事实和发现日期", "三（五）2"
)
TRIGGER_NOT_RECORDED = Rule(
    "fixed_asset.trigger_not_recorded",
    "该情形由平台根据登记的日期和能耗数据自动认定，不能手工登记",
    "三（五）2(1)(4)(5)",
)
FALSIFIED_NEEDS_REGISTRATION = Rule(
    "fixed_asset.falsified_needs_registration",
    "弄虚作假情形针对节能登记：该项目未办理节能登记审查",
    "三（五）2(3)",
)
FALSIFIED_FIGURES = Rule(
    "fixed_asset.falsified_figures",
    "认定节能登记弄虚作假须登记核实的能源消耗量，并说明与节能审查申请表内容严重不符的情况",
    "三（五）2(3)",
)
TRIGGER_ALREADY = Rule("fixed_asset.trigger_already", "该项目已登记此情形", "三（五）2")
CHECK_PLAN = Rule(
    "fixed_asset.check_plan",
    "项目监督检查要先行制定检查方案：须写明检查内容、方法和人员安排",
    "三（五）5",
)
CHECK_OCCASION = Rule(
    "fixed_asset.check_occasion",
    "不定期检查须写明组织检查的原因（上级工作部署、投诉举报、领导指示等），并采用抽查、暗查等方式",
    "三（五）4(2)",
)
PERIODIC_METHOD = Rule(
    "fixed_asset.periodic_method", "定期检查应当下发通知，不采用暗查方式", "三（五）4(1)、5(2)"
)
STEP_ORDER = Rule(
    "fixed_asset.step_order", "检查程序须按顺序进行：请先登记前一步骤", "三（五）5"
)
STEP_PEOPLE = Rule(
    "fixed_asset.step_people", "每一步骤须登记日期和参加人员（本局检查人员至少一名）", "三（五）5"
)
STEP_ALREADY = Rule("fixed_asset.step_already", "本次检查已登记该步骤", "三（五）5")
NOTICE_NOT_COVERT = Rule(
    "fixed_asset.notice_not_covert", "暗查不预先下发检查通知", "三（五）4(2)"
)
NOTICE_CONTENTS = Rule(
    "fixed_asset.notice_contents", "检查通知须写明检查的内容、时间和需要准备的材料", "三（五）5(2)"
)
DOCUMENT_IN_PROGRESS = Rule(
    "fixed_asset.document_in_progress", "本次检查已有尚未送达的该文书，请在文书页面办理审批、签发和送达", "三（五）5"
)
DOCUMENT_NOT_ISSUED = Rule(
    "fixed_asset.document_not_issued", "文书须经股长审批并签发后，方可在文书页面登记送达", "三（五）5、6"
)
FEEDBACK_CONTENTS = Rule(
    "fixed_asset.feedback_contents",
    "反馈意见须通报检查结果，并对需要协调解决的事项提出建议意见",
    "三（五）5(8)",
)
MEASURE_NEEDS_TRIGGER = Rule(
    "fixed_asset.measure_needs_trigger",
    "处置措施针对违法违规行为：该项目尚无三（五）2所列情形",
    "三（五）6",
)
MEASURE_FACTS = Rule(
    "fixed_asset.measure_facts", "作出处置须写明违法违规事实和决定日期", "三（五）6"
)
STOP_ORDER_PENDING = Rule(
    "fixed_asset.stop_order_pending",
    "责令停止建设通知书尚未送达，不能结案",
    "三（五）6(3)",
)
STOP_ORDER_ONCE = Rule(
    "fixed_asset.stop_order_once", "本次检查已有责令停止建设通知书", "三（五）6(3)"
)
STOP_ORDER_GROUNDS = Rule(
    "fixed_asset.stop_order_grounds",
    "责令停止建设适用于开工建设不符合强制性节能标准、未通过节能审查或节能审查意见失效后开工等情形；该项目尚未开工建设",
    "三（五）6(3)；《中华人民共和国节约能源法》第六十八条第二款",
)
CLOSE_REASON = Rule("fixed_asset.close_reason", "结案须写明结案说明", "三（五）6")
