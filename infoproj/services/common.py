"""What the stages share: opening a case of 信息技术股 and the people who handle it."""

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.selectors import user_may
from linggao_mi.casework.services import case_create, case_event_record, case_grant_access
from linggao_mi.casework.workflow import CREATE, Workflow
from linggao_mi.org.models import Section

from .. import rules


def it_section() -> Section:
    return Section.objects.get(code=rules.IT_SECTION)


def require_it_member(actor: User, section: Section) -> None:
    """Cases of this regime are opened by the people of 信息技术股 (its chief included)."""
    profile = getattr(actor, "profile", None)
    if not (section.chief_id == actor.pk or (profile is not None and profile.section_id == section.pk)):
        raise RuleViolation(rules.IT_SECTION_ONLY)


def case_open(*, workflow: Workflow, step: str, actor: User, reason: str, late_reason: str = "", **fields):
    """The creating step of `workflow`: the actor (of 信息技术股) opens the case and handles it; the section's chief
    handles and decides. Call inside the creating service's durable transaction."""
    model = workflow.model
    if not user_may(actor, model, CREATE):
        raise PermissionDenied
    section = it_section()
    require_it_member(actor, section)
    state = workflow[step].target
    case = case_create(model=model, actor=actor, section=section, state=state, **fields)
    case_grant_access(case=case, inspectors=[actor])
    case_event_record(
        case=case, actor=actor, action=workflow[step].label, step=step, from_state="", to_state=state,
        reason=reason, late_reason=late_reason,
    )
    return case


def text_required(value: str, rule, what: str = "") -> str:
    value = (value or "").strip()
    if not value:
        raise RuleViolation(rule, what)
    return value
