"""The register of 用能单位 (三（四）1)."""

from django.contrib.auth.models import User
from django.db import transaction

from linggao_mi.casework.rules import RuleViolation

from .. import rules
from ..models import EnergyUnit
from ..selectors import require_perm
from ..validators import normalize_credit_code

UNIT_FIELDS = (
    "name",
    "credit_code",
    "address",
    "legal_representative",
    "contact_person",
    "contact_phone",
    "industry",
    "is_key_unit",
    "annual_energy_use",
)


def _unit_save(unit: EnergyUnit, fields: dict) -> EnergyUnit:
    unknown = set(fields) - set(UNIT_FIELDS)
    if unknown:
        raise TypeError(f"unknown unit fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(unit, name, value)
    unit.credit_code = normalize_credit_code(unit.credit_code)
    unit.full_clean()
    unit.save()
    return unit


@transaction.atomic(durable=True)
def unit_create(*, actor: User, **fields) -> EnergyUnit:
    """Register a 用能单位; the credit code must pass its GB 32100-2015 check (ValidationError otherwise)."""
    require_perm(actor, "energy.add_energyunit")
    return _unit_save(EnergyUnit(created_by=actor), fields)


@transaction.atomic(durable=True)
def unit_update(*, actor: User, unit: EnergyUnit, **changes) -> EnergyUnit:
    require_perm(actor, "energy.change_energyunit")
    return _unit_save(EnergyUnit.objects.select_for_update().get(pk=unit.pk), changes)


@transaction.atomic(durable=True)
def unit_delete(*, actor: User, unit: EnergyUnit) -> None:
    require_perm(actor, "energy.delete_energyunit")
    if unit.cases.exists():
        raise RuleViolation(rules.UNIT_HAS_CASES)
    unit.delete()
