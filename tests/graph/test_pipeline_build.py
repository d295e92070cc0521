"""`policykg build` over files and folders with the real extractor: bad files are reported
one line each, the rest are built, nothing already in the graph is lost, exit code 1."""

from __future__ import annotations

import pytest
from policykg.graph.query import named_query, run_local
from policykg.graph.store import OxigraphStore, open_store
from policykg.graph.summary import defined_rows
from policykg.ontology.namespaces import text_iri

from policykg import pipeline
from policykg.cli import main

# Fictional texts in the genre (松溪县, 雾溪市 do not exist).
GOOD = {
    "songxi-2023.txt": (
        "松溪县司法局2023年法治政府建设工作报告\n"
        "2023年，县司法局认真贯彻落实《法治政府建设实施纲要（2021—2025年）》，"
        "建立“法治体检”制度，全年办理法律援助案件326件。\n"
    ),
    "wuxi-2023.txt": (
        "雾溪市人民政府2023年度法治政府建设情况报告\n"
        "市政府深入学习《法治政府建设实施纲要（2021-2025年）》，市司法局审查规范性文件42件。\n"
    ),
}

pytestmark = pytest.mark.slow  # loads the spaCy pipeline


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _store(path) -> OxigraphStore:
    return OxigraphStore(path, read_only=True)


def test_pipeline_build_skips_unchanged_and_reports(corpus, tmp_path, capsys):
    store = tmp_path / "store"
    assert main(["build", str(corpus), "--store", str(store)]) == 0
    err = capsys.readouterr().err
    assert "2 texts (2 built, 0 unchanged)" in err
    first = _store(store).nquads()
    assert main(["build", str(corpus), "--store", str(store)]) == 0
    assert "2 texts (0 built, 2 unchanged)" in capsys.readouterr().err
    assert _store(store).nquads() == first
    assert main(["build", str(corpus), "--store", str(store), "--force"]) == 0
    assert "2 texts (2 built, 0 unchanged)" in capsys.readouterr().err
    assert _store(store).nquads() == first
    doc = [line for line in first.decode().splitlines()
           if "eli/ontology#cites" in line and "/text/" in line.split()[0]]
    assert len({line.split()[2] for line in doc}) == 1  # both texts cite one 纲要 node


def test_pipeline_build_rewrites_texts_an_older_graph_version_wrote(corpus, tmp_path, capsys,
                                                                     monkeypatch):
    # After an upgrade that changes what a text gives, the next build rewrites the texts
    # an older version wrote (same bytes or not), and the summary with them.
    from policykg.ontology import namespaces

    store = tmp_path / "store"
    monkeypatch.setattr(namespaces, "GRAPH_VERSION", namespaces.GRAPH_VERSION - 1)
    assert main(["build", str(corpus), "--store", str(store)]) == 0
    older = _store(store).nquads()
    monkeypatch.undo()
    capsys.readouterr()
    assert main(["build", str(corpus), "--store", str(store)]) == 0
    assert "2 texts (2 built, 0 unchanged)" in capsys.readouterr().err
    rebuilt = _store(store).nquads()
    assert rebuilt != older
    version = f'graphVersion> "{namespaces.GRAPH_VERSION}"'.encode()
    assert rebuilt.count(version) == 2 and older.count(version) == 0
    sources = [[line for line in nq.splitlines() if b"ns#sources>" in line]
               for nq in (older, rebuilt)]
    assert len(sources[1]) == 1 and sources[0] != sources[1]  # the summary was recomputed
    assert main(["build", str(corpus), "--store", str(store)]) == 0
    assert "2 texts (0 built, 2 unchanged)" in capsys.readouterr().err


