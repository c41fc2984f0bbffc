"""REST API of 三（一）/三（二), over the same services as the pages.

- `GET /api/v1/discretion-standards/`: the published catalogue, read-only, without login.
- The cases (`inspections/checks`, `inspections/supervisions`, `inspections/faults`): read-only lists and details with
  their deadlines; their transition endpoints are the steps of the workflow tables. A refusal by a rule answers 400
  {"detail", "rule", "clause"}; a step the user may not take 403; a case outside the user's scope 404.
"""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.permissions import AllowAny

from linggao_mi.casework.api import CalendarDateField, CaseSerializerBase, ModelSerializer, api_router, with_deadlines
from linggao_mi.casework.api_steps import NextStepsField, ServeSerializer, StepEndpoint, serve_step, step_actions

from . import rules, selectors, services
from .choices import Referral, ReviewResult, Sanction
from .models import DiscretionCircumstance, DiscretionStandard, FaultCase, OversightCheck, SupervisionCase
from .workflow import CHECK_WORKFLOW, FAULT_WORKFLOW, SUPERVISION_WORKFLOW

TAG = "执法监督与处罚裁量"


class CircumstanceSerializer(ModelSerializer):
    name = serializers.CharField(
        source="get_kind_display", read_only=True, help_text="不予处罚、首违不罚、从轻、一般、从重"
    )

    class Meta:
        model = DiscretionCircumstance
        fields = ["name", "min_amount", "max_amount"]


class DiscretionStandardSerializer(ModelSerializer):
    circumstances = CircumstanceSerializer(many=True, read_only=True)

    class Meta:
        model = DiscretionStandard
        fields = ["law", "article", "department", "penalty_kinds", "min_amount", "max_amount", "circumstances"]


@extend_schema_view(
    list=extend_schema(
        summary="行政处罚裁量基准（公开）", tags=[TAG], responses={200: DiscretionStandardSerializer(many=True)}
    ),
)
class DiscretionStandardViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """行政处罚裁量基准（三（二））：违法行为的法律条款、执法部门、处罚种类、法定罚款幅度（元，无罚款的为空）及各裁量情形的幅度。"""

    serializer_class = DiscretionStandardSerializer
    permission_classes = [AllowAny]
    authentication_classes = []
    pagination_class = None

    def get_queryset(self):
        return selectors.standards_public()


def case_serializer(model, workflow, extra: list[str]):
    class Serializer(CaseSerializerBase):

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


# ---------------------------------------------------------------- step bodies (the services' keyword arguments)


def _text(max_length: int = 2000, required: bool = True):
    if required:
        return serializers.CharField(max_length=max_length)
    return serializers.CharField(required=False, allow_blank=True, default="", max_length=max_length)


def _uploads(label: str):
    return serializers.ListField(child=serializers.FileField(), required=False, default=list, help_text=label)


class FileScoreSerializer(serializers.Serializer):
    reference = serializers.CharField(max_length=60, help_text="任何监管业务的案号，如 临工信节监〔2026〕1号")
    items = serializers.DictField(
        child=serializers.IntegerField(min_value=0),
        help_text="评分表：" + "；".join(f"{k} 满分{v}" for k, v in rules.SCORE_SHEET.items()),
    )
    scored_on = CalendarDateField()
    problems = _text(required=False)


class SiteCheckSerializer(serializers.Serializer):
    checked_on = CalendarDateField()
    notes = _text()


class SummarizeSerializer(serializers.Serializer):
    summary = _text(5000)
    opinions = _text(5000, required=False)
    summarized_on = CalendarDateField()
    report_days = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1, max_value=365)


class WrittenReportSerializer(serializers.Serializer):
    received_on = CalendarDateField()
    summary = _text()
    uploads = _uploads("书面报告（multipart/form-data）")
    late_reason = _text(500, required=False)


class ReasonSerializer(serializers.Serializer):
    reason = _text(500, required=False)


