"""Benchmark at a province's scale: the case list beside its raw-SQL floor and the admin, the reminder sweep, PDFs,
and throughput under gunicorn, all in one run.

    .venv/bin/python bench/scale.py --cases 100000 [--json PATH] [--repeat 7] [--seconds 10] [--keep] [--long-stop]

Against DATABASE_URL's PostgreSQL server it creates its own database (`<name>_scale`), migrates it, loads the
registers and the demo (accounts, a case at every stage), then adds N energy-inspection cases server-side with
INSERT … SELECT (units, cases over four sections and eight inspectors, their guardian grants, deadlines with their
responsible people, issued documents, case events and history rows: about ten per case), and drops the database at
the end (--keep leaves it). Timings are medians of --repeat runs in one process; the floor is one hand-written
SQL query returning what the page shows (the same rows with unit, section, inspectors and next deadline, and the
total as far as the page counts it); the admin is the changelist of the same model as a superuser. Printed as a
table; --json writes a list of
{measure, median_ms, db_ms, floor_ms, admin_ms, queries, per_second} (null where a measure has no such counterpart;
db_ms is the part of a page's time spent in the database, the floor's counterpart). Beside the case list it measures
what any logged-in request costs before a page (a one-line fragment) and the home page, the documents and deadlines
lists (with their admin changelists), the workspace per role, and the leader's whole case list exported in the
background.
Nothing here passes or fails on speed; it fails only when a page or step breaks.
"""

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from http.client import HTTPConnection
from pathlib import Path

import psycopg2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.dataset import build  # noqa: E402

SETTINGS = "linggao_mi.settings.test"  # DEBUG off, cached templates; e-mail kept in memory
ADMIN_PAGE = 100  # the admin changelist's list_per_page (Django's default)


def scale_database_url(url: str) -> tuple[str, dict]:
    parts = urllib.parse.urlparse(url)
    if parts.scheme not in ("postgres", "postgresql", "pgsql"):
        sys.exit("bench/scale.py 需要 PostgreSQL：请设置 DATABASE_URL=postgres://…")
    name = parts.path.lstrip("/") + "_scale"
    server = {
        "host": parts.hostname or "127.0.0.1", "port": parts.port or 5432, "user": parts.username or "postgres",
        "password": urllib.parse.unquote(parts.password or ""), "dbname": "postgres",
    }
    return urllib.parse.urlunparse(parts._replace(path="/" + name)), {**server, "scale": name}


def recreate(server: dict, drop_only: bool = False) -> None:
    name = server["scale"]
    conn = psycopg2.connect(**{k: v for k, v in server.items() if k != "scale"})
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            cursor.execute(f'CREATE DATABASE "{name}"')
    conn.close()


# ------------------------------------------------------------------------------------------------ measuring


class Queries:
    """Counts the statements and the time spent in the database while active."""

    def __init__(self):
        self.count, self.seconds = 0, 0.0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start
            self.count += 1


def median_ms(function, repeat: int) -> tuple[float, int, float]:
    """The median time of `function` in ms, its statements, and the median of its time in the database (ms)."""
    from django.db import connection

    function()  # warm: templates, permissions, the plan cache
    times, database = [], []
    for _ in range(repeat):
        queries = Queries()
        with connection.execute_wrapper(queries):
            start = time.perf_counter()
            function()
            times.append(time.perf_counter() - start)
        database.append(queries.seconds)
    return statistics.median(times) * 1000, queries.count, statistics.median(database) * 1000


