"""`policykg extract`: good files give JSON, bad files one line each, the batch goes on."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from policykg.ontology.records import Extraction

from policykg.cli import main


def _stderr_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.strip()]


def test_extract_command_mixed_batch(mixed_batch, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["extract", *mixed_batch.args, "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 1
    assert sorted(p.stem for p in out.glob("*.json")) == mixed_batch.good
    lines = _stderr_lines(captured.err)
    assert len(lines) == len(mixed_batch.bad)
    for name in mixed_batch.bad:
        assert sum(name in line for line in lines) == 1, name
    assert "Traceback" not in captured.err
    assert f"extracted {len(mixed_batch.good)} of" in captured.out
    assert f"{len(mixed_batch.bad)} failed" in captured.out


def test_extract_command_json_shape(mixed_batch, tmp_path, capsys):
    out = tmp_path / "out"
    main(["extract", *mixed_batch.args, "--out", str(out)])
    data = json.loads((out / "songxi-2023.json").read_text(encoding="utf-8"))
    for key in ("id", "jurisdiction", "documents", "agencies", "measures", "metrics", "issued"):
        assert key in data, key
    again = Extraction.from_dict(data)
    assert again.text_id == "songxi-2023" and again.text.startswith("云岭市松溪区")
    gbk = json.loads((out / "yunling-notice.json").read_text(encoding="utf-8"))
    assert "云府办发〔2022〕12号" in gbk["record"]["text"]  # GB18030 source, Chinese out


def test_extract_command_same_output_twice(mixed_batch, tmp_path, capsys):
    first, second = tmp_path / "a", tmp_path / "b"
    main(["extract", *mixed_batch.args, "--out", str(first)])
    main(["extract", *mixed_batch.args, "--out", str(second)])
    for path in first.glob("*.json"):
        assert path.read_bytes() == (second / path.name).read_bytes()


@pytest.mark.parametrize("error", [RuntimeError("boom\nsecond line"), KeyError("d9")])
def test_extract_command_pipeline_bug_is_one_line(mixed_batch, tmp_path, capsys, monkeypatch,
                                                  error):
    """An unexpected exception on one text is reported for that file; the rest go on."""
    from policykg.extract import api

    real = api.extract_file

    def flaky(path, nlp=None):
        if str(path).endswith("songxi-2023.txt"):
            raise error
        return real(path, nlp)

    monkeypatch.setattr(api, "extract_file", flaky)
    out = tmp_path / "out"
    code = main(["extract", *mixed_batch.args, "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    line = next(line for line in _stderr_lines(err) if "songxi-2023.txt" in line)
    assert "extraction failed" in line and type(error).__name__ in line
    assert "Traceback" not in err
    assert sorted(p.stem for p in out.glob("*.json")) == [
        stem for stem in mixed_batch.good if stem != "songxi-2023"]


def test_extract_command_duplicate_stems(tmp_path, capsys):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(f"{folder}区2023年度法治政府建设情况的报告",
                                                      encoding="utf-8")
    code = main(["extract", str(tmp_path / "a"), str(tmp_path / "b"), "--out",
                 str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1 and "b/report.txt" in err and "rename one of them" in err
    saved = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert saved["record"]["text"].startswith("a区")


@pytest.mark.parametrize("args", [["extract", "EMPTY"], ["extract", "EMPTY", "x.md"]])
def test_extract_command_nothing_to_read(tmp_path, capsys, args):
    (tmp_path / "EMPTY").mkdir()
    argv = [str(tmp_path / a) if a in ("EMPTY", "x.md") else a for a in args]
    code = main([*argv, "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1 and len(_stderr_lines(err)) == 1 and "Traceback" not in err


def test_extract_command_subprocess(mixed_batch, tmp_path):
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "policykg.cli", "extract", *mixed_batch.args,
                           "--out", str(out)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert len(_stderr_lines(done.stderr)) == len(mixed_batch.bad)
    assert sorted(p.stem for p in out.glob("*.json")) == mixed_batch.good


def test_extract_command_output_read_by_scorer(dev_dir, tmp_path, capsys):
    """The shared scorer reads DIR as it is: every kind of fact is predicted and hits."""
    scorer = dev_dir.parents[1] / "tools" / "score.py"
    if not scorer.is_file():
        pytest.skip("../shared/tools/score.py is not beside this checkout")
    stems = ["zhanggong-2022", "guangan-rules-2020", "shuangcheng-2021"]
    gold, out = tmp_path / "gold", tmp_path / "out"
    gold.mkdir()
    for stem in stems:  # a gold folder of just these texts, in the test's tmp folder
        (gold / f"{stem}.json").write_bytes((dev_dir / f"{stem}.json").read_bytes())
    assert main(["extract", *(str(dev_dir / f"{s}.txt") for s in stems), "--out", str(out)]) == 0
    done = subprocess.run([sys.executable, str(scorer), str(gold), str(out), "--json"],
                          capture_output=True, text=True, timeout=60, check=True)
    result = json.loads(done.stdout)
    for kind in ("documents", "agencies", "measures", "metrics", "issued"):
        assert result[kind]["pred"] > 0 and result[kind]["recall"] > 0, kind


def test_extract_command_out_is_a_file(mixed_batch, tmp_path, capsys):
    blocker = tmp_path / "out.json"
    blocker.write_text("{}", encoding="utf-8")
    code = main(["extract", *mixed_batch.args, "--out", str(blocker)])
    err = capsys.readouterr().err
    assert code == 1
    assert _stderr_lines(err) == [f"policykg: {blocker}: cannot create the output folder "
                                  "(File exists)"]


@pytest.mark.slow  # starts two worker processes, each building the pipeline
def test_extract_command_workers_same_output(mixed_batch, tmp_path, capsys):
    """Several processes write the same files and report the same failures as one."""
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    assert main(["extract", *mixed_batch.args, "--out", str(serial)]) == 1
    first = capsys.readouterr()
    assert main(["extract", *mixed_batch.args, "--out", str(parallel), "--workers", "2"]) == 1
    second = capsys.readouterr()
    assert second.err == first.err
    assert sorted(p.name for p in parallel.glob("*.json")) == sorted(
        p.name for p in serial.glob("*.json"))
    for path in serial.glob("*.json"):
        assert path.read_bytes() == (parallel / path.name).read_bytes()
