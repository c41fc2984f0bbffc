"""REST API of 三（三）（六）～（九), over the same services as the pages (DRF, OpenAPI via drf-spectacular).

`POST /api/v1/infoproj/projects/{id}/<step-name>` takes a step of the IT project's workflow table with its body
(field lengths and choices from the models); a refusal by a rule answers 400 {"detail", "rule", "clause"}, a step
the user may not take 403, a case outside the user's scope 404. Key projects, plan filings and briefings likewise:
POST on the list takes the creating step (a plan's text as a multipart upload), `POST .../{id}/<step-name>` each
other step of KEY_WORKFLOW, PLAN_WORKFLOW and BRIEFING_WORKFLOW. Published announcements are public at
/api/v1/tenders/.
"""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.response import Response

from linggao_mi.casework.api import CalendarDateField, CaseDeadlinesField, ModelSerializer, api_router, with_deadlines
from linggao_mi.casework.api_steps import NextStepsField, ServeSerializer, StepEndpoint, serve_step, step_actions

from . import selectors, services
from .choices import BriefingKind, PlanCheckMethod, TenderDocKind
from .models import (
    AnnouncementItem,
    Briefing,
    Complaint,
    ContractCheck,
    ExpertReview,
    ITProject,
    KeyProject,
    Milestone,
    PerformanceEvaluation,
    PlanCheck,
    PlanFiling,
    ProjectChange,
    RoutineCheck,
    TenderAnnouncement,
    TenderDocument,
    WeeklyRecord,
    YearlyAssessment,
)
from .workflow import BRIEFING_WORKFLOW, KEY_WORKFLOW, PLAN_WORKFLOW, PROJECT_WORKFLOW

TAG = "信息化工程"


def _late_reason():
    return serializers.CharField(required=False, allow_blank=True, default="", max_length=500)


# ---------------------------------------------------------------- IT projects: what a case shows


class ReviewSerializer(ModelSerializer):
    class Meta:
        model = ExpertReview
        fields = ["id", "gate", "reviewed_on", "experts", "standards_implemented", "standards_opinion", "verdict",
                  "opinions"]
        read_only_fields = fields


class ItemSerializer(ModelSerializer):
    class Meta:
        model = AnnouncementItem
        fields = ["name", "spec_model", "quantity", "unit_price", "service_requirements"]


class TenderDocumentSerializer(ModelSerializer):
    name = serializers.CharField(source="attachment.original_name", read_only=True)

    class Meta:
        model = TenderDocument
        fields = ["id", "kind", "name"]
        read_only_fields = fields


ANNOUNCEMENT_FIELDS = [
    "purchaser_name", "purchaser_address", "purchaser_contact", "agent_name", "agent_address", "agent_contact",
    "project_title", "project_number", "winner_name", "winner_address", "winner_amount", "experts", "media",
]


class AnnouncementSerializer(ModelSerializer):
    items = ItemSerializer(many=True, read_only=True)
    documents = TenderDocumentSerializer(many=True, read_only=True)

    class Meta:
        model = TenderAnnouncement
        fields = ["id", "winner_determined_on", *ANNOUNCEMENT_FIELDS, "notice_sent_on", "published_on", "items",
                  "documents"]
        read_only_fields = fields


class EvaluationSerializer(ModelSerializer):
    total = serializers.DecimalField(max_digits=6, decimal_places=1, read_only=True)
    project_name = serializers.CharField(source="project.name", read_only=True)

    class Meta:
        model = PerformanceEvaluation
        fields = ["id", "project", "project_name", "evaluated_on", "management_score", "output_score", "effect_score",
                  "total", "goals_met", "comments", "rectification", "refused_on", "sanction"]
        read_only_fields = fields


class ITProjectSerializer(ModelSerializer):
    reference = serializers.CharField(read_only=True)
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    outside_plan = serializers.BooleanField(read_only=True, help_text="不在已备案的信息化发展规划内（三（六）6）")
    deadlines = CaseDeadlinesField()

    class Meta:
        model = ITProject
        fields = ["id", "reference", "state", "state_display", "name", "owner_unit", "owner_contact", "funding",
                  "build_kind", "budget", "approved_scale", "approved_content", "plan", "outside_plan", "section",
                  "acceptance_applied_on", "acceptance_document", "closed_on", "created_at", "deadlines"]
        read_only_fields = fields