def test_pipeline_build_after_a_stopped_bulk_load_rebuilds_its_texts(corpus, tmp_path, capsys):
    # A build stopped during a bulk load leaves its note; the next build takes those
    # texts out (whatever part of them had landed), says so, and builds them again.
    store = tmp_path / "store"
    assert main(["build", str(corpus), "--store", str(store)]) == 0
    whole = _store(store).nquads()
    (store / "policykg-pending").write_text(text_iri("wuxi-2023") + "\n", "utf-8")
    assert main(["build", str(corpus), "--store", str(store)]) == 0
    err = capsys.readouterr().err
    assert "took out 1 texts that a stopped build had not finished" in err
    assert "2 texts (1 built, 1 unchanged)" in err
    assert _store(store).nquads() == whole
    assert not (store / "policykg-pending").exists()


def test_pipeline_bad_files_are_reported_and_the_rest_go_on(corpus, tmp_path, capsys):
    store = tmp_path / "store"
    assert main(["build", str(corpus), "--store", str(store)]) == 0
    capsys.readouterr()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    (corpus / "songxi-2023.txt").write_bytes(b"")  # a file that was fine is now broken
    (corpus / "new-2024.txt").write_text(GOOD["wuxi-2023.txt"].replace("2023", "2024"),
                                         encoding="utf-8")
    code = main(["build", str(corpus), str(tmp_path / "missing"), "--store", str(store)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    failures = [line for line in err if line.startswith("policykg: ")]
    assert len(failures) == 4
    for name in ("empty.txt", "broken.pdf", "songxi-2023.txt", "missing"):
        assert sum(name in line for line in failures) == 1
    assert err[-1].endswith("4 failed")
    texts = _store(store).text_iris()
    # the broken file's earlier graph is still there; the new file is built
    assert texts == sorted(text_iri(t) for t in ("new-2024", "songxi-2023", "wuxi-2023"))


def test_pipeline_remove_takes_one_text_out(corpus, tmp_path, capsys):
    store = tmp_path / "store"
    main(["build", str(corpus), "--store", str(store)])
    (corpus / "songxi-2023.txt").unlink()  # the file need not exist to be removed
    assert main(["remove", str(corpus / "songxi-2023.txt"), "--store", str(store)]) == 0
    assert _store(store).text_iris() == [text_iri("wuxi-2023")]
    assert main(["remove", "songxi-2023.txt", "--store", str(store)]) == 1
    assert "not in the graph" in capsys.readouterr().err
    assert main(["remove", "songxi-2023.txt", "--store", str(tmp_path / "none")]) == 1
    assert "no store here" in capsys.readouterr().err
    assert not (tmp_path / "none").exists()


def test_pipeline_remove_from_python_keeps_the_summary_current(corpus, tmp_path):
    # Called as a library (a notebook), remove recomputes the whole-graph queries' rows.
    store = open_store(tmp_path / "store")
    pipeline.build([corpus], store, progress=False)
    cited = named_query("most-cited-documents").text
    assert [row[2] for row in run_local(store.store, cited).rows] == [2]  # both cite 纲要
    assert pipeline.remove([corpus / "songxi-2023.txt", corpus / "none.txt"], store) == [
        str(corpus / "none.txt")]
    rows = run_local(store.store, cited).rows
    assert rows == defined_rows(store, "most-cited-documents").rows
    assert [row[2] for row in rows] == [1]


def test_pipeline_build_workers_write_what_one_process_writes(samples_dir, tmp_path):
    # Two workers make the texts' graphs and the store bulk-loads them; one process,
    # then a rebuild that replaces every text one transaction each, must agree byte for
    # byte.
    from policykg import pipeline

    stores = {}
    for workers in (1, 2):
        store = OxigraphStore(tmp_path / f"store-{workers}")
        report = pipeline.build([samples_dir], store, progress=False, report=lambda _: None,
                                workers=workers)
        assert report.built >= 5 and not report.failures
        stores[workers] = store.nquads()
    assert stores[1] == stores[2]
    store = OxigraphStore(tmp_path / "store-1")
    pipeline.build([samples_dir], store, progress=False, workers=1, force=True)
    assert store.nquads() == stores[1]
