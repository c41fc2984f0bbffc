"""The lists of 三（五） (linggao_mi.lists): projects by trigger and by next check, searched, sorted and exported."""

from django import forms
from django.db.models import Exists, OuterRef

from linggao_mi import lists

from .choices import TriggerCode
from .models import ProjectTrigger

ANY = "any"


class ProjectFilterForm(lists.FilterForm):
    trigger = forms.ChoiceField(
        label="违法违规情形", required=False, choices=[("", "全部项目"), (ANY, "有任一情形"), *TriggerCode.choices]
    )

    def filter_trigger(self, queryset, value):
        triggers = ProjectTrigger.objects.filter(project=OuterRef("pk"))
        return queryset.filter(Exists(triggers if value == ANY else triggers.filter(code=value)))


def trigger_summary(project) -> str:
    return "；".join(f"{t.get_code_display()}（{t.clause}，{t.since:%Y-%m-%d}起）" for t in project.triggers.all())


PROJECTS = lists.ListSpec(
    template="fixed_asset/project_list.html",
    filename="固定资产投资项目",
    search=lists.Search(
        "name", "owner__name", "owner__credit_code", "review_opinion_number", "location",
        label="项目名称、建设单位、统一社会信用代码、审查意见文号或建设地点",
    ),
    filters=ProjectFilterForm,
    columns=(
        lists.Column("name", "项目名称", sort=("name",), width=30),
        lists.Column("owner", "项目建设单位", "owner.name", sort=("owner__name",), width=30),
        lists.Column("credit_code", "统一社会信用代码", "owner.credit_code", page=False, width=22),
        lists.Column("location", "建设地点", page=False, width=20),
        lists.Column("review_status", "节能审查情况", "get_review_status_display", width=16),
        lists.Column("review_opinion_number", "审查意见文号", page=False, width=20),
        lists.Column("review_passed_on", "通过节能审查日期", sort=("review_passed_on",), nulls_last=True, width=14),
        lists.Column("approved_annual_consumption_tce", "核定年综合能源消费量（吨标准煤）", page=False, width=14),
        lists.Column("construction_started_on", "实际开工日期", width=14),
        lists.Column("triggers", "违法违规情形（三（五）2）", trigger_summary, width=40),
        lists.Column("next_check", "下次定期检查期限", "next_check_due", sort=("next_check_due",), nulls_last=True,
                     width=14),
        lists.Column("created_at", "登记时间", sort=("created_at",), page=False, width=18),
    ),
    default_sort=("-created_at", "-id"),
)
