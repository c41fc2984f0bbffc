"""Pages of 三（一）/三（二） (Chinese, one column on a phone). Every write goes through services; each step page is the
kit's step view over a row of a workflow table."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from linggao_mi.attachments.filetypes import download_response
from linggao_mi.casework.models import of_case
from linggao_mi.casework.registry import CASE_MODELS
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.selectors import case_get, case_timeline, user_may
from linggao_mi.casework.views import case_steps_context, step_view
from linggao_mi.casework.workflow import CREATE
from linggao_mi.deadlines.models import Deadline
from linggao_mi.documents.models import OfficialDocument

from . import forms, rules, selectors, services
from .choices import CheckContent, CheckMethod, FaultSituation, NoticeSituation, Referral, Sanction
from .models import Complaint, ComplaintFile, FaultCase, LegalReview, OversightCheck, SupervisionCase
from .ratelimit import client_address, rate_exceeded
from .services.legal import LEGAL_KINDS
from .workflow import CHECK_WORKFLOW, FAULT_WORKFLOW, SUPERVISION_WORKFLOW


def discretion_list(request):
    """The published penalty-discretion catalogue (三（二）), public."""
    return render(request, "inspections/discretion_list.html", {"standards": selectors.standards_public()})


def _labels(choices, values) -> str:
    return "、".join(choices(v).label for v in values)


def _detail(request, case, workflow, facts: list[tuple[str, object]], **extra):
    documents = OfficialDocument.objects.filter(of_case(case)).select_related("kind")
    return render(
        request,
        "inspections/case_detail.html",
        {
            "case": case,
            "facts": facts,
            "deadlines": Deadline.objects.of_object(case).select_related("rule").order_by("start", "id"),
            "timeline": case_timeline(case),
            "legal_reviews": LegalReview.objects.filter(of_case(case)).select_related("document__kind", "reviewer"),
            "legal_sendable": [d for d in documents if d.kind.code in LEGAL_KINDS and d.state in ("draft", "returned")]
            if user_may(request.user, case, "change")
            else [],
            **extra,
            **case_steps_context(request, workflow=workflow, case=case),
        },
    )


@login_required
def check_detail(request, pk: int):
    case = selectors.check_get(request.user, pk)
    facts = [
        ("检查缘由", f"{case.get_origin_display()} {case.origin_note}"),
        ("受查股室", "、".join(s.name for s in case.checked_sections.all())),
        ("受查工作人员", "、".join(u.get_full_name() or u.username for u in case.checked_staff.all()) or "—"),
        ("检查内容", _labels(CheckContent, case.contents)),
        ("检查方式", _labels(CheckMethod, case.methods)),
        ("检查开始日期", case.started_on),
        ("现场核查情况", case.site_notes or "—"),
        ("检查总结", case.summary or "—"),
        ("整改意见", case.opinions or "—"),
        ("整改纠正情况", case.report_summary or "—"),
    ]
    return _detail(
        request,
        case,
        CHECK_WORKFLOW,
        facts,
        scores=case.scores.select_related("scored_by"),
        supervisions=case.supervisions.all(),
        faults=case.faults.all(),
    )


@login_required
def supervision_detail(request, pk: int):
    case = selectors.supervision_get(request.user, pk)
    facts = [
        ("被检查的单位", case.checked_section.name),
        ("来源监督检查", case.source_check or "—"),
        ("情形", _labels(NoticeSituation, case.situations)),
        ("认定的事实和理由", case.facts),
        ("处理的决定", f"{case.get_decision_display()}：{case.decision_text}"),
        ("处理依据", case.basis),
        ("执行处理决定的方式和期限", f"{case.execution}；{case.correction_days}日"),
        ("通知书送达日期", case.served_on or "—"),
        ("复查申请", f"{case.review_received_on}：{case.review_grounds}" if case.review_received_on else "—"),
        ("复查决定", f"{case.get_review_result_display()}：{case.review_reasons}" if case.review_result else "—"),
        ("执行结果", case.report_summary or "—"),
    ]
    return _detail(request, case, SUPERVISION_WORKFLOW, facts)


@login_required
def fault_detail(request, pk: int):
    case = selectors.fault_get(request.user, pk)
    facts = [
        ("责任人", case.person.get_full_name() or case.person.username),
        (
            "行政执法证",
            "、".join(
                f"{c.number}（{c.get_status_display()}{'，自' + str(c.status_from) if c.status_from else ''}）"
                for c in case.person.certificates.all()
            )
            or "—",
        ),
        ("过错情形", _labels(FaultSituation, case.situations)),
        ("证据", case.evidence),
        ("处理", _labels(Sanction, case.sanctions) or "—"),
        ("处理理由", case.reasons or "—"),
        ("生效日期", case.effective_from or "—"),
        ("移送", f"{_labels(Referral, case.referrals)}：{case.referral_note}" if case.referrals else "—"),
    ]
    return _detail(request, case, FAULT_WORKFLOW, facts)


def _open(request, model, form_class, service, title: str, help_text: str):
    if not user_may(request.user, model, CREATE):
        raise PermissionDenied
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = service(actor=request.user, **form.service_kwargs())
        except RuleViolation as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"已立案：{case.reference}。")
            return redirect(case)
    return render(request, "casework/form.html", {"form": form, "title": title, "note": help_text})


@login_required
def check_open(request):
    return _open(
        request,
        OversightCheck,
        forms.CheckOpenForm,
        services.check_open,
        "开展执法监督检查",
        CHECK_WORKFLOW["open"].help,
    )


@login_required
def supervision_open(request):
    return _open(
        request,
        SupervisionCase,
        forms.SupervisionOpenForm,
        services.supervision_open,
        "制作执法监督通知（决定）书",
        SUPERVISION_WORKFLOW["open"].help,
    )


@login_required
def fault_open(request):
    return _open(
        request,
        FaultCase,
        forms.FaultOpenForm,
        services.fault_open,
        "追究行政执法过错责任",
        FAULT_WORKFLOW["open"].help,
    )


STEPS = {
    # url name → (getter, workflow, step, form, service, success)
    "check_file_score": (
        selectors.check_get,
        CHECK_WORKFLOW,
        "file_score",
        forms.FileScoreForm,
        services.file_score,
        "已登记案卷评查。",
    ),
    "check_site": (
        selectors.check_get,
        CHECK_WORKFLOW,
        "site_check",
        forms.SiteCheckForm,
        services.site_check,
        "已登记现场核查。",
    ),
    "check_summarize": (
        selectors.check_get,
        CHECK_WORKFLOW,
        "summarize",
        forms.SummarizeForm,
        services.check_summarize,
        "已总结并通报整改意见。",
    ),
    "check_report": (
        selectors.check_get,
        CHECK_WORKFLOW,
        "report_receive",
        forms.ReportForm,
        services.check_report_receive,
        "已登记整改纠正情况报告。",
    ),
    "check_close": (selectors.check_get, CHECK_WORKFLOW, "close", forms.ReasonForm, services.check_close, "已办结。"),
    "supervision_review_apply": (
        selectors.supervision_get,
        SUPERVISION_WORKFLOW,
        "review_apply",
        forms.ReviewApplyForm,
        services.review_apply,
        "已登记复查申请。",
    ),
    "supervision_review_draft": (
        selectors.supervision_get,
        SUPERVISION_WORKFLOW,
        "review_draft",
        forms.ReviewDraftForm,
        services.review_draft,
        "已起草复查决定书，请送法制审核。",
    ),
    "supervision_report": (
        selectors.supervision_get,
        SUPERVISION_WORKFLOW,
        "report_receive",
        forms.ReportForm,
        services.supervision_report_receive,
        "已登记执行结果报告。",
    ),
    "supervision_close": (
        selectors.supervision_get,
        SUPERVISION_WORKFLOW,
        "close",
        forms.ReasonForm,
        services.supervision_close,
        "已办结。",
    ),
    "fault_decision_draft": (
        selectors.fault_get,
        FAULT_WORKFLOW,
        "decision_draft",
        forms.DecisionDraftForm,
        services.decision_draft,
        "已起草过错责任追究决定书，请送法制审核。",
    ),
    "fault_refer": (
        selectors.fault_get,
        FAULT_WORKFLOW,
        "refer",
        forms.ReferForm,
        services.fault_refer,
        "已登记移送。",
    ),
    "fault_close": (selectors.fault_get, FAULT_WORKFLOW, "close", forms.ReasonForm, services.fault_close, "已办结。"),
}


@login_required
def step(request, pk: int, name: str):
    getter, workflow, step_name, form_class, service, success = STEPS[name]
    return step_view(
        request,
        workflow=workflow,
        case=getter(request.user, pk),
        step=step_name,
        form_class=form_class,
        service=service,
        success=success,
    )


# ---------------------------------------------------------------- 法制审核


@login_required
@require_POST
def legal_request(request, pk: int):
    """Send a document of a case one may handle to 法制审核 (from the case page)."""
    document = OfficialDocument.objects.select_related("kind").filter(pk=pk).first()
    if document is None or document.kind.code not in LEGAL_KINDS:
        raise Http404
    case = document.case
    case_get(request.user, type(case).objects.all(), case.pk)  # 404 outside the user's scope
    try:
        services.legal_review_request(actor=request.user, document=document)
    except RuleViolation as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"已送法制审核：{document.kind.name}《{document.title}》。")
    return redirect(case)


@login_required
def legal_decide(request, pk: int):
    review = selectors.legal_review_get(request.user, pk)
    form = forms.LegalDecideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.legal_review_decide(actor=request.user, review=review, **form.cleaned_data)
        except RuleViolation as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "已办理法制审核。")
            return redirect("inspections:legal_queue")
    return render(
        request,
        "inspections/legal_decide.html",
        {"review": review, "form": form, "document": review.document, "case": review.case},
    )


# ---------------------------------------------------------------- 三（二） a penalty recommendation on any case


@login_required
def penalty(request, type_id: int, pk: int):
    """A penalty recommendation on a case of any regime: the entry and circumstance, the amount, the reasons."""
    models = {ContentType.objects.get_for_model(m).pk: m for m in CASE_MODELS}
    if type_id not in models:
        raise Http404
    case = case_get(request.user, models[type_id].objects.all(), pk)
    if not user_may(request.user, case, "change"):
        raise PermissionDenied
    form = forms.PenaltyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.penalty_recommend(actor=request.user, case=case, **form.cleaned_data)
        except RuleViolation as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "已记录处罚裁量建议及理由。")
            return redirect(case)
    return render(
        request,
        "casework/form.html",
        {
            "form": form,
            "title": f"处罚裁量建议：{case.reference}",
            "case": case,
            "back": case,
            "note": "选择行政处罚裁量基准及裁量情形，在该情形的罚款幅度内提出建议罚款，并说明理由（三（二））。",
        },
    )


# ---------------------------------------------------------------- 三（一）4(4) public complaints


def _too_many(request, template: str, form):
    return render(request, template, {"form": form, "limited": str(rules.RATE_LIMITED)}, status=429)


def complaint_new(request):
    """The public form (no login): 申诉、检举、控告 and suggestions of 人大、政协、司法机关."""
    form = forms.ComplaintForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if rate_exceeded("complaint", client_address(request), rules.COMPLAINT_RATE):
            return _too_many(request, "inspections/complaint_new.html", form)
        if form.is_valid():
            try:
                filed = services.complaint_file(**form.cleaned_data)
            except (RuleViolation, ValidationError) as exc:
                form.add_error(None, str(exc) if isinstance(exc, RuleViolation) else "；".join(exc.messages))
            else:
                request.session["complaint_filed"] = [filed.complaint.tracking_number, filed.secret]
                return redirect("complaint_received")
    return render(
        request, "inspections/complaint_new.html", {"form": form}, status=400 if request.method == "POST" else 200
    )


def complaint_received(request):
    """The tracking number and the secret, shown once after filing."""
    filed = request.session.pop("complaint_filed", None)
    if filed is None:
        return redirect("complaint_track")
    return render(request, "inspections/complaint_received.html", {"number": filed[0], "secret": filed[1]})


def complaint_track(request):
    """Progress for whoever holds both the number and the secret; one answer for any wrong pair."""
    form = forms.TrackForm(request.POST or None)
    complaint, not_found = None, False
    if request.method == "POST":
        if rate_exceeded("track", client_address(request), rules.TRACK_RATE):
            return _too_many(request, "inspections/complaint_track.html", form)
        if form.is_valid():
            complaint = services.complaint_track(**form.cleaned_data)
            not_found = complaint is None
    return render(
        request, "inspections/complaint_track.html", {"form": form, "complaint": complaint, "not_found": not_found}
    )


def _require_complaints(user) -> None:
    if not user.has_perm("inspections.view_complaint"):
        raise PermissionDenied


TRIAGE = {
    "investigate": (forms.InvestigateForm, services.complaint_investigate, "已转入执法监督调查。"),
    "energy": (forms.EnergyTriageForm, services.complaint_energy, "已启动节能监察（处理举报、投诉，无需提前通知）。"),
    "refer": (forms.ReferTriageForm, services.complaint_refer, "已移送。"),
    "answer": (forms.AnswerForm, services.complaint_answer, "已反馈处理结果。"),
}


@login_required
def complaint_detail(request, pk: int):
    _require_complaints(request.user)
    complaint = get_object_or_404(
        Complaint.objects.select_related("referred_to", "investigation", "energy_case"), pk=pk
    )
    action = request.POST.get("action") if request.method == "POST" else None
    bound = {}
    if action in TRIAGE:
        form_class, service, success = TRIAGE[action]
        form = form_class(request.POST, prefix=action)  # one page, four forms: ids must not clash
        bound[action] = form
        if form.is_valid():
            try:
                service(actor=request.user, complaint=complaint, **form.service_kwargs())
            except RuleViolation as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, success)
                return redirect("inspections:complaint_detail", pk=complaint.pk)
    forms_ = {name: bound.get(name) or spec[0](prefix=name) for name, spec in TRIAGE.items()}
    return render(
        request,
        "inspections/complaint_detail.html",
        {
            "complaint": complaint,
            "forms": forms_,
            "can_triage": request.user.has_perm(services.complaints.TRIAGE_PERMISSION),
            "files": complaint.files.all(),
            "messages_out": complaint.messages.all(),
        },
        status=400 if bound and action in bound else 200,
    )


@login_required
def complaint_file_download(request, pk: int):
    _require_complaints(request.user)
    item = get_object_or_404(ComplaintFile, pk=pk)
    return download_response(item)
