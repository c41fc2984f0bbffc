"""The admin across every app: each model that keeps history shows it; the documents' history opens on the demo;
a past version of a record the admin only reads cannot be posted back over it."""

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse

from energy.models import InspectionCase
from tests.admin_history import assert_history_admins, assert_history_pages_open

pytestmark = pytest.mark.django_db


def test_every_model_that_keeps_history_shows_it_in_the_admin():
    assert_history_admins()


def test_document_history_pages_open_for_a_superuser(client, django_user_model):
    call_command("load_demo", verbosity=0)
    client.force_login(django_user_model.objects.get(username="admin"))
    assert_history_pages_open(client, "documents")


def test_a_past_version_cannot_be_posted_back_over_a_record_the_admin_only_reads(client, django_user_model):
    """simple_history saves what a version's form posts when the user may only view the record; on the read-only
    admins (cases, deadlines, documents …) that would write past the services, so the post is refused (403) and
    changes nothing — for the superuser too."""
    call_command("load_demo", verbosity=0)
    admin_user = django_user_model.objects.get(username="admin")
    client.force_login(admin_user)
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    refused = []
    for model, model_admin in admin.site._registry.items():
        if not hasattr(model, "history") or model_admin.has_change_permission(request):
            continue
        version = model.history.order_by("history_id").first()
        if version is None:
            continue
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_simple_history", args=[version.id, version.history_id])
        assert client.get(url).status_code == 200, url  # reading a past version stays open
        assert client.post(url, {}).status_code == 403, url
        refused.append(opts.label)
    assert {"energy.InspectionCase", "deadlines.Deadline"} <= set(refused), refused

    case = InspectionCase.objects.exclude(state="closed").order_by("pk").first()
    version = case.history.order_by("history_id").first()
    url = reverse("admin:energy_inspectioncase_simple_history", args=[case.pk, version.history_id])
    form = client.get(url).context["adminform"].form
    data = {name: _posted(form.initial.get(name, field.initial)) for name, field in form.fields.items()}
    data["state"] = "closed"
    assert client.post(url, {k: v for k, v in data.items() if v is not None}).status_code == 403
    case.refresh_from_db()
    assert case.state != "closed"


def _posted(value):
    """A form's initial value as a browser would post it back."""
    if hasattr(value, "pk"):
        return value.pk
    if isinstance(value, list | tuple | set) or hasattr(value, "all"):
        return [getattr(item, "pk", item) for item in (value.all() if hasattr(value, "all") else value)]
    return value
