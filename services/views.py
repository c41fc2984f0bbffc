from django.shortcuts import render
from django.utils import timezone

from linggao_mi.registers import AddPage, RegisterEntity

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


ITEM = RegisterEntity(
    name="item",
    path="items/",
    get=selectors.service_item_get,
    form=ServiceItemForm,
    update=writes.service_item_update,
    edit_title=lambda item: f"修改公共服务事项 {item.number}",
    history_title=lambda item: f"公共服务事项“{item.name}”的修改记录",
)
EVENT = RegisterEntity(
    name="event",
    path="events/",
    get=selectors.publicity_event_get,
    form=PublicityEventForm,
    update=writes.publicity_event_update,
    edit_title=lambda event: f"修改宣传活动“{event.name}”",
    history_title=lambda event: f"宣传活动“{event.name}”的修改记录",
    add=AddPage(
        form=PublicityEventForm,
        create=writes.publicity_event_create,
        title=lambda _: "新增宣传活动",
        anchor="events",
    ),
)
