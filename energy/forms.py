"""Forms of the energy pages; the services check the rules again (and alone decide)."""

from django import forms
from django.contrib.auth.models import User
from django.utils import timezone

from linggao_mi.documents.choices import ServiceMethod
from linggao_mi.org.choices import Role

from . import services
from .choices import (
    CaseState,
    CheckItem,
    FindingResult,
    Measure,
    Mode,
    Outcome,
    SignerCapacity,
    Trigger,
    VerificationResult,
)
from .models import EnergyUnit, InspectionCase
from .validators import normalize_credit_code

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


class UnitForm(forms.ModelForm):
    class Meta:
        model = EnergyUnit
        fields = services.UNIT_FIELDS
        widgets = {"credit_code": forms.TextInput(attrs={"autocapitalize": "characters", "maxlength": 18})}

    def clean_credit_code(self):
        return normalize_credit_code(self.cleaned_data.get("credit_code"))


def _inspector_queryset():
    return User.objects.filter(profile__role=Role.INSPECTOR, is_active=True).order_by("username")


class UserChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username

    def clean(self, value) -> list[User]:
        return list(super().clean(value))


class PlanForm(forms.Form):
    unit = forms.ModelChoiceField(EnergyUnit.objects.all(), label="被监察单位")
    mode = forms.ChoiceField(label="监察方式", choices=Mode.choices, widget=forms.RadioSelect)
    trigger = forms.ChoiceField(label="监察类型", choices=Trigger.choices)
    planned_date = forms.DateField(label="计划监察日期", widget=DATE)
    items = forms.MultipleChoiceField(
        label="监察内容（三（四）2）",
        choices=CheckItem.choices,
        initial=CheckItem.values,
        widget=forms.CheckboxSelectMultiple,
    )
    inspectors = UserChoiceField(
        _inspector_queryset(),
        label="监察人员",
        widget=forms.CheckboxSelectMultiple,
        help_text="现场监察须2名以上持有效行政执法证的人员。",
    )
    basis = forms.CharField(
        label="监察依据",
        widget=forms.Textarea(attrs={"rows": 2}),
        initial="《中华人民共和国节约能源法》《节能监察办法》",
    )


