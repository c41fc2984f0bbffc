"""The periods of 三（四） as DeadlineRule rows (amounts editable in admin) and the two document kinds."""

from django.db import migrations

RULES = [
    # code, name, amount, unit, citation, description
    (
        "energy_notice_lead", "现场监察提前书面通知", 7, "days", "三（四）5(2)",
        "采取现场监察，应当提前将监察的依据、内容、时间和要求书面通知被监察单位；办理案件、处理举报投诉和抽查除外。"
        "《节能监察办法》规定为5日，本县权责清单规定为7日。",
    ),
    (
        "energy_delivery", "限期整改通知书或节能监察建议书送达", 15, "days", "三（四）6(4)",
        "节能监察结束后15日内将限期整改通知书或者节能监察建议书送达被监察单位。",
    ),
    (
        "energy_rectification", "整改期限（上限）", 6, "months", "三（四）6(6)",
        "被监察单位的整改期限一般不超过6个月；案件的整改期限按通知书确定的月数自送达之日起计算。",
    ),
    (
        "energy_extension_window", "延期申请提出期间", 15, "days", "三（四）6(6)",
        "确需延长整改期限的，被监察单位应当在期限届满前15日内以书面形式提出延期申请。",
    ),
    (
        "energy_extension_decision", "延期申请决定", 5, "workdays", "三（四）6(6)",
        "节能监察机构应当自收到延期申请之日起5个工作日内作出决定。",
    ),
    (
        "energy_extension_max", "延期上限", 6, "months", "三（四）6(6)",
        "延期不得超过6个月。",
    ),
]

KINDS = [
    ("energy_rectification_notice", "限期整改通知书", "临工信节监改", "documents/pdf/energy_rectification_notice.html"),
    ("energy_advice", "节能监察建议书", "临工信节监建", "documents/pdf/energy_advice.html"),
]


def forwards(apps, schema_editor):
    DeadlineRule = apps.get_model("deadlines", "DeadlineRule")
    DocumentKind = apps.get_model("documents", "DocumentKind")
    for code, name, amount, unit, citation, description in RULES:
        DeadlineRule.objects.get_or_create(
            code=code,
            defaults={"name": name, "amount": amount, "unit": unit, "citation": citation, "description": description},
        )
    for code, name, prefix, template in KINDS:
        DocumentKind.objects.get_or_create(
            code=code, defaults={"name": name, "number_prefix": prefix, "template_name": template}
        )


def backwards(apps, schema_editor):
    apps.get_model("deadlines", "DeadlineRule").objects.filter(code__in=[r[0] for r in RULES]).delete()
    apps.get_model("documents", "DocumentKind").objects.filter(code__in=[k[0] for k in KINDS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("energy", "0001_initial"),
        ("deadlines", "0001_initial"),
        ("documents", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
