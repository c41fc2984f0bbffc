from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from linggao_mi import lists

from .forms import CalculatorForm, CalendarYearForm
from .lists import DEADLINES
from .models import CalendarYear
from .periods import PERIOD_CITATION, period_text
from .selectors import calendar_schedule, calendar_years, deadlines_for_user, unloaded_years
from .services import CALENDAR_ENTER_PERMISSION


@login_required
@require_GET
def calculator(request):
    form = CalculatorForm(request.GET or None)
    result = form.cleaned_data["result"] if form.is_bound and form.is_valid() else None
    return render(
        request,
        "deadlines/calculator.html",
        {
            "form": form,
            "result": result,
            "period": period_text(form.cleaned_data["amount"], form.cleaned_data["unit"]) if result else "",
            "citation": PERIOD_CITATION,
        },
    )


@login_required
@require_GET
def deadline_list(request):
    today = timezone.localdate()
    deadlines = deadlines_for_user(request.user)
    return lists.respond(
        request,
        DEADLINES,
        deadlines,
        any_provisional=deadlines.filter(provisional=True).exists(),
        unloaded=unloaded_years(today.year, today.year + 1),
    )


@login_required
@require_http_methods(["GET", "POST"])
def calendar(request):
    """The loaded schedules, one year's days, and (for admins) the form to enter a new year's schedule."""
    may_enter = request.user.has_perm(CALENDAR_ENTER_PERMISSION)
    years = list(calendar_years())
    today = timezone.localdate()
    shown = None
    if request.GET.get("year", "").isdigit():
        shown = get_object_or_404(CalendarYear, year=int(request.GET["year"]))
    elif years:
        shown = next((y for y in years if y.year == today.year), years[0])
    form = None
    if may_enter:
        if request.method == "POST":
            form = CalendarYearForm(request.POST)
            entered = form.enter(actor=request.user)
            if entered:
                messages.success(request, form.entered_message(entered))
                return redirect(f"{request.path}?year={entered.calendar_year.year}")
        elif request.GET.get("edit") and shown is not None:
            form = CalendarYearForm(initial=CalendarYearForm.initial_for(shown))
        else:
            form = CalendarYearForm(initial={"year": max([y.year for y in years] + [today.year]) + 1})
    elif request.method == "POST":
        raise PermissionDenied
    ranges, workdays = calendar_schedule(shown) if shown else ([], [])
    return render(
        request,
        "deadlines/calendar.html",
        {
            "years": years,
            "shown": shown,
            "ranges": ranges,
            "workdays": workdays,
            "form": form,
            "unloaded": unloaded_years(today.year, today.year + 1),
        },
    )
