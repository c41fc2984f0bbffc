from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .export import EXPORT_MAX_ROWS, XLSX
from .selectors import export_file_get, exports_of
from .services import KEEP_DAYS, PENDING


@login_required
@require_GET
def exports(request):
    """我的导出: the user's background exports of the last KEEP_DAYS days, refreshed while one is pending."""
    page = Paginator(exports_of(request.user), 30).get_page(request.GET.get("page"))
    pending = any(export.state in PENDING for export in page.object_list)
    context = {"page": page, "pending": pending, "keep_days": KEEP_DAYS, "max_rows": f"{EXPORT_MAX_ROWS:,}"}
    return render(request, "lists/exports.html", context)


@login_required
@require_GET
def export_download(request, pk: int):
    export = export_file_get(request.user, pk)
    return FileResponse(export.file.open("rb"), as_attachment=True, filename=export.filename, content_type=XLSX)
