from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.core.management.base import BaseCommand
from django.core.management.color import no_style
from django.db import connection, transaction


class Command(BaseCommand):
    help = (
        "载入 fixtures/ 中的登记表：只补充尚不存在的行（按主键），已有的行保持原样，"
        "因此再次运行不会覆盖工作人员的修改，升级后新增的登记内容也会补上。"
    )

    @transaction.atomic
    def handle(self, *args, **options):
        for path in sorted(Path(settings.BASE_DIR, "fixtures").glob("*.json")):
            existing: dict[type, set] = {}
            added = 0
            for row in serializers.deserialize("json", path.read_text(encoding="utf-8")):
                model = type(row.object)
                if model not in existing:
                    existing[model] = set(model._default_manager.values_list("pk", flat=True))
                if row.object.pk not in existing[model]:
                    row.save()
                    added += 1
            if added:
                # Rows came with their primary keys: move the id sequences past them, as loaddata does.
                with connection.cursor() as cursor:
                    for sql in connection.ops.sequence_reset_sql(no_style(), list(existing)):
                        cursor.execute(sql)
            self.stdout.write(f"{path.name}: 新载入{added}行" if added else f"{path.name}: 已是最新，跳过")
