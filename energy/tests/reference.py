"""Transactional tests flush the tables, data-migration rows included: put the energy rows back."""

import importlib

from django.apps import apps


def ensure_reference_rows() -> None:
    """Re-run the data migration's forwards (get_or_create: harmless when the rows are there)."""
    importlib.import_module("energy.migrations.0002_rules_and_kinds").forwards(apps, None)
