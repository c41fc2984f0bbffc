import functools

from django.urls import get_script_prefix, reverse

from .navigation import WORKSPACE_NAV


@functools.cache
def _nav_urls(script_prefix: str) -> tuple[str, ...]:
    """The menu's URLs, reversed once per process (and prefix) rather than on every page."""
    return tuple(reverse(entry.url_name) for entry in WORKSPACE_NAV)


def navigation(request):
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated):
        return {}
    entries = [
        {"label": entry.label, "url": url, "active": request.path == url}
        for entry, url in zip(WORKSPACE_NAV, _nav_urls(get_script_prefix()), strict=True)
        if entry.permission is None or user.has_perm(entry.permission)
    ]
    return {"workspace_nav": entries}
