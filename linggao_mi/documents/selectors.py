"""Reads of official documents, limited to what the user may see: a document is visible iff its case is."""

from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.http import Http404

from linggao_mi.casework.models import of_case
from linggao_mi.casework.selectors import cases_visible, user_may_change_case, user_may_see_case
from linggao_mi.org.choices import Role
from linggao_mi.org.selectors import user_role

from .choices import EDITABLE_STATES, DocumentState
from .models import OfficialDocument


def documents_of_case(case) -> QuerySet:
    """The documents of a case the caller already showed to the user."""
    return (
        OfficialDocument.objects.filter(of_case(case))
        .select_related("kind")
        .order_by("drafted_at", "id")
    )


def documents_visible(user: User, queryset: QuerySet | None = None) -> QuerySet:
    """The documents whose case `user` may see; one subquery per kind of case, whatever the row count."""
    queryset = OfficialDocument.objects.all() if queryset is None else queryset
    if not user.is_authenticated:
        return queryset.none()
    condition = Q(pk__in=[])
    type_ids = queryset.order_by().values_list("content_type_id", flat=True).distinct()
    for content_type in ContentType.objects.filter(pk__in=list(type_ids)):
        model = content_type.model_class()
        if model is None:
            continue
        visible = cases_visible(user, model._default_manager.all()).values("pk")
        condition |= Q(content_type=content_type, object_id__in=visible)
    return queryset.filter(condition)


def document_get(user: User, pk: int) -> OfficialDocument:
    """One document the user may see; out of scope is a 404, the same as a missing one."""
    try:
        document = OfficialDocument.objects.select_related(
            "kind", "section", "drafted_by", "approved_by", "issued_by", "content_type"
        ).get(pk=pk)
    except OfficialDocument.DoesNotExist:
        raise Http404 from None
    case = document.case
    if case is None or not user_may_see_case(user, case):
        raise Http404
    return document


def user_approves_for_section(user: User, section) -> bool:
    """A leader approves any section's documents, a chief those of the section they head."""
    if not user.is_authenticated:
        return False
    if user_role(user) == Role.LEADER:
        return True
    return section is not None and section.chief_id == user.pk


def documents_awaiting_approval(user: User) -> QuerySet:
    """Submitted documents `user` may approve (never their own drafts), oldest submission first."""
    if not user.is_authenticated:
        return OfficialDocument.objects.none()
    queryset = OfficialDocument.objects.filter(state=DocumentState.SUBMITTED).exclude(drafted_by=user)
    if user_role(user) != Role.LEADER:
        queryset = queryset.filter(section__chief=user)
    return (
        documents_visible(user, queryset)
        .select_related("kind", "section", "drafted_by", "content_type")
        .prefetch_related("case")
        .order_by("submitted_at", "id")
    )


def document_actions(user: User, document: OfficialDocument) -> set[str]:
    """The workflow actions `user` may take on `document` now (the services check again under lock)."""
    case = document.case
    actions: set[str] = set()
    handles = user_may_change_case(user, case)
    approves = user_approves_for_section(user, document.section) and document.drafted_by_id != user.pk
    if document.state in EDITABLE_STATES and handles:
        actions |= {"edit", "submit"}
    if document.state == DocumentState.SUBMITTED and approves:
        actions |= {"approve", "return"}
    if document.state == DocumentState.APPROVED and (handles or approves):
        actions.add("issue")
    if document.state == DocumentState.ISSUED and handles:
        actions.add("serve")
    return actions
