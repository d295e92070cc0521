"""bench/scaling.py runs and reports a growth ratio for every probe and component.

Its figures are not checked (timing belongs to the benchmark, not to a test); its shape is.
"""

from __future__ import annotations

import importlib.util
import io
import json
from contextlib import redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_scaling_smoke_reports_every_probe_and_component(dev_dir: Path, tmp_path: Path):
    spec = importlib.util.spec_from_file_location("scaling", ROOT / "bench" / "scaling.py")
    scaling = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scaling)
    out = tmp_path / "scaling.json"
    with redirect_stdout(io.StringIO()) as printed:
        scaling.main(["--dev", str(dev_dir), "--short", "200", "--long", "2000",
                      "--million", "5000", "--json", str(out)])
    result = json.loads(out.read_text("utf-8"))
    assert set(result["growth"]) == set(scaling.PROBES) | {"dev corpus prose"}
    for ratios in result["growth"].values():
        assert {"titles", "agencies", "relations"} <= set(ratios)
        assert all(r > 0 for r in ratios.values())
    assert set(result["chars_per_s"]) == {"dev corpus repeated", "one long text"}
    assert all(r > 0 for r in result["chars_per_s"].values())
    assert f"flagged: {len(result['flagged'])}" in printed.getvalue()
