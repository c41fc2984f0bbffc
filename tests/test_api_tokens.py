"""Token authentication for API clients beside session login: one revocable key per user, issued in the admin."""

import pytest
from django.core.management import call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db
URL = "/api/v1/deadline-rules/"


def token_client(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_an_admin_issues_a_token_in_the_admin_and_the_client_uses_it(client, users):
    client.force_login(users["admin"])
    users["admin"].is_superuser = True  # the admin site's user management is the superuser's
    users["admin"].is_staff = True
    users["admin"].save()
    response = client.post("/admin/authtoken/tokenproxy/add/", {"user": users["staff"].pk})
    assert response.status_code == 302, response.content.decode()[:2000]
    key = Token.objects.get(user=users["staff"]).key

    response = token_client(key).get(URL)
    assert response.status_code == 200
    assert response.wsgi_request.user == users["staff"]


def test_a_token_from_the_command_line_works_and_revoking_it_locks_the_client_out(users):
    call_command("drf_create_token", users["inspector1"].username, stdout=open("/dev/null", "w"))
    key = Token.objects.get(user=users["inspector1"]).key
    assert token_client(key).get(URL).status_code == 200

    Token.objects.filter(user=users["inspector1"]).delete()  # what the admin's delete does
    response = token_client(key).get(URL)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")


def test_a_wrong_token_is_refused_with_401(users):
    assert token_client("0" * 40).get(URL).status_code == 401


def test_session_login_still_works_beside_tokens(client, users):
    client.force_login(users["staff"])
    assert client.get(URL).status_code == 200


def test_the_schema_documents_token_and_session_authentication(client, users):
    client.force_login(users["staff"])
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    schemes = schema["components"]["securitySchemes"]
    assert schemes["tokenAuth"] == {
        "type": "apiKey", "in": "header", "name": "Authorization",
        "description": 'Token-based authentication with required prefix "Token"',
    }
    assert "cookieAuth" in schemes
