"""The reference rows of energy's two regimes (三（四）, 三（五））: a DeadlineRule per period code of their rules (made
when missing, never overwritten, back after a flush, published at /api/v1/deadline-rules/) and a DocumentKind per
registered kind."""

import pytest
from django.core.management import call_command
from django.db.migrations.recorder import MigrationRecorder
from rest_framework.test import APIClient

from energy import rules
from energy.fixed_asset import rules as fixed_asset_rules
from energy.reference import DEADLINE_RULES, ensure_reference_rows, restore_after_migrate
from linggao_mi.deadlines.models import DeadlineRule
from linggao_mi.documents.kinds import KINDS
from linggao_mi.documents.models import DocumentKind

RULE_CODES = {r[0] for r in DEADLINE_RULES}
KIND_CODES = {rules.KIND_INSPECTION_NOTICE, rules.KIND_RECTIFICATION_NOTICE, rules.KIND_ADVICE,
              rules.KIND_EXTENSION_DECISION, fixed_asset_rules.KIND_CHECK_NOTICE, fixed_asset_rules.KIND_FEEDBACK,
              fixed_asset_rules.KIND_STOP_ORDER}


def present() -> set:
    return set(DeadlineRule.objects.filter(code__in=RULE_CODES).values_list("code", flat=True))


def test_every_period_code_of_the_rules_has_a_row_and_every_kind_is_registered():
    declared = [vars(module).items() for module in (rules, fixed_asset_rules)]  # 三（四） and 三（五）
    assert RULE_CODES == {value for names in declared for name, value in names if name.startswith("RULE_")}
    assert {code for code, spec in KINDS.items() if spec.regime == "energy"} == KIND_CODES


@pytest.mark.django_db
def test_the_periods_of_the_source_with_their_clauses(users):
    expected = {
        rules.RULE_NOTICE_LEAD: (7, "days", "三（四）5(2)"),
        rules.RULE_DELIVERY: (15, "days", "三（四）6(4)"),
        rules.RULE_RECTIFICATION: (6, "months", "三（四）6(6)"),
        rules.RULE_EXTENSION_WINDOW: (15, "days", "三（四）6(6)"),
        rules.RULE_EXTENSION_DECISION: (5, "workdays", "三（四）6(6)"),
        rules.RULE_EXTENSION_MAX: (6, "months", "三（四）6(6)"),
        rules.RULE_WRITTEN_REPLY: (10, "days", "三（四）4(4)"),
        fixed_asset_rules.RULE_START_WINDOW: (2, "years", "三（五）2(4)"),
        fixed_asset_rules.RULE_PERIODIC_CHECK: (1, "years", "三（五）4(1)"),
    }
    rows = DeadlineRule.objects.filter(code__in=RULE_CODES).values_list("code", "amount", "unit", "citation")
    assert {code: rest for code, *rest in rows} == {code: list(v) for code, v in expected.items()}
    client = APIClient()
    client.force_authenticate(users["inspector1"])
    published = {r["code"]: (r["amount"], r["unit"], r["clause"]) for r in client.get("/api/v1/deadline-rules/").json()}
    assert {code: published[code] for code in expected} == expected


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
    prefixes = dict(DocumentKind.objects.filter(code__in=KIND_CODES).values_list("code", "number_prefix"))
    assert prefixes == {
        rules.KIND_INSPECTION_NOTICE: "临工信节监通", rules.KIND_RECTIFICATION_NOTICE: "临工信节监改",
        rules.KIND_ADVICE: "临工信节监建", rules.KIND_EXTENSION_DECISION: "临工信节监延",
        fixed_asset_rules.KIND_CHECK_NOTICE: "临工信固检通", fixed_asset_rules.KIND_FEEDBACK: "临工信固检反",
        fixed_asset_rules.KIND_STOP_ORDER: "临工信固停",
    }
