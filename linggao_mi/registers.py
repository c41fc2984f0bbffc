"""What the three public registers (duties, boundaries, services) share: the writes their services
make (a row changed or added, with history), the permission gate of their staff pages, and those pages
themselves, declared once per kind of row as a `RegisterEntity`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any, TypeVar

from django.contrib import messages
from django.contrib.auth import get_permission_codename
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.forms import Form, ModelForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse

from linggao_mi.deadlines.periods import cn_date

NO_PERMISSION = "您没有修改登记表的权限。"
BASELINE_REASON = "原始登记内容（载入自《临高县工业和信息化局权责清单》）"
SAVED = "已保存。修改已记入修改记录。"
FIX_ERRORS = "未保存：请按提示更正后再提交。"

M = TypeVar("M", bound=models.Model)


def require_perm(actor, perm: str) -> None:
    if not actor.has_perm(perm):
        raise PermissionDenied(NO_PERMISSION)


def model_perm(model: type[models.Model], action: str) -> str:
    """Django's own permission for `action` ("view", "add", "change") on `model`, e.g. duties.change_duty."""
    return f"{model._meta.app_label}.{get_permission_codename(action, model._meta)}"


def save_with_history(obj: models.Model, values: dict[str, Any], *, actor, reason: str = ""):
    """Set `values` on `obj`, validate and save it, recording `actor` and `reason` in its history.

    Rows loaded from fixtures have no history yet; before their first change a snapshot of the row as
    loaded is recorded, so the history shows what the source said and what was changed.
    Many-to-many values are set once the row is saved; a change is recorded once, after them, so it
    includes them.
    """
    many = {name: list(value) for name, value in values.items() if obj._meta.get_field(name).many_to_many}
    for name, value in values.items():
        if name not in many:
            setattr(obj, name, value)

    def set_many():
        for name, related in many.items():
            getattr(obj, name).set(related)

    obj.full_clean()
    if obj.pk is not None and not obj.history.exists():
        original = type(obj).objects.get(pk=obj.pk)
        original._history_user = None
        original._change_reason = BASELINE_REASON
        original.save()
    obj._history_user = actor
    obj._change_reason = reason
    if not many or obj.pk is None:
        # A new row is recorded as added; setting its relations then records them as a change.
        obj.save()
        set_many()
        return obj
    # Skip the record save() would write, set the relations, then record the finished state once.
    obj.skip_history_when_saving = True
    try:
        obj.save()
        set_many()
    finally:
        del obj.skip_history_when_saving
    obj.save()
    return obj


@transaction.atomic
def update_row(model: type[M], pk: int, *, actor, reason: str = "", **values) -> M:
    """What every register's change service does: check the actor may change the row, lock it, set
    `values` and save it with history."""
    require_perm(actor, model_perm(model, "change"))
    return save_with_history(model.objects.select_for_update().get(pk=pk), values, actor=actor, reason=reason)


@transaction.atomic
def create_row(
    model: type[M], *, actor, reason: str = "", parent: tuple[str, int] | None = None, **values
) -> M:
    """What every register's add service does: check the actor may add a row, then save it with history.

    `parent` is (foreign key, id) of the row the new one goes under. That row is locked, so that two
    additions at once cannot take the same place, and a new row whose `order` is None goes last.
    """
    require_perm(actor, model_perm(model, "add"))
    if parent is not None:
        key, pk = parent
        values[key] = model._meta.get_field(key).related_model.objects.select_for_update().get(pk=pk)
        if values.get("order") is None:
            siblings = model.objects.filter(**{key: values[key]})
            values["order"] = (siblings.aggregate(last=models.Max("order"))["last"] or 0) + 1
    return save_with_history(model(), values, actor=actor, reason=reason)


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


def value_shown(value, related_model=None) -> str:
    """A field's value as a history line shows it."""
    if value is None or value == "":
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime.date):
        return cn_date(value)
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
                        value_shown(change.old, related),
                        value_shown(change.new, related),
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


