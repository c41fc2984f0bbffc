"""schemathesis over the whole API: a short, seeded run that fails on any 5xx and on any response outside the schema
(an undocumented status code, a body or content type the schema does not describe).

The data is the demo (a case at every stage of every regime), the clients the demo's accounts with API tokens, so that
every step reaches its service for someone. Path ids are drawn from the rows that exist (and one that does not),
bodies both valid and invalid. Each request runs inside a savepoint rolled back after it: every example starts from
the same data, and a crash cannot poison the ones after it.
"""

import json
import os
import time
from collections import Counter

import pytest
import schemathesis
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from django.urls import resolve
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db

EXAMPLES = 3  # per operation and generation mode: about 700 requests in all, about a minute
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
# The demo's accounts that handle, decide and review cases in both sections, each with its API token.
CLIENTS = ["inspector1", "inspector2", "chief", "leader", "legal", "itchief", "itstaff"]
MODES = [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE]


def api_schema():
    raw = SchemaGenerator().get_schema(request=None, public=True)
    schema = schemathesis.openapi.from_dict(json.loads(OpenApiJsonRenderer().render(raw)))
    schema.app = get_wsgi_application()
    return schema


def existing_keys(path: str) -> tuple[list, str]:
    """The lookup values of the rows behind a path's `{id}` (or `{code}`), plus one that matches no row."""
    name = "code" if "{code}" in path else "id"
    view = resolve(path.replace("{" + name + "}", "1" if name == "id" else "x")).func
    queryset = view.cls.queryset
    model = queryset.model if queryset is not None else view.cls.serializer_class.Meta.model
    field = getattr(view.cls, "lookup_field", "pk")
    keys = list(model._default_manager.order_by("pk").values_list(field, flat=True))
    return [*keys, 999_999 if name == "id" else "no-such-code"], name


def operation_strategy(operation, clients: list[dict]):
    """Requests to one operation, valid and invalid, from any of the clients, on any row behind its path."""
    keys, name = existing_keys(operation.path) if "{" in operation.path else ([None], None)

    def requests(drawn):
        headers, key = drawn
        path_parameters = {name: key} if name else None
        return st.one_of(
            *(operation.as_strategy(mode, headers=headers, path_parameters=path_parameters) for mode in MODES)
        )

    return st.tuples(st.sampled_from(clients), st.sampled_from(keys)).flatmap(requests)


def fuzz(operation, clients: list[dict], answered: Counter) -> str | None:
    """The first failing example of one operation, as schemathesis describes it, or None."""

    @settings(
        max_examples=EXAMPLES * len(MODES), derandomize=True, database=None, deadline=None,
        phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck), report_multiple_bugs=False,
    )
    @given(case=operation_strategy(operation, clients))
    def run(case):
        sid = transaction.savepoint()
        try:
            answered[case.call_and_validate(checks=CHECKS).status_code] += 1
        finally:
            transaction.savepoint_rollback(sid)

    try:
        run()
    except (Exception, BaseExceptionGroup) as exc:  # every failure is reported, all operations are run
        return f"{operation.method.upper()} {operation.path}: {exc}"
    return None


def test_the_whole_api_keeps_its_schema_and_never_answers_5xx():
    call_command("load_demo", stdout=open(os.devnull, "w"))
    clients = [
        {"Authorization": f"Token {Token.objects.create(user=User.objects.get(username=username)).key}"}
        for username in CLIENTS
    ]

    started = time.monotonic()
    failures, answered = [], Counter()
    # As Django's test client does: the handler's end of request must not close the test's connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        for result in api_schema().get_all_operations():
            failure = fuzz(result.ok(), clients, answered)
            if failure:
                failures.append(failure)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    print(f"fuzz run: {time.monotonic() - started:.1f} s, answers {dict(sorted(answered.items()))}")  # noqa: T201
    assert not failures, "\n\n".join(failures)
    # Not a run refused at the door: many requests are answered, many reach validation or a rule of a service.
    assert answered[200] + answered[201] > 100 and answered[400] > 100, answered
