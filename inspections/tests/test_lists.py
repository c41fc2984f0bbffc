"""The lists of 三（一） as a clerk uses them (linggao_mi.lists): search by 案号 or 受理编号, state filters, sorting,
the next deadline with days left, the filtered list exported (read back with openpyxl), only the rows the user may
see, and a constant number of queries whatever the rows."""

import pytest
from django.urls import reverse

from inspections import services
from inspections.choices import CheckState, ComplaintKind, FaultState, NoticeDecision, SupervisionState
from linggao_mi.org.choices import Role
from linggao_mi.org.models import Section
from tests.factories import UserFactory
from tests.lists import exported_rows, queries_of

from .conftest import days, open_check, open_supervision, served_supervision

pytestmark = pytest.mark.django_db
CHECKS, SUPERVISIONS = reverse("inspections:check_list"), reverse("inspections:supervision_list")
FAULTS, COMPLAINTS = reverse("inspections:fault_list"), reverse("inspections:complaint_list")
LEGAL = reverse("inspections:legal_queue")


def listed(client, url, **query) -> list:
    response = client.get(url, query)
    assert response.status_code == 200
    return [getattr(row, "reference", None) or row.tracking_number for row in response.context["page"].object_list]


@pytest.fixture
def outsider():
    """An inspector of 信息化股, who sees none of 工业股's cases."""
    return UserFactory(username="t_outsider", role=Role.INSPECTOR, section=Section.objects.get(code="it"))


def open_fault(users, person="inspector2"):
    return services.fault_open(
        actor=users["chief"], person=users[person], situations=["2"], evidence="案卷未告知陈述申辩权利",
        inspectors=[users["inspector1"]],
    )


def file_complaint(kind=ComplaintKind.APPEAL, subject="对一次执法检查的申诉"):
    filed = services.complaint_file(kind=kind, subject=subject, content="检查人员未出示执法证件。")
    return filed.complaint.tracking_number


def test_checks_searched_by_case_number_filtered_sorted_and_exported(client, users, sme, outsider):
    first, second = open_check(users, sme, at=days(-3)), open_check(users, sme)
    client.force_login(users["inspector1"])
    assert listed(client, CHECKS) == [second.reference, first.reference]  # newest first
    assert listed(client, CHECKS, q=first.reference) == [first.reference]
    assert listed(client, CHECKS, q=f"{first.year}-{first.serial}") == [first.reference]
    assert listed(client, CHECKS, q="省工信厅") == [second.reference, first.reference]
    assert listed(client, CHECKS, sort="reference") == [first.reference, second.reference]
    assert listed(client, CHECKS, sort="-started_on") == [second.reference, first.reference]
    assert listed(client, CHECKS, state=CheckState.CLOSED) == []
    assert listed(client, CHECKS, state=CheckState.CHECKING, q=second.reference) == [second.reference]
    rows = exported_rows(client.get(CHECKS, {"export": "xlsx", "q": first.reference}))
    assert rows[0][:3] == ("案号", "检查缘由", "部署文件或缘由说明") and "受查股室" in rows[0]
    assert [r[0] for r in rows[1:]] == [first.reference]
    assert rows[1][rows[0].index("受查股室")] == sme.name
    client.force_login(outsider)
    assert listed(client, CHECKS) == []
    assert exported_rows(client.get(CHECKS, {"export": "xlsx"}))[1:] == []
    client.force_login(users["leader"])
    assert len(listed(client, CHECKS)) == 2


def test_supervisions_show_the_next_deadline_with_days_left_and_sort_by_it(client, users, sme, outsider):
    served = served_supervision(users, sme, at=days(-25))  # 20 days to correct: overdue now
    drafting = open_supervision(users, sme)
    client.force_login(users["inspector1"])
    page = {c.reference: c for c in client.get(SUPERVISIONS).context["page"].object_list}
    due = page[served.reference].next_due
    assert due is not None and page[drafting.reference].next_due is None
    html = client.get(SUPERVISIONS).content.decode()
    assert f"逾期{(days(0) - due).days}天" in html
    assert listed(client, SUPERVISIONS, sort="next_due") == [served.reference, drafting.reference]
    assert listed(client, SUPERVISIONS, sort="-next_due") == [served.reference, drafting.reference]  # nulls last
    assert listed(client, SUPERVISIONS, state=SupervisionState.CORRECTING) == [served.reference]
    assert listed(client, SUPERVISIONS, decision=NoticeDecision.REVOKE) == []
    assert listed(client, SUPERVISIONS, q=served.notice_document.number) == [served.reference]
    rows = exported_rows(client.get(SUPERVISIONS, {"export": "xlsx", "state": SupervisionState.CORRECTING}))
    assert [r[0] for r in rows[1:]] == [served.reference]
    assert rows[1][rows[0].index("剩余天数（负数为逾期）")] == (due - days(0)).days < 0
    assert rows[1][rows[0].index("通知（决定）书文号")] == served.notice_document.number
    client.force_login(outsider)
    assert listed(client, SUPERVISIONS) == []


