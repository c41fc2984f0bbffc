"""Read-only API of the duty register, open to everyone like the public page."""

from rest_framework import serializers, viewsets
from rest_framework.permissions import AllowAny

from linggao_mi.casework.api import ModelSerializer, api_router
from linggao_mi.org.models import Section

from . import selectors
from .models import Duty, DutyItem, Regime


class SectionBriefSerializer(ModelSerializer):
    class Meta:
        model = Section
        fields = ["id", "name", "code"]


class RegimeSerializer(ModelSerializer):
    class Meta:
        model = Regime
        fields = ["id", "clause", "name"]


class DutyItemSerializer(ModelSerializer):
    section = SectionBriefSerializer(read_only=True, allow_null=True)
    regimes = RegimeSerializer(many=True, read_only=True, help_text="实施该事项的事中事后监管制度")
    code = serializers.CharField(read_only=True, help_text="在登记表中的编号，如 4.3")

    class Meta:
        model = DutyItem
        fields = ["id", "code", "order", "text", "note", "section", "regimes"]


class DutySerializer(ModelSerializer):
    items = DutyItemSerializer(many=True, read_only=True)

    class Meta:
        model = Duty
        fields = ["id", "number", "text", "items"]


class DutyViewSet(viewsets.ReadOnlyModelViewSet):
    """部门职责登记表：主要职责及其具体工作事项、承办股室。"""

    serializer_class = DutySerializer
    permission_classes = [AllowAny]

    def get_queryset(self):
        return selectors.duty_list()


router = api_router()
router.register("duties", DutyViewSet, basename="duty")
urlpatterns = router.urls
