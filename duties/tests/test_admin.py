"""Every register model is in the admin, with its history (SimpleHistoryAdmin)."""

import pytest
from django.contrib import admin
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from boundaries.models import Assignment, BoundaryCase, BoundaryMatter, LegalBasis
from duties.models import Duty, DutyItem
from services.models import PublicityEvent, ServiceItem

pytestmark = pytest.mark.django_db

MODELS = [Duty, DutyItem, BoundaryMatter, Assignment, LegalBasis, BoundaryCase, ServiceItem, PublicityEvent]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_model_has_a_history_admin_whose_pages_open(client, users, model):
    assert isinstance(admin.site._registry[model], SimpleHistoryAdmin)
    client.force_login(users["admin"])
    opts = model._meta
    obj = model.objects.order_by("pk").first()
    for name, args in [("changelist", []), ("change", [obj.pk]), ("history", [obj.pk])]:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=args)
        assert client.get(url).status_code == 200, url
