from django.urls import reverse

from .navigation import WORKSPACE_NAV


def navigation(request):
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated):
        return {}
    entries = [
        {"label": e.label, "url": reverse(e.url_name), "active": request.path == reverse(e.url_name)}
        for e in WORKSPACE_NAV
        if e.permission is None or user.has_perm(e.permission)
    ]
    return {"workspace_nav": entries}
