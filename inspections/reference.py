"""The reference rows of 三（一）/三（二）: the DeadlineRule periods, and the discretion catalogue seeded from
《中华人民共和国节约能源法》第六章 (/work/shared/reference/): only the articles whose enforcing body is
管理节能工作的部门
(the bureau); the articles enforced by 市场监督管理部门, 建设主管部门 and others are not the bureau's to apply.

Amounts are exactly the law's. The circumstances split a fine's legal range by the county's proportions (三（二）1:
"按照比例原则匡算…但均不得超过法定罚款限度"): 从轻 the lowest 30 %, 一般 the middle 40 %, 从重 the top 30 %;
不予处罚 (行政处罚法 第三十三条第一款前段) and, where the fine follows an order to correct, 首违不罚 (同款后段)
impose none.

`ensure_reference_rows` creates the missing rows and leaves existing ones alone (an admin's change stays). Migration
0002 calls it with the historical registry; InspectionsConfig.ready() runs it after every migrate and flush.
"""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.recorder import MigrationRecorder

from . import rules

DEADLINE_RULES = [
    # code, name, amount, unit, citation, description
    (
        rules.RULE_CHECK_REPORT,
        "受查单位报告整改纠正情况",
        30,
        "days",
        "三（一）4(3)",
        "监督检查总结通报受查单位整改纠正后，受查单位应当报告整改纠正情况；报告期限由本局确定，未另定的按此期限。",
    ),
    (
        rules.RULE_CORRECTION,
        "执法监督通知（决定）书限定的纠正期限",
        30,
        "days",
        "三（一）5",
        "接到《执法监督通知（决定）书》的单位，应在限定期限内按要求作出纠正，并书面报告执行结果；"
        "期限由通知书载明，未另定的按此期限，自送达之日起计算。",
    ),
    (
        rules.RULE_REVIEW_WINDOW,
        "复查申请期间",
        10,
        "days",
        "三（一）5",
        "被检查的单位对《执法监督通知（决定）书》决定不服的，可以在收到通知书之日起10日内申请复查。",
    ),
    (
        rules.RULE_REVIEW_DECISION,
        "复查决定期限",
        15,
        "days",
        "三（一）5",
        "发出《执法监督通知（决定）书》的部门应当自接到复查申请之日起15日内作出复查决定。",
    ),
]

LAW = "《中华人民共和国节约能源法》"
BUREAU = "管理节能工作的部门（县工业和信息化局）"
EXEMPT = "违法行为轻微并及时改正，没有造成危害后果的（《中华人民共和国行政处罚法》第三十三条第一款）"
FIRST = "初次违法且危害后果轻微并及时改正的（《中华人民共和国行政处罚法》第三十三条第一款）"
LIGHTER = "主动消除或者减轻违法行为危害后果，或者配合查处违法行为有立功表现等从轻情节的"
GENERAL = "不具有从轻、从重情节的"
HEAVIER = "违法行为持续时间长、危害后果严重，或者拒绝、阻碍执法，或者被处罚后再次实施同一违法行为的"

