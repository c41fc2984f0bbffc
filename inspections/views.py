"""Pages of 三（一）/三（二） (Chinese, one column on a phone). Every write goes through services; each step page is the
kit's step view over a row of a workflow table."""

from django.shortcuts import render

from . import selectors


def discretion_list(request):
    """The published penalty-discretion catalogue (三（二）), public."""
    return render(request, "inspections/discretion_list.html", {"standards": selectors.standards_public()})
