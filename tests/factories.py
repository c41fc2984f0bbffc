import datetime

import factory
from django.contrib.auth.models import User

from linggao_mi.org.choices import Role
from linggao_mi.org.models import Certificate, Section
from linggao_mi.org.services import staff_set_role


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ["code"]

    name = factory.Sequence(lambda n: f"测试股{n}")
    code = factory.Sequence(lambda n: f"section-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    """A bureau user: UserFactory(role=Role.CHIEF, section=...); sectioned roles default to 工业股."""

    class Meta:
        model = User
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Sequence(lambda n: f"用户{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@linggao.example")
    password = factory.django.Password("pw-for-tests")

    @classmethod
    def _create(cls, model_class, *args, role=Role.STAFF, section=None, **kwargs):
        user = super()._create(model_class, *args, **kwargs)
        if section is None and role in (Role.CHIEF, Role.INSPECTOR, Role.STAFF):
            section = Section.objects.get(code="industry")
        user.is_superuser = role == Role.ADMIN
        user.save(update_fields=["is_superuser"])
        staff_set_role(user=user, role=role, section=section)
        if role == Role.CHIEF and section.chief_id is None:
            section.chief = user
            section.save(update_fields=["chief"])
        return user


class CertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certificate

    holder = factory.SubFactory(UserFactory, role=Role.INSPECTOR)
    number = factory.Sequence(lambda n: f"琼执测{n:06d}")
    issuing_authority = "海南省人民政府"
    enforcement_area = "临高县"
    valid_from = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=365))
    valid_to = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=365))
