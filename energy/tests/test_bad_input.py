"""Bad input answers 400 with a message in Chinese and changes nothing: a date the working-day calendar cannot count
from (in the API and in every step form), a moment at the edge of what Python holds, a string longer than its column;
a choice not yet made is null, as the schema says, never a "" outside its enum."""

import pytest
from rest_framework.test import APIClient

from energy.forms import PlanCorrectForm
from energy.models import EnergyUnit, InspectionCase
from linggao_mi.deadlines.periods import OUTSIDE_CALENDAR

from .conftest import TODAY, plan
from .test_api import CASES, UNIT, UNITS, step

pytestmark = pytest.mark.django_db
OUTSIDE_THE_CALENDAR = ["0001-01-01", "1899-12-31", "2200-01-01", "9999-12-31"]


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.mark.parametrize("day", OUTSIDE_THE_CALENDAR)
def test_a_case_planned_outside_the_calendar_is_refused(users, unit, day):
    body = {
        "unit": unit.pk, "mode": "onsite", "trigger": "spot", "planned_date": day, "items": ["1"],
        "inspectors": [users["inspector1"].pk, users["inspector2"].pk],
    }
    response = api(users["inspector1"]).post(CASES, body, format="json")
    assert response.status_code == 400, response.content.decode()
    assert response.json() == {"planned_date": [OUTSIDE_CALENDAR]}
    assert not InspectionCase.objects.exists()


@pytest.mark.parametrize("day", OUTSIDE_THE_CALENDAR)
def test_a_step_dated_outside_the_calendar_is_refused_and_changes_nothing(users, unit, day):
    case = plan(users, unit)
    planned = case.planned_date
    response = api(users["inspector1"]).post(
        step(case, "plan-correct"), {"planned_date": day, "reason": "单位申请改期"}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"planned_date": [OUTSIDE_CALENDAR]}
    case.refresh_from_db()
    assert case.planned_date == planned


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00+08:00", "9999-12-31T23:59:59-08:00"])
def test_a_record_at_the_edge_of_time_is_refused_not_a_crash(users, unit, moment):
    case = plan(users, unit, trigger="spot", planned=TODAY())
    record = {
        "started_at": moment, "ended_at": moment, "place": "厂区", "present": "张三", "measures": ["1"],
        "inspectors": [users["inspector1"].pk, users["inspector2"].pk],
    }
    response = api(users["inspector1"]).post(step(case, "record-file"), record, format="json")
    assert response.status_code == 400, response.content.decode()
    assert set(response.json()) == {"started_at", "ended_at"}


def test_strings_longer_than_their_column_are_refused(users, unit):
    limit = EnergyUnit._meta.get_field("name").max_length
    response = api(users["chief"]).post(UNITS, {**UNIT, "name": "临" * (limit + 1)}, format="json")
    assert response.status_code == 400
    assert response.json() == {"name": [f"请确保这个字段不能超过 {limit} 个字符。"]}
    assert not EnergyUnit.objects.filter(name__startswith="临临").exists()

    case = plan(users, unit)
    response = api(users["inspector1"]).post(
        step(case, "plan-correct"), {"planned_date": TODAY().isoformat(), "reason": "因" * 501}, format="json"
    )
    assert response.status_code == 400 and list(response.json()) == ["reason"]


def test_a_choice_not_yet_made_is_null_and_the_schema_says_so(users, unit, client):
    case = plan(users, unit)
    body = api(users["inspector1"]).get(f"{CASES}/{case.pk}").json()
    assert body["outcome"] is None and body["verification_result"] is None

    client.force_login(users["staff"])
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    outcome = schema["components"]["schemas"]["CaseDetail"]["properties"]["outcome"]
    assert outcome["nullable"] is True
    assert [ref["$ref"].rsplit("/", 1)[1] for ref in outcome["oneOf"]] == ["OutcomeEnum", "NullEnum"]
    assert "" not in schema["components"]["schemas"]["OutcomeEnum"]["enum"]


@pytest.mark.parametrize("day", OUTSIDE_THE_CALENDAR)
def test_every_step_form_refuses_a_date_outside_the_calendar(users, unit, day):
    form = PlanCorrectForm(data={"planned_date": day, "reason": "单位申请改期"}, case=plan(users, unit))
    assert not form.is_valid()
    assert form.errors == {"planned_date": [OUTSIDE_CALENDAR]}