class ReviewApplySerializer(serializers.Serializer):
    received_on = CalendarDateField()
    grounds = _text()
    uploads = _uploads("书面复查申请（multipart/form-data）")
    late_reason = _text(500, required=False)


class ReviewDraftSerializer(serializers.Serializer):
    result = serializers.ChoiceField(choices=ReviewResult.choices)
    reasons = _text()


class DecisionDraftSerializer(serializers.Serializer):
    sanctions = serializers.ListField(child=serializers.ChoiceField(choices=Sanction.choices), allow_empty=False)
    reasons = _text()
    effective_from = CalendarDateField(required=False, allow_null=True, default=None)


class ReferSerializer(serializers.Serializer):
    referrals = serializers.ListField(child=serializers.ChoiceField(choices=Referral.choices), allow_empty=False)
    note = _text()


CHECK_ENDPOINTS = {
    "file_score": StepEndpoint(FileScoreSerializer, services.file_score),
    "site_check": StepEndpoint(SiteCheckSerializer, services.site_check),
    "summarize": StepEndpoint(SummarizeSerializer, services.check_summarize),
    "report_receive": StepEndpoint(WrittenReportSerializer, services.check_report_receive),
    "close": StepEndpoint(ReasonSerializer, services.check_close),
}
SUPERVISION_ENDPOINTS = {
    "notice_served": StepEndpoint(ServeSerializer, serve_step(SUPERVISION_WORKFLOW, "notice_served")),
    "review_apply": StepEndpoint(ReviewApplySerializer, services.review_apply),
    "review_draft": StepEndpoint(ReviewDraftSerializer, services.review_draft),
    "review_served": StepEndpoint(ServeSerializer, serve_step(SUPERVISION_WORKFLOW, "review_served")),
    "report_receive": StepEndpoint(WrittenReportSerializer, services.supervision_report_receive),
    "close": StepEndpoint(ReasonSerializer, services.supervision_close),
}
FAULT_ENDPOINTS = {
    "decision_draft": StepEndpoint(DecisionDraftSerializer, services.decision_draft),
    "decision_served": StepEndpoint(ServeSerializer, serve_step(FAULT_WORKFLOW, "decision_served")),
    "refer": StepEndpoint(ReferSerializer, services.fault_refer),
    "close": StepEndpoint(ReasonSerializer, services.fault_close),
}


def case_viewset(name: str, summary: str, lister, serializer, detail, workflow, endpoints):
    @extend_schema_view(
        list=extend_schema(summary=f"{summary}列表", tags=[TAG]),
        retrieve=extend_schema(summary=f"{summary}详情", tags=[TAG], responses={200: detail}),
    )
    class ViewSet(viewsets.ReadOnlyModelViewSet):
        serializer_class = serializer
        queryset = serializer.Meta.model.objects.none()  # the schema's model; requests read get_queryset()

        def get_queryset(self):
            return with_deadlines(lister(self.request.user))

        def get_serializer_class(self):
            return detail if self.action == "retrieve" else serializer

    ViewSet.__name__ = name
    ViewSet.__doc__ = f"{summary}（本人可见范围内）；办理步骤见工作流表。"
    return step_actions(workflow, endpoints, tag=TAG)(ViewSet)


router = api_router()
router.register("discretion-standards", DiscretionStandardViewSet, basename="discretion-standard")
router.register(
    "inspections/checks",
    case_viewset(
        "CheckViewSet",
        "执法监督检查",
        selectors.checks_list,
        CheckSerializer,
        CheckDetailSerializer,
        CHECK_WORKFLOW,
        CHECK_ENDPOINTS,
    ),
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
        SUPERVISION_WORKFLOW,
        SUPERVISION_ENDPOINTS,
    ),
    basename="inspections-supervision",
)
router.register(
    "inspections/faults",
    case_viewset(
        "FaultViewSet",
        "行政执法过错责任追究",
        selectors.faults_list,
        FaultSerializer,
        FaultDetailSerializer,
        FAULT_WORKFLOW,
        FAULT_ENDPOINTS,
    ),
    basename="inspections-fault",
)
urlpatterns = router.urls
