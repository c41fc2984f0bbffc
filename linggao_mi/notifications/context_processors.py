from .selectors import unread_count


def unread_notifications(request):
    """`unread_notifications` for the navigation badge (add to TEMPLATES context_processors to use)."""
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated):
        return {}
    return {"unread_notifications": unread_count(user)}
