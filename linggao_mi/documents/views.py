from io import BytesIO

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch
from django.utils import timezone
from django.views.decorators.http import require_POST

from linggao_mi import lists
from linggao_mi.casework.rules import RuleViolation
from linggao_mi.casework.selectors import user_may_change_case

from . import services
from .choices import FROZEN_STATES
from .content import case_facts, document_spec
from .forms import DocumentEditForm, ReturnForm, ServeForm
from .lists import APPROVALS, DOCUMENTS
from .pdf import render_document_html, render_document_pdf, render_receipt_pdf
from .rules import DOCUMENT_STATE_FORBIDS, ISSUED_IS_FINAL
from .selectors import (
    document_actions,
    document_get,
    document_history,
    documents_awaiting_approval,
    documents_listed,
)


def _case_url(case) -> str:
    try:
        return case.get_absolute_url()
    except NoReverseMatch:
        return ""


def _detail_context(request, document, **forms) -> dict:
    case = document.case
    return {
        "document": document,
        "case": case,
        "case_url": _case_url(case),
        "actions": document_actions(request.user, document),
        "return_form": forms.get("return_form") or ReturnForm(),
        "serve_form": forms.get("serve_form") or ServeForm(),
        "preview_html": render_document_html(document=document, case=case, draft=not document.is_frozen),
        "history": document_history(document),
    }


@login_required
def detail(request, pk: int):
    document = document_get(request.user, pk)
    return render(request, "documents/detail.html", _detail_context(request, document))


def _run(request, pk: int, service, success: str, **kwargs):
    document = document_get(request.user, pk)
    try:
        service(actor=request.user, document=document, **kwargs)
    except RuleViolation as violation:
        messages.error(request, str(violation))
    else:
        messages.success(request, success)
    return redirect("documents:detail", pk=document.pk)


@login_required
@require_POST
def submit(request, pk: int):
    return _run(request, pk, services.document_submit, "已报送审批。")


@login_required
@require_POST
def approve(request, pk: int):
    return _run(request, pk, services.document_approve, "已批准。")


@login_required
@require_POST
def return_(request, pk: int):
    form = ReturnForm(request.POST)
    reason = form.data.get("reason", "") if not form.is_valid() else form.cleaned_data["reason"]
    return _run(request, pk, services.document_return, "已退回起草人。", reason=reason)


@login_required
@require_POST
def issue(request, pk: int):
    document = document_get(request.user, pk)
    try:
        document = services.document_issue(actor=request.user, document=document)
    except RuleViolation as violation:
        messages.error(request, str(violation))
    else:
        if document.pdf:
            messages.success(request, "已签发，文号已编定，PDF 已定稿。")
        else:
            messages.warning(request, f"已签发，文号为{document.number}；PDF 暂未生成，下载时将按定稿内容生成。")
    return redirect("documents:detail", pk=document.pk)


@login_required
@require_POST
def serve(request, pk: int):
    document = document_get(request.user, pk)
    form = ServeForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.document_serve(
                actor=request.user,
                document=document,
                method=data["method"],
                served_on=data["served_on"],
                recipient=data["recipient"],
                receipt=data["receipt"] or None,
                refused=data["refused"],
                note=data["note"],
            )
        except RuleViolation as violation:
            form.add_error(None, str(violation))
        else:
            messages.success(request, "送达情况已登记。")
            return redirect("documents:detail", pk=document.pk)
    return render(request, "documents/detail.html", _detail_context(request, document, serve_form=form))


def _labelled_facts(spec, case) -> list[tuple[str, str]]:
    """The facts the kind names for the drafter, as they read now in the case."""
    facts = case_facts(spec, case)
    return [
        (label, "；".join(map(str, facts[key])) if isinstance(facts[key], list) else str(facts[key]))
        for key, label in spec.fact_labels.items()
        if key in facts
    ]


@login_required
def edit(request, pk: int):
    document = document_get(request.user, pk)
    if "edit" not in document_actions(request.user, document):
        if not user_may_change_case(request.user, document.case):
            raise PermissionDenied
        rule = ISSUED_IS_FINAL if document.state in FROZEN_STATES else DOCUMENT_STATE_FORBIDS
        messages.error(request, str(rule))
        return redirect("documents:detail", pk=document.pk)
    spec = document_spec(document)
    form = DocumentEditForm(request.POST or None, spec=spec, texts=document.texts, initial={"title": document.title})
    if request.method == "POST" and form.is_valid():
        try:
            services.document_update(
                actor=request.user, document=document, title=form.cleaned_data["title"], texts=form.cleaned_texts()
            )
        except RuleViolation as violation:
            form.add_error(None, str(violation))
        else:
            messages.success(request, "已保存。")
            return redirect("documents:detail", pk=document.pk)
    context = {
        "document": document,
        "form": form,
        "facts": _labelled_facts(spec, document.case),
        "preview_html": render_document_html(document=document, case=document.case, draft=True),
    }
    return render(request, "documents/edit.html", context)


@login_required
def pdf(request, pk: int):
    """The frozen PDF of an issued document, named by its 文号; a watermarked preview before that."""
    document = document_get(request.user, pk)
    if document.state in FROZEN_STATES:
        # Made now if the issue could not render it, from the content frozen at issue.
        document = services.document_pdf_freeze(document=document)
        return FileResponse(
            document.pdf.open("rb"),
            as_attachment=True,
            filename=f"{document.number}.pdf",
            content_type="application/pdf",
        )
    data = render_document_pdf(document=document, case=document.case, draft=True)
    return FileResponse(
        BytesIO(data),
        as_attachment=False,
        filename=f"草稿-{document.title}.pdf",
        content_type="application/pdf",
    )


@login_required
def receipt(request, pk: int):
    """The 送达回证 of an issued document, to print and take along when serving it."""
    document = document_get(request.user, pk)
    if document.state not in FROZEN_STATES:
        raise Http404  # nothing to serve before the issue
    return FileResponse(
        BytesIO(render_receipt_pdf(document=document)),
        as_attachment=False,
        filename=f"送达回证-{document.number}.pdf",
        content_type="application/pdf",
    )


@login_required
def document_list(request):
    """Every document the user may see (their cases'), to search, filter and export."""
    return lists.respond(request, DOCUMENTS, documents_listed(request.user))


@login_required
def approvals(request):
    """The documents waiting for the user's approval, oldest submission first."""
    return lists.respond(request, APPROVALS, documents_awaiting_approval(request.user), now=timezone.now())
