"""Factories of the energy regime (factory_boy).

EnergyUnitFactory() makes a registered unit with a valid credit code. InspectionCaseFactory(inspectors=[...]) plans a
case through services.inspection_plan, so it is what a user would have made: findings for its checklist, the 立案
event, and object permissions for its inspectors (they see it in /energy/cases/). By default it is a written
计划监察 planned ten days ahead by one certified inspector of 工业股 (`certified_inspector()`); an on-site case needs
two. Every inspector must be of the case's section and hold a certificate valid on the planned date.
"""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from energy import services
from energy.choices import CheckItem, Mode, Trigger
from energy.models import EnergyUnit, InspectionCase
from energy.validators import credit_code_complete
from linggao_mi.org.choices import Role
from tests.factories import CertificateFactory, UserFactory


class EnergyUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EnergyUnit

    name = factory.Sequence(lambda n: f"临高示范用能单位{n}有限公司")
    credit_code = factory.Sequence(lambda n: credit_code_complete(f"91469028{n:09d}"))
    address = "临高县金牌港开发区"
    legal_representative = "王建国"
    contact_person = "陈明"
    contact_phone = "0898-28281234"
    industry = "电力、热力生产和供应业"
    is_key_unit = True
    annual_energy_use = Decimal("12500")
    created_by = factory.SubFactory(UserFactory, role=Role.STAFF)


def certified_inspector(**kwargs):
    """An inspector of 工业股 holding an enforcement certificate valid today."""
    user = UserFactory(role=Role.INSPECTOR, **kwargs)
    CertificateFactory(holder=user)
    return user


class InspectionCaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InspectionCase

    inspectors = factory.LazyFunction(lambda: [certified_inspector()])
    actor = factory.LazyAttribute(lambda o: o.inspectors[0])
    unit = factory.SubFactory(EnergyUnitFactory, created_by=factory.SelfAttribute("..actor"))
    mode = Mode.WRITTEN
    trigger = Trigger.PLAN
    planned_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=10))
    items = (CheckItem.ELIMINATION, CheckItem.METERING)

    @classmethod
    def _create(cls, model_class, *, actor, inspectors, items, **fields):
        return services.inspection_plan(actor=actor, inspectors=list(inspectors), items=list(items), **fields)
