from django.db import migrations

from linggao_mi.lists.indexes import TrigramIndex


class Migration(migrations.Migration):
    """The search box finds a case or document by its 文号 (a part of it): a trigram index on the number."""

    dependencies = [("documents", "0004_historicalofficialdocument")]

    operations = [TrigramIndex("documents_officialdocument", "number")]
