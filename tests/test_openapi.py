"""The whole API's OpenAPI 3 schema: generated without a warning and valid against the OpenAPI spec."""

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_whole_schema_validates_without_warnings(tmp_path):
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    text = target.read_text(encoding="utf-8")
    for path in (
        "/api/v1/duties/",
        "/api/v1/service-items/",
        "/api/v1/deadlines/compute/",
        "/api/v1/deadline-rules/",
        "/api/v1/document-kinds/",
        "/api/v1/energy/",
    ):
        assert path in text


@pytest.mark.django_db
def test_browsable_docs_are_served_from_the_portal(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<script src="/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js">' in body
    assert 'src="http' not in body and 'href="http' not in body
    assert client.get("/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js").status_code == 200
