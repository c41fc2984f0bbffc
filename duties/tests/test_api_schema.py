"""The registers' read-only API (duties, boundaries, services) is in the OpenAPI schema, warning-free."""

import pytest
from django.urls import include, path
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator

pytestmark = pytest.mark.django_db

REGISTER_API = [
    path("api/v1/", include("duties.api")),
    path("api/v1/", include("boundaries.api")),
    path("api/v1/", include("services.api")),
]


def test_register_endpoints_generate_without_warnings_or_errors():
    GENERATOR_STATS.reset()
    with GENERATOR_STATS.silence():
        schema = SchemaGenerator(patterns=REGISTER_API).get_schema(request=None, public=True)
    problems = [*GENERATOR_STATS._warn_cache, *GENERATOR_STATS._error_cache]
    GENERATOR_STATS.reset()
    assert problems == []
    assert {
        "/api/v1/duties/",
        "/api/v1/duties/{id}/",
        "/api/v1/boundary-matters/",
        "/api/v1/boundary-matters/{id}/",
        "/api/v1/boundary-matters/lookup/",
        "/api/v1/service-items/",
        "/api/v1/service-items/{id}/",
    } <= set(schema["paths"])
    lookup = schema["paths"]["/api/v1/boundary-matters/lookup/"]["get"]
    assert [p["name"] for p in lookup["parameters"]] == ["q"]
    assert "LookupResult" in schema["components"]["schemas"]
    for path_item in schema["paths"].values():
        assert set(path_item) == {"get"}  # read-only


def test_schema_endpoint_serves_the_register_paths(client, users):
    client.force_login(users["staff"])
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/v1/boundary-matters/lookup/" in paths and "/api/v1/service-items/" in paths


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/duties/",
        "/api/v1/boundary-matters/",
        "/api/v1/service-items/",
        "/api/v1/boundary-matters/lookup/",
    ],
)
def test_register_api_is_open_to_anonymous_readers(client, url):
    assert client.get(url).status_code == 200
