"""The staff lists of 三（三）（六）～（九) (linggao_mi.lists): IT projects, tender results, key projects, monthly
meetings, plan filings and briefings — each searched (by 案号 where it has one), filtered, sorted and exported."""

from django import forms
from django.db.models import Exists, OuterRef

from linggao_mi import lists

from .choices import (
    BriefingKind,
    BriefingState,
    BuildKind,
    FilerKind,
    Funding,
    KeyProjectKind,
    KeyProjectState,
    PlanState,
    ProjectState,
)
from .models import MeetingDecision


def _all(choices) -> list:
    return [("", "全部"), *choices]


class ProjectFilterForm(lists.FilterForm):
    state = forms.ChoiceField(label="状态", required=False, choices=_all(ProjectState.choices))
    funding = forms.ChoiceField(label="资金来源", required=False, choices=_all(Funding.choices))
    build_kind = forms.ChoiceField(label="建设性质", required=False, choices=_all(BuildKind.choices))
    outside_plan = forms.BooleanField(label="仅看规划外项目", required=False)

    def filter_outside_plan(self, queryset, value):
        return queryset.filter(plan__isnull=True)


class TenderFilterForm(lists.FilterForm):
    published = forms.ChoiceField(label="公告", required=False,
                                  choices=[("", "全部"), ("yes", "已公告"), ("no", "未公告")])

    def filter_published(self, queryset, value):
        return queryset.filter(published_on__isnull=value == "no")


class KeyFilterForm(lists.FilterForm):
    state = forms.ChoiceField(label="状态", required=False, choices=_all(KeyProjectState.choices))
    kind = forms.ChoiceField(label="类别", required=False, choices=_all(KeyProjectKind.choices))


class MeetingFilterForm(lists.FilterForm):
    year = forms.IntegerField(label="年度", required=False, min_value=2000, max_value=2100)
    open_decisions = forms.BooleanField(label="仅看有未完成议定事项的", required=False)

    def filter_open_decisions(self, queryset, value):
        return queryset.filter(Exists(MeetingDecision.objects.filter(meeting=OuterRef("pk"), done_on__isnull=True)))


class PlanFilterForm(lists.FilterForm):
    state = forms.ChoiceField(label="状态", required=False, choices=_all(PlanState.choices))
    filer_kind = forms.ChoiceField(label="编制单位类别", required=False, choices=_all(FilerKind.choices))


class BriefingFilterForm(lists.FilterForm):
    state = forms.ChoiceField(label="状态", required=False, choices=_all(BriefingState.choices))
    kind = forms.ChoiceField(label="类别", required=False, choices=_all(BriefingKind.choices))
    period_year = forms.IntegerField(label="年度", required=False, min_value=2000, max_value=2100)


REFERENCE = lists.Column("reference", "编号", sort=("year", "serial"), width=24)
STATE = lists.Column("state", "状态", "get_state_display", sort=("state",), width=16)
SECTION = lists.Column("section", "承办股室", "section.name", page=False, width=12)
CREATED_AT = lists.Column("created_at", "登记时间", sort=("created_at",), page=False, width=18)


def _plan(project) -> str:
    return "规划外" if project.plan_id is None else project.plan.filer_name


PROJECTS = lists.ListSpec(
    template="infoproj/project_list.html",
    filename="信息化工程项目",
    search=lists.Search("name", "owner_unit", reference=True, label="编号、项目名称或建设单位"),
    filters=ProjectFilterForm,
    columns=(
        REFERENCE,
        lists.Column("name", "项目名称", sort=("name",), width=30),
        lists.Column("owner_unit", "项目建设单位", sort=("owner_unit",), width=24),
        lists.Column("funding", "资金来源", "get_funding_display", page=False, width=16),
        lists.Column("build_kind", "建设性质", "get_build_kind_display", page=False, width=10),
        lists.Column("budget", "批复概算（万元）", sort=("budget",), width=12),
        STATE,
        lists.Column("plan", "规划", _plan, width=20),
        SECTION,
        *lists.NEXT_DEADLINE,
        CREATED_AT,
    ),
    default_sort=("-created_at", "-id"),
)