@dataclass(frozen=True)
class AddPage:
    """The staff page that adds a row, under a row of `parent` when it has one.

    `title` and `subject` are given the parent row (None without a parent); `create` is the app's add
    service, called with the parent's id as `<parent name>_id` and the form's cleaned data. Without a
    parent the page goes back to `anchor` on the register's list.
    """

    form: type[Form]
    create: Callable[..., models.Model]
    title: Callable[[Any], str]
    subject: Callable[[Any], str] | None = None
    parent: RegisterEntity | None = None
    anchor: str = ""


@dataclass(frozen=True)
class RegisterEntity:
    """One kind of row in a register, and so its staff edit and history pages (and an add page).

    `name` names them all: the URL names `<name>_edit`, `<name>_history` and `<name>_add` in the app's
    namespace (its label), the row's anchor `#<name>-<pk>` on the list, and the row's id in its
    services, `<name>_id`. The pages are at `<path><pk>/edit/` and `<path><pk>/history/`, the add page at
    `<parent path><parent pk>/<path>add/`. `get` is the app's selector; `update` its change service,
    called with the form's cleaned data, so form fields and service arguments share their names. Each
    page needs the model's own permission: change, view or add.
    """

    name: str
    path: str
    get: Callable[..., models.Model]
    form: type[ModelForm]
    update: Callable[..., models.Model]
    edit_title: Callable[[Any], str]
    history_title: Callable[[Any], str]
    subject: Callable[[Any], str] | None = None
    add: AddPage | None = None

    @property
    def model(self) -> type[models.Model]:
        return self.form._meta.model

    def _url(self, page: str, obj) -> str:
        return reverse(f"{self.model._meta.app_label}:{self.name}_{page}", args=[obj.pk])

    def _list_url(self, anchor: str) -> str:
        return f"{reverse(f'{self.model._meta.app_label}:list')}#{anchor}"

    def _back_url(self, obj) -> str:
        """The register's list, at `obj`."""
        return self._list_url(f"{self.name}-{obj.pk}")

    def edit_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        obj = self.get(user=request.user, pk=pk)
        return edit_page(
            request,
            form=self.form(request.POST or None, instance=obj),
            save=lambda data: self.update(actor=request.user, **{f"{self.name}_id": obj.pk}, **data),
            title=self.edit_title(obj),
            subject=self.subject(obj) if self.subject else "",
            back_url=self._back_url(obj),
            history_url=self._url("history", obj),
        )

    def history_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        obj = self.get(user=request.user, pk=pk)
        return history_page(
            request,
            obj=obj,
            title=self.history_title(obj),
            back_url=self._back_url(obj),
            edit_url=self._url("edit", obj),
        )

    def add_view(self, request: HttpRequest, **parent_pk: int) -> HttpResponse:
        add, parent, ids = self.add, None, {}
        if add.parent is not None:
            parent = add.parent.get(user=request.user, pk=parent_pk[f"{add.parent.name}_pk"])
            ids = {f"{add.parent.name}_id": parent.pk}
        return edit_page(
            request,
            form=add.form(request.POST or None),
            save=lambda data: add.create(actor=request.user, **ids, **data),
            title=add.title(parent),
            subject=add.subject(parent) if add.subject else "",
            back_url=add.parent._back_url(parent) if parent else self._list_url(add.anchor),
        )

    def urls(self) -> list[URLPattern]:
        patterns = [
            self._page(f"{self.path}<int:pk>/edit/", "edit", self.edit_view, "change"),
            self._page(f"{self.path}<int:pk>/history/", "history", self.history_view, "view"),
        ]
        if self.add is not None:
            under = f"{self.add.parent.path}<int:{self.add.parent.name}_pk>/" if self.add.parent else ""
            patterns.append(self._page(f"{under}{self.path}add/", "add", self.add_view, "add"))
        return patterns

    def _page(self, route: str, page: str, view, action: str) -> URLPattern:
        protected = edit_permission_required(model_perm(self.model, action))(view)
        return path(route, protected, name=f"{self.name}_{page}")


def register_urls(*entities: RegisterEntity) -> list[URLPattern]:
    """The edit, history and add pages of `entities`, for an app's urlpatterns."""
    return [pattern for entity in entities for pattern in entity.urls()]
