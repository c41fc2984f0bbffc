import factory

from boundaries.models import Assignment, BoundaryCase, BoundaryMatter, LegalBasis
from linggao_mi.org.models import Department


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"测试部门{n}")


class BoundaryMatterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BoundaryMatter

    number = factory.Sequence(lambda n: 100 + n)
    name = factory.Sequence(lambda n: f"测试管理事项{n}")


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    matter = factory.SubFactory(BoundaryMatterFactory)
    department = factory.SubFactory(DepartmentFactory)
    order = factory.Sequence(lambda n: 100 + n)
    duties = factory.Sequence(lambda n: f"负责测试职责{n}")


class LegalBasisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalBasis

    matter = factory.SubFactory(BoundaryMatterFactory)
    order = factory.Sequence(lambda n: 100 + n)
    text = factory.Sequence(lambda n: f"《测试条例》第{n}条")


class BoundaryCaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BoundaryCase
        skip_postgeneration_save = True

    matter = factory.SubFactory(BoundaryMatterFactory)
    order = factory.Sequence(lambda n: 100 + n)
    title = factory.Sequence(lambda n: f"测试案例{n}")
    text = "测试案例内容"

    @factory.post_generation
    def departments(self, create, extracted, **kwargs):
        if create and extracted:
            self.departments.set(extracted)
