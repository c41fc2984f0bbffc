from django import template

from ..selectors import UNREAD_COUNTED, unread_count

register = template.Library()


@register.inclusion_tag("notifications/_badge.html", takes_context=True)
def unread_notifications_badge(context):
    """{% load notifications %}{% unread_notifications_badge %}: the user's unread count (“99+” beyond), hidden at 0."""
    request = context.get("request")
    return {"unread": unread_count(request.user) if request else 0}


@register.filter
def unread_shown(unread: int) -> str:
    """An unread count as the badge shows it: “99+” from UNREAD_COUNTED on, where unread_count stops counting."""
    return f"{UNREAD_COUNTED - 1}+" if unread >= UNREAD_COUNTED else str(unread)