class ITProjectDetailSerializer(ITProjectSerializer):
    reviews = ReviewSerializer(many=True, read_only=True)
    announcement = AnnouncementSerializer(read_only=True, allow_null=True)
    owner_evaluations = serializers.SerializerMethodField(help_text="同一建设单位以往项目的绩效评价（三（七）6(4)）")
    next_steps = NextStepsField(PROJECT_WORKFLOW)

    class Meta(ITProjectSerializer.Meta):
        fields = [*ITProjectSerializer.Meta.fields, "reviews", "announcement", "owner_evaluations", "next_steps"]
        read_only_fields = fields

    @extend_schema(responses=EvaluationSerializer(many=True))
    def get_owner_evaluations(self, case) -> list:
        return EvaluationSerializer(services.owner_evaluations(case.owner_unit, exclude=case), many=True).data


# ---------------------------------------------------------------- IT projects: step bodies


class ITProjectRegisterSerializer(ModelSerializer):
    class Meta:
        model = ITProject
        fields = ["name", "owner_unit", "owner_contact", "funding", "build_kind", "budget", "approved_scale",
                  "approved_content", "plan"]


class ReviewBody(ModelSerializer):
    """An expert review (三（九）5): `passed` is the verdict."""

    passed = serializers.BooleanField(help_text="审核结论：true 通过，false 不予通过")
    late_reason = _late_reason()

    class Meta:
        model = ExpertReview
        fields = ["reviewed_on", "experts", "standards_implemented", "standards_opinion", "passed", "opinions",
                  "late_reason"]
        extra_kwargs = {"opinions": {"required": False, "default": ""}}

    def validate(self, attrs):
        late = attrs.pop("late_reason")
        return {"review": services.ReviewInput(**attrs), "late_reason": late}


class TenderReviewBody(ReviewBody):
    law_compliant = serializers.BooleanField(help_text="符合招投标和政府采购法律法规")
    scale_compliant = serializers.BooleanField(help_text="按照批复的建设规模和内容编制")

    class Meta(ReviewBody.Meta):
        fields = [*ReviewBody.Meta.fields, "law_compliant", "scale_compliant"]

    def validate(self, attrs):
        law, scale = attrs.pop("law_compliant"), attrs.pop("scale_compliant")
        return {**super().validate(attrs), "law_compliant": law, "scale_compliant": scale}


class TenderSubmitBody(serializers.Serializer):
    submitted_on = CalendarDateField()
    upload = serializers.FileField(help_text="招标文件（multipart/form-data）")
    late_reason = _late_reason()


class AnnouncementBody(ModelSerializer):
    """What is known of the announcement; publishing refuses it until every field of 三（八）5(2) is there."""

    items = ItemSerializer(many=True, required=False, help_text="主要中标（成交）标的；给出时替换原有的")
    documents = serializers.ListField(
        child=serializers.FileField(), required=False, default=list, help_text="随结果公告的采购文件（multipart）"
    )
    document_kind = serializers.ChoiceField(
        choices=TenderDocKind.choices, required=False, default=TenderDocKind.INVITATION, help_text="所附文件的类别"
    )

    class Meta:
        model = TenderAnnouncement
        fields = [*ANNOUNCEMENT_FIELDS, "items", "documents", "document_kind"]
        extra_kwargs = {name: {"required": False} for name in ANNOUNCEMENT_FIELDS}

    def validate(self, attrs):
        items = attrs.pop("items", None)
        kind = attrs.pop("document_kind")
        documents = [(kind, upload) for upload in attrs.pop("documents")]
        return {
            "fields": attrs,
            "items": None if items is None else [services.ItemInput(**i) for i in items],
            "documents": documents,
        }


class WinnerBody(AnnouncementBody):
    determined_on = CalendarDateField(help_text="中标、成交供应商确定日期：公告期限自次日起算")
    late_reason = _late_reason()

    class Meta(AnnouncementBody.Meta):
        fields = ["determined_on", *AnnouncementBody.Meta.fields, "late_reason"]

    def validate(self, attrs):
        day, late = attrs.pop("determined_on"), attrs.pop("late_reason")
        return {**super().validate(attrs), "determined_on": day, "late_reason": late}


class PublishBody(ModelSerializer):
    late_reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=500,
                                        help_text="超过公告期限发布的，写明逾期原因")

    class Meta:
        model = TenderAnnouncement
        fields = ["notice_sent_on", "published_on", "late_reason"]
        extra_kwargs = {"notice_sent_on": {"required": True, "allow_null": False},
                        "published_on": {"required": True, "allow_null": False}}


class RoutineCheckBody(ModelSerializer):
    rectification_days = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1,
                                                  max_value=365)
    late_reason = _late_reason()

    class Meta:
        model = RoutineCheck
        fields = ["checked_on", "group_members", "methods", "progress_ok", "funds_ok", "quality_ok", "findings",
                  "rectification", "rectification_days", "referred_to", "referral_basis", "late_reason"]
        extra_kwargs = {"rectification": {"default": ""}, "referral_basis": {"default": ""}}


