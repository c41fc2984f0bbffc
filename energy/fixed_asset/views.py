"""Pages of 三（五） (Chinese, one column on a phone): the project register with its triggers, lists by trigger and by
next check (searchable, exported as .xlsx), and the check page with the steps of its workflow table."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render

from linggao_mi import lists
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.selectors import case_timeline, user_may
from linggao_mi.casework.views import case_steps_context, step_view
from linggao_mi.casework.workflow import CREATE
from linggao_mi.deadlines.models import Deadline

from . import forms, services
from .lists import PROJECTS
from .models import ProjectCheck
from .selectors import check_get, checks_list, project_get, projects_list
from .workflow import RECORDED_STEPS, STEP_NAMES, WORKFLOW


def _form_errors(form, exc: Exception) -> None:
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            for error in errors:
                form.add_error(field if field in form.fields else None, error)
    else:
        form.add_error(None, str(exc) if isinstance(exc, RuleViolation) else "；".join(exc.messages))


@login_required
def project_list(request):
    return lists.respond(
        request, PROJECTS, projects_list(request.user),
        can_add=request.user.has_perm("energy.add_fixedassetproject")
    )


@login_required
def project_create(request):
    if not request.user.has_perm("energy.add_fixedassetproject") or request.user.is_superuser:
        raise PermissionDenied
    form = forms.ProjectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            project = services.project_create(actor=request.user, **form.service_kwargs())
        except (RuleViolation, ValidationError) as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, f"已登记项目“{project.name}”。")
            return redirect(project)
    return render(request, "casework/form.html", {
        "form": form, "title": "登记固定资产投资项目",
        "note": "项目建设单位须先在用能单位名录中登记；已通过节能审查的，"
                "填写审查意见文号、日期和核定的年综合能源消费量。",
    })


@login_required
def project_detail(request, pk: int):
    project = project_get(request.user, pk)
    return render(request, "fixed_asset/project_detail.html", {
        "project": project,
        "changes": project.changes.select_related("recorded_by"),
        "history": project.history.select_related("history_user").order_by("-history_date")[:50],
        "checks": checks_list(request.user, project=project.pk),
        "deadlines": Deadline.objects.of_object(project).select_related("rule").order_by("start", "id"),
        "can_change": request.user.has_perm("energy.change_fixedassetproject") and not request.user.is_superuser,
        "can_check": user_may(request.user, ProjectCheck, CREATE),
    })


def _project_form(request, pk: int, form_class, service, title: str, success: str, perm: str, instance=False):
    project = project_get(request.user, pk)
    if perm == "check":
        allowed = user_may(request.user, ProjectCheck, CREATE)
    else:
        allowed = request.user.has_perm(perm) and not request.user.is_superuser
    if not allowed:
        raise PermissionDenied
    kwargs = {"instance": project} if instance else {}
    form = form_class(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            service(actor=request.user, project=project, **form.cleaned_data)
        except (RuleViolation, ValidationError) as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, success)
            return redirect(project)
    return render(request, "casework/form.html", {"form": form, "title": f"{title}：{project.name}", "back": project})


@login_required
def project_change(request, pk: int):
    return _project_form(request, pk, forms.ChangeForm, services.project_change_record, "登记项目变化",
                         "已登记项目变化。", "energy.change_fixedassetproject")


@login_required
def project_progress(request, pk: int):
    return _project_form(request, pk, forms.ProgressForm, services.project_progress_record, "登记开工、投产情况",
                         "已登记开工、投产情况。", "energy.change_fixedassetproject", instance=True)


@login_required
def project_trigger(request, pk: int):
    return _project_form(request, pk, forms.TriggerForm, services.trigger_record, "登记检查发现的情形",
                         "已登记。", "check")


# ---------------------------------------------------------------- checks


@login_required
def check_plan(request):
    if not user_may(request.user, ProjectCheck, CREATE):
        raise PermissionDenied
    initial = {"project": request.GET.get("project")} if request.GET.get("project") else None
    form = forms.PlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.check_plan(actor=request.user, **form.cleaned_data)
        except RuleViolation as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"已制定检查方案：{case.reference}。")
            return redirect(case)
    return render(request, "casework/form.html", {
        "form": form, "title": "制定检查方案：固定资产投资项目节能监察", "note": WORKFLOW["plan"].help,
    })


@login_required
def check_detail(request, pk: int):
    case = check_get(request.user, pk)
    return render(request, "fixed_asset/check_detail.html", {
        "case": case,
        "records": case.step_records.prefetch_related("inspectors"),
        "measures": case.measures.select_related("trigger", "penalty__standard", "penalty__circumstance"),
        "triggers": case.project.triggers.all(),
        "deadlines": Deadline.objects.of_object(case.project).select_related("rule").order_by("start", "id"),
        "timeline": case_timeline(case),
        **case_steps_context(request, workflow=WORKFLOW, case=case),
    })


def _step(request, pk: int, step: str, form_class, service, success: str):
    case = check_get(request.user, pk)  # 404 outside the user's scope
    return step_view(request, workflow=WORKFLOW, case=case, step=step, form_class=form_class, service=service,
                     success=success)


def _record_view(step: int):
    def record(*, actor, case, **data):
        return services.step_record(actor=actor, case=case, step=step, **data)

    @login_required
    def view(request, pk: int):
        return _step(request, pk, STEP_NAMES[step], forms.StepRecordForm, record, "已登记该检查步骤。")

    view.__name__ = f"step_{STEP_NAMES[step]}"
    return view


STEP_VIEWS = {STEP_NAMES[step]: _record_view(step) for step in RECORDED_STEPS}


@login_required
def check_notice(request, pk: int):
    return _step(request, pk, "notice_draft", forms.NoticeForm, services.notice_draft,
                 "检查通知已起草，请到文书页面报送审批。")


@login_required
def check_feedback(request, pk: int):
    return _step(request, pk, "feedback_draft", forms.FeedbackForm, services.feedback_draft,
                 "反馈意见书已起草，请到文书页面报送审批。")


@login_required
def check_measure(request, pk: int):
    return _step(request, pk, "measure", forms.MeasureForm, services.measure_decide,
                 "已作出处置决定；责令停止建设的，通知书已起草，请到文书页面审批、签发。")


@login_required
def check_close(request, pk: int):
    return _step(request, pk, "close", forms.CloseForm, services.check_close, "已结案。")
