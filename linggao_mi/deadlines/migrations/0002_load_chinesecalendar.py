"""Load every year the pinned chinesecalendar knows, so that every fresh database counts with them."""

from django.db import migrations
from django.utils import timezone


def load(apps, schema_editor):
    from linggao_mi.deadlines.holidays import library_exceptions, library_years

    CalendarYear = apps.get_model("deadlines", "CalendarYear")
    CalendarDay = apps.get_model("deadlines", "CalendarDay")
    present = set(CalendarYear.objects.values_list("year", flat=True))
    now = timezone.now()
    for year in library_years():
        if year in present:
            continue
        calendar_year = CalendarYear.objects.create(
            year=year, source="chinesecalendar", loaded_at=now, note="chinesecalendar 库内置的国务院放假安排"
        )
        CalendarDay.objects.bulk_create(
            CalendarDay(calendar_year=calendar_year, date=day, kind=kind, name=name)
            for day, kind, name in library_exceptions(year)
        )


def unload(apps, schema_editor):
    apps.get_model("deadlines", "CalendarYear").objects.filter(source="chinesecalendar").delete()


class Migration(migrations.Migration):
    dependencies = [("deadlines", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