class RectifiedBody(serializers.Serializer):
    check = serializers.IntegerField(help_text="日常检查记录的 id")
    rectified_on = CalendarDateField()

    def validate_check(self, value: int):
        check = self.context["case"].checks.filter(pk=value, deadline__isnull=False, rectified_on__isnull=True).first()
        if check is None:
            raise serializers.ValidationError("本项目没有该待整改的检查记录。")
        return check


class ChangeRequestBody(ModelSerializer):
    class Meta:
        model = ProjectChange
        fields = ["requested_on", "description", "budget_after"]


class ChangeDecideBody(serializers.Serializer):
    approved = serializers.BooleanField()
    decided_on = CalendarDateField()
    reasons = serializers.CharField(max_length=2000)


class ContractCheckBody(ModelSerializer):
    class Meta:
        model = ContractCheck
        fields = ["checked_on", "against_contract", "contract_fulfilled", "findings", "rectification", "basis",
                  "basis_article", "penalty"]
        extra_kwargs = {f: {"default": ""} for f in ("rectification", "basis", "basis_article", "penalty")}


class ComplaintBody(ModelSerializer):
    class Meta:
        model = Complaint
        fields = ["source", "received_on", "complainant", "content", "investigation", "handling", "basis",
                  "basis_article", "penalty", "concluded_on"]
        extra_kwargs = {"penalty": {"default": ""}}


class PlanCorrectBody(serializers.Serializer):
    correction = serializers.CharField(max_length=2000)
    plan = serializers.PrimaryKeyRelatedField(queryset=PlanFiling.objects.all(), required=False, allow_null=True,
                                              default=None)


class AcceptanceApplyBody(serializers.Serializer):
    applied_on = CalendarDateField()
    application = serializers.CharField(max_length=2000)
    late_reason = _late_reason()


class EvaluateBody(ModelSerializer):
    rectification_months = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1,
                                                    max_value=24)

    class Meta:
        model = PerformanceEvaluation
        fields = ["evaluated_on", "experts", "management_score", "output_score", "effect_score", "comments",
                  "goals_met", "rectification", "rectification_months"]
        extra_kwargs = {"rectification": {"default": ""}}


class RefusalBody(serializers.Serializer):
    refused_on = CalendarDateField()
    sanction = serializers.CharField(max_length=2000)


class CloseBody(serializers.Serializer):
    closed_on = CalendarDateField()
    reason = serializers.CharField(max_length=2000)


ENDPOINTS = {
    "feasibility_review": StepEndpoint(ReviewBody, services.feasibility_review),
    "tender_file_submit": StepEndpoint(TenderSubmitBody, services.tender_file_submit),
    "tender_file_review": StepEndpoint(TenderReviewBody, services.tender_file_review),
    "winner_determine": StepEndpoint(WinnerBody, services.winner_determine),
    "announcement_edit": StepEndpoint(AnnouncementBody, services.announcement_edit),
    "announcement_publish": StepEndpoint(PublishBody, services.announcement_publish),
    "routine_check": StepEndpoint(RoutineCheckBody, services.routine_check),
    "check_rectified": StepEndpoint(RectifiedBody, services.check_rectified),
    "change_request": StepEndpoint(ChangeRequestBody, services.change_request),
    "change_decide": StepEndpoint(ChangeDecideBody, services.change_decide),
    "contract_check": StepEndpoint(ContractCheckBody, services.contract_check),
    "complaint_record": StepEndpoint(ComplaintBody, services.complaint_record),
    "plan_correct": StepEndpoint(PlanCorrectBody, services.plan_correct),
    "acceptance_apply": StepEndpoint(AcceptanceApplyBody, services.acceptance_apply),
    "acceptance_review": StepEndpoint(ReviewBody, services.acceptance_review),
    "acceptance_served": StepEndpoint(ServeSerializer, serve_step(PROJECT_WORKFLOW, "acceptance_served")),
    "performance_evaluate": StepEndpoint(EvaluateBody, services.performance_evaluate),
    "evaluation_refusal": StepEndpoint(RefusalBody, services.evaluation_refusal),
    "close": StepEndpoint(CloseBody, services.project_close),
}


