"""What the three public registers (duties, boundaries, services) share: saving with history, the
permission gate of their edit pages, and the edit and history pages themselves.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

NO_PERMISSION = "您没有修改登记表的权限。"
BASELINE_REASON = "原始登记内容（载入自《临高县工业和信息化局权责清单》）"
SAVED = "已保存。修改已记入修改记录。"
FIX_ERRORS = "未保存：请按提示更正后再提交。"


def require_perm(actor, perm: str) -> None:
    if not actor.has_perm(perm):
        raise PermissionDenied(NO_PERMISSION)


def save_with_history(
    obj: models.Model, *, actor, reason: str = "", after_save: Callable[[], Any] | None = None
):
    """Validate and save `obj`, recording `actor` and `reason` in its history.

    Rows loaded from fixtures have no history yet; before their first change a snapshot of the row as
    loaded is recorded, so the history shows what the source said and what was changed.
    `after_save` sets many-to-many values; a change is recorded once, after them, so it includes them.
    """
    obj.full_clean()
    if obj.pk is not None and not obj.history.exists():
        original = type(obj).objects.get(pk=obj.pk)
        original._history_user = None
        original._change_reason = BASELINE_REASON
        original.save()
    obj._history_user = actor
    obj._change_reason = reason
    if after_save is None or obj.pk is None:
        # A new row is recorded as added; setting its relations then records them as a change.
        obj.save()
        if after_save is not None:
            after_save()
        return obj
    # Skip the record save() would write, set the relations, then record the finished state once.
    obj.skip_history_when_saving = True
    try:
        obj.save()
        after_save()
    finally:
        del obj.skip_history_when_saving
    obj.save()
    return obj


def next_order(rows: models.QuerySet) -> int:
    """The order number that puts a new row after the existing ones."""
    return (rows.aggregate(last=models.Max("order"))["last"] or 0) + 1


def edit_permission_required(perm: str):
    """Anonymous → login page; logged in without `perm` → 403; otherwise the view runs."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            require_perm(request.user, perm)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def apply_errors(form: Form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form: on the field it names, else above the form."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def edit_page(
    request: HttpRequest,
    *,
    form: Form,
    save: Callable[[dict], models.Model],
    title: str,
    back_url: str,
    history_url: str | None = None,
    subject: str = "",
) -> HttpResponse:
    """GET shows the form; a valid POST calls `save(cleaned_data)` (a service) and goes back."""
    if request.method == "POST":
        if form.is_valid():
            try:
                save(form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, SAVED)
                return redirect(back_url)
        messages.error(request, FIX_ERRORS)
    context = {
        "form": form,
        "title": title,
        "back_url": back_url,
        "history_url": history_url,
        "subject": subject,
    }
    return render(request, "registers/edit.html", context)


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: Any
    user: Any
    kind: str
    reason: str
    changes: list[Change] = field(default_factory=list)


KIND = {"+": "新增", "~": "修改", "-": "删除"}


def _shown(value, related_model=None) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, list):  # many-to-many: one dict per through row, holding the related object
        names = [
            str(v) for row in value for v in row.values() if related_model and isinstance(v, related_model)
        ]
        return "、".join(names) or "（空）"
    return str(value)


def history_entries(obj: models.Model) -> list[HistoryEntry]:
    """The object's history, newest first, each with the fields it changed (old → new)."""
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id"))
    entries = []
    for record, previous in zip(records, [*records[1:], None][: len(records)], strict=True):
        # Loading fixtures leaves an anonymous first record on rows with many-to-many values.
        original = record.history_change_reason == BASELINE_REASON or (
            previous is None and record.history_user_id is None and record.history_type == "~"
        )
        kind = "原始记录" if original else KIND[record.history_type]
        reason = "" if original else record.history_change_reason or ""
        entry = HistoryEntry(record.history_date, record.history_user, kind, reason)
        if previous is not None:
            delta = record.diff_against(previous, foreign_keys_are_objs=True)
            for change in delta.changes:
                model_field = type(obj)._meta.get_field(change.field)
                related = model_field.related_model
                entry.changes.append(
                    Change(
                        str(model_field.verbose_name),
                        _shown(change.old, related),
                        _shown(change.new, related),
                    )
                )
        entries.append(entry)
    return entries


def history_page(request: HttpRequest, *, obj: models.Model, title: str, back_url: str, edit_url: str = ""):
    context = {
        "obj": obj,
        "title": title,
        "back_url": back_url,
        "edit_url": edit_url,
        "entries": history_entries(obj),
    }
    return render(request, "registers/history.html", context)
