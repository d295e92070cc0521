"""Extraction over several processes, streaming, in input order.

:func:`extract_parallel` yields what :func:`~policykg.extract.api.extract_many` yields
for the same paths (the same Extractions, the same errors, in the same order), but runs
the pipeline in ``workers`` processes. One difference, which the build wants: a bug on
one text (an exception that is not a PolicyKGError) comes out as that text's
ExtractionError instead of ending the stream, whatever the number of workers.

``then``, a function of an Extraction, runs in the worker on each text and its result
comes back instead (the build turns each text into its graph there, so that work is
spread over the workers too); what it raises becomes the text's error.

Paths are read lazily and at most ``ahead * workers`` batches are in flight, so memory
stays flat however many texts there are (``Pool.imap`` would read the whole input ahead and
queue every result the consumer has not taken yet). Workers start from a fork server,
not by forking the caller: the caller may hold an open store with its own threads, which
a plain fork would copy mid-lock.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from policykg.extract.api import extract_file
from policykg.extract.pipeline import shared_pipeline
from policykg.ontology.errors import ExtractionError, PolicyKGError
from policykg.ontology.records import Extraction

Then = Callable[[Extraction], Any]


def extract_parallel(paths: Iterable[str | Path], workers: int | None = None,
                     batch: int = 8, then: Then | None = None,
                     ahead: int = 2) -> Iterator[tuple[Path, Any]]:
    """Each file's Extraction (or ``then`` of it), or the error that stopped it, in input
    order.

    ``workers`` processes (None or 0: one per core; 1: in this process); ``ahead``
    batches per worker may be in flight (done or not) while the caller is busy.
    """
    workers = workers or os.cpu_count() or 1
    if workers == 1:
        for path in paths:
            yield _extract_one(path, then)
        return
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["policykg.extract.api", *([then.__module__] if then else [])])
    items = iter(paths)
    with ctx.Pool(workers, initializer=_warm) as pool:
        pending: deque = deque()
        while chunk := [str(p) for p in islice(items, batch)]:
            pending.append(pool.apply_async(_extract_batch, (chunk, then)))
            if len(pending) >= ahead * workers:
                yield from _unpack(pending.popleft().get())
        while pending:
            yield from _unpack(pending.popleft().get())


def _extract_one(path: str | Path, then: Then | None = None) -> tuple[Path, Any]:
    path = Path(path)
    stage = "extraction"
    try:
        extraction = extract_file(path)
        stage = "processing of the extraction"
        return path, then(extraction) if then else extraction
    except PolicyKGError as err:
        return path, err.with_traceback(None)
    except Exception as err:  # a bug on one text must not stop the others
        return path, ExtractionError(f"{path}: {stage} failed ({type(err).__name__}: {err})")


def _warm() -> None:
    shared_pipeline()  # build the pipeline once per worker, before the first text


def _extract_batch(paths: list[str], then: Then | None) -> list[tuple[Path, Any]]:
    out: list[tuple[Path, Any]] = []
    for path in paths:
        path, result = _extract_one(path, then)
        out.append((path, _Failure.of(result) if isinstance(result, PolicyKGError) else result))
    return out


def _unpack(rows: list[tuple[Path, Any]]) -> Iterator[tuple[Path, Any]]:
    for path, result in rows:
        yield path, result.rebuild() if isinstance(result, _Failure) else result


class _Failure:
    """A PolicyKGError in transit: subclasses with their own ``__init__`` (InputError)
    do not survive pickling, so the class, message and attributes travel instead."""

    def __init__(self, cls: type, message: str, state: dict[str, Any]) -> None:
        self.cls, self.message, self.state = cls, message, state

    @classmethod
    def of(cls, err: PolicyKGError) -> _Failure:
        return cls(type(err), str(err), dict(vars(err)))

    def rebuild(self) -> PolicyKGError:
        err = self.cls.__new__(self.cls)
        Exception.__init__(err, self.message)
        vars(err).update(self.state)
        return err
