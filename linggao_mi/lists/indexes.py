"""Trigram indexes for the search box (`Search`: a field contains the text, ILIKE '%…%'), on PostgreSQL.

A B-tree cannot answer "contains"; pg_trgm's GIN index can, for Chinese too (on a UTF-8 database every CJK
character is a word character). The index is on UPPER(column::text), the expression Django's `icontains`
compares on PostgreSQL (`UPPER("name"::text) LIKE UPPER('%水泥%')`), so that the planner can use it. SQLite,
the development default, has no such index and scans, which at its size is fine: the operation does nothing
there. Used in a migration::

    operations = [TrigramIndex("documents_officialdocument", "number")]
"""

from django.db import migrations


class TrigramIndex(migrations.RunPython):
    def __init__(self, table: str, *columns: str):
        name = f"{table}_{'_'.join(columns)}_trgm"[:63]
        self.table, self.columns, self.index_name = table, columns, name
        super().__init__(self._create, self._drop)

    def _create(self, apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        quote = schema_editor.quote_name
        parts = ", ".join(f"(UPPER({quote(column)}::text)) gin_trgm_ops" for column in self.columns)
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {quote(self.index_name)} ON {quote(self.table)} USING gin ({parts})"
        )

    def _drop(self, apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(self.index_name)}")

    def describe(self):
        return f"Trigram index on {self.table} ({', '.join(self.columns)}) for the search box"

    def deconstruct(self):
        return self.__class__.__name__, [self.table, *self.columns], {}
