"""Forms of the energy pages; the services check the rules again (and alone decide)."""

from django import forms
from django.contrib.auth.models import User
from django.utils import timezone

from linggao_mi import lists
from linggao_mi.casework.forms import DATE, DATETIME, DATETIME_FORMATS, CalendarDates, MultipleFileField, StepForm
from linggao_mi.org.choices import Role
from linggao_mi.org.models import Department

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
from .models import EnergyUnit, TestingCommission
from .selectors import with_overdue_deadline
from .services.outcome import inspection_day
from .validators import normalize_credit_code


class UnitForm(forms.ModelForm):
    class Meta:
        model = EnergyUnit
        fields = services.UNIT_FIELDS
        widgets = {"credit_code": forms.TextInput(attrs={"autocapitalize": "characters", "maxlength": 18})}

    def clean_credit_code(self):
        return normalize_credit_code(self.cleaned_data.get("credit_code"))


def _inspector_queryset():
    return User.objects.filter(
        profile__role__in=(Role.INSPECTOR, Role.CHIEF), is_active=True, certificates__isnull=False
    ).distinct().order_by("username")


class UserChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username

    def clean(self, value) -> list[User]:
        return list(super().clean(value))


LATE_REASON = forms.CharField(
    label="补录理由",
    required=False,
    max_length=500,
    widget=forms.Textarea(attrs={"rows": 2}),
    help_text="计划监察日期早于今天（补录已实施的监察）时必填，办理记录中将标明为补录。",
)


class PlanForm(CalendarDates, forms.Form):
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
        help_text="须为本股室持当日有效行政执法证的人员；现场监察须2名以上（三（四）5(3)）。",
    )
    basis = forms.CharField(
        label="监察依据",
        widget=forms.Textarea(attrs={"rows": 2}),
        initial="《中华人民共和国节约能源法》《节能监察办法》",
        max_length=1000,
    )
    late_reason = LATE_REASON


class NoticeDraftForm(StepForm):
    requirements = forms.CharField(
        label="监察要求",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="节能监察通知书写明监察的依据、内容、时间和要求（三（四）5(1)(2)）；依据、内容和时间取自立案登记。",
    )


