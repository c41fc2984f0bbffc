"""Forms of 三（一）/三（二）'s pages: each step form's `service_kwargs()` is what its service takes."""

from django import forms
from django.contrib.auth.models import User
from django.utils import timezone

from energy.choices import CheckItem, Mode
from energy.models import EnergyUnit
from linggao_mi.casework.forms import DATE, CalendarDates, MultipleFileField, StepForm
from linggao_mi.org.models import Department, Section

from . import rules
from .choices import (
    CheckContent,
    CheckMethod,
    CheckOrigin,
    ComplaintKind,
    FaultSituation,
    NoticeDecision,
    NoticeSituation,
    Referral,
    ReviewResult,
    Sanction,
)
from .models import DiscretionCircumstance, OversightCheck

CHECKBOXES = forms.CheckboxSelectMultiple
TEXT = forms.Textarea(attrs={"rows": 3})


def staff():
    return User.objects.filter(is_active=True, profile__isnull=False).order_by("pk")


def handlers_field():
    return forms.ModelMultipleChoiceField(
        staff(), label="承办人员", help_text="本股室持有有效行政执法证件的人员", widget=CHECKBOXES
    )


def today():
    return timezone.localdate()


class PlainForm(CalendarDates, forms.Form):
    """A form that opens a case (no case yet)."""

    def service_kwargs(self) -> dict:
        return dict(self.cleaned_data)


class CheckOpenForm(PlainForm):
    origin = forms.ChoiceField(label="检查缘由", choices=CheckOrigin.choices)
    origin_note = forms.CharField(label="部署文件或缘由说明", required=False, widget=TEXT)
    checked_sections = forms.ModelMultipleChoiceField(Section.objects.all(), label="受查股室", widget=CHECKBOXES)
    checked_staff = forms.ModelMultipleChoiceField(staff(), label="受查工作人员", required=False, widget=CHECKBOXES)
    contents = forms.MultipleChoiceField(label="检查内容（三（一）2）", choices=CheckContent.choices, widget=CHECKBOXES)
    methods = forms.MultipleChoiceField(
        label="检查方式（三（一）3，可结合进行）", choices=CheckMethod.choices, widget=CHECKBOXES
    )
    started_on = forms.DateField(label="检查开始日期", widget=DATE, initial=today)
    inspectors = handlers_field()

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["checked_sections"], data["checked_staff"] = list(data["checked_sections"]), list(data["checked_staff"])
        data["inspectors"] = list(data["inspectors"])
        return data


class FileScoreForm(StepForm):
    reference = forms.CharField(label="案号", max_length=60, help_text="任何监管业务的案号，如 临工信节监〔2026〕1号")
    scored_on = forms.DateField(label="评查日期", widget=DATE, initial=today)
    problems = forms.CharField(label="存在问题", required=False, widget=TEXT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, points in rules.SCORE_SHEET.items():
            self.fields[f"item_{name}"] = forms.IntegerField(
                label=f"{name}（满分{points}分）", min_value=0, max_value=points
            )

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "reference": data["reference"],
            "scored_on": data["scored_on"],
            "problems": data["problems"],
            "items": {name: data[f"item_{name}"] for name in rules.SCORE_SHEET},
        }


class SiteCheckForm(StepForm):
    checked_on = forms.DateField(label="现场核查日期", widget=DATE, initial=today)
    notes = forms.CharField(label="现场核查情况", widget=TEXT)


class SummarizeForm(StepForm):
    summary = forms.CharField(label="检查总结", widget=forms.Textarea(attrs={"rows": 5}))
    opinions = forms.CharField(
        label="整改意见（普遍性、倾向性问题）",
        required=False,
        widget=TEXT,
        help_text="有整改意见的，通报受查股室并跟踪其整改纠正情况报告；未发现问题的留空",
    )
    summarized_on = forms.DateField(label="总结日期", widget=DATE, initial=today)
    report_days = forms.IntegerField(
        label="报告期限（日）", required=False, min_value=1, max_value=365, help_text="留空按期限规则的默认天数"
    )


class ReportForm(StepForm):
    late_entry = True
    received_on = forms.DateField(label="收到日期", widget=DATE, initial=today)
    summary = forms.CharField(label="报告内容摘要", widget=TEXT)
    uploads = MultipleFileField(label="书面报告（扫描件）")


class ReasonForm(StepForm):
    reason = forms.CharField(label="说明", required=False, widget=TEXT)


class SupervisionOpenForm(PlainForm):
    source_check = forms.ModelChoiceField(OversightCheck.objects.all(), label="来源监督检查", required=False)
    checked_section = forms.ModelChoiceField(Section.objects.all(), label="被检查的单位")
    situations = forms.MultipleChoiceField(
        label="情形（三（一）5）", choices=NoticeSituation.choices, widget=CHECKBOXES
    )
    decision = forms.ChoiceField(label="处理", choices=NoticeDecision.choices)
    facts = forms.CharField(label="认定的事实和理由", widget=forms.Textarea(attrs={"rows": 5}))
    decision_text = forms.CharField(label="处理的决定", widget=TEXT)
    basis = forms.CharField(label="处理依据", widget=TEXT)
    execution = forms.CharField(label="执行处理决定的方式", widget=TEXT)
    correction_days = forms.IntegerField(label="执行期限（日）", min_value=1, max_value=365, initial=30)
    inspectors = handlers_field()

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["inspectors"] = list(data["inspectors"])
        return data


class ReviewApplyForm(StepForm):
    late_entry = True
    received_on = forms.DateField(label="收到复查申请日期", widget=DATE, initial=today)
    grounds = forms.CharField(label="申请理由", widget=TEXT)
    uploads = MultipleFileField(label="书面复查申请（扫描件）")


