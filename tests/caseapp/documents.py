"""The test case's document kinds, registered as a regime registers its own (imported by ready())."""

from linggao_mi.casework.rules import Rule, RuleViolation
from linggao_mi.documents.kinds import KindSpec, Text, register_kind

from .models import DemoCase, DemoState

CASE_CLOSED = Rule("testcases.closed", "已办结的测试案件不能制发或送达文书", "测试规则第一条")
NOTICE_CLAUSE = "测试规则第二条"


def notice_facts(case: DemoCase) -> dict:
    return {
        "unit_name": case.name,
        "case_reference": case.reference,
        "address": "临高县临城镇测试路1号",
    }


def notice_validate(case: DemoCase, content: dict) -> None:
    if case.state == DemoState.CLOSED:
        raise RuleViolation(CASE_CLOSED)


def notice_served(document, actor) -> None:
    """A served notice closes its case; a case already closed refuses the serve."""
    case = DemoCase.objects.select_for_update().get(pk=document.object_id)
    if case.state == DemoState.CLOSED:
        raise RuleViolation(CASE_CLOSED)
    case.state = DemoState.CLOSED
    case.save(update_fields=["state"])


NOTICE = register_kind(
    KindSpec(
        code="test-notice",
        name="测试通知书",
        number_prefix="临工信测",
        template="documents/pdf/generic.html",
        regime="testcases",
        facts=notice_facts,
        texts=(
            Text("addressee", "主送单位", initial=lambda case: case.name),
            Text("body", "正文", rows=8, initial=lambda case: f"经查，{case.name}存在问题。"),
            Text("remark", "备注", required=False, rows=2),
        ),
        validate=notice_validate,
        on_served=notice_served,
        title=lambda case: f"关于{case.name}限期整改的通知",
        clause=NOTICE_CLAUSE,
        fact_labels={"unit_name": "被检查单位", "case_reference": "案号"},
    )
)

ADVICE = register_kind(
    KindSpec(
        code="test-advice",
        name="测试建议书",
        number_prefix="临工信建",
        template="documents/pdf/generic.html",
        regime="testcases",
        facts=lambda case: {"unit_name": case.name},
        texts=(Text("body", "建议"),),
    )
)
