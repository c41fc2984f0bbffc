"""REST API of the energy regime, over the same services as the pages (DRF, OpenAPI via drf-spectacular).

A refusal by a rule answers 400 {"detail": message, "rule": code, "clause": clause}.
"""

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema, extend_schema_view, inline_serializer
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from linggao_mi.casework.rules import RuleViolation
from linggao_mi.documents.choices import ServiceMethod

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
from .models import EnergyUnit, Finding, InspectionCase, TestingCommission
from .selectors import UNIT_VIEW, cases_list

RuleError = inline_serializer(
    "EnergyRuleError",
    {
        "detail": serializers.CharField(help_text="规则的中文说明"),
        "rule": serializers.CharField(help_text="规则代码"),
        "clause": serializers.CharField(help_text="依据条款，如 三（四）5(2)"),
        "explanation": serializers.CharField(required=False, help_text="本次情况的补充说明"),
    },
)


class RuleViolationMixin:
    def handle_exception(self, exc):
        if isinstance(exc, RuleViolation):
            body = {"detail": exc.rule.message, "rule": exc.rule.code, "clause": exc.rule.clause}
            if exc.detail:
                body["explanation"] = exc.detail
            return Response(body, status=400)
        if isinstance(exc, DjangoValidationError):
            errors = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
            return Response({"detail": next(iter(errors.values()))[0], "errors": errors}, status=400)
        return super().handle_exception(exc)


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


class UnitSerializer(serializers.ModelSerializer):
    class Meta:
        model = EnergyUnit
        fields = ["id", *services.UNIT_FIELDS, "created_at", "updated_at"]
        read_only_fields = ["created_at", "updated_at"]


@extend_schema_view(
    list=extend_schema(summary="用能单位列表", tags=["节能监察"]),
    retrieve=extend_schema(summary="用能单位详情", tags=["节能监察"]),
    create=extend_schema(summary="登记用能单位", tags=["节能监察"]),
    update=extend_schema(summary="修改用能单位", tags=["节能监察"]),
    partial_update=extend_schema(summary="修改用能单位（部分）", tags=["节能监察"]),
    destroy=extend_schema(summary="删除用能单位（无监察案件时）", tags=["节能监察"]),
)
class UnitViewSet(RuleViolationMixin, viewsets.ModelViewSet):
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


class FindingSerializer(serializers.ModelSerializer):
    item_display = serializers.CharField(source="get_item_display", read_only=True)
    result_display = serializers.CharField(source="get_result_display", read_only=True)

    class Meta:
        model = Finding
        fields = ["item", "item_display", "result", "result_display", "facts", "basis"]


class CaseSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    findings = FindingSerializer(many=True, read_only=True)
    delivery_due = serializers.DateField(source="delivery_deadline.due", read_only=True, allow_null=True)
    rectification_due = serializers.DateField(
        source="rectification_deadline.due", read_only=True, allow_null=True
    )

    class Meta:
        model = InspectionCase
        fields = [
            "id",
            "reference",
            "state",
            "state_display",
            "unit",
            "unit_name",
            "mode",
            "trigger",
            "planned_date",
            "basis",
            "section",
            "inspectors",
            "findings",
            "notice_served_on",
            "notice_requirements",
            "materials_received_on",
            "ended_on",
            "outcome",
            "rectification_requirements",
            "rectification_months",
            "extension_months",
            "suggestions",
            "outcome_document",
            "delivery_due",
            "rectification_due",
            "report_received_on",
            "verified_on",
            "verification_result",
            "closed_on",
            "close_reason",
            "created_at",
        ]
        read_only_fields = fields


def _inspectors():
    return User.objects.filter(is_active=True)


class PlanSerializer(serializers.Serializer):
    unit = serializers.PrimaryKeyRelatedField(queryset=EnergyUnit.objects.all())
    mode = serializers.ChoiceField(choices=Mode.choices)
    trigger = serializers.ChoiceField(choices=Trigger.choices)
    planned_date = serializers.DateField()
    items = serializers.ListField(
        child=serializers.CharField(),
        allow_empty=False,
        help_text="监察内容编号（三（四）2）：" + "；".join(f"{c.value} {c.label}" for c in CheckItem),
    )
    inspectors = serializers.PrimaryKeyRelatedField(queryset=_inspectors(), many=True)
    basis = serializers.CharField(required=False, allow_blank=True, default="")


class NoticeSerializer(serializers.Serializer):
    served_on = serializers.DateField()
    method = serializers.ChoiceField(choices=ServiceMethod.choices)
    recipient = serializers.CharField()
    requirements = serializers.CharField()
    planned_date = serializers.DateField(required=False, allow_null=True, default=None)


class MaterialsSerializer(serializers.Serializer):
    received_on = serializers.DateField()
    paper = serializers.BooleanField()
    electronic = serializers.BooleanField()
    description = serializers.CharField()