class PlanCorrectForm(StepForm):
    planned_date = forms.DateField(label="更正后的监察日期", widget=DATE)
    reason = forms.CharField(label="更正理由", max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class MaterialsForm(StepForm):
    late_entry = True
    received_on = forms.DateField(label="材料收到日期", widget=DATE, initial=timezone.localdate)
    paper = forms.BooleanField(label="收到书面材料", required=False)
    electronic = forms.BooleanField(label="收到电子材料", required=False)
    description = forms.CharField(label="材料清单及说明", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    uploads = MultipleFileField(label="被监察单位报送的材料（扫描件或电子材料，PDF、图片）")


class FindingsStepForm(StepForm):
    """Adds, for each content on the case's checklist, its result, facts, violated basis and whether the law says
    the violation must be punished or handled; the service gets them as `findings`."""

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
                label="检查情况及事实", required=False, initial=finding.facts, max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"basis_{key}"] = forms.CharField(
                label="违反的法律依据（违法违规时必填）", required=False, initial=finding.basis, max_length=1000,
                widget=forms.Textarea(attrs={"rows": 1}),
            )
            self.fields[f"punishable_{key}"] = forms.BooleanField(
                label="依法应当予以处罚或者处理（三（四）6(3)）", required=False, initial=finding.punishable
            )

    def service_kwargs(self) -> dict:
        data = super().service_kwargs()
        data["findings"] = {
            f.item: services.FindingInput(
                data.pop(f"result_{f.item}"),
                data.pop(f"facts_{f.item}", ""),
                data.pop(f"basis_{f.item}", ""),
                data.pop(f"punishable_{f.item}", False),
            )
            for f in self.case.findings.all()
        }
        return data


class RecordForm(FindingsStepForm):
    """现场监察笔录, laid out for a phone: one column, native date-time pickers."""

    late_entry = True
    started_at = forms.DateTimeField(label="监察开始时间", widget=DATETIME, input_formats=DATETIME_FORMATS)
    ended_at = forms.DateTimeField(label="监察结束时间", widget=DATETIME, input_formats=DATETIME_FORMATS)
    place = forms.CharField(label="监察地点", max_length=200)
    inspectors = UserChoiceField(
        User.objects.none(), label="监察人员（出示执法证件）", widget=forms.CheckboxSelectMultiple
    )
    present = forms.CharField(label="在场人员", max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))
    measures = forms.MultipleChoiceField(
        label="采取的措施（三（四）4）", choices=Measure.choices, widget=forms.CheckboxSelectMultiple
    )
    measures_other = forms.CharField(label="其他措施说明", required=False, max_length=1000)
    notes = forms.CharField(label="现场情况", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))
    signer_name = forms.CharField(label="签字（盖章）人", required=False, max_length=50)
    signer_capacity = forms.ChoiceField(
        label="签字人身份", required=False, choices=[("", "——")] + list(SignerCapacity.choices)
    )
    refused = forms.BooleanField(label="被监察单位拒绝签字或盖章", required=False)
    refusal_note = forms.CharField(
        label="拒签情况（由监察人员注明）", required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    uploads = MultipleFileField(label="现场证据（照片、录音、录像、PDF）")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        case = self.case
        # In a stable order: the 笔录 lists the inspectors as the form returns them.
        self.fields["inspectors"].queryset = case.inspectors.order_by("pk")
        self.fields["inspectors"].initial = list(case.inspectors.all())
        self.fields["place"].initial = case.unit.address
        self.fields["signer_name"].initial = case.unit.legal_representative
        if not self.is_bound:
            self.initial.setdefault("started_at", timezone.localtime().replace(second=0, microsecond=0))


class ReplyRequireForm(StepForm):
    questions = forms.CharField(
        label="要求书面答复的问题", max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    days = forms.IntegerField(label="答复期限（日）", min_value=1, max_value=60, initial=10)


class ReplyReceiveForm(StepForm):
    late_entry = True
    received_on = forms.DateField(label="收到书面答复日期", widget=DATE, initial=timezone.localdate)
    summary = forms.CharField(label="答复内容摘要", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    upload = forms.FileField(label="被监察单位的书面答复（扫描件）", required=False)


class TestingForm(StepForm):
    late_entry = True
    agency_name = forms.CharField(label="检测机构", max_length=100)
    qualification_number = forms.CharField(label="资质证书编号", max_length=60)
    items = forms.CharField(label="检测项目", max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))
    commissioned_on = forms.DateField(label="委托日期", widget=DATE, initial=timezone.localdate)
    fee_charged_to_unit = forms.DecimalField(
        label="向被监察单位收取的检测费用（元）",
        initial=0,
        min_value=0,
        max_digits=10,
        decimal_places=2,
        help_text="依三（四）5(5)，委托检测不得向被监察单位收取检测费用。",
    )


class TestingResultForm(StepForm):
    late_entry = True
    testing = forms.ModelChoiceField(TestingCommission.objects.none(), label="委托检测", empty_label=None)
    results = forms.CharField(label="检测结论", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    results_on = forms.DateField(label="结论出具日期", widget=DATE, initial=timezone.localdate)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["testing"].queryset = self.case.testings.filter(results="")


def _departments():
    return Department.objects.filter(is_bureau=False)


class RecommendationFields(StepForm):
    """建议有关部门依法处罚或者处理 (三（四）6(3)): the department picked from the department list."""

    recommend = forms.BooleanField(label="建议有关部门依法处罚或者处理（三（四）6(3)）", required=False)
    rec_department = forms.ModelChoiceField(
        _departments(), label="建议部门", required=False, help_text="从职责边界表的部门名录中选择。"
    )
    rec_basis = forms.CharField(
        label="处罚（处理）依据", required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    rec_facts = forms.CharField(
        label="违法事实及建议", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    recommendation_required = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rec_department"].queryset = _departments()

    def service_kwargs(self) -> dict:
        data = super().service_kwargs()
        recommend = data.pop("recommend", False) or self.recommendation_required
        department, basis, facts = (data.pop(f"rec_{k}", None) for k in ("department", "basis", "facts"))
        rec = services.RecommendationInput(department, basis or "", facts or "") if recommend else None
        data["recommendation"] = rec
        return data


class OutcomeForm(RecommendationFields, FindingsStepForm):
    """处理决定 (三（四）6): the outcome is chosen first, then only what it needs is asked — the rectification
    requirements and period, the suggestions, or the referral (when a finding is punishable or the outcome is a
    referral). The findings a 笔录 recorded are kept, folded away to amend (e.g. after a testing result); a written
    inspection records its findings here."""

    late_entry = True
    chooser = "outcome"
    folded_label = "修改监察内容的检查结果（如检测结论改变了认定）"
    PATH_FIELDS = {
        Outcome.VIOLATION: ("rectification_requirements", "rectification_months"),
        Outcome.DIRECT_PENALTY: ("rec_department", "rec_basis", "rec_facts"),
        Outcome.UNREASONABLE: ("suggestions",),
        Outcome.NONE: (),
    }
    REFERRAL_FIELDS = ("rec_department", "rec_basis", "rec_facts")
    outcome = forms.ChoiceField(label="处理结果（三（四）6）", choices=Outcome.choices, widget=forms.RadioSelect)
    ended_on = forms.DateField(
        label="监察结束日期",
        widget=DATE,
        help_text="处理文书应在监察结束后规定期限内送达（三（四）6(4)）；默认为现场监察笔录所载的结束时间。",
    )
    rectification_requirements = forms.CharField(
        label="整改要求", max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    rectification_months = forms.IntegerField(
        label="整改期限（月）", min_value=1, max_value=120, help_text="自限期整改通知书送达之日起计算（三（四）6(6)）。"
    )
    suggestions = forms.CharField(
        label="改进建议（节能监察建议书）", max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        case = self.case
        record = getattr(case, "site_record", None)
        self.fields["ended_on"].initial = timezone.localdate(record.ended_at) if record else inspection_day(case)
        finding_fields = [k for k in self.fields if k.startswith(("result_", "facts_", "basis_", "punishable_"))]
        if record is not None:
            self.folded = tuple(finding_fields)
        choice = self.choice
        keep = {"outcome", "ended_on", "late_reason", *finding_fields, *self.PATH_FIELDS.get(choice, ())}
        if choice == Outcome.DIRECT_PENALTY or (choice == Outcome.VIOLATION and self._punishable()):
            # a referral, or a violation the law says must be punished: the referral is asked, and required
            self.recommendation_required = True
            keep |= set(self.REFERRAL_FIELDS)
        for name in [n for n in self.fields if n not in keep]:
            del self.fields[name]
        for name in self.REFERRAL_FIELDS:
            if name in self.fields:
                self.fields[name].required = True
        self.order_fields(["outcome", "ended_on", *self.PATH_FIELDS.get(choice, ()), *self.REFERRAL_FIELDS])

    def _punishable(self) -> bool:
        """Whether a finding is marked punishable: as submitted, else as recorded."""
        if self.is_bound:
            return any(self.data.get(f"punishable_{f.item}") for f in self.case.findings.all())
        return self.case.findings.filter(punishable=True).exists()

    def service_kwargs(self) -> dict:
        data = super().service_kwargs()
        for name in ("rectification_requirements", "suggestions"):
            data.setdefault(name, "")
        data.setdefault("rectification_months", None)
        return data


class OutcomeConfirmForm(StepForm):
    approve = forms.TypedChoiceField(
        label="决定",
        choices=[("1", "同意处理意见"), ("0", "退回承办人员")],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    reasons = forms.CharField(label="意见", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class ReportForm(StepForm):
    late_entry = True
    received_on = forms.DateField(label="收到整改结果日期", widget=DATE, initial=timezone.localdate)
    summary = forms.CharField(label="整改结果", max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))
    uploads = MultipleFileField(label="被监察单位书面报送的整改结果报告及佐证材料")


class VerifyForm(StepForm):
    late_entry = True
    verified_on = forms.DateField(label="核查日期", widget=DATE, initial=timezone.localdate)
    result = forms.ChoiceField(label="核查结论", choices=VerificationResult.choices, widget=forms.RadioSelect)
    notes = forms.CharField(label="核查情况", max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))


class EscalateForm(RecommendationFields):
    recommendation_required = True
    reason = forms.CharField(
        label="移送处理说明", max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
        initial="整改期限届满未整改或整改未到位",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["recommend"]


class ExtensionRequestForm(StepForm):
    late_entry = True
    received_on = forms.DateField(label="收到书面申请日期", widget=DATE, initial=timezone.localdate)
    requested_months = forms.IntegerField(label="申请延期（月）", min_value=1, max_value=120)
    reasons = forms.CharField(label="申请理由", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    upload = forms.FileField(label="书面申请（扫描件）", required=False)


class ExtensionDecideForm(StepForm):
    late_entry = True
    approve = forms.TypedChoiceField(
        label="决定",
        choices=[("1", "准予延期"), ("0", "不予延期")],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    granted_months = forms.IntegerField(
        label="准予延期（月）",
        required=False,
        min_value=1,
        max_value=120,
        help_text="不得超过申请的月数；不填即按申请的月数。",
    )
    reasons = forms.CharField(label="决定理由", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    decided_on = forms.DateField(label="决定日期", widget=DATE, initial=timezone.localdate)


class CloseForm(StepForm):
    late_entry = True
    reason = forms.CharField(label="结案说明", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    closed_on = forms.DateField(label="结案日期", widget=DATE, initial=timezone.localdate)


# ---------------------------------------------------------------- list filters (linggao_mi.lists)


class CaseFilterForm(lists.FilterForm):
    """The case list's filters; the unit is found with the search box (5 000 units are no menu)."""

    state = forms.ChoiceField(label="状态", required=False, choices=[("", "全部"), *CaseState.choices])
    mode = forms.ChoiceField(label="监察方式", required=False, choices=[("", "全部"), *Mode.choices])
    trigger = forms.ChoiceField(label="监察类型", required=False, choices=[("", "全部"), *Trigger.choices])
    planned_from = forms.DateField(label="计划日期自", required=False, widget=DATE)
    planned_to = forms.DateField(label="计划日期至", required=False, widget=DATE)
    overdue = forms.BooleanField(label="仅看有逾期期限的", required=False)

    def filter_planned_from(self, queryset, value):
        return queryset.filter(planned_date__gte=value)

    def filter_planned_to(self, queryset, value):
        return queryset.filter(planned_date__lte=value)

    def filter_overdue(self, queryset, value):
        return with_overdue_deadline(queryset)


class UnitFilterForm(lists.FilterForm):
    key = forms.BooleanField(label="仅看重点用能单位", required=False)

    def filter_key(self, queryset, value):
        return queryset.filter(is_key_unit=True)
