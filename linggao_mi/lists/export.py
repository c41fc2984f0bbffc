"""Excel export of a list, in constant memory whatever the number of rows.

XlsxWriter in `constant_memory` mode writes each row to a temporary file as it comes and keeps none; the rows
come from the queryset's `.iterator()` in chunks (prefetches run per chunk), never as a list. The finished
workbook is a temporary file streamed out with FileResponse, which deletes it when the response is closed.
"""

import datetime
import tempfile
from collections.abc import Iterable, Sequence
from decimal import Decimal

import xlsxwriter
from django.db import models
from django.http import FileResponse
from django.utils import timezone

# The most rows one download holds: about 6 s of work (0.6 ms a row, measured at 100 000 cases with
# bench/scale.py's database), well inside a web worker's timeout; a larger list is exported by a Celery worker
# (services.export_queue) and downloaded when it is done.
EXPORT_MAX_ROWS = 10_000
SHEET_MAX_ROWS = 1_048_575  # an Excel sheet's rows below its header
ROWS_HEADER = "X-Export-Rows"  # how many rows an export response holds
CHUNK = 1000  # rows per fetch; two chunks of model instances are alive at the hand-over (~7 MB each)
SHEET = "列表"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def cell_value(value):
    """A Python value as an Excel cell takes it: dates stay dates, local times without a zone, the rest as text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, datetime.date | int | float):
        return value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, models.Manager | models.QuerySet):
        value = value.all()
    if isinstance(value, list | tuple | models.QuerySet):
        return "、".join(str(item) for item in value)
    return str(value)


class TooManyRows(ValueError):
    def __init__(self):
        super().__init__(f"符合条件的记录超过{SHEET_MAX_ROWS:,}条（Excel单个工作表的上限），请缩小范围后分批导出。")


def write_xlsx(output, *, headers: Sequence[str], widths: Sequence[int], rows: Iterable[Sequence]) -> int:
    """Write a one-sheet workbook to the file object `output`: a bold header row (frozen, with an autofilter),
    then `rows`; returns the number of data rows."""
    workbook = xlsxwriter.Workbook(
        output,
        {"constant_memory": True, "default_date_format": "yyyy-mm-dd", "strings_to_numbers": False},
    )
    sheet = workbook.add_worksheet(SHEET)
    datetime_format = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    header_format = workbook.add_format({"bold": True, "bg_color": "#F4F1EE", "border": 1})
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    sheet.write_row(0, 0, headers, header_format)
    sheet.freeze_panes(1, 0)
    count = 0
    for count, row in enumerate(rows, start=1):
        if count > SHEET_MAX_ROWS:
            raise TooManyRows
        for col, raw in enumerate(row):
            value = cell_value(raw)
            if isinstance(value, datetime.datetime):
                sheet.write_datetime(count, col, value, datetime_format)
            elif isinstance(value, datetime.date):
                sheet.write_datetime(count, col, value)
            elif isinstance(value, str):
                sheet.write_string(count, col, value)  # never a formula, whatever a unit's name starts with
            else:
                sheet.write_number(count, col, value)
    sheet.autofilter(0, 0, max(count, 1), len(headers) - 1)
    workbook.close()
    return count


def xlsx_response(*, filename: str, headers: Sequence[str], widths: Sequence[int], rows: Iterable[Sequence]):
    """The workbook as a download, written to a temporary file that is removed once it has been sent."""
    output = tempfile.TemporaryFile()
    try:
        count = write_xlsx(output, headers=headers, widths=widths, rows=rows)
    except BaseException:
        output.close()
        raise
    output.seek(0)
    response = FileResponse(output, as_attachment=True, filename=filename, content_type=XLSX)
    response[ROWS_HEADER] = str(count)
    return response
