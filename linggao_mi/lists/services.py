"""Every write of background exports: queue one, run it (in a Celery worker), remove the old ones.

A list holding more rows than one web request may write (export.EXPORT_MAX_ROWS) is exported by a worker instead:
`export_queue` records the list's URL as its owner asked for it and queues the task after the commit; `export_run`
asks the list's own view again, as the owner and with that URL, so the file holds exactly what the list shows them
when it runs (their scope, search and filters, the same columns), and notifies them with the link to download it.
"""

import datetime
import logging

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction
from django.http import Http404, HttpRequest, QueryDict
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone

from linggao_mi.notifications.services import notify

from .choices import ExportState
from .export import ROWS_HEADER, XLSX, TooManyRows
from .models import Export

logger = logging.getLogger(__name__)

KEEP_DAYS = 7  # a finished file is downloadable this long, then removed with its record (exports_purge)
PENDING = (ExportState.QUEUED, ExportState.RUNNING)
STALLED = datetime.timedelta(hours=1)
QUERY_MAX = Export._meta.get_field("query").max_length  # the longest list URL query an export keeps

REFUSED = "您已无权查看该列表，未导出。"
INACTIVE = "账号已停用，未导出。"
FAILED = "导出时出错，请稍后重试；再次失败请联系系统管理员。"


def export_queue(*, owner: User, title: str, path: str, query: str) -> tuple[Export, bool]:
    """The background export of the list at `path?query` for `owner`, queued after the commit; True when queued now.
    The same list asked for again while its export is pending is that export, not a second one."""
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=owner.pk).first()  # one pending export per list per owner
        pending = Export.objects.filter(owner=owner, path=path, query=query, state__in=PENDING).first()
        if pending is not None:
            return pending, False
        export = Export.objects.create(owner=owner, title=title, path=path, query=query)
        from .tasks import export_list  # the task module imports these services

        # A broker that cannot be reached is logged, not raised: the export waits and exports_requeue queues it again.
        transaction.on_commit(lambda: export_list.delay(export.pk), robust=True)
    return export, True


def _list_response(export: Export):
    """The list's view answering its export link, as the owner would ask for it."""
    request = HttpRequest()
    request.method = "GET"
    request.path = request.path_info = export.path
    query = QueryDict(export.query, mutable=True)
    query["export"] = "xlsx"
    request.GET = query
    request.user = export.owner
    request.export_in_background = True  # lists.respond writes every row instead of queueing again
    match = resolve(export.path)
    return match.func(request, *match.args, **match.kwargs)


def _finish(export: Export, **fields) -> Export:
    for name, value in fields.items():
        setattr(export, name, value)
    export.finished_at = timezone.now()
    export.save()
    return export


def export_run(*, pk: int) -> Export:
    """Write export `pk`'s file and notify its owner; a finished export is left as it is (the task may run twice)."""
    with transaction.atomic():
        export = Export.objects.select_for_update().select_related("owner").get(pk=pk)
        if export.state not in PENDING:
            return export
        export.state = ExportState.RUNNING
        export.save(update_fields=["state"])
    error = ""
    if not export.owner.is_active:
        error = INACTIVE
    else:
        try:
            response = _list_response(export)
        except (PermissionDenied, Http404, Resolver404):
            error = REFUSED
        except TooManyRows as exceeded:
            error = str(exceeded)
        except Exception:
            logger.exception("background export %s of %s failed", export.pk, export.path)
            error = FAILED
        else:
            if response.status_code != 200 or response.get("Content-Type") != XLSX:
                error = REFUSED  # e.g. a login or permission page instead of the file
    if error:
        _finish(export, state=ExportState.FAILED, error=error)
        notify(
            user=export.owner,
            key=f"export:{export.pk}",
            subject=f"“{export.title}”导出失败",
            body=error,
            url=reverse("lists:exports"),
        )
        return export
    with response.file_to_stream as written:
        export.file.save(f"{export.pk}.xlsx", File(written), save=False)
    _finish(export, state=ExportState.DONE, rows=int(response[ROWS_HEADER]), filename=response.filename)
    notify(
        user=export.owner,
        key=f"export:{export.pk}",
        subject=f"“{export.title}”已导出（{export.rows:,}条）",
        body=f"文件保留{KEEP_DAYS}天，可在“我的导出”下载。",
        url=reverse("lists:export_download", args=[export.pk]),
    )
    return export


def exports_requeue(*, now: datetime.datetime | None = None) -> int:
    """Queue again the exports still waiting STALLED after they were asked for (their message never reached the
    broker); returns how many."""
    from .tasks import export_list

    stalled = Export.objects.filter(state=ExportState.QUEUED, created_at__lt=(now or timezone.now()) - STALLED)
    pks = list(stalled.values_list("pk", flat=True))
    for pk in pks:
        export_list.delay(pk)
    return len(pks)


def exports_purge(*, now: datetime.datetime | None = None) -> int:
    """Remove the exports (files and records) submitted more than KEEP_DAYS ago; returns how many."""
    before = (now or timezone.now()) - datetime.timedelta(days=KEEP_DAYS)
    old = list(Export.objects.filter(created_at__lt=before).exclude(state__in=PENDING))
    for export in old:
        if export.file:
            export.file.delete(save=False)
    Export.objects.filter(pk__in=[e.pk for e in old]).delete()
    return len(old)
