"""“这件事归谁管？” — find the boundary matters a few words point to, and who handles them.

Matching is done in Python over the whole (small) table after folding both sides: full-width forms to
half-width, case, and the variant characters the source itself mixes (高杆植物 / 高秆植物 / 高干植物).
Folding maps each character to exactly one character, so a position in the folded text is the same
position in the original and the matched words can be marked in the text as written.

People ask in everyday words (电线杆, 树) where the table speaks its own terms (电力设施, 高杆植物): each query word
also stands for the table's terms of every synonym (`Synonym` rows, editable) whose everyday word it contains.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from .models import Assignment, BoundaryCase, BoundaryMatter

MAX_QUERY_LENGTH = 50
# 杆/秆/干: the source writes the same 高杆植物 three ways.
VARIANTS = str.maketrans({"秆": "杆", "干": "杆"})
# Words of a question rather than of the matter: “高杆植物归谁管？”
QUESTION_WORDS = re.compile(
    r"归谁管|由谁管|谁来管|谁管|由谁负责|谁负责|哪个部门负责|哪个部门管|哪个部门|哪些部门|找谁|怎么办|如何处理|怎么处理|请问"
)
SEPARATORS = re.compile(r"[\s,，、;；。.!！?？/|:：“”\"'‘’（）()《》]+")

EMPTY_QUERY = "请输入要查询的事情或关键词，例如“高杆植物”“违章建筑”“节能审查”。"
TOO_LONG = f"查询内容过长，请精简到 {MAX_QUERY_LENGTH} 个字以内。"
NO_MATCH = (
    "没有找到与“{query}”有关的职责边界事项。"
    "请换用其他关键词（例如“电力设施”“矿山关闭”“节能”），或直接查看下方的职责边界表。"
)
PARTIAL = "没有事项同时包含全部关键词；以下事项包含其中部分关键词。"
FOUND = "找到 {count} 个相关管理事项。"

REASON_DIRECT = "职责分工中提到“{terms}”"
REASON_NAME = "部门名称与“{terms}”相符"
REASON_CASE = "{case}涉及该部门"
REASON_MATTER = "“{matter}”的相关部门"


def _fold_char(char: str) -> str:
    folded = unicodedata.normalize("NFKC", char)
    return (folded if len(folded) == 1 else char).lower().translate(VARIANTS)


def fold(text: str) -> str:
    return "".join(_fold_char(c) for c in text)


class Term(str):
    """A folded query word; `forms` are the texts that count as it: the word itself, then the table's terms its
    everyday words stand for (电线杆 → 电力设施)."""

    forms: tuple[str, ...]

    def __new__(cls, word: str, synonyms: tuple[str, ...] = ()):
        term = super().__new__(cls, word)
        term.forms = (word, *(s for s in dict.fromkeys(synonyms) if s != word))
        return term

    @property
    def synonyms(self) -> tuple[str, ...]:
        return self.forms[1:]


def query_terms(query: str, synonyms: Iterable[tuple[str, str]] = ()) -> list[Term]:
    """The folded words of a query, in order, each once, each with the table's terms of the synonyms whose
    everyday word (folded) occurs in it; `synonyms` are (everyday word, table's term) pairs."""
    pairs = [(fold(word), fold(term)) for word, term in synonyms]
    terms: list[Term] = []
    for word in SEPARATORS.split(QUESTION_WORDS.sub(" ", query)):
        word = fold(word)
        if word and word not in terms:
            terms.append(Term(word, tuple(term for everyday, term in pairs if everyday in word)))
    return terms


@dataclass
class Segment:
    text: str
    matched: bool


@dataclass
class Marked:
    """A text of the register with the parts that matched the query marked."""

    text: str
    terms: list[str]
    segments: list[Segment]
    forms: list[str] = field(default_factory=list)  # the texts found, e.g. 电力设施 for the query word 电线杆

    @property
    def matched(self) -> bool:
        return bool(self.terms)


def mark(text: str, terms: list[str]) -> Marked:
    folded = fold(text)
    hit = [False] * len(text)
    found, forms = [], []
    for term in terms:
        for form in term.forms if isinstance(term, Term) else (term,):
            start = folded.find(form)
            if start >= 0:
                forms.append(form)
                if term not in found:
                    found.append(term)
            while start >= 0:
                hit[start : start + len(form)] = [True] * len(form)
                start = folded.find(form, start + 1)
    segments: list[Segment] = []
    for char, matched in zip(text, hit, strict=True):
        if segments and segments[-1].matched == matched:
            segments[-1].text += char
        else:
            segments.append(Segment(char, matched))
    return Marked(text, found, segments, forms)


@dataclass
class DepartmentAnswer:
    assignment: Assignment
    duties: Marked
    reason: str
    direct: bool


@dataclass
class CaseAnswer:
    case: BoundaryCase
    title: Marked
    text: Marked


@dataclass
class Hit:
    label: str
    text: Marked


@dataclass
class MatterAnswer:
    matter: BoundaryMatter
    terms: list[str]
    departments: list[DepartmentAnswer]
    other_departments: list[Assignment]
    cases: list[CaseAnswer]
    hits: list[Hit]


@dataclass
class LookupResult:
    query: str
    terms: list[Term] = field(default_factory=list)
    message: str = ""
    partial: bool = False
    answers: list[MatterAnswer] = field(default_factory=list)


def _best(rows: list, terms_of) -> list:
    """The rows that match the most query terms (ties kept, in register order); none if none match."""
    top = max((len(terms_of(r)) for r in rows), default=0)
    return [r for r in rows if top and len(terms_of(r)) == top]


def _case_terms(case: CaseAnswer) -> set[str]:
    return {*case.title.terms, *case.text.terms}


def _assignment_terms(row: tuple[Assignment, Marked, Marked]) -> set[str]:
    return {*row[1].terms, *row[2].terms}


def _answer(matter: BoundaryMatter, terms: list[str]) -> MatterAnswer | None:
    """How `matter` answers the query, or None when none of the terms occurs in it.

    The departments named are those whose duties (or name) match the most terms, then those acting in
    the best-matching cases; when only the matter's name or basis matches, all of its departments.
    """
    name = mark(matter.name, terms)
    hits = [Hit("管理事项", name)] if name.matched else []
    hits += [Hit("相关依据", m) for m in (mark(b.text, terms) for b in matter.legal_bases.all()) if m.matched]
    all_cases = [CaseAnswer(c, mark(c.title, terms), mark(c.text, terms)) for c in matter.cases.all()]
    rows = [(a, mark(a.duties, terms), mark(a.department.name, terms)) for a in matter.assignments.all()]

    matched = {t for h in hits for t in h.text.terms}
    matched |= {t for c in all_cases for t in _case_terms(c)}
    matched |= {t for r in rows for t in _assignment_terms(r)}
    if not matched:
        return None

    cases = _best(all_cases, _case_terms)
    answers: dict[int, DepartmentAnswer] = {}
    for a, duties, dept in _best(rows, _assignment_terms):
        reason = (
            REASON_DIRECT.format(terms="”“".join(duties.forms))
            if duties.matched
            else REASON_NAME.format(terms="”“".join(dept.forms))
        )
        answers[a.pk] = DepartmentAnswer(a, duties, reason, True)
    for c in cases:
        concerned = {d.pk for d in c.case.departments.all()}
        for a, duties, _ in rows:
            if a.department_id in concerned and a.pk not in answers:
                answers[a.pk] = DepartmentAnswer(a, duties, REASON_CASE.format(case=c.case.title), False)
    if not answers:  # only the matter's name or basis matched: every agency of the matter is concerned
        reason = REASON_MATTER.format(matter=matter.name)
        answers = {a.pk: DepartmentAnswer(a, duties, reason, False) for a, duties, _ in rows}

    departments = [answers[a.pk] for a, _, _ in rows if a.pk in answers]
    departments.sort(key=lambda d: not d.direct)  # stable: direct mentions first, then register order
    others = [a for a, _, _ in rows if a.pk not in answers]
    return MatterAnswer(matter, [t for t in terms if t in matched], departments, others, cases, hits)


def lookup(matters: list[BoundaryMatter], query: str, synonyms: Iterable[tuple[str, str]] = ()) -> LookupResult:
    """Answer a query against the matters (with assignments, bases and cases prefetched)."""
    query = (query or "").strip()
    result = LookupResult(query=query)
    if len(query) > MAX_QUERY_LENGTH:
        result.message = TOO_LONG
        return result
    result.terms = query_terms(query, synonyms)
    if not result.terms:
        result.message = EMPTY_QUERY
        return result
    answers = [a for a in (_answer(m, result.terms) for m in matters) if a is not None]
    complete = [a for a in answers if len(a.terms) == len(result.terms)]
    if complete:
        result.answers = complete
    elif answers:
        result.partial = True
        result.message = PARTIAL
        result.answers = sorted(answers, key=lambda a: -len(a.terms))
    else:
        result.message = NO_MATCH.format(query=query)
    if result.answers and not result.partial:
        result.message = FOUND.format(count=len(result.answers))
    return result
