import datetime

from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter
def days_left(due: datetime.date | None, today: datetime.date):
    """A deadline's due date as a clerk reads it: 还剩N天, 今日届满, 逾期N天 (a badge for the urgent ones)."""
    if due is None:
        return ""
    days = (due - today).days
    if days < 0:
        return format_html('<span class="badge danger">逾期{}天</span>', -days)
    if days == 0:
        return format_html('<span class="badge warning">今日届满</span>')
    if days <= 3:
        return format_html('<span class="badge warning">还剩{}天</span>', days)
    return format_html("还剩{}天", days)
