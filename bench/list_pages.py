"""Benchmark: request time, SQL queries and Python memory of the list pages as their rows grow.

Run with `make bench` (or `.venv/bin/python bench/list_pages.py [--sizes 10,100,1000]`). It builds a throwaway
test database (SQLite unless DATABASE_URL is set), adds rows with the test factories up to each size and
requests every list page a few times. Queries must stay flat as rows grow; time and memory grow with the
rows rendered. Results are printed as a table; nothing here is a pass/fail test.
"""

import argparse
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "linggao_mi.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.runner import DiscoverRunner  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from boundaries.tests.factories import AssignmentFactory, BoundaryMatterFactory  # noqa: E402
from duties.tests.factories import DutyFactory, DutyItemFactory  # noqa: E402
from energy.tests.factories import InspectionCaseFactory, certified_inspector  # noqa: E402
from services.tests.factories import ServiceItemFactory  # noqa: E402


def grow(kind: str, target: int, current: dict, inspector) -> None:
    """Add rows of `kind` until it has `target` of them."""
    missing = target - current.get(kind, 0)
    for _ in range(max(missing, 0)):
        if kind == "duties":
            DutyItemFactory(duty=DutyFactory())
        elif kind == "boundaries":
            AssignmentFactory(matter=BoundaryMatterFactory())
        elif kind == "services":
            ServiceItemFactory()
        elif kind == "energy cases":
            InspectionCaseFactory(inspectors=[inspector])
    current[kind] = max(target, current.get(kind, 0))


PAGES = {
    "duties": "/duties/",
    "boundaries": "/boundaries/",
    "services": "/services/",
    "energy cases": "/energy/cases/",
}


def measure(client: Client, url: str, repeat: int) -> tuple[float, int, float]:
    times = []
    client.get(url)  # warm caches (templates, permissions)
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        client.get(url)
    tracemalloc.start()
    client.get(url)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(times) * 1000, len(queries), peak / 1024 / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    setup_test_environment()
    runner = DiscoverRunner(verbosity=0)
    old = runner.setup_databases()
    try:
        call_command("load_registers", verbosity=0)
        inspector = certified_inspector(username="bench_inspector")
        client = Client()
        client.force_login(inspector)
        current: dict = {}
        print(f"database: {connection.vendor}")
        print(f"{'page':<14}{'rows added':>11}{'median ms':>11}{'queries':>9}{'peak MiB':>10}")
        for size in sizes:
            for kind, url in PAGES.items():
                grow(kind, size, current, inspector)
                ms, queries, mib = measure(client, url, args.repeat)
                print(f"{kind:<14}{size:>11}{ms:>11.1f}{queries:>9}{mib:>10.2f}")
    finally:
        runner.teardown_databases(old)


if __name__ == "__main__":
    main()
