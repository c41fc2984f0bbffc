"""三（二）: the seeded catalogue (the law's amounts, only the bureau's articles), circumstances never beyond the legal
cap, the public page and API, and a penalty recommendation on a case of another regime at and beyond its range."""

import pytest
from django.core.exceptions import PermissionDenied

from energy.tests.factories import InspectionCaseFactory
from inspections import rules
from inspections.choices import CircumstanceKind
from inspections.models import DiscretionCircumstance, DiscretionStandard, DiscretionUse
from inspections.services import circumstance_save, penalty_recommend, penalty_suggest
from linggao_mi.casework.models import CaseEvent, of_case
from linggao_mi.casework.rules import RuleViolation

LAW = "《中华人民共和国节约能源法》"
# article → (min, max) exactly as 第六章 says; None where it sets no fine. Only 管理节能工作的部门's articles.
EXPECTED = {
    "第六十八条第二款": (None, None),
    "第七十一条": (None, None),
    "第七十二条": (None, None),
    "第七十六条": (50_000, 100_000),
    "第七十七条": (50_000, 200_000),
    "第八十二条": (10_000, 50_000),
    "第八十三条": (100_000, 300_000),
    "第八十四条": (10_000, 30_000),
}


def standard(article: str) -> DiscretionStandard:
    return DiscretionStandard.objects.get(law=LAW, article=article)


def circumstance(article: str, kind: str) -> DiscretionCircumstance:
    return standard(article).circumstances.get(kind=kind)


@pytest.mark.django_db
def test_the_catalogue_holds_exactly_the_bureaus_articles_with_the_laws_amounts():
    got = {s.article: (s.min_amount, s.max_amount) for s in DiscretionStandard.objects.all()}
    assert got == EXPECTED
    # 市场监督管理部门 (70, 73, 74), 建设主管部门 (79, 80) … are not the bureau's.
    assert not DiscretionStandard.objects.exclude(department__startswith="管理节能工作的部门").exists()
    for s in DiscretionStandard.objects.prefetch_related("circumstances"):
        for c in s.circumstances.all():
            if s.max_amount is None:
                assert (c.min_amount, c.max_amount) == (None, None)
            else:
                assert s.min_amount <= c.min_amount <= c.max_amount <= s.max_amount or (c.min_amount, c.max_amount) == (
                    0,
                    0,
                )
    assert set(standard("第八十二条").circumstances.values_list("kind", flat=True)) == set(CircumstanceKind.values)
    assert not standard("第八十三条").circumstances.filter(kind=CircumstanceKind.FIRST).exists()
    heavier = circumstance("第八十三条", "heavier")
    assert heavier.max_amount == 300_000  # 从重 reaches the cap and not a yuan beyond


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("low", "high", "ok"),
    [(10_000, 50_000, True), (9_999, 50_000, False), (10_000, 50_001, False), (30_000, 20_000, False)],
)
def test_a_circumstance_is_refused_beyond_the_legal_cap_when_entered(users, low, high, ok):
    entry = circumstance("第八十二条", "heavier")
    entry.min_amount, entry.max_amount = low, high
    if ok:
        circumstance_save(actor=users["legal"], circumstance=entry)
        entry.refresh_from_db()
        assert (entry.min_amount, entry.max_amount) == (low, high)
    else:
        with pytest.raises(RuleViolation) as caught:
            circumstance_save(actor=users["legal"], circumstance=entry)
        assert caught.value.rule == rules.CIRCUMSTANCE_BEYOND_CAP
        entry.refresh_from_db()
        assert entry.max_amount <= 50_000


@pytest.mark.django_db
def test_no_fine_where_the_law_sets_none_and_first_offence_only_where_allowed(users):
    with pytest.raises(RuleViolation) as caught:
        circumstance_save(
            actor=users["legal"],
            circumstance=DiscretionCircumstance(
                standard=standard("第七十一条"), kind="lighter", conditions="x", min_amount=1, max_amount=10
            ),
        )
    assert caught.value.rule == rules.CIRCUMSTANCE_NO_FINE
    with pytest.raises(RuleViolation) as caught:
        circumstance_save(
            actor=users["legal"],
            circumstance=DiscretionCircumstance(
                standard=standard("第八十三条"), kind="first", conditions="x", min_amount=0, max_amount=0
            ),
        )
    assert caught.value.rule == rules.FIRST_OFFENCE_NOT_ALLOWED
    with pytest.raises(PermissionDenied):
        circumstance_save(actor=users["inspector1"], circumstance=circumstance("第八十二条", "general"))


