from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from linggao_mi.registers import edit_page, edit_permission_required, history_page

from . import selectors
from . import services as writes
from .forms import PublicityEventForm, ServiceItemForm


def register_list(request):
    """四、公共服务事项登记表 and the yearly publicity calendar, public."""
    today = timezone.localdate()
    items = list(selectors.service_item_list())
    events = sorted(
        (
            {
                "event": e,
                "item": item,
                "next": e.next_occurrence(today),
                "next_display": e.next_display(today),
            }
            for item in items
            for e in item.events.all()
        ),
        key=lambda row: row["next"],
    )
    return render(
        request, "services/serviceitem_list.html", {"items": items, "events": events, "today": today}
    )


def _list_url(anchor: str) -> str:
    return f"{reverse('services:list')}#{anchor}"


@edit_permission_required("services.change_serviceitem")
def item_edit(request, pk: int):
    item = selectors.service_item_get(user=request.user, pk=pk)
    return edit_page(
        request,
        form=ServiceItemForm(request.POST or None, instance=item),
        save=lambda d: writes.service_item_update(
            actor=request.user,
            item_id=item.pk,
            name=d["name"],
            content=d["content"],
            section=d["section"],
            phones=d["phones"],
            reason=d["reason"],
        ),
        title=f"修改公共服务事项 {item.number}",
        back_url=_list_url(f"item-{item.pk}"),
        history_url=reverse("services:item_history", args=[item.pk]),
    )


@edit_permission_required("services.view_serviceitem")
def item_history(request, pk: int):
    item = selectors.service_item_get(user=request.user, pk=pk)
    return history_page(
        request,
        obj=item,
        title=f"公共服务事项“{item.name}”的修改记录",
        back_url=_list_url(f"item-{item.pk}"),
        edit_url=reverse("services:item_edit", args=[item.pk]),
    )


def _event_save(request, event_id=None):
    def save(d):
        fields = {k: d[k] for k in ("name", "month", "day", "description", "service_item", "reason")}
        if event_id is None:
            return writes.publicity_event_create(actor=request.user, **fields)
        return writes.publicity_event_update(actor=request.user, event_id=event_id, **fields)

    return save


@edit_permission_required("services.change_publicityevent")
def event_edit(request, pk: int):
    event = selectors.publicity_event_get(user=request.user, pk=pk)
    return edit_page(
        request,
        form=PublicityEventForm(request.POST or None, instance=event),
        save=_event_save(request, event.pk),
        title=f"修改宣传活动“{event.name}”",
        back_url=_list_url(f"event-{event.pk}"),
        history_url=reverse("services:event_history", args=[event.pk]),
    )


@edit_permission_required("services.view_publicityevent")
def event_history(request, pk: int):
    event = selectors.publicity_event_get(user=request.user, pk=pk)
    return history_page(
        request,
        obj=event,
        title=f"宣传活动“{event.name}”的修改记录",
        back_url=_list_url(f"event-{event.pk}"),
        edit_url=reverse("services:event_edit", args=[event.pk]),
    )


@edit_permission_required("services.add_publicityevent")
def event_add(request):
    return edit_page(
        request,
        form=PublicityEventForm(request.POST or None),
        save=_event_save(request),
        title="新增宣传活动",
        back_url=_list_url("events"),
    )
