"""The admin across every app: each model that keeps history shows it; the documents' history opens on the demo."""

import pytest
from django.core.management import call_command

from tests.admin_history import assert_history_admins, assert_history_pages_open

pytestmark = pytest.mark.django_db


def test_every_model_that_keeps_history_shows_it_in_the_admin():
    assert_history_admins()


def test_document_history_pages_open_for_a_superuser(client, django_user_model):
    call_command("load_demo", verbosity=0)
    client.force_login(django_user_model.objects.get(username="admin"))
    assert_history_pages_open(client, "documents")