class ReviewDraftForm(StepForm):
    result = forms.ChoiceField(label="复查决定", choices=ReviewResult.choices, widget=forms.RadioSelect)
    reasons = forms.CharField(label="复查理由", widget=forms.Textarea(attrs={"rows": 5}))


class FaultOpenForm(PlainForm):
    person = forms.ModelChoiceField(staff(), label="责任人")
    situations = forms.MultipleChoiceField(
        label="过错情形（三（一）6）", choices=FaultSituation.choices, widget=CHECKBOXES
    )
    evidence = forms.CharField(label="证据", widget=forms.Textarea(attrs={"rows": 5}))
    inspectors = handlers_field()

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["inspectors"] = list(data["inspectors"])
        return data


class DecisionDraftForm(StepForm):
    sanctions = forms.MultipleChoiceField(label="处理（三（一）6）", choices=Sanction.choices, widget=CHECKBOXES)
    reasons = forms.CharField(label="处理理由（过错行为的性质、情节、后果）", widget=forms.Textarea(attrs={"rows": 5}))
    effective_from = forms.DateField(
        label="生效日期",
        required=False,
        widget=DATE,
        help_text="暂停执法活动或取消执法资格的必填：自该日起行政执法证不再有效",
    )


class ReferForm(StepForm):
    referrals = forms.MultipleChoiceField(label="移送", choices=Referral.choices, widget=CHECKBOXES)
    note = forms.CharField(label="移送情况", widget=TEXT)


class LegalDecideForm(forms.Form):
    passed = forms.TypedChoiceField(
        label="审核结论",
        choices=[("1", "通过"), ("0", "退回修改")],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    opinion = forms.CharField(
        label="书面审核意见", required=False, widget=forms.Textarea(attrs={"rows": 4}), help_text="退回的须写明意见"
    )


class PenaltyForm(forms.Form):
    circumstance = forms.ModelChoiceField(
        DiscretionCircumstance.objects.select_related("standard").order_by("standard__position", "id"),
        label="裁量基准及情形",
    )
    amount = forms.IntegerField(label="建议罚款（元）", required=False, min_value=0)
    reasons = forms.CharField(label="说明理由", widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .services.discretion import penalty_suggest

        self.fields["circumstance"].label_from_instance = lambda c: penalty_suggest(c).text


class ComplaintForm(forms.Form):
    kind = forms.ChoiceField(label="类型", choices=ComplaintKind.choices, widget=forms.RadioSelect)
    subject = forms.CharField(label="事项", max_length=100, help_text="如：对某次执法检查的申诉")
    content = forms.CharField(
        label="具体内容",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="涉及的股室或人员、时间、经过和您的请求",
    )
    name = forms.CharField(label="姓名或单位（可不填）", max_length=100, required=False)
    phone = forms.RegexField(
        label="手机号码（可不填，用于短信告知结果）",
        regex=r"^1\d{10}$",
        required=False,
        error_messages={"invalid": "请输入11位手机号码。"},
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label="电子邮箱（可不填，用于邮件告知结果）",
        required=False,
        error_messages={"invalid": "请输入有效的电子邮箱地址。"},
    )
    uploads = MultipleFileField(label="附件（照片、录音、视频或PDF，可不传）")


class TrackForm(forms.Form):
    tracking_number = forms.CharField(label="受理编号", max_length=20)
    secret = forms.CharField(label="查询密码", max_length=20, widget=forms.PasswordInput(render_value=True))


class InvestigateForm(CalendarDates, forms.Form):
    checked_sections = forms.ModelMultipleChoiceField(Section.objects.all(), label="受查股室", widget=CHECKBOXES)
    contents = forms.MultipleChoiceField(label="调查内容（三（一）2）", choices=CheckContent.choices, widget=CHECKBOXES)
    methods = forms.MultipleChoiceField(label="调查方式（三（一）3）", choices=CheckMethod.choices, widget=CHECKBOXES)
    inspectors = handlers_field()
    note = forms.CharField(label="分办说明", required=False, widget=TEXT)

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["checked_sections"], data["inspectors"] = list(data["checked_sections"]), list(data["inspectors"])
        return {**data, "started_on": today()}


class EnergyTriageForm(CalendarDates, forms.Form):
    unit = forms.ModelChoiceField(EnergyUnit.objects.all(), label="被监察单位")
    mode = forms.ChoiceField(label="监察方式", choices=Mode.choices, initial=Mode.ONSITE)
    planned_date = forms.DateField(
        label="监察日期",
        widget=DATE,
        initial=today,
        help_text="处理举报、投诉的现场监察无需提前7日书面通知（三（四）5(2)）",
    )
    items = forms.MultipleChoiceField(label="监察内容（三（四）2）", choices=CheckItem.choices, widget=CHECKBOXES)
    inspectors = forms.ModelMultipleChoiceField(
        staff(), label="监察人员", widget=CHECKBOXES, help_text="现场监察2名以上，持有效行政执法证件"
    )
    note = forms.CharField(label="分办说明", required=False, widget=TEXT)

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["inspectors"] = list(data["inspectors"])
        return data


class ReferTriageForm(forms.Form):
    department = forms.ModelChoiceField(
        Department.objects.filter(is_bureau=False, assignments__isnull=False).distinct(),
        label="移送部门",
        help_text="职责边界表中负责该事项的部门",
    )
    note = forms.CharField(label="移送理由", widget=TEXT)

    def service_kwargs(self) -> dict:
        return dict(self.cleaned_data)


class AnswerForm(forms.Form):
    feedback = forms.CharField(
        label="处理结果反馈",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="将显示在查询页面，并以短信、电子邮件告知（提交人留有的）",
    )

    def service_kwargs(self) -> dict:
        return dict(self.cleaned_data)