def floor_sql(*, scoped: bool, state: str, search: str, offset: int) -> tuple[str, list]:
    """The one query a hand-written page would run for what the page shows: the page's keys read from the
    ordering's index, then their rows with unit, section, inspectors and next running deadline (its due date and
    name, by the case's next_deadline), and the total counted as far as the page counts it (ten pages beyond it)."""
    from linggao_mi.lists.paging import LOOKAHEAD_PAGES, PER_PAGE
    from linggao_mi.org.services import SECTION_GROUP_PREFIX

    parts, args = ["TRUE"], []
    if scoped:
        parts.append(
            "(c.section_id IN (SELECT s.id FROM org_section s JOIN auth_group g ON g.name = %s || s.code "
            "JOIN auth_user_groups ug ON ug.group_id = g.id WHERE ug.user_id = %s) OR c.id IN "
            "(SELECT inspectioncase_id FROM energy_inspectioncase_inspectors WHERE user_id = %s))"
        )
        args += [SECTION_GROUP_PREFIX, "USER", "USER"]
    if state:
        parts.append("c.state = %s")
        args.append(state)
    if search:  # what the page's search box matches: the unit's name or credit code, the documents' 文号
        parts.append(
            "(c.unit_id IN (SELECT id FROM energy_energyunit WHERE upper(name) LIKE %s OR upper(credit_code) LIKE %s) "
            "OR c.notice_document_id IN (SELECT id FROM documents_officialdocument WHERE upper(number) LIKE %s) "
            "OR c.outcome_document_id IN (SELECT id FROM documents_officialdocument WHERE upper(number) LIKE %s))"
        )
        args += [f"%{search.upper()}%"] * 4  # upper(…) LIKE: the expression the trigram indexes are built on
    where = " AND ".join(parts)
    cap = offset + LOOKAHEAD_PAGES * PER_PAGE + 1
    sql = f"""
        WITH page AS (SELECT c.id FROM energy_inspectioncase c WHERE {where}
                       ORDER BY c.created_at DESC, c.id DESC LIMIT {PER_PAGE} OFFSET %s)
        SELECT c.id, c.year, c.serial, c.state, c.mode, c.trigger, c.planned_date, c.created_at, u.id, u.name,
               u.credit_code, s.id, s.name,
               (SELECT string_agg(au.first_name, '、' ORDER BY au.id) FROM energy_inspectioncase_inspectors t
                  JOIN auth_user au ON au.id = t.user_id WHERE t.inspectioncase_id = c.id) AS inspectors,
               c.next_due, COALESCE(NULLIF(d.label, ''), r.name) AS next_deadline,
               (SELECT count(*) FROM (SELECT 1 FROM energy_inspectioncase c WHERE {where} LIMIT {cap}) n) AS total
          FROM page JOIN energy_inspectioncase c ON c.id = page.id
          JOIN energy_energyunit u ON u.id = c.unit_id
          JOIN org_section s ON s.id = c.section_id
          LEFT JOIN deadlines_deadline d ON d.id = c.next_deadline_id
          LEFT JOIN deadlines_deadlinerule r ON r.id = d.rule_id
         ORDER BY c.created_at DESC, c.id DESC"""
    return sql, [*args, offset, *args]


def measure_lists(results: list, repeat: int) -> None:
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client

    from energy.models import EnergyUnit, InspectionCase
    from linggao_mi.casework.selectors import cases_visible

    admin = Client()
    admin.force_login(User.objects.get(username="admin"))
    search = EnergyUnit.objects.order_by("pk").values_list("name", flat=True)[7]
    variants = [  # name, list query, admin query, floor arguments
        ("page=1", "", "", {}),
        ("page=1000", "?page=1000", f"?p={1 + 999 * 50 // ADMIN_PAGE}", {"offset": 999 * 50}),
        ("state=rectifying", "?state=rectifying", "?state__exact=rectifying", {"state": "rectifying"}),
        (f"q={search}", f"?q={urllib.parse.quote(search)}", f"?q={urllib.parse.quote(search)}", {"search": search}),
    ]
    admin_ms = {}  # per variant, measured once when a role first needs it

    def admin_changelist(name, query):
        if name not in admin_ms:
            url = f"/admin/energy/inspectioncase/{query}"
            admin_ms[name] = median_ms(lambda: check(admin.get(url)), repeat)[0]
        return admin_ms[name]

    for username, role in (("inspector1", "inspector"), ("leader", "leader")):
        user = User.objects.get(username=username)
        client = Client()
        client.force_login(user)
        visible = cases_visible(user, InspectionCase.objects.all()).count()
        for name, query, admin_query, floor in variants:
            if name == "page=1000" and visible <= 999 * 50:
                continue
            sql, args = floor_sql(scoped=role == "inspector", state=floor.get("state", ""),
                                  search=floor.get("search", ""), offset=floor.get("offset", 0))
            args = [user.pk if a == "USER" else a for a in args]

            def raw(sql=sql, args=args):
                with connection.cursor() as cursor:
                    cursor.execute(sql, args)
                    cursor.fetchall()

            floor_ms = median_ms(raw, repeat)[0]
            page_ms, queries, db_ms = median_ms(lambda c=client, q=query: check(c.get(f"/energy/cases/{q}")), repeat)
            admin_page_ms = admin_changelist(name, admin_query)
            results.append(row(f"energy_cases {role} {name}", page_ms, floor_ms, admin_page_ms, queries, db_ms=db_ms))


