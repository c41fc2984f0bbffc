import importlib

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from linggao_mi.org.demo import load as load_org_demo


class Command(BaseCommand):
    help = "创建演示账号（每个角色一个）与演示数据；生产环境拒绝执行。可重复运行。"

    def handle(self, *args, **options):
        if not settings.DEMO_ACCOUNTS_ALLOWED:
            raise CommandError("当前配置不允许创建演示账号（生产环境从不创建）。")
        users = load_org_demo(settings.DEMO_PASSWORD)
        # Each app may ship a `demo` module whose load(users) adds its own demo records.
        for config in apps.get_app_configs():
            if config.name == "linggao_mi.org":
                continue
            try:
                module = importlib.import_module(f"{config.name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.demo":
                    raise
                continue
            module.load(users)
        self.stdout.write(self.style.SUCCESS("演示账号：" + "、".join(users)))
