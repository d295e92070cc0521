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
