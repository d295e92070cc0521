"""Document numbers (发文字号): GB/T 9704's 机关代字〔年份〕序号号 and its wild forms.

Printed forms found (S stands for optional spaces, never a line break):
  code S 〔 S 2022 S 〕 S 第? S 8 S 号   (〔〕 or [] () （） 【】 ［］ ﹝﹞ {} round the year)
  code令 S 第 S 713 S 号                 国务院令第713号, 安徽省人民政府令第300号,
                                        主席令第三十一号 (serial in words), 公告第12号
  code公告 S 2018 S 年 S 第 S 31 S 号    国家税务总局公告2018年第31号 (also 通告, 令)
  code 第 S 300 S 号令                   省人民政府第300号令 (code read as 省人民政府令)

The regular expression anchors on the bracketed year (or 令第 / 年第), then the issuing
code is read backwards over CJK letters and cut after the last stop word of
``doc_number_stops.txt`` (根据, 印发, 的 …), so 「根据国办发〔2022〕8号」 gives 国办发.

Each number is a span on ``doc.spans["numbers"]`` (label NUMBER) with
``span._.canonical`` (white space removed, the year bracket written 〔〕) and
``span._.attrs = {"number": {text, code, year, serial}, "role": None}``. Later
components set ``role``: ``"cited"`` when the number follows a 《title》
(extract/titles.py), ``"own"`` when it is the text's own 发文字号 (extract/meta.py).
Figures must skip every number span: a document number is not a metric.
"""

from __future__ import annotations

import re
from typing import Any

from policykg.extract.component import YEAR, RuleComponent, annotate, char_span, doc_text
from spacy.language import Language
from spacy.tokens import Doc

S = r"[ \t\u3000\xa0]*"
HANZI_DIGITS = "零〇一二两三四五六七八九十百千"
DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
UNIT = {"十": 10, "百": 100, "千": 1000}
OPEN = "〔[［【﹝(（{｛"
CLOSE = "〕]］】﹞)）}｝"
TAIL = re.compile(
    rf"[{re.escape(OPEN)}]{S}(?P<y1>{YEAR}){S}[{re.escape(CLOSE)}]{S}第?{S}"
    rf"(?P<s1>\d{{1,5}}){S}号"
    # 政府令 heads break the line here; an order's serial may be written in words
    rf"|(?P<w2>令|公告|通告)\s{{0,4}}第{S}(?P<s2>\d{{1,6}}|[{HANZI_DIGITS}]{{1,12}}){S}号"
    rf"|(?P<w3>公告|通告|令){S}(?P<y3>{YEAR}){S}年{S}第{S}(?P<s3>\d{{1,5}}){S}号"
    rf"|第{S}(?P<s4>\d{{1,6}}){S}号令"
)
# the same, tried only in the few characters before each 号 (or 号令): a regex that
# starts with a character class is tried at every character of the text, 号 is rare
TAIL_BEFORE = re.compile(rf"(?:{TAIL.pattern})$")
WINDOW = 40
CODE_CHAR = re.compile(r"[\u3400-\u9fffA-Za-z]")
MAX_CODE = 14
ASCII_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
BRACKETED_YEAR = re.compile(rf"[{re.escape(OPEN)}]({YEAR})[{re.escape(CLOSE)}]")


def find_numbers(text: str, stops: tuple[str, ...] = (),
                 names: tuple[str, ...] = ()) -> list[tuple[int, int, dict[str, Any]]]:
    """Every document number in ``text``: (start, end, {text, code, year, serial}).
    ``stops`` end an issuing code; ``names`` are parts of body names no stop cuts."""
    found = []
    for m in _tails(text):
        start, code = _code(text, m.start(), stops, names)
        code += m.group("w2") or m.group("w3") or ("令" if m.group("s4") else "")
        if not start < m.start():  # no issuing code: 「(2022)8号」 alone is not a number
            continue
        year = m.group("y1") or m.group("y3")
        serial = m.group("s1") or m.group("s2") or m.group("s3") or m.group("s4")
        found.append((start, m.end(), {
            "text": "".join(text[start:m.end()].split()), "code": code,
            "year": int(year) if year else None, "serial": _serial(serial)}))
    return found


def _serial(printed: str) -> int:
    """An Arabic serial, or one in words: 七百一十三 (713), 三十一, 十二, 七一三."""
    if printed.isdigit():
        return int(printed)
    if not any(c in UNIT for c in printed):  # digit by digit: 七一三
        return int("".join(str(DIGIT[c]) for c in printed))
    total = digit = 0
    for c in printed:
        if c in UNIT:
            total += (digit or 1) * UNIT[c]
            digit = 0
        else:
            digit = DIGIT[c]
    return total + digit


def _tails(text: str) -> list[re.Match[str]]:
    """The matches of TAIL, found from each 号 backwards (same offsets as TAIL.finditer)."""
    out: list[re.Match[str]] = []
    last_end = 0
    at = text.find("号")
    while at >= 0:
        for end in ((at + 2, at + 1) if text.startswith("令", at + 1) else (at + 1,)):
            m = TAIL_BEFORE.search(text, max(last_end, at - WINDOW), end)
            if m:
                out.append(m)
                last_end = m.end()
                break
        at = text.find("号", at + 1)
    return out


def _code(text: str, end: int, stops: tuple[str, ...],
          names: tuple[str, ...] = ()) -> tuple[int, str]:
    """Read the issuing code backwards from ``end``: (its start offset, its letters)."""
    letters: list[tuple[int, str]] = []
    i = end
    while i > 0 and len(letters) < 30:
        ch = text[i - 1]
        if CODE_CHAR.match(ch):
            letters.append((i - 1, ch))
        elif ch not in " \t\u3000\xa0":
            break
        i -= 1
    letters.reverse()
    code = "".join(ch for _, ch in letters)
    looked = code  # the code with the names that hold a stop word blanked out
    for name in names:
        if name in looked:
            looked = looked.replace(name, "\0" * len(name))
    cut = 0
    for stop in stops:
        at = looked.rfind(stop)
        if at >= 0:
            cut = max(cut, at + len(stop))
    cut = max(cut, len(code) - MAX_CODE)
    if cut >= len(letters):
        return end, ""
    return letters[cut][0], code[cut:]


def canonical_number(printed: str) -> str:
    """White space removed, digits in ASCII and the year bracket written 〔〕:
    国办发〔2022〕8号 (also from 国办发(２０２２)８号)."""
    return BRACKETED_YEAR.sub(r"〔\1〕", "".join(printed.split()).translate(ASCII_DIGITS))


class NumbersComponent(RuleComponent):
    data_files = ("doc_number_stops.txt", "doc_number_names.txt")

    def prepare(self) -> None:
        self.stops = tuple(self.data.get("doc_number_stops.txt", []))
        self.names = tuple(self.data.get("doc_number_names.txt", []))

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        text = doc_text(doc)
        for start, end, parts in find_numbers(text, self.stops, self.names):
            span = char_span(doc, start, end, "NUMBER")
            if span is None:
                continue
            spans.append(annotate(span, canonical_number(text[span.start_char:span.end_char]),
                                  {"number": parts, "role": None}))
        doc.spans["numbers"] = spans
        return doc


@Language.factory("policykg_numbers_v1")
def make_numbers(nlp: Language, name: str) -> NumbersComponent:
    return NumbersComponent(nlp, name)
