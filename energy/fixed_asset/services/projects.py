"""The project register (三（五）1) and its triggers (三（五）2): the portal finds (1)(4)(5) from the recorded dates
and figures whenever they change and, for (4), every day (tasks.py); an inspector records (2)(3)."""

import datetime
import logging
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from linggao_mi.casework.checks import check_date
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.selectors import user_may
from linggao_mi.casework.workflow import CREATE
from linggao_mi.deadlines.models import Deadline
from linggao_mi.deadlines.services import deadline_open
from linggao_mi.org.models import Section

from ...models import EnergyUnit
from ...validators import normalize_credit_code
from .. import rules
from ..choices import RECORDED_TRIGGERS, ReviewStatus, TriggerCode
from ..models import FixedAssetProject, ProjectChange, ProjectCheck, ProjectTrigger
from ..triggers import computed_triggers, not_started

logger = logging.getLogger(__name__)

ADD, CHANGE = "energy.add_fixedassetproject", "energy.change_fixedassetproject"
PROJECT_FIELDS = (
    "name", "location", "total_investment", "review_status", "review_opinion_number", "review_passed_on",
    "approved_annual_consumption_tce", "construction_planned_on", "construction_started_on", "production_started_on",
)
PERIODIC_LABEL = "年度定期检查"


def _require(actor: User, perm: str) -> None:
    if not actor.has_perm(perm) or actor.is_superuser:
        raise PermissionDenied


def _owner(credit_code: str) -> EnergyUnit:
    unit = EnergyUnit.objects.filter(credit_code=normalize_credit_code(credit_code)).first()
    if unit is None:
        raise RuleViolation(rules.OWNER_NOT_REGISTERED, f"统一社会信用代码{credit_code}")
    return unit


def _check_facts(project: FixedAssetProject) -> None:
    if project.review_passed:
        if not (project.review_passed_on and project.approved_annual_consumption_tce):
            raise RuleViolation(rules.REVIEW_FACTS)
    elif project.review_passed_on:
        raise RuleViolation(rules.REVIEW_NOT_PASSED_FACTS)
    if project.approved_annual_consumption_tce is not None and project.approved_annual_consumption_tce <= 0:
        raise RuleViolation(rules.CONSUMPTION_POSITIVE)
    for day, what in (
        (project.review_passed_on, "通过节能审查日期"),
        (project.construction_started_on, "实际开工日期"),
        (project.production_started_on, "投入生产、使用日期"),
    ):
        if day is not None:
            check_date(day, what)
    if project.production_started_on and (
        not project.construction_started_on or project.production_started_on < project.construction_started_on
    ):
        raise RuleViolation(rules.DATE_ORDER)


def _sync_triggers(project: FixedAssetProject, today: datetime.date) -> list[ProjectTrigger]:
    """Store the computed triggers the project does not hold yet. A trigger once found stays: it is the history
    of the project (a later correction of the figures is itself recorded in the project's history)."""
    held = set(project.triggers.values_list("code", flat=True))
    made = []
    for found in computed_triggers(project, today):
        if found.code in held:
            continue
        made.append(
            ProjectTrigger.objects.create(
                project=project, code=found.code, clause=found.clause, since=found.since, facts=found.facts
            )
        )
    return made


def _section_for(actor: User) -> Section:
    profile = getattr(actor, "profile", None)
    if profile is not None and profile.section_id:
        return profile.section
    return Section.objects.get(code="industry")


def _save(project: FixedAssetProject, actor: User, reason: str) -> None:
    project._history_user = actor
    project._change_reason = reason
    project.full_clean(exclude=["owner", "section", "created_by"])
    project.save()


@transaction.atomic(durable=True)
def project_create(*, actor: User, owner_credit_code: str, **fields) -> FixedAssetProject:
    """Register a project of a registered unit; its yearly periodic check starts counting today (三（五）4(1))."""
    _require(actor, ADD)
    unknown = set(fields) - set(PROJECT_FIELDS)
    if unknown:
        raise TypeError(f"unknown project fields: {sorted(unknown)}")
    project = FixedAssetProject(
        owner=_owner(owner_credit_code), section=_section_for(actor), created_by=actor, **fields
    )
    project.review_status = ReviewStatus(project.review_status)
    _check_facts(project)
    _save(project, actor, "登记项目")
    today = timezone.localdate()
    deadline_open(case=project, rule_code=rules.RULE_PERIODIC_CHECK, start=today, label=PERIODIC_LABEL)
    _sync_triggers(project, today)
    return project


