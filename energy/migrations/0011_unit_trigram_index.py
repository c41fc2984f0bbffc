from django.db import migrations

from linggao_mi.lists.indexes import TrigramIndex


class Migration(migrations.Migration):
    """The search boxes of the case, deadline and document lists find a unit by part of its name or credit code."""

    dependencies = [("energy", "0010_history_of_case_records")]

    operations = [TrigramIndex("energy_energyunit", "name", "credit_code")]
