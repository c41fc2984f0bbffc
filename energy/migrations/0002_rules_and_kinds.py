"""The periods of 三（四） as DeadlineRule rows (amounts editable in admin).

The rows are listed in energy/reference.py, which EnergyConfig also runs after every migrate and flush. (This
migration once made the regime's DocumentKind rows too; the documents app now makes them from the kinds registry.)
"""

from django.db import migrations

from energy.reference import DEADLINE_RULES, ensure_reference_rows


def forwards(apps, schema_editor):
    ensure_reference_rows(apps=apps, using=schema_editor.connection.alias)


def backwards(apps, schema_editor):
    using = schema_editor.connection.alias
    DeadlineRule = apps.get_model("deadlines", "DeadlineRule")
    DeadlineRule.objects.using(using).filter(code__in=[r[0] for r in DEADLINE_RULES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("energy", "0001_initial"),
        ("deadlines", "0001_initial"),
        ("documents", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
