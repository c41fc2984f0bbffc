import json
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "载入 fixtures/ 中的登记表；已有数据的表保持不变（再次运行不会覆盖工作人员的修改）。"

    def handle(self, *args, **options):
        for path in sorted(Path(settings.BASE_DIR, "fixtures").glob("*.json")):
            labels = {row["model"] for row in json.loads(path.read_text(encoding="utf-8"))}
            if any(apps.get_model(label).objects.exists() for label in labels):
                self.stdout.write(f"{path.name}: 已有数据，跳过")
                continue
            call_command("loaddata", str(path), verbosity=0)
            self.stdout.write(f"{path.name}: 已载入")
