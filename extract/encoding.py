"""Bytes to text for txt and html: the encoding detected, never guessed silently wrong.

Order of evidence, strongest first: a BOM; UTF-16 by its NUL pattern; strict UTF-8
(Chinese GB text is almost never valid UTF-8); the charset an html page declares;
GB18030 (superset of GBK and GB2312); last, UTF-16 of Chinese with no ASCII at all.
A decoding that is not a BOM or valid UTF-8 must also look like Chinese text:
wrong-encoding decodes (mojibake) are made of valid but rare characters, so most of the
Chinese characters must be common ones.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from policykg.extract.component import read_lines
from policykg.ontology.errors import DecodingError, InputError

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# names pages declare, mapped to the codec that decodes them (GB18030 reads all GB forms)
ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
           "gb_2312-80": "gb18030", "euc-cn": "gb18030", "utf8": "utf-8"}

MIN_PLAUSIBLE = 0.97  # share of characters that Chinese prose is made of
MIN_COMMON = 0.35  # share of Chinese characters in the common list (prose: 0.9 and up)
MIN_HAN = 8  # Chinese characters needed before their frequency is judged


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode(data: bytes, path: str, declared: str | None = None) -> Decoded:
    """The text of ``data``; DecodingError or InputError("binary file") otherwise."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return Decoded(_strict(data, codec, path), codec)
    if b"\x00" in data:
        codec = _utf16_by_nuls(data)
        text = _try(data, codec) if codec else None
        if text is None or not plausible_chinese(text):
            raise InputError(path, "binary file (NUL bytes), not a text")
        return Decoded(text, codec)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as err:
        problems = [f"invalid UTF-8 at byte {err.start}"]
    tried = []
    for name in (declared, "gb18030"):
        codec = _codec(name)
        if codec is None or codec in tried or codec == "utf-8":
            continue
        tried.append(codec)
        text = _try(data, codec)
        if text is None:
            problems.append(f"invalid {codec}")
        elif not plausible_chinese(text) or (codec == "gb18030" and not mostly_gb2312(text)):
            problems.append(f"{codec} gives no plausible Chinese text")
        else:
            return Decoded(text, codec)
    for codec in ("utf-16-le", "utf-16-be"):  # all Chinese, no ASCII, so no NULs to tell
        text = _try(data, codec) if len(data) % 2 == 0 else None
        han = sum(1 for c in text or "" if "\u4e00" <= c <= "\u9fff")
        if text and han >= MIN_HAN and plausible_chinese(text) and mostly_gb2312(text):
            return Decoded(text, codec)
    raise DecodingError(path, "cannot decode: " + ", ".join(problems))


def plausible_chinese(text: str) -> bool:
    """Whether ``text`` reads like Chinese prose rather than a wrong-encoding decode."""
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return True
    ok = sum(1 for c in chars if _prose_char(c))
    if ok / len(chars) < MIN_PLAUSIBLE:
        return False
    han = [c for c in chars if "\u4e00" <= c <= "\u9fff"]
    if len(han) < MIN_HAN:  # too little to judge by frequency; the character classes decided
        return True
    common = _common()
    return sum(1 for c in han if c in common) / len(han) >= MIN_COMMON


def mostly_gb2312(text: str) -> bool:
    """GB18030 decodes stray bytes into GBK's extension characters, real prose keeps to
    GB2312's 6763 (a rare name character or two aside)."""
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    rare = sum(1 for c in han if not _in_gb2312(c))
    return rare <= max(1, 0.1 * len(han))


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _prose_char(c: str) -> bool:
    if " " <= c <= "~" or "\u4e00" <= c <= "\u9fff":
        return True
    if "\u3000" <= c <= "\u303f" or "\uff01" <= c <= "\uff5e" or "\u2010" <= c <= "\u203b":
        return True  # CJK punctuation, full-width forms, dashes/quotes/ellipsis
    return c in "·×÷°±№§①②③④⑤⑥⑦⑧⑨⑩ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ—…￥" or (
        unicodedata.category(c) in ("Ll", "Lu") and ord(c) < 0x250)  # accented Latin


def _utf16_by_nuls(data: bytes) -> str | None:
    """UTF-16 without BOM: each ASCII character (digits, newlines) puts a NUL on the same
    side of its pair; a few Chinese characters (一 U+4E00, 怀 U+6000) put one on the other."""
    if len(data) % 2:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    enough = len(data) // 2 * 0.01
    if odd >= enough and odd > 2 * even:
        return "utf-16-le"
    if even >= enough and even > 2 * odd:
        return "utf-16-be"
    return None


def _strict(data: bytes, codec: str, path: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise DecodingError(path, f"invalid {codec.replace('-sig', '')} at byte "
                                  f"{err.start}") from None


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().lower()
    name = ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset an html page declares in a <meta> near its top."""
    m = META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


@cache
def _common() -> frozenset[str]:
    return frozenset("".join(read_lines("common_hanzi.txt")))
