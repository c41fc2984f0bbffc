"""The energy regime's lists (linggao_mi.lists): what each shows, searches, sorts by and exports."""

from linggao_mi import lists

from .forms import CaseFilterForm, UnitFilterForm

CASES = lists.ListSpec(
    template="energy/case_list.html",
    filename="节能监察案件",
    search=lists.Search(
        "unit__name", "unit__credit_code", "notice_document__number", "outcome_document__number",
        reference=True, label="案号、文号、单位名称或统一社会信用代码",
    ),
    filters=CaseFilterForm,
    columns=(
        lists.Column("reference", "案号", sort=("year", "serial"), width=22),
        lists.Column("unit", "被监察单位", "unit.name", sort=("unit__name",), width=30),
        lists.Column("credit_code", "统一社会信用代码", "unit.credit_code", page=False, width=22),
        lists.Column("mode", "监察方式", "get_mode_display", sort=("mode",), width=10),
        lists.Column("trigger", "监察类型", "get_trigger_display", sort=("trigger",), width=12),
        lists.Column("planned_date", "计划监察日期", sort=("planned_date",), width=14),
        lists.Column("state", "状态", "get_state_display", sort=("state",), width=12),
        lists.INSPECTORS,
        lists.Column("section", "承办股室", "section.name", page=False, width=12),
        *lists.NEXT_DEADLINE,
        lists.Column("created_at", "登记时间", sort=("created_at",), page=False, width=18),
    ),
    default_sort=("-created_at", "-id"),
)

UNITS = lists.ListSpec(
    template="energy/unit_list.html",
    filename="用能单位",
    search=lists.Search("name", "credit_code", "industry", label="单位名称、统一社会信用代码或行业"),
    filters=UnitFilterForm,
    columns=(
        lists.Column("name", "单位名称", sort=("name",), width=30),
        lists.Column("credit_code", "统一社会信用代码", sort=("credit_code",), width=22),
        lists.Column("industry", "所属行业", sort=("industry",), width=14),
        lists.Column("is_key_unit", "重点用能单位", sort=("is_key_unit",), width=10),
        lists.Column("annual_energy_use", "年综合能源消费量（吨标准煤）", sort=("annual_energy_use",), width=14),
        lists.Column("contact_person", "联系人", width=10),
        lists.Column("contact_phone", "联系电话", width=14, page=False),
        lists.Column("legal_representative", "法定代表人", width=10, page=False),
        lists.Column("address", "地址", width=30, page=False),
        lists.Column("created_at", "登记时间", sort=("created_at",), page=False, width=18),
    ),
    default_sort=("name", "id"),
)
