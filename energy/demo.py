"""Demo units and cases of the energy regime for `manage.py load_demo` (idempotent: a second run adds nothing).

A case stands at every stage of the workflow table (energy/workflow.py), each put there through the services on the
days it would have happened, so that every next step can be taken today: a notice served 10 days ago (the 现场监察笔录
may be filed now), a notice awaiting the chief's approval, a written inspection with the unit's materials in, a
限期整改通知书 awaiting approval, one returned to its drafter, a referral for the chief to decide, a unit inside its
extension window, an extension request awaiting the decision, one overdue, a rectification report to verify, one to
close and one closed. README.md's try-out path walks from these (`DEMO_STAGES` names them).

The services read "today" (a date may not be in the future, a date before the case was registered is a 补录, a
notice's lead runs to today, a case is registered now), so passing past dates would make every step a late entry:
each step is taken with the clock set to its day (time_machine, a development dependency like the demo itself;
production settings never load demo data). Each public service is its own durable transaction, so this runs outside
one; the daily reminder run closes the load, as beat would have done on those mornings (overdue periods turn
overdue).
"""

import datetime
from contextlib import contextmanager

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from linggao_mi.deadlines.services import reminders_send
from linggao_mi.documents.services import (
    document_approve,
    document_issue,
    document_return,
    document_serve,
    document_submit,
)
from linggao_mi.org.models import Department

from . import services
from .choices import CheckItem, FindingResult, Measure, Mode, Outcome, SignerCapacity, Trigger, VerificationResult
from .fixed_asset import demo as fixed_asset_demo
from .models import EnergyUnit, InspectionCase
from .validators import credit_code_complete

DEMO_UNITS = [
    dict(
        name="临高金牌港示范电力有限公司",
        credit_code=credit_code_complete("91469028MA5TDE0M1"),
        address="临高县金牌港开发区港前路1号",
        legal_representative="王建国",
        contact_person="陈明",
        contact_phone="0898-28280001",
        industry="电力、热力生产和供应业",
        is_key_unit=True,
        annual_energy_use=18600,
    ),
    dict(
        name="临高博厚示范水泥有限公司",
        credit_code=credit_code_complete("91469028MA5TDE0M2"),
        address="临高县博厚镇工业园",
        legal_representative="李大海",
        contact_person="符小英",
        contact_phone="0898-28280002",
        industry="非金属矿物制品业",
        is_key_unit=True,
        annual_energy_use=9400,
    ),
    dict(
        name="临高新盈示范水产加工厂",
        credit_code=credit_code_complete("92469028MA5TDE0M3"),
        address="临高县新盈镇渔港路8号",
        legal_representative="吴海生",
        contact_person="吴海生",
        contact_phone="13876000003",
        industry="农副食品加工业",
        is_key_unit=False,
        annual_energy_use=860,
    ),
    dict(
        name="临高加来示范木材加工有限公司",
        credit_code=credit_code_complete("91469028MA5TDE0M4"),
        address="临高县加来镇工业园2号",
        legal_representative="符国强",
        contact_person="黄丽",
        contact_phone="0898-28280004",
        industry="木材加工和木、竹、藤、棕、草制品业",
        is_key_unit=False,
        annual_energy_use=2300,
    ),
    dict(
        name="临高东英示范冷链物流有限公司",
        credit_code=credit_code_complete("91469028MA5TDE0M5"),
        address="临高县东英镇东英港路6号",
        legal_representative="林志远",
        contact_person="林志远",
        contact_phone="0898-28280005",
        industry="装卸搬运和仓储业",
        is_key_unit=True,
        annual_energy_use=5200,
    ),
]

# What each demo case shows, in the order they are registered (their 案号 serial in a fresh database): the README's
# try-out path names them, and the demo test checks each stands there.
DEMO_STAGES = [
    "closed",  # 1  rectified, verified, closed by the chief
    "extension_pending",  # 2  an extension request awaiting the chief's decision
    "overdue",  # 3  限期整改 past its period: the chief may decide the referral
    "reported",  # 4  the unit's rectification report in, for the inspectors to verify
    "extension_window",  # 5  限期整改 inside the 15 days before its period ends: an extension may be registered
    "materials_received",  # 6  a written inspection with the unit's materials in: the outcome may be decided
    "notified",  # 7  notice served 10 days ago: the 现场监察笔录 may be filed today
    "returned",  # 8  its 限期整改通知书 returned by the chief to be revised
    "proposed",  # 9  a referral for penalty proposed, for the chief to decide
    "awaiting_approval",  # 10 its 限期整改通知书 awaiting the chief's approval
    "to_close",  # 11 found in order, for the chief to close
    "notice_submitted",  # 12 a 节能监察通知书 awaiting the chief's approval
]


