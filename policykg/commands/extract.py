"""`policykg extract PATH... --out DIR`: one JSON per text, in the shape score.py reads.

Each file read gives DIR/<stem>.json (the annotation-guide summary plus the rich record
under ``record``). A file that cannot be read or extracted gives one line on stderr naming
it; the others go on, and the exit code is 1 at the end when any failed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from policykg.extract.api import extract_many
from policykg.extract.load import SUPPORTED, find_sources
from policykg.extract.parallel import extract_parallel
from policykg.ontology.errors import InputError, PolicyKGError
from policykg.ontology.records import Extraction


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "extract", help="extract documents, agencies, measures and figures into JSON files",
        description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help=f"files or folders (read recursively: {' '.join(SUPPORTED)})")
    parser.add_argument("--out", required=True, metavar="DIR",
                        help="folder for the <stem>.json files (created if missing)")
    parser.add_argument("--workers", type=_count, default=1, metavar="N",
                        help="processes to extract in (default 1; 0: one per core)")
    parser.set_defaults(func=run)


def _count(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"not a number of processes: {value}")
    return int(value)


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise InputError(str(out), f"cannot create the output folder ({err.strerror})") from None
    files = find_sources(args.paths)
    if not files:
        raise InputError(" ".join(args.paths), f"no {'/'.join(SUPPORTED)} files found")
    written: dict[str, Path] = {}  # output name -> the file it came from
    failed = 0
    results = extract_many(files) if args.workers == 1 else extract_parallel(files, args.workers)
    for path, result in results:
        try:
            if isinstance(result, PolicyKGError):
                raise result
            written[result.text_id] = _write(result, out, path, written)
        except PolicyKGError as err:
            print(f"policykg: {' '.join(str(err).splitlines())}", file=sys.stderr)
            failed += 1
    print(f"extracted {len(written)} of {len(files)} texts into {out}; {failed} failed")
    return 1 if failed else 0


def _write(extraction: Extraction, out: Path, path: Path, written: dict[str, Path]) -> Path:
    target = out / f"{extraction.text_id}.json"
    if extraction.text_id in written:
        raise InputError(str(path), f"{target} was already written from "
                                    f"{written[extraction.text_id]}; rename one of them")
    text = json.dumps(extraction.to_dict(), ensure_ascii=False, indent=1)
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.write_text(text + "\n", encoding="utf-8")
        os.replace(partial, target)  # a reader never sees half a file
    except OSError as err:
        partial.unlink(missing_ok=True)
        raise InputError(str(path), f"cannot write {target} ({err.strerror})") from None
    return path
