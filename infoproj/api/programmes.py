"""Key projects (三（三）), IT plan filings (三（六）) and the briefings and reports made from them: their cases and the
bodies of their steps, one viewset per case table built by _case_viewset."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.response import Response

from linggao_mi.casework.api import CalendarDateField, CaseSerializerBase, ModelSerializer, with_deadlines
from linggao_mi.casework.api_steps import NextStepsField, StepEndpoint, step_actions

from .. import selectors, services
from ..choices import BriefingKind, PlanCheckMethod
from ..models import Briefing, KeyProject, Milestone, PlanCheck, PlanFiling, WeeklyRecord, YearlyAssessment
from ..workflow import BRIEFING_WORKFLOW, KEY_WORKFLOW, PLAN_WORKFLOW

# ---------------------------------------------------------------- what a case shows


class KeyProjectSerializer(CaseSerializerBase):
    next_steps = NextStepsField(KEY_WORKFLOW)

    class Meta:
        model = KeyProject
        fields = ["id", "reference", "state", "state_display", "name", "kind", "owner_unit", "investment", "location",
                  "description", "completed_on", "created_at", "deadlines", "next_steps"]
        read_only_fields = fields


class PlanFilingSerializer(CaseSerializerBase):
    next_steps = NextStepsField(PLAN_WORKFLOW)

    class Meta:
        model = PlanFiling
        fields = ["id", "reference", "state", "state_display", "filer_kind", "filer_name", "title", "period_from",
                  "period_to", "submitted_on", "acknowledged_on", "county_approved_on", "approval_number",
                  "province_filed_on", "created_at", "deadlines", "next_steps"]
        read_only_fields = fields


class BriefingSerializer(CaseSerializerBase):
    next_steps = NextStepsField(BRIEFING_WORKFLOW)

    class Meta:
        model = Briefing
        fields = ["id", "reference", "state", "state_display", "kind", "period_year", "quarter", "document",
                  "created_at", "deadlines", "next_steps"]
        read_only_fields = fields


# ---------------------------------------------------------------- key projects: step bodies


class KeyProjectRegisterBody(ModelSerializer):
    class Meta:
        model = KeyProject
        fields = ["name", "kind", "owner_unit", "owner_contact", "investment", "location", "description"]


class KeyProjectWeeklyBody(ModelSerializer):
    class Meta:
        model = WeeklyRecord
        fields = ["contacted_on", "progress", "problems", "subjective_causes", "objective_causes"]
        extra_kwargs = {f: {"default": ""} for f in ("problems", "subjective_causes", "objective_causes")}


class KeyProjectMilestoneBody(ModelSerializer):
    class Meta:
        model = Milestone
        fields = ["name", "planned_on"]


class KeyProjectMilestoneDoneBody(serializers.Serializer):
    milestone = serializers.IntegerField(help_text="未完成的项目节点的 id")
    done_on = CalendarDateField()

    def validate_milestone(self, value: int):
        # One already done is the service's refusal (MILESTONE_DONE, with its clause).
        milestone = self.context["case"].milestones.filter(pk=value).first()
        if milestone is None:
            raise serializers.ValidationError("本项目没有该节点。")
        return milestone


class KeyProjectAssessBody(ModelSerializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100, help_text="考核年度")

    class Meta:
        model = YearlyAssessment
        fields = ["year", "reporting", "follow_up", "result", "published_on"]
        extra_kwargs = {"published_on": {"default": None}}


class KeyProjectCompleteBody(serializers.Serializer):
    completed_on = CalendarDateField()


KEY_ENDPOINTS = {
    "weekly_record": StepEndpoint(KeyProjectWeeklyBody, services.weekly_record),
    "milestone_add": StepEndpoint(KeyProjectMilestoneBody, services.milestone_add),
    "milestone_done": StepEndpoint(KeyProjectMilestoneDoneBody, services.milestone_done),
    "assess": StepEndpoint(KeyProjectAssessBody, services.assess),
    "complete": StepEndpoint(KeyProjectCompleteBody, services.key_complete),
}


# ---------------------------------------------------------------- IT plan filings: step bodies


class PlanFilingRegisterBody(ModelSerializer):
    upload = serializers.FileField(help_text="规划文本（multipart/form-data）")

    class Meta:
        model = PlanFiling
        fields = ["filer_kind", "filer_name", "title", "period_from", "period_to", "submitted_on", "upload"]


class PlanFilingAcknowledgeBody(serializers.Serializer):
    acknowledged_on = CalendarDateField()
    opinion = serializers.CharField(max_length=2000, help_text="备案意见")


class PlanFilingApproveBody(ModelSerializer):
    approved_on = CalendarDateField(help_text="县政府批准日期")

    class Meta:
        model = PlanFiling
        fields = ["approved_on", "approval_number"]
        extra_kwargs = {"approval_number": {"required": True, "allow_blank": False}}


class PlanFilingProvinceBody(serializers.Serializer):
    filed_on = CalendarDateField(help_text="报省备案日期")
    receipt = serializers.CharField(max_length=200, help_text="省信息化主管部门备案回执")


class PlanFilingCheckBody(ModelSerializer):
    methods = serializers.MultipleChoiceField(choices=PlanCheckMethod.choices, help_text="检查方式（三（六）5(3)）")

    class Meta:
        model = PlanCheck
        fields = ["checked_on", "group_members", "methods", "findings", "implementation", "outside_plan_projects",
                  "correction"]
        extra_kwargs = {f: {"default": ""} for f in ("outside_plan_projects", "correction")}


PLAN_ENDPOINTS = {
    "acknowledge": StepEndpoint(PlanFilingAcknowledgeBody, services.plan_acknowledge),
    "county_approve": StepEndpoint(PlanFilingApproveBody, services.plan_county_approve),
    "province_file": StepEndpoint(PlanFilingProvinceBody, services.plan_province_file),
    "plan_check": StepEndpoint(PlanFilingCheckBody, services.plan_check),
}


# ---------------------------------------------------------------- briefings: step bodies


class BriefingCreateBody(serializers.Serializer):
    kind = serializers.ChoiceField(choices=BriefingKind.choices)
    year = serializers.IntegerField(min_value=2000, max_value=2100, help_text="年度")
    quarter = serializers.IntegerField(min_value=1, max_value=4, required=False, allow_null=True, default=None,
                                       help_text="季度（季度简报）")
    texts = serializers.DictField(
        child=serializers.CharField(allow_blank=True, max_length=5000), required=False, default=dict,
        help_text="文书各栏正文：季度简报 analysis、recommendations，年度报告 summary（可在文书中修改）",
    )


class BriefingIssueBody(serializers.Serializer):
    """No body: the briefing is issued once its document has been issued."""


BRIEFING_ENDPOINTS = {"briefing_issue": StepEndpoint(BriefingIssueBody, services.briefing_issue)}


def _case_viewset(serializer, list_selector, workflow, endpoints, create: StepEndpoint, *, summary: str, tag: str):
    """A case's list, detail, its creating step as POST on the list and one endpoint per other step."""
    model = workflow.model
    creating = next(step for step in workflow if not step.sources)

    @extend_schema_view(
        list=extend_schema(summary=f"{summary}列表（限本人可见）", tags=[tag]),
        retrieve=extend_schema(summary=f"{summary}详情", tags=[tag]),
        create=extend_schema(summary=creating.label, description=creating.help, tags=[tag],
                             request=create.serializer, responses={201: serializer}),
    )
    class ViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
        __doc__ = f"{summary}（限本人可见）；办理步骤见工作流表。"
        serializer_class = serializer
        queryset = model.objects.none()

        def get_queryset(self):
            return with_deadlines(list_selector(self.request.user))

        def get_serializer_class(self):
            return create.serializer if self.action == "create" else serializer

        def create(self, request, *args, **kwargs):
            data = create.serializer(data=request.data)
            data.is_valid(raise_exception=True)
            case = create.service(actor=request.user, **data.validated_data)
            fresh = self.get_queryset().get(pk=case.pk)
            return Response(serializer(fresh, context=self.get_serializer_context()).data, status=201)

    ViewSet.__name__ = ViewSet.__qualname__ = f"{model.__name__}ViewSet"
    return step_actions(workflow, endpoints, tag=tag)(ViewSet)


KeyProjectViewSet = _case_viewset(
    KeyProjectSerializer, selectors.key_projects_list, KEY_WORKFLOW, KEY_ENDPOINTS,
    StepEndpoint(KeyProjectRegisterBody, services.key_register), summary="重点项目", tag="重点项目",
)
PlanFilingViewSet = _case_viewset(
    PlanFilingSerializer, selectors.plans_list, PLAN_WORKFLOW, PLAN_ENDPOINTS,
    StepEndpoint(PlanFilingRegisterBody, services.plan_register), summary="信息化发展规划备案", tag="信息化规划",
)
BriefingViewSet = _case_viewset(
    BriefingSerializer, selectors.briefings_list, BRIEFING_WORKFLOW, BRIEFING_ENDPOINTS,
    StepEndpoint(BriefingCreateBody, services.briefing_create), summary="简报与报告", tag="简报与报告",
)
