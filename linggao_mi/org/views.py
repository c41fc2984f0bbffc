from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from linggao_mi import search
from services.selectors import service_item_list


def home(request):
    """The public home: “这件事归谁管？” across the public registers first, then the service items and the registers."""
    query = request.GET.get("q", "")
    result = search.public_search(query) if "q" in request.GET else None
    context = {"result": result, "query": query}
    if request.htmx and request.htmx.target == "search-results":
        return render(request, "_search_results.html", context)
    context["service_items"] = service_item_list()
    return render(request, "home.html", context)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


def server_error(request):
    """The 500 page, rendered without the request: its context processors (user, menu, notifications) need the
    database or the session, which may be what failed."""
    return HttpResponseServerError(loader.get_template("500.html").render())
