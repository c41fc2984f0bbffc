from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from linggao_mi.deadlines.selectors import deadlines_for_user
from linggao_mi.documents.selectors import documents_awaiting_approval
from linggao_mi.org.selectors import user_role

from .selectors import my_open_cases


@login_required
def workspace(request):
    """The landing page after login: "my work" — open cases, deadlines (overdue first), approvals."""
    return render(
        request,
        "casework/workspace.html",
        {
            "role": user_role(request.user),
            "cases": my_open_cases(request.user),
            "deadlines": deadlines_for_user(request.user),
            "approvals": documents_awaiting_approval(request.user),
        },
    )
