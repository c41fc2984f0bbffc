"""The documents of 三（一） as kinds of the documents registry (linggao_mi/documents/kinds.py):

- 《执法监督通知（决定）书》 (三（一）5): its 5 required contents — the checked unit; the facts and reasons; the
  decision and its basis; the manner and deadline of execution; the issuing department and date with the seal (the kit's
  signature block) — all from the case; the right to apply for 复查 within the rule's days.
- 复查决定书 (三（一）5): the application, the decision (维持、变更、撤销) and its reasons.
- 行政执法过错责任追究决定书 (三（一）6): the person, the situations and evidence, the sanctions and reasons.

Each is a major decision: `before_approve` refuses the chief's approval until 法制审核 has passed the document as it
stands (services/legal.py). InspectionsConfig.ready() imports this module so the kinds are registered.
"""

from django.conf import settings

from linggao_mi.casework.rules import RuleViolation
from linggao_mi.deadlines.periods import cn_date, period_text
from linggao_mi.deadlines.services import rule_get
from linggao_mi.documents.kinds import KindSpec, Text, register_kind

from . import rules
from .choices import FaultSituation, NoticeSituation, Referral, Sanction

TEMPLATE = "documents/pdf/{}.html"


def _period(code: str) -> str:
    rule = rule_get(code)
    return period_text(rule.amount, rule.unit)


def _labels(choices, values) -> list[str]:
    return [choices(v).label for v in values]


def notice_facts(case) -> dict:
    return {
        "organ": settings.BUREAU_NAME,
        "addressee": case.checked_section.name,
        "unit_name": case.checked_section.name,
        "case_reference": case.reference,
        "source_check": case.source_check.reference if case.source_check_id else "",
        "situations": _labels(NoticeSituation, case.situations),
        "facts": case.facts,
        "decision": case.get_decision_display(),
        "decision_text": case.decision_text,
        "basis": case.basis,
        "execution": case.execution,
        "correction_days": case.correction_days,
        "review_window": _period(rules.RULE_REVIEW_WINDOW),
        "review_decision": _period(rules.RULE_REVIEW_DECISION),
    }


def check_notice(case, content: dict) -> None:
    """The 5 contents of 三（一）5 (the department, date and seal are the document's signature block)."""
    required = ("unit_name", "facts", "decision_text", "basis", "execution")
    if not content["situations"]:
        raise RuleViolation(rules.NOTICE_SITUATIONS)
    if any(not str(content[key]).strip() for key in required) or not content["correction_days"]:
        raise RuleViolation(rules.NOTICE_CONTENTS)


def review_facts(case) -> dict:
    notice = case.notice_document
    return {
        **notice_facts(case),
        "notice_number": notice.number if notice else "",
        "notice_served_on": cn_date(case.served_on) if case.served_on else "",
        "review_received_on": cn_date(case.review_received_on) if case.review_received_on else "",
        "review_grounds": case.review_grounds,
        "review_result": case.get_review_result_display(),
        "review_reasons": case.review_reasons,
    }


def check_review(case, content: dict) -> None:
    if not (case.review_result and content["review_reasons"].strip() and content["review_received_on"]):
        raise RuleViolation(rules.REVIEW_DECISION)


def fault_facts(case) -> dict:
    person = case.person
    return {
        "organ": settings.BUREAU_NAME,
        "addressee": person.get_full_name() or person.username,
        "case_reference": case.reference,
        "certificates": list(person.certificates.order_by("number").values_list("number", flat=True)),
        "situations": _labels(FaultSituation, case.situations),
        "evidence": case.evidence,
        "sanctions": _labels(Sanction, case.sanctions),
        "reasons": case.reasons,
        "effective_from": cn_date(case.effective_from) if case.effective_from else "",
        "referrals": _labels(Referral, case.referrals),
    }


def check_fault(case, content: dict) -> None:
    from .services.fault import check_sanctions

    check_sanctions(case.sanctions, case.reasons, case.effective_from)


def _legal_passed(document, case) -> None:
    from .services.legal import legal_review_require_passed

    legal_review_require_passed(document)


def _hook(name: str):
    def served(document, actor) -> None:
        from . import services

        getattr(services, name)(document=document, actor=actor)

    return served


REMARKS = Text(
    "remarks", "其他事项", required=False, rows=3, help="如有需要告知的其他事项，在此填写；其余内容由案件生成。"
)

register_kind(
    KindSpec(
        code=rules.KIND_SUPERVISION_NOTICE,
        name="执法监督通知（决定）书",
        number_prefix="临工信执监",
        template=TEMPLATE.format(rules.KIND_SUPERVISION_NOTICE),
        regime="inspections",
        facts=notice_facts,
        texts=(REMARKS,),
        validate=check_notice,
        on_served=_hook("notice_served"),
        before_approve=_legal_passed,
        description="对三（一）5所列情形责令纠正或者撤销，载明其5项内容；经法制审核、股长批准后签发。",
        title=lambda case: f"关于{case.checked_section.name}{case.get_decision_display()}的执法监督通知（决定）书",
        clause="三（一）5",
        fact_labels={
            "unit_name": "被检查的单位",
            "facts": "认定的事实和理由",
            "decision_text": "处理的决定",
            "basis": "处理依据",
            "execution": "执行处理决定的方式",
            "correction_days": "执行期限（日）",
        },
    )
)

register_kind(
    KindSpec(
        code=rules.KIND_REVIEW_DECISION,
        name="复查决定书",
        number_prefix="临工信执监复",
        template=TEMPLATE.format(rules.KIND_REVIEW_DECISION),
        regime="inspections",
        facts=review_facts,
        texts=(REMARKS,),
        validate=check_review,
        on_served=_hook("review_served"),
        before_approve=_legal_passed,
        description="对被检查的单位的复查申请作出维持、变更或者撤销原决定的复查决定。",
        title=lambda case: f"关于{case.checked_section.name}复查申请的复查决定书",
        clause="三（一）5",
        fact_labels={
            "notice_number": "原通知书文号",
            "review_received_on": "收到复查申请日期",
            "review_result": "复查决定",
            "review_reasons": "复查理由",
        },
    )
)

register_kind(
    KindSpec(
        code=rules.KIND_FAULT_DECISION,
        name="行政执法过错责任追究决定书",
        number_prefix="临工信执过",
        template=TEMPLATE.format(rules.KIND_FAULT_DECISION),
        regime="inspections",
        facts=fault_facts,
        texts=(REMARKS,),
        validate=check_fault,
        on_served=_hook("decision_served"),
        before_approve=_legal_passed,
        description="对被确认为行政执法过错的责任人作出处理（三（一）6）。",
        title=lambda case: f"关于追究{case.person.get_full_name() or case.person.username}行政执法过错责任的决定书",
        clause="三（一）6",
        fact_labels={
            "addressee": "责任人",
            "situations": "过错情形",
            "sanctions": "处理",
            "reasons": "处理理由",
            "effective_from": "生效日期",
        },
    )
)
