"""A hand-made graph in the shape of graph/view.py's to_networkx (fictional places)."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import networkx as nx
import pytest

P = "https://w3id.org/policykg/id/"


def _graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    s1 = "2023年，青石市司法局认真贯彻落实《法治政府建设实施纲要（2021－2025年）》。"
    s2 = "市人民政府印发《青石市优化营商环境若干措施》，推行“一网通办”改革。"
    s3 = "全年办理行政复议案件126件，同比增长12.5%。"
    nodes = {
        "text/qs-2023": ("Text", "qs-2023", "qs-2023", [], {}),
        "text/ly-2022": ("Text", "ly-2022", "ly-2022", [], {}),
        "place/qs": ("Jurisdiction", "云岭省青石市", "云岭省青石市", [], {}),
        "place/ly": ("Jurisdiction", "云岭省柳原县", "云岭省柳原县", [], {}),
        "document/gy": (
            "Document", "法治政府建设实施纲要（2021－2025年）",
            "法治政府建设实施纲要(2021-2025年)", [s1], {"doc_type": "纲要"},
        ),
        "document/cs": (
            "Document", "青石市优化营商环境若干措施", "青石市优化营商环境若干措施", [s2],
            {"doc_type": "措施", "year": 2022},
        ),
        "agency/sfj": ("Agency", "市司法局", "云岭省青石市司法局", [s1], {}),
        "agency/zf": ("Agency", "市人民政府", "云岭省青石市人民政府", [s2], {}),
        "agency/ly-sfj": ("Agency", "县司法局", "云岭省柳原县司法局", [], {}),
        "measure/ywtb": ("Measure", "一网通办", "一网通办", [s2], {"measure_kind": "改革"}),
        "figure/f1": ("Figure", "126件", "qs-2023 126 件", [s3], {"value": 126.0, "unit": "件"}),
    }
    for key, (kind, label, canonical, sentences, props) in nodes.items():
        text = "ly-2022" if "ly" in key else "qs-2023"
        g.add_node(P + key, kind=kind, label=label, canonical=canonical,
                   texts=[text], sentences=sentences, **props)
    edges = [
        ("text/qs-2023", "document/gy", "CITES", s1),
        ("text/qs-2023", "document/cs", "CITES", s2),
        ("text/ly-2022", "document/gy", "CITES", ""),
        ("text/qs-2023", "agency/sfj", "MENTIONS", s1),
        ("text/qs-2023", "agency/sfj", "AUTHORED_BY", ""),
        ("text/qs-2023", "agency/zf", "MENTIONS", s2),
        ("text/ly-2022", "agency/ly-sfj", "AUTHORED_BY", ""),
        ("text/qs-2023", "place/qs", "IN_JURISDICTION", ""),
        ("text/ly-2022", "place/ly", "IN_JURISDICTION", ""),
        ("agency/zf", "document/cs", "ISSUED", s2),
        ("document/cs", "measure/ywtb", "ESTABLISHES", s2),
        ("document/cs", "document/gy", "IMPLEMENTS", s2),
        ("agency/sfj", "agency/zf", "PART_OF", ""),
        ("text/qs-2023", "measure/ywtb", "MENTIONS", s2),
        ("text/qs-2023", "figure/f1", "REPORTS", s3),
        ("figure/f1", "agency/sfj", "ABOUT", s3),
    ]
    for u, v, relation, sentence in edges:
        text = "ly-2022" if u.startswith("text/ly") else "qs-2023"
        g.add_edge(P + u, P + v, key=relation, relation=relation, text=text, sentence=sentence)
    return g


@pytest.fixture
def small_graph() -> nx.MultiDiGraph:
    """Two texts of fictional 青石市 and 柳原县: every node kind, parallel edges."""
    return _graph()


@pytest.fixture
def star_graph() -> nx.MultiDiGraph:
    """A hub agency with 30 documents, five of them also issued by a second agency."""
    g = nx.MultiDiGraph()
    g.add_node(
        P + "agency/hub", kind="Agency", label="市政府办公室", canonical="青石市人民政府办公室"
    )
    g.add_node(P + "agency/two", kind="Agency", label="市财政局", canonical="青石市财政局")
    for i in range(30):
        doc = P + f"document/{i:02d}"
        g.add_node(doc, kind="Document", label=f"青石市第{i}号通知", canonical=f"青石市第{i}号通知")
        g.add_edge(P + "agency/hub", doc, key="ISSUED", relation="ISSUED")
        if i < 5:
            g.add_edge(P + "agency/two", doc, key="ISSUED", relation="ISSUED")
    return g


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path of Debian's chromium (scripts/install-test-deps installs it)."""
    path = shutil.which("chromium")
    if path is None:
        pytest.skip("chromium is not installed (scripts/install-test-deps)")
    return path


