"""Every form of every regime that asks a date refuses one outside the working-day calendar, in Chinese, before any
service runs: the step forms (casework.forms.StepForm) and the forms that open a case or register a record alike."""

import inspect

import pytest
from django import forms

import energy.fixed_asset.forms
import energy.forms
import infoproj.forms
import inspections.forms
from energy.fixed_asset.forms import ProjectForm
from linggao_mi import lists
from linggao_mi.casework.forms import CalendarDates
from linggao_mi.deadlines.periods import OUTSIDE_CALENDAR

MODULES = (energy.forms, energy.fixed_asset.forms, infoproj.forms, inspections.forms)


def dated_forms():
    for module in MODULES:
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__ or not issubclass(cls, forms.BaseForm):
                continue
            if issubclass(cls, lists.FilterForm):  # a filter's date only narrows a search
                continue
            if any(isinstance(f, forms.DateField | forms.DateTimeField) for f in cls.base_fields.values()):
                yield cls


def test_every_form_that_asks_a_date_checks_it_against_the_calendar():
    found = list(dated_forms())
    assert len(found) > 30
    assert [cls.__qualname__ for cls in found if not issubclass(cls, CalendarDates)] == []


@pytest.mark.django_db
@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_a_project_reviewed_outside_the_calendar_is_refused_by_its_form(day):
    form = ProjectForm(data={"review_passed_on": day})
    assert not form.is_valid()
    assert form.errors["review_passed_on"] == [OUTSIDE_CALENDAR]
