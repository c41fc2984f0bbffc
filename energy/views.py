"""Pages of the energy regime (Chinese, one column on a phone). Every write goes through services; every step page
is the kit's step view over a row of the workflow table."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

from linggao_mi import lists
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.selectors import case_timeline, user_may
from linggao_mi.casework.views import case_steps_context, step_view
from linggao_mi.casework.workflow import CREATE, DECIDE
from linggao_mi.deadlines.models import Deadline

from . import forms, services
from .choices import CaseState, Measure
from .lists import CASES, UNITS
from .models import InspectionCase
from .pdf import site_record_pdf
from .selectors import case_detail_get, cases_list, unit_get, units_list
from .workflow import WORKFLOW, earliest_onsite_date

# ---------------------------------------------------------------- units


@login_required
def unit_list(request):
    return lists.respond(
        request, UNITS, units_list(request.user), can_add=request.user.has_perm("energy.add_energyunit")
    )


@login_required
def unit_detail(request, pk: int):
    unit = unit_get(request.user, pk)
    return render(
        request,
        "energy/unit_detail.html",
        {
            "unit": unit,
            "cases": cases_list(request.user, unit=unit.pk),
            "can_change": request.user.has_perm("energy.change_energyunit"),
            "can_plan": user_may(request.user, InspectionCase, CREATE),
        },
    )


def _unit_form(request, unit=None):
    form = forms.UnitForm(request.POST or None, instance=unit)
    if request.method == "POST" and form.is_valid():
        try:
            if unit is None:
                unit = services.unit_create(actor=request.user, **form.cleaned_data)
            else:
                unit = services.unit_update(actor=request.user, unit=unit, **form.cleaned_data)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            messages.success(request, f"已保存用能单位“{unit.name}”。")
            return redirect(unit)
    title = "登记用能单位" if unit is None else f"修改用能单位：{unit.name}"
    return render(request, "casework/form.html", {"form": form, "title": title, "back": unit})


@login_required
def unit_create(request):
    if not request.user.has_perm("energy.add_energyunit"):
        raise PermissionDenied
    return _unit_form(request)


@login_required
def unit_update(request, pk: int):
    if not request.user.has_perm("energy.change_energyunit"):
        raise PermissionDenied
    return _unit_form(request, unit_get(request.user, pk))


# ---------------------------------------------------------------- cases


@login_required
def case_list(request):
    return lists.respond(
        request, CASES, cases_list(request.user), can_plan=user_may(request.user, InspectionCase, CREATE)
    )


@login_required
def case_plan(request):
    if not user_may(request.user, InspectionCase, CREATE):
        raise PermissionDenied
    units_list(request.user)  # the unit register must be open to the planner
    initial = {"unit": request.GET.get("unit")} if request.GET.get("unit") else None
    form = forms.PlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.inspection_plan(actor=request.user, **form.cleaned_data)
        except RuleViolation as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"已立案：{case.reference}。")
            return redirect(case)
    context = {"form": form, "title": "立案：节能监察", "note": WORKFLOW["plan"].help}
    return render(request, "casework/form.html", context)


@login_required
def case_detail(request, pk: int):
    case = case_detail_get(request.user, pk)
    record = getattr(case, "site_record", None)
    return render(
        request,
        "energy/case_detail.html",
        {
            "case": case,
            "findings": case.findings.all(),
            "record": record,
            "record_measures": [Measure(m).label for m in record.measures] if record else [],
            "testings": case.testings.all(),
            "replies": case.written_replies.select_related("deadline"),
            "recommendations": case.recommendations.select_related("department"),
            "extensions": case.extensions.select_related("decision_deadline", "decision_document"),
            "deadlines": Deadline.objects.of_object(case).select_related("rule").order_by("start", "id"),
            "timeline": case_timeline(case),
            "window": services.extension_window(case) if case.state == CaseState.RECTIFYING else None,
            "earliest_onsite": earliest_onsite_date(case.notice_served_on) if case.notice_served_on else None,
            **case_steps_context(request, workflow=WORKFLOW, case=case),
        },
    )


@login_required
def case_site_record_pdf(request, pk: int):
    """The 现场监察笔录 as a form to print and sign on site (filled in once the record is filed)."""
    case = case_detail_get(request.user, pk)
    response = HttpResponse(site_record_pdf(case), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{case.reference}-现场监察笔录.pdf"'
    return response


def _step(request, pk: int, step: str, form_class, service, success: str, **kwargs):
    case = case_detail_get(request.user, pk)  # 404 outside the user's scope
    return step_view(
        request, workflow=WORKFLOW, case=case, step=step, form_class=form_class, service=service, success=success,
        **kwargs,
    )


@login_required
def case_notice(request, pk: int):
    return _step(
        request, pk, "notice_draft", forms.NoticeDraftForm, services.notice_draft,
        "已起草节能监察通知书，请报送股长审批。",
    )


@login_required
def case_plan_correct(request, pk: int):
    return _step(request, pk, "plan_correct", forms.PlanCorrectForm, services.plan_correct, "已更正计划监察日期。")


@login_required
def case_materials(request, pk: int):
    return _step(
        request, pk, "materials_receive", forms.MaterialsForm, services.materials_receive,
        "已登记被监察单位报送的材料。",
    )


@login_required
def case_record(request, pk: int):
    return _step(request, pk, "record_file", forms.RecordForm, services.record_file, "已登记现场监察笔录。")


@login_required
def case_reply_require(request, pk: int):
    return _step(
        request, pk, "reply_require", forms.ReplyRequireForm, services.reply_require,
        "已要求限期书面答复，期限已开始计算。",
    )


@login_required
def case_reply_receive(request, pk: int):
    return _step(request, pk, "reply_receive", forms.ReplyReceiveForm, services.reply_receive, "已登记书面答复。")


@login_required
def case_testing(request, pk: int):
    return _step(request, pk, "testing_commission", forms.TestingForm, services.testing_commission, "已登记委托检测。")


@login_required
def case_testing_result(request, pk: int):
    return _step(
        request, pk, "testing_result", forms.TestingResultForm, services.testing_result_record, "已登记检测结论。"
    )


def _decide_or_propose(*, actor, case, **data):
    """The chief or a leader decides; an inspector decides unless there is a referral, which they propose."""
    if data.get("recommendation") is not None and not user_may(actor, case, DECIDE):
        return services.outcome_propose(actor=actor, case=case, **data)
    return services.outcome_decide(actor=actor, case=case, **data)


@login_required
def case_outcome(request, pk: int):
    return _step(
        request, pk, "outcome_decide", forms.OutcomeForm, _decide_or_propose, "已登记处理决定（或处理意见）。",
        note="建议有关部门处罚或者处理的，由本股室股长或局领导决定；承办人员提交后报请股长决定（三（四）6(3)）。",
    )


def _confirm(*, actor, case, approve: bool, reasons: str):
    if approve:
        return services.outcome_confirm(actor=actor, case=case, reasons=reasons)
    return services.outcome_return(actor=actor, case=case, reasons=reasons)


@login_required
def case_outcome_confirm(request, pk: int):
    return _step(request, pk, "outcome_confirm", forms.OutcomeConfirmForm, _confirm, "已对处理意见作出决定。")


@login_required
def case_report(request, pk: int):
    return _step(
        request, pk, "report_receive", forms.ReportForm, services.report_receive, "已登记整改结果，请及时核查。"
    )


@login_required
def case_verify(request, pk: int):
    return _step(request, pk, "verify", forms.VerifyForm, services.rectification_verify, "已登记核查结论。")


@login_required
def case_escalate(request, pk: int):
    return _step(
        request, pk, "escalate", forms.EscalateForm, services.rectification_escalate, "已决定移送有关部门处理。"
    )


@login_required
def case_extension_request(request, pk: int):
    return _step(
        request, pk, "extension_request", forms.ExtensionRequestForm, services.extension_request,
        "已登记延期申请，请在规定期限内作出决定。",
    )


@login_required
def case_extension_decide(request, pk: int):
    return _step(
        request, pk, "extension_decide", forms.ExtensionDecideForm, services.extension_decide,
        "已对延期申请作出决定，延期决定书已起草。",
    )


@login_required
def case_close(request, pk: int):
    return _step(request, pk, "close", forms.CloseForm, services.case_close, "已结案。")
