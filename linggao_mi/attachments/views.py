from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from linggao_mi.casework.registry import CASE_MODELS
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.selectors import case_get, user_may_change_case

from . import rules
from .filetypes import download_response
from .selectors import attachment_get
from .services import attachment_add, attachment_delete

UPLOAD_FIELDS = ("file", "photo")


def _next(request) -> str:
    """The page to return to, if it is one of ours."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return ""


def _back(request, case):
    if target := _next(request):
        return redirect(target)
    try:
        return redirect(case.get_absolute_url())
    except NoReverseMatch:
        return redirect("workspace")


@login_required
@require_POST
def upload(request, app_label: str, model: str, case_pk: int):
    """Add one or more files (a phone's camera, recorder or gallery) to a case's full-process record."""
    try:
        model_class = ContentType.objects.get_by_natural_key(app_label, model).model_class()
    except ContentType.DoesNotExist:
        raise Http404 from None
    if model_class not in CASE_MODELS:
        raise Http404
    case = case_get(request.user, model_class._default_manager.all(), case_pk)
    uploads = [f for field in UPLOAD_FIELDS for f in request.FILES.getlist(field)]
    if not uploads:
        messages.error(request, "请选择要上传的文件。")
        return _back(request, case)
    description = request.POST.get("description", "")
    try:
        # All or nothing: one refused file leaves the record as it was.
        with transaction.atomic():
            for upload_ in uploads:
                attachment_add(actor=request.user, case=case, upload=upload_, description=description)
    except RuleViolation as violation:
        messages.error(request, str(violation))
    else:
        messages.success(request, f"已上传 {len(uploads)} 个文件。")
    return _back(request, case)


@login_required
def download(request, pk: int):
    attachment = attachment_get(request.user, pk)
    return download_response(attachment)


@login_required
@require_http_methods(["GET", "POST"])
def delete(request, pk: int):
    """GET asks for confirmation (a page, so it works without JavaScript); POST deletes."""
    attachment = attachment_get(request.user, pk)
    case = attachment.case
    if request.method == "GET":
        if not user_may_change_case(request.user, case):
            raise PermissionDenied
        refused = RuleViolation(rules.CLOSED_CASE_RECORD) if case.is_closed else None
        context = {"attachment": attachment, "case": case, "refused": refused, "next": _next(request)}
        return render(request, "attachments/confirm_delete.html", context)
    try:
        attachment_delete(actor=request.user, attachment=attachment)
    except RuleViolation as violation:
        messages.error(request, str(violation))
    else:
        messages.success(request, f"已删除“{attachment.original_name}”。")
    return _back(request, case)
