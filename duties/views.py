from django.shortcuts import render
from django.urls import reverse

from linggao_mi.registers import edit_page, edit_permission_required, history_page

from . import selectors, services
from .forms import DutyForm, DutyItemCreateForm, DutyItemForm


def register_list(request):
    """一、部门职责登记表, public."""
    return render(request, "duties/duty_list.html", {"duties": selectors.duty_list()})


def _list_url(anchor: str) -> str:
    return f"{reverse('duties:list')}#{anchor}"


@edit_permission_required("duties.change_duty")
def duty_edit(request, pk: int):
    duty = selectors.duty_get(user=request.user, pk=pk)
    form = DutyForm(request.POST or None, instance=duty)
    return edit_page(
        request,
        form=form,
        save=lambda data: services.duty_update(
            actor=request.user, duty_id=duty.pk, text=data["text"], reason=data["reason"]
        ),
        title=f"修改主要职责 {duty.number}",
        back_url=_list_url(f"duty-{duty.pk}"),
        history_url=reverse("duties:duty_history", args=[duty.pk]),
    )


@edit_permission_required("duties.view_duty")
def duty_history(request, pk: int):
    duty = selectors.duty_get(user=request.user, pk=pk)
    return history_page(
        request,
        obj=duty,
        title=f"主要职责 {duty.number} 的修改记录",
        back_url=_list_url(f"duty-{duty.pk}"),
        edit_url=reverse("duties:duty_edit", args=[duty.pk]),
    )


@edit_permission_required("duties.change_dutyitem")
def item_edit(request, pk: int):
    item = selectors.duty_item_get(user=request.user, pk=pk)
    form = DutyItemForm(request.POST or None, instance=item)
    return edit_page(
        request,
        form=form,
        save=lambda data: services.duty_item_update(
            actor=request.user,
            item_id=item.pk,
            order=data["order"],
            text=data["text"],
            note=data["note"],
            section=data["section"],
            reason=data["reason"],
        ),
        title=f"修改具体工作事项 {item.code}",
        subject=f"主要职责 {item.duty.number}：{item.duty.text}",
        back_url=_list_url(f"item-{item.pk}"),
        history_url=reverse("duties:item_history", args=[item.pk]),
    )


@edit_permission_required("duties.view_dutyitem")
def item_history(request, pk: int):
    item = selectors.duty_item_get(user=request.user, pk=pk)
    return history_page(
        request,
        obj=item,
        title=f"具体工作事项 {item.code} 的修改记录",
        back_url=_list_url(f"item-{item.pk}"),
        edit_url=reverse("duties:item_edit", args=[item.pk]),
    )


@edit_permission_required("duties.add_dutyitem")
def item_add(request, duty_pk: int):
    duty = selectors.duty_get(user=request.user, pk=duty_pk)
    form = DutyItemCreateForm(request.POST or None)
    return edit_page(
        request,
        form=form,
        save=lambda data: services.duty_item_create(
            actor=request.user,
            duty_id=duty.pk,
            text=data["text"],
            note=data["note"],
            section=data["section"],
            reason=data["reason"],
        ),
        title=f"为主要职责 {duty.number} 新增具体工作事项",
        subject=f"主要职责 {duty.number}：{duty.text}",
        back_url=_list_url(f"duty-{duty.pk}"),
    )
