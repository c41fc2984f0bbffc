"""The periods of 三（三）（七）（八） as DeadlineRule rows (amounts editable in admin), listed in infoproj/reference.py,
which InfoprojConfig also runs after every migrate and flush. The document kinds' rows are made by the documents app."""

from django.db import migrations

from infoproj.reference import DEADLINE_RULES, ensure_reference_rows


def forwards(apps, schema_editor):
    ensure_reference_rows(apps=apps, using=schema_editor.connection.alias)


def backwards(apps, schema_editor):
    DeadlineRule = apps.get_model("deadlines", "DeadlineRule")
    DeadlineRule.objects.using(schema_editor.connection.alias).filter(code__in=[r[0] for r in DEADLINE_RULES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("infoproj", "0001_initial"),
        ("deadlines", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
