"""“这件事归谁管？” through the selector, the public page (with and without htmx) and the API."""

import pytest

from boundaries.lookup import EMPTY_QUERY, NO_MATCH, PARTIAL, TOO_LONG, fold, mark, query_terms
from boundaries.models import Synonym
from boundaries.selectors import boundary_lookup

pytestmark = pytest.mark.django_db


def departments(answer):
    return [d.assignment.department.name for d in answer.departments]


def test_fold_treats_the_three_spellings_of_high_stalk_plants_alike():
    assert fold("高杆植物") == fold("高秆植物") == fold("高干植物")
    assert fold("ＡＢＣ１") == "abc1"


def test_query_terms_drop_question_words_and_split_on_separators():
    assert query_terms("高秆植物归谁管？") == ["高杆植物"]
    assert query_terms("  违章建筑，电力  违章建筑 ") == ["违章建筑", "电力"]
    assert query_terms("？？ 归谁管") == []


def test_mark_keeps_the_original_spelling_and_marks_the_hit():
    marked = mark("可能危及电力设施安全的高秆植物修剪", ["高杆植物"])
    assert marked.terms == ["高杆植物"]
    assert [(s.text, s.matched) for s in marked.segments] == [
        ("可能危及电力设施安全的", False),
        ("高秆植物", True),
        ("修剪", False),
    ]


@pytest.mark.parametrize(
    "query", ["高杆植物", "高秆植物", "高干植物", "电力线路 高杆植物", "高杆植物归谁管？"]
)
def test_high_stalk_plants_are_power_facility_protection_for_forestry_and_the_farm_bureau(query):
    result = boundary_lookup(query=query)
    assert [a.matter.name for a in result.answers] == ["电力设施保护"]
    answer = result.answers[0]
    names = departments(answer)
    assert names[:2] == ["县林业局", "省农垦总局驻临高办事处"]  # their duties name the plants
    assert all(d.direct for d in answer.departments[:2])
    assert "县工信局" in names  # named in the worked case
    assert [c.case.title for c in answer.cases] == ["案例二：电力线路保护范围内高干植物处理"]
    forestry = answer.departments[0]
    assert "高秆植物" in [s.text for s in forestry.duties.segments if s.matched]
    assert "高秆植物" in forestry.reason or "高杆植物" in forestry.reason


def test_illegal_building_points_to_housing_bureau_through_case_one():
    result = boundary_lookup(query="违章建筑")
    answer = result.answers[0]
    assert answer.matter.name == "电力设施保护"
    assert "县住建局" in departments(answer)
    assert [c.case.title for c in answer.cases] == ["案例一：电力线路保护范围内违章建筑施工处理"]
    housing = next(d for d in answer.departments if d.assignment.department.name == "县住建局")
    assert "案例一" in housing.reason and "未按规划审批建设" in housing.duties.text


def test_matter_name_lists_every_department_of_the_matter():
    result = boundary_lookup(query="矿山关闭")
    assert [a.matter.name for a in result.answers] == ["矿产行业矿山关闭监管"]
    assert departments(result.answers[0]) == ["县工信局", "县发改委", "县安监局", "县国土局", "县环保局"]


def test_a_department_name_is_a_query_too():
    result = boundary_lookup(query="县海渔局")
    assert departments(result.answers[0]) == ["县海渔局"]


def test_legal_basis_hit_is_shown():
    result = boundary_lookup(query="公共机构节能条例")
    answer = result.answers[0]
    assert answer.matter.name == "节能管理"
    assert [h.label for h in answer.hits] == ["相关依据"]


def test_several_words_must_all_match_else_the_partial_matches_are_offered():
    both = boundary_lookup(query="节能 住建局")
    assert [a.matter.name for a in both.answers] == ["节能管理"] and not both.partial
    partial = boundary_lookup(query="高杆植物 稀土")
    assert partial.partial and partial.message == PARTIAL
    assert {a.matter.name for a in partial.answers} == {"电力设施保护", "矿产行业矿山关闭监管"}


