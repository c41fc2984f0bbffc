"""Tendering supervision (三（八）): the winner determined starts the 2-working-day period for the award notice and
the announcement; the announcement with every field of 5(2) and its tender documents is published, then shown on
the public page /tenders/."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from linggao_mi.attachments.services import attachment_add, attachment_store
from linggao_mi.casework.checks import check_date, late_entry
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.deadlines.periods import cn_date
from linggao_mi.deadlines.services import deadline_meet, deadline_open

from .. import rules
from ..choices import TenderDocKind
from ..models import AnnouncementItem, ITProject, TenderAnnouncement, TenderDocument
from ..workflow import PROJECT_WORKFLOW as WORKFLOW

# The announcement's own fields that 三（八）5(2) lists, in its order.
ANNOUNCEMENT_FIELDS = [
    "purchaser_name", "purchaser_address", "purchaser_contact", "agent_name", "agent_address", "agent_contact",
    "project_title", "project_number", "winner_name", "winner_address", "winner_amount",
]
ITEM_FIELDS = ["name", "spec_model", "quantity", "unit_price", "service_requirements"]


@dataclass(frozen=True)
class ItemInput:
    name: str
    spec_model: str
    quantity: str
    unit_price: Decimal | None
    service_requirements: str


def _label(model, field: str) -> str:
    return str(model._meta.get_field(field).verbose_name)


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def announcement_missing(announcement: TenderAnnouncement) -> list[str]:
    """The fields of 三（八）5(2) the announcement lacks, named as the source names them."""
    missing = [_label(TenderAnnouncement, f) for f in ANNOUNCEMENT_FIELDS if _blank(getattr(announcement, f))]
    items = list(announcement.items.all())
    if not items:
        missing.append("主要中标（成交）标的")
    for n, item in enumerate(items, start=1):
        for f in ITEM_FIELDS:
            if _blank(getattr(item, f)):
                missing.append(f"第{n}项标的的{_label(AnnouncementItem, f)}")
    if not announcement.experts.strip():
        missing.append(_label(TenderAnnouncement, "experts"))
    return missing


def _store_documents(documents: Iterable[tuple[str, object]]) -> list[tuple[str, object]]:
    stored = []
    for kind, upload in documents:
        if kind not in TenderDocKind.values:
            raise ValueError(f"unknown tender document kind {kind!r}")
        stored.append((kind, attachment_store(upload)))
    return stored


def _fill(c: ITProject, actor: User, fields: dict, items: list[ItemInput] | None, documents: list) -> None:
    announcement = c.announcement
    for name, value in fields.items():
        if name not in ANNOUNCEMENT_FIELDS + ["experts", "media"]:
            raise ValueError(f"not an announcement field: {name!r}")
        setattr(announcement, name, value.strip() if isinstance(value, str) else value)
    announcement.save()
    if items is not None:
        announcement.items.all().delete()
        rows = [
            AnnouncementItem(
                announcement=announcement, name=i.name.strip(), spec_model=i.spec_model.strip(),
                quantity=i.quantity.strip(), unit_price=i.unit_price,
                service_requirements=i.service_requirements.strip(),
            )
            for i in items
        ]
        bulk_create_with_history(rows, AnnouncementItem, default_user=actor)
    for kind, stored in documents:
        attachment = attachment_add(actor=actor, case=c, upload=stored, description=TenderDocKind(kind).label)
        TenderDocument.objects.create(announcement=announcement, kind=kind, attachment=attachment)


@transaction.atomic(durable=True)
def winner_determine(
    *,
    actor: User,
    case: ITProject,
    determined_on: datetime.date,
    fields: dict | None = None,
    items: list[ItemInput] | None = None,
    documents: Iterable[tuple[str, object]] = (),
    late_reason: str = "",
) -> ITProject:
    """The winning supplier determined: the 2-working-day period of 三（八）5(2) starts the next day. What is known of
    the announcement may be entered now; it is published when complete."""
    late = late_entry(determined_on, "供应商确定日期", case=case, late_reason=late_reason)
    stored = _store_documents(documents)

    def apply(c: ITProject) -> TenderAnnouncement:
        announcement = TenderAnnouncement.objects.create(
            project=c, winner_determined_on=determined_on, project_title=c.name, purchaser_name=c.owner_unit
        )
        c.announcement = announcement
        c.award_deadline = deadline_open(
            case=c, rule_code=rules.RULE_AWARD_ANNOUNCEMENT, start=determined_on, label="发出中标、成交通知书并公告结果"
        )
        _fill(c, actor, fields or {}, items, stored)
        return announcement

    case, _ = WORKFLOW.run(
        "winner_determine", case=case, actor=actor, apply=apply,
        reason=f"中标、成交供应商于{cn_date(determined_on)}确定", late_reason=late,
    )
    return case


@transaction.atomic(durable=True)
def announcement_edit(
    *,
    actor: User,
    case: ITProject,
    fields: dict,
    items: list[ItemInput] | None = None,
    documents: Iterable[tuple[str, object]] = (),
) -> ITProject:
    stored = _store_documents(documents)
    case, _ = WORKFLOW.run(
        "announcement_edit", case=case, actor=actor, apply=lambda c: _fill(c, actor, fields, items, stored),
        reason="填写公告内容",
    )
    return case


def check_publishable(announcement: TenderAnnouncement) -> None:
    missing = announcement_missing(announcement)
    if missing:
        raise RuleViolation(rules.ANNOUNCEMENT_FIELDS, "缺少" + "、".join(missing))
    if not announcement.documents.exists():
        raise RuleViolation(rules.ANNOUNCEMENT_DOCUMENTS)


@transaction.atomic(durable=True)
def announcement_publish(
    *,
    actor: User,
    case: ITProject,
    notice_sent_on: datetime.date,
    published_on: datetime.date,
    late_reason: str = "",
) -> ITProject:
    """Publish the announcement (三（八）5(2)): refused while a field is missing, naming each; the period is met on
    the later of the notice and the announcement, and a late one needs its reason."""
    for day, what in ((notice_sent_on, "通知书发出日期"), (published_on, "公告日期")):
        check_date(day, what)

    def check(c: ITProject) -> None:
        announcement = c.announcement
        if min(notice_sent_on, published_on) < announcement.winner_determined_on:
            raise RuleViolation(rules.AWARD_NOTICE, f"供应商确定日期为{cn_date(announcement.winner_determined_on)}")
        check_publishable(announcement)
        if max(notice_sent_on, published_on) > c.award_deadline.due and not late_reason.strip():
            raise RuleViolation(rules.ANNOUNCEMENT_LATE_REASON, f"期限至{cn_date(c.award_deadline.due)}")

    def apply(c: ITProject) -> TenderAnnouncement:
        announcement = c.announcement
        announcement.notice_sent_on, announcement.published_on, announcement.published_by = (
            notice_sent_on, published_on, actor,
        )
        announcement.save()
        deadline_meet(deadline=c.award_deadline, on=max(notice_sent_on, published_on))
        return announcement

    case, _ = WORKFLOW.run(
        "announcement_publish", case=case, actor=actor, check=check, apply=apply,
        reason=f"{cn_date(notice_sent_on)}发出中标、成交通知书，{cn_date(published_on)}公告结果"
        + (f"（逾期，原因：{late_reason.strip()}）" if late_reason.strip() else ""),
    )
    return case
