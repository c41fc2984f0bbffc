"""Forms of the infoproj pages; the services check the rules again (and alone decide)."""

import datetime
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils import timezone

from linggao_mi.casework.forms import DATE, CalendarDates, StepForm
from linggao_mi.org.models import Department

from . import services
from .choices import (
    Assessment,
    BriefingKind,
    CheckMethod,
    ComplaintSource,
    Implementation,
    LawBasis,
    PlanCheckMethod,
    TenderDocKind,
)
from .models import (
    ITProject,
    KeyProject,
    PlanFiling,
    TenderAnnouncement,
)
from .selectors import plans_in_force
from .services.tendering import ANNOUNCEMENT_FIELDS, ITEM_FIELDS

VERDICT = [("1", "通过"), ("0", "不予通过")]
YES_NO = [("1", "是"), ("0", "否")]
SEPARATORS = ("｜", "|")


def _date(label: str, **kwargs) -> forms.DateField:
    return forms.DateField(label=label, widget=DATE, initial=timezone.localdate, **kwargs)


def _text(label: str, required: bool = True, rows: int = 3, **kwargs) -> forms.CharField:
    return forms.CharField(label=label, required=required, widget=forms.Textarea(attrs={"rows": rows}), **kwargs)


def _lines(value: str, columns: int, what: str) -> list[list[str]]:
    """Rows typed one a line, columns separated by ｜ (or |)."""
    rows = []
    for n, line in enumerate(filter(None, (x.strip() for x in value.splitlines())), start=1):
        for sep in SEPARATORS:
            line = line.replace(sep, "\x1f")
        cells = [c.strip() for c in line.split("\x1f")]
        if len(cells) != columns:
            raise forms.ValidationError(f"{what}第{n}行应有{columns}栏，以“｜”分隔，现为{len(cells)}栏。")
        rows.append(cells)
    return rows


# ---------------------------------------------------------------- IT projects


class PlanChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.filer_name}《{obj.title}》（{obj.period_from}—{obj.period_to}）"


class ProjectRegisterForm(CalendarDates, forms.ModelForm):
    class Meta:
        model = ITProject
        fields = ["name", "owner_unit", "owner_contact", "funding", "build_kind", "budget", "approved_scale",
                  "approved_content", "plan"]
        widgets = {
            "approved_scale": forms.Textarea(attrs={"rows": 3}),
            "approved_content": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"] = PlanChoiceField(
            plans_in_force(timezone.localdate().year), label="所依据的信息化发展规划", required=False,
            empty_label="（不在已备案的规划内：规划外项目）",
        )


class ReviewForm(StepForm):
    late_entry = True
    gate_date_label = "审核日期"

    reviewed_on = _date("审核日期")
    experts = _text("评审专家", rows=2)
    standards_implemented = forms.TypedChoiceField(
        label="落实信息化标准", choices=YES_NO, coerce=lambda v: v == "1", widget=forms.RadioSelect
    )
    standards_opinion = _text("信息化标准落实情况")
    passed = forms.TypedChoiceField(label="结论", choices=VERDICT, coerce=lambda v: v == "1", widget=forms.RadioSelect)
    opinions = _text("评审（整改）意见", required=False, help_text="不予通过的必填；通过但有整改要求的也在此写明。")

    def review(self) -> services.ReviewInput:
        d = self.cleaned_data
        return services.ReviewInput(
            d["reviewed_on"], d["experts"], d["standards_implemented"], d["standards_opinion"], d["passed"],
            d["opinions"],
        )

    def service_kwargs(self) -> dict:
        return {"review": self.review(), "late_reason": self.cleaned_data.get("late_reason", "")}


class TenderReviewForm(ReviewForm):
    law_compliant = forms.TypedChoiceField(
        label="符合招投标和政府采购法律法规", choices=YES_NO, coerce=lambda v: v == "1", widget=forms.RadioSelect
    )
    scale_compliant = forms.TypedChoiceField(
        label="按照批复的建设规模和内容编制", choices=YES_NO, coerce=lambda v: v == "1", widget=forms.RadioSelect
    )

    def service_kwargs(self) -> dict:
        return {**super().service_kwargs(), "law_compliant": self.cleaned_data["law_compliant"],
                "scale_compliant": self.cleaned_data["scale_compliant"]}


