"""Forms of the 三（五） pages; the services check the rules again (and alone decide)."""

from django import forms

from linggao_mi.casework.forms import DATE, CalendarDates, StepForm

from ..forms import UserChoiceField, _inspector_queryset
from ..models import EnergyUnit
from .choices import RECORDED_TRIGGERS, CheckKind, CheckMethod, CheckOccasion, MeasureKind
from .models import CheckStepRecord, FixedAssetProject, ProjectChange, ProjectCheck, ProjectMeasure
from .rules import MEASURE_BASIS
from .selectors import penalty_circumstances
from .services import PROJECT_FIELDS


class ProjectForm(CalendarDates, forms.ModelForm):
    owner = forms.ModelChoiceField(EnergyUnit.objects.order_by("name"), label="项目建设单位",
                                   help_text="须为已登记的用能单位（统一社会信用代码已核验）。")

    class Meta:
        model = FixedAssetProject
        fields = ["owner", *PROJECT_FIELDS]
        widgets = {name: DATE for name in PROJECT_FIELDS if name.endswith("_on")}

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        return {"owner_credit_code": data.pop("owner").credit_code, **data}


class ChangeForm(CalendarDates, forms.ModelForm):
    class Meta:
        model = ProjectChange
        fields = ["kind", "description", "changed_on", "expected_annual_consumption_tce"]
        widgets = {"changed_on": DATE, "description": forms.Textarea(attrs={"rows": 3})}


class ProgressForm(CalendarDates, forms.ModelForm):
    class Meta:
        model = FixedAssetProject
        fields = ["construction_started_on", "production_started_on"]
        widgets = {"construction_started_on": DATE, "production_started_on": DATE}


class TriggerForm(CalendarDates, forms.Form):
    code = forms.ChoiceField(label="情形", choices=[(c.value, f"{c.label}（三（五）2)") for c in RECORDED_TRIGGERS])
    since = forms.DateField(label="发现日期", widget=DATE)
    facts = forms.CharField(label="事实", widget=forms.Textarea(attrs={"rows": 3}))
    verified_consumption_tce = forms.DecimalField(
        label="核实的年综合能源消费量（吨标准煤）", required=False, max_digits=14, decimal_places=2,
        help_text="认定节能登记弄虚作假（三（五）2(3)）时必填。",
    )


class PlanForm(CalendarDates, forms.Form):
    project = forms.ModelChoiceField(FixedAssetProject.objects.select_related("owner"), label="被检查项目")
    kind = forms.ChoiceField(label="检查类型", choices=CheckKind.choices, widget=forms.RadioSelect)
    occasion = forms.ChoiceField(label="组织检查的原因（不定期检查）", required=False,
                                 choices=[("", "—"), *CheckOccasion.choices])
    method = forms.ChoiceField(label="检查方式", choices=CheckMethod.choices)
    inspectors = UserChoiceField(_inspector_queryset(), label="检查人员", widget=forms.CheckboxSelectMultiple,
                                 help_text="须为项目承办股室持有效行政执法证的人员。")
    planned_date = forms.DateField(label="计划检查日期", widget=DATE)
    plan = forms.CharField(label="检查方案", widget=forms.Textarea(attrs={"rows": 4}),
                           help_text=ProjectCheck._meta.get_field("plan").help_text)
    late_reason = forms.CharField(label="补录理由", required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                  help_text="计划检查日期早于今天时必填。")


class StepRecordForm(StepForm):
    late_entry = True

    done_on = forms.DateField(label="日期", widget=DATE)
    inspectors = UserChoiceField(_inspector_queryset(), label="本局检查人员", widget=forms.CheckboxSelectMultiple)
    participants = forms.CharField(label=CheckStepRecord._meta.get_field("participants").verbose_name, required=False,
                                   widget=forms.Textarea(attrs={"rows": 2}))
    notes = forms.CharField(label="情况记录", required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        self.fields["inspectors"].queryset = case.inspectors.order_by("pk")
        self.fields["inspectors"].initial = list(case.inspectors.values_list("pk", flat=True))


class NoticeForm(StepForm):
    requirements = forms.CharField(label="检查要求", widget=forms.Textarea(attrs={"rows": 4}),
                                   help_text="需要准备的材料、到场人员等；项目、检查内容和时间由案件生成。")


class FeedbackForm(StepForm):
    results = forms.CharField(label="检查结果", widget=forms.Textarea(attrs={"rows": 5}))
    suggestions = forms.CharField(label="建议意见", widget=forms.Textarea(attrs={"rows": 4}),
                                  help_text="对需要协调解决的事项提出的建议意见，每行一项（三（五）5(8)）。")


class MeasureForm(StepForm):
    late_entry = True

    kind = forms.ChoiceField(
        label="处置措施", widget=forms.RadioSelect,
        choices=[(k.value, f"{k.label}（依据：{MEASURE_BASIS[k]}）") for k in MeasureKind],
    )
    trigger = forms.ModelChoiceField(None, label="针对的情形", required=False)
    facts = forms.CharField(label=ProjectMeasure._meta.get_field("facts").verbose_name,
                            widget=forms.Textarea(attrs={"rows": 3}))
    decided_on = forms.DateField(label="决定日期", widget=DATE, required=False)
    requirements = forms.CharField(label="停止建设及限期改造要求", required=False,
                                   widget=forms.Textarea(attrs={"rows": 3}),
                                   help_text="责令停止建设时必填，写入责令停止建设通知书。")

    circumstance = forms.ModelChoiceField(
        None, label="处罚裁量情形（节约能源法第六十八条第二款）", required=False,
        help_text="项目开工建设不符合强制性节能标准的，按处罚裁量基准选择情形。",
    )
    penalty_reasons = forms.CharField(label="裁量理由", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        self.fields["trigger"].queryset = case.project.triggers.all()
        self.fields["circumstance"].queryset = penalty_circumstances()
        self.fields["circumstance"].label_from_instance = lambda c: f"{c.get_kind_display()}：{c.conditions}"


class CloseForm(StepForm):
    late_entry = True

    reason = forms.CharField(label="结案说明", widget=forms.Textarea(attrs={"rows": 3}))
    closed_on = forms.DateField(label="结案日期", widget=DATE, required=False)
