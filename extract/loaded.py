"""The loader's output: a clean text with where it came from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LoadedText:
    path: str  # as given
    text: str  # what every character offset refers to
    sha256: str  # of the source bytes, for provenance and change detection
    format: str  # txt | html | pdf | docx
    encoding: str | None = None  # detected, for byte formats
    title: str | None = None  # a title the container states (html <title>/<h1>, docx core)


@dataclass(frozen=True)
class RawText:
    """What one format's reader gives before the shared normalisation."""

    text: str
    encoding: str | None = None
    title: str | None = None
