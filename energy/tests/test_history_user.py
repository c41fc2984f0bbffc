"""A case planned outside a request (a service called as a task or command would): its history and its findings'
history name the planner."""

import pytest

from energy.models import Finding

from .conftest import plan

pytestmark = pytest.mark.django_db


def test_a_plan_made_outside_a_request_names_its_planner(users, unit):
    case = plan(users, unit)
    assert case.history.earliest().history_user == users["inspector1"]
    created = Finding.history.filter(case_id=case.pk, history_type="+")
    assert created.count() == case.findings.count() > 0
    assert {record.history_user for record in created} == {users["inspector1"]}
