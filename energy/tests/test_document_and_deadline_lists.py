"""The documents list, the approval queue and the deadlines list on the list kit, with energy cases: found by
文号, 案号 or unit, filtered and sorted in the URL, exported within the user's scope, in constant queries."""

import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from linggao_mi.documents import services as documents
from linggao_mi.documents.choices import DocumentState
from linggao_mi.org.choices import Role
from linggao_mi.org.models import Section
from tests.factories import CertificateFactory, UserFactory

from .conftest import TODAY, decide_violation, onsite_recorded, plan, serve_notice
from .factories import EnergyUnitFactory, InspectionCaseFactory

pytestmark = pytest.mark.django_db


def sheet_rows(response) -> list[tuple]:
    assert response.status_code == 200 and ".xlsx" in response["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    return list(book.active.iter_rows(values_only=True))


@pytest.fixture
def served(users):
    """A case whose 节能监察通知书 is issued (with its 文号) and served, at 临高海螺水泥有限公司."""
    unit = EnergyUnitFactory(name="临高海螺水泥有限公司")
    return serve_notice(users, plan(users, unit, at=TODAY() - datetime.timedelta(days=3)))


def test_documents_list_finds_by_number_case_number_and_unit_and_exports(client, users, served):
    other = decide_violation(users, onsite_recorded(users, EnergyUnitFactory(name="临高华能电厂")))
    notice = served.notice_document
    client.force_login(users["inspector1"])

    def listed(**query):
        return [d.pk for d in client.get("/documents/", query).context["page"].object_list]

    assert listed(q=notice.number) == [notice.pk]
    assert listed(q=served.reference) == [notice.pk]
    assert listed(q="水泥") == [notice.pk]
    assert listed(q=served.unit.credit_code) == [notice.pk]
    assert set(listed(q="华能")) == {other.notice_document_id, other.outcome_document_id}
    assert listed(state=DocumentState.DRAFT) == [other.outcome_document_id]
    assert listed(sort="-issued_on")[-1] == other.outcome_document_id  # the undated draft last, whichever way
    assert listed(sort="issued_on")[-1] == other.outcome_document_id

    rows = sheet_rows(client.get("/documents/", {"export": "xlsx", "state": DocumentState.SERVED, "q": "水泥"}))
    assert len(rows) == 2
    assert rows[0][:5] == ("文号", "文书种类", "标题", "案号", "单位")
    assert rows[1][0] == notice.number and rows[1][3] == served.reference and rows[1][4] == "临高海螺水泥有限公司"
    assert isinstance(rows[1][rows[0].index("成文日期")], datetime.datetime)


def test_documents_export_holds_only_what_the_user_may_see(client, users, served):
    outsider = UserFactory(username="t_outsider", role=Role.INSPECTOR, section=Section.objects.get(code="sme"))
    CertificateFactory(holder=outsider)
    InspectionCaseFactory(inspectors=[outsider])
    client.force_login(outsider)
    assert sheet_rows(client.get("/documents/", {"export": "xlsx"}))[1:] == []
    assert client.get("/documents/", {"q": served.notice_document.number}).context["page"].object_list == []


def test_approval_queue_lists_case_unit_kind_oldest_first(client, users, unit):
    first = decide_violation(users, onsite_recorded(users, unit))
    second = decide_violation(users, onsite_recorded(users, EnergyUnitFactory(name="临高华能电厂")))
    for case in (first, second):
        documents.document_submit(actor=users["inspector1"], document=case.outcome_document)
    client.force_login(users["chief"])
    response = client.get("/documents/approvals/")
    queue = [d.pk for d in response.context["page"].object_list]
    assert queue == [first.outcome_document_id, second.outcome_document_id]
    html = response.content.decode()
    assert first.reference in html and unit.name in html and first.outcome_document.kind.name in html
    assert [d.pk for d in client.get("/documents/approvals/", {"q": "华能电厂"}).context["page"].object_list] == [
        second.outcome_document_id
    ]
    rows = sheet_rows(client.get("/documents/approvals/", {"export": "xlsx"}))
    assert rows[0] == ("案号", "单位", "文书种类", "标题", "起草人", "报送时间", "已等待（天）")
    assert [r[0] for r in rows[1:]] == [first.reference, second.reference] and rows[1][6] == 0
    client.force_login(users["inspector1"])  # the drafter approves nothing of theirs
    assert client.get("/documents/approvals/").context["page"].object_list == []


def test_deadlines_list_search_filter_sort_export(client, users, unit):
    late = decide_violation(users, onsite_recorded(users, unit, start=-40))
    running = decide_violation(users, onsite_recorded(users, EnergyUnitFactory(name="临高华能电厂")))
    client.force_login(users["inspector1"])

    def cases(**query):
        return [d.object_id for d in client.get("/deadlines/", query).context["page"].object_list]

    assert cases() == [late.pk, running.pk]  # overdue first
    assert cases(q="华能电厂") == [running.pk]
    assert cases(q=late.reference) == [late.pk]
    assert cases(overdue="on") == [late.pk]
    assert cases(sort="-due") == [running.pk, late.pk]
    html = client.get("/deadlines/").content.decode()
    assert "逾期" in html and "还剩" in html and unit.name in html
    rows = sheet_rows(client.get("/deadlines/", {"export": "xlsx", "q": "华能电厂"}))
    assert rows[0][:3] == ("期限", "案件", "单位")
    assert [r[1:3] for r in rows[1:]] == [(running.reference, "临高华能电厂")]
    assert isinstance(rows[1][rows[0].index("届满日")], datetime.datetime)
    client.force_login(users["staff"])  # answers for none of them
    assert sheet_rows(client.get("/deadlines/", {"export": "xlsx"}))[1:] == []


@pytest.mark.parametrize("url", ["/documents/", "/documents/approvals/", "/deadlines/"])
def test_lists_keep_a_constant_number_of_queries(client, users, unit, url):
    def add():
        case = decide_violation(users, onsite_recorded(users, EnergyUnitFactory()))
        documents.document_submit(actor=users["inspector1"], document=case.outcome_document)

    client.force_login(users["chief"])
    add()

    def count(query):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, query)
            assert response.status_code == 200
            if query:
                b"".join(response.streaming_content)
        return len(queries)

    few = [count({}), count({"export": "xlsx"})]
    for _ in range(3):
        add()
    assert [count({}), count({"export": "xlsx"})] == few
