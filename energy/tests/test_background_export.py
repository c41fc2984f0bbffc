"""A list above the export limit is exported in the background: the page says so and keeps its filters, a Celery
worker asks the list's own view again as its owner (so the file holds what the list shows them then, in its order),
the owner is notified with the link, and only they can download it; pending exports are not queued twice, a lost
scope or a stopped account fails with a Chinese reason, and old files are removed."""

import datetime
import io
import time

import openpyxl
import pytest
from celery.contrib.testing.worker import start_worker
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from linggao_mi.celery import app
from linggao_mi.deadlines.tests.test_celery import broker  # noqa: F401  (the broker, eager mode off)
from linggao_mi.lists import services
from linggao_mi.lists.choices import ExportState
from linggao_mi.lists.models import Export
from linggao_mi.lists.services import export_run, exports_purge
from linggao_mi.lists.tasks import tidy_exports
from linggao_mi.notifications.models import Notification
from linggao_mi.notifications.tests.test_after_commit import default_queue  # noqa: F401
from linggao_mi.org.choices import Role
from linggao_mi.org.models import Section
from tests.caseapp.fixtures import _media  # noqa: F401
from tests.factories import CertificateFactory, UserFactory

from .conftest import plan
from .factories import EnergyUnitFactory, InspectionCaseFactory
from .test_lists import CASES

EXPORTS = reverse("lists:exports")


def sheet_rows(content: bytes) -> list[tuple]:
    return list(openpyxl.load_workbook(io.BytesIO(content), read_only=True).active.iter_rows(values_only=True))


def downloaded(response) -> list[tuple]:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "attachment" in response["Content-Disposition"]
    return sheet_rows(b"".join(response.streaming_content))


@pytest.fixture
def over_the_limit(monkeypatch):
    monkeypatch.setattr("linggao_mi.lists.base.EXPORT_MAX_ROWS", 2)


@pytest.fixture
def cases(users):
    """Three cases of inspector1 (sorted by unit: 华能, 海螺, 糖业) and one of another section they may not see."""
    names = ("临高海螺水泥有限公司", "临高华能电厂", "临高糖业公司")
    mine = [plan(users, EnergyUnitFactory(name=name)) for name in names]
    outsider = UserFactory(username="t_outsider", role=Role.INSPECTOR, section=Section.objects.get(code="sme"))
    CertificateFactory(holder=outsider)
    return mine, InspectionCaseFactory(inspectors=[outsider])


@pytest.mark.django_db
def test_the_worker_writes_what_the_list_shows_its_owner_who_alone_downloads_it(
    client, users, cases, over_the_limit, django_capture_on_commit_callbacks, _media  # noqa: F811
):
    mine, theirs = cases
    client.force_login(users["inspector1"])
    with django_capture_on_commit_callbacks(execute=True):  # the test settings run the task in place
        response = client.get(CASES, {"export": "xlsx", "sort": "unit"}, follow=True)
    assert response.redirect_chain == [(f"{CASES}?sort=unit", 302)]  # back on the list, its order kept
    html = response.content.decode()
    assert "符合条件的记录超过2条，已转为后台导出：完成后会通知您" in html and f'href="{EXPORTS}"' in html

    export = Export.objects.get()
    assert (export.owner, export.title, export.path, export.query) == (users["inspector1"], "节能监察案件", CASES,
                                                                         "sort=unit")
    assert export.state == ExportState.DONE and export.rows == 3 and export.error == ""
    assert export.filename.startswith("节能监察案件-") and export.filename.endswith(".xlsx")
    notification = Notification.objects.get(user=users["inspector1"], key=f"export:{export.pk}")
    download = reverse("lists:export_download", args=[export.pk])
    assert notification.subject == "“节能监察案件”已导出（3条）" and notification.url == download

    rows = downloaded(client.get(download))
    by_unit = sorted(mine, key=lambda case: case.unit.name)  # 华 < 海 < 糖, as ?sort=unit lists them
    assert rows[0][:2] == ("案号", "被监察单位")
    assert [row[0] for row in rows[1:]] == [case.reference for case in by_unit]
    assert theirs.reference not in {row[0] for row in rows}
    page = client.get(EXPORTS).content.decode()
    assert "节能监察案件" in page and "已完成" in page and download in page and 'hx-trigger="every 5s"' not in page

    client.force_login(users["inspector2"])
    assert client.get(download).status_code == 404  # another's export is not theirs to read
    assert export.filename not in client.get(EXPORTS).content.decode()
    client.logout()
    assert client.get(download).status_code == 302  # to the login page


