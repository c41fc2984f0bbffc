"""The measures of 三（五）6, each with its legal basis; 责令停止建设 is issued as a 责令停止建设通知书. Where the
breach is the bureau's to punish (节约能源法 第六十八条第二款: a project below the mandatory standards), the measure
records the penalty basis and range: the portal has no discretion catalogue yet (issue 8 builds it)."""

import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from linggao_mi.casework.checks import late_entry
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.deadlines.periods import cn_date
from linggao_mi.documents.services import document_draft

from .. import rules
from ..choices import MeasureKind, TriggerCode
from ..models import ProjectCheck, ProjectMeasure, ProjectTrigger
from ..workflow import WORKFLOW


@transaction.atomic(durable=True)
def measure_decide(
    *,
    actor: User,
    case: ProjectCheck,
    kind: str,
    facts: str,
    trigger: ProjectTrigger | None = None,
    decided_on: datetime.date | None = None,
    requirements: str = "",
    late_reason: str = "",
) -> ProjectMeasure:
    """Decide one measure (the section's chief or a leader); a stop order is drafted for approval and issue."""
    kind = MeasureKind(kind)
    decided_on = decided_on or timezone.localdate()
    late = late_entry(decided_on, "决定日期", case=case, late_reason=late_reason)

    def check(c: ProjectCheck) -> None:
        if not facts.strip():
            raise RuleViolation(rules.MEASURE_FACTS)
        if trigger is not None and trigger.project_id != c.project_id:
            raise RuleViolation(rules.MEASURE_NEEDS_TRIGGER, "所选情形不属于本项目")
        if kind == MeasureKind.STOP:
            if c.stop_order_document_id is not None:
                raise RuleViolation(rules.STOP_ORDER_ONCE)
            if c.project.construction_started_on is None:
                raise RuleViolation(rules.STOP_ORDER_GROUNDS)
            if not requirements.strip():
                raise RuleViolation(rules.MEASURE_FACTS, "请写明停止建设及限期改造的要求")

    def apply(c: ProjectCheck) -> ProjectMeasure:
        below = c.project.triggers.filter(code=TriggerCode.BELOW_STANDARD).exists()
        punishable = (trigger is not None and trigger.code == TriggerCode.BELOW_STANDARD) or (
            kind == MeasureKind.STOP and below
        )
        measure = ProjectMeasure.objects.create(
            check_case=c, kind=kind, trigger=trigger, basis=rules.MEASURE_BASIS[kind], facts=facts.strip(),
            decided_on=decided_on, decided_by=actor,
            penalty_basis=rules.PENALTY_BASIS if punishable else "",
            penalty_range=rules.PENALTY_RANGE if punishable else "",
        )
        if kind == MeasureKind.STOP:
            c.stop_order_document = document_draft(
                actor=actor, case=c, kind_code=rules.KIND_STOP_ORDER,
                texts={"facts": facts, "requirements": requirements},
            )
        return measure

    _, measure = WORKFLOW.run(
        "measure", case=case, actor=actor, check=check, apply=apply,
        reason=f"{kind.label}（{cn_date(decided_on)}；依据：{rules.MEASURE_BASIS[kind]}）", late_reason=late,
    )
    return measure


def stop_order_served(*, document, actor: User) -> ProjectCheck:
    """The stop order's on_served hook: the case notes it; the project's history shows the order served."""

    def check(c: ProjectCheck) -> None:
        if c.stop_order_document_id != document.pk:
            raise RuleViolation(rules.DOCUMENT_NOT_ISSUED, "该文书不是本次检查的责令停止建设通知书")

    case, _ = WORKFLOW.run(
        "stop_order_served", case=document.case, actor=actor, check=check,
        reason=f"{document.number}于{cn_date(document.served_on)}送达",
    )
    return case
