"""Pages of 三（三）（六）～（九) (Chinese, one column on a phone) and the public /tenders/ pages. Every write goes
through services; every step page is the kit's step view over a row of a workflow table (STEP_PAGES)."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from linggao_mi import lists
from linggao_mi.attachments.filetypes import download_response
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.selectors import case_timeline, user_may
from linggao_mi.casework.views import case_steps_context, step_view
from linggao_mi.casework.workflow import CREATE
from linggao_mi.deadlines.models import Deadline
from linggao_mi.deadlines.selectors import with_next_deadline

from . import forms, selectors, services
from .choices import Gate
from .lists import BRIEFINGS, KEY_PROJECTS, MEETINGS, PLANS, PROJECTS, TENDERS
from .models import Briefing, ITProject, KeyProject, PlanFiling
from .workflow import BRIEFING_WORKFLOW, KEY_WORKFLOW, PLAN_WORKFLOW, PROJECT_WORKFLOW

LIST_PAGE_SIZE = 50


@dataclass(frozen=True)
class StepPage:
    form: type
    service: object
    success: str


def _rectified(*, actor, case, check, rectified_on):
    return services.check_rectified(actor=actor, case=case, check=check, rectified_on=rectified_on)


# A case model's steps → their pages. The workflow tables name the steps and who may take them; this says how.
STEP_PAGES = {
    ITProject: {
        "feasibility_review": StepPage(forms.ReviewForm, services.feasibility_review, "已登记可研评审结论。"),
        "tender_file_submit": StepPage(forms.TenderSubmitForm, services.tender_file_submit, "已登记报送的招标文件。"),
        "tender_file_review": StepPage(forms.TenderReviewForm, services.tender_file_review, "已登记标书审核备案结论。"),
        "winner_determine": StepPage(forms.WinnerForm, services.winner_determine,
                                     "已登记中标、成交供应商，公告期限已开始计算。"),
        "announcement_edit": StepPage(forms.AnnouncementForm, services.announcement_edit, "已保存公告内容。"),
        "announcement_publish": StepPage(forms.PublishForm, services.announcement_publish,
                                         "已发布中标、成交结果公告，公众可在“招标公告”页面查看。"),
        "routine_check": StepPage(forms.RoutineCheckForm, services.routine_check, "已登记日常检查。"),
        "check_rectified": StepPage(forms.RectifiedForm, _rectified, "已登记整改完成。"),
        "change_request": StepPage(forms.ChangeRequestForm, services.change_request, "已登记变更申请，请报股长审批。"),
        "change_decide": StepPage(forms.ChangeDecideForm, services.change_decide, "已审批可研（概算）变更。"),
        "contract_check": StepPage(forms.ContractCheckForm, services.contract_check, "已登记合同履约检查。"),
        "complaint_record": StepPage(forms.ComplaintForm, services.complaint_record, "已登记投诉举报及处理。"),
        "plan_correct": StepPage(forms.PlanCorrectForm, services.plan_correct, "已登记规划外项目的纠正情况。"),
        "acceptance_apply": StepPage(forms.AcceptanceApplyForm, services.acceptance_apply, "已登记竣工验收申请。"),
        "acceptance_review": StepPage(forms.ReviewForm, services.acceptance_review,
                                      "已登记竣工验收结论；通过的《验收意见书》已起草，请报送审批。"),
        "performance_evaluate": StepPage(forms.EvaluateForm, services.performance_evaluate, "已登记绩效评价。"),
        "evaluation_refusal": StepPage(forms.RefusalForm, services.evaluation_refusal, "已认定拒不整改。"),
        "close": StepPage(forms.CloseForm, services.project_close, "已结案。"),
    },
    KeyProject: {
        "weekly_record": StepPage(forms.WeeklyForm, services.weekly_record, "已登记周跟踪。"),
        "milestone_add": StepPage(forms.MilestoneForm, services.milestone_add, "已登记项目节点。"),
        "milestone_done": StepPage(forms.MilestoneDoneForm, services.milestone_done, "已登记节点完成。"),
        "assess": StepPage(forms.AssessForm, services.assess, "已登记年度综合考核。"),
        "complete": StepPage(forms.CompleteForm, services.key_complete, "已登记项目建成。"),
    },
    PlanFiling: {
        "acknowledge": StepPage(forms.AcknowledgeForm, services.plan_acknowledge, "已备案。"),
        "county_approve": StepPage(forms.CountyApproveForm, services.plan_county_approve, "已登记县政府批准。"),
        "province_file": StepPage(forms.ProvinceFileForm, services.plan_province_file, "已登记报省备案。"),
        "plan_check": StepPage(forms.PlanCheckForm, services.plan_check, "已登记不定期检查。"),
    },
    Briefing: {
        "briefing_issue": StepPage(forms.ConfirmForm, services.briefing_issue, "已印发。"),
    },
}

# Each case model: its workflow and how its pages read one case.
CASE_TABLES = {
    ITProject: (PROJECT_WORKFLOW, selectors.project_get),
    KeyProject: (KEY_WORKFLOW, selectors.key_project_get),
    PlanFiling: (PLAN_WORKFLOW, selectors.plan_get),
    Briefing: (BRIEFING_WORKFLOW, selectors.briefing_get),
}


def step_page(model, name: str):
    """The page of step `name` of `model`'s workflow (urls.py makes one per row of STEP_PAGES)."""
    page = STEP_PAGES[model][name]
    workflow, get = CASE_TABLES[model]

    @login_required
    def view(request, pk: int):
        case = get(request.user, pk)  # 404 outside the user's scope
        return step_view(
            request, workflow=workflow, case=case, step=name, form_class=page.form, service=page.service,
            success=page.success,
        )

    view.__name__ = f"{name}_page"
    return view


