import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from boundaries.models import Assignment, BoundaryCase, BoundaryMatter, LegalBasis
from linggao_mi.org.models import Department
from linggao_mi.registers import BASELINE_REASON

from .factories import AssignmentFactory, BoundaryCaseFactory, BoundaryMatterFactory, LegalBasisFactory

pytestmark = pytest.mark.django_db


def test_table_has_three_matters_sixteen_assignments_and_the_source_cases():
    assert list(BoundaryMatter.objects.values_list("name", flat=True)) == [
        "节能管理",
        "电力设施保护",
        "矿产行业矿山关闭监管",
    ]
    assert Assignment.objects.count() == 16
    assert [m.assignments.count() for m in BoundaryMatter.objects.all()] == [3, 8, 5]
    assert LegalBasis.objects.filter(matter__number=2).count() == 5
    titles = list(BoundaryCase.objects.values_list("title", flat=True))
    assert "案例一：电力线路保护范围内违章建筑施工处理" in titles and len(titles) == 4


def test_public_page_shows_assignments_basis_and_cases(client):
    body = client.get(reverse("boundaries:list")).content.decode()
    for a in Assignment.objects.select_related("department"):
        assert a.duties in body and a.department.name in body
    for b in LegalBasis.objects.all():
        assert b.text in body
    for c in BoundaryCase.objects.all():
        assert c.title in body and c.text in body


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.mark.parametrize(
    "url",
    [
        "/boundaries/",
        "/boundaries/?q=测试",
        "/api/v1/boundary-matters/",
        "/api/v1/boundary-matters/lookup/?q=测试",
    ],
)
@pytest.mark.parametrize("as_staff", [False, True])
def test_list_and_lookup_run_a_constant_number_of_queries(client, users, url, as_staff):
    if as_staff:
        client.force_login(users["staff"])
    _queries(client, url)
    before = _queries(client, url)
    departments = list(Department.objects.all()[:3])
    for matter in [*BoundaryMatterFactory.create_batch(2), BoundaryMatter.objects.get(number=2)]:
        AssignmentFactory.create_batch(3, matter=matter)
        LegalBasisFactory.create_batch(2, matter=matter)
        BoundaryCaseFactory.create_batch(2, matter=matter, departments=departments)
    assert _queries(client, url) == before


EDIT_URLS = [
    ("boundaries:matter_edit", 2),
    ("boundaries:matter_history", 2),
    ("boundaries:assignment_add", 2),
    ("boundaries:basis_add", 2),
    ("boundaries:case_add", 2),
    ("boundaries:assignment_edit", 4),
    ("boundaries:assignment_history", 4),
    ("boundaries:basis_edit", 3),
    ("boundaries:basis_history", 3),
    ("boundaries:case_edit", 2),
    ("boundaries:case_history", 2),
]


@pytest.mark.parametrize("name,pk", EDIT_URLS)
def test_edit_pages_permission_matrix(client, users, name, pk):
    url = reverse(name, args=[pk])
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    for role in ("legal", "inspector1"):
        client.force_login(users[role])
        assert client.get(url).status_code == 403, role
    for role in ("staff", "chief", "leader", "admin"):
        client.force_login(users[role])
        assert client.get(url).status_code == 200, role


def test_edit_assignment_records_history(client, users):
    assignment = Assignment.objects.get(matter__number=2, department__name="县海渔局")
    client.force_login(users["staff"])
    response = client.post(
        reverse("boundaries:assignment_edit", args=[assignment.pk]),
        {
            "department": assignment.department_id,
            "order": assignment.order,
            "duties": "负责跨海电缆保护的监督管理工作，配合查处损坏跨海电缆的行为。",
            "reason": "按新三定方案补充",
        },
    )
    assert response.status_code == 302
    assert response.url.endswith(f"#assignment-{assignment.pk}")
    assignment.refresh_from_db()
    assert assignment.duties.endswith("配合查处损坏跨海电缆的行为。")
    assert [r.history_change_reason for r in assignment.history.order_by("history_id")] == [
        BASELINE_REASON,
        "按新三定方案补充",
    ]
    body = client.get(reverse("boundaries:assignment_history", args=[assignment.pk])).content.decode()
    assert "按新三定方案补充" in body and "负责跨海电缆保护的监督管理工作。" in body


def test_duplicate_department_in_a_matter_is_refused_in_chinese(client, users):
    client.force_login(users["staff"])
    response = client.post(
        reverse("boundaries:assignment_add", args=[2]),
        {"department": Department.objects.get(name="县林业局").pk, "duties": "重复的分工"},
    )
    assert response.status_code == 200
    assert "该部门在此管理事项中已有职责分工" in response.content.decode()
    assert Assignment.objects.count() == 16


def test_add_assignment_for_a_new_department(client, users):
    client.force_login(users["chief"])
    response = client.post(
        reverse("boundaries:assignment_add", args=[1]),
        {"department": Department.objects.get(name="县发改委").pk, "duties": "负责能源消费总量目标分解。"},
    )
    assert response.status_code == 302
    added = Assignment.objects.get(matter__number=1, department__name="县发改委")
    assert added.order == 4 and added.history.get().history_user == users["chief"]


def test_edit_case_departments_is_recorded_once_with_the_departments(client, users):
    case = BoundaryCase.objects.get(title__startswith="案例一")
    client.force_login(users["staff"])
    new = [Department.objects.get(name=n).pk for n in ("县工信局", "县住建局", "县国土局")]
    response = client.post(
        reverse("boundaries:case_edit", args=[case.pk]),
        {
            "order": case.order,
            "title": case.title,
            "text": case.text,
            "departments": new,
            "reason": "补充国土",
        },
    )
    assert response.status_code == 302
    assert sorted(case.departments.values_list("pk", flat=True)) == sorted(new)
    records = list(case.history.order_by("history_id"))
    assert len(records) == 2
    assert records[-1].departments.count() == 3 and records[0].departments.count() == 2
    body = client.get(reverse("boundaries:case_history", args=[case.pk])).content.decode()
    assert (
        "涉及部门</strong>：<del>县工信局、县住建局</del> → <ins>县工信局、县住建局、县国土局</ins>" in body
    )
    assert "补充国土" in body and "原始记录" in body


def test_invalid_basis_edit_changes_nothing(client, users):
    basis = LegalBasis.objects.get(matter__number=2, order=1)
    client.force_login(users["staff"])
    response = client.post(reverse("boundaries:basis_edit", args=[basis.pk]), {"order": "第一", "text": ""})
    body = response.content.decode()
    assert response.status_code == 200 and "该字段是必填项" in body and "输入整数" in body
    assert LegalBasis.objects.get(pk=basis.pk).text == basis.text


def test_api_lists_matters_with_assignments_basis_and_cases(client):
    data = client.get("/api/v1/boundary-matters/").json()
    assert data["count"] == 3
    power = data["results"][1]
    assert power["name"] == "电力设施保护"
    assert [a["department"]["name"] for a in power["assignments"]][:2] == ["县工信局", "县公安局"]
    assert len(power["legal_bases"]) == 5 and len(power["cases"]) == 2
    assert client.get(f"/api/v1/boundary-matters/{power['id']}/").json()["name"] == "电力设施保护"
