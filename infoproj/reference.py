"""The DeadlineRule rows of 三（三）（七）（八）: created by migration 0002 and restored after every migrate and flush,
never changing a row an admin edited (the same contract as energy/reference.py)."""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.recorder import MigrationRecorder

from . import rules

DEADLINE_RULES = [
    # code, name, amount, unit, citation, description
    (
        rules.RULE_AWARD_ANNOUNCEMENT, "发出中标、成交通知书并公告结果", 2, "workdays", "三（八）5(2)",
        "采购人或者采购代理机构应当自中标、成交供应商确定之日起2个工作日内，发出中标、成交通知书，并在省级以上人民政府"
        "财政部门指定的媒体上公告中标、成交结果，招标文件、竞争性谈判文件、询价通知书随中标、成交结果同时公告。",
    ),
    (
        rules.RULE_CHECK_RECTIFICATION, "日常检查限期整改", 30, "days", "三（七）6(2)",
        "对检查中发现的问题，提出整改措施，责令有关单位限期整改；期限由检查小组确定，未另定的按此期限。",
    ),
    (
        rules.RULE_EVALUATION_RECTIFICATION, "绩效评价限期整改", 3, "months", "三（七）6(4)",
        "对未实现批复的建设目标或未达到预期效果的项目，项目建设单位应限期整改；期限由评价时确定，未另定的按此期限。",
    ),
    (
        rules.RULE_MEETING_DECISION, "月碰头会议定事项完成时限", 30, "days", "三（三）3、5",
        "月碰头会议定的事项由责任单位（人）在会议确定的时限内完成；未另定的按此期限。",
    ),
    (
        rules.RULE_WEEKLY_TRACKING, "重点项目周跟踪", 7, "days", "三（三）3、5",
        "每周与企业进行沟通协调，登记周跟踪记录；一周结束仍无记录的，提醒承办人员。",
    ),
]

CREATED_BY = ("infoproj", "0002_deadline_rules")


def ensure_reference_rows(*, apps=global_apps, using: str = DEFAULT_DB_ALIAS) -> None:
    DeadlineRule = apps.get_model("deadlines", "DeadlineRule")
    for code, name, amount, unit, citation, description in DEADLINE_RULES:
        DeadlineRule.objects.using(using).get_or_create(
            code=code,
            defaults={"name": name, "amount": amount, "unit": unit, "citation": citation, "description": description},
        )


def restore_after_migrate(sender, using: str = DEFAULT_DB_ALIAS, apps=global_apps, **kwargs) -> None:
    if CREATED_BY in MigrationRecorder(connections[using]).applied_migrations():
        ensure_reference_rows(apps=apps, using=using)
