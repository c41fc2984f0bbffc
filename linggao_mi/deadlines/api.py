from django.urls import re_path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import serializers, viewsets
from rest_framework.decorators import api_view
from rest_framework.response import Response

from linggao_mi.casework.api import ModelSerializer, api_router

from .models import DeadlineRule
from .periods import MAX_AMOUNT, Unit, compute_due

MESSAGES = {
    "start_required": "缺少参数 start（起算日期，YYYY-MM-DD）。",
    "start_invalid": "参数 start 应为日期，格式 YYYY-MM-DD。",
    "amount_required": "缺少参数 amount（期间长度）。",
    "amount_invalid": "参数 amount 必须是正整数。",
    "amount_min": "参数 amount 至少为1。",
    "amount_max": (
        f"参数 amount 过大（日不超过{MAX_AMOUNT[Unit.DAYS]}，工作日不超过{MAX_AMOUNT[Unit.WORKDAYS]}，"
        f"月不超过{MAX_AMOUNT[Unit.MONTHS]}，年不超过{MAX_AMOUNT[Unit.YEARS]}）。"
    ),
    "unit_required": "缺少参数 unit（days、workdays、months 或 years）。",
    "unit_invalid": "参数 unit 只能是 days（日）、workdays（工作日）、months（个月）或 years（年）。",
}


class ComputeQuery(serializers.Serializer):
    start = serializers.DateField(
        input_formats=["%Y-%m-%d"],
        error_messages={
            "required": MESSAGES["start_required"],
            "invalid": MESSAGES["start_invalid"],
            "null": MESSAGES["start_required"],
        },
    )
    amount = serializers.IntegerField(
        min_value=1,
        max_value=max(MAX_AMOUNT.values()),
        error_messages={
            "required": MESSAGES["amount_required"],
            "invalid": MESSAGES["amount_invalid"],
            "min_value": MESSAGES["amount_min"],
            "max_value": MESSAGES["amount_max"],
            "max_string_length": MESSAGES["amount_max"],
            "null": MESSAGES["amount_required"],
        },
    )
    unit = serializers.ChoiceField(
        choices=Unit.choices,
        error_messages={
            "required": MESSAGES["unit_required"],
            "invalid_choice": MESSAGES["unit_invalid"],
            "null": MESSAGES["unit_required"],
        },
    )


ComputeResult = inline_serializer(
    "DeadlineComputeResult",
    {
        "due": serializers.DateField(help_text="期间最后一日（已顺延至工作日）"),
        "moved": serializers.BooleanField(help_text="按期间推算的最后一日不是工作日，已顺延"),
        "provisional": serializers.BooleanField(
            help_text="涉及尚未录入国务院放假安排的年度，暂按周末休息计算，结果为暂定"
        ),
    },
)
ComputeError = inline_serializer(
    "DeadlineComputeError",
    {
        "detail": serializers.CharField(help_text="第一条错误的中文说明"),
        "errors": serializers.DictField(child=serializers.ListField(child=serializers.CharField())),
    },
)


@extend_schema(
    operation_id="deadlines_compute",
    summary="期限计算",
    description=(
        "按《民法典》第二百零一条至第二百零三条计算期间的最后一日：开始的当日不计入；按月、按年计算的，到期月的对应日"
        "（无对应日的为月末日）为最后一日；最后一日不是工作日的，顺延至其后第一个工作日；按工作日计算的跳过周末和"
        "法定节假日，调休上班日计入。限工作人员登录后使用。"
    ),
    tags=["期限"],
    parameters=[
        OpenApiParameter(
            "start", OpenApiTypes.DATE, required=True, description="起算日期（当日不计入），YYYY-MM-DD"
        ),
        OpenApiParameter("amount", OpenApiTypes.INT, required=True, description="期间长度，正整数"),
        OpenApiParameter(
            "unit",
            OpenApiTypes.STR,
            required=True,
            enum=Unit.values,
            description="单位：days 日，workdays 工作日，months 个月，years 年",
        ),
    ],
    responses={200: ComputeResult, 400: ComputeError},
    examples=[
        OpenApiExample(
            "国庆节后5个工作日",
            value={"due": "2026-10-13", "moved": False, "provisional": False},
            response_only=True,
        )
    ],
)
@api_view(["GET"])
def compute(request):
    query = ComputeQuery(data=request.query_params)
    if not query.is_valid():
        errors = {field: [str(m) for m in messages] for field, messages in query.errors.items()}
        return Response({"detail": next(iter(errors.values()))[0], "errors": errors}, status=400)
    data = query.validated_data
    result = compute_due(data["start"], data["amount"], data["unit"])  # a PeriodError answers 400 (the kit's handler)
    return Response({"due": result.due.isoformat(), "moved": result.moved, "provisional": result.provisional})


class DeadlineRuleSerializer(ModelSerializer):
    clause = serializers.CharField(source="citation", read_only=True, help_text="依据条款，如 三（四）5(2)")

    class Meta:
        model = DeadlineRule
        fields = ["code", "name", "amount", "unit", "clause", "description"]
        read_only_fields = fields


@extend_schema_view(
    list=extend_schema(summary="期限规则列表", tags=["期限"]),
    retrieve=extend_schema(summary="期限规则详情", tags=["期限"]),
)
class DeadlineRuleViewSet(viewsets.ReadOnlyModelViewSet):
    """本平台执行的全部法定期间：期间长度和单位（管理员可按本县规定修改）及其依据条款。"""

    serializer_class = DeadlineRuleSerializer
    queryset = DeadlineRule.objects.all()
    lookup_field = "code"
    pagination_class = None  # a short reference list, read whole


router = api_router()
router.register("deadline-rules", DeadlineRuleViewSet, basename="deadline-rule")
urlpatterns = [re_path(r"^deadlines/compute/?$", compute, name="deadlines-compute"), *router.urls]
