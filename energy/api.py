"""REST API of the energy regime, over the same services as the pages (DRF, OpenAPI via drf-spectacular).

The transition endpoints are the steps of the workflow table (energy/workflow.py): `POST
/api/v1/energy/cases/{id}/<step-name>` with the step's body. A refusal by a rule answers 400 {"detail", "rule",
"clause"}; a step the user may not take answers 403; a case outside the user's scope 404.
"""

from django.contrib.auth.models import User
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.response import Response

from linggao_mi.casework.api import (
    CalendarDateField,
    CalendarDateTimeField,
    CaseSerializerBase,
    ModelSerializer,
    api_router,
    with_deadlines,
)
from linggao_mi.casework.api_steps import NextStepsField, ServeSerializer, StepEndpoint, serve_step, step_actions
from linggao_mi.org.models import Department

from . import services
from .choices import (
    CheckItem,
    FindingResult,
    Measure,
    Mode,
    Outcome,
    SignerCapacity,
    Trigger,
    VerificationResult,
)
from .fixed_asset import api as fixed_asset_api
from .models import EnergyUnit, Finding, InspectionCase
from .selectors import UNIT_VIEW, cases_list
from .workflow import WORKFLOW

TAG = "节能监察"

# ---------------------------------------------------------------- units


class UnitPermission(permissions.BasePermission):
    """Reading needs the unit view permission; writing the matching model permission."""

    perms = {"POST": "add", "PUT": "change", "PATCH": "change", "DELETE": "delete"}

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated and user.has_perm(UNIT_VIEW)):
            return False
        action_name = self.perms.get(request.method)
        return action_name is None or user.has_perm(f"energy.{action_name}_energyunit")


class UnitSerializer(ModelSerializer):
    class Meta:
        model = EnergyUnit
        fields = ["id", *services.UNIT_FIELDS, "created_at", "updated_at"]
        read_only_fields = ["created_at", "updated_at"]


@extend_schema_view(
    list=extend_schema(summary="用能单位列表", tags=[TAG]),
    retrieve=extend_schema(summary="用能单位详情", tags=[TAG]),
    create=extend_schema(summary="登记用能单位", tags=[TAG]),
    update=extend_schema(summary="修改用能单位", tags=[TAG]),
    partial_update=extend_schema(summary="修改用能单位（部分）", tags=[TAG]),
    destroy=extend_schema(summary="删除用能单位（无监察案件时）", tags=[TAG]),
)
class UnitViewSet(viewsets.ModelViewSet):
    """用能单位（三（四）1）。"""

    serializer_class = UnitSerializer
    permission_classes = [UnitPermission]
    queryset = EnergyUnit.objects.all()
    filterset_fields = ["is_key_unit", "industry"]

    def perform_create(self, serializer):
        serializer.instance = services.unit_create(actor=self.request.user, **serializer.validated_data)

    def perform_update(self, serializer):
        serializer.instance = services.unit_update(
            actor=self.request.user, unit=serializer.instance, **serializer.validated_data
        )

    def perform_destroy(self, instance):
        services.unit_delete(actor=self.request.user, unit=instance)


# ---------------------------------------------------------------- cases


class FindingSerializer(ModelSerializer):
    item_display = serializers.CharField(source="get_item_display", read_only=True)
    result_display = serializers.CharField(source="get_result_display", read_only=True)

    class Meta:
        model = Finding
        fields = ["item", "item_display", "result", "result_display", "facts", "basis", "punishable"]


class CaseSerializer(CaseSerializerBase):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    findings = FindingSerializer(many=True, read_only=True)

    class Meta:
        model = InspectionCase
        fields = [
            "id", "reference", "state", "state_display", "unit", "unit_name", "mode", "trigger", "planned_date",
            "basis", "section", "inspectors", "findings", "notice_document", "notice_served_on",
            "notice_requirements", "materials_received_on", "ended_on", "outcome", "rectification_requirements",
            "rectification_months", "extension_months", "suggestions", "outcome_document", "report_received_on",
            "verified_on", "verification_result", "closed_on", "close_reason", "created_at", "deadlines",
        ]
        read_only_fields = fields


class CaseDetailSerializer(CaseSerializer):
    """One case, with the steps the requesting user may take now (read from the workflow table: its guards cost
    queries of their own, so lists leave them out)."""

    next_steps = NextStepsField(WORKFLOW)

    class Meta(CaseSerializer.Meta):
        fields = [*CaseSerializer.Meta.fields, "next_steps"]
        read_only_fields = fields


def _inspectors():
    return User.objects.filter(is_active=True)


class PlanSerializer(serializers.Serializer):
    unit = serializers.PrimaryKeyRelatedField(queryset=EnergyUnit.objects.all())
    mode = serializers.ChoiceField(choices=Mode.choices)
    trigger = serializers.ChoiceField(choices=Trigger.choices)
    planned_date = CalendarDateField()
    items = serializers.ListField(
        child=serializers.ChoiceField(choices=CheckItem.choices),
        allow_empty=False,
        help_text="监察内容编号（三（四）2）：" + "；".join(f"{c.value} {c.label}" for c in CheckItem),
    )
    inspectors = serializers.PrimaryKeyRelatedField(queryset=_inspectors(), many=True)
    basis = serializers.CharField(required=False, allow_blank=True, default="", max_length=1000)
    late_reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=500)


