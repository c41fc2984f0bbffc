"""The workspace ("my work"): my open cases, my deadlines overdue first, documents waiting for my approval."""

import datetime
import re
import time

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from linggao_mi.casework import workspace
from linggao_mi.deadlines.models import DeadlineRule
from linggao_mi.deadlines.services import deadline_open
from linggao_mi.documents import services as documents
from linggao_mi.documents.models import DocumentKind

pytestmark = pytest.mark.django_db

N = workspace.ROWS_SHOWN


@pytest.fixture(autouse=True)
def _no_cached_overview():
    cache.delete(workspace.OVERVIEW_KEY)  # counted by another test (or a server sharing the cache)


@pytest.fixture
def rule(db):
    return DeadlineRule.objects.create(code="t-ws", name="送达通知书", amount=15, unit="days", citation="三（四）6(4)")


@pytest.fixture
def kind(db):
    return DocumentKind.objects.get(code="test-notice")  # registered by tests/caseapp/documents.py


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", response.content.decode()))


def test_my_work_lists_my_cases_deadlines_overdue_first_and_my_approvals(client, users, make_case, rule, kind):
    mine = make_case(inspectors=[users["inspector1"]])
    closed = make_case(inspectors=[users["inspector1"]], state="closed")
    others = make_case(inspectors=[users["inspector2"]])
    today = timezone.localdate()
    later = deadline_open(case=mine, rule_code=rule.code, start=today, label="稍后到期")
    overdue = deadline_open(case=mine, rule_code=rule.code, start=today - datetime.timedelta(days=40), label="已逾期")
    deadline_open(case=others, rule_code=rule.code, start=today, label="别人的")
    draft = documents.document_draft(
        actor=users["inspector1"], case=mine, kind_code=kind.code, title="请审批"
    )
    documents.document_submit(actor=users["inspector1"], document=draft)

    client.force_login(users["inspector1"])
    response = client.get("/workspace/")
    assert response.status_code == 200
    assert [c.pk for c in response.context["cases"].rows] == [mine.pk]
    assert closed.pk not in [c.pk for c in response.context["cases"].rows]
    assert [d.pk for d in response.context["deadlines"]] == [overdue.pk, later.pk]
    assert response.context["approvals"].rows == []  # nobody approves their own document

    client.force_login(users["chief"])
    response = client.get("/workspace/")
    assert [d.title for d in response.context["approvals"].rows] == ["请审批"]
    assert "请审批" in response.content.decode()


def test_my_work_runs_a_constant_number_of_queries(client, users, make_case, rule, kind):
    def add_rows():
        case = make_case(inspectors=[users["inspector1"]])
        deadline_open(case=case, rule_code=rule.code, start=timezone.localdate())
        doc = documents.document_draft(
            actor=users["inspector1"], case=case, kind_code=kind.code, title="文"
        )
        documents.document_submit(actor=users["inspector1"], document=doc)

    client.force_login(users["chief"])
    add_rows()
    with CaptureQueriesContext(connection) as few:
        client.get("/workspace/")
    for _ in range(8):
        add_rows()
    with CaptureQueriesContext(connection) as many:
        client.get("/workspace/")
    assert len(many) == len(few)


def test_counts_every_queryset_in_one_query(users, make_case):
    make_case(inspectors=[users["inspector1"]])
    make_case(inspectors=[users["inspector1"], users["inspector2"]])
    model = type(make_case(inspectors=[users["inspector2"]]))
    querysets = [model.objects.filter(inspectors=users["inspector1"]), model.objects.none(),
                 model.objects.filter(inspectors=users["inspector2"]), User.objects.filter(username="nobody")]
    with CaptureQueriesContext(connection) as queries:
        assert workspace.counts(querysets) == [2, 0, 2, 0]
    assert len(queries) == 1


def test_a_panel_not_full_is_not_counted_again(users, make_case):
    model = type(make_case(inspectors=[users["inspector1"]]))
    with CaptureQueriesContext(connection) as queries:
        panel = workspace.first_rows(model.objects.all(), n=2)
    assert (len(panel.rows), panel.total, len(queries)) == (1, 1, 1)
    make_case(inspectors=[users["inspector1"]])
    with CaptureQueriesContext(connection) as queries:
        panel = workspace.first_rows(model.objects.all(), n=2)
    assert (len(panel.rows), panel.total, len(queries)) == (2, 2, 2)  # full: counted


