from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "linggao_mi.documents"
    label = "documents"
    verbose_name = "文书"