class NoticeDraftSerializer(serializers.Serializer):
    requirements = serializers.CharField(max_length=2000)


class PlanCorrectSerializer(serializers.Serializer):
    planned_date = CalendarDateField()
    reason = serializers.CharField(max_length=500)


def _late_reason():
    return serializers.CharField(required=False, allow_blank=True, default="", max_length=500)


def _uploads(label: str):
    return serializers.ListField(child=serializers.FileField(), required=False, default=list, help_text=label)


class MaterialsSerializer(serializers.Serializer):
    received_on = CalendarDateField()
    paper = serializers.BooleanField()
    electronic = serializers.BooleanField()
    description = serializers.CharField(max_length=2000)
    uploads = _uploads("被监察单位报送的材料（multipart/form-data）")
    late_reason = _late_reason()


class FindingInputSerializer(serializers.Serializer):
    item = serializers.ChoiceField(choices=CheckItem.choices)
    result = serializers.ChoiceField(choices=FindingResult.choices)
    facts = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)
    basis = serializers.CharField(required=False, allow_blank=True, default="", max_length=1000)
    punishable = serializers.BooleanField(required=False, default=False)


class FindingsMixin:
    """`findings` (a list in the body) reach the service as item → FindingInput."""

    def validate_findings(self, value) -> dict:
        return {
            f["item"]: services.FindingInput(f["result"], f["facts"], f["basis"], f["punishable"]) for f in value
        }


class RecommendationSerializer(serializers.Serializer):
    department = serializers.PrimaryKeyRelatedField(
        queryset=Department.objects.filter(is_bureau=False), help_text="建议部门（部门名录中的 id）"
    )
    basis = serializers.CharField(max_length=1000)
    facts = serializers.CharField(max_length=2000)


class RecommendationMixin:
    """`recommendation` (an object in the body, or absent) reaches the service as RecommendationInput or None."""

    def validate_recommendation(self, value):
        return services.RecommendationInput(**value) if value else None


class RecordSerializer(FindingsMixin, serializers.Serializer):
    started_at = CalendarDateTimeField()
    ended_at = CalendarDateTimeField()
    place = serializers.CharField(max_length=200)
    inspectors = serializers.PrimaryKeyRelatedField(queryset=_inspectors(), many=True)
    present = serializers.CharField(max_length=1000)
    measures = serializers.ListField(child=serializers.ChoiceField(choices=Measure.choices))
    measures_other = serializers.CharField(required=False, allow_blank=True, default="", max_length=1000)
    notes = serializers.CharField(required=False, allow_blank=True, default="", max_length=4000)
    findings = FindingInputSerializer(many=True, required=False, default=list)
    signer_name = serializers.CharField(required=False, allow_blank=True, default="", max_length=50)
    signer_capacity = serializers.ChoiceField(
        choices=SignerCapacity.choices, required=False, allow_blank=True, default=""
    )
    refused = serializers.BooleanField(required=False, default=False)
    refusal_note = serializers.CharField(required=False, allow_blank=True, default="", max_length=1000)
    uploads = _uploads("现场证据（multipart/form-data）")
    late_reason = _late_reason()


class ReplyRequireSerializer(serializers.Serializer):
    questions = serializers.CharField(max_length=2000)
    days = serializers.IntegerField(min_value=1, max_value=60)


class ReplyReceiveSerializer(serializers.Serializer):
    received_on = CalendarDateField()
    summary = serializers.CharField(max_length=2000)
    upload = serializers.FileField(required=False, allow_null=True, default=None, help_text="书面答复（multipart）")
    late_reason = _late_reason()


class TestingSerializer(serializers.Serializer):
    agency_name = serializers.CharField(allow_blank=True, max_length=100)
    qualification_number = serializers.CharField(allow_blank=True, max_length=60)
    items = serializers.CharField(max_length=1000)
    commissioned_on = CalendarDateField()
    fee_charged_to_unit = serializers.DecimalField(max_digits=10, decimal_places=2, required=False, default=0)
    late_reason = _late_reason()


class TestingResultSerializer(serializers.Serializer):
    testing = serializers.IntegerField(help_text="委托检测记录的 id")
    results = serializers.CharField(max_length=2000)
    results_on = CalendarDateField()

    late_reason = _late_reason()

    def validate_testing(self, value: int):
        testing = self.context["case"].testings.filter(pk=value).first()
        if testing is None:
            raise serializers.ValidationError("本案没有该委托检测记录。")
        return testing


class OutcomeSerializer(FindingsMixin, RecommendationMixin, serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    ended_on = CalendarDateField()
    findings = FindingInputSerializer(many=True, required=False, default=list)
    rectification_requirements = serializers.CharField(required=False, allow_blank=True, default="", max_length=4000)
    rectification_months = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=1, max_value=120
    )
    suggestions = serializers.CharField(required=False, allow_blank=True, default="", max_length=4000)
    recommendation = RecommendationSerializer(required=False, allow_null=True, default=None)
    late_reason = _late_reason()