class FindingInputSerializer(serializers.Serializer):
    item = serializers.ChoiceField(choices=CheckItem.choices)
    result = serializers.ChoiceField(choices=FindingResult.choices)
    facts = serializers.CharField(required=False, allow_blank=True, default="")
    basis = serializers.CharField(required=False, allow_blank=True, default="")


class FindingsMixin:
    """`findings` (a list in the body) reach the service as item → FindingInput."""

    def validate_findings(self, value) -> dict:
        return {f["item"]: services.FindingInput(f["result"], f["facts"], f["basis"]) for f in value}


class RecommendationSerializer(serializers.Serializer):
    department = serializers.CharField()
    basis = serializers.CharField()
    facts = serializers.CharField()


class RecommendationMixin:
    """`recommendation` (an object in the body, or absent) reaches the service as RecommendationInput or None."""

    def validate_recommendation(self, value):
        return services.RecommendationInput(**value) if value else None


class RecordSerializer(FindingsMixin, serializers.Serializer):
    started_at = serializers.DateTimeField()
    ended_at = serializers.DateTimeField()
    place = serializers.CharField()
    inspectors = serializers.PrimaryKeyRelatedField(queryset=_inspectors(), many=True)
    present = serializers.CharField()
    measures = serializers.ListField(child=serializers.ChoiceField(choices=Measure.choices))
    measures_other = serializers.CharField(required=False, allow_blank=True, default="")
    notes = serializers.CharField(required=False, allow_blank=True, default="")
    findings = FindingInputSerializer(many=True, required=False, default=list)
    signer_name = serializers.CharField(required=False, allow_blank=True, default="")
    signer_capacity = serializers.ChoiceField(
        choices=SignerCapacity.choices, required=False, allow_blank=True, default=""
    )
    refused = serializers.BooleanField(required=False, default=False)
    refusal_note = serializers.CharField(required=False, allow_blank=True, default="")


class TestingSerializer(serializers.Serializer):
    agency_name = serializers.CharField(allow_blank=True)
    qualification_number = serializers.CharField(allow_blank=True)
    items = serializers.CharField()
    commissioned_on = serializers.DateField()
    fee_charged_to_unit = serializers.DecimalField(max_digits=10, decimal_places=2, required=False, default=0)


class TestingResultSerializer(serializers.Serializer):
    testing = serializers.IntegerField(help_text="委托检测记录的 id")
    results = serializers.CharField()
    results_on = serializers.DateField()

    def validate_testing(self, value: int) -> TestingCommission:
        testing = self.context["case"].testings.filter(pk=value).first()
        if testing is None:
            raise serializers.ValidationError("本案没有该委托检测记录。")
        return testing


class OutcomeSerializer(FindingsMixin, RecommendationMixin, serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    ended_on = serializers.DateField()
    findings = FindingInputSerializer(many=True, required=False, default=list)
    rectification_requirements = serializers.CharField(required=False, allow_blank=True, default="")
    rectification_months = serializers.IntegerField(required=False, allow_null=True, default=None)
    suggestions = serializers.CharField(required=False, allow_blank=True, default="")
    recommendation = RecommendationSerializer(required=False, allow_null=True, default=None)


class ServeSerializer(serializers.Serializer):
    method = serializers.ChoiceField(choices=ServiceMethod.choices)
    served_on = serializers.DateField()
    recipient = serializers.CharField()
    refused = serializers.BooleanField(required=False, default=False)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class ReportSerializer(serializers.Serializer):
    received_on = serializers.DateField()
    summary = serializers.CharField()


class VerifySerializer(serializers.Serializer):
    verified_on = serializers.DateField()
    verification_result = serializers.ChoiceField(choices=VerificationResult.choices, source="result")
    notes = serializers.CharField()


class EscalateSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class ExtensionRequestSerializer(serializers.Serializer):
    received_on = serializers.DateField()
    requested_months = serializers.IntegerField(min_value=1)
    reasons = serializers.CharField()


class ExtensionDecideSerializer(serializers.Serializer):
    approve = serializers.BooleanField()
    reasons = serializers.CharField()
    decided_on = serializers.DateField(required=False, allow_null=True, default=None)
    granted_months = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1)


class CloseSerializer(RecommendationMixin, serializers.Serializer):
    reason = serializers.CharField()
    closed_on = serializers.DateField(required=False, allow_null=True, default=None)
    recommendation = RecommendationSerializer(required=False, allow_null=True, default=None)


def _step(serializer_class, summary: str):
    return extend_schema(
        summary=summary,
        tags=["节能监察"],
        request=serializer_class,
        responses={200: CaseSerializer, 400: RuleError},
    )


