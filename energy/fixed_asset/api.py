"""REST API of 三（五）: the project register with its triggers, and the checks with their workflow steps.

- `POST /api/v1/fixed-asset/projects` (staff, inspectors, chiefs) registers a project: 201 with the project; 400
  {"detail", "rule", "clause"} when a rule refuses it (e.g. the owner's credit code is not a registered unit), or
  {field: [message]} for a malformed field; 403 without the permission.
- `GET /api/v1/fixed-asset/projects/{id}` answers the project with `triggers` [{code, clause, since}] (codes
  no_review, below_standard, falsified, not_started, consumption_up) and its `deadlines`; 404 when missing.
- `POST /api/v1/fixed-asset/projects/{id}/changes` records a change with `expected_annual_consumption_tce`: 201 with
  the project (its triggers found again); `.../progress` records the actual start of construction or production;
  `.../triggers` records an inspector's finding of 三（五）2(2) or (3).
- `/api/v1/fixed-asset/checks`: the checks the user may see; `POST` plans one; `POST .../{id}/<step-name>` takes a
  step of the workflow table (fixed_asset/workflow.py): 403 for a step the user may not take, 404 out of scope.
"""

from django.contrib.auth.models import User
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from linggao_mi.casework.api import (
    CalendarDateField,
    CaseDeadlinesField,
    CaseSerializerBase,
    ModelSerializer,
    with_deadlines,
)
from linggao_mi.casework.api_steps import NextStepsField, ServeSerializer, StepEndpoint, serve_step, step_actions

from ..models import EnergyUnit
from ..validators import normalize_credit_code, validate_credit_code
from . import services
from .choices import RECORDED_TRIGGERS, ProcedureStep
from .models import CheckStepRecord, FixedAssetProject, ProjectChange, ProjectCheck, ProjectMeasure, ProjectTrigger
from .selectors import PROJECT_VIEW, check_get, checks_list, penalty_circumstances, projects_list
from .workflow import RECORDED_STEPS, STEP_NAMES, WORKFLOW

TAG = "固定资产投资项目节能监察"


class ProjectPermission(permissions.BasePermission):
    """Reading needs the project view permission; registering and recording the change permission (add to create)."""

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated and user.has_perm(PROJECT_VIEW)):
            return False
        if request.method in permissions.SAFE_METHODS:
            return True
        return user.has_perm("energy.add_fixedassetproject" if view.action == "create" else
                             "energy.change_fixedassetproject")


class TriggerSerializer(ModelSerializer):
    label = serializers.CharField(source="get_code_display", read_only=True)

    class Meta:
        model = ProjectTrigger
        fields = ["code", "clause", "since", "label", "facts", "verified_consumption_tce"]
        read_only_fields = fields


class ChangeSerializer(ModelSerializer):
    changed_on = CalendarDateField(required=False, allow_null=True, default=None, help_text="默认为今天")

    class Meta:
        model = ProjectChange
        fields = ["id", "kind", "description", "changed_on", "expected_annual_consumption_tce", "recorded_at"]
        read_only_fields = ["id", "recorded_at"]


class ProjectSerializer(ModelSerializer):
    owner_credit_code = serializers.CharField(
        max_length=EnergyUnit._meta.get_field("credit_code").max_length, source="owner.credit_code",
        help_text="项目建设单位的统一社会信用代码（须为已登记的用能单位）",
    )
    owner_name = serializers.CharField(source="owner.name", read_only=True)
    triggers = TriggerSerializer(many=True, read_only=True)
    changes = ChangeSerializer(many=True, read_only=True)
    next_check_due = CalendarDateField(read_only=True, allow_null=True, help_text="下一次定期检查期限")
    deadlines = CaseDeadlinesField(help_text="本项目的期限（年度定期检查）")

    class Meta:
        model = FixedAssetProject
        fields = [
            "id", "owner_credit_code", "owner", "owner_name", *services.PROJECT_FIELDS, "triggers", "changes",
            "next_check_due", "deadlines", "created_at",
        ]
        read_only_fields = ["id", "owner", "created_at"]
        extra_kwargs = {
            # The minimum: these keys must be sent; a project without a passed review sends null.
            "review_passed_on": {"required": True, "allow_null": True},
            "approved_annual_consumption_tce": {"required": True, "allow_null": True},
            "construction_started_on": {"required": False, "allow_null": True},
        }

    def validate_owner_credit_code(self, value: str) -> str:
        value = normalize_credit_code(value)
        validate_credit_code(value)
        return value


class ProgressSerializer(ModelSerializer):
    class Meta:
        model = FixedAssetProject
        fields = ["construction_started_on", "production_started_on"]


