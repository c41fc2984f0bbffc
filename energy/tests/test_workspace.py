"""The workspace per role, on energy cases: an inspector's open cases by unit with the next step from the
workflow table and the next deadline; the chief's approval queue with case number, unit, kind and waiting time;
drafts returned to their author with the reason; the leader's overview (counts by state, overdue, opened and
closed per month); a constant number of queries whatever the rows."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from energy.choices import CaseState, Trigger
from linggao_mi.casework import workspace
from linggao_mi.documents import services as documents

from .conftest import decide_violation, onsite_recorded, plan
from .factories import EnergyUnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_cached_overview():
    cache.delete(workspace.OVERVIEW_KEY)  # counted by another test (or a server sharing the cache)


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def section(html: str, heading: str) -> str:
    start = html.index(heading)
    end = html.find("<h2", start)
    return html[start : end if end > 0 else None]


def test_inspector_sees_open_cases_by_unit_with_next_step_and_deadline(client, users):
    zinc = plan(users, EnergyUnitFactory(name="临高乙锌业有限公司"))
    spot = plan(users, EnergyUnitFactory(name="临高丙糖业有限公司"), trigger=Trigger.SPOT)
    decided = decide_violation(users, onsite_recorded(users, EnergyUnitFactory(name="临高甲电力有限公司")))
    client.force_login(users["inspector1"])
    response = client.get("/workspace/")
    cases = response.context["cases"].rows
    assert [c.unit.name for c in cases] == sorted(["临高乙锌业有限公司", "临高丙糖业有限公司", "临高甲电力有限公司"])
    steps = {c.pk: c.next_step for c in cases}
    assert steps[zinc.pk] == "节能监察通知书送达"  # a planned inspection is notified first (三（四）5(2))
    assert steps[spot.pk] == "制作现场监察笔录"  # a spot check is not
    assert decided.state == CaseState.NOTICE_PENDING and steps[decided.pk] == "处理文书送达"
    mine = section(response.content.decode(), "我承办的在办案件")
    row = mine[mine.index("临高甲电力有限公司"):]
    row = row[: row.index("</tr>")]
    assert decided.reference in row and "处理文书送达" in row and re.search(r"还剩\d+天", row)
    assert mine.index("临高甲电力有限公司") < mine.index(decided.reference)  # the unit first, then the number


def test_chief_queue_shows_case_unit_kind_and_waiting_time_and_the_author_sees_the_return(client, users, unit):
    case = decide_violation(users, onsite_recorded(users, unit))
    document = documents.document_submit(actor=users["inspector1"], document=case.outcome_document)
    client.force_login(users["chief"])
    queue = section(client.get("/workspace/").content.decode(), "待我审批的文书")
    assert case.reference in queue and unit.name in queue and document.kind.name in queue
    assert "报送" in queue and re.search(r"\d+\s*(分钟|minutes?)", queue)  # waiting since the submission

    documents.document_return(actor=users["chief"], document=document, reason="整改期限未写明起算日。")
    client.force_login(users["inspector1"])
    returned = section(client.get("/workspace/").content.decode(), "退回我修改的文书")
    assert "整改期限未写明起算日。" in returned and case.reference in returned and unit.name in returned
    client.force_login(users["inspector2"])  # not an author of the draft
    assert "退回我修改的文书" not in client.get("/workspace/").content.decode()


def test_leader_overview_counts_states_and_overdue_and_charts_months(client, users, unit):
    late = decide_violation(users, onsite_recorded(users, unit, start=-40))  # its delivery deadline is past
    plan(users, unit)
    client.force_login(users["leader"])
    response = client.get("/workspace/")
    energy = next(r for r in response.context["overview"].regimes if r.name == "节能监察案件")
    assert energy.open == 2 and energy.overdue == 1
    assert dict(energy.states) == {"已立案": 1, late.get_state_display(): 1}
    chart = response.context["overview"].chart
    assert len(chart.months) == 12 and chart.months[-1].month == timezone.localdate().replace(day=1)
    assert sum(m.opened for m in chart.months) == 2 and sum(m.closed for m in chart.months) == 0
    html = response.content.decode()
    assert "<svg" in html and html.count('class="opened"') == 12 and "近12个月立案与结案" in html
    client.force_login(users["inspector1"])
    assert client.get("/workspace/").context["overview"] is None  # the overview is the leader's


@pytest.mark.parametrize("role", ["inspector1", "chief", "leader"])
def test_workspace_queries_do_not_grow_with_rows(client, users, unit, role):
    def add():
        case = decide_violation(users, onsite_recorded(users, unit))
        documents.document_submit(actor=users["inspector1"], document=case.outcome_document)
        plan(users, EnergyUnitFactory())

    client.force_login(users[role])
    add()
    with CaptureQueriesContext(connection) as few:
        client.get("/workspace/")
    for _ in range(3):
        add()
    cache.delete(workspace.OVERVIEW_KEY)  # the leader's overview counted again, not served from the cache
    with CaptureQueriesContext(connection) as many:
        response = client.get("/workspace/")
    assert len(many) == len(few)
    if role == "inspector1":
        assert len(response.context["cases"].rows) == 8


def test_the_energy_cases_left_out_link_to_the_case_list(users, unit):
    plan(users, unit)
    plan(users, EnergyUnitFactory())
    cases = workspace.open_cases_by_subject(users["inspector1"], n=1)
    assert len(cases.rows) == 1 and cases.total == 2
    assert cases.lists == [workspace.CaseList("节能监察案件", reverse("energy:case_list"))]
