import factory

from linggao_mi.org.models import Section
from services.models import PublicityEvent, ServiceItem


class ServiceItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceItem

    number = factory.Sequence(lambda n: 100 + n)
    name = factory.Sequence(lambda n: f"测试服务事项{n}")
    content = "测试服务内容"
    section = factory.LazyFunction(lambda: Section.objects.get(code="it"))
    phones = "28277998、28277128"


class PublicityEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PublicityEvent

    name = factory.Sequence(lambda n: f"测试宣传活动{n}")
    month = 5
    day = 17
    service_item = factory.SubFactory(ServiceItemFactory)