@contextmanager
def _on(day: datetime.date, hour: int = 10):
    """Take the steps inside with the clock at `hour` o'clock of `day` (see the module's docstring)."""
    import time_machine  # a development dependency, like loading demo data

    with time_machine.travel(_at(day, hour), tick=False):
        yield


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _scan(name: str) -> SimpleUploadedFile:
    """A stand-in for a scanned page the unit handed in (the smallest valid PNG)."""
    png = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    )
    return SimpleUploadedFile(name, png, content_type="image/png")


def _fresh(case: InspectionCase) -> InspectionCase:
    return InspectionCase.objects.get(pk=case.pk)


class _Demo:
    def __init__(self, users: dict[str, User], units: list[EnergyUnit], today: datetime.date):
        self.chief = users["chief"]
        self.inspector1, self.inspector2 = users["inspector1"], users["inspector2"]
        self.pair = [self.inspector1, self.inspector2]
        self.units = units
        self.today = today

    def day(self, days_ago: int) -> datetime.date:
        return self.today - datetime.timedelta(days=days_ago)

    def plan(self, ago, *, actor, unit, mode=Mode.ONSITE, trigger=Trigger.SPOT, items, planned_in=0):
        with _on(self.day(ago), 9):
            return services.inspection_plan(
                actor=actor, unit=unit, mode=mode, trigger=trigger, items=items, inspectors=self.pair,
                planned_date=self.day(ago - planned_in),
            )

    def notice(self, case, *, drafted, approved, served, requirements, by):
        with _on(self.day(drafted), 10):
            case = services.notice_draft(actor=by, case=case, requirements=requirements)
            document_submit(actor=by, document=case.notice_document)
        if approved is None:
            return case
        with _on(self.day(approved), 11):
            document_approve(actor=self.chief, document=case.notice_document)
            document_issue(actor=self.chief, document=case.notice_document)
        with _on(self.day(served), 15):
            document_serve(
                actor=by, document=case.notice_document, method="direct", served_on=self.day(served),
                recipient=case.unit.contact_person,
            )
        return _fresh(case)

    def record(self, case, ago, *, by, findings, present, measures=(Measure.ENTER, Measure.DOCUMENTS)):
        day = self.day(ago)
        with _on(day, 16):
            return services.record_file(
                actor=by, case=_fresh(case), started_at=_at(day, 9), ended_at=_at(day, 11), place=case.unit.address,
                inspectors=self.pair, present=present, measures=list(measures), findings=findings,
                signer_name=case.unit.legal_representative, signer_capacity=SignerCapacity.LEGAL_REPRESENTATIVE,
            )

    def violation(self, case, ago, *, by, months, requirements):
        with _on(self.day(ago), 10):
            case = services.outcome_decide(
                actor=by, case=_fresh(case), outcome=Outcome.VIOLATION, ended_on=self.day(ago),
                rectification_requirements=requirements, rectification_months=months,
            )
            document_submit(actor=by, document=case.outcome_document)
        return case

    def issue_and_serve(self, case, *, approved, served, by):
        document = _fresh(case).outcome_document
        with _on(self.day(approved), 11):
            document_approve(actor=self.chief, document=document)
            document_issue(actor=self.chief, document=document)
        with _on(self.day(served), 15):
            document_serve(
                actor=by, document=document, method="direct", served_on=self.day(served),
                recipient=case.unit.legal_representative,
            )
        return _fresh(case)

    def rectifying(self, unit, *, ago, months, served_after, by, item=CheckItem.METERING, facts, basis, requirements):
        """A spot check on `ago` days ago finding a violation; its 限期整改通知书 served `served_after` days later."""
        case = self.plan(ago, actor=by, unit=unit, items=[item, CheckItem.REPORTING])
        case = self.record(
            case, ago, by=by, present=unit.contact_person,
            findings={
                item: services.FindingInput(FindingResult.VIOLATION, facts, basis),
                CheckItem.REPORTING: services.FindingInput(FindingResult.COMPLIANT, "按时报送能源利用状况报告"),
            },
        )
        case = self.violation(case, ago - 1, by=by, months=months, requirements=requirements)
        return self.issue_and_serve(case, approved=ago - 2, served=ago - served_after, by=by)

    def report(self, case, ago, *, by, summary):
        with _on(self.day(ago), 10):
            return services.report_receive(
                actor=by, case=_fresh(case), received_on=self.day(ago), summary=summary,
                uploads=[_scan("整改结果报告.png")],
            )


