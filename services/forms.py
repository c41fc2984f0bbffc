from django import forms

from duties.forms import ReasonMixin
from linggao_mi.org.models import Section

from .models import PublicityEvent, ServiceItem


class ServiceItemForm(ReasonMixin, forms.ModelForm):
    section = forms.ModelChoiceField(label="承办机构", queryset=Section.objects.all())

    class Meta:
        model = ServiceItem
        fields = ["name", "content", "section", "phones"]
        widgets = {"content": forms.Textarea(attrs={"rows": 4})}


class PublicityEventForm(ReasonMixin, forms.ModelForm):
    service_item = forms.ModelChoiceField(label="公共服务事项", queryset=ServiceItem.objects.all())

    class Meta:
        model = PublicityEvent
        fields = ["name", "month", "day", "description", "service_item"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