@extend_schema_view(
    list=extend_schema(summary="节能监察案件列表（限本人可见）", tags=["节能监察"]),
    retrieve=extend_schema(summary="节能监察案件详情", tags=["节能监察"]),
    create=extend_schema(
        summary="立案（计划监察）",
        tags=["节能监察"],
        request=PlanSerializer,
        responses={201: CaseSerializer, 400: RuleError},
    ),
)
class CaseViewSet(RuleViolationMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = CaseSerializer
    queryset = InspectionCase.objects.none()
    filterset_fields = ["state", "unit", "mode", "trigger"]

    def get_queryset(self):
        return (
            cases_list(self.request.user)
            .prefetch_related("findings")
            .select_related("delivery_deadline", "rectification_deadline")
        )

    def _run(self, serializer_class, service, target=None):
        """One step on the case: the body's validated data go to `service` with the actor and the case, or with
        what `target(case)` names instead."""
        case = self.get_object()  # 404 outside the user's scope
        data = serializer_class(data=self.request.data, context={"case": case})
        data.is_valid(raise_exception=True)
        service(actor=self.request.user, **(target(case) if target else {"case": case}), **data.validated_data)
        return Response(CaseSerializer(self.get_queryset().get(pk=case.pk)).data)

    def create(self, request, *args, **kwargs):
        data = PlanSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        case = services.inspection_plan(actor=request.user, **data.validated_data)
        return Response(CaseSerializer(self.get_queryset().get(pk=case.pk)).data, status=201)

    @_step(NoticeSerializer, "登记书面监察通知（三（四）5(1)(2)）")
    @action(detail=True, methods=["post"])
    def notice(self, request, pk=None):
        return self._run(NoticeSerializer, services.notice_serve)

    @_step(MaterialsSerializer, "登记被监察单位报送的材料（三（四）5(1)）")
    @action(detail=True, methods=["post"])
    def materials(self, request, pk=None):
        return self._run(MaterialsSerializer, services.materials_receive)

    @_step(RecordSerializer, "登记现场监察笔录（三（四）5(3)）")
    @action(detail=True, methods=["post"])
    def record(self, request, pk=None):
        return self._run(RecordSerializer, services.record_file)

    @_step(TestingSerializer, "委托节能检测（三（四）5(5)）")
    @action(detail=True, methods=["post"])
    def testing(self, request, pk=None):
        return self._run(TestingSerializer, services.testing_commission)

    @_step(TestingResultSerializer, "登记检测结论")
    @action(detail=True, methods=["post"], url_path="testing-result")
    def testing_result(self, request, pk=None):
        # The body names the testing record (checked to be this case's); the service takes that, not the case.
        return self._run(TestingResultSerializer, services.testing_result_record, target=lambda case: {})

    @_step(OutcomeSerializer, "作出处理决定（三（四）6）")
    @action(detail=True, methods=["post"])
    def outcome(self, request, pk=None):
        return self._run(OutcomeSerializer, services.outcome_decide)

    @_step(ServeSerializer, "登记处理文书送达（三（四）6(4)）")
    @action(detail=True, methods=["post"])
    def serve(self, request, pk=None):
        return self._run(ServeSerializer, services.outcome_document_serve)

    @_step(ReportSerializer, "登记整改结果（三（四）6(5)）")
    @action(detail=True, methods=["post"])
    def report(self, request, pk=None):
        return self._run(ReportSerializer, services.report_receive)

    @_step(VerifySerializer, "核查整改情况（三（四）6(5)）")
    @action(detail=True, methods=["post"])
    def verify(self, request, pk=None):
        return self._run(VerifySerializer, services.rectification_verify)

    @_step(EscalateSerializer, "整改逾期移送处理")
    @action(detail=True, methods=["post"])
    def escalate(self, request, pk=None):
        return self._run(EscalateSerializer, services.rectification_escalate)

    @_step(ExtensionRequestSerializer, "登记延期申请（三（四）6(6)）")
    @action(detail=True, methods=["post"], url_path="extension-request")
    def extension_request(self, request, pk=None):
        return self._run(ExtensionRequestSerializer, services.extension_request)

    @_step(ExtensionDecideSerializer, "对延期申请作出决定（三（四）6(6)）")
    @action(detail=True, methods=["post"], url_path="extension-decide")
    def extension_decide(self, request, pk=None):
        return self._run(
            ExtensionDecideSerializer,
            services.extension_decide,
            target=lambda case: {"extension": services.pending_extension(case)},
        )

    @_step(CloseSerializer, "结案（移送处理后）")
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        return self._run(CloseSerializer, services.case_close)


router = SimpleRouter(trailing_slash=False)
router.register("energy/units", UnitViewSet, basename="energy-unit")
router.register("energy/cases", CaseViewSet, basename="energy-case")
urlpatterns = router.urls