class ConfirmSerializer(serializers.Serializer):
    reasons = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class ReturnSerializer(serializers.Serializer):
    reasons = serializers.CharField(max_length=2000)


class ReportSerializer(serializers.Serializer):
    received_on = CalendarDateField()
    summary = serializers.CharField(max_length=4000)
    uploads = _uploads("整改结果报告（multipart/form-data）")
    late_reason = _late_reason()


class VerifySerializer(serializers.Serializer):
    verified_on = CalendarDateField()
    verification_result = serializers.ChoiceField(choices=VerificationResult.choices, source="result")
    notes = serializers.CharField(max_length=4000)
    late_reason = _late_reason()


class EscalateSerializer(RecommendationMixin, serializers.Serializer):
    recommendation = RecommendationSerializer()
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class ExtensionRequestSerializer(serializers.Serializer):
    received_on = CalendarDateField()
    requested_months = serializers.IntegerField(min_value=1, max_value=120)
    reasons = serializers.CharField(max_length=2000)
    upload = serializers.FileField(required=False, allow_null=True, default=None, help_text="书面申请（multipart）")
    late_reason = _late_reason()


class ExtensionDecideSerializer(serializers.Serializer):
    approve = serializers.BooleanField()
    reasons = serializers.CharField(max_length=2000)
    decided_on = CalendarDateField(required=False, allow_null=True, default=None)
    granted_months = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1, max_value=120)
    late_reason = _late_reason()


class CloseSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)
    closed_on = CalendarDateField(required=False, allow_null=True, default=None)
    late_reason = _late_reason()


ENDPOINTS = {
    "notice_draft": StepEndpoint(NoticeDraftSerializer, services.notice_draft),
    "plan_correct": StepEndpoint(PlanCorrectSerializer, services.plan_correct),
    "notice_served": StepEndpoint(ServeSerializer, serve_step(WORKFLOW, "notice_served")),
    "materials_receive": StepEndpoint(MaterialsSerializer, services.materials_receive),
    "record_file": StepEndpoint(RecordSerializer, services.record_file),
    "reply_require": StepEndpoint(ReplyRequireSerializer, services.reply_require),
    "reply_receive": StepEndpoint(ReplyReceiveSerializer, services.reply_receive),
    "testing_commission": StepEndpoint(TestingSerializer, services.testing_commission),
    "testing_result": StepEndpoint(TestingResultSerializer, services.testing_result_record),
    "outcome_decide": StepEndpoint(OutcomeSerializer, services.outcome_decide),
    "outcome_propose": StepEndpoint(OutcomeSerializer, services.outcome_propose),
    "outcome_confirm": StepEndpoint(ConfirmSerializer, services.outcome_confirm),
    "outcome_return": StepEndpoint(ReturnSerializer, services.outcome_return),
    "outcome_served": StepEndpoint(ServeSerializer, serve_step(WORKFLOW, "outcome_served")),
    "extension_request": StepEndpoint(ExtensionRequestSerializer, services.extension_request),
    "extension_decide": StepEndpoint(ExtensionDecideSerializer, services.extension_decide),
    "report_receive": StepEndpoint(ReportSerializer, services.report_receive),
    "verify": StepEndpoint(VerifySerializer, services.rectification_verify),
    "escalate": StepEndpoint(EscalateSerializer, services.rectification_escalate),
    "close": StepEndpoint(CloseSerializer, services.case_close),
}


@extend_schema_view(
    list=extend_schema(summary="节能监察案件列表（限本人可见）", tags=[TAG]),
    retrieve=extend_schema(summary="节能监察案件详情", tags=[TAG]),
    create=extend_schema(
        summary="立案", tags=[TAG], request=PlanSerializer, responses={201: CaseDetailSerializer}
    ),
)
@step_actions(WORKFLOW, ENDPOINTS, tag=TAG)
class CaseViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """节能监察案件（限本人可见）；办理步骤见工作流表。"""

    serializer_class = CaseDetailSerializer
    queryset = InspectionCase.objects.none()
    filterset_fields = ["state", "unit", "mode", "trigger"]

    def get_queryset(self):
        return with_deadlines(cases_list(self.request.user).prefetch_related("findings"))

    def get_serializer_class(self):
        return {"create": PlanSerializer, "list": CaseSerializer}.get(self.action, CaseDetailSerializer)

    def create(self, request, *args, **kwargs):
        data = PlanSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        case = services.inspection_plan(actor=request.user, **data.validated_data)
        fresh = self.get_queryset().get(pk=case.pk)
        return Response(CaseDetailSerializer(fresh, context={"request": request}).data, status=201)


router = api_router()
router.register("energy/units", UnitViewSet, basename="energy-unit")
router.register("energy/cases", CaseViewSet, basename="energy-case")
fixed_asset_api.register(router)  # 三（五） fixed-asset projects and their checks
urlpatterns = router.urls
