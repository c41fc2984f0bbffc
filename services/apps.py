from django.apps import AppConfig


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = "公共服务事项登记表"
