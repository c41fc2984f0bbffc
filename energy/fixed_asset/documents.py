"""The documents of 三（五） as kinds of the documents registry:

- 固定资产投资项目节能监察检查通知书 (5(2)): the project, the kind and date of the check and what it covers (the five
  matters of 2), from the case; the materials to prepare written by the inspector.
- 固定资产投资项目节能监察检查反馈意见书 (5(8)): the steps as they were taken and the matters found, from the case;
  the results and the suggestions on matters to coordinate written by the inspector.
- 责令停止建设通知书 (6(3)): the matters found with their clauses, the order and its legal basis; the facts and the
  requirements (停止建设、限期改造) written by the deciding chief.
"""

from django.conf import settings

from linggao_mi.casework.rules import RuleViolation
from linggao_mi.deadlines.periods import cn_date
from linggao_mi.documents.kinds import KindSpec, Text, register_kind

from . import rules
from .choices import CheckKind, MeasureKind, TriggerCode
from .models import ProjectCheck

TEMPLATE = "documents/pdf/{}.html"
LABELS = {
    "unit_name": "项目建设单位",
    "credit_code": "统一社会信用代码",
    "project_name": "项目名称",
    "location": "建设地点",
    "case_reference": "检查编号",
    "check_kind": "检查类型",
}


def check_facts(case: ProjectCheck) -> dict:
    project, unit = case.project, case.project.owner
    return {
        "organ": settings.BUREAU_NAME,
        "unit_name": unit.name,
        "credit_code": unit.credit_code,
        "address": unit.address,
        "project_name": project.name,
        "location": project.location,
        "review_opinion_number": project.review_opinion_number,
        "case_reference": case.reference,
        "check_kind": CheckKind(case.kind).label.split("（")[0],
        "planned_date": cn_date(case.planned_date),
        "items": [f"{t.label}（{rules.TRIGGER_CLAUSES[t]}）" for t in TriggerCode],
    }


def _triggers(case: ProjectCheck) -> list[dict]:
    return [
        {"label": t.get_code_display(), "clause": t.clause, "since": cn_date(t.since), "facts": t.facts}
        for t in case.project.triggers.all()
    ]


def feedback_facts(case: ProjectCheck) -> dict:
    steps = [
        {
            "step": r.step,
            "label": r.get_step_display(),
            "date": cn_date(r.done_on),
            "people": "、".join(u.get_full_name() or u.username for u in r.inspectors.order_by("pk")),
        }
        for r in case.step_records.prefetch_related("inspectors")
    ]
    return {**check_facts(case), "steps": steps, "triggers": _triggers(case)}


def stop_order_facts(case: ProjectCheck) -> dict:
    return {
        **check_facts(case),
        "triggers": _triggers(case),
        "basis": rules.MEASURE_BASIS[MeasureKind.STOP],
        "construction_started_on": cn_date(case.project.construction_started_on),
    }


def _text(content: dict, key: str) -> str:
    return (content.get(key) or "").strip()


def check_notice(case: ProjectCheck, content: dict) -> None:
    if not case.announced:
        raise RuleViolation(rules.NOTICE_NOT_COVERT)
    if not _text(content, "requirements"):
        raise RuleViolation(rules.NOTICE_CONTENTS)


def check_feedback(case: ProjectCheck, content: dict) -> None:
    if not (_text(content, "results") and _text(content, "suggestions")):
        raise RuleViolation(rules.FEEDBACK_CONTENTS)


def check_stop_order(case: ProjectCheck, content: dict) -> None:
    if not content["triggers"]:
        raise RuleViolation(rules.MEASURE_NEEDS_TRIGGER)
    if not content["construction_started_on"]:
        raise RuleViolation(rules.STOP_ORDER_GROUNDS)


def _notice_served(document, actor) -> None:
    from .services import notice_served

    notice_served(document=document, actor=actor)


def _feedback_served(document, actor) -> None:
    from .services import feedback_served

    feedback_served(document=document, actor=actor)


def _stop_order_served(document, actor) -> None:
    from .services import stop_order_served

    stop_order_served(document=document, actor=actor)


register_kind(
    KindSpec(
        code=rules.KIND_CHECK_NOTICE,
        name="固定资产投资项目节能监察检查通知书",
        number_prefix="临工信固检通",
        template=TEMPLATE.format(rules.KIND_CHECK_NOTICE),
        regime="energy",
        facts=check_facts,
        texts=(
            Text("requirements", "检查要求", rows=5, help="需要准备的材料、到场人员等；项目、内容和时间由案件生成。"),
        ),
        validate=check_notice,
        on_served=_notice_served,
        description="下发检查通知，告知项目建设单位检查的内容、时间和要求。",
        clause="三（五）5(2)",
        fact_labels={**LABELS, "planned_date": "检查时间"},
    )
)

register_kind(
    KindSpec(
        code=rules.KIND_FEEDBACK,
        name="固定资产投资项目节能监察检查反馈意见书",
        number_prefix="临工信固检反",
        template=TEMPLATE.format(rules.KIND_FEEDBACK),
        regime="energy",
        facts=feedback_facts,
        texts=(
            Text("results", "检查结果", rows=6, help="通报检查结果：检查发现的情况（已认定的情形由案件生成）。"),
            Text("suggestions", "建议意见", rows=5, help="对需要协调解决的事项提出的建议意见，每行一项。"),
        ),
        validate=check_feedback,
        on_served=_feedback_served,
        description="反馈意见，通报检查结果，对需要协调解决的事项提出建议意见。",
        clause="三（五）5(8)",
        fact_labels=LABELS,
    )
)

register_kind(
    KindSpec(
        code=rules.KIND_STOP_ORDER,
        name="责令停止建设通知书",
        number_prefix="临工信固停",
        template=TEMPLATE.format(rules.KIND_STOP_ORDER),
        regime="energy",
        facts=stop_order_facts,
        texts=(
            Text("facts", "违法违规事实", rows=5),
            Text("requirements", "停止建设及限期改造要求", rows=5, help="每行一项。"),
        ),
        validate=check_stop_order,
        on_served=_stop_order_served,
        description="对违法违规的固定资产投资项目依法责令停止建设。",
        clause="三（五）6(3)",
        fact_labels={**LABELS, "construction_started_on": "开工建设日期", "basis": "法律依据"},
    )
)
