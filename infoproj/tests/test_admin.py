"""The infoproj models' history pages (SimpleHistoryAdmin) open for a superuser on the demo data."""

import pytest

from infoproj import demo
from linggao_mi.org.demo import load as load_org_demo
from tests.admin_history import assert_history_pages_open

pytestmark = pytest.mark.django_db


def test_history_pages_open_for_a_superuser(client):
    users = load_org_demo("pw-for-tests")
    demo.load(users)
    client.force_login(users["admin"])
    assert_history_pages_open(client, "infoproj")