class TriggerRecordSerializer(ModelSerializer):
    code = serializers.ChoiceField(choices=[(c.value, c.label) for c in RECORDED_TRIGGERS])

    class Meta:
        model = ProjectTrigger
        fields = ["code", "since", "facts", "verified_consumption_tce"]


def _project_body(view, pk: int, status: int = 200) -> Response:
    fresh = view.get_queryset().get(pk=pk)
    return Response(ProjectSerializer(fresh, context={"request": view.request}).data, status=status)


def _write(serializer_class, request) -> dict:
    data = serializer_class(data=request.data)
    data.is_valid(raise_exception=True)
    return data.validated_data


@extend_schema_view(
    list=extend_schema(summary="固定资产投资项目列表（?trigger=情形代码或any，?q=检索，?ordering=next_check）",
                       tags=[TAG]),
    retrieve=extend_schema(summary="固定资产投资项目详情（含三（五）2情形）", tags=[TAG],
                           responses={200: ProjectSerializer}),
    create=extend_schema(
        summary="登记固定资产投资项目", tags=[TAG], responses={201: ProjectSerializer}
    ),
)
class ProjectViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """固定资产投资项目（三（五）1）及其违法违规情形（三（五）2）。"""

    serializer_class = ProjectSerializer
    permission_classes = [ProjectPermission]
    queryset = FixedAssetProject.objects.none()

    def get_queryset(self):
        params = self.request.query_params
        return with_deadlines(
            projects_list(
                self.request.user, search=params.get("q", "").strip(), trigger=params.get("trigger", ""),
                order="next_check" if params.get("ordering") == "next_check" else "",
            ).prefetch_related("changes")
        )

    def create(self, request, *args, **kwargs):
        data = _write(ProjectSerializer, request)
        owner = data.pop("owner")
        project = services.project_create(actor=request.user, owner_credit_code=owner["credit_code"], **data)
        return _project_body(self, project.pk, 201)

    @extend_schema(summary="登记项目变化（建设规模、内容、节能技术方案）", tags=[TAG], request=ChangeSerializer,
                   responses={201: ProjectSerializer})
    @action(detail=True, methods=["post"])
    def changes(self, request, pk=None):
        project = self.get_object()
        services.project_change_record(actor=request.user, project=project, **_write(ChangeSerializer, request))
        return _project_body(self, project.pk, 201)

    @extend_schema(summary="登记实际开工、投入生产使用日期", tags=[TAG], request=ProgressSerializer,
                   responses={200: ProjectSerializer})
    @action(detail=True, methods=["post"])
    def progress(self, request, pk=None):
        project = self.get_object()
        services.project_progress_record(actor=request.user, project=project, **_write(ProgressSerializer, request))
        return _project_body(self, project.pk)

    @extend_schema(summary="登记检查发现的情形（三（五）2(2)(3)）", tags=[TAG], request=TriggerRecordSerializer,
                   responses={201: ProjectSerializer})
    @action(detail=True, methods=["post"])
    def triggers(self, request, pk=None):
        project = self.get_object()
        services.trigger_record(actor=request.user, project=project, **_write(TriggerRecordSerializer, request))
        return _project_body(self, project.pk, 201)


# ---------------------------------------------------------------- checks


class StepRecordOutSerializer(ModelSerializer):
    step_display = serializers.CharField(source="get_step_display", read_only=True)

    class Meta:
        model = CheckStepRecord
        fields = ["step", "step_display", "done_on", "inspectors", "participants", "notes"]
        read_only_fields = fields


