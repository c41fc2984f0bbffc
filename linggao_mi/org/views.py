from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .selectors import user_role


def home(request):
    return render(request, "home.html")


@login_required
def workspace(request):
    return render(request, "workspace.html", {"role": user_role(request.user)})


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)
