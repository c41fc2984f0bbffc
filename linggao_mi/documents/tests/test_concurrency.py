"""Row locks under real concurrency: separate connections in threads, on PostgreSQL only."""

import re
import threading
import time

import pytest
from django.db import connection, connections, transaction
from django.utils import timezone

from linggao_mi.casework.models import Series
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.documents import rules, services
from linggao_mi.documents.choices import DocumentState
from linggao_mi.documents.models import OfficialDocument

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locks, concurrent transactions)")


def _in_threads(calls):
    """Run each callable in its own thread (own DB connection), all released at once; results in order."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(i, call):
        try:
            barrier.wait()
            results[i] = ("ok", call())
        except Exception as exc:  # the outcome is what the test looks at
            results[i] = ("error", exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def test_two_approvals_at_once_exactly_one_succeeds(make_document, users, monkeypatch):
    document = make_document("submitted")
    real_notify = services.notify

    def slow_notify(**kwargs):
        # Hold the row lock a while so that the other approval really waits on it.
        time.sleep(0.3)
        return real_notify(**kwargs)

    monkeypatch.setattr(services, "notify", slow_notify)
    results = _in_threads(
        [
            lambda: services.document_approve(actor=users["chief"], document=document),
            lambda: services.document_approve(actor=users["leader"], document=document),
        ]
    )
    outcomes = sorted(kind for kind, _ in results)
    assert outcomes == ["error", "ok"], results
    error = next(value for kind, value in results if kind == "error")
    assert isinstance(error, RuleViolation) and error.rule is rules.DOCUMENT_STATE_FORBIDS
    document.refresh_from_db()
    winner = next(value for kind, value in results if kind == "ok")
    assert document.state == DocumentState.APPROVED and document.approved_by == winner.approved_by


def test_approve_and_return_at_once_exactly_one_succeeds(make_document, users):
    document = make_document("submitted")
    results = _in_threads(
        [
            lambda: services.document_approve(actor=users["chief"], document=document),
            lambda: services.document_return(actor=users["leader"], document=document, reason="再议"),
        ]
    )
    assert sorted(kind for kind, _ in results) == ["error", "ok"], results
    document.refresh_from_db()
    assert document.state in (DocumentState.APPROVED, DocumentState.RETURNED)


def test_many_issued_at_once_get_numbers_without_gaps_or_duplicates(make_document, users, kind):
    count = 8
    documents = [make_document("approved", title=f"通知{i}") for i in range(count)]
    results = _in_threads(
        [(lambda d=d: services.document_issue(actor=users["chief"], document=d)) for d in documents]
    )
    assert all(kind == "ok" for kind, _ in results), results
    numbers = sorted(
        int(re.search(r"〕(\d+)号$", n).group(1))
        for n in OfficialDocument.objects.filter(state=DocumentState.ISSUED).values_list("number", flat=True)
    )
    assert numbers == list(range(1, count + 1))
    series = Series.objects.get(name=services.document_series_name(kind), year=timezone.localdate().year)
    assert series.last == count


def test_a_rendering_failure_among_concurrent_issues_leaves_no_gap(make_document, users, kind, monkeypatch):
    count = 6
    documents = [make_document("approved", title=f"通知{i}") for i in range(count)]
    doomed = documents[2].pk
    real_render = services.render_document_pdf

    def render(*, document, **kwargs):
        if document.pk == doomed:
            raise RuntimeError("renderer down")
        return real_render(document=document, **kwargs)

    monkeypatch.setattr(services, "render_document_pdf", render)
    results = _in_threads(
        [(lambda d=d: services.document_issue(actor=users["chief"], document=d)) for d in documents]
    )
    assert all(kind == "ok" for kind, _ in results), results
    numbers = sorted(
        int(re.search(r"〕(\d+)号$", n).group(1))
        for n in OfficialDocument.objects.filter(state=DocumentState.ISSUED).values_list("number", flat=True)
    )
    assert numbers == list(range(1, count + 1))
    # Issued and numbered all the same; its PDF is made on its first download.
    doomed_document = OfficialDocument.objects.get(pk=doomed)
    assert doomed_document.state == DocumentState.ISSUED and not doomed_document.pdf
    monkeypatch.undo()
    assert services.document_pdf_freeze(document=doomed_document).pdf


def test_issue_renders_outside_the_numbering_transaction(make_document, users, kind, monkeypatch):
    document = make_document("approved")
    real_render = services.render_document_pdf
    seen = {}

    def render(**kwargs):
        seen["in_transaction"] = connection.in_atomic_block

        def other_issuer():
            # Another connection takes the 文号 series row and the document's row at once, or fails.
            with transaction.atomic():
                series = Series.objects.select_for_update(nowait=True).get(
                    name=services.document_series_name(kind), year=timezone.localdate().year
                )
                OfficialDocument.objects.select_for_update(nowait=True).get(pk=document.pk)
                return series.last

        seen["other"] = _in_threads([other_issuer])[0]
        return real_render(**kwargs)

    monkeypatch.setattr(services, "render_document_pdf", render)
    document = services.document_issue(actor=users["chief"], document=document)
    assert seen["in_transaction"] is False
    assert seen["other"] == ("ok", 1), seen["other"]  # the number was already committed
    assert document.pdf and document.sha256
