"""Rule violations: every rule of the source is a constant that carries its message and its clause."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    code: str
    message: str
    clause: str

    def __str__(self) -> str:
        return f"{self.message}（依据：{self.clause}）"


class RuleViolation(Exception):
    """A write refused because it would break `rule`; str() is the message shown to the user."""

    def __init__(self, rule: Rule, detail: str = ""):
        self.rule = rule
        self.detail = detail
        super().__init__(f"{rule}{'：' + detail if detail else ''}")


STATE_FORBIDS = Rule("state", "案件当前状态不允许此操作，可能已被他人办理，请刷新后重试", "本平台办案流程")

# Dates a step records (shared by every regime).
EARLIEST_DATE = "2000-01-01"
DATE_OUT_OF_RANGE = Rule(
    "date.range", "登记的日期须在2000年1月1日至今天之间（不能晚于今天）", "本平台办案流程"
)
LATE_ENTRY_REASON = Rule(
    "date.late_entry",
    "登记的日期早于立案日期，属于补录，须写明补录理由（办理记录中将标明为补录）",
    "国办发〔2018〕118号（执法全过程记录制度）",
)
DATE_ORDER = Rule("date.order", "登记的日期不能早于本案前一环节的日期", "本平台办案流程")
# Who may be assigned to a case (shared by every regime that assigns enforcement staff).
INSPECTORS_DISTINCT = Rule("inspectors.distinct", "同一名执法人员不能重复指定", "本平台办案流程")
INSPECTOR_QUALIFIED = Rule(
    "inspectors.qualified",
    "承办人员须为本案承办股室的人员，并持有当日有效的行政执法证件",
    "《海南省行政执法证件管理办法》；三（四）5(3)",
)
DECISION_NEEDS_CHIEF = Rule(
    "decision.chief",
    "此项决定以本局名义作出，须由本股室股长或局领导决定；承办人员可提出意见后报请决定",
    "本局行政执法决定审批制度",
)