def _case_context(request, workflow, case) -> dict:
    return {
        "case": case,
        "timeline": case_timeline(case),
        "deadlines": Deadline.objects.of_object(case).select_related("rule").order_by("start", "id"),
        "state_labels": dict(type(case)._meta.get_field("state").choices),
        **case_steps_context(request, workflow=workflow, case=case),
    }


def _create(request, *, model, form, title: str, note: str, make, success: str, template="casework/form.html"):
    if not user_may(request.user, model, CREATE):
        raise PermissionDenied
    if request.method == "POST" and form.is_valid():
        try:
            case = make(form.cleaned_data)
        except RuleViolation as exc:
            form.add_error(None, str(exc))
        except ValidationError as exc:
            for error in exc.messages:
                form.add_error(None, error)
        else:
            messages.success(request, success.format(case=case))
            return redirect(case)
    return render(request, template, {"form": form, "title": title, "note": note, "multipart": True})


def _page(request, queryset):
    return Paginator(queryset, LIST_PAGE_SIZE).get_page(request.GET.get("page"))


# ---------------------------------------------------------------- IT projects


@login_required
def project_list(request):
    return lists.respond(
        request, PROJECTS, with_next_deadline(selectors.projects_list(request.user)),
        can_register=user_may(request.user, ITProject, CREATE),
    )


@login_required
def tender_results(request):
    """The tender results of the projects the user may see, announced or still to announce (三（八）4、5(2))."""
    return lists.respond(request, TENDERS, selectors.announcements_list(request.user))


@login_required
def project_register(request):
    form = forms.ProjectRegisterForm(request.POST or None)
    return _create(
        request, model=ITProject, form=form, title="登记信息化工程项目", note=PROJECT_WORKFLOW["register"].help,
        make=lambda data: services.project_register(actor=request.user, **data),
        success="已登记：{case.reference}。该建设单位以往的绩效评价见项目页面。",
    )


@login_required
def project_detail(request, pk: int):
    case = selectors.project_get(request.user, pk)
    return render(request, "infoproj/project_detail.html", {
        **_case_context(request, PROJECT_WORKFLOW, case),
        "reviews": case.reviews.select_related("recorded_by"),
        "gates": Gate.choices,
        "filings": case.tender_filings.select_related("attachment", "review"),
        "announcement": getattr(case, "announcement", None),
        "checks": case.checks.select_related("deadline", "referred_to"),
        "changes": case.changes.select_related("decided_by"),
        "contract_checks": case.contract_checks.all(),
        "complaints": case.complaints.all(),
        "evaluations": case.evaluations.select_related("deadline"),
        "owner_evaluations": services.owner_evaluations(case.owner_unit, exclude=case),
    })


# ---------------------------------------------------------------- key projects and meetings


