"""Every inspections model in the admin that keeps a history shows it (SimpleHistoryAdmin): on the demo data a superuser
opens each one's history page (the energy demo first: a file score scores an energy case)."""

import pytest

from energy import demo as energy_demo
from inspections import demo
from linggao_mi.org.demo import load as load_org_demo
from tests.admin_history import assert_history_admins, assert_history_pages_open

pytestmark = pytest.mark.django_db


def test_models_with_history_have_a_history_admin():
    assert_history_admins("inspections")


def test_history_pages_open_for_a_superuser(client):
    users = load_org_demo("pw-for-tests")
    energy_demo.load(users)
    demo.load(users)
    client.force_login(users["admin"])
    assert_history_pages_open(client, "inspections")