@extend_schema_view(
    list=extend_schema(summary="信息化工程项目列表（限本人可见）", tags=[TAG]),
    retrieve=extend_schema(summary="信息化工程项目详情", tags=[TAG]),
    create=extend_schema(
        summary="登记信息化工程项目（限县本级财政资金）", tags=[TAG], request=ITProjectRegisterSerializer,
        responses={201: ITProjectDetailSerializer},
    ),
)
@step_actions(PROJECT_WORKFLOW, ENDPOINTS, tag=TAG)
class ProjectViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """使用县本级财政资金的信息化工程（三（七）～（九））；办理步骤见工作流表。"""

    serializer_class = ITProjectDetailSerializer
    queryset = ITProject.objects.none()
    filterset_fields = ["state", "funding"]

    def get_queryset(self):
        return with_deadlines(selectors.projects_list(self.request.user)).prefetch_related(
            "reviews", "announcement__items", "announcement__documents__attachment"
        )

    def get_serializer_class(self):
        serializers_by_action = {"create": ITProjectRegisterSerializer, "list": ITProjectSerializer}
        return serializers_by_action.get(self.action, ITProjectDetailSerializer)

    def create(self, request, *args, **kwargs):
        data = ITProjectRegisterSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        case = services.project_register(actor=request.user, **data.validated_data)
        fresh = self.get_queryset().get(pk=case.pk)
        return Response(ITProjectDetailSerializer(fresh, context={"request": request}).data, status=201)


# ---------------------------------------------------------------- key projects, plans, briefings: what a case shows


class KeyProjectSerializer(ModelSerializer):
    reference = serializers.CharField(read_only=True)
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    deadlines = CaseDeadlinesField()
    next_steps = NextStepsField(KEY_WORKFLOW)

    class Meta:
        model = KeyProject
        fields = ["id", "reference", "state", "state_display", "name", "kind", "owner_unit", "investment", "location",
                  "description", "completed_on", "created_at", "deadlines", "next_steps"]
        read_only_fields = fields


class PlanFilingSerializer(ModelSerializer):
    reference = serializers.CharField(read_only=True)
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    deadlines = CaseDeadlinesField()
    next_steps = NextStepsField(PLAN_WORKFLOW)

    class Meta:
        model = PlanFiling
        fields = ["id", "reference", "state", "state_display", "filer_kind", "filer_name", "title", "period_from",
                  "period_to", "submitted_on", "acknowledged_on", "county_approved_on", "approval_number",
                  "province_filed_on", "created_at", "deadlines", "next_steps"]
        read_only_fields = fields


class BriefingSerializer(ModelSerializer):
    reference = serializers.CharField(read_only=True)
    state_display = serializers.CharField(source="get_state_display", read_only=True)
    deadlines = CaseDeadlinesField()
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
        milestone = self.context["case"].milestones.filter(pk=value, done_on__isnull=True).first()
        if milestone is None:
            raise serializers.ValidationError("本项目没有该未完成的节点。")
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


# ---------------------------------------------------------------- public


class PublicAnnouncementSerializer(AnnouncementSerializer):
    class Meta(AnnouncementSerializer.Meta):
        fields = [f for f in AnnouncementSerializer.Meta.fields if f != "notice_sent_on"]
        read_only_fields = fields


@extend_schema_view(
    list=extend_schema(summary="中标、成交结果公告（公开）", tags=["招标公告"]),
    retrieve=extend_schema(summary="中标、成交结果公告详情（公开）", tags=["招标公告"]),
)
class TenderViewSet(viewsets.ReadOnlyModelViewSet):
    """已发布的中标、成交结果公告（三（八）5(2)），无需登录。"""

    serializer_class = PublicAnnouncementSerializer
    permission_classes = [permissions.AllowAny]
    queryset = TenderAnnouncement.objects.none()

    def get_queryset(self):
        return selectors.announcements_published()


router = api_router()
router.register("infoproj/projects", ProjectViewSet, basename="infoproj-project")
router.register("infoproj/key-projects", _case_viewset(
    KeyProjectSerializer, selectors.key_projects_list, KEY_WORKFLOW, KEY_ENDPOINTS,
    StepEndpoint(KeyProjectRegisterBody, services.key_register), summary="重点项目", tag="重点项目",
), basename="infoproj-key-project")
router.register("infoproj/plans", _case_viewset(
    PlanFilingSerializer, selectors.plans_list, PLAN_WORKFLOW, PLAN_ENDPOINTS,
    StepEndpoint(PlanFilingRegisterBody, services.plan_register), summary="信息化发展规划备案", tag="信息化规划",
), basename="infoproj-plan")
router.register("infoproj/briefings", _case_viewset(
    BriefingSerializer, selectors.briefings_list, BRIEFING_WORKFLOW, BRIEFING_ENDPOINTS,
    StepEndpoint(BriefingCreateBody, services.briefing_create), summary="简报与报告", tag="简报与报告",
), basename="infoproj-briefing")
router.register("tenders", TenderViewSet, basename="tender")
urlpatterns = router.urls
