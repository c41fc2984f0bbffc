"""Reads of attachments; an attachment is visible iff its case is."""

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.http import Http404

from linggao_mi.casework.models import of_case
from linggao_mi.casework.selectors import user_may_see_case

from .models import Attachment


def attachments_of_case(case) -> QuerySet:
    """The attachments of a case the caller already showed to the user, oldest first."""
    return Attachment.objects.filter(of_case(case)).select_related("uploaded_by")


def attachment_get(user: User, pk: int) -> Attachment:
    """One attachment the user may see; out of scope is a 404, the same as a missing one."""
    try:
        attachment = Attachment.objects.select_related("content_type").get(pk=pk)
    except Attachment.DoesNotExist:
        raise Http404 from None
    case = attachment.case
    if case is None or not user_may_see_case(user, case):
        raise Http404
    return attachment