@transaction.atomic(durable=True)
def project_progress_record(
    *,
    actor: User,
    project: FixedAssetProject,
    construction_started_on: datetime.date | None = None,
    production_started_on: datetime.date | None = None,
) -> FixedAssetProject:
    """Record the actual start of construction and of production or use; the triggers are found again."""
    _require(actor, CHANGE)
    project = FixedAssetProject.objects.select_for_update().get(pk=project.pk)
    if construction_started_on is not None:
        project.construction_started_on = construction_started_on
    if production_started_on is not None:
        project.production_started_on = production_started_on
    _check_facts(project)
    _save(project, actor, "登记开工、投产情况")
    _sync_triggers(project, timezone.localdate())
    return project


@transaction.atomic(durable=True)
def project_change_record(
    *,
    actor: User,
    project: FixedAssetProject,
    kind: str,
    description: str,
    expected_annual_consumption_tce: Decimal,
    changed_on: datetime.date | None = None,
) -> ProjectChange:
    """A change of scale, content or scheme with its new expected consumption; 20% or more up is a trigger."""
    _require(actor, CHANGE)
    project = FixedAssetProject.objects.select_for_update().get(pk=project.pk)
    if not project.approved_annual_consumption_tce:
        raise RuleViolation(rules.CHANGE_NEEDS_REVIEW)
    if not description.strip():
        raise RuleViolation(rules.CHANGE_DESCRIPTION)
    if expected_annual_consumption_tce is None or expected_annual_consumption_tce <= 0:
        raise RuleViolation(rules.CONSUMPTION_POSITIVE)
    changed_on = changed_on or timezone.localdate()
    check_date(changed_on, "变化登记日期")
    change = ProjectChange(
        project=project, kind=kind, description=description.strip(), changed_on=changed_on,
        expected_annual_consumption_tce=expected_annual_consumption_tce, recorded_by=actor,
    )
    change.full_clean()
    change.save()
    _sync_triggers(project, timezone.localdate())
    return change


@transaction.atomic(durable=True)
def trigger_record(
    *,
    actor: User,
    project: FixedAssetProject,
    code: str,
    since: datetime.date,
    facts: str,
    verified_consumption_tce: Decimal | None = None,
) -> ProjectTrigger:
    """An inspector's finding of 三（五）2(2) (below the mandatory standards) or (3) (falsified registration)."""
    if not user_may(actor, ProjectCheck, CREATE):
        raise PermissionDenied
    code = TriggerCode(code)
    if code not in RECORDED_TRIGGERS:
        raise RuleViolation(rules.TRIGGER_NOT_RECORDED, code.label)
    project = FixedAssetProject.objects.select_for_update().get(pk=project.pk)
    if not facts.strip() or since is None:
        raise RuleViolation(rules.TRIGGER_FACTS)
    check_date(since, "发现日期")
    if code == TriggerCode.FALSIFIED:
        if project.review_status != ReviewStatus.REGISTERED:
            raise RuleViolation(rules.FALSIFIED_NEEDS_REGISTRATION)
        if not verified_consumption_tce or verified_consumption_tce <= 0:
            raise RuleViolation(rules.FALSIFIED_FIGURES)
    if project.triggers.filter(code=code).exists():
        raise RuleViolation(rules.TRIGGER_ALREADY, code.label)
    return ProjectTrigger.objects.create(
        project=project, code=code, clause=rules.TRIGGER_CLAUSES[code], since=since, facts=facts.strip(),
        verified_consumption_tce=verified_consumption_tce if code == TriggerCode.FALSIFIED else None,
        recorded_by=actor,
    )


def triggers_detect(*, today: datetime.date | None = None) -> list[int]:
    """The daily sweep (CELERY_BEAT_SCHEDULE): projects not started within two years after passing their review
    (三（五）2(4)) get their trigger. Each project in its own short transaction; a second run finds nothing new.
    Returns the ids of the projects newly found."""
    today = today or timezone.localdate()
    # Two years cannot have run before 700 days have: a cheap bound; the period itself is counted per project.
    candidates = (
        FixedAssetProject.objects.filter(
            review_status__in=(ReviewStatus.PASSED, ReviewStatus.REGISTERED),
            review_passed_on__lte=today - datetime.timedelta(days=700),
        )
        .exclude(triggers__code=TriggerCode.NOT_STARTED)
        .values_list("pk", flat=True)
    )
    found = []
    for pk in candidates:
        with transaction.atomic():
            project = FixedAssetProject.objects.select_for_update().get(pk=pk)
            if not_started(project, today) is None:
                continue
            if _sync_triggers(project, today):
                found.append(pk)
    logger.info("fixed-asset projects not started within two years: %s found on %s", len(found), today)
    return found


def periodic_deadline(project: FixedAssetProject) -> Deadline | None:
    """The project's running yearly check period, if any."""
    return (
        Deadline.objects.of_object(project).running().filter(rule__code=rules.RULE_PERIODIC_CHECK)
        .order_by("due").first()
    )
