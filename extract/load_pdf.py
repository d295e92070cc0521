"""A pdf's text layer, page by page, with hard-wrapped lines joined again.

pypdf gives one line per printed line; a sentence that the page width broke would end at
each break (sentences end at line breaks), so a line that runs to the page's full width
and does not end a sentence is joined to the next one, across a page break too. Page
numbers (— 3 —, 第3页 共9页) printed at a page's top or foot are dropped.
"""

from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from io import BytesIO
from unicodedata import east_asian_width

from policykg.extract.loaded import RawText
from policykg.ontology.errors import CorruptFileError, EmptyTextError
from pypdf import PasswordType, PdfReader

FULL_LINE = 0.85  # of the page's longest line: shorter lines end a paragraph
# a line ends a sentence at 。！？；： (a closing quote may follow) or a closing bracket;
# a closing quote alone does not (…推行“好差评” / 制度，…)
SENTENCE_END = re.compile(r"(?:[。！？；：!?;:][”’」』]?|[）)])$")
DOC_NUMBER = re.compile(r"^\s*\S{1,12}[〔\[［【(（]\d{4}[〕\]］】)）]\s*第?\d+号\s*$")
HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\d]+[）)]|"
                     r"\d+[.．、]|第[一二三四五六七八九十百\d]+[章节条])")
TITLE_END = re.compile(r"(?:报告|通知|意见|方案|办法|规定|要点|决定|细则|条例|计划|纲要|规划|"
                       r"清单|目录|批复|通报|公告|通告|函|纪要)\s*$")
PAGE_NUMBER = re.compile(r"^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共"
                         r"\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|\d{1,4})\s*$")
CJK = "\u4e00-\u9fff，。、；：？！“”《》（）"
LETTER_SPACED = re.compile(rf"(?<=[{CJK}]) (?=[{CJK}])")


def read_pdf(data: bytes, path: str) -> RawText:
    with _quiet():
        try:
            reader = PdfReader(BytesIO(data))
            if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
                raise CorruptFileError(path, "encrypted pdf (password required)")
            pages = [page.extract_text() or "" for page in reader.pages]
            title = _title(reader)
        except CorruptFileError:
            raise
        except Exception as err:  # pypdf raises many kinds on damaged files
            raise CorruptFileError(path, f"corrupt or unreadable pdf ({_one_line(err)})") from None
    if not any(page.strip() for page in pages):
        raise EmptyTextError(path, f"no text layer (scanned?) in {len(pages)} page(s)")
    return RawText(_unwrap([_page_lines(page) for page in pages]), None, title)


def _page_lines(page: str) -> list[str]:
    """The page's lines, letter-spacing undone, a page number at its top or foot dropped."""
    lines = [_unspace(line.rstrip()) for line in page.splitlines()]
    lines = [line for line in lines if line.strip()]
    for end in (-1, 0):
        if lines and PAGE_NUMBER.match(lines[end]):
            del lines[end]
    return lines


def _unwrap(pages: list[list[str]]) -> str:
    """Join each line that runs to its page's full width without ending a sentence to the
    next one, across page breaks too; a first line that ends like a title (…的通知, …报告),
    headings (一、 （一） 第一条) and document numbers always stand on their own line."""
    out: list[str] = []
    joining = False
    for lines in pages:
        width = max((_width(line) for line in lines), default=0)
        for line in lines:
            if joining and not HEADING.match(line) and not DOC_NUMBER.match(line):
                out[-1] += line.lstrip()
            else:
                out.append(line)
            title = len(out) == 1 and TITLE_END.search(line)  # a title stands alone
            joining = (not title and _width(line) >= FULL_LINE * width
                       and not SENTENCE_END.search(line))
    return "\n".join(out)


def _width(line: str) -> float:
    """Printed width in ems: Chinese characters are square, Latin letters and digits half."""
    return sum(1.0 if east_asian_width(c) in "WF" else 0.5 for c in line)


def _unspace(line: str) -> str:
    """Undo letter-spacing (a space between every two characters), keep real spaces."""
    han = len(re.findall(rf"[{CJK}]", line))
    if han and len(LETTER_SPACED.findall(line)) >= 0.5 * han:
        return LETTER_SPACED.sub("", line)
    return line


def _title(reader: PdfReader) -> str | None:
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:  # a broken info dictionary is no reason to lose the text
        return None
    return title.strip() if isinstance(title, str) and title.strip() else None


@contextmanager
def _quiet():
    """pypdf logs its repairs of damaged files; the user gets our one line instead."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        logger.setLevel(level)


def _one_line(err: Exception) -> str:
    return re.sub(r"\s+", " ", str(err)).strip() or type(err).__name__
