"""Extraction over several processes, streaming, in input order.

:func:`extract_parallel` yields exactly what :func:`~policykg.extract.api.extract_many`
yields for the same paths (the same Extractions, the same errors, in the same order),
but runs the pipeline in ``workers`` processes. Paths are read lazily and at most
``2 * workers`` batches are in flight, so memory stays flat however many texts there are
(``Pool.imap`` would read the whole input ahead and queue every result the consumer has
not taken yet).

Workers start from a fork server, not by forking the caller: the caller may hold an open
store with its own threads, which a plain fork would copy mid-lock.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from policykg.extract.api import extract_many
from policykg.extract.pipeline import shared_pipeline
from policykg.ontology.errors import PolicyKGError
from policykg.ontology.records import Extraction

Result = tuple[Path, Extraction | PolicyKGError]


def extract_parallel(paths: Iterable[str | Path], workers: int | None = None,
                     batch: int = 8) -> Iterator[Result]:
    """Each file's Extraction, or the error that stopped it, in input order."""
    workers = workers or os.cpu_count() or 1
    if workers <= 1:
        yield from extract_many(paths)
        return
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["policykg.extract.api"])
    items = iter(paths)
    with ctx.Pool(workers, initializer=_warm) as pool:
        pending: deque = deque()
        while chunk := [str(p) for p in islice(items, batch)]:
            pending.append(pool.apply_async(_extract_batch, (chunk,)))
            if len(pending) >= 2 * workers:
                yield from _unpack(pending.popleft().get())
        while pending:
            yield from _unpack(pending.popleft().get())


def _warm() -> None:
    shared_pipeline()  # build the pipeline once per worker, before the first text


def _extract_batch(paths: list[str]) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for path, result in extract_many(paths):
        if isinstance(result, PolicyKGError):
            result = _Failure.of(result)
        out.append((str(path), result))
    return out


def _unpack(rows: list[tuple[str, Any]]) -> Iterator[Result]:
    for path, result in rows:
        yield Path(path), result.rebuild() if isinstance(result, _Failure) else result


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
