"""Fixtures of the graph tests: a real `oxigraph serve` for the HTTP tests, the three
fixture texts as records and stores, and children killed mid-write (`killed`)."""

from __future__ import annotations

import hashlib
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from policykg.graph.build import write_extraction
from policykg.graph.store import OxigraphStore, open_store
from policykg.graph.summary import refresh_summary
from policykg.ontology.records import (
    AUTHOR,
    AgencyRecord,
    DocNumber,
    DocumentRecord,
    Extraction,
    LinkRecord,
    MeasureRecord,
    Mention,
    MetricRecord,
    Sentence,
    TextMeta,
)


@contextmanager
def _killed(script: str, *args: str) -> Iterator[subprocess.Popen]:
    """A Python child running ``script`` with ``args``, its stdout piped as text: the
    block reads it up to the moment to kill it, and leaving the block kills it (SIGKILL,
    as a crash), or any way out of the block stops it."""
    child = subprocess.Popen([sys.executable, "-c", script, *args],
                             stdout=subprocess.PIPE, text=True)
    try:
        yield child
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL


@pytest.fixture()
def killed() -> Callable[..., AbstractContextManager[subprocess.Popen]]:
    """``with killed(script, *args) as child:`` (see :func:`_killed`)."""
    return _killed


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture()
def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (for the unreachable-server tests)."""
    return _free_port()


def _oxigraph_cli() -> str | None:
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.exists() else shutil.which("oxigraph")


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a real `oxigraph serve` on 127.0.0.1 (free port, temp dir), session-wide.

    Queries see the union of the named graphs as their default graph, like the embedded
    store's queries do. Tests that use it are marked `server`.
    """
    yield from _serve(tmp_path_factory.mktemp("oxigraph-serve"), "--union-default-graph")


