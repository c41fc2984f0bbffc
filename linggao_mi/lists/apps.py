from django.apps import AppConfig


class ListsConfig(AppConfig):
    name = "linggao_mi.lists"
    label = "lists"
    verbose_name = "列表"