# article, position, violation, provision, penalty kinds, min, max, first-offence allowed
STANDARDS = [
    (
        "第六十八条第二款",
        68,
        "固定资产投资项目建设单位开工建设不符合强制性节能标准的项目或者将该项目投入生产、使用",
        "固定资产投资项目建设单位开工建设不符合强制性节能标准的项目或者将该项目投入生产、使用的，由管理节能工作的部门"
        "责令停止建设或者停止生产、使用，限期改造；不能改造或者逾期不改造的生产性项目，由管理节能工作的部门报请本级人民政府"
        "按照国务院规定的权限责令关闭。",
        [
            "责令停止建设或者停止生产、使用",
            "限期改造",
            "报请本级人民政府责令关闭（不能改造或者逾期不改造的生产性项目）",
        ],
        None,
        None,
        False,
    ),
    (
        "第七十一条",
        71,
        "使用国家明令淘汰的用能设备或者生产工艺",
        "使用国家明令淘汰的用能设备或者生产工艺的，由管理节能工作的部门责令停止使用，没收国家明令淘汰的用能设备；"
        "情节严重的，可以由管理节能工作的部门提出意见，报请本级人民政府按照国务院规定的权限责令停业整顿或者关闭。",
        ["责令停止使用", "没收国家明令淘汰的用能设备", "提出意见报请本级人民政府责令停业整顿或者关闭（情节严重的）"],
        None,
        None,
        False,
    ),
    (
        "第七十二条",
        72,
        "生产单位超过单位产品能耗限额标准用能，情节严重，经限期治理逾期不治理或者没有达到治理要求",
        "生产单位超过单位产品能耗限额标准用能，情节严重，经限期治理逾期不治理或者没有达到治理要求的，可以由管理节能工作的部门"
        "提出意见，报请本级人民政府按照国务院规定的权限责令停业整顿或者关闭。",
        ["提出意见报请本级人民政府责令停业整顿或者关闭"],
        None,
        None,
        False,
    ),
    (
        "第七十六条",
        76,
        "从事节能咨询、设计、评估、检测、审计、认证等服务的机构提供虚假信息",
        "从事节能咨询、设计、评估、检测、审计、认证等服务的机构提供虚假信息的，由管理节能工作的部门责令改正，没收违法所得，"
        "并处五万元以上十万元以下罚款。",
        ["责令改正", "没收违法所得", "罚款"],
        50_000,
        100_000,
        False,
    ),
    (
        "第七十七条",
        77,
        "无偿向本单位职工提供能源或者对能源消费实行包费制",
        "违反本法规定，无偿向本单位职工提供能源或者对能源消费实行包费制的，由管理节能工作的部门责令限期改正；逾期不改正的，"
        "处五万元以上二十万元以下罚款。",
        ["责令限期改正", "罚款（逾期不改正的）"],
        50_000,
        200_000,
        True,
    ),
    (
        "第八十二条",
        82,
        "重点用能单位未按照本法规定报送能源利用状况报告或者报告内容不实",
        "重点用能单位未按照本法规定报送能源利用状况报告或者报告内容不实的，由管理节能工作的部门责令限期改正；逾期不改正的，"
        "处一万元以上五万元以下罚款。",
        ["责令限期改正", "罚款（逾期不改正的）"],
        10_000,
        50_000,
        True,
    ),
    (
        "第八十三条",
        83,
        "重点用能单位无正当理由拒不落实本法第五十四条规定的整改要求或者整改没有达到要求",
        "重点用能单位无正当理由拒不落实本法第五十四条规定的整改要求或者整改没有达到要求的，由管理节能工作的部门处十万元以上"
        "三十万元以下罚款。",
        ["罚款"],
        100_000,
        300_000,
        False,
    ),
    (
        "第八十四条",
        84,
        "重点用能单位未按照本法规定设立能源管理岗位，聘任能源管理负责人，并报管理节能工作的部门和有关部门备案",
        "重点用能单位未按照本法规定设立能源管理岗位，聘任能源管理负责人，并报管理节能工作的部门和有关部门备案的，"
        "由管理节能工作的部门责令改正；拒不改正的，处一万元以上三万元以下罚款。",
        ["责令改正", "罚款（拒不改正的）"],
        10_000,
        30_000,
        True,
    ),
]


def split_range(low: int, high: int) -> dict[str, tuple[int, int]]:
    """从轻, 一般 and 从重 of a legal range [low, high]: the lowest 30 %, the middle 40 %, the top 30 %."""
    span = high - low
    first, second = low + span * 3 // 10, low + span * 7 // 10
    return {"lighter": (low, first), "general": (first, second), "heavier": (second, high)}


def circumstances_of(
    low: int | None, high: int | None, first_allowed: bool
) -> list[tuple[str, str, int | None, int | None]]:
    """(kind, conditions, min, max) of an entry."""
    if high is None:
        return [
            ("general", "责令改正等非罚款处罚，按违法情节依法适用", None, None),
            ("heavier", "情节严重的，依法报请本级人民政府处理", None, None),
        ]
    ranges = split_range(low, high)
    made = [("exempt", EXEMPT, 0, 0)]
    if first_allowed:
        made.append(("first", FIRST, 0, 0))
    made += [
        ("lighter", LIGHTER, *ranges["lighter"]),
        ("general", GENERAL, *ranges["general"]),
        ("heavier", HEAVIER, *ranges["heavier"]),
    ]
    return made


def ensure_reference_rows(*, apps=global_apps, using: str = DEFAULT_DB_ALIAS) -> None:
    """Create the missing DeadlineRule rows and catalogue entries; never change an existing row."""
    DeadlineRule = apps.get_model("deadlines", "DeadlineRule")
    for code, name, amount, unit, citation, description in DEADLINE_RULES:
        DeadlineRule.objects.using(using).get_or_create(
            code=code,
            defaults={"name": name, "amount": amount, "unit": unit, "citation": citation, "description": description},
        )
    Standard = apps.get_model("inspections", "DiscretionStandard")
    Circumstance = apps.get_model("inspections", "DiscretionCircumstance")
    for article, position, violation, provision, kinds, low, high, first_allowed in STANDARDS:
        standard, created = Standard.objects.using(using).get_or_create(
            law=LAW,
            article=article,
            defaults={
                "position": position,
                "department": BUREAU,
                "violation": violation,
                "provision": provision,
                "penalty_kinds": kinds,
                "min_amount": low,
                "max_amount": high,
                "first_offence_allowed": first_allowed,
            },
        )
        if created:
            Circumstance.objects.using(using).bulk_create(
                Circumstance(standard=standard, kind=kind, conditions=conditions, min_amount=a, max_amount=b)
                for kind, conditions, a, b in circumstances_of(low, high, first_allowed)
            )


CREATED_BY = ("inspections", "0002_reference_rows")


def restore_after_migrate(sender, using: str = DEFAULT_DB_ALIAS, apps=global_apps, **kwargs) -> None:
    """post_migrate receiver: put the rows back after a flush (transactional tests)."""
    if CREATED_BY in MigrationRecorder(connections[using]).applied_migrations():
        ensure_reference_rows(apps=apps, using=using)
