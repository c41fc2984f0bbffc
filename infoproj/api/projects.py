"""IT projects on county funds (三（七）～（九）): their cases, the bodies of their steps, and the published
announcements (三（八）5(2)) open to anyone."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.response import Response

from linggao_mi.casework.api import CalendarDateField, CaseSerializerBase, ModelSerializer, with_deadlines
from linggao_mi.casework.api_steps import NextStepsField, ServeSerializer, StepEndpoint, serve_step, step_actions

from .. import selectors, services
from ..choices import TenderDocKind
from ..models import (
    AnnouncementItem,
    Complaint,
    ContractCheck,
    ExpertReview,
    ITProject,
    PerformanceEvaluation,
    PlanFiling,
    ProjectChange,
    RoutineCheck,
    TenderAnnouncement,
    TenderDocument,
)
from ..workflow import PROJECT_WORKFLOW

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


class ITProjectSerializer(CaseSerializerBase):
    outside_plan = serializers.BooleanField(read_only=True, help_text="不在已备案的信息化发展规划内（三（六）6）")

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
