from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from linggao_mi.deadlines.selectors import deadlines_for_user
from linggao_mi.documents.selectors import documents_awaiting_approval
from linggao_mi.org.selectors import user_role, user_sees_everything

from . import workspace as workspace_reads
from .rules import RuleViolation
from .workflow import Workflow

DEADLINES_SHOWN = 20  # the rest are one click away, on the deadlines list


@login_required
def workspace(request):
    """The landing page after login, per role: my open cases by unit with the next step and deadline, my deadlines
    (overdue first), the documents waiting for my approval, my returned drafts, and for leaders the overview."""
    user = request.user
    overview = user_sees_everything(user) and not user.is_superuser
    return render(
        request,
        "casework/workspace.html",
        {
            "role": user_role(user),
            "cases": workspace_reads.open_cases_by_subject(user),
            "deadlines": deadlines_for_user(user)[:DEADLINES_SHOWN],
            "approvals": documents_awaiting_approval(user),
            "returned": workspace_reads.returned_drafts(user),
            "regimes": workspace_reads.regime_counts() if overview else None,
            "chart": workspace_reads.Chart.of(workspace_reads.opened_and_closed()) if overview else None,
            "now": timezone.now(),
            "today": timezone.localdate(),
        },
    )


def step_view(request, *, workflow: Workflow, case, step: str, form_class, service, success: str, note: str = ""):
    """The page of one step on `case` (read through the regime's selector: outside the user's scope → 404): its form,
    then the service with the actor, the case and the form's `service_kwargs()`. A user without the step's permission
    gets 403; a refusal shows inline with its rule and clause, and what blocks the step now shows above the form."""
    if not workflow.may(request.user, case, step):
        raise PermissionDenied
    bound = request.method == "POST"
    form = form_class(request.POST if bound else None, request.FILES if bound else None, case=case)
    if bound and form.is_valid():
        try:
            service(actor=request.user, case=case, **form.service_kwargs())
        except RuleViolation as exc:
            form.add_error(None, str(exc))
        except ValidationError as exc:
            for error in exc.messages:
                form.add_error(None, error)
        else:
            messages.success(request, success)
            return redirect(case)
    blocker = workflow[step].blocker(case)
    return render(
        request,
        "casework/form.html",
        {
            "form": form,
            "title": f"{workflow[step].label}：{case.reference}",
            "case": case,
            "back": case,
            "note": note or workflow[step].help,
            "blocker": blocker if not bound else None,
            "multipart": True,
        },
    )


def case_steps_context(request, *, workflow: Workflow, case) -> dict:
    """What a case page shows of its workflow: the steps the user may take now (with what blocks each) and the
    progress of the whole table."""
    actions, urls = [], set()
    progress = workflow.progress(case)
    for next_step in workflow.next_steps(request.user, case, progress):
        step = next_step.step
        if step.document:
            document = getattr(case, step.document)
            url = document.get_absolute_url() if document else ""
        else:
            url = reverse(f"{case._meta.app_label}:{step.url_name}", args=[case.pk]) if step.url_name else ""
        if url in urls and not next_step.blocker:
            continue  # steps taken on one page (decide or propose, confirm or return) show once
        urls.add(url)
        actions.append({"step": step, "url": url, "blocker": next_step.blocker})
    return {"actions": actions, "progress": progress}