@pytest.fixture(scope="session")
def oxigraph_server_plain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Another `oxigraph serve`, with the standard default graph (a store not set up for us)."""
    yield from _serve(tmp_path_factory.mktemp("oxigraph-serve-plain"))


def _serve(location: Path, *options: str) -> Iterator[str]:
    cli = _oxigraph_cli()
    if cli is None:
        pytest.fail("the `oxigraph` CLI (PyPI package oxigraph) is not installed")
    port = _free_port()
    log = (location.parent / f"{location.name}.log").open("wb")
    proc = subprocess.Popen(
        [cli, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", *options],
        stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, proc)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _wait_until_up(base: str, proc: subprocess.Popen, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    probe = urllib.request.Request(
        f"{base}/query?query=ASK%7B%7D", headers={"Accept": "application/sparql-results+json"}
    )
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"oxigraph serve exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(probe, timeout=1) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    pytest.fail(f"oxigraph serve did not answer on {base} within {timeout:.0f}s")


# --- the query fixture: three fictional texts as records --------------------------------
# Written for the named-query tests; every expected row of those tests can be read off
# these sentences. Places (云岭省雾溪市, 白鹭县, 松涛区) are fictional.


class _Text:
    """Builds one Extraction sentence by sentence, offsets computed from the phrases."""

    def __init__(self, text_id: str, meta: TextMeta, sentences: list[str]) -> None:
        self.text_id, self.meta = text_id, meta
        self.sentences: list[Sentence] = []
        pos = 0
        for sentence in sentences:
            self.sentences.append(Sentence(pos, pos + len(sentence), sentence))
            pos += len(sentence) + 1  # one line break between sentences
        self.text = "\n".join(sentences)
        self.entities: dict[str, list] = {"d": [], "a": [], "m": [], "f": []}
        self.links: list[LinkRecord] = []

    def mention(self, phrase: str, sentence: int) -> Mention:
        s = self.sentences[sentence]
        start = s.text.index(phrase) + s.start
        return Mention(start, start + len(phrase), sentence, phrase)

    def add(self, prefix: str, record_type: type, *args, at: list[tuple[str, int]], **kw) -> str:
        ident = f"{prefix}{len(self.entities[prefix]) + 1}"
        mentions = [self.mention(phrase, i) for phrase, i in at]
        self.entities[prefix].append(record_type(ident, *args, mentions=mentions, **kw))
        return ident

    def link(self, kind: str, source: str, target: str, sentence: int, trigger: str) -> None:
        self.links.append(LinkRecord(kind, source, target, sentence, trigger))

    def extraction(self) -> Extraction:
        return Extraction(
            text_id=self.text_id,
            source=f"fixture/{self.text_id}.txt",
            sha256=hashlib.sha256(self.text.encode("utf-8")).hexdigest(),
            text=self.text,
            meta=self.meta,
            sentences=self.sentences,
            documents=self.entities["d"],
            agencies=self.entities["a"],
            measures=self.entities["m"],
            metrics=self.entities["f"],
            links=self.links,
        )


_GANGYAO = "法治政府建设实施纲要（2021－2025年）"
_JIANDU = "雾溪市行政执法监督办法"
_JIANDU_NO = DocNumber("雾政发〔2021〕7号", "雾政发", 2021, 7)


def _bailu() -> Extraction:
    t = _Text(
        "bailu-2022",
        TextMeta(title="白鹭县人民政府2022年度法治政府建设情况报告", author="白鹭县人民政府",
                 jurisdiction="云岭省雾溪市白鹭县", date="2023-03-01", year=2022,
                 doc_type="报告"),
        [
            f"2022年，县政府认真贯彻落实《{_GANGYAO}》，制定《白鹭县法治政府建设工作要点》。",
            "县司法局、县公安局建立“一站式”矛盾调解机制，全年调解纠纷326件。",
            "县司法局办理行政复议案件41件，纠错率12.5%。",
            f"雾溪市人民政府印发的《{_JIANDU}》（雾政发〔2021〕7号）得到全面执行。",
        ],
    )
    d1 = t.add("d", DocumentRecord, _GANGYAO, _GANGYAO, doc_type="纲要", at=[(_GANGYAO, 0)])
    d2 = t.add("d", DocumentRecord, "白鹭县法治政府建设工作要点", "白鹭县法治政府建设工作要点",
               doc_type="要点", issuer="白鹭县人民政府", at=[("白鹭县法治政府建设工作要点", 0)])
    d3 = t.add("d", DocumentRecord, _JIANDU, _JIANDU, number=_JIANDU_NO, doc_type="办法",
               issuer="雾溪市人民政府", at=[(_JIANDU, 3)])
    a1 = t.add("a", AgencyRecord, "县司法局", "县司法局", kind="justice",
               at=[("县司法局", 1), ("县司法局", 2)])
    a2 = t.add("a", AgencyRecord, "县公安局", "县公安局", kind="police", at=[("县公安局", 1)])
    a3 = t.add("a", AgencyRecord, "雾溪市人民政府", "雾溪市人民政府", kind="government",
               at=[("雾溪市人民政府", 3)])
    m1 = t.add("m", MeasureRecord, "一站式矛盾调解机制", "一站式矛盾调解机制", kind="机制",
               at=[("“一站式”矛盾调解机制", 1)])
    f1 = t.add("f", MetricRecord, 326.0, "件", "326件", counted="纠纷", at=[("326件", 1)])
    t.add("f", MetricRecord, 41.0, "件", "41件", counted="行政复议案件", at=[("41件", 2)])
    t.add("f", MetricRecord, 12.5, "%", "12.5%", counted="纠错率", at=[("12.5%", 2)])
    t.link("cites", AUTHOR, d1, 0, "贯彻落实")
    t.link("implements", d2, d1, 0, "贯彻落实")
    t.link("issued", AUTHOR, d2, 0, "制定")
    t.link("issued", a3, d3, 3, "印发")
    t.link("carries_out", a1, m1, 1, "建立")
    t.link("carries_out", a2, m1, 1, "建立")
    t.link("about", f1, m1, 1, "调解")
    return t.extraction()


def _songtao() -> Extraction:
    t = _Text(
        "songtao-2023",
        TextMeta(title="松涛区2023年法治政府建设情况报告", author="松涛区人民政府",
                 jurisdiction="云岭省雾溪市松涛区", date="2024-02-20", year=2023,
                 doc_type="报告"),
        [
            f"松涛区深入学习《{_GANGYAO}》，区司法局、区公安局联合开展“法治护航”行动。",
            "区政府办公室印发《松涛区重大行政决策程序规定》（松政办发〔2023〕3号）。",
            "全区共审查规范性文件18件，区司法局列席会议26次。",
            f"按照《{_JIANDU}》，区公安局评查执法案卷15件，推行“首违不罚”清单。",
        ],
    )
    d1 = t.add("d", DocumentRecord, _GANGYAO, _GANGYAO, doc_type="纲要", at=[(_GANGYAO, 0)])
    d2 = t.add("d", DocumentRecord, "松涛区重大行政决策程序规定", "松涛区重大行政决策程序规定",
               number=DocNumber("松政办发〔2023〕3号", "松政办发", 2023, 3), doc_type="规定",
               issuer="区政府办公室", at=[("松涛区重大行政决策程序规定", 1)])
    d3 = t.add("d", DocumentRecord, _JIANDU, _JIANDU, doc_type="办法", at=[(_JIANDU, 3)])
    a1 = t.add("a", AgencyRecord, "区司法局", "区司法局", kind="justice",
               at=[("区司法局", 0), ("区司法局", 2)])
    a2 = t.add("a", AgencyRecord, "区公安局", "区公安局", kind="police",
               at=[("区公安局", 0), ("区公安局", 3)])
    a3 = t.add("a", AgencyRecord, "区政府办公室", "区人民政府办公室", kind="government",
               at=[("区政府办公室", 1)])
    m1 = t.add("m", MeasureRecord, "法治护航行动", "法治护航行动", kind="行动",
               at=[("“法治护航”行动", 0)])
    t.add("m", MeasureRecord, "首违不罚清单", "首违不罚清单", kind="清单",
          at=[("“首违不罚”清单", 3)])  # a measure no sentence links to anything
    t.add("f", MetricRecord, 18.0, "件", "18件", counted="规范性文件", at=[("18件", 2)])
    t.add("f", MetricRecord, 26.0, "次", "26次", counted="会议", at=[("26次", 2)])
    t.add("f", MetricRecord, 15.0, "件", "15件", counted="执法案卷", at=[("15件", 3)])
    t.link("cites", AUTHOR, d1, 0, "学习")
    t.link("cites", AUTHOR, d3, 3, "按照")
    t.link("issued", a3, d2, 1, "印发")
    t.link("carries_out", a1, m1, 0, "开展")
    t.link("carries_out", a2, m1, 0, "开展")
    return t.extraction()


def _wuxi() -> Extraction:
    t = _Text(
        "wuxi-notice-2021",
        TextMeta(title=f"雾溪市人民政府关于印发《{_JIANDU}》的通知", author="雾溪市人民政府",
                 jurisdiction="云岭省雾溪市", date="2021-06-01", doc_type="通知"),
        [
            f"雾溪市人民政府关于印发《{_JIANDU}》的通知",
            "市司法局、市公安局要全面推行“双随机、一公开”监管制度。",
        ],
    )
    d1 = t.add("d", DocumentRecord, _JIANDU, _JIANDU, number=_JIANDU_NO, doc_type="办法",
               issuer="雾溪市人民政府", at=[(_JIANDU, 0)])
    a1 = t.add("a", AgencyRecord, "雾溪市人民政府", "雾溪市人民政府", kind="government",
               at=[("雾溪市人民政府", 0)])
    a2 = t.add("a", AgencyRecord, "市司法局", "市司法局", kind="justice", at=[("市司法局", 1)])
    a3 = t.add("a", AgencyRecord, "市公安局", "市公安局", kind="police", at=[("市公安局", 1)])
    m1 = t.add("m", MeasureRecord, "双随机、一公开监管制度", "双随机、一公开监管制度",
               kind="制度", at=[("“双随机、一公开”监管制度", 1)])
    t.link("issued", a1, d1, 0, "印发")
    t.link("establishes", d1, m1, 1, "推行")
    t.link("carries_out", a2, m1, 1, "推行")
    t.link("carries_out", a3, m1, 1, "推行")
    return t.extraction()


@pytest.fixture(scope="session")
def query_extractions() -> list[Extraction]:
    """Three fictional texts that share documents and agencies (see the query tests)."""
    return [_bailu(), _songtao(), _wuxi()]


@pytest.fixture(scope="session")
def query_store(query_extractions, tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    """The three texts built into an on-disk store through the real builder, with the
    summary graph computed as a build's end computes it."""
    store = open_store(tmp_path_factory.mktemp("query-store") / "store")
    for extraction in query_extractions:
        write_extraction(store, extraction)
    refresh_summary(store)
    store.store.flush()  # the CLI tests open it read-only beside this open instance
    return store


# --- the build tests: a store per test, the SHACL shapes --------------------------------


@pytest.fixture()
def new_store(tmp_path: Path):
    """A function giving a fresh on-disk store (optionally filled with extractions)."""
    count = iter(range(1000))

    def make(extractions: list[Extraction] = ()) -> OxigraphStore:
        store = open_store(tmp_path / f"store-{next(count)}")
        for extraction in extractions:
            write_extraction(store, extraction)
        return store

    return make


@pytest.fixture(scope="session")
def shapes():
    """ontology/shapes.ttl as an rdflib Graph."""
    from importlib import resources

    import rdflib

    text = resources.files("policykg.ontology").joinpath("shapes.ttl").read_text("utf-8")
    return rdflib.Graph().parse(data=text, format="turtle")
