from django.core.management.base import BaseCommand

from linggao_mi.casework.history import history_user, system_user
from linggao_mi.deadlines.services import calendar_load_library


class Command(BaseCommand):
    help = "从 chinesecalendar 库载入数据库中还没有的年度放假安排（已有或管理员录入的年度不会被覆盖）。"

    def handle(self, *args, **options):
        with history_user(system_user()):  # loading a year recomputes provisional deadlines: their history says who
            years = calendar_load_library()
        self.stdout.write(f"已载入：{'、'.join(map(str, years))}" if years else "没有需要载入的年度。")