class TenderSubmitForm(StepForm):
    late_entry = True
    submitted_on = _date("报送日期")
    upload = forms.FileField(label="招标文件（PDF）")


class AnnouncementForm(StepForm):
    """The announcement's fields of 三（八）5(2), its items one a line, and the documents published with it."""

    items = _text(
        "主要中标（成交）标的", required=False, rows=4,
        help_text="每行一项：名称｜规格型号｜数量｜单价（元）｜服务要求",
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        announcement = getattr(case, "announcement", None)
        defaults = {"purchaser_name": case.owner_unit, "project_title": case.name}
        for name in ANNOUNCEMENT_FIELDS + ["experts", "media"]:
            field = TenderAnnouncement._meta.get_field(name).formfield(required=False)
            if name == "experts":
                field.widget = forms.Textarea(attrs={"rows": 2})
            field.initial = getattr(announcement, name) if announcement else defaults.get(name)
            self.fields[name] = field
        if announcement is not None:
            self.fields["items"].initial = "\n".join(
                "｜".join("" if getattr(i, f) is None else str(getattr(i, f)) for f in ITEM_FIELDS)
                for i in announcement.items.all()
            )
        for kind in TenderDocKind:
            self.fields[f"doc_{kind.value}"] = forms.FileField(label=f"{kind.label}（PDF）", required=False)
        self.order_fields([f for f in self.fields if f not in ("items",)] + ["items"])

    def clean_items(self):
        items = []
        for name, spec, quantity, price, service in _lines(self.cleaned_data["items"], 5, "标的"):
            try:
                unit_price = Decimal(price.replace(",", "")) if price else None
            except InvalidOperation:
                raise forms.ValidationError(f"单价“{price}”不是数字。") from None
            items.append(services.ItemInput(name, spec, quantity, unit_price, service))
        return items

    def service_kwargs(self) -> dict:
        d = self.cleaned_data
        fields = {name: d[name] for name in ANNOUNCEMENT_FIELDS + ["experts", "media"]}
        documents = [(kind.value, d[f"doc_{kind.value}"]) for kind in TenderDocKind if d.get(f"doc_{kind.value}")]
        return {"fields": fields, "items": d["items"], "documents": documents}


class WinnerForm(AnnouncementForm):
    late_entry = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["determined_on"] = _date("中标、成交供应商确定日期")
        self.order_fields(["determined_on"] + [f for f in self.fields if f != "determined_on"])

    def service_kwargs(self) -> dict:
        return {**super().service_kwargs(), "determined_on": self.cleaned_data["determined_on"],
                "late_reason": self.cleaned_data.get("late_reason", "")}


class PublishForm(StepForm):
    notice_sent_on = _date("中标、成交通知书发出日期")
    published_on = _date("公告日期")
    late_reason = _text("逾期原因", required=False, rows=2, help_text="超过公告期限发布的必填。")


class RoutineCheckForm(StepForm):
    late_entry = True
    checked_on = _date("检查日期")
    group_members = _text("检查小组", rows=2)
    methods = forms.MultipleChoiceField(
        label="检查方式", choices=CheckMethod.choices, widget=forms.CheckboxSelectMultiple
    )
    progress_ok = forms.BooleanField(label="项目进度按照计划推进", required=False)
    funds_ok = forms.BooleanField(label="资金使用情况合理", required=False)
    quality_ok = forms.BooleanField(label="质量安全符合要求", required=False)
    findings = _text("检查意见")
    rectification = _text("整改措施", required=False)
    rectification_days = forms.IntegerField(label="整改期限（日）", required=False, min_value=1, max_value=365)
    referred_to = forms.ModelChoiceField(
        Department.objects.filter(is_bureau=False), label="通报处罚的部门", required=False
    )
    referral_basis = _text("违反的法律法规", required=False, rows=2)


class RectifiedForm(StepForm):
    check = forms.ModelChoiceField(queryset=None, label="检查")
    rectified_on = _date("整改完成日期")

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        self.fields["check"].queryset = case.checks.filter(deadline__isnull=False, rectified_on__isnull=True)


class ChangeRequestForm(StepForm):
    requested_on = _date("申请日期")
    description = _text("变更内容及理由")
    budget_after = forms.DecimalField(label="变更后概算（万元）", min_value=0, max_digits=14, decimal_places=2)


class ChangeDecideForm(StepForm):
    approved = forms.TypedChoiceField(label="审批", choices=[("1", "批准"), ("0", "不予批准")],
                                      coerce=lambda v: v == "1", widget=forms.RadioSelect)
    decided_on = _date("审批日期")
    reasons = _text("审批意见")


class ContractCheckForm(StepForm):
    checked_on = _date("检查日期")
    against_contract = forms.BooleanField(label="竣工验收：检查承建单位是否完成合同内容", required=False)
    contract_fulfilled = forms.BooleanField(label="合同双方按约履行（已完成合同内容）", required=False)
    findings = _text("检查情况")
    rectification = _text("责令整改内容", required=False)
    basis = forms.ChoiceField(label="处罚依据的法律", choices=[("", "—")] + LawBasis.choices, required=False)
    basis_article = forms.CharField(label="条款", required=False, max_length=100)
    penalty = _text("对责任方的处罚", required=False, rows=2)


class ComplaintForm(StepForm):
    source = forms.ChoiceField(label="类别", choices=ComplaintSource.choices)
    received_on = _date("收到日期")
    complainant = forms.CharField(label="投诉（举报）人", max_length=100)
    content = _text("投诉（举报）内容")
    investigation = _text("调查情况")
    handling = _text("处理意见（责令整改）")
    basis = forms.ChoiceField(label="依据的法律", choices=LawBasis.choices)
    basis_article = forms.CharField(label="条款", max_length=100)
    penalty = _text("对责任人的处罚", required=False, rows=2)
    concluded_on = _date("办结日期")


class PlanCorrectForm(StepForm):
    correction = _text("会同有关部门纠正的情况")
    plan = PlanChoiceField(PlanFiling.objects.none(), label="纳入的已备案规划", required=False)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        self.fields["plan"].queryset = plans_in_force(timezone.localdate().year)


class AcceptanceApplyForm(StepForm):
    late_entry = True
    applied_on = _date("申请日期")
    application = _text("申请说明")


class EvaluateForm(StepForm):
    evaluated_on = _date("评价日期")
    experts = _text("专家团队", rows=2)
    management_score = forms.DecimalField(label="项目管理得分（满分30）", min_value=0, max_value=30, decimal_places=1)
    output_score = forms.DecimalField(label="系统产出得分（满分30）", min_value=0, max_value=30, decimal_places=1)
    effect_score = forms.DecimalField(label="应用成效得分（满分40）", min_value=0, max_value=40, decimal_places=1)
    comments = _text("评价意见")
    goals_met = forms.BooleanField(label="实现批复的建设目标并达到预期效果", required=False)
    rectification = _text("整改要求", required=False)
    rectification_months = forms.IntegerField(label="整改期限（月）", required=False, min_value=1, max_value=24)


class RefusalForm(StepForm):
    refused_on = _date("认定日期")
    sanction = _text("通报批评或暂停其他项目立项审批的建议")


class CloseForm(StepForm):
    closed_on = _date("结案日期")
    reason = _text("结案说明")


# ---------------------------------------------------------------- key projects


class KeyRegisterForm(CalendarDates, forms.ModelForm):
    class Meta:
        model = KeyProject
        fields = ["name", "kind", "owner_unit", "owner_contact", "investment", "location", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class WeeklyForm(StepForm):
    contacted_on = _date("沟通日期")
    progress = _text("本周进展")
    problems = _text("存在问题", required=False)
    subjective_causes = _text("主观因素", required=False, rows=2)
    objective_causes = _text("客观因素", required=False, rows=2)


class MilestoneForm(StepForm):
    name = forms.CharField(label="节点", max_length=100)
    planned_on = forms.DateField(label="计划完成日期", widget=DATE)


class MilestoneDoneForm(StepForm):
    milestone = forms.ModelChoiceField(queryset=None, label="节点")
    done_on = _date("实际完成日期")

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        self.fields["milestone"].queryset = case.milestones.filter(done_on__isnull=True)


class AssessForm(StepForm):
    year = forms.IntegerField(
        label="考核年度", min_value=2000, max_value=2100, initial=lambda: timezone.localdate().year
    )
    reporting = _text("信息报送情况")
    follow_up = _text("跟踪服务情况")
    result = forms.ChoiceField(label="考核结果", choices=Assessment.choices, widget=forms.RadioSelect)
    published_on = forms.DateField(label="通报日期", widget=DATE, required=False)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        reported, due = services.weeks_reported(case, timezone.localdate().year)
        self.fields["reporting"].initial = f"本年度应报送周跟踪{due}周，已报送{reported}周。"


class CompleteForm(StepForm):
    completed_on = _date("建成日期")


class MeetingForm(CalendarDates, forms.Form):
    held_on = _date("会议日期")
    attendees = _text("参会人员", rows=2)
    summary = _text("会议纪要（项目进展及存在问题）", rows=4)
    decisions = _text(
        "议定事项", rows=4,
        help_text="每行一项：项目案号或名称｜议定事项｜责任单位（人）｜完成时限（如 2026-12-31）",
    )

    def clean_decisions(self):
        tracking = {p.reference: p for p in KeyProject.objects.filter(state="tracking")}
        tracking.update({p.name: p for p in tracking.values()})
        decisions = []
        for key, decision, owner, due in _lines(self.cleaned_data["decisions"], 4, "议定事项"):
            project = tracking.get(key)
            if project is None:
                raise forms.ValidationError(f"“{key}”不是跟踪推进中的重点项目（请填写案号或项目名称）。")
            try:
                due_on = datetime.date.fromisoformat(due)
            except ValueError:
                raise forms.ValidationError(f"完成时限“{due}”应为日期，如 2026-12-31。") from None
            decisions.append(services.DecisionInput(project, decision, owner, due_on))
        return decisions


# ---------------------------------------------------------------- IT plans


class PlanRegisterForm(CalendarDates, forms.ModelForm):
    upload = forms.FileField(label="规划文本（PDF）")

    class Meta:
        model = PlanFiling
        fields = ["filer_kind", "filer_name", "title", "period_from", "period_to", "submitted_on"]
        widgets = {"submitted_on": DATE}


class AcknowledgeForm(StepForm):
    acknowledged_on = _date("备案日期")
    opinion = _text("备案意见")


class CountyApproveForm(StepForm):
    approved_on = _date("县政府批准日期")
    approval_number = forms.CharField(label="批准文号", max_length=80)


class ProvinceFileForm(StepForm):
    filed_on = _date("报省备案日期")
    receipt = forms.CharField(label="省信息化主管部门备案回执", max_length=200)


class PlanCheckForm(StepForm):
    checked_on = _date("检查日期")
    group_members = _text("检查组成员", rows=2)
    methods = forms.MultipleChoiceField(
        label="检查方式（三（六）5(3)）", choices=PlanCheckMethod.choices, widget=forms.CheckboxSelectMultiple
    )
    findings = _text("检查情况")
    implementation = forms.ChoiceField(label="落实情况", choices=Implementation.choices, widget=forms.RadioSelect)
    outside_plan_projects = _text("不按照规划擅自建设的信息化工程", required=False, rows=2)
    correction = _text("会同有关部门纠正情况", required=False, rows=2)


# ---------------------------------------------------------------- briefings


class BriefingCreateForm(CalendarDates, forms.Form):
    kind = forms.ChoiceField(label="类别", choices=BriefingKind.choices, widget=forms.RadioSelect)
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100, initial=lambda: timezone.localdate().year)
    quarter = forms.TypedChoiceField(
        label="季度（季度简报）", required=False, coerce=int, empty_value=None,
        choices=[("", "—"), (1, "第一季度"), (2, "第二季度"), (3, "第三季度"), (4, "第四季度")],
    )


class ConfirmForm(StepForm):
    pass
