"""Every infoproj model in the admin that keeps a history shows it (SimpleHistoryAdmin): on the demo data a superuser
opens each one's history page."""

import pytest
from django.contrib import admin
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from infoproj import demo
from linggao_mi.org.demo import load as load_org_demo

pytestmark = pytest.mark.django_db

MODELS = [model for model in admin.site._registry if model._meta.app_label == "infoproj"]


def test_models_with_history_have_a_history_admin():
    for model in MODELS:
        assert isinstance(admin.site._registry[model], SimpleHistoryAdmin) == hasattr(model, "history"), model


def test_history_pages_open_for_a_superuser(client):
    users = load_org_demo("pw-for-tests")
    demo.load(users)
    client.force_login(users["admin"])
    for model in (m for m in MODELS if hasattr(m, "history")):
        opts = model._meta
        obj = model.objects.order_by("pk").first()
        assert obj is not None, model
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])
        assert client.get(url).status_code == 200, url
