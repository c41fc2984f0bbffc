from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from linggao_mi.deadlines.models import Deadline
from linggao_mi.deadlines.selectors import deadlines_for_user
from linggao_mi.documents.choices import DocumentState
from linggao_mi.documents.selectors import document_actions, documents_awaiting_approval
from linggao_mi.org.selectors import user_role, user_sees_everything

from . import workspace as workspace_reads
from .rules import RuleViolation
from .workflow import ProgressRow, Step, Workflow


@login_required
def workspace(request):
    """The landing page after login, per role: my most urgent open cases by unit with the next step and deadline, my
    deadlines (overdue first), the documents waiting for my approval, my returned drafts, each panel bounded and
    linking to the rest; for leaders the overview, counted once a minute."""
    user = request.user
    overview = workspace_reads.overview() if user_sees_everything(user) and not user.is_superuser else None
    return render(
        request,
        "casework/workspace.html",
        {
            "role": user_role(user),
            "cases": workspace_reads.open_cases_by_subject(user),
            "deadlines": list(deadlines_for_user(user)[: workspace_reads.ROWS_SHOWN]),
            "approvals": workspace_reads.first_rows(documents_awaiting_approval(user)),
            "returned": workspace_reads.first_rows(workspace_reads.returned_drafts(user)),
            "overview": overview,
            "now": timezone.now(),
            "today": timezone.localdate(),
        },
    )


def step_view(request, *, workflow: Workflow, case, step: str, form_class, service, success: str, note: str = ""):
    """The page of one step on `case` (read through the regime's selector: outside the user's scope → 404): its form,
    then the service with the actor, the case and the form's `service_kwargs()`. A user without the step's permission
    gets 403; a refusal shows inline with its rule and clause, and what blocks the step now shows above the form.
    A form with a chooser (StepForm.chooser) takes its answer from the page's query (?<chooser>=…) and asks only the
    chosen path's fields; an htmx request for another answer gets the form's body alone."""
    if not workflow.may(request.user, case, step):
        raise PermissionDenied
    bound = request.method == "POST"
    chooser = form_class.chooser
    initial = {chooser: request.GET[chooser]} if chooser and not bound and chooser in request.GET else None
    form = form_class(request.POST if bound else None, request.FILES if bound else None, case=case, initial=initial)
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
    # Choosing (htmx, GET): only the form's body, which the page swaps in place.
    template = "casework/_step_form_body.html" if request.htmx and not bound else "casework/form.html"
    return render(
        request,
        template,
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


# The document a case waits on, as the case page says where it stands (a case reads 待送达 only once it is issued).
DOCUMENT_STAGE = {
    DocumentState.DRAFT: "起草中",
    DocumentState.SUBMITTED: "待审批",
    DocumentState.RETURNED: "已退回修改",
    DocumentState.APPROVED: "已批准待签发",
}
# A document's next action on the case page, most advanced first (documents.selectors.document_actions).
DOCUMENT_ACTIONS = (
    ("serve", "{kind}：登记送达"),
    ("issue", "{kind}：签发"),
    ("approve", "{kind}：审批"),
    ("submit", "{kind}：报送审批"),
)


def _step_url(case, step: Step) -> str:
    return reverse(f"{case._meta.app_label}:{step.url_name}", args=[case.pk]) if step.url_name else ""


def _remedy(request, workflow: Workflow, case, guard) -> dict | None:
    """The page that lifts `guard` (casework.workflow.unblocked_by): the document's, else the step's if the user
    may take it."""
    document_field, step_name = getattr(guard, "unblocked_by", ("", ""))
    document = getattr(case, document_field) if document_field else None
    if document is not None:
        return {"label": f"查看{document.kind.name}", "url": document.get_absolute_url()}
    if step_name and workflow.may(request.user, case, step_name):
        step = workflow[step_name]
        return {"label": step.label, "url": _step_url(case, step)}
    return None


def _document_action(request, step: Step, document) -> dict | None:
    """What the user does next on the document a step waits for: serve, issue, approve or submit it."""
    available = document_actions(request.user, document)
    for action, label in DOCUMENT_ACTIONS:
        if action in available:
            note = ""
            if action == "submit" and document.state == DocumentState.RETURNED:
                label = "{kind}：修改后重新报送（已退回）"
                note = f"{document.kind.name}已退回，退回理由：{document.return_reason}"
            label = label.format(kind=document.kind.name)
            url = f"{document.get_absolute_url()}#document-actions"
            return {"step": step, "label": label, "url": url, "blocker": None, "remedy": None, "note": note}
    return None


def shown_state(case, progress: list[ProgressRow]) -> tuple[str, str]:
    """The case's state as its page shows it (label, badge): while the step ahead waits on a document not yet
    issued, the document's stage (起草中, 待审批, 已退回修改, 已批准待签发) — derived, never stored twice."""
    for row in progress:
        if row.step.document and row.status in ("next", "blocked"):
            document = getattr(case, row.step.document)
            if document is not None and document.state in DOCUMENT_STAGE:
                return f"{document.kind.name}{DOCUMENT_STAGE[document.state]}", DocumentState(document.state).badge
    return case.get_state_display(), case.state_badge


def case_steps_context(request, *, workflow: Workflow, case) -> dict:
    """What a case page shows of its workflow: the steps the user may take now — a step taken by serving a document
    offers the document's own next action — with what blocks each and the page that lifts it; the progress of the
    whole table; the case's state as it reads with its documents; the periods running. Each guard runs once."""
    actions, urls = [], set()
    progress = workflow.progress(case)
    for next_step in workflow.next_steps(request.user, case, progress):
        step = next_step.step
        document = getattr(case, step.document) if step.document else None
        if document is not None and document.state != DocumentState.SERVED:
            action = _document_action(request, step, document)
            if action is not None:
                actions.append(action)
                continue
        url = (document.get_absolute_url() if document else "") if step.document else _step_url(case, step)
        if url in urls and not next_step.blocker:
            continue  # steps taken on one page (decide or propose, confirm or return) show once
        urls.add(url)
        remedy = _remedy(request, workflow, case, next_step.guard) if next_step.blocker else None
        actions.append({"step": step, "label": step.label, "url": url, "blocker": next_step.blocker, "remedy": remedy})
    label, badge = shown_state(case, progress)
    return {
        "actions": actions,
        "actions_open": [a for a in actions if not a["blocker"]],
        "actions_blocked": [a for a in actions if a["blocker"]],
        "progress": progress,
        "not_applicable": [row for row in progress if row.status == "not_applicable"],
        "state_label": label,
        "state_badge": badge,
        "running_deadlines": running_deadlines(case),
    }


def days_left_text(due, today) -> tuple[str, str]:
    """How a deadline stands today, in words and as a badge colour."""
    left = (due - today).days
    if left > 0:
        return f"还有{left}日", "warning" if left <= 3 else "info"
    return ("今日届满", "danger") if left == 0 else (f"已逾期{-left}日", "danger")


def running_deadlines(case) -> list[dict]:
    """The case's periods still running, soonest first, each with the days left."""
    today = timezone.localdate()
    rows = []
    for deadline in Deadline.objects.of_object(case).running().select_related("rule").order_by("due", "pk"):
        text, badge = days_left_text(deadline.due, today)
        rows.append({"deadline": deadline, "text": text, "badge": badge})
    return rows
