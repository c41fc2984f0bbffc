"""立案 and the written notice (三（四）3, 5(1)(2)): choosing the unit, contents, mode, people and date; the
节能监察通知书 drafted here and served through the documents' workflow; a recorded correction of the date."""

import datetime

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from linggao_mi.casework.checks import EARLIEST, check_inspectors
from linggao_mi.casework.rules import DATE_OUT_OF_RANGE, LATE_ENTRY_REASON, RuleViolation
from linggao_mi.casework.selectors import user_may
from linggao_mi.casework.services import case_create, case_event_record, case_grant_access, opening_service
from linggao_mi.casework.workflow import CREATE
from linggao_mi.deadlines.periods import cn_date
from linggao_mi.documents.services import document_draft
from linggao_mi.org.models import Section

from .. import rules
from ..choices import CaseState, CheckItem, Mode, Trigger
from ..models import EnergyUnit, Finding, InspectionCase
from ..workflow import WORKFLOW, check_notice_lead, notice_outdated


def _inspectors_for(mode: str, inspectors: list[User], day: datetime.date, section: Section) -> None:
    """On site at least two (三（四）5(3)); in writing at least one; each certified that day, of the section."""
    minimum = 2 if mode == Mode.ONSITE else 1
    check_inspectors(inspectors, day, section=section, minimum=minimum, rule=rules.TWO_INSPECTORS)


@opening_service
def inspection_plan(
    *,
    actor: User,
    unit: EnergyUnit,
    mode: str,
    trigger: str,
    planned_date: datetime.date,
    items: list[str],
    inspectors: list[User],
    basis: str = "",
    section: Section | None = None,
    late_reason: str = "",
) -> InspectionCase:
    """立案: the unit, the contents (三（四）2), the mode (3), the trigger, the date and the people.

    A date in the past records an inspection made before it was entered (补录): allowed only with a reason.
    """
    if not user_may(actor, InspectionCase, CREATE):
        raise PermissionDenied
    mode, trigger = Mode(mode), Trigger(trigger)
    items = sorted(set(map(str, items)))
    if not items or any(i not in CheckItem.values for i in items):
        raise RuleViolation(rules.CHECKLIST_EMPTY)
    today = timezone.localdate()
    if planned_date < EARLIEST:
        raise RuleViolation(DATE_OUT_OF_RANGE, f"计划监察日期为{planned_date:%Y-%m-%d}")
    late = planned_date < today
    if late and not late_reason.strip():
        raise RuleViolation(LATE_ENTRY_REASON, f"计划监察日期{cn_date(planned_date)}早于今天")
    if section is None:
        profile = getattr(actor, "profile", None)
        section_id = profile.section_id if profile else None
        section = Section.objects.get(pk=section_id) if section_id else Section.objects.get(code="industry")
    _inspectors_for(mode, inspectors, planned_date, section)
    if mode == Mode.ONSITE and trigger.needs_notice:
        check_notice_lead(today, planned_date)
    case = case_create(
        model=InspectionCase,
        actor=actor,
        unit=unit,
        mode=mode,
        trigger=trigger,
        planned_date=planned_date,
        section=section,
        state=CaseState.PLANNED,
        **({"basis": basis} if basis.strip() else {}),
    )
    bulk_create_with_history([Finding(case=case, item=i) for i in items], Finding, default_user=actor)
    case_grant_access(case=case, inspectors=inspectors)
    case_event_record(
        case=case,
        actor=actor,
        action=WORKFLOW["plan"].label,
        step="plan",
        from_state="",
        to_state=case.state,
        reason=f"{mode.label}（{trigger.label}），计划{cn_date(planned_date)}",
        late_reason=late_reason.strip() if late else "",
    )
    return case


@transaction.atomic(durable=True)
def notice_draft(*, actor: User, case: InspectionCase, requirements: str) -> InspectionCase:
    """Draft the 节能监察通知书 (依据, 内容 and 时间 from the case; the 要求 written here) for approval."""

    def apply(c: InspectionCase) -> None:
        c.notice_requirements = requirements.strip()
        c.notice_document = document_draft(
            actor=actor, case=c, kind_code=rules.KIND_INSPECTION_NOTICE, texts={"requirements": requirements}
        )

    case, _ = WORKFLOW.run("notice_draft", case=case, actor=actor, apply=apply, reason="报送审批后签发、送达")
    return case


def notice_served(*, document, actor: User) -> InspectionCase:
    """The 节能监察通知书 was served (the documents' on_served hook, inside the serving transaction).

    On site, the notice must reach the unit the lead time before the planned day: a notice served too late is
    refused here (and the serve with it) — correct the planned date first.
    """
    served_on = document.served_on

    def check(c: InspectionCase) -> None:
        if c.notice_document_id != document.pk:
            raise RuleViolation(rules.NOTICE_REQUIRED, "该文书不是本案的节能监察通知书")
        if notice_outdated(document, c):
            raise RuleViolation(
                rules.PLAN_CORRECTION,
                f"计划监察日期已更正为{cn_date(c.planned_date)}，该通知书所载时间已失效，请重新起草通知书",
            )
        if c.mode == Mode.ONSITE:
            check_notice_lead(served_on, c.planned_date)

    def apply(c: InspectionCase) -> None:
        c.notice_served_on = served_on

    case, _ = WORKFLOW.run(
        "notice_served", case=document.case, actor=actor, check=check, apply=apply,
        reason=f"{document.number}于{cn_date(served_on)}送达",
    )
    return case


@transaction.atomic(durable=True)
def plan_correct(*, actor: User, case: InspectionCase, planned_date: datetime.date, reason: str) -> InspectionCase:
    """Change the planned date by a recorded correction: the notice lead and the certificates are checked again
    against the new date, and the timeline keeps the old date, the new one and why."""
    old = case.planned_date

    def check(c: InspectionCase) -> None:
        if not reason.strip():
            raise RuleViolation(rules.PLAN_CORRECTION, "请写明更正理由")
        if planned_date < timezone.localdate():
            raise RuleViolation(rules.PLAN_CORRECTION, "更正后的监察日期不能早于今天")
        if c.needs_notice:
            check_notice_lead(c.notice_served_on or timezone.localdate(), planned_date)
        _inspectors_for(c.mode, list(c.inspectors.all()), planned_date, c.section)

    def apply(c: InspectionCase) -> None:
        c.planned_date = planned_date

    case, _ = WORKFLOW.run(
        "plan_correct", case=case, actor=actor, check=check, apply=apply,
        reason=f"计划监察日期由{cn_date(old)}更正为{cn_date(planned_date)}：{reason.strip()}",
    )
    return case
