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