class StepForm(forms.Form):
    """The form of one step on `case`: `service_kwargs()` is what the step's service takes besides the actor and
    the case (or the record it acts on)."""

    def __init__(self, *args, case: InspectionCase, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case

    def service_kwargs(self) -> dict:
        return dict(self.cleaned_data)


class NoticeForm(StepForm):
    served_on = forms.DateField(label="书面通知送达日期", widget=DATE, initial=timezone.localdate)
    method = forms.ChoiceField(label="送达方式", choices=ServiceMethod.choices)
    recipient = forms.CharField(label="签收人", max_length=50)
    requirements = forms.CharField(
        label="监察要求",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="书面通知应写明监察的依据、内容、时间和要求；依据和内容取自立案登记。",
    )
    planned_date = forms.DateField(label="监察日期（如需调整）", widget=DATE, required=False)


class MaterialsForm(StepForm):
    received_on = forms.DateField(label="材料收到日期", widget=DATE, initial=timezone.localdate)
    paper = forms.BooleanField(label="收到书面材料", required=False)
    electronic = forms.BooleanField(label="收到电子材料", required=False)
    description = forms.CharField(label="材料清单及说明", widget=forms.Textarea(attrs={"rows": 3}))
    uploads = MultipleFileField(label="材料扫描件或电子材料（PDF、图片）")


class FindingsStepForm(StepForm):
    """Adds, for each content on the case's checklist, its result, facts and violated basis; the service gets them
    as `findings`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for finding in self.case.findings.all():
            key = finding.item
            self.fields[f"result_{key}"] = forms.ChoiceField(
                label=f"{key}. {finding.get_item_display()}——检查结果",
                choices=FindingResult.choices,
                initial=finding.result,
            )
            self.fields[f"facts_{key}"] = forms.CharField(
                label="检查情况及事实",
                required=False,
                initial=finding.facts,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"basis_{key}"] = forms.CharField(
                label="违反的法律依据（违法违规时必填）",
                required=False,
                initial=finding.basis,
                widget=forms.Textarea(attrs={"rows": 1}),
            )

    def service_kwargs(self) -> dict:
        data = super().service_kwargs()
        data["findings"] = {
            f.item: services.FindingInput(
                data.pop(f"result_{f.item}"), data.pop(f"facts_{f.item}", ""), data.pop(f"basis_{f.item}", "")
            )
            for f in self.case.findings.all()
        }
        return data


class RecordForm(FindingsStepForm):
    """现场监察笔录, laid out for a phone: one column, native date-time pickers."""

    started_at = forms.DateTimeField(label="监察开始时间", widget=DATETIME, input_formats=DATETIME_FORMATS)
    ended_at = forms.DateTimeField(label="监察结束时间", widget=DATETIME, input_formats=DATETIME_FORMATS)
    place = forms.CharField(label="监察地点", max_length=200)
    inspectors = UserChoiceField(
        User.objects.none(), label="监察人员（出示执法证件）", widget=forms.CheckboxSelectMultiple
    )
    present = forms.CharField(label="在场人员", widget=forms.Textarea(attrs={"rows": 2}))
    measures = forms.MultipleChoiceField(
        label="采取的措施（三（四）4）", choices=Measure.choices, widget=forms.CheckboxSelectMultiple
    )
    measures_other = forms.CharField(label="其他措施说明", required=False)
    notes = forms.CharField(label="现场情况", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    signer_name = forms.CharField(label="签字（盖章）人", required=False)
    signer_capacity = forms.ChoiceField(
        label="签字人身份", required=False, choices=[("", "——")] + list(SignerCapacity.choices)
    )
    refused = forms.BooleanField(label="被监察单位拒绝签字或盖章", required=False)
    refusal_note = forms.CharField(
        label="拒签情况（由监察人员注明）", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    uploads = MultipleFileField(label="现场证据（照片、录音、录像、PDF）")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        case = self.case
        self.fields["inspectors"].queryset = case.inspectors.all()
        self.fields["inspectors"].initial = list(case.inspectors.all())
        self.fields["place"].initial = case.unit.address
        self.fields["signer_name"].initial = case.unit.legal_representative
        if not self.is_bound:
            self.initial.setdefault("started_at", timezone.localtime().replace(second=0, microsecond=0))


class TestingForm(StepForm):
    agency_name = forms.CharField(label="检测机构", max_length=100)
    qualification_number = forms.CharField(label="资质证书编号", max_length=60)
    items = forms.CharField(label="检测项目", widget=forms.Textarea(attrs={"rows": 2}))
    commissioned_on = forms.DateField(label="委托日期", widget=DATE, initial=timezone.localdate)
    fee_charged_to_unit = forms.DecimalField(
        label="向被监察单位收取的检测费用（元）",
        initial=0,
        min_value=0,
        decimal_places=2,
        help_text="依三（四）5(5)，委托检测不得向被监察单位收取检测费用。",
    )


class TestingResultForm(StepForm):
    results = forms.CharField(label="检测结论", widget=forms.Textarea(attrs={"rows": 3}))
    results_on = forms.DateField(label="结论出具日期", widget=DATE, initial=timezone.localdate)


class RecommendationFields(StepForm):
    recommend = forms.BooleanField(label="建议有关部门依法处罚或者处理（三（四）6(3)）", required=False)
    rec_department = forms.CharField(label="建议部门", required=False)
    rec_basis = forms.CharField(
        label="处罚（处理）依据", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    rec_facts = forms.CharField(
        label="违法事实及建议", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def service_kwargs(self) -> dict:
        data = super().service_kwargs()
        recommend = data.pop("recommend")
        department, basis, facts = data.pop("rec_department"), data.pop("rec_basis"), data.pop("rec_facts")
        data["recommendation"] = services.RecommendationInput(department, basis, facts) if recommend else None
        return data


class OutcomeForm(RecommendationFields, FindingsStepForm):
    outcome = forms.ChoiceField(
        label="处理结果（三（四）6）", choices=Outcome.choices, widget=forms.RadioSelect
    )
    ended_on = forms.DateField(
        label="监察结束日期",
        widget=DATE,
        initial=timezone.localdate,
        help_text="处理文书应在监察结束后规定期限内送达（三（四）6(4)）。",
    )
    rectification_requirements = forms.CharField(
        label="整改要求", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    rectification_months = forms.IntegerField(label="整改期限（月）", required=False, min_value=1)
    suggestions = forms.CharField(
        label="改进建议（节能监察建议书）", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(
            ["outcome", "ended_on"] + [k for k in self.fields if k.startswith(("result_", "facts_", "basis_"))]
        )


class ServeForm(StepForm):
    method = forms.ChoiceField(label="送达方式", choices=ServiceMethod.choices)
    served_on = forms.DateField(label="送达日期", widget=DATE, initial=timezone.localdate)
    recipient = forms.CharField(label="受送达人", max_length=200)
    receipt = forms.FileField(label="送达回证（扫描件）", required=False)
    refused = forms.BooleanField(label="拒收", required=False)
    note = forms.CharField(label="送达情况说明", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReportForm(StepForm):
    received_on = forms.DateField(label="收到整改结果日期", widget=DATE, initial=timezone.localdate)
    summary = forms.CharField(label="整改结果", widget=forms.Textarea(attrs={"rows": 3}))
    uploads = MultipleFileField(label="整改结果报告及佐证材料")


class VerifyForm(StepForm):
    verified_on = forms.DateField(label="核查日期", widget=DATE, initial=timezone.localdate)
    result = forms.ChoiceField(label="核查结论", choices=VerificationResult.choices, widget=forms.RadioSelect)
    notes = forms.CharField(label="核查情况", widget=forms.Textarea(attrs={"rows": 3}))


class EscalateForm(StepForm):
    reason = forms.CharField(
        label="移送处理说明", widget=forms.Textarea(attrs={"rows": 2}), initial="整改期限届满未报送整改结果"
    )


class ExtensionRequestForm(StepForm):
    received_on = forms.DateField(label="收到书面申请日期", widget=DATE, initial=timezone.localdate)
    requested_months = forms.IntegerField(label="申请延期（月）", min_value=1)
    reasons = forms.CharField(label="申请理由", widget=forms.Textarea(attrs={"rows": 3}))
    upload = forms.FileField(label="书面申请（扫描件）", required=False)


class ExtensionDecideForm(StepForm):
    approve = forms.TypedChoiceField(
        label="决定",
        choices=[("1", "准予延期"), ("0", "不予延期")],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    granted_months = forms.IntegerField(label="准予延期（月）", required=False, min_value=1)
    reasons = forms.CharField(label="决定理由", widget=forms.Textarea(attrs={"rows": 3}))
    decided_on = forms.DateField(label="决定日期", widget=DATE, initial=timezone.localdate)


class CloseForm(RecommendationFields):
    reason = forms.CharField(label="结案说明（移送或处理情况）", widget=forms.Textarea(attrs={"rows": 3}))
    closed_on = forms.DateField(label="结案日期", widget=DATE, initial=timezone.localdate)


class CaseFilterForm(forms.Form):
    state = forms.ChoiceField(label="状态", required=False, choices=[("", "全部"), *CaseState.choices])
    unit = forms.ModelChoiceField(EnergyUnit.objects.all(), label="单位", required=False)
    overdue = forms.BooleanField(label="仅看有逾期期限的", required=False)
