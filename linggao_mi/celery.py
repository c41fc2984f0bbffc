import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "linggao_mi.settings.local")

app = Celery("linggao_mi")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