class MeasureOutSerializer(ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    trigger = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    penalty = serializers.StringRelatedField(allow_null=True, help_text="处罚裁量建议（裁量基准、情形）；无处罚的为空")

    class Meta:
        model = ProjectMeasure
        fields = ["kind", "kind_display", "trigger", "basis", "facts", "decided_on", "penalty"]
        read_only_fields = fields


class CheckSerializer(CaseSerializerBase):
    project_name = serializers.CharField(source="project.name", read_only=True)

    class Meta:
        model = ProjectCheck
        fields = [
            "id", "reference", "state", "state_display", "project", "project_name", "kind", "occasion", "method",
            "planned_date", "plan", "section", "inspectors", "notice_document", "feedback_document",
            "stop_order_document", "closed_on", "close_reason", "created_at", "deadlines",
        ]
        read_only_fields = fields


class CheckDetailSerializer(CheckSerializer):
    step_records = StepRecordOutSerializer(many=True, read_only=True)
    measures = MeasureOutSerializer(many=True, read_only=True)
    next_steps = NextStepsField(WORKFLOW)

    class Meta(CheckSerializer.Meta):
        fields = [*CheckSerializer.Meta.fields, "step_records", "measures", "next_steps"]
        read_only_fields = fields


def _users():
    return User.objects.filter(is_active=True)


def _late_reason():
    return serializers.CharField(required=False, allow_blank=True, default="", max_length=500)


class FixedAssetPlanSerializer(ModelSerializer):
    inspectors = serializers.PrimaryKeyRelatedField(queryset=_users(), many=True)
    late_reason = _late_reason()

    class Meta:
        model = ProjectCheck
        fields = ["project", "kind", "occasion", "method", "planned_date", "plan", "inspectors", "late_reason"]


class StepRecordSerializer(ModelSerializer):
    inspectors = serializers.PrimaryKeyRelatedField(queryset=_users(), many=True, help_text="本局检查人员")
    late_reason = _late_reason()

    class Meta:
        model = CheckStepRecord
        fields = ["done_on", "inspectors", "participants", "notes", "late_reason"]


class FixedAssetNoticeDraftSerializer(serializers.Serializer):
    requirements = serializers.CharField(max_length=2000)


class FeedbackDraftSerializer(serializers.Serializer):
    results = serializers.CharField(max_length=4000)
    suggestions = serializers.CharField(max_length=4000)


class MeasureSerializer(ModelSerializer):
    requirements = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=2000,
        help_text="责令停止建设的，停止建设及限期改造要求",
    )
    decided_on = CalendarDateField(required=False, allow_null=True, default=None)
    circumstance = serializers.PrimaryKeyRelatedField(
        queryset=penalty_circumstances(), required=False, allow_null=True, default=None,
        help_text="处罚裁量情形（/api/v1/discretion-standards/ 中节约能源法第六十八条第二款的情形 id）；"
                  "项目不符合强制性节能标准的必填",
    )
    penalty_reasons = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)
    late_reason = _late_reason()

    class Meta:
        model = ProjectMeasure
        fields = ["kind", "trigger", "facts", "decided_on", "requirements", "circumstance", "penalty_reasons",
                  "late_reason"]

    def validate_trigger(self, value):
        if value is not None and value.project_id != self.context["case"].project_id:
            raise serializers.ValidationError("所选情形不属于本项目。")
        return value


class FixedAssetCloseSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)
    closed_on = CalendarDateField(required=False, allow_null=True, default=None)
    late_reason = _late_reason()


def _step_service(step: int):
    def record(*, actor, case, **data):
        return services.step_record(actor=actor, case=case, step=step, **data)

    return record


ENDPOINTS = {
    **{STEP_NAMES[s]: StepEndpoint(StepRecordSerializer, _step_service(s)) for s in RECORDED_STEPS},
    "notice_draft": StepEndpoint(FixedAssetNoticeDraftSerializer, services.notice_draft),
    "notify": StepEndpoint(ServeSerializer, serve_step(WORKFLOW, "notify")),
    "feedback_draft": StepEndpoint(FeedbackDraftSerializer, services.feedback_draft),
    STEP_NAMES[ProcedureStep.FEEDBACK]: StepEndpoint(ServeSerializer, serve_step(WORKFLOW, "feedback")),
    "measure": StepEndpoint(MeasureSerializer, services.measure_decide),
    "stop_order_served": StepEndpoint(ServeSerializer, serve_step(WORKFLOW, "stop_order_served")),
    "close": StepEndpoint(FixedAssetCloseSerializer, services.check_close),
}


@extend_schema_view(
    list=extend_schema(summary="固定资产投资项目检查列表（限本人可见）", tags=[TAG]),
    retrieve=extend_schema(summary="固定资产投资项目检查详情", tags=[TAG]),
    create=extend_schema(summary="制定检查方案", tags=[TAG], request=FixedAssetPlanSerializer,
                         responses={201: CheckDetailSerializer}),
)
@step_actions(WORKFLOW, ENDPOINTS, tag=TAG)
class CheckViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """固定资产投资项目节能监察检查（限本人可见）；办理步骤见工作流表。"""

    serializer_class = CheckDetailSerializer
    queryset = ProjectCheck.objects.none()

    def get_queryset(self):
        return with_deadlines(checks_list(self.request.user).prefetch_related("inspectors"))

    def get_serializer_class(self):
        return {"create": FixedAssetPlanSerializer, "list": CheckSerializer}.get(self.action, CheckDetailSerializer)

    def get_object(self):
        return check_get(self.request.user, self.kwargs["pk"])

    def create(self, request, *args, **kwargs):
        case = services.check_plan(actor=request.user, **_write(FixedAssetPlanSerializer, request))
        fresh = self.get_queryset().get(pk=case.pk)
        return Response(CheckDetailSerializer(fresh, context={"request": request}).data, status=201)


def register(router) -> None:
    router.register("fixed-asset/projects", ProjectViewSet, basename="fixed-asset-project")
    router.register("fixed-asset/checks", CheckViewSet, basename="fixed-asset-check")