@pytest.fixture
def browse(chromium, tmp_path):
    """Open a file in headless chromium with every host unresolvable; return the DOM
    after the virtual time budget, or write a screenshot when ``screenshot`` is given."""

    def run(page: Path, screenshot: Path | None = None, budget_ms: int = 20000) -> str:
        profile = tempfile.mkdtemp(dir=tmp_path)
        args = [
            chromium, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync", "--disable-quic",
            '--host-resolver-rules=MAP * ~NOTFOUND',
            f"--user-data-dir={profile}", f"--virtual-time-budget={budget_ms}",
        ]
        if screenshot is not None:
            args += [f"--screenshot={screenshot}", "--window-size=1400,900"]
        else:
            args.append("--dump-dom")
        done = subprocess.run(
            [*args, page.resolve().as_uri()], capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout

    return run


# Injected by the tests into a copy of the page, first thing in <head>: records resource
# loads and Content-Security-Policy violations, waits for the layout to settle, hovers
# the node whose id is in the page's #probe-target, and writes what it saw as JSON into
# a <pre id="probe"> that --dump-dom reads back.
PROBE = """<script>
(function () {
  var violations = [], attempts = [];
  document.addEventListener("securitypolicyviolation", function (e) {
    violations.push(e.blockedURI || e.violatedDirective);
  });
  function finish(tooltip) {
    var out = document.createElement("pre");
    out.id = "probe";
    out.textContent = JSON.stringify({
      resources: performance.getEntriesByType("resource").map(function (r) { return r.name; }),
      violations: violations,
      attempts: attempts,
      pwned: window.pwned === 1,
      images: document.images.length,
      scripts: document.scripts.length,
      tooltip: tooltip ? tooltip.textContent : null,
      tooltipTags: tooltip ? Array.prototype.map.call(tooltip.querySelectorAll("*"),
        function (e) { return e.tagName; }) : null
    });
    document.body.appendChild(out);
  }
  window.addEventListener("load", function () {
    var wait = setInterval(function () {
      var status = document.getElementById("policykg-status").textContent;
      if (status.indexOf('"stabilized":true') < 0) { return; }
      clearInterval(wait);
      hover(0);
    }, 100);
  });
  function move(canvas, x, y) {
    var box = canvas.getBoundingClientRect();
    canvas.dispatchEvent(new MouseEvent("mousemove", {
      clientX: box.left + x, clientY: box.top + y, bubbles: true
    }));
  }
  // Move the mouse onto the target until its tooltip shows, at most ten times; between
  // tries it goes to a corner so that a tooltip shown for something else closes (the
  // view may still shift for a moment after stabilising).
  function hover(tries) {
    tries = tries || 0;
    var net = window.policykgNetwork;
    var target = window.PROBE_TARGET;
    if (!target) { finish(null); return; }
    var canvas = document.querySelector("#policykg-network canvas");
    move(canvas, 1, 1);
    setTimeout(function () {
      var pos = net.canvasToDOM(net.getPosition(target));
      move(canvas, pos.x, pos.y);
      setTimeout(function () {
        var tooltip = document.querySelector("div.vis-tooltip");
        var shown = tooltip && tooltip.style.visibility !== "hidden" &&
          tooltip.textContent.indexOf(target) >= 0;
        attempts.push([Math.round(pos.x), Math.round(pos.y), net.getNodeAt(pos) || null]);
        if (shown || tries >= 9) { finish(tooltip); } else { hover(tries + 1); }
      }, 500);
    }, 300);
  }
})();
</script>"""


@pytest.fixture
def with_probe():
    """Put PROBE first in a page's <head>, with the IRI of the node it hovers."""
    return _with_probe


def _with_probe(page: str, target: str | None = None) -> str:
    setting = f"<script>window.PROBE_TARGET = {json.dumps(target)};</script>"
    return page.replace("<head>", "<head>" + setting + PROBE, 1)


@pytest.fixture(scope="session")
def sample_store(samples_dir, tmp_path_factory) -> Path:
    """The repo's sample corpus built into an on-disk store (the real pipeline)."""
    from policykg.graph.store import open_store

    from policykg.pipeline import build

    if not any(samples_dir.glob("*.*")):
        pytest.skip("samples/ is empty")
    path = tmp_path_factory.mktemp("samples") / "store"
    report = build([samples_dir], open_store(path), progress=False, report=lambda line: None)
    assert report.built and not report.failures, report.summary()
    return path
