"""案号 per year: existing cases are numbered 1, 2, 3… within their registration year in id order, and the
table's series in casework.Series continues after them."""

from django.db import migrations, models
from django.utils import timezone

SERIES = "case:energy.inspectioncase"


def number_existing_cases(apps, schema_editor):
    Case = apps.get_model("energy", "InspectionCase")
    History = apps.get_model("energy", "HistoricalInspectionCase")
    Series = apps.get_model("casework", "Series")
    db = schema_editor.connection.alias
    last: dict[int, int] = {}
    for pk, created_at in Case.objects.using(db).order_by("id").values_list("id", "created_at"):
        year = timezone.localtime(created_at).year
        last[year] = last.get(year, 0) + 1
        Case.objects.using(db).filter(pk=pk).update(year=year, serial=last[year])
        History.objects.using(db).filter(id=pk).update(year=year, serial=last[year])
    # History of a case no longer in the table keeps its registration year; it never had a 案号 of this kind.
    for history_id, created_at in History.objects.using(db).filter(year=None).values_list("history_id", "created_at"):
        History.objects.using(db).filter(history_id=history_id).update(year=timezone.localtime(created_at).year, serial=0)
    for year, serial in last.items():
        Series.objects.using(db).update_or_create(name=SERIES, year=year, defaults={"last": serial})


def forget_series(apps, schema_editor):
    apps.get_model("casework", "Series").objects.using(schema_editor.connection.alias).filter(name=SERIES).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('casework', '0002_series'),
        ('energy', '0003_planned_label'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalinspectioncase',
            name='serial',
            field=models.PositiveIntegerField(editable=False, null=True, verbose_name='序号'),
        ),
        migrations.AddField(
            model_name='historicalinspectioncase',
            name='year',
            field=models.PositiveSmallIntegerField(editable=False, null=True, verbose_name='年度'),
        ),
        migrations.AddField(
            model_name='inspectioncase',
            name='serial',
            field=models.PositiveIntegerField(editable=False, null=True, verbose_name='序号'),
        ),
        migrations.AddField(
            model_name='inspectioncase',
            name='year',
            field=models.PositiveSmallIntegerField(editable=False, null=True, verbose_name='年度'),
        ),
        migrations.RunPython(number_existing_cases, forget_series),
    ]
