"""`policykg synth OUT --count N [--seed S]`: write synthetic texts in the genre."""

from __future__ import annotations

import argparse

from policykg.synth import write_corpus


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "synth", help="write synthetic policy texts (deterministic) as .txt files")
    parser.add_argument("out", help="folder to write into (created if missing)")
    parser.add_argument("--count", type=int, default=100, help="how many texts (default 100)")
    parser.add_argument("--seed", type=int, default=0, help="the same seed gives the same bytes")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    total = sum(path.stat().st_size for path in write_corpus(args.out, args.count, args.seed))
    print(f"wrote {args.count} texts ({total / 1e6:.1f} MB) to {args.out}")
    return 0
