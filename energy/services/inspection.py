"""The inspection itself: the unit's written materials (三（四）5(1)), the 现场监察笔录 (5(3)), a written answer
required by a date (4(4)) and commissioned testing (5(5))."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from linggao_mi.attachments.services import attachment_add, attachment_store
from linggao_mi.casework.checks import check_inspectors, late_entry
from linggao_mi.casework.rules import DATE_ORDER, RuleViolation
from linggao_mi.deadlines.periods import Unit, cn_date
from linggao_mi.deadlines.services import deadline_meet, deadline_open
from linggao_mi.org.models import Certificate

from .. import rules
from ..choices import CheckItem, FindingResult, Measure, SignerCapacity
from ..models import InspectionCase, SiteRecord, TestingCommission, WrittenReply
from ..workflow import WORKFLOW, check_notice_lead


@transaction.atomic(durable=True)
def materials_receive(
    *,
    actor: User,
    case: InspectionCase,
    received_on: datetime.date,
    paper: bool,
    electronic: bool,
    description: str,
    uploads: Iterable = (),
    late_reason: str = "",
) -> InspectionCase:
    """三（四）5(1): the unit's paper and electronic materials, each received as a file kept with the case."""
    late = late_entry(received_on, "材料收到日期", case=case, late_reason=late_reason)
    uploads = [attachment_store(upload) for upload in uploads]  # files are written before the case is locked

    def check(c: InspectionCase) -> None:
        if not (paper or electronic):
            raise RuleViolation(rules.MATERIALS_IN_WRITING, "请登记收到的书面材料或电子材料")
        if not uploads:
            raise RuleViolation(rules.MATERIALS_IN_WRITING)
        if c.notice_served_on and received_on < c.notice_served_on:
            raise RuleViolation(rules.WRITTEN_NOTICE_REQUIRED, f"书面通知于{cn_date(c.notice_served_on)}送达")

    def apply(c: InspectionCase) -> None:
        c.materials_received_on, c.materials_paper, c.materials_electronic = received_on, paper, electronic
        c.materials_description = description
        for upload in uploads:
            attachment_add(actor=actor, case=c, upload=upload, description="被监察单位报送材料")

    kinds = "、".join(n for n, flag in (("书面材料", paper), ("电子材料", electronic)) if flag)
    case, _ = WORKFLOW.run(
        "materials_receive", case=case, actor=actor, check=check, apply=apply,
        reason=f"{cn_date(received_on)}收到{kinds}", late_reason=late,
    )
    return case


@dataclass
class FindingInput:
    result: str
    facts: str = ""
    basis: str = ""
    punishable: bool = False


def apply_findings(case: InspectionCase, findings: dict[str, FindingInput] | None) -> None:
    """Record what was found for contents on the case's checklist (inside the step's transaction)."""
    if not findings:
        return
    by_item = {f.item: f for f in case.findings.all()}
    for item, value in findings.items():
        finding = by_item.get(str(item))
        if finding is None:
            raise RuleViolation(rules.CHECKLIST_EMPTY, f"“{CheckItem(str(item)).label}”不在本案监察内容中")
        finding.result = FindingResult(value.result)
        finding.facts, finding.basis = value.facts.strip(), value.basis.strip()
        finding.punishable = bool(value.punishable) and finding.result == FindingResult.VIOLATION
        finding.save()


@transaction.atomic(durable=True)
def record_file(
    *,
    actor: User,
    case: InspectionCase,
    started_at: datetime.datetime,
    ended_at: datetime.datetime,
    place: str,
    inspectors: list[User],
    present: str,
    measures: list[str],
    findings: dict[str, FindingInput],
    signer_name: str = "",
    signer_capacity: str = "",
    refused: bool = False,
    refusal_note: str = "",
    measures_other: str = "",
    notes: str = "",
    uploads: Iterable = (),
    late_reason: str = "",
) -> InspectionCase:
    """现场监察笔录 (三（四）5(3)): ≥ 2 of the case's certified inspectors, signed by the unit or the refusal noted."""
    day = timezone.localdate(started_at)
    late = late_entry(day, "监察时间", case=case, late_reason=late_reason)
    uploads = [attachment_store(upload) for upload in uploads]
    certificates: dict[int, Certificate] = {}

    def check(c: InspectionCase) -> None:
        if c.needs_notice:
            check_notice_lead(c.notice_served_on, day)
        case_inspectors = set(c.inspectors.all())
        if any(u not in case_inspectors for u in inspectors):
            raise RuleViolation(rules.TWO_INSPECTORS, "笔录中的监察人员须为本案承办人员")
        certificates.update(check_inspectors(inspectors, day, section=c.section, minimum=2, rule=rules.TWO_INSPECTORS))
        if not measures or any(m not in Measure.values for m in measures):
            raise RuleViolation(rules.RECORD_MEASURES)
        if Measure.OTHER in measures and not measures_other.strip():
            raise RuleViolation(rules.RECORD_MEASURES, "请说明采取的其他措施")
        signed = bool(signer_name.strip()) and signer_capacity in SignerCapacity.values
        if refused and not refusal_note.strip():
            raise RuleViolation(rules.RECORD_SIGNATURE, "请注明拒绝签字或盖章的情况")
        if not refused and not signed:
            raise RuleViolation(rules.RECORD_SIGNATURE, "请填写签字（盖章）人姓名及其身份")
        if ended_at < started_at:
            raise RuleViolation(rules.RECORD_TIMES)

    def apply(c: InspectionCase) -> None:
        SiteRecord.objects.create(
            case=c,
            started_at=started_at,
            ended_at=ended_at,
            place=place,
            present=present,
            inspectors=[
                {"user_id": u.pk, "name": u.get_full_name() or u.username, "certificate": certificates[u.pk].number}
                for u in inspectors
            ],
            measures=sorted(set(measures)),
            measures_other=measures_other,
            notes=notes,
            signer_name="" if refused else signer_name.strip(),
            signer_capacity="" if refused else signer_capacity,
            refused=refused,
            refusal_note=refusal_note if refused else "",
            filed_by=actor,
        )
        apply_findings(c, findings)
        for upload in uploads:
            attachment_add(actor=actor, case=c, upload=upload, description="现场监察证据")

    case, _ = WORKFLOW.run(
        "record_file", case=case, actor=actor, check=check, apply=apply,
        reason=f"{cn_date(day)}于{place}实施现场监察", late_reason=late,
    )
    return case


