"""Glue between extraction and the graph: paths → Extractions → named graphs in a writer.

The only module that imports both extract/ and graph/. A file whose bytes are already in
the store (same sha-256) is not extracted again; a file that fails is reported and left
out, and whatever the store held for it stays; the batch always goes on.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from policykg.extract.load import is_supported
from policykg.extract.parallel import extract_parallel
from policykg.graph.build import Writer, graph_of, remove_text
from policykg.graph.summary import refresh_summary
from policykg.ontology.errors import InputError, PolicyKGError, StoreError
from policykg.ontology.namespaces import text_iri

__all__ = ["AUTO_WORKERS_FROM", "BuildReport", "build", "collect_files", "remove"]

#: Batches (of 8 texts) per worker in flight: the store's bulk loads take seconds, during
#: which the workers go on with these (~100 MB of graphs) instead of waiting.
AHEAD = 16
AUTO_WORKERS_FROM = 16  # files to build from which workers=None means one process per core


@dataclass
class BuildReport:
    built: int = 0
    unchanged: int = 0
    triples: int = 0  # written by this build
    entities: int = 0
    links: int = 0
    dropped: int = 0  # links that name no known author or do not fit the model
    failures: list[PolicyKGError] = field(default_factory=list)

    @property
    def texts(self) -> int:
        return self.built + self.unchanged

    def summary(self) -> str:
        return (f"{self.texts} texts ({self.built} built, {self.unchanged} unchanged), "
                f"{self.entities} entities, {self.links} links ({self.dropped} dropped), "
                f"{self.triples} triples written, "
                f"{len(self.failures)} failed")


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[PolicyKGError]]:
    """The files named, and the supported files inside the folders named (sorted)."""
    files: list[Path] = []
    errors: list[PolicyKGError] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(
                p for p in path.rglob("*") if p.is_file() and is_supported(p)
                and not any(part.startswith(".") for part in p.relative_to(path).parts)))
        elif path.is_file():
            files.append(path)
        else:
            errors.append(InputError(str(path), "no such file or folder"))
    seen: set[Path] = set()
    unique = [f for f in files if not (f.resolve() in seen or seen.add(f.resolve()))]
    return unique, errors


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None  # the loader reports it


def build(paths: Iterable[str | Path], writer: Writer, progress: bool | None = None,
          report: Callable[[str], None] | None = None, workers: int | None = 1,
          force: bool = False) -> BuildReport:
    """Extract and write every file; ``report`` gets one line per failure as it happens.

    ``workers`` processes extract (0: one per core; None: one per core when there are
    AUTO_WORKERS_FROM files or more to build, else 1) while this one writes, in file order.
    ``force`` rebuilds unchanged files too (after an upgrade of the extractor).
    """
    files, errors = collect_files(paths)
    result = BuildReport()
    say = report or (lambda line: tqdm.write(line, file=sys.stderr))

    def fail(err: PolicyKGError) -> None:
        # Kept without its traceback: that would hold this frame, and so the writer (an
        # open store), alive after the build.
        result.failures.append(err.with_traceback(None))
        say(f"policykg: {err}")

    for err in errors:
        fail(err)
    if progress is None:
        progress = sys.stderr.isatty()
    todo = []
    stems: dict[str, Path] = {}
    for path in files:
        if stems.setdefault(path.stem, path) != path:
            clash = InputError(str(path), f"same file name stem as {stems[path.stem]}: "
                                          "a text is known by its stem, rename one")
            fail(clash)
            continue
        sha = _sha256(path)
        if not force and sha is not None and writer.has_text(text_iri(path.stem), sha):
            result.unchanged += 1
        else:
            todo.append(path)
    if workers is None:  # starting workers costs seconds: worth it for a batch only
        workers = 0 if len(todo) >= AUTO_WORKERS_FROM else 1
    # Workers extract each text and turn it into its graph; this process only writes.
    # A bug on one text comes back as its ExtractionError, so it stops only that text.
    results = extract_parallel(todo, workers, then=graph_of, ahead=AHEAD)
    bar = tqdm(results, total=len(todo), unit="file", file=sys.stderr,
               disable=not progress, dynamic_ncols=True)
    try:
        for path, graph in bar:
            bar.set_postfix_str(path.name, refresh=False)
            if isinstance(graph, PolicyKGError):
                fail(graph)
                continue
            try:
                writer.write_graph(graph)
            except StoreError:
                raise  # the store itself failed: no use going on
            except PolicyKGError as err:  # e.g. a server refused this one text
                fail(err)
                continue
            result.built += 1
            result.triples += graph.count
            result.entities += graph.entities
            result.links += graph.links
            result.dropped += len(graph.dropped)
    finally:
        writer.commit()  # also when stopped: what was extracted is written whole
    refresh_summary(writer, force=force)  # the whole-graph queries' rows; none if no text changed
    writer.flush()
    return result


def remove(paths: Iterable[str | Path], writer: Writer) -> list[str]:
    """Take the texts of these files (by their stems; a file need not exist any more) out,
    then recompute the summary once; returns the paths whose text was not in the graph."""
    missing = [str(path) for path in paths if not remove_text(writer, Path(path).stem)]
    refresh_summary(writer)  # nothing to do when no text was there
    writer.flush()
    return missing
