"""REST API of 三（一）/三（二), over the same services as the pages.

- `GET /api/v1/discretion-standards/`: the published catalogue, read-only, without login.
- The cases (`inspections/checks`, `inspections/supervisions`, `inspections/faults`): read-only lists and details with
  their deadlines; their transition endpoints are the steps of the workflow tables. A refusal by a rule answers 400
  {"detail", "rule", "clause"}; a step the user may not take 403; a case outside the user's scope 404.
"""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.permissions import AllowAny

from linggao_mi.casework.api import CaseDeadlinesField, RuleViolationMixin, api_router, with_deadlines
from linggao_mi.casework.api_steps import NextStepsField

from . import selectors
from .models import DiscretionCircumstance, DiscretionStandard, FaultCase, OversightCheck, SupervisionCase
from .workflow import CHECK_WORKFLOW, FAULT_WORKFLOW, SUPERVISION_WORKFLOW

TAG = "执法监督与处罚裁量"


class CircumstanceSerializer(serializers.ModelSerializer):
    name = serializers.CharField(
        source="get_kind_display", read_only=True, help_text="不予处罚、首违不罚、从轻、一般、从重"
    )

    class Meta:
        model = DiscretionCircumstance
        fields = ["name", "min_amount", "max_amount"]


class DiscretionStandardSerializer(serializers.ModelSerializer):
    circumstances = CircumstanceSerializer(many=True, read_only=True)

    class Meta:
        model = DiscretionStandard
        fields = ["law", "article", "department", "penalty_kinds", "min_amount", "max_amount", "circumstances"]


@extend_schema_view(
    list=extend_schema(
        summary="行政处罚裁量基准（公开）", tags=[TAG], responses={200: DiscretionStandardSerializer(many=True)}
    ),
)
class DiscretionStandardViewSet(viewsets.GenericViewSet, viewsets.mixins.ListModelMixin):
    """行政处罚裁量基准（三（二））：违法行为的法律条款、执法部门、处罚种类、法定罚款幅度（元，无罚款的为空）及各裁量情形的幅度。"""

    serializer_class = DiscretionStandardSerializer
    permission_classes = [AllowAny]
    authentication_classes = []
    pagination_class = None

    def get_queryset(self):
        return selectors.standards_public()


def case_serializer(model, workflow, extra: list[str]):
    class Serializer(serializers.ModelSerializer):
        reference = serializers.CharField(read_only=True)
        state_display = serializers.CharField(source="get_state_display", read_only=True)
        deadlines = CaseDeadlinesField()

        class Meta:
            fields = [
                "id",
                "reference",
                "state",
                "state_display",
                "section",
                "inspectors",
                *extra,
                "created_at",
                "deadlines",
            ]
            read_only_fields = fields

    Serializer.Meta.model = model
    Serializer.__name__ = f"{model.__name__}Serializer"

    class Detail(Serializer):
        next_steps = NextStepsField(workflow)

        class Meta(Serializer.Meta):
            fields = [*Serializer.Meta.fields, "next_steps"]
            read_only_fields = fields

    Detail.__name__ = f"{model.__name__}DetailSerializer"
    return Serializer, Detail


CheckSerializer, CheckDetailSerializer = case_serializer(
    OversightCheck,
    CHECK_WORKFLOW,
    [
        "origin",
        "origin_note",
        "checked_sections",
        "checked_staff",
        "contents",
        "methods",
        "started_on",
        "summary",
        "opinions",
        "summarized_on",
        "report_received_on",
        "closed_on",
    ],
)
SupervisionSerializer, SupervisionDetailSerializer = case_serializer(
    SupervisionCase,
    SUPERVISION_WORKFLOW,
    [
        "source_check",
        "checked_section",
        "situations",
        "facts",
        "decision",
        "decision_text",
        "basis",
        "execution",
        "correction_days",
        "notice_document",
        "served_on",
        "review_received_on",
        "review_result",
        "review_document",
        "report_received_on",
        "closed_on",
    ],
)
FaultSerializer, FaultDetailSerializer = case_serializer(
    FaultCase,
    FAULT_WORKFLOW,
    [
        "person",
        "source_check",
        "situations",
        "evidence",
        "sanctions",
        "reasons",
        "effective_from",
        "decision_document",
        "referrals",
        "closed_on",
    ],
)


def case_viewset(name: str, summary: str, lister, serializer, detail):
    @extend_schema_view(
        list=extend_schema(summary=f"{summary}列表", tags=[TAG]),
        retrieve=extend_schema(summary=f"{summary}详情", tags=[TAG], responses={200: detail, 404: None}),
    )
    class ViewSet(RuleViolationMixin, viewsets.ReadOnlyModelViewSet):
        serializer_class = serializer
        queryset = serializer.Meta.model.objects.none()  # the schema's model; requests read get_queryset()

        def get_queryset(self):
            return with_deadlines(lister(self.request.user))

        def get_serializer_class(self):
            return detail if self.action == "retrieve" else serializer

    ViewSet.__name__ = name
    ViewSet.__doc__ = f"{summary}（本人可见范围内）。"
    return ViewSet


router = api_router()
router.register("discretion-standards", DiscretionStandardViewSet, basename="discretion-standard")
router.register(
    "inspections/checks",
    case_viewset("CheckViewSet", "执法监督检查", selectors.checks_list, CheckSerializer, CheckDetailSerializer),
    basename="inspections-check",
)
router.register(
    "inspections/supervisions",
    case_viewset(
        "SupervisionViewSet",
        "执法监督通知（决定）",
        selectors.supervisions_list,
        SupervisionSerializer,
        SupervisionDetailSerializer,
    ),
    basename="inspections-supervision",
)
router.register(
    "inspections/faults",
    case_viewset("FaultViewSet", "行政执法过错责任追究", selectors.faults_list, FaultSerializer, FaultDetailSerializer),
    basename="inspections-fault",
)
urlpatterns = router.urls
