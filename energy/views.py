"""Pages of the energy regime (Chinese, one column on a phone). Every write goes through services.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.selectors import case_timeline, user_may_change_case
from linggao_mi.deadlines.models import Deadline
from linggao_mi.documents.choices import DocumentState

from . import forms, services
from .choices import CaseState, Measure
from .models import TestingCommission
from .selectors import case_actions, case_detail_get, cases_list, unit_get, units_list

LIST_PAGE_SIZE = 50

ACTION_LABELS = {
    "notice": "登记书面通知",
    "materials": "登记报送材料",
    "record": "制作现场监察笔录",
    "testing": "委托检测",
    "outcome": "作出处理决定",
    "serve": "登记文书送达",
    "report": "登记整改结果",
    "extension_request": "登记延期申请",
    "extension_decide": "决定延期申请",
    "escalate": "逾期移送处理",
    "verify": "核查整改情况",
    "close": "结案",
}


# ---------------------------------------------------------------- units


@login_required
def unit_list(request):
    search = request.GET.get("q", "").strip()
    key_only = request.GET.get("key") == "1"
    page = Paginator(units_list(request.user, search=search, key_only=key_only), LIST_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "energy/unit_list.html",
        {
            "page": page,
            "q": search,
            "key_only": key_only,
            "can_add": request.user.has_perm("energy.add_energyunit"),
        },
    )


@login_required
def unit_detail(request, pk: int):
    unit = unit_get(request.user, pk)
    cases = cases_list(request.user, unit=unit.pk)
    return render(
        request,
        "energy/unit_detail.html",
        {
            "unit": unit,
            "cases": cases,
            "can_change": request.user.has_perm("energy.change_energyunit"),
            "can_plan": request.user.has_perm("energy.add_inspectioncase"),
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
    return render(request, "energy/form.html", {"form": form, "title": title, "back": unit})


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
    filters = forms.CaseFilterForm(request.GET or None)
    state, unit, overdue = "", None, False
    if filters.is_valid():
        state = filters.cleaned_data["state"]
        unit = filters.cleaned_data["unit"].pk if filters.cleaned_data["unit"] else None
        overdue = filters.cleaned_data["overdue"]
    cases = cases_list(request.user, state=state, unit=unit, overdue=overdue)
    page = Paginator(cases, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "energy/case_list.html",
        {
            "page": page,
            "filters": filters,
            "can_plan": request.user.has_perm("energy.add_inspectioncase"),
        },
    )


@login_required
def case_plan(request):
    if not request.user.has_perm("energy.add_inspectioncase"):
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
    return render(request, "energy/form.html", {"form": form, "title": "立案：节能监察"})


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
            "recommendations": case.recommendations.all(),
            "extensions": case.extensions.select_related("decision_deadline"),
            "deadlines": Deadline.objects.of_object(case).select_related("rule").order_by("start", "id"),
            "timeline": case_timeline(case),
            "actions": [(a, ACTION_LABELS[a]) for a in case_actions(request.user, case)],
            "can_change": user_may_change_case(request.user, case),
            "window": services.extension_window(case) if case.state == CaseState.RECTIFYING else None,
            "earliest_onsite": (
                services.earliest_onsite_date(case.notice_served_on) if case.notice_served_on else None
            ),
        },
    )


def _case_for_change(request, pk: int):
    case = case_detail_get(request.user, pk)  # 404 outside scope
    if not user_may_change_case(request.user, case):
        raise PermissionDenied
    return case


def _step(request, pk: int, form_class, service, title: str, success: str, *, note: str = "", target=None):
    """A form page for one step of a case. The form's `service_kwargs()` go to `service` with the actor and the
    case, or with what `target(case)` names instead; refusals show inline with their rule and clause."""
    case = _case_for_change(request, pk)
    bound = request.method == "POST"
    form = form_class(request.POST if bound else None, request.FILES if bound else None, case=case)
    if bound and form.is_valid():
        try:
            on = target(case) if target else {"case": case}
            service(actor=request.user, **on, **form.service_kwargs())
        except RuleViolation as exc:
            form.add_error(None, str(exc))
        except ValidationError as exc:
            for error in exc.messages:
                form.add_error(None, error)
        else:
            messages.success(request, success)
            return redirect(case)
    return render(
        request,
        "energy/form.html",
        {
            "form": form,
            "title": f"{title}：{case.reference}",
            "case": case,
            "back": case,
            "note": note,
            "multipart": True,
        },
    )


@login_required
def case_notice(request, pk: int):
    return _step(request, pk, forms.NoticeForm, services.notice_serve, "登记书面通知", "已登记书面通知。")


@login_required
def case_materials(request, pk: int):
    return _step(
        request, pk, forms.MaterialsForm, services.materials_receive, "登记报送材料", "已登记被监察单位报送的材料。"
    )


@login_required
def case_record(request, pk: int):
    return _step(request, pk, forms.RecordForm, services.record_file, "现场监察笔录", "已登记现场监察笔录。")


@login_required
def case_testing(request, pk: int):
    return _step(request, pk, forms.TestingForm, services.testing_commission, "委托检测", "已登记委托检测。")


@login_required
def case_testing_result(request, pk: int, testing_pk: int):
    def target(case):
        return {"testing": get_object_or_404(TestingCommission, pk=testing_pk, case=case)}

    return _step(
        request,
        pk,
        forms.TestingResultForm,
        services.testing_result_record,
        "登记检测结论",
        "已登记检测结论。",
        target=target,
    )


@login_required
def case_outcome(request, pk: int):
    return _step(request, pk, forms.OutcomeForm, services.outcome_decide, "作出处理决定", "已作出处理决定。")


@login_required
def case_serve(request, pk: int):
    document = case_detail_get(request.user, pk).outcome_document
    if document is not None and document.state == DocumentState.SERVED:
        # Served from the document's own page: the case only has to catch up.
        return _step(
            request,
            pk,
            forms.StepForm,
            services.outcome_document_serve,
            "登记文书送达",
            "案件已按送达日期进入下一步。",
            note=f"文书已于{services.cn_date(document.served_on)}在文书页面登记送达，确认后案件进入下一步。",
        )
    return _step(
        request,
        pk,
        forms.ServeForm,
        services.outcome_document_serve,
        "登记文书送达",
        "已登记送达。",
        note="文书须经股长批准并签发后方可送达；送达应在监察结束后规定期限内完成（三（四）6(4)）。",
    )


@login_required
def case_report(request, pk: int):
    return _step(
        request, pk, forms.ReportForm, services.report_receive, "登记整改结果", "已登记整改结果，请及时核查。"
    )


@login_required
def case_verify(request, pk: int):
    return _step(request, pk, forms.VerifyForm, services.rectification_verify, "核查整改情况", "已登记核查结论。")


@login_required
def case_escalate(request, pk: int):
    return _step(
        request, pk, forms.EscalateForm, services.rectification_escalate, "逾期移送处理", "已转入移送处理。"
    )


@login_required
def case_extension_request(request, pk: int):
    return _step(
        request,
        pk,
        forms.ExtensionRequestForm,
        services.extension_request,
        "登记延期申请",
        "已登记延期申请，请在规定期限内作出决定。",
        note="延期申请应当在整改期限届满前规定天数内以书面形式提出（三（四）6(6)）。",
    )


@login_required
def case_extension_decide(request, pk: int):
    return _step(
        request,
        pk,
        forms.ExtensionDecideForm,
        services.extension_decide,
        "决定延期申请",
        "已对延期申请作出决定。",
        target=lambda case: {"extension": services.pending_extension(case)},
    )


@login_required
def case_close(request, pk: int):
    return _step(request, pk, forms.CloseForm, services.case_close, "结案", "已结案。")