# Beside the case list: what any logged-in request costs before a page (the unread badge, a one-line fragment: the
# session, the user, the badge's count) and the home page, the other lists that grow with the cases (documents,
# deadlines: their admin changelists beside them) and the workspace, per role.
OTHER_PAGES = (
    ("logged-in fragment", "/notifications/unread/", None, ("leader", "inspector1")),
    ("home", "/", None, ("leader", "inspector1")),
    ("case list by next deadline", "/energy/cases/?sort=next_due", None, ("leader", "inspector1")),
    ("documents", "/documents/", "/admin/documents/officialdocument/", ("leader", "inspector1")),
    ("deadlines", "/deadlines/", "/admin/deadlines/deadline/", ("leader", "inspector1")),
    ("workspace", "/workspace/", None, ("leader", "chief", "inspector1")),
)


def measure_other_pages(results: list, repeat: int) -> None:
    from django.contrib.auth.models import User
    from django.test import Client

    admin = Client()
    admin.force_login(User.objects.get(username="admin"))
    for name, url, admin_url, usernames in OTHER_PAGES:
        admin_ms = median_ms(lambda u=admin_url: check(admin.get(u)), repeat)[0] if admin_url else None
        for username in usernames:
            client = Client()
            client.force_login(User.objects.get(username=username))
            page_ms, queries, db_ms = median_ms(lambda c=client, u=url: check(c.get(u)), repeat)
            results.append(row(f"{name} {username}", page_ms, admin=admin_ms, queries=queries, db_ms=db_ms))