def test_workspace_needs_login(client):
    response = client.get("/workspace/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def _submitted(users, case, kind, title):
    draft = documents.document_draft(actor=users["inspector1"], case=case, kind_code=kind.code, title=title)
    return documents.document_submit(actor=users["inspector1"], document=draft)


def test_my_open_cases_show_the_most_urgent_n_and_say_how_many_more(client, users, make_case, rule):
    today = timezone.localdate()
    overdue = make_case(inspectors=[users["inspector1"]])  # the oldest cases, the most urgent
    deadline_open(case=overdue, rule_code=rule.code, start=today - datetime.timedelta(days=40))
    soon = make_case(inspectors=[users["inspector1"]])
    deadline_open(case=soon, rule_code=rule.code, start=today)
    plain = [make_case(inspectors=[users["inspector1"]]) for _ in range(N + 1)]

    client.force_login(users["inspector1"])
    response = client.get("/workspace/")
    cases = response.context["cases"]
    assert len(cases.rows) == N and cases.total == N + 3 and cases.more == 3
    shown = {case.pk for case in cases.rows}
    assert {overdue.pk, soon.pk} <= shown  # overdue and next due first,
    assert shown - {overdue.pk, soon.pk} == {case.pk for case in plain[-(N - 2):]}  # then the newest
    html = text(response)
    assert f"我承办的在办案件（共{N + 3}件，按单位）" in html
    assert f"此处列出最紧急的{N}件（已逾期、期限最近的优先），另有3件未列出。" in html  # 测试案件 have no list


def test_the_cases_left_out_link_to_their_regimes_list_if_the_user_may_open_it(users, make_case, monkeypatch):
    label = make_case(inspectors=[users["inspector1"]])._meta.label_lower
    make_case(inspectors=[users["inspector1"]])
    monkeypatch.setitem(workspace.CASE_LISTS, label, ("测试案件", "deadlines:list", "testcases.decide_democase"))
    assert workspace.open_cases_by_subject(users["inspector1"], n=2).lists == []  # none left out
    assert workspace.open_cases_by_subject(users["inspector1"], n=1).lists == []  # no permission to its list
    monkeypatch.setitem(workspace.CASE_LISTS, label, ("测试案件", "deadlines:list", None))
    cases = workspace.open_cases_by_subject(users["inspector1"], n=1)
    assert cases.lists == [workspace.CaseList("测试案件", reverse("deadlines:list"))] and cases.more == 1


def test_approvals_show_the_first_n_and_link_to_the_queue(client, users, make_case, kind):
    case = make_case(inspectors=[users["inspector1"]])
    titles = [f"请审批{i}" for i in range(N + 2)]
    for title in titles:
        _submitted(users, case, kind, title)
    client.force_login(users["chief"])
    response = client.get("/workspace/")
    approvals = response.context["approvals"]
    assert [d.title for d in approvals.rows] == titles[:N] and approvals.total == N + 2  # the oldest first
    html = text(response)
    assert f"待我审批的文书（{N + 2}）" in html and f"此处列出报送最早的{N}件，另有2件未列出。" in html
    assert f'href="{reverse("documents:approvals")}"' in response.content.decode()


def test_returned_drafts_are_bounded_and_say_where_the_rest_are(client, users, make_case, kind):
    case = make_case(inspectors=[users["inspector1"]])
    for i in range(N + 1):
        documents.document_return(actor=users["chief"], document=_submitted(users, case, kind, f"退回{i}"), reason="改")
    client.force_login(users["inspector1"])
    response = client.get("/workspace/")
    returned = response.context["returned"]
    assert len(returned.rows) == N and returned.total == N + 1
    assert f"此处列出最近退回的{N}件，另有1件未列出" in text(response)
    assert f'href="{reverse("documents:list")}?state=returned"' in response.content.decode()


def test_the_leaders_overview_is_counted_once_a_minute(client, users, make_case, monkeypatch):
    def demo_open(response):
        return next(r.open for r in response.context["overview"].regimes if r.name == "测试案件")

    make_case()
    client.force_login(users["leader"])
    with CaptureQueriesContext(connection) as counted:
        first = client.get("/workspace/")
    assert demo_open(first) == 1
    assert f"统计于 {timezone.localtime(first.context['overview'].at):%H:%M}" in text(first)
    make_case()
    with CaptureQueriesContext(connection) as cached:
        second = client.get("/workspace/")
    assert len(cached) < len(counted) and demo_open(second) == 1  # from the cache: a minute stale at most
    cache.delete(workspace.OVERVIEW_KEY)
    assert demo_open(client.get("/workspace/")) == 2

    monkeypatch.setattr(workspace, "OVERVIEW_SECONDS", 1)
    cache.delete(workspace.OVERVIEW_KEY)
    client.get("/workspace/")
    make_case()
    time.sleep(1.1)
    assert demo_open(client.get("/workspace/")) == 3  # counted again after its time
