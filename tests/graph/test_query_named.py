"""Each named query gives exactly the rows the three fixture texts (conftest.py) imply.

The expected rows are read off the fixture's sentences: which texts cite which title,
which agency a printed name resolves to in the text's place (县司法局 in a text of
云岭省雾溪市白鹭县 is 白鹭县司法局: a fictional county is keyed from its own level),
where each figure is printed.
"""

from __future__ import annotations

import re

import pytest
from policykg.graph.query import (
    PARAMETERS,
    cell,
    named_queries,
    run_local,
    values_clause,
    with_values,
)

GANGYAO = "法治政府建设实施纲要(2021-2025年)"  # the normalised title (NFKC, one dash)
GANGYAO_PRINTED = "法治政府建设实施纲要（2021－2025年）"
JIANDU = "雾溪市行政执法监督办法"


@pytest.fixture(scope="module")
def texts(query_extractions):
    return {e.text_id: e for e in query_extractions}


def _sentence(texts, text_id: str, index: int) -> str:
    return texts[text_id].sentences[index].text


def _at(texts, text_id: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    """Start and end of the nth printing of a phrase in a fixture text."""
    starts = [m.start() for m in re.finditer(re.escape(phrase), texts[text_id].text)]
    return starts[nth], starts[nth] + len(phrase)


def _figure(texts, text_id, printed, value, unit, counted, sentence):
    return (printed, value, unit, counted, *_at(texts, text_id, printed),
            _sentence(texts, text_id, sentence))


def _mention(texts, entity, text_id, printed, nth, sentence):
    return (entity, text_id, *_at(texts, text_id, printed, nth), printed,
            _sentence(texts, text_id, sentence))


def _cases(texts):
    """(query name, parameters, expected rows in order)."""
    s = lambda text_id, i: _sentence(texts, text_id, i)  # noqa: E731
    return [
        # 监督办法 is cited by all three texts (its number printed in two), 纲要 by two.
        ("most-cited-documents", {}, [
            (JIANDU, "雾政发〔2021〕7号", 3),
            (GANGYAO, None, 2),
            ("松涛区重大行政决策程序规定", "松政办发〔2023〕3号", 1),
            ("白鹭县法治政府建设工作要点", None, 1),
        ]),
        ("documents-of-issuer", {"issuer": "雾溪市人民政府"}, [
            ("雾溪市人民政府", JIANDU, "雾政发〔2021〕7号"),
        ]),
        # The printed form 区政府办公室 finds the place-qualified canonical agency.
        ("documents-of-issuer", {"issuer": "区政府办公室"}, [
            ("松涛区人民政府办公室", "松涛区重大行政决策程序规定", "松政办发〔2023〕3号"),
        ]),
        # The author of bailu-2022 issued its 要点 (制定, the subject left out).
        ("documents-of-issuer", {"issuer": "白鹭县人民政府"}, [
            ("白鹭县人民政府", "白鹭县法治政府建设工作要点", None),
        ]),
        ("documents-of-issuer", {"issuer": "雾溪市"}, []),
        # 雾溪市人民政府 is named by two texts; every other agency by one (twice by
        # the two justice bureaus and the district police bureau).
        ("agencies-by-texts", {}, [
            ("雾溪市人民政府", 2, 2),
            ("松涛区公安局", 1, 2),
            ("松涛区司法局", 1, 2),
            ("白鹭县司法局", 1, 2),
            ("松涛区人民政府办公室", 1, 1),
            ("白鹭县公安局", 1, 1),
            ("雾溪市公安局", 1, 1),
            ("雾溪市司法局", 1, 1),
        ]),
        ("measures", {}, [
            ("一站式矛盾调解机制", "CARRIES_OUT", "白鹭县公安局"),
            ("一站式矛盾调解机制", "CARRIES_OUT", "白鹭县司法局"),
            ("双随机、一公开监管制度", "CARRIES_OUT", "雾溪市公安局"),
            ("双随机、一公开监管制度", "CARRIES_OUT", "雾溪市司法局"),
            ("双随机、一公开监管制度", "ESTABLISHES", JIANDU),
            ("法治护航行动", "CARRIES_OUT", "松涛区公安局"),
            ("法治护航行动", "CARRIES_OUT", "松涛区司法局"),
            ("首违不罚清单", "", ""),
        ]),
        ("figures-of-text", {"text_id": "bailu-2022"}, [
            _figure(texts, "bailu-2022", "326件", 326.0, "件", "纠纷", 1),
            _figure(texts, "bailu-2022", "41件", 41.0, "件", "行政复议案件", 2),
            _figure(texts, "bailu-2022", "12.5%", 12.5, "%", "纠错率", 2),
        ]),
        ("figures-of-text", {"text_id": "songtao-2023"}, [
            _figure(texts, "songtao-2023", "18件", 18.0, "件", "规范性文件", 2),
            _figure(texts, "songtao-2023", "26次", 26.0, "次", "会议", 2),
            _figure(texts, "songtao-2023", "15件", 15.0, "件", "执法案卷", 3),
        ]),
        ("figures-of-text", {"text_id": "wuxi-notice-2021"}, []),
        ("texts-citing", {"title": JIANDU}, [
            ("bailu-2022", _at(texts, "bailu-2022", JIANDU)[0], s("bailu-2022", 3)),
            ("songtao-2023", _at(texts, "songtao-2023", JIANDU)[0], s("songtao-2023", 3)),
            ("wuxi-notice-2021", _at(texts, "wuxi-notice-2021", JIANDU)[0],
             s("wuxi-notice-2021", 0)),
        ]),
        # The title as printed (full-width brackets and dash), as normalised, and as
        # another text might print it (in 《》, with an em dash).
        *[("texts-citing", {"title": title}, [
            ("bailu-2022", _at(texts, "bailu-2022", GANGYAO_PRINTED)[0], s("bailu-2022", 0)),
            ("songtao-2023", _at(texts, "songtao-2023", GANGYAO_PRINTED)[0],
             s("songtao-2023", 0)),
        ]) for title in (GANGYAO_PRINTED, GANGYAO, "《法治政府建设实施纲要(2021—2025年)》")],
        ("texts-citing", {"title": "法治政府建设实施纲要"}, []),
        ("documents-by-type-and-year", {}, [
            ("办法", 2021, 1),
            ("纲要", None, 1),
            ("要点", None, 1),
            ("规定", 2023, 1),
        ]),
        # Each text's police and justice bureaus share one sentence; the government and
        # the district office are only in the same text as them. A name is matched whole,
        # as printed or canonical: 公安局 alone names none.
        ("agencies-together", {"name": "公安局"}, []),
        ("agencies-together", {"name": "区公安局"}, [
            ("松涛区公安局", "松涛区司法局", 1, 1),
            ("松涛区公安局", "松涛区人民政府办公室", 1, 0),
        ]),
        ("agencies-together", {"name": "雾溪市人民政府"}, [
            ("雾溪市人民政府", "白鹭县公安局", 1, 0),
            ("雾溪市人民政府", "白鹭县司法局", 1, 0),
            ("雾溪市人民政府", "雾溪市公安局", 1, 0),
            ("雾溪市人民政府", "雾溪市司法局", 1, 0),
        ]),
        ("provenance-of", {"name": "区司法局"}, [
            _mention(texts, "松涛区司法局", "songtao-2023", "区司法局", 0, 0),
            _mention(texts, "松涛区司法局", "songtao-2023", "区司法局", 1, 2),
        ]),
        # By its canonical name: 县司法局 is printed twice in bailu-2022.
        ("provenance-of", {"name": "白鹭县司法局"}, [
            _mention(texts, "白鹭县司法局", "bailu-2022", "县司法局", 0, 1),
            _mention(texts, "白鹭县司法局", "bailu-2022", "县司法局", 1, 2),
        ]),
        ("facts-of", {"name": "一站式矛盾调解机制"}, [
            ("326件", "about", "一站式矛盾调解机制", "bailu-2022", "调解", s("bailu-2022", 1)),
            ("白鹭县公安局", "carriesOut", "一站式矛盾调解机制", "bailu-2022", "建立",
             s("bailu-2022", 1)),
            ("白鹭县司法局", "carriesOut", "一站式矛盾调解机制", "bailu-2022", "建立",
             s("bailu-2022", 1)),
        ]),
        ("facts-of", {"name": "首违不罚清单"}, []),
        ("documents-implemented", {}, [
            ("白鹭县法治政府建设工作要点", GANGYAO, 1),
        ]),
    ]


def test_query_named_every_query_has_a_case(texts):
    assert {name for name, _, _ in _cases(texts)} == set(named_queries())


def test_query_named_rows_match_the_fixture(query_store, texts):
    queries = named_queries()
    wrong = []
    for name, params, expected in _cases(texts):
        query = queries[name]
        rows = run_local(query_store.store, query.text, query.bind(params)).rows
        if rows != expected:
            wrong.append(f"{name} {params}:\n  got      {rows}\n  expected {expected}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_query_named_header_and_order(name):
    """A description for --list, every parameter used, rows in a fixed order."""
    query = named_queries()[name]
    assert query.description
    body = "\n".join(line for line in query.text.splitlines() if not line.startswith("#"))
    for param in query.params:
        assert re.search(rf"\?{param}\b", body), f"{name}: ?{param} is not in the query"
    assert "ORDER BY" in body


def test_query_named_parameters_placed_first_give_the_trailing_blocks_rows(query_store, texts):
    # The `# parameters` line only moves the VALUES block to where Oxigraph starts from
    # it (graph/query.py with_values): the rows are those of a block at the end.
    queries = named_queries()
    placed = 0
    for name, params, _ in _cases(texts):
        query = queries[name]
        if not params or PARAMETERS not in query.text:
            continue
        placed += 1
        bound = query.bind(params)
        assert with_values(query.text, bound) != query.text + values_clause(bound)
        assert (run_local(query_store.store, query.text, bound).rows
                == _rows(query_store.store.query(query.text + values_clause(bound),
                                                 use_default_graph_as_union=True))), name
    assert placed >= 5


def _rows(solutions) -> list[tuple]:
    variables = [v.value for v in solutions.variables]
    return [tuple(cell(s[v]) for v in variables) for s in solutions]
