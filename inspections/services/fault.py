"""Fault accountability (三（一）6): the case against one staff member, the decision among the listed sanctions with
its reasons (法制审核, the chief's approval, issue, serving), and the referral to discipline inspection or judicial
organs. A suspension or revocation changes the person's enforcement certificates from its date: from then on the
kit's inspector check (casework.checks.check_inspectors) refuses them for any new step of any regime."""

import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.services import case_event_record
from linggao_mi.deadlines.periods import cn_date
from linggao_mi.documents.services import document_draft
from linggao_mi.org.choices import CertificateStatus
from linggao_mi.org.models import Section
from linggao_mi.org.services import certificates_restrict

from .. import rules
from ..choices import FaultSituation, Referral, Sanction
from ..models import FaultCase, OversightCheck
from ..workflow import FAULT_WORKFLOW as WORKFLOW
from .common import case_open

RESTRICTING = {Sanction.REVOKE: CertificateStatus.REVOKED, Sanction.SUSPEND: CertificateStatus.SUSPENDED}


@transaction.atomic(durable=True)
def fault_open(
    *,
    actor: User,
    person: User,
    situations: list[str],
    evidence: str,
    inspectors: list[User],
    source_check: OversightCheck | None = None,
    section: Section | None = None,
) -> FaultCase:
    situations = sorted(set(map(str, situations)), key=int)
    if not situations or any(s not in FaultSituation.values for s in situations) or not evidence.strip():
        raise RuleViolation(rules.FAULT_SITUATIONS)
    if not hasattr(person, "profile"):
        raise RuleViolation(rules.FAULT_PERSON)
    return case_open(
        workflow=WORKFLOW,
        actor=actor,
        inspectors=inspectors,
        section=section,
        reason=f"{person.get_full_name() or person.username}：{'、'.join(f'（{s}）' for s in situations)}",
        person=person,
        situations=situations,
        evidence=evidence.strip(),
        source_check=source_check,
    )


def check_sanctions(sanctions: list[str], reasons: str, effective_from: datetime.date | None) -> None:
    if not sanctions or any(s not in Sanction.values for s in sanctions) or not (reasons or "").strip():
        raise RuleViolation(rules.SANCTIONS_REQUIRED)
    if set(sanctions) & set(RESTRICTING) and effective_from is None:
        raise RuleViolation(rules.SANCTION_DATE)


@transaction.atomic(durable=True)
def decision_draft(
    *,
    actor: User,
    case: FaultCase,
    sanctions: list[str],
    reasons: str,
    effective_from: datetime.date | None = None,
) -> FaultCase:
    """处理 with reasons (三（一）6), drafted as the decision for 法制审核 and the chief's approval."""
    sanctions = sorted(set(map(str, sanctions)), key=lambda s: Sanction.values.index(s) if s in Sanction.values else 99)

    def check(c: FaultCase) -> None:
        check_sanctions(sanctions, reasons, effective_from)
        if effective_from is not None and effective_from < timezone.localdate():
            raise RuleViolation(rules.SANCTION_DATE, "生效日期不能早于今天")

    def apply(c: FaultCase) -> None:
        c.sanctions, c.reasons, c.effective_from = sanctions, reasons.strip(), effective_from
        c.decision_document = document_draft(actor=actor, case=c, kind_code=rules.KIND_FAULT_DECISION)

    case, _ = WORKFLOW.run(
        "decision_draft",
        case=case,
        actor=actor,
        check=check,
        apply=apply,
        reason="、".join(Sanction(s).label for s in sanctions),
    )
    return case


def decision_served(*, document, actor: User) -> FaultCase:
    """The decision was served (on_served hook): a suspension or revocation changes the person's certificates from
    its effective date (the served date, if that is later)."""

    def check(c: FaultCase) -> None:
        if c.decision_document_id != document.pk:
            raise RuleViolation(rules.SANCTIONS_REQUIRED, "该文书不是本案的过错责任追究决定书")

    changed = []

    def apply(c: FaultCase) -> None:
        restricting = [Sanction(s) for s in c.sanctions if s in RESTRICTING]
        if not restricting:
            return
        status = RESTRICTING[Sanction.REVOKE] if Sanction.REVOKE in restricting else RESTRICTING[Sanction.SUSPEND]
        day = max(c.effective_from, document.served_on)
        changed.extend(
            certificates_restrict(
                holder=c.person, status=status, from_day=day, reason=f"{document.number} {document.kind.name}"
            )
        )

    case, _ = WORKFLOW.run(
        "decision_served",
        case=document.case,
        actor=actor,
        check=check,
        apply=apply,
        reason=f"{document.number}于{cn_date(document.served_on)}送达",
    )
    if changed:
        case_event_record(
            case=case,
            actor=actor,
            action="行政执法证状态变更",
            from_state=case.state,
            to_state=case.state,
            reason="、".join(f"{c.number}{c.get_status_display()}（自{cn_date(c.status_from)}起）" for c in changed),
        )
    return case


@transaction.atomic(durable=True)
def fault_refer(*, actor: User, case: FaultCase, referrals: list[str], note: str) -> FaultCase:
    """需要追究党纪处分的，由纪检部门处理；涉嫌犯罪的，移送司法机关处理 (三（一）6): recorded with the case."""

    def check(c: FaultCase) -> None:
        if not referrals or any(r not in Referral.values for r in referrals) or not note.strip():
            raise RuleViolation(rules.REFERRAL_NOTE)

    def apply(c: FaultCase) -> None:
        c.referrals = sorted(set(c.referrals) | set(referrals))
        c.referral_note = f"{c.referral_note}\n{note.strip()}".strip()

    case, _ = WORKFLOW.run(
        "refer",
        case=case,
        actor=actor,
        check=check,
        apply=apply,
        reason=f"{'、'.join(Referral(r).label for r in referrals)}：{note.strip()}",
    )
    return case


@transaction.atomic(durable=True)
def fault_close(*, actor: User, case: FaultCase, reason: str = "") -> FaultCase:
    def apply(c: FaultCase) -> None:
        c.closed_on = timezone.localdate()

    case, _ = WORKFLOW.run("close", case=case, actor=actor, apply=apply, reason=reason.strip() or "处理决定已执行")
    return case
