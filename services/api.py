"""Read-only API of the public service register and its publicity calendar, open to everyone."""

import datetime

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.permissions import AllowAny

from duties.api import SectionBriefSerializer
from linggao_mi.casework.api import ModelSerializer, api_router

from . import selectors
from .models import PublicityEvent, ServiceItem


class PublicityEventSerializer(ModelSerializer):
    when = serializers.CharField(source="when_display", read_only=True, help_text="如“每年6月”“每年2月13日”")
    next_date = serializers.SerializerMethodField(help_text="下一次开展的日期（整月活动为该月1日）")
    next_display = serializers.SerializerMethodField(help_text="如“2027年2月13日”“2027年6月”")

    class Meta:
        model = PublicityEvent
        fields = ["id", "name", "month", "day", "when", "next_date", "next_display", "description"]

    def _today(self) -> datetime.date:
        return self.context.setdefault("today", timezone.localdate())

    @extend_schema_field(serializers.DateField())
    def get_next_date(self, event: PublicityEvent) -> datetime.date:
        return event.next_occurrence(self._today())

    def get_next_display(self, event: PublicityEvent) -> str:
        return event.next_display(self._today())


class ServiceItemSerializer(ModelSerializer):
    section = SectionBriefSerializer(read_only=True)
    phones = serializers.ListField(source="phone_list", child=serializers.CharField(), read_only=True)
    events = PublicityEventSerializer(many=True, read_only=True)

    class Meta:
        model = ServiceItem
        fields = ["id", "number", "name", "content", "section", "phones", "events"]


class ServiceItemViewSet(viewsets.ReadOnlyModelViewSet):
    """公共服务事项登记表：服务事项、承办机构、联系电话及年度宣传活动。"""

    serializer_class = ServiceItemSerializer
    permission_classes = [AllowAny]

    def get_queryset(self):
        return selectors.service_item_list()


router = api_router()
router.register("service-items", ServiceItemViewSet, basename="service-item")
urlpatterns = router.urls
