"""The periods of 三（一） as DeadlineRule rows and the discretion catalogue of 三（二）, seeded from
《中华人民共和国节约能源法》第六章 (inspections/reference.py, which InspectionsConfig also runs after every flush)."""

from django.db import migrations

from inspections.reference import DEADLINE_RULES, ensure_reference_rows


def forwards(apps, schema_editor):
    ensure_reference_rows(apps=apps, using=schema_editor.connection.alias)


def backwards(apps, schema_editor):
    using = schema_editor.connection.alias
    apps.get_model("deadlines", "DeadlineRule").objects.using(using).filter(
        code__in=[r[0] for r in DEADLINE_RULES]
    ).delete()
    apps.get_model("inspections", "DiscretionStandard").objects.using(using).all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("inspections", "0001_initial"),
        ("deadlines", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
