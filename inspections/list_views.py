"""The list pages of 三（一）: the overview, the three case lists, the 法制审核 queue and the complaints
(linggao_mi.lists)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from linggao_mi import lists
from linggao_mi.casework.registry import case_prefetch
from linggao_mi.casework.selectors import user_may
from linggao_mi.casework.workflow import CREATE
from linggao_mi.deadlines.selectors import with_next_deadline

from . import selectors, services
from .lists import CHECKS, COMPLAINTS, FAULTS, LEGAL_REVIEWS, SUPERVISIONS
from .models import Complaint, FaultCase, OversightCheck, SupervisionCase
from .views import _require_complaints


@login_required
def index(request):
    user = request.user
    return render(
        request,
        "inspections/index.html",
        {
            "can_check": user_may(user, OversightCheck, CREATE),
            "can_supervise": user_may(user, SupervisionCase, CREATE),
            "can_fault": user_may(user, FaultCase, CREATE),
            "is_legal": user.has_perm(services.legal.REVIEW_PERMISSION),
        },
    )


@login_required
def check_list(request):
    checks = selectors.checks_list(request.user).prefetch_related("checked_sections", "inspectors")
    return lists.respond(
        request, CHECKS, with_next_deadline(checks), can_open=user_may(request.user, OversightCheck, CREATE)
    )


@login_required
def supervision_list(request):
    supervisions = selectors.supervisions_list(request.user).select_related("notice_document")
    return lists.respond(
        request, SUPERVISIONS, with_next_deadline(supervisions.prefetch_related("inspectors")),
        can_open=user_may(request.user, SupervisionCase, CREATE),
    )


@login_required
def fault_list(request):
    faults = selectors.faults_list(request.user).prefetch_related("inspectors")
    return lists.respond(
        request, FAULTS, with_next_deadline(faults), can_open=user_may(request.user, FaultCase, CREATE)
    )


@login_required
def legal_queue(request):
    """The documents sent to 法制审核, those waiting first (the legal reviewers' queue)."""
    if not request.user.has_perm(services.legal.REVIEW_PERMISSION):
        raise PermissionDenied
    reviews = selectors.legal_queue(request.user).prefetch_related(case_prefetch())
    return lists.respond(request, LEGAL_REVIEWS, reviews)


@login_required
def complaint_list(request):
    _require_complaints(request.user)
    return lists.respond(request, COMPLAINTS, Complaint.objects.select_related("referred_to"))
