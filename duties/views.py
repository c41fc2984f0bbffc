from django.shortcuts import render

from linggao_mi.registers import AddPage, RegisterEntity

from . import selectors, services
from .forms import DutyForm, DutyItemCreateForm, DutyItemForm


def register_list(request):
    """一、部门职责登记表, public."""
    return render(request, "duties/duty_list.html", {"duties": selectors.duty_list()})


def _duty_subject(duty) -> str:
    return f"主要职责 {duty.number}：{duty.text}"


DUTY = RegisterEntity(
    name="duty",
    path="",
    get=selectors.duty_get,
    form=DutyForm,
    update=services.duty_update,
    edit_title=lambda duty: f"修改主要职责 {duty.number}",
    history_title=lambda duty: f"主要职责 {duty.number} 的修改记录",
)
ITEM = RegisterEntity(
    name="item",
    path="items/",
    get=selectors.duty_item_get,
    form=DutyItemForm,
    update=services.duty_item_update,
    edit_title=lambda item: f"修改具体工作事项 {item.code}",
    subject=lambda item: _duty_subject(item.duty),
    history_title=lambda item: f"具体工作事项 {item.code} 的修改记录",
    add=AddPage(
        parent=DUTY,
        form=DutyItemCreateForm,
        create=services.duty_item_create,
        title=lambda duty: f"为主要职责 {duty.number} 新增具体工作事项",
        subject=_duty_subject,
    ),
)