def load(users: dict[str, User]) -> None:
    staff = users["staff"]
    units = []
    for data in DEMO_UNITS:
        unit = EnergyUnit.objects.filter(credit_code=data["credit_code"]).first()
        units.append(unit or services.unit_create(actor=staff, **data))
    fixed_asset_demo.load(users, units[:3])  # 三（五） projects of these units, at every stage
    if InspectionCase.objects.filter(unit__in=units).exists():
        return
    demo = _Demo(users, units, timezone.localdate())
    chief, inspector1, inspector2 = demo.chief, demo.inspector1, demo.inspector2
    power, cement, fishery, wood, coldchain = units
    eleventh = "《中华人民共和国节约能源法》第二十七条"

    # 1. closed: a violation rectified within its month, verified on site and closed by the chief.
    case = demo.rectifying(
        cement, ago=90, months=1, served_after=4, by=inspector2, facts="窑头余热发电机组未配备能源计量器具",
        basis=eleventh, requirements="为余热发电机组配备能源计量器具，并建立能源计量台账。",
    )
    case = demo.report(case, 70, by=inspector2, summary="已为余热发电机组配备电能表2块，建立能源计量台账。")
    with _on(demo.day(66), 10):
        case = services.rectification_verify(
            actor=inspector2, case=case, verified_on=demo.day(66), result=VerificationResult.PASSED,
            notes="现场核查，计量器具已安装并检定合格，台账完整。",
        )
    with _on(demo.day(65), 10):
        services.case_close(actor=chief, case=case, reason="整改到位，经核查合格，结案。")

    # 2. extension_pending: two months from 51 days ago; the unit asked for one more month 2 days ago.
    case = demo.rectifying(
        coldchain, ago=56, months=2, served_after=5, by=inspector1, facts="冷库压缩机组未按规定配备能源计量器具",
        basis=eleventh, requirements="为冷库压缩机组配备能源计量器具，并建立能源计量台账。",
    )
    with _on(demo.day(2), 10):
        services.extension_request(
            actor=inspector1, case=case, received_on=demo.day(2), requested_months=1,
            reasons="计量器具供货延误，需延期一个月完成安装和检定。", upload=_scan("延期申请.png"),
        )

    # 3. overdue: a month to rectify, served 48 days ago, no report: the chief may decide the referral.
    demo.rectifying(
        wood, ago=52, months=1, served_after=4, by=inspector1, item=CheckItem.ELIMINATION,
        facts="干燥车间仍在使用国家明令淘汰的燃煤热风炉1台", basis="《中华人民共和国节约能源法》第十七条",
        requirements="停止使用并淘汰上述燃煤热风炉，将处置凭证报送本机关。",
    )

    # 4. reported: two months from 40 days ago; the unit's report came in 3 days ago, for the inspectors to verify.
    case = demo.rectifying(
        power, ago=45, months=2, served_after=5, by=inspector1, facts="1号机组厂用电未分项计量",
        basis=eleventh, requirements="对1号机组厂用电实行分项计量，并将计量台账报送本机关。",
    )
    demo.report(case, 3, by=inspector1, summary="已加装分项计量电能表6块，计量台账见附件。")

    # 5. extension_window: a month from 24 days ago: the period ends within 15 days, so a request is in time today.
    demo.rectifying(
        fishery, ago=30, months=1, served_after=6, by=inspector1, facts="制冰机组未配备能源计量器具",
        basis=eleventh, requirements="按照国家标准为制冰机组配备能源计量器具，并建立能源计量台账。",
    )

    # 6. materials_received: a written inspection: the notice served 18 days ago, the materials in 8 days ago.
    case = demo.plan(
        20, actor=inspector2, unit=cement, mode=Mode.WRITTEN, trigger=Trigger.PLAN, planned_in=15,
        items=[CheckItem.REPORTING, CheckItem.POSTS, CheckItem.TRAINING],
    )
    case = demo.notice(
        case, drafted=20, approved=19, served=18, by=inspector2,
        requirements="请于监察时间前报送上一年度能源利用状况报告、能源管理岗位设置及备案材料（书面及电子版）。",
    )
    with _on(demo.day(8), 10):
        services.materials_receive(
            actor=inspector2, case=case, received_on=demo.day(8), paper=True, electronic=True,
            description="能源利用状况报告1份；能源管理负责人聘任及备案文件。", uploads=[_scan("能源利用状况报告.png")],
        )

    # 7. notified: a planned on-site inspection; its date corrected (a recorded correction), then the notice
    #    served 10 days ago, so the 7 days' lead (三（四）5(2)) has run and the 笔录 may be filed today.
    case = demo.plan(
        12, actor=inspector1, unit=power, trigger=Trigger.PLAN, planned_in=14, items=CheckItem.values,
    )
    with _on(demo.day(12), 15):
        case = services.plan_correct(
            actor=inspector1, case=case, planned_date=demo.today,
            reason="被监察单位申请提前，以便能源管理负责人出差前在场。",
        )
    demo.notice(
        case, drafted=12, approved=11, served=10, by=inspector1,
        requirements="请安排能源管理负责人在场，并备齐近三年能源统计报表、能源计量器具台账和主要用能设备清单。",
    )

    # 8. returned: a 限期整改通知书 the chief returned to its drafter with reasons.
    case = demo.plan(6, actor=inspector1, unit=wood, items=[CheckItem.METERING])
    case = demo.record(
        case, 6, by=inspector1, present="黄丽（能源管理员）",
        findings={CheckItem.METERING: services.FindingInput(
            FindingResult.VIOLATION, "主要用能设备未按规定配备能源计量器具", eleventh,
        )},
    )
    case = demo.violation(
        case, 5, by=inspector1, months=6, requirements="配备能源计量器具。",
    )
    with _on(demo.day(4), 11):
        document_return(
            actor=chief, document=case.outcome_document,
            reason="整改要求过于笼统，请写明应配备能源计量器具的设备名称、数量和能源计量台账的要求。",
        )

    # 9. proposed: a complaint found a violation the law says must be punished; the chief decides the referral.
    case = demo.plan(4, actor=inspector2, unit=cement, trigger=Trigger.REPORT, items=[CheckItem.STANDARDS])
    case = demo.record(
        case, 4, by=inspector2, present="符小英（能源管理员）",
        findings={CheckItem.STANDARDS: services.FindingInput(
            FindingResult.VIOLATION, "1号熟料生产线单位产品综合能耗超过国家强制性能耗限额标准，且已被责令整改仍未改正",
            "《中华人民共和国节约能源法》第七十一条", punishable=True,
        )},
    )
    with _on(demo.day(3), 10):
        services.outcome_propose(
            actor=inspector2, case=_fresh(case), outcome=Outcome.DIRECT_PENALTY, ended_on=demo.day(3),
            recommendation=services.RecommendationInput(
                Department.objects.get(name="县发改委"), "《中华人民共和国节约能源法》第七十一条",
                "单位产品能耗超过限额标准，建议依法责令停业整顿或者关闭",
            ),
        )

    # 10. awaiting_approval: a spot check found obsolete motors; the 限期整改通知书 awaits the chief.
    case = demo.plan(3, actor=inspector1, unit=power, items=[CheckItem.ELIMINATION, CheckItem.METERING])
    case = demo.record(
        case, 3, by=inspector1, present="陈明（能源管理负责人）",
        measures=(Measure.ENTER, Measure.DOCUMENTS, Measure.TESTING),
        findings={
            CheckItem.ELIMINATION: services.FindingInput(
                FindingResult.VIOLATION, "2号车间仍在使用国家明令淘汰的Y系列高耗能电动机3台",
                "《中华人民共和国节约能源法》第十七条",
            ),
            CheckItem.METERING: services.FindingInput(FindingResult.COMPLIANT, "能源计量器具配备符合要求"),
        },
    )
    demo.violation(
        case, 2, by=inspector1, months=3,
        requirements="停止使用并淘汰上述电动机，更换为符合能效标准的产品，并将处置凭证报送本机关。",
    )

    # 11. to_close: a spot check that found nothing; the chief closes it.
    case = demo.plan(2, actor=inspector2, unit=fishery, items=[CheckItem.ELIMINATION, CheckItem.STANDARDS])
    case = demo.record(
        case, 2, by=inspector2, present="吴海生", measures=(Measure.ENTER,),
        findings={
            CheckItem.ELIMINATION: services.FindingInput(FindingResult.COMPLIANT, "未发现淘汰设备"),
            CheckItem.STANDARDS: services.FindingInput(FindingResult.COMPLIANT, "制冰设备能效符合标准"),
        },
    )
    with _on(demo.day(2), 17):
        services.outcome_decide(actor=inspector2, case=_fresh(case), outcome=Outcome.NONE, ended_on=demo.day(2))

    # 12. notice_submitted: a planned inspection in 14 days; its 节能监察通知书 awaits the chief's approval.
    case = demo.plan(1, actor=inspector2, unit=coldchain, trigger=Trigger.PLAN, planned_in=15, items=CheckItem.values)
    demo.notice(
        case, drafted=1, approved=None, served=None, by=inspector2,
        requirements="请安排能源管理负责人在场，并备齐冷库及制冷机组的能源计量器具台账。",
    )

    reminders_send(today=demo.today)
