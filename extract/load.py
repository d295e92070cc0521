"""Loaders: to be written (see issue 2). load_file(path) -> LoadedText."""

from __future__ import annotations

import hashlib
from pathlib import Path

from policykg.extract.loaded import LoadedText


def load_file(path: str | Path) -> LoadedText:
    data = Path(path).read_bytes()
    return LoadedText(str(path), data.decode("utf-8"), hashlib.sha256(data).hexdigest(), "txt")
