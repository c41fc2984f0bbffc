"""The inspections models' history pages (SimpleHistoryAdmin) open for a superuser on the demo data (the energy demo
first: a file score scores an energy case)."""

import pytest

from energy import demo as energy_demo
from inspections import demo
from linggao_mi.org.demo import load as load_org_demo
from tests.admin_history import assert_history_pages_open

pytestmark = pytest.mark.django_db


def test_history_pages_open_for_a_superuser(client):
    users = load_org_demo("pw-for-tests")
    energy_demo.load(users)
    demo.load(users)
    client.force_login(users["admin"])
    assert_history_pages_open(client, "inspections")
