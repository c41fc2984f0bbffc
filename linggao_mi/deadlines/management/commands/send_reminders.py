import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from linggao_mi.casework.history import history_user, system_user
from linggao_mi.deadlines.services import reminders_send


def _date(value: str) -> datetime.date:
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"日期格式应为 YYYY-MM-DD：{value}") from error
    # A future date would mark deadlines overdue that are not, and that cannot be undone by a later run.
    if day > timezone.localdate():
        raise CommandError(f"不能按将来的日期发送提醒：{value}晚于今天（{timezone.localdate():%Y-%m-%d}）")
    return day


class Command(BaseCommand):
    help = "发送期限提醒：临近、当日届满和逾期（逾期的同时报告股长）。重复运行不会重复发送。"

    def add_arguments(self, parser):
        parser.add_argument("--date", help="按哪一天计算（YYYY-MM-DD），默认今天")

    def handle(self, *args, date=None, **options):
        day = _date(date) if date else None
        with history_user(system_user()):  # deadlines marked overdue are recorded as the system's doing
            run = reminders_send(today=day)
        self.stdout.write(
            f"{run.day:%Y-%m-%d}：临近{run.upcoming}项，今日届满{run.due_today}项，新逾期{run.overdue}项；"
            f"新通知{run.notified}条，发出邮件{run.emailed}封。"
        )
