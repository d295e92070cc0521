"""The `policykg` command: a thin layer that parses arguments and calls plain functions.

Each sub-command lives in its own module under policykg/commands and exposes
``register(subparsers)``; the function it calls does the work. A PolicyKGError is printed
as one line on stderr with exit code 1, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from policykg import __version__, commands
from policykg.ontology.errors import PolicyKGError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="policykg", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"policykg {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        importlib.import_module(f"policykg.commands.{info.name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except PolicyKGError as err:
        print(f"policykg: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("policykg: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
