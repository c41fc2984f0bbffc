from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from .choices import ExportState
from .models import Export


def exports_of(user: User) -> QuerySet:
    """The user's own background exports, newest first (nobody sees another's)."""
    return Export.objects.filter(owner=user)


def export_file_get(user: User, pk: int) -> Export:
    """One of the user's finished exports, to download; anyone else's, or one not finished, is a 404."""
    return get_object_or_404(Export.objects.exclude(file=""), owner=user, pk=pk, state=ExportState.DONE)
