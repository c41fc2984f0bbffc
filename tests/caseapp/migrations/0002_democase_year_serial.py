"""案号 per year: existing test cases are numbered within their registration year in id order."""

from django.db import migrations, models
from django.utils import timezone

SERIES = "case:testcases.democase"


def number_existing_cases(apps, schema_editor):
    Case = apps.get_model("testcases", "DemoCase")
    Series = apps.get_model("casework", "Series")
    db = schema_editor.connection.alias
    last: dict[int, int] = {}
    for pk, created_at in Case.objects.using(db).order_by("id").values_list("id", "created_at"):
        year = timezone.localtime(created_at).year
        last[year] = last.get(year, 0) + 1
        Case.objects.using(db).filter(pk=pk).update(year=year, serial=last[year])
    for year, serial in last.items():
        Series.objects.using(db).update_or_create(name=SERIES, year=year, defaults={"last": serial})


def forget_series(apps, schema_editor):
    apps.get_model("casework", "Series").objects.using(schema_editor.connection.alias).filter(name=SERIES).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('casework', '0002_series'),
        ('testcases', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='democase',
            name='serial',
            field=models.PositiveIntegerField(editable=False, null=True, verbose_name='序号'),
        ),
        migrations.AddField(
            model_name='democase',
            name='year',
            field=models.PositiveSmallIntegerField(editable=False, null=True, verbose_name='年度'),
        ),
        migrations.RunPython(number_existing_cases, forget_series),
    ]
