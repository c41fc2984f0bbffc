"""The reference rows energy needs in another app's table: its DeadlineRule periods.

`ensure_reference_rows` creates the rows that are missing and leaves existing ones alone, so an amount an
admin changed stays as configured. Migration 0002 calls it with the historical app registry (it imports no
model, only what `apps` hands it). EnergyConfig.ready() connects `restore_after_migrate` to post_migrate,
which Django sends after every migrate and every flush: that puts the rows back after transactional tests
empty the tables, and makes a rule added to this list after 0002 was applied, as long as 0002 is applied.

Because migration 0002 runs this against deadlines 0001, it may only set fields that migration creates.
The regime's document kinds are not listed here: they are registered in energy/documents.py, and the documents
app makes their DocumentKind rows after every migrate.
"""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.recorder import MigrationRecorder

from . import rules
from .fixed_asset.reference import DEADLINE_RULES as FIXED_ASSET_DEADLINE_RULES

DEADLINE_RULES = [
    # code, name, amount, unit, citation, description
    (
        rules.RULE_NOTICE_LEAD, "现场监察提前书面通知", 7, "days", "三（四）5(2)",
        "采取现场监察，应当提前将监察的依据、内容、时间和要求书面通知被监察单位；办理案件、处理举报投诉和抽查除外。"
        "《节能监察办法》规定为5日，本县权责清单规定为7日。",
    ),
    (
        rules.RULE_DELIVERY, "限期整改通知书或节能监察建议书送达", 15, "days", "三（四）6(4)",
        "节能监察结束后15日内将限期整改通知书或者节能监察建议书送达被监察单位。",
    ),
    (
        rules.RULE_RECTIFICATION, "整改期限（上限）", 6, "months", "三（四）6(6)",
        "被监察单位的整改期限一般不超过6个月；案件的整改期限按通知书确定的月数自送达之日起计算。",
    ),
    (
        rules.RULE_EXTENSION_WINDOW, "延期申请提出期间", 15, "days", "三（四）6(6)",
        "确需延长整改期限的，被监察单位应当在期限届满前15日内以书面形式提出延期申请。",
    ),
    (
        rules.RULE_EXTENSION_DECISION, "延期申请决定", 5, "workdays", "三（四）6(6)",
        "节能监察机构应当自收到延期申请之日起5个工作日内作出决定。",
    ),
    (
        rules.RULE_EXTENSION_MAX, "延期上限", 6, "months", "三（四）6(6)",
        "延期不得超过6个月。",
    ),
    (
        rules.RULE_WRITTEN_REPLY, "限期书面答复", 10, "days", "三（四）4(4)",
        "节能监察人员可以要求被监察单位就监察事项所涉及的问题限期作出书面答复；答复期限由监察人员确定，"
        "未另定的按此期限。",
    ),
    *FIXED_ASSET_DEADLINE_RULES,
]

# The migration that first makes the rows: while it is unapplied (energy migrated back), none are restored.
CREATED_BY = ("energy", "0002_rules_and_kinds")


def ensure_reference_rows(*, apps=global_apps, using: str = DEFAULT_DB_ALIAS) -> None:
    """Create the missing DeadlineRule rows of the regime; never change an existing row."""
    DeadlineRule = apps.get_model("deadlines", "DeadlineRule")
    for code, name, amount, unit, citation, description in DEADLINE_RULES:
        DeadlineRule.objects.using(using).get_or_create(
            code=code,
            defaults={"name": name, "amount": amount, "unit": unit, "citation": citation, "description": description},
        )


def restore_after_migrate(sender, using: str = DEFAULT_DB_ALIAS, apps=global_apps, **kwargs) -> None:
    """post_migrate receiver. A flush sends no `apps` (the live registry then); `migrate` sends the state it left."""
    if CREATED_BY in MigrationRecorder(connections[using]).applied_migrations():
        ensure_reference_rows(apps=apps, using=using)
