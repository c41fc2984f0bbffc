"""The list kit on its own: the capped count, 案号 parsing, Excel cells, the order and its tiebreaker."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.db.models import Q
from django.utils import timezone

from linggao_mi.lists import Column, ListSpec, Search, paginate, reference_q
from linggao_mi.lists.export import cell_value, write_xlsx
from tests.caseapp.models import DemoCase


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("临工信节监〔2026〕3号", Q(year=2026, serial=3)),
        ("2026-17", Q(year=2026, serial=17)),
        ("〔2025〕9", Q(year=2025, serial=9)),
        ("12号", Q(serial=12)),
        ("12", Q(serial=12)),
        ("水泥厂", None),
    ],
)
def test_a_case_number_as_people_type_it(text, expected):
    assert reference_q(text) == expected


def test_cells_keep_dates_as_dates_and_write_the_rest_as_text():
    aware = datetime.datetime(2026, 12, 1, 2, 30, tzinfo=datetime.UTC)
    assert cell_value(aware) == datetime.datetime(2026, 12, 1, 10, 30)  # Asia/Shanghai, no zone
    assert cell_value(datetime.date(2026, 12, 1)) == datetime.date(2026, 12, 1)
    assert cell_value(True) == "是" and cell_value(None) == "" and cell_value(Decimal("1.5")) == 1.5
    assert cell_value(["甲", "乙"]) == "甲、乙"


def test_the_workbook_is_written_from_a_generator_and_reads_back():
    output = io.BytesIO()
    rows = ((f"=SUM({n})", datetime.date(2026, 1, 1) + datetime.timedelta(days=n % 300), n) for n in range(5000))
    assert write_xlsx(output, headers=["名称", "日期", "序号"], widths=[10, 12, 8], rows=rows) == 5000
    sheet = openpyxl.load_workbook(io.BytesIO(output.getvalue())).active
    assert [c.value for c in sheet[1]] == ["名称", "日期", "序号"]
    assert sheet.max_row == 5001
    assert sheet["A2"].value == "=SUM(0)" and sheet["A2"].data_type == "s"  # text, never a formula
    assert sheet["B3"].is_date and sheet["B3"].value == datetime.datetime(2026, 1, 2)
    assert sheet["C5001"].value == 4999
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:C5001"


@pytest.mark.django_db
def test_the_count_is_capped_past_a_few_pages_and_exact_below(users, make_case):
    for _ in range(12):
        make_case()
    cases = DemoCase.objects.order_by("-id")
    page = paginate(cases, 1, per_page=1)  # counts up to 10 pages ahead
    assert not page.exact and page.count == 10 and page.has_next
    assert page.page_range() == [1, 2, 3]
    page = paginate(cases, 4, per_page=1)
    assert page.exact and page.count == 12 and page.num_pages == 12
    assert page.page_range() == [1, 2, 3, 4, 5, 6, None, 12]
    assert paginate(cases, 9, per_page=1).page_range() == [1, None, 7, 8, 9, 10, 11, 12]
    assert paginate(cases, 99, per_page=5).number == 3  # past the end: the last page
    assert paginate(cases, "x", per_page=5).number == 1
    assert paginate(DemoCase.objects.none(), 1).object_list == []


@pytest.mark.django_db
def test_sorting_only_by_declared_columns_and_never_ambiguous(users, make_case):
    spec = ListSpec(
        template="",
        filename="测试",
        search=Search("name", reference=True),
        columns=(Column("name", "名称", sort=("name",)), Column("state", "状态")),
        default_sort=("-created_at", "-id"),
    )
    a, b, c = make_case(), make_case(), make_case()
    for case, name in ((a, "乙"), (b, "甲"), (c, "乙")):
        DemoCase.objects.filter(pk=case.pk).update(name=name)
    cases = DemoCase.objects.all()
    assert [x.pk for x in spec.ordered(cases, "name") if x.name == "乙"] == [a.pk, c.pk]  # id breaks the tie
    assert [x.pk for x in spec.ordered(cases, "-name") if x.name == "乙"] == [c.pk, a.pk]
    assert list(spec.ordered(cases, "state")) == list(spec.ordered(cases, "")) == [c, b, a]  # not sortable
    assert list(spec.search.apply(cases, f"{timezone.localdate().year}-{b.serial}")) == [b]
    assert [link.param for link in spec.sort_links("name")] == ["-name", ""]
    assert spec.sort_choices() == [("", "默认顺序"), ("name", "名称（升序）"), ("-name", "名称（降序）")]


def test_a_column_whose_page_cell_shows_more_is_headed_on_the_page_by_its_heading():
    column = Column("due", "期限届满日", sort=("due",), heading="下一期限")
    spec = ListSpec(template="", filename="测试", columns=(column, Column("state", "状态")))
    assert [(link.column.page_label, link.param) for link in spec.sort_links("")] == [("下一期限", "due"), ("状态", "")]
    assert spec.sort_choices()[1:] == [("due", "下一期限（升序）"), ("-due", "下一期限（降序）")]
    assert [c.label for c in spec.columns] == ["期限届满日", "状态"]  # the export's headers keep their labels
