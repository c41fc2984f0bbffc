"""The quarterly briefing of the key projects (三（三）5) and the yearly report on the IT plans (三（六）6): a case
whose document is built from the period's records, approved and issued through the documents' workflow."""

import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from linggao_mi.casework.rules import RuleViolation
from linggao_mi.documents.services import document_draft

from .. import rules
from ..choices import BriefingKind
from ..models import Briefing, PlanCheck
from ..workflow import BRIEFING_WORKFLOW as WORKFLOW
from .common import case_open

KINDS = {BriefingKind.QUARTERLY: rules.KIND_QUARTERLY_BRIEFING, BriefingKind.PLAN_REPORT: rules.KIND_PLAN_REPORT}


def quarter_bounds(year: int, quarter: int) -> tuple[datetime.date, datetime.date]:
    first = datetime.date(year, 3 * quarter - 2, 1)
    last = datetime.date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1) - datetime.timedelta(days=1)
    return first, last


@transaction.atomic(durable=True)
def briefing_create(
    *, actor: User, kind: str, year: int, quarter: int | None = None, texts: dict | None = None
) -> Briefing:
    """Open the briefing of a quarter that has ended (or the report of a year with checks) and draft its document."""
    kind = BriefingKind(kind)
    today = timezone.localdate()
    if kind == BriefingKind.QUARTERLY:
        if quarter not in (1, 2, 3, 4) or quarter_bounds(year, quarter)[1] >= today:
            raise RuleViolation(rules.QUARTER_NOT_ENDED, f"{year}年第{quarter}季度")
    else:
        quarter = None
        if not PlanCheck.objects.filter(checked_on__year=year).exists():
            raise RuleViolation(rules.REPORT_NO_CHECKS, f"{year}年")
    if Briefing.objects.filter(kind=kind, period_year=year, quarter=quarter).exists():
        raise RuleViolation(rules.BRIEFING_ONCE)
    label = f"{year}年" + (f"第{quarter}季度" if quarter else "")
    case = case_open(
        workflow=WORKFLOW, step="briefing_create", actor=actor, reason=f"{label}{kind.label}",
        kind=kind, period_year=year, quarter=quarter,
    )
    case.document = document_draft(actor=actor, case=case, kind_code=KINDS[kind], texts=texts or {})
    case.save(update_fields=["document"])
    return case


@transaction.atomic(durable=True)
def briefing_issue(*, actor: User, case: Briefing) -> Briefing:
    case, _ = WORKFLOW.run("briefing_issue", case=case, actor=actor, reason=f"{case.document.number}印发")
    return case