def run_script(script: str, *args) -> dict:
    """Run `script` in a fresh Python process against the scale database; what it prints last, as JSON."""
    out = subprocess.run(
        [sys.executable, "-c", script, *map(str, args)], env=os.environ, cwd=ROOT, check=True, capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


EXPORT_SCRIPT = """
import json, sys, tempfile, time
import django
django.setup()
from django.conf import settings
from django.contrib.auth.models import User
from linggao_mi.lists.models import Export
from linggao_mi.lists.services import export_run
with tempfile.TemporaryDirectory() as media:
    settings.MEDIA_ROOT = media
    export = Export.objects.create(owner=User.objects.get(username="leader"), title="bench", path="/energy/cases/")
    start = time.perf_counter()
    export = export_run(pk=export.pk)
    took = time.perf_counter() - start
# The process's own peak (VmHWM starts afresh at exec; ru_maxrss would count the forking bench process).
peak_kib = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"state": export.state, "error": export.error, "rows": export.rows, "seconds": took,
                  "peak_mib": peak_kib // 1024}))
"""


def measure_background_export(results: list) -> None:
    """The leader's whole case list exported by the worker's service, in a fresh process: time, rows, peak memory."""
    run = run_script(EXPORT_SCRIPT)
    if run["state"] != "done":
        raise SystemExit(f"the background export failed: {run['error']}")
    label = f"background export, leader's case list ({run['rows']} rows; peak RSS of its process {run['peak_mib']} MiB)"
    results.append(row(label, run["seconds"] * 1000))


def check(response):
    assert response.status_code == 200, (response.status_code, response.get("Location"))
    return response


def row(measure, median, floor=None, admin=None, queries=None, per_second=None, db_ms=None) -> dict:
    def r(value):
        return None if value is None else round(value, 1)

    return {"measure": measure, "median_ms": r(median), "db_ms": r(db_ms), "floor_ms": r(floor), "admin_ms": r(admin),
            "queries": queries, "per_second": r(per_second)}


def measure_sweeps(results: list, today: datetime.date, long_stop: bool) -> None:
    from django.contrib.auth.models import User
    from django.db import connection

    from linggao_mi.deadlines.models import Deadline
    from linggao_mi.deadlines.services import reminders_send

    # E-mail leaves per message after commit (the notifications' delivery path, measured on its own); the sweep
    # is measured with in-app notifications only.
    User.objects.update(email="")
    runs = [
        ("daily", today),
        ("daily, second run", today),
        ("catch-up after a month's stop", today + datetime.timedelta(days=30)),
        ("catch-up after a month's stop, second run", today + datetime.timedelta(days=30)),
    ]
    if long_stop:
        runs.append(("catch-up, every open deadline past due", today + datetime.timedelta(days=400)))
    for name, day in runs:
        open_before = Deadline.objects.filter(state="open").count()
        queries = Queries()
        start = time.perf_counter()
        with connection.execute_wrapper(queries):
            run = reminders_send(today=day)
        wall = (time.perf_counter() - start) * 1000
        if name.endswith("second run") and (run.notified or run.overdue):
            raise SystemExit(f"the second sweep on {day} sent {run.notified} and marked {run.overdue} overdue")
        label = f"reminders {name} ({open_before} open; {run.overdue} overdue, {run.notified} notified)"
        results.append(row(label, wall, queries=queries.count))
        results.append(row(f"reminders {name} database time", queries.seconds * 1000, queries=queries.count))


PDF_SCRIPT = """
import json, os, sys, time
start = time.perf_counter()
import django
django.setup()
from energy.models import InspectionCase
from linggao_mi.documents.models import OfficialDocument
from linggao_mi.documents.pdf import _weasyprint, render_document_html, render_document_pdf
document = OfficialDocument.objects.get(pk=int(sys.argv[1]))
times = []
for _ in range(int(sys.argv[2]) + 1):
    t = time.perf_counter()
    render_document_pdf(document=document, case=document.case, draft=False)
    times.append(time.perf_counter() - t)
html_class, fonts = _weasyprint()
pages = len(html_class(string=render_document_html(document=document, case=document.case, draft=False)).render(
    font_config=fonts).pages)
print(json.dumps({"first": times[0], "first_with_startup": time.perf_counter() - start - sum(times[1:]),
                  "later": times[1:], "pages": pages}))
"""


def measure_pdf(results: list, repeat: int) -> None:
    from energy import rules
    from linggao_mi.documents.models import OfficialDocument

    document = (
        OfficialDocument.objects.filter(kind__code=rules.KIND_RECTIFICATION_NOTICE).exclude(state="draft")
        .order_by("pk").first()
        or OfficialDocument.objects.filter(kind__code=rules.KIND_RECTIFICATION_NOTICE).order_by("pk").first()
    )
    if document is None:
        raise SystemExit("the demo has no 限期整改通知书 to render")
    timing = run_script(PDF_SCRIPT, document.pk, repeat)
    pages = timing["pages"]
    results.append(row(f"pdf 限期整改通知书 first render in a fresh process ({pages} pages)", timing["first"] * 1000))
    later = statistics.median(timing["later"]) * 1000
    results.append(row(f"pdf 限期整改通知书 later renders ({pages} pages)", later))
    results.append(row("pdf 限期整改通知书 per page, later renders", later / pages))


def get(port: int, url: str, cookie: str) -> int:
    """One request as a client would make it (a new connection: gunicorn's sync workers do not keep alive)."""
    conn = HTTPConnection("127.0.0.1", port, timeout=120)
    conn.request("GET", url, headers={"Cookie": cookie} if cookie else {})
    response = conn.getresponse()
    response.read()
    conn.close()
    return response.status


def measure_gunicorn(results: list, seconds: float, clients: int = 4) -> None:
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.test import Client

    port = 18000 + os.getpid() % 1000
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "linggao_mi.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}",
         "--log-level", "warning"],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS}, cwd=ROOT,
    )
    try:
        for _ in range(100):
            try:
                HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/services/")
                break
            except OSError:
                time.sleep(0.2)
        cookies = {"anonymous": ""}
        for username in ("leader", "inspector1"):
            client = Client()
            client.force_login(User.objects.get(username=username))
            cookies[username] = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
        pages = (
            ("/services/", "anonymous"), ("/notifications/unread/", "leader"), ("/energy/cases/", "leader"),
            ("/energy/cases/", "inspector1"),
        )
        for url, who in pages * 2:  # warm both workers (imports, templates, connections) before timing
            threads = [threading.Thread(target=get, args=(port, url, cookies[who])) for _ in range(2)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        for url, who in pages:
            latencies, errors = [], []

            def work(url=url, cookie=cookies[who], latencies=latencies, errors=errors):
                end = time.perf_counter() + seconds
                while time.perf_counter() < end:
                    start = time.perf_counter()
                    status = get(port, url, cookie)
                    (latencies if status == 200 else errors).append(time.perf_counter() - start)

            started = time.perf_counter()
            threads = [threading.Thread(target=work) for _ in range(clients)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.perf_counter() - started
            if errors or not latencies:
                raise SystemExit(f"gunicorn {url} as {who}: {len(errors)} errors")
            results.append(row(f"gunicorn {url} {who}, {clients} clients (p50; req/s)",
                               statistics.median(latencies) * 1000, per_second=len(latencies) / elapsed))
    finally:
        server.terminate()
        server.wait(timeout=30)


def print_table(results: list) -> None:
    heads = ("median ms", "db ms", "floor ms", "admin ms", "queries", "req/s")
    print(f"\n{'measure':<86}" + "".join(f" {h:>9}" for h in heads))
    for r in results:
        cells = [r["median_ms"], r["db_ms"], r["floor_ms"], r["admin_ms"], r["queries"], r["per_second"]]
        print(f"{r['measure']:<86}" + "".join(f" {'' if v is None else f'{v:g}':>9}" for v in cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, required=True)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--seconds", type=float, default=10, help="per URL under gunicorn")
    parser.add_argument("--keep", action="store_true", help="keep the scale database afterwards")
    parser.add_argument("--long-stop", action="store_true", help="also sweep with every open deadline past due")
    args = parser.parse_args()

    url, server = scale_database_url(os.environ.get("DATABASE_URL", ""))
    recreate(server)
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.utils import timezone

        today = timezone.localdate()
        started = time.perf_counter()
        for command in ("migrate", "load_registers", "load_demo"):
            call_command(command, verbosity=0, stdout=open(os.devnull, "w"))
        build(args.cases, today)
        from energy.models import InspectionCase

        print(f"built {InspectionCase.objects.count()} cases in {time.perf_counter() - started:.0f} s")
        results = []
        measure_lists(results, args.repeat)
        measure_other_pages(results, args.repeat)
        measure_pdf(results, args.repeat)
        measure_background_export(results)
        measure_gunicorn(results, args.seconds)
        measure_sweeps(results, today, args.long_stop)  # last: it turns deadlines overdue
        print_table(results)
        if args.json:
            args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1))
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            recreate(server, drop_only=True)


if __name__ == "__main__":
    main()