def test_faults_searched_by_person_and_filtered_by_state(client, users, outsider):
    users["inspector2"].first_name, users["inspector2"].last_name = "明", "王"
    users["inspector2"].save()
    by_name, other = open_fault(users), open_fault(users, "inspector1")
    client.force_login(users["chief"])
    assert listed(client, FAULTS, q="王") == [by_name.reference]
    assert listed(client, FAULTS, q=other.reference) == [other.reference]
    assert listed(client, FAULTS, state=FaultState.INVESTIGATING) == [other.reference, by_name.reference]
    assert listed(client, FAULTS, state=FaultState.CLOSED) == []
    assert listed(client, FAULTS, sort="reference") == [by_name.reference, other.reference]
    rows = exported_rows(client.get(FAULTS, {"export": "xlsx", "q": "王"}))
    assert rows[0][:3] == ("案号", "责任人", "过错情形") and [r[0] for r in rows[1:]] == [by_name.reference]
    client.force_login(outsider)
    assert listed(client, FAULTS) == []


def test_complaints_searched_filtered_sorted_exported_and_closed_to_others(client, users):
    appeal = file_complaint()
    report = file_complaint(ComplaintKind.REPORT, "检举某企业违规用能")
    client.force_login(users["chief"])
    assert listed(client, COMPLAINTS) == [report, appeal]
    assert listed(client, COMPLAINTS, q=appeal) == [appeal]
    assert listed(client, COMPLAINTS, q="违规用能") == [report]
    assert listed(client, COMPLAINTS, kind=ComplaintKind.APPEAL) == [appeal]
    assert listed(client, COMPLAINTS, sort="tracking_number") == [appeal, report]
    rows = exported_rows(client.get(COMPLAINTS, {"export": "xlsx", "kind": ComplaintKind.REPORT}))
    assert rows[0][:3] == ("受理编号", "类型", "事项") and rows[1:] and [r[0] for r in rows[1:]] == [report]
    assert rows[1][1] == "检举"
    client.force_login(users["staff"])  # no complaint permission: neither the list nor its export
    assert client.get(COMPLAINTS).status_code == 403
    assert client.get(COMPLAINTS, {"export": "xlsx"}).status_code == 403


def test_the_legal_queue_lists_those_waiting_first_and_exports_them(client, users, sme):
    decided, waiting = open_supervision(users, sme), open_supervision(users, sme)
    first = services.legal_review_request(actor=users["inspector1"], document=decided.notice_document)
    services.legal_review_request(actor=users["inspector1"], document=waiting.notice_document)
    services.legal_review_decide(actor=users["legal"], review=first, passed=False, opinion="处理依据应引用具体条款")
    client.force_login(users["legal"])
    cases = lambda **q: [r.case.reference for r in client.get(LEGAL, q).context["page"].object_list]  # noqa: E731
    assert cases() == [waiting.reference, decided.reference]  # waiting first, though sent later
    assert cases(sort="requested_at") == [decided.reference, waiting.reference]
    assert cases(state="returned") == [decided.reference]
    assert cases(q=waiting.reference) == [waiting.reference]
    rows = exported_rows(client.get(LEGAL, {"export": "xlsx", "state": "returned"}))
    assert rows[0][:2] == ("案号", "文书") and [r[0] for r in rows[1:]] == [decided.reference]
    assert rows[1][rows[0].index("审核意见")] == "处理依据应引用具体条款"
    client.force_login(users["inspector1"])  # not a legal reviewer
    assert client.get(LEGAL).status_code == 403


@pytest.mark.parametrize("url", [CHECKS, SUPERVISIONS, FAULTS, COMPLAINTS, LEGAL])
def test_each_list_keeps_a_constant_number_of_queries(client, users, sme, url):
    def add():
        if url == CHECKS:
            open_check(users, sme)
        elif url == SUPERVISIONS:
            served_supervision(users, sme, at=days(-1))
        elif url == FAULTS:
            open_fault(users)
        elif url == LEGAL:
            sent = open_supervision(users, sme)
            services.legal_review_request(actor=users["inspector1"], document=sent.notice_document)
        else:
            file_complaint()

    client.force_login(users["legal" if url == LEGAL else "chief"])
    add()
    queries = [{}, {"export": "xlsx"}, {"q": "临", "sort": "-created_at"}]
    if url == COMPLAINTS:
        queries[2] = {"q": "申诉", "sort": "-received_at"}
    few = [queries_of(client, url, q) for q in queries]
    for _ in range(4):
        add()
    assert [queries_of(client, url, q) for q in queries] == few
