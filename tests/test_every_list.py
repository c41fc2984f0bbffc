"""Every list page of the portal, found from the URL configuration (a page holding a table.list-table) and read with
the demo's data as the administrator: on a phone each row is a card whose cells name themselves (data-label) as the
desktop table heads its columns, in the same order; and each list exports in the background as it does at once."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver

from linggao_mi.lists.choices import ExportState
from linggao_mi.lists.models import Export
from linggao_mi.lists.services import export_run

pytestmark = pytest.mark.django_db


class ListTable(HTMLParser):
    """The header labels of a page's table.list-table and the data-label of each body row's cells."""

    def __init__(self):
        super().__init__()
        self.headers, self.rows = [], []
        self._in_table = self._in_th = False
        self._header = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "list-table" in (attrs.get("class") or "").split():
            self._in_table = True
        elif self._in_table and tag == "th":
            self._in_th, self._header = True, ""
        elif self._in_table and tag == "tr" and "list-empty" not in (attrs.get("class") or ""):
            self.rows.append([])
        elif self._in_table and tag == "td" and self.rows and "data-label" in attrs:
            self.rows[-1].append(attrs["data-label"])

    def handle_endtag(self, tag):
        if tag == "th" and self._in_th:
            self._in_th = False
            self.headers.append(self._header.replace("▲", "").replace("▼", "").strip())
        elif tag == "table":
            self._in_table = False

    def handle_data(self, data):
        if self._in_th:
            self._header += data


def paths(patterns=None, prefix=""):
    """The URL paths without parameters (list pages take theirs in the query string)."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = str(pattern.pattern)
        if "<" in route or route.startswith(("admin/", "api/")):
            continue
        if isinstance(pattern, URLResolver):
            yield from paths(pattern.url_patterns, prefix + route)
        elif isinstance(pattern, URLPattern):
            yield "/" + prefix + route.lstrip("^").rstrip("$")


def list_pages(client):
    """The list pages, each with its HTML, as the demo's administrator sees them."""
    call_command("load_demo", verbosity=0)
    client.force_login(User.objects.get(username="admin"))
    for path in sorted(set(paths())):
        response = client.get(path)
        if response.status_code == 200 and b"list-table" in response.content:
            yield path, response


def test_every_list_card_names_its_cells_as_the_table_heads_its_columns(client):
    checked, mismatched = [], {}
    for path, response in list_pages(client):
        table = ListTable()
        table.feed(response.content.decode())
        rows = [row for row in table.rows[1:] if row]  # the first <tr> is the header row
        if not rows:
            continue
        checked.append(path)
        for row in rows:
            if row != table.headers:
                mismatched[path] = {"headers": table.headers, "cells": row}
                break
    assert mismatched == {}
    assert len(checked) >= 10, checked  # the demo fills most lists; an empty one has nothing to compare


def test_every_list_exports_in_the_background_what_it_exports_at_once(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    exported = {}
    for path, response in list_pages(client):
        if b"export=xlsx" not in response.content:  # 我的导出 itself
            continue
        at_once = client.get(path, {"export": "xlsx"})
        assert at_once.status_code == 200, path
        rows = int(at_once["X-Export-Rows"])
        owner = response.wsgi_request.user
        export = export_run(pk=Export.objects.create(owner=owner, title=path, path=path).pk)
        assert (export.state, export.error, export.rows) == (ExportState.DONE, "", rows), path
        exported[path] = rows
    assert len(exported) >= 15 and sum(exported.values()) > 0, exported
