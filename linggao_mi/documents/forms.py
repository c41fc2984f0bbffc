from django import forms
from django.utils import timezone

from .choices import ServiceMethod


class ReturnForm(forms.Form):
    # Not required here: the service refuses an empty reason with the rule and its citation.
    reason = forms.CharField(
        label="退回理由", required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class ServeForm(forms.Form):
    method = forms.ChoiceField(label="送达方式", choices=ServiceMethod.choices)
    served_on = forms.DateField(
        label="送达日期", initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"})
    )
    recipient = forms.CharField(label="受送达人", max_length=200, required=False)
    receipt = forms.FileField(
        label="送达回证（照片或 PDF，可选）",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*,application/pdf"}),
    )
    refused = forms.BooleanField(label="受送达人拒收", required=False)
    note = forms.CharField(
        label="送达情况说明（拒收的须记明拒收事由、日期和见证人）",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


# Labels for the content keys the generic template knows; other keys show as they are.
CONTENT_LABELS = {"addressee": "主送机关", "body": "正文"}


class DocumentEditForm(forms.Form):
    """Title and the document's text fields; kinds with structured content bring their own forms."""

    title = forms.CharField(label="标题", max_length=200)

    def __init__(self, *args, content: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.content = dict(content or {})
        self.text_keys = [k for k, v in self.content.items() if isinstance(v, str)]
        for key in self.text_keys:
            self.fields[f"content__{key}"] = forms.CharField(
                label=CONTENT_LABELS.get(key, key),
                required=False,
                initial=self.content[key],
                widget=forms.Textarea(attrs={"rows": 6 if "\n" in self.content[key] or key == "body" else 2}),
            )

    def cleaned_content(self) -> dict:
        content = dict(self.content)
        for key in self.text_keys:
            content[key] = self.cleaned_data[f"content__{key}"]
        return content