@pytest.mark.django_db
def test_the_catalogue_is_public_read_only_with_exactly_the_named_fields(client):
    answer = client.get("/api/v1/discretion-standards/")
    assert answer.status_code == 200
    entries = answer.json()
    assert len(entries) == len(EXPECTED)
    keys = {"law", "article", "department", "penalty_kinds", "min_amount", "max_amount", "circumstances"}
    assert all(set(e) == keys for e in entries)
    art82 = next(e for e in entries if e["article"] == "第八十二条")
    assert (art82["min_amount"], art82["max_amount"]) == (10_000, 50_000)
    assert {"name": "从重", "min_amount": 38_000, "max_amount": 50_000} in art82["circumstances"]
    assert all(set(c) == {"name", "min_amount", "max_amount"} for c in art82["circumstances"])
    art71 = next(e for e in entries if e["article"] == "第七十一条")
    assert art71["min_amount"] is None and art71["max_amount"] is None
    assert client.post("/api/v1/discretion-standards/", {}).status_code in (403, 405)
    page = client.get("/discretion/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "第八十三条" in text and "300,000" in text and "首违不罚" in text


@pytest.fixture
def energy_case(users):
    return InspectionCaseFactory(inspectors=[users["inspector1"]], actor=users["inspector1"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("amount", "ok"), [(22_000, True), (38_000, True), (21_999, False), (38_001, False), (None, False)]
)
def test_a_recommendation_on_an_energy_case_at_and_beyond_its_range(users, energy_case, amount, ok):
    general = circumstance("第八十二条", "general")  # 22 000 – 38 000
    assert penalty_suggest(general).min_amount == 22_000 and penalty_suggest(general).max_amount == 38_000
    if ok:
        use = penalty_recommend(
            actor=users["inspector1"],
            case=energy_case,
            circumstance=general,
            amount=amount,
            reasons="逾期未改正，无从轻、从重情节",
        )
        assert use.case == energy_case and use.amount == amount
        assert CaseEvent.objects.filter(of_case(energy_case), action="处罚裁量建议").exists()
    else:
        with pytest.raises(RuleViolation) as caught:
            penalty_recommend(
                actor=users["inspector1"], case=energy_case, circumstance=general, amount=amount, reasons="理由"
            )
        assert caught.value.rule in (rules.AMOUNT_OUTSIDE_RANGE, rules.AMOUNT_REQUIRED)
        assert "三（二）" in str(caught.value)
        assert not DiscretionUse.objects.exists()


@pytest.mark.django_db
def test_a_recommendation_needs_reasons_a_handler_and_no_fine_where_none_applies(users, energy_case):
    general = circumstance("第八十二条", "general")
    with pytest.raises(RuleViolation) as caught:
        penalty_recommend(actor=users["inspector1"], case=energy_case, circumstance=general, amount=30_000, reasons=" ")
    assert caught.value.rule == rules.REASONS_REQUIRED
    with pytest.raises(PermissionDenied):
        penalty_recommend(actor=users["staff"], case=energy_case, circumstance=general, amount=30_000, reasons="理由")
    exempt = circumstance("第八十二条", "exempt")
    with pytest.raises(RuleViolation) as caught:
        penalty_recommend(actor=users["inspector1"], case=energy_case, circumstance=exempt, amount=1, reasons="轻微")
    assert caught.value.rule == rules.AMOUNT_NOT_ALLOWED
    use = penalty_recommend(
        actor=users["inspector1"],
        case=energy_case,
        circumstance=exempt,
        amount=None,
        reasons="违法行为轻微并及时改正，没有造成危害后果",
    )
    assert use.amount is None
    with pytest.raises(RuleViolation) as caught:
        penalty_recommend(
            actor=users["inspector1"],
            case=energy_case,
            circumstance=exempt,
            amount=None,
            reasons="x",
            standard=standard("第八十三条"),
        )
    assert caught.value.rule == rules.CIRCUMSTANCE_OF_STANDARD
