"""The documents of 三（四） as kinds of the documents registry (linggao_mi/documents/kinds.py):

- 节能监察通知书 (5(1)(2)): the 依据, 内容 and 时间 of the inspection (on site) or the date to send materials by
  (in writing), from the case; the 要求 written by the inspector.
- 限期整改通知书 (6(1)(4)(5)(6)): the violations with their facts and legal basis, the period in months from
  receipt, the duty to report, the right to an extension, what follows non-rectification, the remedies.
- 节能监察建议书 (6(2)(4)): the unreasonable uses of energy and the suggested improvements.
- 延期决定书 (6(6)): the decision on the unit's written request, its reasons and the new end of the period.

Facts are what the case states (the periods from the DeadlineRule rows, the bureau from settings); the drafter
writes only the narrative. EnergyConfig.ready() imports this module so that the kinds are registered before
post_migrate makes their DocumentKind rows.
"""

from django.conf import settings
from django.utils import timezone

from linggao_mi.casework.rules import RuleViolation
from linggao_mi.deadlines.periods import cn_date, period_text
from linggao_mi.deadlines.services import rule_get
from linggao_mi.documents.kinds import KindSpec, Text, register_kind

from . import rules
from .choices import ExtensionState, FindingResult, Mode
from .models import InspectionCase
from .workflow import check_notice_lead

TEMPLATE = "documents/pdf/{}.html"

CASE_LABELS = {
    "unit_name": "被监察单位",
    "credit_code": "统一社会信用代码",
    "case_reference": "案件编号",
    "basis": "监察依据",
    "mode": "监察方式",
    "contact_person": "联系人",
    "contact_phone": "联系电话",
}
OUTCOME_LABELS = {**CASE_LABELS, "inspection_date": "监察日期", "inspection_ended": "监察结束日期"}


def _period(code: str) -> str:
    rule = rule_get(code)
    return period_text(rule.amount, rule.unit)


def _contact(case: InspectionCase) -> tuple[str, str]:
    """Who the unit may ask: the case's first inspector; the section's phone, else the inspector's own."""
    inspector = case.inspectors.order_by("pk").first()
    if inspector is None:
        return "", case.section.phone
    profile = getattr(inspector, "profile", None)
    return inspector.get_full_name() or inspector.username, case.section.phone or (profile.phone if profile else "")


def _finding(finding) -> dict:
    return {
        "item": finding.get_item_display(),
        "result": finding.get_result_display(),
        "facts": finding.facts,
        "basis": finding.basis,
    }


def case_facts(case: InspectionCase) -> dict:
    """What every document of the case states: the unit, the case and its checklist, the bureau and a contact."""
    unit = case.unit
    person, phone = _contact(case)
    return {
        "organ": settings.BUREAU_NAME,
        "unit_name": unit.name,
        "credit_code": unit.credit_code,
        "address": unit.address,
        "legal_representative": unit.legal_representative,
        "case_reference": case.reference,
        "basis": case.basis,
        "items": [f.get_item_display() for f in case.findings.all()],
        "mode": case.get_mode_display(),
        "onsite": case.mode == Mode.ONSITE,
        "trigger": case.get_trigger_display(),
        "planned_date": cn_date(case.planned_date),
        "contact_person": person,
        "contact_phone": phone,
    }


def outcome_facts(case: InspectionCase) -> dict:
    """The case's facts and what the inspection found (三（四）6), by result."""
    # Imported on use, as are the services below: EnergyConfig.ready() loads this module only to register the kinds,
    # and the services, which draft them, import this app's workflow and much of the kit.
    from .services.outcome import inspection_day

    findings = [f for f in case.findings.all() if f.result != FindingResult.UNCHECKED]
    by_result = {result: [_finding(f) for f in findings if f.result == result] for result in FindingResult}
    return {
        **case_facts(case),
        "inspection_date": cn_date(inspection_day(case)),
        "inspection_ended": cn_date(case.ended_on),
        "findings": [_finding(f) for f in findings],
        "violations": by_result[FindingResult.VIOLATION],
        "unreasonable": by_result[FindingResult.UNREASONABLE],
        "compliant": by_result[FindingResult.COMPLIANT],
    }


def rectification_facts(case: InspectionCase) -> dict:
    return {
        **outcome_facts(case),
        "months": case.rectification_months,
        "extension_window": _period(rules.RULE_EXTENSION_WINDOW),
        "extension_decision": _period(rules.RULE_EXTENSION_DECISION),
        "extension_max": _period(rules.RULE_EXTENSION_MAX),
        "recommended_to": [r.department.name for r in case.recommendations.select_related("department")],
    }


def extension_facts(case: InspectionCase) -> dict:
    """The decided request the 延期决定书 states: the latest one. A request is decided and its decision drafted in
    one step, and the next request waits for that decision, so a draft's request is the latest decided."""
    request = case.extensions.exclude(state=ExtensionState.PENDING).order_by("-decided_on", "-pk").first()
    notice = case.outcome_document
    deadline = case.rectification_deadline
    facts = {
        **case_facts(case),
        "notice_number": notice.number if notice else "",
        "months": case.rectification_months,
        "rectification_due": cn_date(deadline.due) if deadline else "",
        "extension_max": _period(rules.RULE_EXTENSION_MAX),
        "extension_decided": request is not None,
    }
    if request is not None:
        facts.update(
            extension_granted=request.state == ExtensionState.APPROVED,
            extension_received_on=cn_date(request.received_on),
            extension_requested_months=request.requested_months,
            extension_granted_months=request.granted_months or 0,
            extension_request_reasons=request.reasons,
            extension_reasons=request.decision_reasons,
            extension_decided_on=cn_date(request.decided_on),
        )
    return facts


# ---------------------------------------------------------------- validation: what each document must rest on


