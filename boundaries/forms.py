from django import forms

from duties.forms import ReasonMixin
from linggao_mi.org.models import Department

from .lookup import MAX_QUERY_LENGTH
from .models import Assignment, BoundaryCase, BoundaryMatter, LegalBasis


class LookupForm(forms.Form):
    # Length is not enforced here: the lookup answers an over-long query with its own message.
    q = forms.CharField(
        label="这件事归谁管？",
        required=False,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "placeholder": "例如：高杆植物、违章建筑、节能审查",
                "maxlength": MAX_QUERY_LENGTH * 2,
            }
        ),
    )


class BoundaryMatterForm(ReasonMixin, forms.ModelForm):
    class Meta:
        model = BoundaryMatter
        fields = ["name"]


class AssignmentForm(ReasonMixin, forms.ModelForm):
    department = forms.ModelChoiceField(label="相关部门", queryset=Department.objects.all())

    class Meta:
        model = Assignment
        fields = ["department", "order", "duties"]
        widgets = {"duties": forms.Textarea(attrs={"rows": 5})}


class AssignmentCreateForm(AssignmentForm):
    class Meta(AssignmentForm.Meta):
        fields = ["department", "duties"]


class LegalBasisForm(ReasonMixin, forms.ModelForm):
    class Meta:
        model = LegalBasis
        fields = ["order", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class LegalBasisCreateForm(LegalBasisForm):
    class Meta(LegalBasisForm.Meta):
        fields = ["text"]


class BoundaryCaseForm(ReasonMixin, forms.ModelForm):
    departments = forms.ModelMultipleChoiceField(
        label="涉及部门",
        queryset=Department.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="案例中出面处理的部门；查询命中本案例时，这些部门会列为相关部门。",
    )

    class Meta:
        model = BoundaryCase
        fields = ["order", "title", "text", "departments"]
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}


class BoundaryCaseCreateForm(BoundaryCaseForm):
    class Meta(BoundaryCaseForm.Meta):
        fields = ["title", "text", "departments"]
