from django import forms

from linggao_mi.org.models import Section

from .models import Duty, DutyItem

REASON_HELP = "简要说明修改原因（可选），将记入修改记录。"


class ReasonMixin(forms.Form):
    reason = forms.CharField(label="修改说明", required=False, max_length=100, help_text=REASON_HELP)


class DutyForm(ReasonMixin, forms.ModelForm):
    class Meta:
        model = Duty
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}


class DutyItemForm(ReasonMixin, forms.ModelForm):
    section = forms.ModelChoiceField(
        label="承办股室", queryset=Section.objects.all(), required=False, empty_label="（未明确）"
    )

    class Meta:
        model = DutyItem
        fields = ["order", "text", "section", "note"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4}), "note": forms.Textarea(attrs={"rows": 2})}


class DutyItemCreateForm(DutyItemForm):
    class Meta(DutyItemForm.Meta):
        fields = ["text", "section", "note"]
