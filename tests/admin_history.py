"""Checks that the admin shows history: every registered model that keeps history (django-simple-history) has a
HistoryAdmin, and an app's history pages open for a superuser on the demo data."""

from django.contrib import admin
from django.urls import reverse

from linggao_mi.casework.admin import HistoryAdmin


def registered_models(app_label: str) -> list:
    return [model for model in admin.site._registry if model._meta.app_label == app_label]


def assert_history_admins() -> None:
    """Every model in the admin that keeps history has a HistoryAdmin (its history pages, a past version's page
    read-only unless the user may change the record), and only those."""
    for model, model_admin in admin.site._registry.items():
        assert isinstance(model_admin, HistoryAdmin) == hasattr(model, "history"), model


def assert_history_pages_open(client, app_label: str) -> None:
    """`client` logged in as a superuser, the demo loaded: each historied model's first record's history page."""
    for model in (m for m in registered_models(app_label) if hasattr(m, "history")):
        opts = model._meta
        obj = model.objects.order_by("pk").first()
        assert obj is not None, model
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])
        assert client.get(url).status_code == 200, url
