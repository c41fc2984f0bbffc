from django import forms
from django.utils import timezone

from linggao_mi import lists
from linggao_mi.casework.forms import DATE

from .choices import DocumentState, ServiceMethod
from .kinds import KindSpec
from .models import DocumentKind


class ReturnForm(forms.Form):
    # Not required here: the service refuses an empty reason with the rule and its citation.
    reason = forms.CharField(
        label="退回理由", required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class ServeForm(forms.Form):
    method = forms.ChoiceField(label="送达方式", choices=ServiceMethod.choices)
    served_on = forms.DateField(label="送达日期", initial=timezone.localdate, widget=DATE)
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


class DocumentEditForm(forms.Form):
    """The title and the kind's texts, each under its Chinese label; the facts are not the form's (they follow
    the case). Blank required texts are left to the service, which refuses them with the rule and its clause."""

    title = forms.CharField(label="标题", max_length=200)

    def __init__(self, *args, spec: KindSpec, texts: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.spec = spec
        for text in spec.texts:
            self.fields[f"text__{text.key}"] = forms.CharField(
                label=text.label if text.required else f"{text.label}（选填）",
                required=False,
                initial=texts.get(text.key, ""),
                help_text=text.help,
                widget=forms.Textarea(attrs={"rows": text.rows}),
            )

    def cleaned_texts(self) -> dict:
        return {text.key: self.cleaned_data[f"text__{text.key}"] for text in self.spec.texts}


class DocumentFilterForm(lists.FilterForm):
    """The documents list's filters (linggao_mi.lists)."""

    state = forms.ChoiceField(label="状态", required=False, choices=[("", "全部"), *DocumentState.choices])
    kind = forms.ModelChoiceField(DocumentKind.objects.all(), label="文书种类", required=False, empty_label="全部")
    drafted_from = forms.DateField(label="起草日期自", required=False, widget=DATE)
    drafted_to = forms.DateField(label="起草日期至", required=False, widget=DATE)

    def filter_drafted_from(self, queryset, value):
        return queryset.filter(drafted_at__date__gte=value)

    def filter_drafted_to(self, queryset, value):
        return queryset.filter(drafted_at__date__lte=value)