TENDERS = lists.ListSpec(
    template="infoproj/tender_staff_list.html",
    filename="中标成交结果",
    search=lists.Search("project_title", "project_number", "winner_name", "project__name",
                        label="项目名称、项目编号或中标（成交）供应商"),
    filters=TenderFilterForm,
    columns=(
        lists.Column("project", "工程编号", "project.reference", sort=("project__year", "project__serial"), width=24),
        lists.Column("project_title", "项目名称", sort=("project_title",), width=30),
        lists.Column("project_number", "项目编号", page=False, width=18),
        lists.Column("winner_name", "中标（成交）供应商", sort=("winner_name",), width=30),
        lists.Column("winner_amount", "中标（成交）金额（元）", sort=("winner_amount",), width=16),
        lists.Column("winner_determined_on", "供应商确定日期", sort=("winner_determined_on",), width=14),
        lists.Column("notice_sent_on", "通知书发出日期", page=False, width=14),
        lists.Column("published_on", "公告日期", sort=("published_on",), nulls_last=True, width=14),
        lists.Column("media", "指定媒体", page=False, width=20),
    ),
    default_sort=("-winner_determined_on", "-id"),
)

KEY_PROJECTS = lists.ListSpec(
    template="infoproj/key_list.html",
    filename="重点项目",
    search=lists.Search("name", "owner_unit", "location", reference=True, label="编号、项目名称、业主或建设地点"),
    filters=KeyFilterForm,
    columns=(
        REFERENCE,
        lists.Column("name", "项目名称", sort=("name",), width=30),
        lists.Column("kind", "类别", "get_kind_display", sort=("kind",), width=14),
        lists.Column("owner_unit", "项目业主", sort=("owner_unit",), width=24),
        lists.Column("location", "建设地点", page=False, width=20),
        lists.Column("investment", "计划总投资（万元）", sort=("investment",), width=12),
        lists.Column("weeks", "周跟踪（周）", sort=("weeks",), width=10, heading="周跟踪"),
        STATE,
        SECTION,
        *lists.NEXT_DEADLINE,
        CREATED_AT,
    ),
    default_sort=("-created_at", "-id"),
)


def _decisions(meeting) -> str:
    return "；".join(
        f"{d.project.name}：{d.decision}（{d.owner}，{d.due_on:%Y-%m-%d}前{'，已完成' if d.done_on else ''}）"
        for d in meeting.decisions.all()
    )


MEETINGS = lists.ListSpec(
    template="infoproj/meeting_list.html",
    filename="月碰头会",
    search=lists.Search("attendees", "summary", label="参会人员或会议纪要"),
    filters=MeetingFilterForm,
    columns=(
        lists.Column("meeting", "会议", str, sort=("year", "month"), width=16),
        lists.Column("held_on", "会议日期", sort=("held_on",), width=14),
        lists.Column("attendees", "参会人员", width=30),
        lists.Column("summary", "会议纪要", page=False, width=40),
        lists.Column("decisions", "议定事项", _decisions, width=50),
    ),
    default_sort=("-held_on", "-id"),
)

PLANS = lists.ListSpec(
    template="infoproj/plan_list.html",
    filename="信息化发展规划备案",
    search=lists.Search(
        "filer_name", "title", "approval_number", reference=True, label="编号、编制单位、规划名称或批准文号"
    ),
    filters=PlanFilterForm,
    columns=(
        REFERENCE,
        lists.Column("filer_name", "编制单位", sort=("filer_name",), width=24),
        lists.Column("filer_kind", "编制单位类别", "get_filer_kind_display", page=False, width=16),
        lists.Column("title", "规划名称", sort=("title",), width=30),
        lists.Column("period", "规划期", lambda p: f"{p.period_from}—{p.period_to}", sort=("period_from", "period_to"),
                     width=12),
        lists.Column("submitted_on", "报送日期", sort=("submitted_on",), width=14),
        lists.Column("acknowledged_on", "备案日期", page=False, width=14),
        STATE,
        SECTION,
        CREATED_AT,
    ),
    default_sort=("-created_at", "-id"),
)

BRIEFINGS = lists.ListSpec(
    template="infoproj/briefing_list.html",
    filename="简报与报告",
    search=lists.Search("document__number", "document__title", reference=True, label="编号、文号或标题"),
    filters=BriefingFilterForm,
    columns=(
        REFERENCE,
        lists.Column("kind", "类别", "get_kind_display", sort=("kind",), width=30),
        lists.Column("period", "期间", "period_label", sort=("period_year", "quarter"), nulls_last=True, width=16),
        lists.Column("document", "文书", lambda b: b.document and (b.document.number or b.document.title), width=24),
        STATE,
        SECTION,
        CREATED_AT,
    ),
    default_sort=("-created_at", "-id"),
)
