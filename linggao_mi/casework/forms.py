"""The form of one step on a case, shared by every regime's step pages (casework.views.step_view)."""

from django import forms

from linggao_mi.deadlines.periods import validate_in_calendar

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data if d]
        return [super().clean(data, initial)] if data else []


class CalendarDates:
    """A form mixin: every date it asks lies within the working-day calendar's range, or the form says so in Chinese
    (a date of 0001-01-01 never reaches a period computation)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateField | forms.DateTimeField):
                field.validators.append(validate_in_calendar)


class StepForm(CalendarDates, forms.Form):
    """The form of one step on `case`: `service_kwargs()` is what the step's service takes besides the actor and
    the case (or the record it acts on). A form whose step records a date sets `late_entry = True` and gets the
    补录 reason field the shared date check asks for when that date is before the case was registered."""

    late_entry = False
    # A field whose answer decides which other fields the form asks (e.g. the outcome): the page asks it first, as
    # links (?<chooser>=<value>, swapped in place by htmx), then only the chosen path's fields.
    chooser = ""
    # Fields kept but folded away (e.g. findings already recorded, to amend only when needed), under folded_label.
    folded: tuple[str, ...] = ()
    folded_label = ""

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        if self.late_entry:
            self.fields["late_reason"] = forms.CharField(
                label="补录理由",
                required=False,
                max_length=500,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text="所登记的日期早于立案日期（补录）时必填，办理记录中将标明为补录。",
            )

    def service_kwargs(self) -> dict:
        return dict(self.cleaned_data)

    @property
    def choice(self) -> str:
        """The chooser's answer: the submitted one, else the page's (initial); "" when none is valid yet."""
        if not self.chooser:
            return ""
        value = self.data.get(self.chooser) if self.is_bound else self.initial.get(self.chooser)
        valid = {str(v) for v, _ in self.fields[self.chooser].choices}
        return value if value in valid else ""

    @property
    def chooser_field(self):
        return self[self.chooser]

    def chooser_options(self) -> list[tuple[str, str, bool]]:
        """(value, label, chosen) of each answer to the chooser."""
        return [(str(v), label, str(v) == self.choice) for v, label in self.fields[self.chooser].choices]

    def shown_fields(self):
        return [f for f in self if f.name != self.chooser and f.name not in self.folded]

    def folded_fields(self):
        return [f for f in self if f.name in self.folded]
