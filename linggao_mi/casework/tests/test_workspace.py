"""The workspace ("my work"): my open cases, my deadlines overdue first, documents waiting for my approval."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from linggao_mi.deadlines.models import DeadlineRule
from linggao_mi.deadlines.services import deadline_open
from linggao_mi.documents import services as documents
from linggao_mi.documents.models import DocumentKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def rule(db):
    return DeadlineRule.objects.create(code="t-ws", name="送达通知书", amount=15, unit="days", citation="三（四）6(4)")


@pytest.fixture
def kind(db):
    return DocumentKind.objects.get(code="test-notice")  # registered by tests/caseapp/documents.py


def _titles(response, key):
    return [str(item) for item in response.context[key]]


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
    assert [c.pk for c in response.context["cases"]] == [mine.pk]
    assert closed.pk not in [c.pk for c in response.context["cases"]]
    assert [d.pk for d in response.context["deadlines"]] == [overdue.pk, later.pk]
    assert list(response.context["approvals"]) == []  # nobody approves their own document

    client.force_login(users["chief"])
    response = client.get("/workspace/")
    assert [d.title for d in response.context["approvals"]] == ["请审批"]
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


def test_workspace_needs_login(client):
    response = client.get("/workspace/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
