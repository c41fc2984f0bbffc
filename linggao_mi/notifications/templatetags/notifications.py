from django import template

from ..selectors import unread_count

register = template.Library()


@register.inclusion_tag("notifications/_badge.html", takes_context=True)
def unread_notifications_badge(context):
    """{% load notifications %}{% unread_notifications_badge %}: the user's unread count, hidden at 0."""
    request = context.get("request")
    return {"unread": unread_count(request.user) if request else 0}
