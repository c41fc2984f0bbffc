"""Reads of official documents, limited to what the user may see: a document is visible iff its case is."""


from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from linggao_mi.casework.models import of_case
from linggao_mi.casework.registry import case_prefetch
from linggao_mi.casework.selectors import cases_visible, sees_every_case, user_may_change_case, user_may_see_case
from linggao_mi.org.choices import Role
from linggao_mi.org.selectors import user_role
from linggao_mi.registers import KIND, Change, HistoryEntry, value_shown

from .choices import EDITABLE_STATES, DocumentState
from .content import document_spec
from .models import OfficialDocument


def documents_of_case(case) -> QuerySet:
    """The documents of a case the caller already showed to the user."""
    return (
        OfficialDocument.objects.filter(of_case(case))
        .select_related("kind")
        .order_by("drafted_at", "id")
    )


def documents_visible(user: User, queryset: QuerySet | None = None) -> QuerySet:
    """The documents whose case `user` may see; one subquery per kind of case, whatever the row count, and none for
    a kind whose every case the user sees (cases are never deleted: a leader's list reads no case table)."""
    queryset = OfficialDocument.objects.all() if queryset is None else queryset
    if not user.is_authenticated:
        return queryset.none()
    condition = Q(pk__in=[])
    type_ids = queryset.order_by().values_list("content_type_id", flat=True).distinct()
    for content_type in ContentType.objects.filter(pk__in=list(type_ids)):
        model = content_type.model_class()
        if model is None:
            continue
        if sees_every_case(user, model):
            condition |= Q(content_type=content_type)
        else:
            visible = cases_visible(user, model._default_manager.filter(pk=OuterRef("object_id")))
            condition |= Q(content_type=content_type) & Q(Exists(visible))
    return queryset.filter(condition)


def documents_listed(user: User) -> QuerySet:
    """The documents list: every document whose case `user` may see, with its kind, drafter, case and unit."""
    return (
        documents_visible(user)
        .select_related("kind", "section", "drafted_by", "content_type")
        .prefetch_related(case_prefetch())
        .order_by("-drafted_at", "-id")
    )


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
    """A leader approves any section's documents, a chief those of the section they head.

    Never an administrator (superuser): admins only read cases and their documents.
    """
    if not user.is_authenticated or user.is_superuser:
        return False
    if user_role(user) == Role.LEADER:
        return True
    return section is not None and section.chief_id == user.pk


def user_is_author(user: User, document: OfficialDocument) -> bool:
    """Whether `user` wrote or changed the document's content: then they neither approve, return nor issue it."""
    return document.authors.filter(pk=user.pk).exists()


def documents_awaiting_approval(user: User) -> QuerySet:
    """Submitted documents `user` may approve (never those they wrote or changed), oldest submission first.

    The same conditions as document_actions' "approve", as a query.
    """
    if not user.is_authenticated or user.is_superuser:
        return OfficialDocument.objects.none()
    queryset = OfficialDocument.objects.filter(state=DocumentState.SUBMITTED).exclude(authors=user)
    if user_role(user) != Role.LEADER:
        queryset = queryset.filter(section__chief=user)
    return (
        documents_visible(user, queryset)
        .select_related("kind", "section", "drafted_by", "content_type")
        .prefetch_related(case_prefetch())
        .order_by("submitted_at", "id")
    )


def document_actions(user: User, document: OfficialDocument) -> set[str]:
    """The workflow actions `user` may take on `document` now (the services check again under lock)."""
    case = document.case
    actions: set[str] = set()
    handles = user_may_change_case(user, case)
    approver = user_approves_for_section(user, document.section)
    author = user_is_author(user, document)
    if document.state in EDITABLE_STATES and handles:
        actions |= {"edit", "submit"}
    if document.state == DocumentState.SUBMITTED and approver and not author:
        actions |= {"approve", "return"}
    if document.state == DocumentState.APPROVED and (handles or approver) and not author:
        actions.add("issue")
    if document.state == DocumentState.ISSUED and handles:
        actions.add("serve")
    return actions


# What a reader of a document's history follows: the title, then its texts (under their own labels), then these.
HISTORY_FIELDS = (
    "state", "number", "return_reason", "sha256",
    "served_method", "served_on", "served_recipient", "served_refused", "served_note",
)


def _field_changes(record, previous, names) -> list[Change]:
    changes = []
    for name in names:
        model_field = OfficialDocument._meta.get_field(name)
        choices = dict(model_field.flatchoices)
        # A new document is compared with the defaults: only what its drafter gave it shows.
        old = getattr(previous, name) if previous is not None else model_field.get_default()
        new = getattr(record, name)
        old, new = value_shown(choices.get(old, old)), value_shown(choices.get(new, new))
        if old != new:
            changes.append(Change(str(model_field.verbose_name), old, new))
    return changes


def _text_changes(record, previous, labels: dict[str, str]) -> list[Change]:
    old_texts = previous.texts if previous is not None else {}
    keys = [*labels, *(key for key in {**old_texts, **record.texts} if key not in labels)]
    changes = [
        # A key the kind no longer declares (an older draft's) has no label left to show.
        Change(labels.get(key, key), value_shown(old_texts.get(key)), value_shown(record.texts.get(key)))
        for key in keys
    ]
    return [change for change in changes if change.old != change.new]


def document_history(document: OfficialDocument) -> list[HistoryEntry]:
    """Who changed the document, when, and what (old → new), newest first; texts under their Chinese labels.

    For a document the caller already showed to the user.
    """
    labels = {text.key: text.label for text in document_spec(document).texts}
    records = list(document.history.select_related("history_user").order_by("history_date", "history_id"))
    entries = []
    previous = None
    for record in records:
        changes = [
            *_field_changes(record, previous, ("title",)),
            *_text_changes(record, previous, labels),
            *_field_changes(record, previous, HISTORY_FIELDS),
        ]
        action = record.history_change_reason or KIND[record.history_type]
        entries.append(HistoryEntry(record.history_date, record.history_user, action, "", changes))
        previous = record
    return entries[::-1]
