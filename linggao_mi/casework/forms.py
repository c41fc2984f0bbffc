"""The form of one step on a case, shared by every regime's step pages (casework.views.step_view)."""

from django import forms

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


class StepForm(forms.Form):
    """The form of one step on `case`: `service_kwargs()` is what the step's service takes besides the actor and
    the case (or the record it acts on). A form whose step records a date sets `late_entry = True` and gets the
    补录 reason field the shared date check asks for when that date is before the case was registered."""

    late_entry = False

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
