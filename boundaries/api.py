"""Read-only API of the boundary table and its “这件事归谁管？” lookup, open to everyone."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from linggao_mi.casework.api import ModelSerializer, api_router
from linggao_mi.org.models import Department

from . import selectors
from .lookup import MAX_QUERY_LENGTH
from .models import Assignment, BoundaryCase, BoundaryMatter, LegalBasis


class DepartmentBriefSerializer(ModelSerializer):
    class Meta:
        model = Department
        fields = ["id", "name", "is_bureau"]


class AssignmentSerializer(ModelSerializer):
    department = DepartmentBriefSerializer(read_only=True)

    class Meta:
        model = Assignment
        fields = ["id", "order", "department", "duties"]


class LegalBasisSerializer(ModelSerializer):
    class Meta:
        model = LegalBasis
        fields = ["id", "order", "text"]


class BoundaryCaseSerializer(ModelSerializer):
    departments = DepartmentBriefSerializer(many=True, read_only=True)

    class Meta:
        model = BoundaryCase
        fields = ["id", "order", "title", "text", "departments"]


class BoundaryMatterSerializer(ModelSerializer):
    assignments = AssignmentSerializer(many=True, read_only=True)
    legal_bases = LegalBasisSerializer(many=True, read_only=True)
    cases = BoundaryCaseSerializer(many=True, read_only=True)

    class Meta:
        model = BoundaryMatter
        fields = ["id", "number", "name", "assignments", "legal_bases", "cases"]


class MatterBriefSerializer(ModelSerializer):
    class Meta:
        model = BoundaryMatter
        fields = ["id", "number", "name"]


# --- lookup results (plain objects from boundaries.lookup) ---


class SegmentSerializer(serializers.Serializer):
    text = serializers.CharField()
    matched = serializers.BooleanField(help_text="这一段与查询词相符")


class MarkedSerializer(serializers.Serializer):
    text = serializers.CharField()
    terms = serializers.ListField(child=serializers.CharField(), help_text="在本段文字中找到的查询词")
    segments = SegmentSerializer(many=True)


class DepartmentAnswerSerializer(serializers.Serializer):
    department = DepartmentBriefSerializer(source="assignment.department")
    duties = MarkedSerializer(help_text="该部门在此事项中的职责分工，标出命中部分")
    reason = serializers.CharField(help_text="列出该部门的原因")
    direct = serializers.BooleanField(help_text="职责分工或部门名称本身提到查询词")


class CaseAnswerSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="case.id")
    departments = DepartmentBriefSerializer(source="case.departments", many=True)
    title = MarkedSerializer()
    text = MarkedSerializer()


class HitSerializer(serializers.Serializer):
    label = serializers.CharField()
    text = MarkedSerializer()


class MatterAnswerSerializer(serializers.Serializer):
    matter = MatterBriefSerializer()
    terms = serializers.ListField(child=serializers.CharField(), help_text="该事项命中的查询词")
    departments = DepartmentAnswerSerializer(many=True)
    cases = CaseAnswerSerializer(many=True)
    hits = HitSerializer(many=True, help_text="事项名称、相关依据中的命中")


class LookupResultSerializer(serializers.Serializer):
    query = serializers.CharField()
    terms = serializers.ListField(child=serializers.CharField(), help_text="查询词（“杆”“秆”“干”已统一）")
    message = serializers.CharField(help_text="给查询人的说明，如未找到时的提示")
    partial = serializers.BooleanField(help_text="没有事项包含全部查询词，结果为部分命中")
    answers = MatterAnswerSerializer(many=True)


class BoundaryMatterViewSet(viewsets.ReadOnlyModelViewSet):
    """职责边界表：管理事项及各部门职责分工、相关依据、案例。"""

    serializer_class = BoundaryMatterSerializer
    permission_classes = [AllowAny]

    def get_queryset(self):
        return selectors.matter_list()

    @extend_schema(
        summary="这件事归谁管？",
        description="按关键词（可多个，空格分隔）查询管理事项、负责部门及其职责分工和相关案例。",
        parameters=[OpenApiParameter("q", str, description=f"关键词，最多 {MAX_QUERY_LENGTH} 个字")],
        responses=LookupResultSerializer,
    )
    @action(detail=False, pagination_class=None, filter_backends=[])
    def lookup(self, request):
        result = selectors.boundary_lookup(query=request.query_params.get("q", ""))
        return Response(LookupResultSerializer(result).data)


router = api_router()
router.register("boundary-matters", BoundaryMatterViewSet, basename="boundary-matter")
urlpatterns = router.urls
