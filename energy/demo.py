"""Demo units and cases of the energy regime for `manage.py load_demo` (idempotent: a second run adds nothing).

The cases stand at the stages a newcomer meets first: a notice awaiting approval, a written inspection with the
unit's materials in, a 限期整改通知书 awaiting approval, a referral awaiting the chief's decision, a unit in 限期整改,
and a case found in order awaiting the chief's closing. Each public service is its own durable transaction, so this
runs outside one.
"""

import datetime

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from linggao_mi.documents.services import document_approve, document_issue, document_serve, document_submit
from linggao_mi.org.models import Department

from . import services
from .choices import CheckItem, FindingResult, Measure, Mode, Outcome, SignerCapacity, Trigger
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
]


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _scan(name: str) -> SimpleUploadedFile:
    """A stand-in for a scanned page the unit handed in (the smallest valid PNG)."""
    png = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    )
    return SimpleUploadedFile(name, png, content_type="image/png")


def load(users: dict[str, User]) -> None:
    staff, chief = users["staff"], users["chief"]
    inspector1, inspector2 = users["inspector1"], users["inspector2"]
    units = []
    for data in DEMO_UNITS:
        unit = EnergyUnit.objects.filter(credit_code=data["credit_code"]).first()
        units.append(unit or services.unit_create(actor=staff, **data))
    fixed_asset_demo.load(users, units)  # 三（五） projects of these units, at every stage
    if InspectionCase.objects.filter(unit__in=units).exists():
        return
    today = timezone.localdate()
    pair = [inspector1, inspector2]
    power, cement, fishery = units

    def plan(actor, unit, mode, trigger, items, planned_date=today):
        return services.inspection_plan(
            actor=actor, unit=unit, mode=mode, trigger=trigger, planned_date=planned_date, items=items, inspectors=pair
        )

    def record(*, actor, case, hours, present, measures, findings, signer):
        return services.record_file(
            actor=actor,
            case=case,
            started_at=_at(today, hours[0]),
            ended_at=_at(today, hours[1]),
            place=case.unit.address,
            inspectors=pair,
            present=present,
            measures=measures,
            findings=findings,
            signer_name=signer,
            signer_capacity=SignerCapacity.LEGAL_REPRESENTATIVE,
        )

    # 1. A planned on-site inspection: its 节能监察通知书 awaits the chief's approval (三（四）5(2)).
    case = plan(inspector1, power, Mode.ONSITE, Trigger.PLAN, CheckItem.values, today + datetime.timedelta(days=14))
    case = services.notice_draft(
        actor=inspector1, case=case,
        requirements="请安排能源管理负责人在场，并备齐近三年能源统计报表、能源计量器具台账和主要用能设备清单。",
    )
    document_submit(actor=inspector1, document=case.notice_document)

    # 2. A written inspection: the notice approved, issued and served; the unit's materials came in (三（四）5(1)).
    items = [CheckItem.REPORTING, CheckItem.POSTS, CheckItem.TRAINING]
    case = plan(inspector2, cement, Mode.WRITTEN, Trigger.PLAN, items)
    case = services.notice_draft(
        actor=inspector2, case=case,
        requirements="请于收到本通知书之日起10日内报送上一年度能源利用状况报告、能源管理岗位设置及备案材料（书面及电子版）。",
    )
    document = case.notice_document
    document_submit(actor=inspector2, document=document)
    document_approve(actor=chief, document=document)
    document_issue(actor=chief, document=document)
    document_serve(actor=inspector2, document=document, method="mail", served_on=today, recipient="符小英")
    services.materials_receive(
        actor=inspector2,
        case=InspectionCase.objects.get(pk=case.pk),
        received_on=today,
        paper=True,
        electronic=True,
        description="能源利用状况报告1份；能源管理负责人聘任及备案文件。",
        uploads=[_scan("能源利用状况报告.png")],
    )

    # 3. A spot check on site that found a violation: the 限期整改通知书 awaits the chief's approval.
    case = plan(inspector1, power, Mode.ONSITE, Trigger.SPOT, [CheckItem.ELIMINATION, CheckItem.METERING])
    case = record(
        actor=inspector1,
        case=case,
        hours=(9, 11),
        present="陈明（能源管理负责人）",
        measures=[Measure.ENTER, Measure.DOCUMENTS, Measure.TESTING],
        findings={
            CheckItem.ELIMINATION: services.FindingInput(
                FindingResult.VIOLATION,
                "2号车间仍在使用国家明令淘汰的Y系列高耗能电动机3台",
                "《中华人民共和国节约能源法》第十七条",
            ),
            CheckItem.METERING: services.FindingInput(FindingResult.COMPLIANT, "能源计量器具配备符合要求"),
        },
        signer="王建国",
    )
    case = services.outcome_decide(
        actor=inspector1,
        case=case,
        outcome=Outcome.VIOLATION,
        ended_on=today,
        rectification_requirements="停止使用并淘汰上述电动机，更换为符合能效标准的产品，并将处置凭证报送本机关。",
        rectification_months=3,
    )
    document_submit(actor=inspector1, document=case.outcome_document)

    # 4. A spot check on a complaint that found a violation the law says must be punished: the inspector proposes
    #    the referral; the chief decides (三（四）6(3)).
    case = plan(inspector2, cement, Mode.ONSITE, Trigger.REPORT, [CheckItem.STANDARDS])
    case = record(
        actor=inspector2,
        case=case,
        hours=(14, 16),
        present="符小英（能源管理员）",
        measures=[Measure.ENTER, Measure.DOCUMENTS],
        findings={
            CheckItem.STANDARDS: services.FindingInput(
                FindingResult.VIOLATION,
                "1号熟料生产线单位产品综合能耗超过国家强制性能耗限额标准，且已被责令整改仍未改正",
                "《中华人民共和国节约能源法》第七十一条",
                punishable=True,
            ),
        },
        signer="李大海",
    )
    services.outcome_propose(
        actor=inspector2,
        case=case,
        outcome=Outcome.DIRECT_PENALTY,
        ended_on=today,
        recommendation=services.RecommendationInput(
            Department.objects.get(name="县发改委"),
            "《中华人民共和国节约能源法》第七十一条",
            "单位产品能耗超过限额标准，建议依法责令停业整顿或者关闭",
        ),
    )

    # 5. A spot check that found a violation, its 限期整改通知书 approved, issued and served: the case is in 限期整改,
    #    its period running from the served date (三（四）6(5)(6)).
    case = plan(inspector1, fishery, Mode.ONSITE, Trigger.SPOT, [CheckItem.METERING, CheckItem.REPORTING])
    case = record(
        actor=inspector1,
        case=case,
        hours=(9, 10),
        present="吴海生",
        measures=[Measure.ENTER, Measure.DOCUMENTS],
        findings={
            CheckItem.METERING: services.FindingInput(
                FindingResult.VIOLATION,
                "主要用能设备未按规定配备能源计量器具",
                "《中华人民共和国节约能源法》第二十七条",
            ),
        },
        signer="吴海生",
    )
    case = services.outcome_decide(
        actor=inspector1,
        case=case,
        outcome=Outcome.VIOLATION,
        ended_on=today,
        rectification_requirements="按照国家标准为制冰机组和冷库配备能源计量器具，并建立能源计量台账。",
        rectification_months=2,
    )
    document = case.outcome_document
    document_submit(actor=inspector1, document=document)
    document_approve(actor=chief, document=document)
    document_issue(actor=chief, document=document)
    document_serve(actor=inspector1, document=document, method="direct", served_on=today, recipient="吴海生")

    # 6. A spot check that found nothing: the chief closes it.
    case = plan(inspector2, fishery, Mode.ONSITE, Trigger.SPOT, [CheckItem.ELIMINATION, CheckItem.STANDARDS])
    case = record(
        actor=inspector2,
        case=case,
        hours=(14, 15),
        present="吴海生",
        measures=[Measure.ENTER],
        findings={
            CheckItem.ELIMINATION: services.FindingInput(FindingResult.COMPLIANT, "未发现淘汰设备"),
            CheckItem.STANDARDS: services.FindingInput(FindingResult.COMPLIANT, "制冰设备能效符合标准"),
        },
        signer="吴海生",
    )
    services.outcome_decide(actor=inspector2, case=case, outcome=Outcome.NONE, ended_on=today)