@transaction.atomic(durable=True)
def reply_require(
    *,
    actor: User,
    case: InspectionCase,
    questions: str,
    days: int,
    required_on: datetime.date | None = None,
    late_reason: str = "",
) -> WrittenReply:
    """三（四）4(4): require the unit to answer in writing within `days` days; the period is a tracked deadline."""
    required_on = required_on or timezone.localdate()
    late = late_entry(required_on, "提出要求日期", case=case, late_reason=late_reason)

    def check(c: InspectionCase) -> None:
        if not questions.strip() or not days or days < 1:
            raise RuleViolation(rules.WRITTEN_REPLY)

    def apply(c: InspectionCase) -> WrittenReply:
        deadline = deadline_open(
            case=c, rule_code=rules.RULE_WRITTEN_REPLY, start=required_on, amount=days, unit=Unit.DAYS,
            label="限期书面答复",
        )
        return WrittenReply.objects.create(
            case=c, questions=questions.strip(), required_on=required_on, deadline=deadline, required_by=actor
        )

    _, reply = WORKFLOW.run(
        "reply_require", case=case, actor=actor, check=check, apply=apply,
        reason=f"要求于{days}日内书面答复：{questions.strip()}", late_reason=late,
    )
    return reply


@transaction.atomic(durable=True)
def reply_receive(
    *, actor: User, case: InspectionCase, received_on: datetime.date, summary: str, upload=None, late_reason: str = ""
) -> WrittenReply:
    """The unit's written answer to the oldest open requirement; meets its deadline (late when after it)."""
    late = late_entry(received_on, "收到书面答复日期", case=case, late_reason=late_reason)
    upload = attachment_store(upload) if upload is not None else None

    def check(c: InspectionCase) -> None:
        if upload is None:
            raise RuleViolation(rules.WRITTEN_REPLY_IN_WRITING)

    def apply(c: InspectionCase) -> WrittenReply:
        reply = c.written_replies.filter(received_on__isnull=True).select_related("deadline").first()
        reply.received_on, reply.summary = received_on, summary.strip()
        reply.save()
        deadline_meet(deadline=reply.deadline, on=received_on)
        attachment_add(actor=actor, case=c, upload=upload, description="被监察单位书面答复")
        return reply

    _, reply = WORKFLOW.run(
        "reply_receive", case=case, actor=actor, check=check, apply=apply,
        reason=f"{cn_date(received_on)}收到书面答复", late_reason=late,
    )
    return reply


@transaction.atomic(durable=True)
def testing_commission(
    *,
    actor: User,
    case: InspectionCase,
    agency_name: str,
    qualification_number: str,
    items: str,
    commissioned_on: datetime.date,
    fee_charged_to_unit: Decimal | int = 0,
    late_reason: str = "",
) -> TestingCommission:
    """三（四）5(5): a qualified agency; the unit is never charged."""
    late = late_entry(commissioned_on, "委托日期", case=case, late_reason=late_reason)
    if not agency_name.strip() or not qualification_number.strip():
        raise RuleViolation(rules.TESTING_AGENCY)
    if Decimal(fee_charged_to_unit or 0) != 0:
        raise RuleViolation(rules.TESTING_FREE)

    def apply(c: InspectionCase) -> TestingCommission:
        return TestingCommission.objects.create(
            case=c,
            agency_name=agency_name.strip(),
            qualification_number=qualification_number.strip(),
            items=items,
            commissioned_on=commissioned_on,
            fee_charged_to_unit=0,
            commissioned_by=actor,
        )

    _, testing = WORKFLOW.run(
        "testing_commission", case=case, actor=actor, apply=apply,
        reason=f"委托{agency_name}（资质证书编号{qualification_number}）检测：{items}", late_reason=late,
    )
    return testing


@transaction.atomic(durable=True)
def testing_result_record(
    *,
    actor: User,
    case: InspectionCase,
    testing: TestingCommission,
    results: str,
    results_on: datetime.date,
    late_reason: str = "",
) -> TestingCommission:
    late = late_entry(results_on, "结论出具日期", case=case, late_reason=late_reason)
    if results_on < testing.commissioned_on:
        raise RuleViolation(DATE_ORDER, "结论出具日期早于委托日期")
    if not results.strip():
        raise RuleViolation(rules.TESTING_PENDING, "请填写检测结论")

    def apply(c: InspectionCase) -> TestingCommission:
        t = TestingCommission.objects.select_for_update().get(pk=testing.pk, case=c)
        if t.results:
            raise RuleViolation(rules.TESTING_PENDING, "该委托检测已登记结论")
        t.results, t.results_on = results, results_on
        t.save()
        return t

    _, testing = WORKFLOW.run(
        "testing_result", case=case, actor=actor, apply=apply, reason=f"{testing.agency_name}出具检测结论",
        late_reason=late,
    )
    return testing