@pytest.mark.django_db
def test_asking_again_while_the_export_is_pending_queues_nothing_more(
    client, users, cases, over_the_limit, django_capture_on_commit_callbacks
):
    client.force_login(users["inspector1"])
    with django_capture_on_commit_callbacks() as queued:  # not run: the export stays pending
        client.get(CASES, {"export": "xlsx", "state": "planned"})
    with django_capture_on_commit_callbacks() as again:
        response = client.get(CASES, {"export": "xlsx", "state": "planned"}, follow=True)
    assert len(queued) == 1 and again == []
    assert Export.objects.get().state == ExportState.QUEUED
    assert "此前提交的同一导出仍在进行" in response.content.decode()
    page = client.get(EXPORTS).content.decode()
    assert "排队中" in page and 'hx-trigger="every 5s"' in page  # the page refreshes itself until it is done
    with django_capture_on_commit_callbacks() as other:
        client.get(CASES, {"export": "xlsx"})  # another list (no filter): its own export
    assert len(other) == 1 and Export.objects.count() == 2

    response = client.get(CASES, {"export": "xlsx", "sort": "x" * 2100}, follow=True)  # an unknown order: ignored
    assert "查询条件过长，无法转为后台导出" in response.content.decode() and Export.objects.count() == 2


@pytest.mark.django_db
def test_a_run_without_the_owners_scope_fails_with_a_reason_and_a_finished_one_is_not_run_again(
    users, cases, _media  # noqa: F811
):
    inspector = users["inspector1"]
    done = Export.objects.create(owner=inspector, title="节能监察案件", path=CASES)
    assert export_run(pk=done.pk).state == ExportState.DONE
    finished = Export.objects.get(pk=done.pk).finished_at
    assert export_run(pk=done.pk).finished_at == finished  # a second run of the task does nothing

    lost = Export.objects.create(owner=inspector, title="节能监察案件", path=CASES)
    inspector.groups.set(Group.objects.none())  # left the bureau's groups: the list asks energy.view_energyunit
    inspector.user_permissions.clear()
    failed = export_run(pk=lost.pk)
    assert (failed.state, failed.error, failed.file.name) == (ExportState.FAILED, services.REFUSED, "")
    notification = Notification.objects.get(user=inspector, key=f"export:{lost.pk}")
    assert notification.subject == "“节能监察案件”导出失败" and notification.body == services.REFUSED

    gone = Export.objects.create(owner=users["leader"], title="节能监察案件", path="/energy/no-such-list/")
    assert export_run(pk=gone.pk).error == services.REFUSED
    users["leader"].is_active = False
    users["leader"].save()
    stopped = Export.objects.create(owner=users["leader"], title="节能监察案件", path=CASES)
    assert export_run(pk=stopped.pk).error == services.INACTIVE


@pytest.mark.django_db
def test_old_exports_are_removed_with_their_files_and_pending_ones_kept(users, cases, _media):  # noqa: F811
    owner = users["leader"]
    old = export_run(pk=Export.objects.create(owner=owner, title="节能监察案件", path=CASES).pk)
    recent = export_run(pk=Export.objects.create(owner=owner, title="节能监察案件", path=CASES, query="q=水泥").pk)
    pending = Export.objects.create(owner=owner, title="节能监察案件", path=CASES, query="sort=unit")
    stored = old.file.storage
    assert stored.exists(old.file.name) and recent.rows == 1
    week_ago = timezone.now() - datetime.timedelta(days=services.KEEP_DAYS, minutes=1)
    Export.objects.filter(pk__in=[old.pk, pending.pk]).update(created_at=week_ago)
    assert exports_purge() == 1
    assert set(Export.objects.values_list("pk", flat=True)) == {recent.pk, pending.pk}
    assert not stored.exists(old.file.name) and stored.exists(recent.file.name)


@pytest.mark.django_db
def test_an_export_whose_message_never_reached_the_broker_is_queued_again(users, cases, _media):  # noqa: F811
    waiting = Export.objects.create(owner=users["leader"], title="节能监察案件", path=CASES)
    fresh = Export.objects.create(owner=users["leader"], title="节能监察案件", path=CASES, query="q=水泥")
    Export.objects.filter(pk=waiting.pk).update(created_at=timezone.now() - services.STALLED * 2)
    assert tidy_exports() == {"removed": 0, "requeued": 1}  # the test settings run it in place
    assert Export.objects.get(pk=waiting.pk).state == ExportState.DONE
    assert Export.objects.get(pk=fresh.pk).state == ExportState.QUEUED  # its message may still be on its way


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_writes_the_export_after_the_request_returned(
    client, users, cases, over_the_limit, default_queue, _media  # noqa: F811
):
    client.force_login(users["leader"])
    assert client.get(CASES, {"export": "xlsx"}).status_code == 302  # the request queues, no more
    export = Export.objects.get()
    assert export.state == ExportState.QUEUED
    with start_worker(app, queues=[default_queue], perform_ping_check=False, shutdown_timeout=30):
        waited = 0.0
        while waited < 60 and Export.objects.get().state in services.PENDING:
            time.sleep(0.2)
            waited += 0.2
    export.refresh_from_db()
    assert export.state == ExportState.DONE and export.rows == 4  # the leader sees every case
    rows = downloaded(client.get(reverse("lists:export_download", args=[export.pk])))
    assert {row[0] for row in rows[1:]} == {case.reference for case in [*cases[0], cases[1]]}
