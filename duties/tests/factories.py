import factory

from duties.models import Duty, DutyItem


class DutyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Duty

    number = factory.Sequence(lambda n: 100 + n)
    text = factory.Sequence(lambda n: f"测试主要职责{n}")


class DutyItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DutyItem

    duty = factory.SubFactory(DutyFactory)
    order = factory.Sequence(lambda n: 100 + n)
    text = factory.Sequence(lambda n: f"测试工作事项{n}")
    section = factory.Iterator([None, 1, 2, 3], getter=lambda pk: None if pk is None else _section(pk))


def _section(pk):
    from linggao_mi.org.models import Section

    return Section.objects.get(pk=pk)
