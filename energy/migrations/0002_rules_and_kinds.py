"""The periods of 三（四） as DeadlineRule rows (amounts editable in admin) and the two document kinds.

The rows are listed in energy/reference.py, which EnergyConfig also runs after every migrate and flush.
"""

from django.db import migrations

from energy.reference import DEADLINE_RULES, DOCUMENT_KINDS, ensure_reference_rows


def forwards(apps, schema_editor):
    ensure_reference_rows(apps=apps, using=schema_editor.connection.alias)


def backwards(apps, schema_editor):
    using = schema_editor.connection.alias
    DeadlineRule = apps.get_model("deadlines", "DeadlineRule")
    DocumentKind = apps.get_model("documents", "DocumentKind")
    DeadlineRule.objects.using(using).filter(code__in=[r[0] for r in DEADLINE_RULES]).delete()
    DocumentKind.objects.using(using).filter(code__in=[k[0] for k in DOCUMENT_KINDS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("energy", "0001_initial"),
        ("deadlines", "0001_initial"),
        ("documents", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
