"""Loaders: any supported file to a :class:`LoadedText` whose text all spans refer to.

``load_file`` dispatches on the extension, turns every problem into an InputError whose
message is one line naming the file, and puts each format's text through the same
normalisation (extract/normalize.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from policykg.extract.encoding import decode
from policykg.extract.load_docx import read_docx
from policykg.extract.load_html import read_html
from policykg.extract.load_pdf import read_pdf
from policykg.extract.loaded import LoadedText, RawText
from policykg.extract.normalize import normalize
from policykg.ontology.errors import EmptyTextError, InputError, UnsupportedFormatError


def read_txt(data: bytes, path: str) -> RawText:
    decoded = decode(data, path)
    return RawText(decoded.text, decoded.encoding)


READERS: dict[str, tuple[str, Callable[[bytes, str], RawText]]] = {
    ".txt": ("txt", read_txt),
    ".html": ("html", read_html),
    ".htm": ("html", read_html),
    ".pdf": ("pdf", read_pdf),
    ".docx": ("docx", read_docx),
}
SUPPORTED = tuple(READERS)


def is_supported(path: str | Path) -> bool:
    return Path(path).suffix.lower() in READERS


def load_file(path: str | Path) -> LoadedText:
    name = str(path)
    suffix = Path(path).suffix.lower()
    if suffix not in READERS:
        raise UnsupportedFormatError(
            name, f"unsupported format {suffix or '(no extension)'}; policykg reads "
                  + ", ".join(SUPPORTED))
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise InputError(name, f"cannot read ({err.strerror or type(err).__name__})") from None
    if not data:
        raise EmptyTextError(name, "empty file (0 bytes)")
    fmt, reader = READERS[suffix]
    raw = reader(data, name)
    text = normalize(raw.text)
    if not text:
        raise EmptyTextError(name, "no text (only white space or page chrome)")
    return LoadedText(name, text, hashlib.sha256(data).hexdigest(), fmt, raw.encoding,
                      raw.title)


def find_sources(paths: list[str | Path]) -> list[Path]:
    """The files to read: each file as given, each folder's supported files (recursively).

    Folders are walked in sorted order so a batch is deterministic; hidden files and
    Word's ``~$`` lock files are skipped; a path given twice is read once. A path that
    does not exist is kept, so reading it reports the problem with its name.
    """
    found: list[Path] = []
    for given in map(Path, paths):
        if given.is_dir():
            found.extend(sorted(
                p for p in given.rglob("*")
                if p.is_file() and is_supported(p)
                and not any(part.startswith((".", "~$")) for part in p.relative_to(given).parts)
            ))
        else:
            found.append(given)
    seen: set[Path] = set()
    unique = []
    for path in found:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique
