"""What every regime's API keeps: the published periods and document kinds, refusals by a rule, a case's deadlines,
and paths that answer with and without the trailing slash."""

import datetime

import pytest
from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework import serializers, viewsets
from rest_framework.test import APIRequestFactory, force_authenticate

from linggao_mi.casework.api import CaseDeadlinesField, with_deadlines
from linggao_mi.casework.rules import Rule, RuleViolation
from linggao_mi.deadlines.models import DeadlineRule
from linggao_mi.deadlines.periods import PeriodError, Unit
from linggao_mi.deadlines.services import deadline_meet, deadline_open
from linggao_mi.documents.kinds import KINDS, KindSpec
from linggao_mi.documents.models import DocumentKind
from tests.caseapp.fixtures import make_case  # noqa: F401
from tests.caseapp.models import DemoCase

pytestmark = pytest.mark.django_db

API = "/api/v1/"


def api_list_routes() -> list[str]:
    """The paths under /api/v1/ without a parameter, as their patterns write them (e.g. "duties/?")."""
    (api,) = [p for p in get_resolver().url_patterns if isinstance(p, URLResolver) and str(p.pattern) == "api/v1/"]

    def walk(patterns, prefix):
        for pattern in patterns:
            text = prefix + str(pattern.pattern).removeprefix("^").removesuffix("$")
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, text)
            elif isinstance(pattern, URLPattern) and "<" not in text:
                yield text

    return sorted(walk(api.url_patterns, ""))


# ---------------------------------------------------------------- paths


def test_every_api_path_is_written_with_an_optional_trailing_slash():
    routes = api_list_routes()
    assert {"duties/?", "deadline-rules/?", "document-kinds/?", "deadlines/compute/?", "energy/cases/?"} <= set(routes)
    assert [route for route in routes if not route.endswith("/?")] == []


@pytest.mark.parametrize("route", api_list_routes())
def test_both_path_forms_answer_without_redirect(client, users, route):
    client.force_login(users["admin"])
    base = API + route.removesuffix("/?")
    for method in (client.get, client.post):
        with_slash, without = method(base + "/"), method(base)
        assert with_slash.status_code == without.status_code, (method.__name__, base)
        assert with_slash.status_code not in (301, 302, 307, 308, 404), (method.__name__, base)
    assert client.get(base).status_code in (200, 400)  # 400: the calculator without its parameters


def test_schema_lists_each_path_once_with_the_slash(client, users):
    client.force_login(users["staff"])
    paths = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()["paths"]
    assert [p for p in paths if "?" in p or not p.endswith("/")] == []
    assert {f"{API}{route.removesuffix('/?')}/" for route in api_list_routes()} <= set(paths)


# ---------------------------------------------------------------- deadline rules


def test_deadline_rules_publish_every_period(client, users):
    DeadlineRule.objects.create(
        code="t-keep", name="保存记录", amount=3, unit=Unit.YEARS, citation="三（四）7", description="测试"
    )
    client.force_login(users["staff"])
    response = client.get(f"{API}deadline-rules/")
    assert response.status_code == 200
    data = response.json()
    assert [rule["code"] for rule in data] == list(DeadlineRule.objects.order_by("code").values_list("code", flat=True))
    assert all(set(rule) == {"code", "name", "amount", "unit", "clause", "description"} for rule in data)
    assert {rule["unit"] for rule in data} <= {"days", "workdays", "months", "years"}
    kept = next(rule for rule in data if rule["code"] == "t-keep")
    assert kept == {
        "code": "t-keep",
        "name": "保存记录",
        "amount": 3,
        "unit": "years",
        "clause": "三（四）7",
        "description": "测试",
    }
    assert client.get(f"{API}deadline-rules/t-keep/").json() == client.get(f"{API}deadline-rules/t-keep").json() == kept


# ---------------------------------------------------------------- document kinds


def _spec(code: str, name: str) -> KindSpec:
    return KindSpec(
        code=code,
        name=name,
        number_prefix="临工信测",
        template="documents/pdf/generic.html",
        regime="testcases",
        facts=lambda case: {},
    )


def test_document_kinds_list_every_registered_kind(client, users, monkeypatch):
    monkeypatch.setitem(KINDS, "t_renamed", _spec("t_renamed", "规范中的名称"))
    monkeypatch.setitem(KINDS, "t_new", _spec("t_new", "尚无记录的文书"))
    DocumentKind.objects.update_or_create(
        code="t_renamed", defaults={"name": "管理员改过的名称", "number_prefix": "临"}
    )
    client.force_login(users["staff"])
    response = client.get(f"{API}document-kinds/")
    assert response.status_code == 200
    data = {kind["code"]: kind for kind in response.json()}
    assert set(data) == set(KINDS)
    rows = dict(DocumentKind.objects.values_list("code", "name"))
    for code, spec in KINDS.items():
        assert data[code]["name"] == rows.get(code, spec.name)
        assert data[code]["regime"] == spec.regime
    assert data["t_renamed"] == {
        "code": "t_renamed",
        "name": "管理员改过的名称",
        "regime": "testcases",
        "regime_name": "测试案件",
    }
    assert data["t_new"]["name"] == "尚无记录的文书"


@pytest.mark.parametrize("url", ["deadline-rules/", "document-kinds/", "deadline-rules", "document-kinds"])
def test_reference_lists_need_login(client, url):
    assert client.get(API + url).status_code in (401, 403)


# ---------------------------------------------------------------- refusals


LATE = Rule("t.late", "已超过期限", "三（四）5(2)")


class RefusingViewSet(viewsets.ViewSet):
    def list(self, request):
        raise {
            "rule": RuleViolation(LATE),
            "explained": RuleViolation(LATE, "逾期3日"),
            "fields": DjangoValidationError({"due": ["届满日不能早于起算日"]}),
            "plain": DjangoValidationError("数据有误"),
            "period": PeriodError("起算日期须在1900-01-01至2199-12-31之间。"),
        }[request.query_params["case"]]


@pytest.mark.parametrize(
    ("case", "body"),
    [
        ("rule", {"detail": "已超过期限", "rule": "t.late", "clause": "三（四）5(2)"}),
        ("explained", {"detail": "已超过期限", "rule": "t.late", "clause": "三（四）5(2)", "explanation": "逾期3日"}),
        ("fields", {"detail": "届满日不能早于起算日", "errors": {"due": ["届满日不能早于起算日"]}}),
        ("plain", {"detail": "数据有误", "errors": {"non_field_errors": ["数据有误"]}}),
        ("period", {"detail": "起算日期须在1900-01-01至2199-12-31之间。",
                    "errors": {"non_field_errors": ["起算日期须在1900-01-01至2199-12-31之间。"]}}),
    ],
)
def test_refusals_answer_400_with_rule_and_clause(users, case, body):
    request = APIRequestFactory().get("/", {"case": case})
    force_authenticate(request, users["staff"])
    response = RefusingViewSet.as_view({"get": "list"})(request)
    assert response.status_code == 400
    assert response.data == body


# ---------------------------------------------------------------- a case's deadlines


class DemoCaseSerializer(serializers.ModelSerializer):
    deadlines = CaseDeadlinesField()

    class Meta:
        model = DemoCase
        fields = ["id", "deadlines"]


@pytest.fixture
def periods(db):
    return [
        DeadlineRule.objects.create(
            code="t-notice", name="送达通知", amount=15, unit=Unit.DAYS, citation="三（四）6(4)"
        ),
        DeadlineRule.objects.create(
            code="t-report", name="报送结果", amount=1, unit=Unit.YEARS, citation="三（四）6(5)"
        ),
    ]


def _cases_with_deadlines(make, count: int) -> list[DemoCase]:
    cases = []
    for _ in range(count):
        case = make()
        notice = deadline_open(case=case, rule_code="t-notice", start=datetime.date(2026, 9, 20), section=case.section)
        deadline_meet(deadline=notice, on=datetime.date(2026, 10, 9))
        deadline_open(case=case, rule_code="t-report", start=datetime.date(2026, 3, 2), section=case.section)
        cases.append(case)
    return cases


def test_case_deadlines_field_shows_rule_due_and_when_met(make_case, periods):  # noqa: F811
    (case,) = _cases_with_deadlines(make_case, 1)
    data = DemoCaseSerializer(case).data
    assert data["deadlines"] == [
        {"rule": "t-notice", "due": "2026-10-08", "provisional": False, "met_on": "2026-10-09"},
        {"rule": "t-report", "due": "2027-03-02", "provisional": True, "met_on": None},
    ]


@pytest.mark.parametrize("count", [1, 4])
def test_case_deadlines_of_a_list_cost_one_query(make_case, periods, count, django_assert_num_queries):  # noqa: F811
    _cases_with_deadlines(make_case, count)
    with django_assert_num_queries(2):  # the cases, then every deadline with its rule
        data = DemoCaseSerializer(with_deadlines(DemoCase.objects.all()), many=True).data
    assert len(data) == count and all(len(case["deadlines"]) == 2 for case in data)
