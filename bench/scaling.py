"""How extraction's cost grows with a text's length: per component, and for the pipeline.

    .venv/bin/python bench/scaling.py [--dev ../shared/corpus/dev] [--short 30000] [--long 300000]

Each probe text (prose from the dev corpus, and texts built to trip a rule that re-reads
the text per candidate: one endless sentence of titles, triggers, member lists …) is
timed at two lengths, CPU time, best of two. A component whose cost per character grows
more than GROWTH times from the short to the long text is flagged: a quadratic rule grows
it about tenfold. Then the whole pipeline's chars/s on one core: the dev corpus repeated
to 1M chars, and one long text. Figures, not a pass/fail test: timing belongs here.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from pathlib import Path

from policykg.extract.api import extract_loaded
from policykg.extract.load import load_file
from policykg.extract.loaded import LoadedText
from policykg.extract.pipeline import shared_pipeline

GROWTH = 3.0
PROBES = {
    "titles in one sentence": "《松溪区普法规划》",
    "titles with numbers": "《松溪区普法规划》【松府发〔2021〕3号】、",
    "a trigger per clause": "区政府印发《松溪区普法规划》，",
    "triggers without subject": "印发《松溪区普法规划》，",
    "cues and triggers": "根据《青川省普法条例》制定《松溪区普法规划》",
    "passive adoption": "《松溪区普法规划》经区政府审议通过",
    "drafted then adopted": "起草《松溪区普法规划》，提请区政府审议通过，",
    "measure established": "区司法局印发《关于实行“首违不罚”制度的通知》，推行“首违不罚”，",
    "headings": "\n1、松溪区普法\n（一）区司法局",
    "numbers on one line": "松府发〔2021〕3号",
    "signature lines": "2023年3月1日\n松溪区司法局\n",
    "body before unclosed title": "区政府印发《",
    "member lists": "区司法局、区法院、区检察院等成员单位，",
    "lead notes": "牵头单位：区司法局、区法院；",
    "measures and figures": "区司法局推行“首违不罚”制度，办结86件，",
    "measures in one clause": "区司法局实行“首违不罚”、",
    "figures beside titles": "《松溪区普法规划》发放3000份，",
}


def component_seconds(text: str) -> dict[str, float]:
    """CPU seconds per component for one text, best of two.

    The garbage collector is off while a component runs: a full collection walks every
    object alive, and lands on whichever component allocates when one falls due (it
    flagged relations 3x on a long text of short lines that it reads in linear time).
    Collections are part of the pipeline's figures below, not of a component's."""
    nlp = shared_pipeline()
    best: dict[str, float] = {}
    for _ in range(2):
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            gc.disable()  # what falls due runs after, outside the clock
            try:
                start = time.process_time()
                doc = proc(doc)
                spent = time.process_time() - start
            finally:
                gc.enable()
            best[name] = min(best.get(name, spent), spent)
    return best


def growth(unit: str, short: int, long: int) -> dict[str, float]:
    def sized(n: int) -> str:
        return (unit * -(-n // len(unit)))[:n]

    component_seconds(sized(min(short, 3000)))  # warm caches
    small, big = component_seconds(sized(short)), component_seconds(sized(long))
    return {name: (big[name] / long) / max(small[name] / short, 1e-12) for name in big}


def pipeline_rate(texts: list[LoadedText]) -> float:
    nlp = shared_pipeline()
    start = time.process_time()
    for text in texts:
        extract_loaded(text, nlp=nlp)
    return sum(len(t.text) for t in texts) / (time.process_time() - start)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=Path("../shared/corpus/dev"))
    parser.add_argument("--short", type=int, default=30_000)
    parser.add_argument("--long", type=int, default=300_000)
    parser.add_argument("--million", type=int, default=1_000_000, help="dev corpus size")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)

    probes = dict(PROBES)
    dev = [load_file(p) for p in sorted(args.dev.glob("*.txt"))] if args.dev.is_dir() else []
    if dev:
        probes["dev corpus prose"] = "\n".join(t.text for t in dev) + "\n"
    result: dict = {"growth": {}, "flagged": [], "chars_per_s": {}}
    names = [name for name, _ in shared_pipeline().pipeline]
    print(f"cost per char at {args.long:,} / at {args.short:,} chars (flag > {GROWTH}x)")
    print(f"{'probe':<28}" + "".join(f"{n[:9]:>10}" for n in names))
    for label, unit in probes.items():
        ratios = growth(unit, args.short, args.long)
        result["growth"][label] = ratios
        cells = []
        for name in names:
            mark = "!" if ratios[name] > GROWTH else " "
            cells.append(f"{ratios[name]:>9.1f}{mark}")
            if mark == "!":
                result["flagged"].append([label, name, round(ratios[name], 2)])
        print(f"{label:<28}" + "".join(cells))

    if dev:
        size = sum(len(t.text) for t in dev)
        rate = pipeline_rate(dev * -(-args.million // size))
        result["chars_per_s"]["dev corpus repeated"] = rate
        long = LoadedText("long.txt", probes["dev corpus prose"] * -(-args.long // size),
                          "0" * 64, "txt")
        result["chars_per_s"]["one long text"] = pipeline_rate([long])
    for label, rate in result["chars_per_s"].items():
        print(f"pipeline, {label}: {rate:,.0f} chars/s (one core, CPU time)")
    print(f"flagged: {len(result['flagged'])}")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), "utf-8")
    return result


if __name__ == "__main__":
    main(sys.argv[1:])