@login_required
def key_list(request):
    return lists.respond(
        request, KEY_PROJECTS, with_next_deadline(selectors.key_projects_list(request.user)),
        can_register=user_may(request.user, KeyProject, CREATE),
    )


@login_required
def key_register(request):
    form = forms.KeyRegisterForm(request.POST or None)
    return _create(
        request, model=KeyProject, form=form, title="登记重点项目", note="工业和信息产业县重点项目（三（三）1）",
        make=lambda data: services.key_register(actor=request.user, **data), success="已登记：{case.reference}。",
    )


@login_required
def key_detail(request, pk: int):
    case = selectors.key_project_get(request.user, pk)
    return render(request, "infoproj/key_detail.html", {
        **_case_context(request, KEY_WORKFLOW, case),
        "weekly": case.weekly_records.select_related("recorded_by").order_by("-week_start"),
        "milestones": case.milestones.all(),
        "decisions": case.decisions.select_related("meeting"),
        "assessments": case.assessments.all(),
    })


@login_required
def meeting_list(request):
    if not request.user.has_perm("infoproj.view_monthlymeeting"):
        raise PermissionDenied
    return lists.respond(
        request, MEETINGS, selectors.meetings_list(request.user),
        can_meet=request.user.has_perm("infoproj.add_monthlymeeting"),
    )


@login_required
def meeting_create(request):
    if not request.user.has_perm("infoproj.add_monthlymeeting"):
        raise PermissionDenied
    form = forms.MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_record(actor=request.user, **form.cleaned_data)
        except RuleViolation as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"已登记{meeting}。")
            return redirect("infoproj:meeting_list")
    return render(request, "casework/form.html", {
        "form": form, "title": "登记月碰头会",
        "note": "按月梳理项目进展及存在问题，议定事项写明责任单位（人）和完成时限（三（三）3、5）",
    })


# ---------------------------------------------------------------- IT plans


@login_required
def plan_list(request):
    return lists.respond(
        request, PLANS, selectors.plans_list(request.user), can_register=user_may(request.user, PlanFiling, CREATE)
    )


@login_required
def plan_register(request):
    form = forms.PlanRegisterForm(request.POST or None, request.FILES or None)
    return _create(
        request, model=PlanFiling, form=form, title="登记信息化发展规划备案",
        note="镇政府、县直部门和企业的专项规划报本局备案；县信息化发展规划报县政府批准并报省备案（三（六）5）",
        make=lambda data: services.plan_register(actor=request.user, **data), success="已登记：{case.reference}。",
    )


@login_required
def plan_detail(request, pk: int):
    case = selectors.plan_get(request.user, pk)
    return render(request, "infoproj/plan_detail.html", {
        **_case_context(request, PLAN_WORKFLOW, case),
        "checks": case.checks.select_related("recorded_by"),
        "projects": case.projects.all(),
    })


# ---------------------------------------------------------------- briefings and reports


@login_required
def briefing_list(request):
    return lists.respond(
        request, BRIEFINGS, selectors.briefings_list(request.user), can_create=user_may(request.user, Briefing, CREATE)
    )


@login_required
def briefing_create(request):
    form = forms.BriefingCreateForm(request.POST or None)
    return _create(
        request, model=Briefing, form=form, title="编写简报或报告", note=BRIEFING_WORKFLOW["briefing_create"].help,
        make=lambda data: services.briefing_create(actor=request.user, **data),
        success="已生成{case}的文书草稿，请在文书页面修改后报送审批。",
    )


@login_required
def briefing_detail(request, pk: int):
    case = selectors.briefing_get(request.user, pk)
    return render(request, "infoproj/briefing_detail.html", _case_context(request, BRIEFING_WORKFLOW, case))


# ---------------------------------------------------------------- public: /tenders/


def tender_list(request):
    """中标、成交结果公告 (三（八）4、5(2)): public, no login."""
    return render(request, "infoproj/tender_list.html", {"page": _page(request, selectors.announcements_published())})


def tender_detail(request, pk: int):
    return render(request, "infoproj/tender_detail.html", {"a": selectors.announcement_public_get(pk)})


def tender_document(request, pk: int, doc: int):
    """A tender document published with its result, for anyone to download."""
    document = selectors.tender_document_public_get(pk, doc)
    return download_response(document.attachment)
