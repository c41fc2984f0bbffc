"""The regime's DeadlineRule rows: made when missing, never overwritten, back after a flush."""

import pytest
from django.core.management import call_command
from django.db.migrations.recorder import MigrationRecorder

from energy import rules
from energy.reference import DEADLINE_RULES, ensure_reference_rows, restore_after_migrate
from linggao_mi.deadlines.models import DeadlineRule

RULE_CODES = {r[0] for r in DEADLINE_RULES}


def present() -> set:
    return set(DeadlineRule.objects.filter(code__in=RULE_CODES).values_list("code", flat=True))


@pytest.mark.django_db
def test_missing_rows_are_made_and_a_configured_amount_is_kept():
    DeadlineRule.objects.filter(code=rules.RULE_NOTICE_LEAD).update(amount=5)
    DeadlineRule.objects.filter(code=rules.RULE_DELIVERY).delete()
    ensure_reference_rows()
    ensure_reference_rows()
    assert present() == RULE_CODES
    assert DeadlineRule.objects.get(code=rules.RULE_NOTICE_LEAD).amount == 5
    assert DeadlineRule.objects.get(code=rules.RULE_DELIVERY).amount == 15


@pytest.mark.django_db
def test_nothing_is_restored_while_energy_is_migrated_back_before_the_rows(monkeypatch):
    DeadlineRule.objects.filter(code__in=RULE_CODES).delete()
    monkeypatch.setattr(MigrationRecorder, "applied_migrations", lambda self: {})
    restore_after_migrate(sender=None, using="default")
    assert present() == set()


@pytest.mark.django_db(transaction=True)
def test_a_flush_puts_the_rows_back():
    call_command("flush", interactive=False, verbosity=0)
    assert present() == RULE_CODES
