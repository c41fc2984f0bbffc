import datetime

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ..columns import inspector_names

register = template.Library()
register.filter("inspector_names", inspector_names)


@register.filter
def days_left(due: datetime.date | None, today: datetime.date):
    """A deadline's due date as a clerk reads it: 还剩N天, 今日届满, 逾期N天 (a badge for the urgent ones)."""
    if due is None:
        return ""
    days = (due - today).days
    if days < 0:
        return format_html('<span class="badge danger">逾期{}天</span>', -days)
    if days == 0:
        return mark_safe('<span class="badge warning">今日届满</span>')
    if days <= 3:
        return format_html('<span class="badge warning">还剩{}天</span>', days)
    return format_html("还剩{}天", days)


@register.simple_tag
def next_deadline_cell(row, today: datetime.date):
    """The 下一期限 cell of a case row (with_next_deadline): its name, due date and days left."""
    if not row.next_due:
        return mark_safe('<td data-label="下一期限"><span class="muted">—</span></td>')
    return format_html(
        '<td data-label="下一期限">{}<br>{} {}</td>', row.next_deadline.title, row.next_due.isoformat(),
        days_left(row.next_due, today),
    )
