from django import template
from django.conf import settings

from linggao_mi.casework.selectors import user_may_change_case

from ..selectors import attachments_of_case

register = template.Library()


@register.simple_tag(takes_context=True)
def case_attachments(context, case) -> dict:
    """What the case panel shows: the attachments, and whether this user may add or remove them."""
    user = context.get("user")
    may_change = bool(user) and user_may_change_case(user, case)
    return {
        "items": list(attachments_of_case(case)),
        "may_upload": may_change and not case.is_closed,
        "may_delete": may_change and not case.is_closed,
        "app_label": case._meta.app_label,
        "model_name": case._meta.model_name,
        "max_mb": settings.ATTACHMENT_MAX_BYTES // (1024 * 1024),
    }


@register.filter
def filesize_cn(size: int) -> str:
    if size is None:
        return ""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"
