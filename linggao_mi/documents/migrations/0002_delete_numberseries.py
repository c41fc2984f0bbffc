"""The 文号 series move to casework's Series (name "document:<kind code>"); rows a dev database holds go with them."""

from django.db import migrations


def copy_series(apps, schema_editor):
    NumberSeries = apps.get_model("documents", "NumberSeries")
    Series = apps.get_model("casework", "Series")
    db = schema_editor.connection.alias
    Series.objects.using(db).bulk_create(
        Series(name=f"document:{row.kind.code}", year=row.year, last=row.last)
        for row in NumberSeries.objects.using(db).select_related("kind")
    )


def copy_back(apps, schema_editor):
    NumberSeries = apps.get_model("documents", "NumberSeries")
    DocumentKind = apps.get_model("documents", "DocumentKind")
    Series = apps.get_model("casework", "Series")
    db = schema_editor.connection.alias
    kinds = {kind.code: kind for kind in DocumentKind.objects.using(db)}
    for row in Series.objects.using(db).filter(name__startswith="document:"):
        kind = kinds.get(row.name.removeprefix("document:"))
        if kind is not None:
            NumberSeries.objects.using(db).create(kind=kind, year=row.year, last=row.last)
    Series.objects.using(db).filter(name__startswith="document:").delete()


class Migration(migrations.Migration):

    dependencies = [
        ('casework', '0002_series'),
        ('documents', '0001_initial'),
    ]

    operations = [
        migrations.RunPython(copy_series, copy_back),
        migrations.DeleteModel(
            name='NumberSeries',
        ),
    ]
