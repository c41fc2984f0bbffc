from django.apps import AppConfig


class AttachmentsConfig(AppConfig):
    name = "linggao_mi.attachments"
    label = "attachments"
    verbose_name = "附件（全过程记录）"