@pytest.mark.parametrize(
    "query,message",
    [("", EMPTY_QUERY), ("   ", EMPTY_QUERY), ("归谁管？", EMPTY_QUERY), ("长" * 51, TOO_LONG)],
)
def test_empty_or_overlong_query_gets_a_chinese_message(query, message):
    result = boundary_lookup(query=query)
    assert result.answers == [] and result.message == message


def test_nonsense_query_gets_a_chinese_message():
    result = boundary_lookup(query="量子纠缠")
    assert result.answers == []
    assert result.message == NO_MATCH.format(query="量子纠缠")


def test_public_page_answers_without_javascript(client):
    response = client.get("/boundaries/", {"q": "高杆植物"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<mark>高秆植物</mark>" in body and "<mark>高干植物</mark>" in body
    assert "县林业局" in body and "省农垦总局驻临高办事处" in body
    assert "这件事归谁管" in body and 'id="matter-1"' in body  # the whole table is still there


def test_public_page_htmx_request_gets_only_the_results(client):
    response = client.get(
        "/boundaries/", {"q": "违章建筑"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="search-results"
    )
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="search-results"')
    assert "县住建局" in body and "<html" not in body


@pytest.mark.parametrize("query", ["", "量子纠缠"])
def test_public_page_explains_an_empty_or_unknown_query(client, query):
    response = client.get("/boundaries/", {"q": query})
    assert response.status_code == 200
    assert (
        "请输入要查询的事情或关键词" if not query else "没有找到与“量子纠缠”有关"
    ) in response.content.decode()


def test_api_lookup(client):
    data = client.get("/api/v1/boundary-matters/lookup/", {"q": "高秆植物"}).json()
    assert data["terms"] == ["高杆植物"] and not data["partial"]
    answer = data["answers"][0]
    assert answer["matter"]["name"] == "电力设施保护"
    names = [d["department"]["name"] for d in answer["departments"]]
    assert names[:2] == ["县林业局", "省农垦总局驻临高办事处"]
    assert any(
        seg["matched"] and seg["text"] == "高秆植物" for seg in answer["departments"][0]["duties"]["segments"]
    )
    assert answer["cases"][0]["title"]["text"].startswith("案例二")


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "量子纠缠"}])
def test_api_lookup_without_answer_is_a_message_not_an_error(client, params):
    response = client.get("/api/v1/boundary-matters/lookup/", params)
    assert response.status_code == 200
    data = response.json()
    assert data["answers"] == [] and data["message"]


# --- everyday words (Synonym rows, loaded from fixtures/25_synonyms.json) ---


def test_query_word_stands_for_the_table_terms_of_the_everyday_words_it_contains():
    [term] = query_terms("电线杆倒了", [("电线杆", "电力设施"), ("树", "高杆植物"), ("电线", "电力线路")])
    assert term == "电线杆倒了" and term.synonyms == ("电力设施", "电力线路")
    marked = mark("负责全县电力设施保护的监督管理工作", [term])
    assert marked.terms == ["电线杆倒了"] and marked.forms == ["电力设施"]
    assert [s.text for s in marked.segments if s.matched] == ["电力设施"]


@pytest.mark.parametrize("query", ["电线杆", "电杆", "电线杆归谁管？", "电线杆子倒了找谁"])
def test_electricity_pole_finds_power_facility_protection(query):
    result = boundary_lookup(query=query)
    assert [a.matter.name for a in result.answers] == ["电力设施保护"] and not result.partial
    answer = result.answers[0]
    assert departments(answer)[0] == "县工信局" and answer.departments[0].direct
    assert answer.departments[0].reason == "职责分工中提到“电力设施”"


def test_tree_finds_the_high_stalk_plants_and_who_cuts_them():
    result = boundary_lookup(query="树")
    answer = result.answers[0]
    assert answer.matter.name == "电力设施保护"
    assert departments(answer)[:2] == ["县林业局", "省农垦总局驻临高办事处"]


def test_synonyms_are_data_a_new_row_is_used_at_once():
    assert boundary_lookup(query="光伏板").answers == []
    Synonym.objects.create(word="光伏板", term="节能")
    assert [a.matter.name for a in boundary_lookup(query="光伏板").answers] == ["节能管理"]
