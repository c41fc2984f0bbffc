"""What the list pages' tests share: the exported workbook read back, the queries a page costs."""

import io

import openpyxl
from django.db import connection
from django.test.utils import CaptureQueriesContext

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def exported_rows(response) -> list[tuple]:
    """The rows of the exported workbook (the header row first), read back with openpyxl."""
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert "attachment" in response["Content-Disposition"] and ".xlsx" in response["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    return list(book.active.iter_rows(values_only=True))


def queries_of(client, url: str, query: dict | None = None) -> int:
    """The number of queries `GET url?query` costs, the export's streamed body included."""
    query = query or {}
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, query)
        assert response.status_code == 200
        if query.get("export"):
            b"".join(response.streaming_content)
    return len(queries)
