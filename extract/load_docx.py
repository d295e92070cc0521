"""A Word document's paragraphs and table cells, in reading order."""

from __future__ import annotations

import re
from io import BytesIO

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph
from policykg.extract.loaded import RawText
from policykg.ontology.errors import CorruptFileError


def read_docx(data: bytes, path: str) -> RawText:
    try:
        document = docx.Document(BytesIO(data))
        lines = _lines(document.iter_inner_content())
        title = (document.core_properties.title or "").strip() or None
    except Exception as err:  # zip, xml and package errors all mean a broken file
        raise CorruptFileError(path, f"corrupt docx ({_one_line(err)})") from None
    return RawText("\n".join(lines), None, title)


def _lines(content) -> list[str]:
    lines: list[str] = []
    for item in content:
        if isinstance(item, Paragraph):
            lines.append(item.text)
        elif isinstance(item, Table):
            lines.extend(_table(item))
    return lines


def _table(table: Table) -> list[str]:
    """One line per row, cells separated by a space; a merged cell counted once."""
    rows = []
    for row in table.rows:
        seen: set[int] = set()
        cells = []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            inner = _lines(cell.iter_inner_content())
            cells.append(" ".join(line.strip() for line in inner if line.strip()))
        rows.append(" ".join(c for c in cells if c))
    return rows


def _one_line(err: Exception) -> str:
    return re.sub(r"\s+", " ", str(err)).strip() or type(err).__name__