def _text(content: dict, key: str) -> str:
    return (content.get(key) or "").strip()


def check_inspection_notice(case: InspectionCase, content: dict) -> None:
    if not (_text(content, "requirements") and _text(content, "basis") and content["items"]):
        raise RuleViolation(rules.NOTICE_CONTENTS)
    # A notice issued today must still reach the unit the lead time before the day on site.
    if case.mode == Mode.ONSITE and case.needs_notice:
        check_notice_lead(timezone.localdate(), case.planned_date)


def check_rectification_notice(case: InspectionCase, content: dict) -> None:
    from .services import check_rectification_months

    violations = content["violations"]
    if not violations or any(not (f["facts"].strip() and f["basis"].strip()) for f in violations):
        raise RuleViolation(rules.OUTCOME_VIOLATION_FACTS)
    check_rectification_months(content["months"])
    if not _text(content, "requirements"):
        raise RuleViolation(rules.RECTIFICATION_REQUIREMENTS)


def check_advice(case: InspectionCase, content: dict) -> None:
    unreasonable = content["unreasonable"]
    if content["violations"] or not unreasonable or any(not f["facts"].strip() for f in unreasonable):
        raise RuleViolation(rules.OUTCOME_UNREASONABLE_FACTS)
    if not _text(content, "suggestions"):
        raise RuleViolation(rules.ADVICE_SUGGESTIONS)


def check_extension_decision(case: InspectionCase, content: dict) -> None:
    if not content["extension_decided"]:
        raise RuleViolation(rules.EXTENSION_DECISION_MISSING, "本案没有已作出决定的延期申请")
    if not _text(content, "extension_reasons"):
        raise RuleViolation(rules.EXTENSION_DECISION_REASONS)
    granted, requested = content["extension_granted_months"], content["extension_requested_months"]
    if content["extension_granted"] and not 0 < granted <= requested:
        raise RuleViolation(rules.EXTENSION_GRANT_EXCEEDS, f"申请延期{requested}个月，准予{granted}个月")


# ---------------------------------------------------------------- serving: the case moves on


def _notice_served(document, actor) -> None:
    from .services import notice_served

    notice_served(document=document, actor=actor)


def _outcome_served(document, actor) -> None:
    from .services import outcome_served

    outcome_served(document=document, actor=actor)


# ---------------------------------------------------------------- the kinds

register_kind(
    KindSpec(
        code=rules.KIND_INSPECTION_NOTICE,
        name="节能监察通知书",
        number_prefix="临工信节监通",
        template=TEMPLATE.format(rules.KIND_INSPECTION_NOTICE),
        regime="energy",
        facts=case_facts,
        texts=(
            Text(
                "requirements",
                "监察要求",
                rows=5,
                initial=lambda case: case.notice_requirements,
                help="被监察单位应当准备的材料、到场人员等；监察依据、内容和时间由案件生成。",
            ),
        ),
        validate=check_inspection_notice,
        on_served=_notice_served,
        description="将监察的依据、内容、时间和要求书面通知被监察单位；现场监察须提前送达。",
        clause="三（四）5(1)(2)",
        fact_labels={**CASE_LABELS, "planned_date": "监察时间（书面监察为报送材料期限）"},
    )
)

register_kind(
    KindSpec(
        code=rules.KIND_RECTIFICATION_NOTICE,
        name="限期整改通知书",
        number_prefix="临工信节监改",
        template=TEMPLATE.format(rules.KIND_RECTIFICATION_NOTICE),
        regime="energy",
        facts=rectification_facts,
        texts=(
            Text(
                "requirements",
                "整改要求",
                rows=6,
                initial=lambda case: case.rectification_requirements,
                help="每行一项整改要求；违法事实、依据和整改期限由案件生成。",
            ),
        ),
        validate=check_rectification_notice,
        on_served=_outcome_served,
        description="有违反节能法律、法规、规章和强制性标准行为的，责令被监察单位限期整改。",
        clause="三（四）6(1)",
        fact_labels={**OUTCOME_LABELS, "months": "整改期限（月）"},
    )
)

register_kind(
    KindSpec(
        code=rules.KIND_ADVICE,
        name="节能监察建议书",
        number_prefix="临工信节监建",
        template=TEMPLATE.format(rules.KIND_ADVICE),
        regime="energy",
        facts=outcome_facts,
        texts=(
            Text(
                "suggestions",
                "改进建议",
                rows=6,
                initial=lambda case: case.suggestions,
                help="每行一项建议采取的改进措施；不合理用能情况由案件生成。",
            ),
        ),
        validate=check_advice,
        on_served=_outcome_served,
        description="有不合理用能行为、尚未违反节能法律法规和强制性标准的，建议被监察单位采取措施改进。",
        clause="三（四）6(2)",
        fact_labels=OUTCOME_LABELS,
    )
)

register_kind(
    KindSpec(
        code=rules.KIND_EXTENSION_DECISION,
        name="延期决定书",
        number_prefix="临工信节监延",
        template=TEMPLATE.format(rules.KIND_EXTENSION_DECISION),
        regime="energy",
        facts=extension_facts,
        texts=(
            Text("remarks", "其他说明", required=False, rows=3, help="如有需要告知被监察单位的其他事项，在此填写。"),
        ),
        validate=check_extension_decision,
        description="对被监察单位延长整改期限的书面申请作出准予或者不予延期的决定。",
        clause="三（四）6(6)",
        fact_labels={
            **CASE_LABELS,
            "notice_number": "限期整改通知书文号",
            "extension_received_on": "收到申请日期",
            "extension_requested_months": "申请延期（月）",
            "extension_granted_months": "准予延期（月）",
            "extension_reasons": "决定理由",
            "rectification_due": "整改期限届满日",
        },
    )
)
