"""Benchmark: the energy case list and its Excel export at scale — time, SQL queries and peak Python memory.

Run with `.venv/bin/python bench/export.py [--sizes 1000,10000,100000]` (PostgreSQL when DATABASE_URL is set).
It builds a throwaway test database, bulk-creates cases (every other one with a running deadline) seen by a
leader, then requests page 1, a deep page and `?export=xlsx` (reading the whole streamed file). The export's
memory must stay flat as the rows grow (XlsxWriter in constant_memory mode over a chunked iterator); its time
grows with the rows. Nothing here is a pass/fail test.
"""

import argparse
import datetime
import os
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "linggao_mi.settings.test")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.runner import DiscoverRunner  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from energy.models import EnergyUnit, InspectionCase  # noqa: E402
from energy.validators import credit_code_complete  # noqa: E402
from linggao_mi.deadlines.models import Deadline, DeadlineRule  # noqa: E402
from linggao_mi.deadlines.services import next_deadlines_update  # noqa: E402
from linggao_mi.org.choices import Role  # noqa: E402
from linggao_mi.org.models import Section  # noqa: E402
from tests.factories import UserFactory  # noqa: E402

BATCH = 5000


def grow(target: int, current: int, leader, units: list, rule) -> None:
    section = Section.objects.get(code="industry")
    case_type = ContentType.objects.get_for_model(InspectionCase)
    today = timezone.localdate()
    for start in range(current, target, BATCH):
        serials = range(start + 1, min(start + BATCH, target) + 1)
        cases = InspectionCase.objects.bulk_create(
            InspectionCase(
                state="planned", section=section, year=2026, serial=n, created_by=leader, unit=units[n % len(units)],
                mode="onsite", trigger="plan", planned_date=today - datetime.timedelta(days=n % 700),
            )
            for n in serials
        )
        Deadline.objects.bulk_create(
            Deadline(
                content_type=case_type, object_id=case.pk, rule=rule, start=today, amount=15, unit="days",
                nominal=today + datetime.timedelta(days=case.serial % 30 - 10),
                due=today + datetime.timedelta(days=case.serial % 30 - 10),
            )
            for case in cases
            if case.serial % 2
        )
        next_deadlines_update(InspectionCase.objects.filter(pk__in=[case.pk for case in cases]))


def request(client: Client, url: str) -> tuple[float, int, int]:
    queries = []
    start = time.perf_counter()
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        response = client.get(url)
        size = sum(len(chunk) for chunk in response) if response.streaming else len(response.content)
    assert response.status_code == 200, (url, response.status_code)
    return (time.perf_counter() - start) * 1000, len(queries), size


def peak_mib(client: Client, url: str) -> float:
    tracemalloc.start()
    response = client.get(url)
    for _ in response:
        pass
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024 / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    setup_test_environment()
    runner = DiscoverRunner(verbosity=0)
    old = runner.setup_databases()
    try:
        call_command("load_registers", verbosity=0)
        leader = UserFactory(username="bench_leader", role=Role.LEADER)
        units = EnergyUnit.objects.bulk_create(
            EnergyUnit(
                name=f"临高示范用能单位{n}有限公司", credit_code=credit_code_complete(f"91469028{n:09d}"),
                address="临高县", legal_representative="王", contact_person="陈", contact_phone="0898-1",
                industry="电力", created_by=leader,
            )
            for n in range(5000)
        )
        rule = DeadlineRule.objects.order_by("pk").first()
        client = Client()
        client.force_login(leader)
        print(f"database: {connection.vendor}")
        print(f"{'cases':>8} {'request':<26}{'ms':>9}{'queries':>9}{'KiB':>9}{'peak MiB':>10}")
        current = 0
        for size in sizes:
            grow(size, current, leader, units, rule)
            current = size
            deep = max(1, size // 50 // 2)
            for name, url in (
                ("page 1", "/energy/cases/"),
                (f"page {deep}", f"/energy/cases/?page={deep}"),
                ("search 单位12", "/energy/cases/?q=单位12有限"),
                ("export all", "/energy/cases/?export=xlsx"),
            ):
                client.get(url)  # warm
                ms, queries, size_bytes = request(client, url)
                mib = peak_mib(client, url)
                print(f"{size:>8} {name:<26}{ms:>9.0f}{queries:>9}{size_bytes / 1024:>9.0f}{mib:>10.2f}")
    finally:
        runner.teardown_databases(old)


if __name__ == "__main__":
    main()
