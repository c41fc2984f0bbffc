"""The registers in fixtures/ say, word for word, what the bureau's responsibility list says.

The source is parsed here from its own layout (tab-led cells, rows separated by blank lines, wrapped
lines without a tab continue the cell above), so a row missing from a fixture or a changed word fails
the test; no expected value is copied from the source into this file.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "../shared/seed/000_c3ccd229350bdf25.txt"
FIXTURES = REPO / "fixtures"

HEADING = re.compile(r"^\s*([一二三四五六七八九十]+)、(\S+)")
CASE_TITLE = re.compile(r"(案例[一二三四五六七八九十]+：[^。]*)。")
NUMBERED_BASIS = re.compile(r"\d+[．.](?=《)")


def norm(text: str) -> str:
    """Whitespace and line breaks in the source come from its layout, never from the text itself."""
    return re.sub(r"\s+", "", text)


# --- parser of the source -------------------------------------------------------------------------


def source_sections(text: str) -> dict[str, list[str]]:
    """Lines of each top-level part (一、 二、 …), keyed by the heading's numeral."""
    parts: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        match = HEADING.match(line) if not line.startswith("\t") else None
        if match:
            current = match.group(1)
            parts[current] = []
        elif current is not None:
            parts[current].append(line)
    return parts


def table_rows(lines: list[str]) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a table laid out as one tab-led line per cell.

    A line without a leading tab continues the cell above it; the header is the run of cells before
    the first blank line, which also fixes the number of columns.
    """
    cells: list[str] = []
    header_size = None
    for line in lines:
        if line.startswith("\t"):
            cells.append(line[1:])
        elif line.strip():
            cells[-1] += "\n" + line
        elif cells and header_size is None:
            header_size = len(cells)
    assert header_size, "表头之后应有空行"
    header, body = cells[:header_size], cells[header_size:]
    assert len(body) % header_size == 0, f"单元格数 {len(body)} 不是列数 {header_size} 的整数倍"
    return [norm(h) for h in header], [body[i : i + header_size] for i in range(0, len(body), header_size)]


@dataclass
class SourceDuty:
    number: int
    text: str
    items: list[tuple[str, str]]  # (work item, note)


def parse_duties(lines: list[str]) -> list[SourceDuty]:
    header, rows = table_rows(lines)
    assert header == ["序号", "主要职责", "具体工作事项", "备注"]
    duties: list[SourceDuty] = []
    for number, duty, item, note in rows:
        if number.strip():
            duties.append(SourceDuty(int(number), duty, []))
        else:
            assert not duty.strip(), "续行不应有主要职责"
        duties[-1].items.append((item, note))
    return duties


@dataclass
class SourceMatter:
    number: int
    name: str
    assignments: list[tuple[str, str]]  # (department, division of duties)
    basis: str
    cases: str


def parse_boundaries(lines: list[str]) -> list[SourceMatter]:
    header, rows = table_rows(lines)
    assert header == ["序号", "管理事项", "相关部门", "职责分工", "相关依据", "案例"]
    matters: list[SourceMatter] = []
    for number, name, department, duty, basis, cases in rows:
        if number.strip():
            matters.append(SourceMatter(int(number), name, [], basis, cases))
        else:
            assert not (name.strip() or basis.strip() or cases.strip()), "依据与案例只在事项首行"
        matters[-1].assignments.append((department, duty))
    return matters


@dataclass
class SourceService:
    number: int
    name: str
    content: str
    section: str
    phones: list[str]


def parse_services(lines: list[str]) -> list[SourceService]:
    header, rows = table_rows(lines)
    assert header == ["序号", "服务事项", "主要内容", "承办机构", "联系电话"]
    return [
        SourceService(int(number), name, content, norm(section), phones.split())
        for number, name, content, section, phones in rows
    ]


def split_cases(cell: str) -> list[tuple[str | None, str]]:
    """(title, text) per case; a cell without 案例一：… titles is one untitled case."""
    flat = norm(cell)
    titles = list(CASE_TITLE.finditer(flat))
    if not titles:
        return [(None, flat)]
    assert titles[0].start() == 0
    ends = [m.start() for m in titles[1:]] + [len(flat)]
    return [(m.group(1), flat[m.end() : end]) for m, end in zip(titles, ends, strict=True)]


def split_basis(cell: str) -> list[str]:
    """A numbered basis cell (1．《…》… 2.《…》…) as its items, each with its number; otherwise one item."""
    flat = norm(cell)
    starts = [m.start() for m in NUMBERED_BASIS.finditer(flat)]
    if not starts or starts[0] != 0:
        return [flat]
    return [flat[s:e] for s, e in zip(starts, starts[1:] + [len(flat)], strict=True)]


# --- the fixtures ---------------------------------------------------------------------------------


def fixture_rows(*names: str) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {}
    for name in names:
        for row in json.loads((FIXTURES / name).read_text(encoding="utf-8")):
            rows.setdefault(row["model"], []).append({"pk": row["pk"], **row["fields"]})
    return rows


@pytest.fixture(scope="module")
def source():
    if not SOURCE.exists():
        pytest.skip(f"源文件不存在（{SOURCE}）：本测试需要与仓库并列的 shared/seed 目录")
    return source_sections(SOURCE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def fixtures():
    return fixture_rows("00_org.json", "10_duties.json", "20_boundaries.json", "30_services.json")


def names_by_pk(fixtures, model):
    return {row["pk"]: row["name"] for row in fixtures[model]}


def test_parser_finds_the_three_tables(source):
    assert {"一", "二", "三", "四"} <= set(source)
    duties = parse_duties(source["一"])
    assert len(duties) == 10 and sum(len(d.items) for d in duties) == 39
    matters = parse_boundaries(source["二"])
    assert [len(m.assignments) for m in matters] == [3, 8, 5]
    assert len(parse_services(source["四"])) == 7


def test_every_duty_and_work_item_is_in_the_fixture_word_for_word(source, fixtures):
    duties = {row["number"]: row for row in fixtures["duties.duty"]}
    items: dict[int, list[dict]] = {}
    for row in sorted(fixtures["duties.dutyitem"], key=lambda r: r["order"]):
        number = next(d["number"] for d in duties.values() if d["pk"] == row["duty"])
        items.setdefault(number, []).append(row)

    parsed = parse_duties(source["一"])
    assert sorted(duties) == [d.number for d in parsed]
    for duty in parsed:
        assert norm(duties[duty.number]["text"]) == norm(duty.text), f"职责 {duty.number}"
        assert [(norm(r["text"]), norm(r["note"])) for r in items[duty.number]] == [
            (norm(text), norm(note)) for text, note in duty.items
        ], f"职责 {duty.number} 的具体工作事项"
    assert len(fixtures["duties.dutyitem"]) == sum(len(d.items) for d in parsed)


def test_every_boundary_row_is_in_the_fixture_word_for_word(source, fixtures):
    departments = names_by_pk(fixtures, "org.department")
    matters = {row["number"]: row for row in fixtures["boundaries.boundarymatter"]}

    def of(model, matter):
        return sorted((r for r in fixtures[model] if r["matter"] == matter["pk"]), key=lambda r: r["order"])

    parsed = parse_boundaries(source["二"])
    assert sorted(matters) == [m.number for m in parsed]
    for src in parsed:
        matter = matters[src.number]
        assert norm(matter["name"]) == norm(src.name)
        assert [
            (departments[a["department"]], norm(a["duties"])) for a in of("boundaries.assignment", matter)
        ] == [(norm(dept), norm(duty)) for dept, duty in src.assignments], f"事项 {src.name} 的职责分工"
        assert [norm(b["text"]) for b in of("boundaries.legalbasis", matter)] == split_basis(src.basis)
        cases = of("boundaries.boundarycase", matter)
        expected = split_cases(src.cases)
        assert len(cases) == len(expected), f"事项 {src.name} 的案例数"
        for case, (title, text) in zip(cases, expected, strict=True):
            assert norm(case["text"]) == text
            if title is not None:
                assert norm(case["title"]) == title
    assert len(fixtures["boundaries.assignment"]) == sum(len(m.assignments) for m in parsed)


def test_numbered_legal_basis_is_split_into_its_items():
    cell = "1．《甲条例》第三条。2.《乙条例》第五条。3.\n《丙规定》"
    assert split_basis(cell) == ["1．《甲条例》第三条。", "2.《乙条例》第五条。", "3.《丙规定》"]


def test_every_service_item_is_in_the_fixture_word_for_word(source, fixtures):
    sections = names_by_pk(fixtures, "org.section")
    items = {row["number"]: row for row in fixtures["services.serviceitem"]}
    parsed = parse_services(source["四"])
    assert sorted(items) == [s.number for s in parsed]
    for src in parsed:
        item = items[src.number]
        assert norm(item["name"]) == norm(src.name)
        assert norm(item["content"]) == norm(src.content)
        assert sections[item["section"]] == src.section
        assert re.split(r"[、\s]+", item["phones"].strip()) == src.phones, f"服务事项 {src.number} 的电话"


REGIME_HEADING = re.compile(r"^\s*（([一二三四五六七八九十]+)）(\S+)\s*$")


def test_every_supervision_regime_is_in_the_fixture_word_for_word(source, fixtures):
    headings = [m.groups() for line in source["三"] if (m := REGIME_HEADING.match(line))]
    assert len(headings) == 9
    regimes = sorted(fixtures["duties.regime"], key=lambda row: row["number"])
    assert [(row["clause"], row["name"]) for row in regimes] == [(f"三（{n}）", name) for n, name in headings]
