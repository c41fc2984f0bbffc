"""The deadlines list (linggao_mi.lists): the running deadlines the user answers for, overdue first (by due date)."""

from django import forms
from django.utils import timezone

from linggao_mi import lists
from linggao_mi.casework.forms import DATE


class DeadlineFilterForm(lists.FilterForm):
    overdue = forms.BooleanField(label="仅看已逾期的", required=False)
    due_to = forms.DateField(label="届满日不晚于", required=False, widget=DATE)

    def filter_overdue(self, queryset, value):
        return queryset.past_due(timezone.localdate())

    def filter_due_to(self, queryset, value):
        return queryset.filter(due__lte=value)


def _case(deadline) -> str:
    return getattr(deadline.case, "reference", None) or str(deadline.case or "")


def _subject(deadline):
    return getattr(deadline.case, "subject", None)


def _days_left(deadline) -> int:
    return (deadline.due - timezone.localdate()).days


def _responsible(deadline) -> str:
    return "、".join(u.get_full_name() or u.username for u in deadline.responsible.all())


DEADLINES = lists.ListSpec(
    template="deadlines/list.html",
    filename="期限",
    search=lists.Search("label", "rule__name", of_case=True, label="期限名称、案号或单位名称"),
    filters=DeadlineFilterForm,
    columns=(
        lists.Column("title", "期限", sort=("rule__name",), width=24),
        lists.Column("case", "案件", _case, width=22),
        lists.Column("subject", "单位", _subject, width=30),
        lists.Column("start", "起算日", sort=("start",), width=14),
        lists.Column("period", "期间", "period_display", width=12),
        lists.Column("due", "届满日", sort=("due",), width=14),
        lists.Column("days_left", "剩余天数（负数为逾期）", _days_left, sort=("due",), width=12, heading="剩余天数"),
        lists.Column("state", "状态", "get_state_display", sort=("state",), width=10),
        lists.Column("responsible", "责任人", _responsible, width=16),
        lists.Column("section", "承办股室", "section.name", page=False, width=12),
        lists.Column("citation", "依据", "rule.citation", page=False, width=24),
        lists.Column("provisional", "暂定", page=False, width=8),
    ),
    default_sort=("due", "pk"),
)
