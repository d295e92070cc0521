"""`policykg build/query/remove --sparql-endpoint` end to end against a real `oxigraph serve`."""

from __future__ import annotations

import json

import pytest

from policykg.cli import main

pytestmark = [pytest.mark.server, pytest.mark.slow]

PLAN = "云岭省法治政府建设实施方案"
TEXTS = {
    "qinghe-2022": (
        "清河县人民政府2022年度法治政府建设情况报告\n"
        f"2022年，县政府深入贯彻落实《{PLAN}》，县司法局牵头审查规范性文件12件。\n"
    ),
    "lanshan-2022": (
        "兰山区2022年法治政府建设情况报告\n"
        f"区政府按照《{PLAN}》要求，组织行政执法人员培训3次。\n"
    ),
}
TEXT_IDS = (
    "PREFIX dct: <http://purl.org/dc/terms/> PREFIX pkg: <https://w3id.org/policykg/ns#> "
    "SELECT ?id WHERE { ?text a pkg:Text ; dct:identifier ?id } ORDER BY ?id"
)


@pytest.fixture()
def corpus(tmp_path, oxigraph_server):
    folder = tmp_path / "texts"
    folder.mkdir()
    for stem, text in TEXTS.items():
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    yield folder
    main(["remove", *TEXTS, "--sparql-endpoint", oxigraph_server])


def _json(capsys, *argv: str) -> list[dict]:
    assert main(["query", *argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_endpoint_cli_build_query_change_remove(corpus, oxigraph_server, capsys):
    url = ["--sparql-endpoint", oxigraph_server]
    assert main(["build", str(corpus), *url]) == 0
    assert "2 built" in capsys.readouterr().err
    assert _json(capsys, TEXT_IDS, *url) == [{"id": "lanshan-2022"}, {"id": "qinghe-2022"}]
    cited = {r["title"]: r["texts"] for r in _json(capsys, "--name", "most-cited-documents", *url)}
    assert cited.get(PLAN) == 2

    # Unchanged files are not sent again; a changed one is, alone.
    assert main(["build", str(corpus), *url]) == 0
    assert "0 built, 2 unchanged" in capsys.readouterr().err
    changed = corpus / "lanshan-2022.txt"
    changed.write_text(TEXTS["lanshan-2022"].replace(f"按照《{PLAN}》要求，", ""), "utf-8")
    assert main(["build", str(corpus), *url]) == 0
    assert "1 built, 1 unchanged" in capsys.readouterr().err
    cited = {r["title"]: r["texts"] for r in _json(capsys, "--name", "most-cited-documents", *url)}
    assert cited.get(PLAN) == 1

    assert main(["remove", str(corpus / "qinghe-2022.txt"), *url]) == 0
    capsys.readouterr()
    assert _json(capsys, TEXT_IDS, *url) == [{"id": "lanshan-2022"}]
    assert PLAN not in {r["title"] for r in _json(capsys, "--name", "most-cited-documents", *url)}


def test_endpoint_cli_unreachable_server_is_one_line(corpus, free_port, capsys):
    code = main(["build", str(corpus), "--sparql-endpoint", f"http://127.0.0.1:{free_port}"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("policykg: http://127.0.0.1:") and "unreachable" in err
    assert err.count("\n") == 1


def test_endpoint_cli_server_gone_stops_the_build(corpus, free_port, capsys):
    """With --force nothing is asked first: the first write finds no server and the build
    stops there with one line, instead of extracting and failing every file in turn."""
    code = main(["build", str(corpus), "--force",
                 "--sparql-endpoint", f"http://127.0.0.1:{free_port}"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("unreachable") == 1 and err.count("\n") == 1
