"""The text's own metadata, where printed: title, author, jurisdiction, date, year, type,
number. Nothing is guessed: a field the text does not print stays None.

- Header fields of a web page or a document head (``meta_fields.txt``: 标题, 发文机关,
  发文字号, 成文日期, 发布日期 …), the value after the label or on the next line.
- Title: the 标题 field, else the first heading line before the body starts (a short line
  with no sentence punctuation that ends in a 文种, after a site prefix such as 政务服务丨);
  a line of issuing bodies right above a 「关于…/印发…」 line is part of it, and so is the
  line above that opens a title printed over two lines (「…关于印发…建设」 「工作安排的通知」);
  else the title
  the file's container states (html, docx; ``LoadedText.title``) if it is shaped so.
- Author (the body that wrote it): the 发文机关 field; else the part of the title before
  关于/印发 (「X关于…的通知」) or before the year of a report (「X2021年度…报告」) when it
  ends like a body (``meta_agency_endings.txt``), or the body of an order (「X令」); else
  the bodies alone on the line below a 「关于…」 title (a page's byline); else
  the first signature line (a body's
  name alone on its line with a date on the next printed line).
- Jurisdiction: the place part of the author (重庆市长寿区 of 重庆市长寿区司法局), else the
  place the title starts with (哈尔滨市双城区2021年度…), lengthened by the higher places
  printed before it elsewhere in the text (赣州市 of 中共赣州市章贡区委).
- Date (ISO): 成文日期, else the signature's date, else the page's 发布日期/时间.
- Year covered: the first 「2021年度」/「2021年」 of the title. Type: the title's 文种.
- Number: the text's own 发文字号: the number after a 发文字号/文号 label, or the first
  number printed alone on its line (that number span gets ``role = "own"``).

``doc._.meta`` holds the TextMeta fields; ``doc.user_data["policykg.title_span"]`` and
``["policykg.author_span"]`` the (start, end) where the title and the author are printed,
for the links component (its header rule; the bodies of a joint author).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from policykg.extract.component import YEAR, RuleComponent, doc_text
from policykg.extract.titles import DocTypes
from spacy.language import Language
from spacy.tokens import Doc

HEADER_CHARS = 2000  # fields and the title are looked for in the head of the text
HEADER_LINES = 30
MAX_TITLE = 90
SITE_PREFIX = re.compile(r"^.{1,12}?[丨｜|]\s*")
SENTENCE_MARKS = re.compile(r"[。，,；;：:？?！!]")
# what opens a title's subject after the bodies that issue it (X关于…, 印发…, 转发…)
SUBJECT = "关于|印发|转发"
OPENS_SUBJECT = re.compile(SUBJECT)
# the first line of a title that goes on below: it opens the subject and says some of it
# (a link 关于我们 above a title says none)
WRAPPED_OPENING = re.compile(rf"(?:{SUBJECT}).{{4,}}$")
# the next printed line after a position, blank lines skipped
NEXT_LINE = re.compile(r"\s*([^\n]*)")
DATE = re.compile(rf"({YEAR})\s*(?:年|-|/|\.)\s*(\d{{1,2}})\s*(?:月|-|/|\.)\s*(\d{{1,2}})")
DATE_LINE = re.compile(rf"^[ \t\u3000]*{YEAR}[ \t]*[年\d][\d \t年月]{{0,8}}日[ \t\u3000]*$",
                       re.M)
LINE_ENDS_DAY = re.compile(r"日[ \t\u3000]*(?=\n|$)")
YEAR_OF = re.compile(rf"({YEAR})\s*年")
LINE = re.compile(r"[^\n]*")
# the first line of a report's body: 「2021年，」 then its subject
OPENING = re.compile(rf"(?:^|\n)[ \t\u3000]*{YEAR}年(?:度|以来)?[ \t\u3000]*[，,]"
                     r"[ \t\u3000]*")
ALONE = " \t\u3000\r()（）[]［］【】"  # what may stand beside a number alone on its line
ALONE_RUN = re.compile(rf"[{re.escape(ALONE)}]*")
NOT_IN_PLACE = re.compile(r"[局厅委办院署所在的]")  # a place that holds one ran into a body
# words no place name holds: a place part never runs on into a body's name
BODY_WORDS = "人民|政府|办公|委员|中共|党委|党组|常委"


class MetaComponent(RuleComponent):
    data_files = ("meta_fields.txt", "meta_agency_endings.txt", "meta_place_suffixes.txt",
                  "doc_types.txt")

    def prepare(self) -> None:
        self.fields: dict[str, str] = {}
        for line in self.data.get("meta_fields.txt", []):
            label, _, field = line.partition("\t")
            self.fields["".join(label.split())] = field.strip()
        labels = sorted(self.fields, key=len, reverse=True)
        spaced = ["\\s*".join(map(re.escape, label)) for label in labels]
        self.field_re = re.compile(rf"(?:^|(?<=\s))({'|'.join(spaced)})\s*[:：]?\s*")
        endings = sorted(self.data.get("meta_agency_endings.txt", []), key=len, reverse=True)
        self.body_end = re.compile(f"(?:{'|'.join(map(re.escape, endings))})$")
        places = sorted(self.data.get("meta_place_suffixes.txt", []), key=len, reverse=True)
        # a suffix closes a name only where no other level character follows: 赣州市,
        # 通州区, 萍乡市, 安乡县, 济南市市中区; 市场 is no level (青川省市场监督管理局)
        alt = "|".join(re.escape(p) for p in places)
        self.place_chain = re.compile(
            rf"(?:(?:(?!{BODY_WORDS})[\u4e00-\u9fff]){{1,10}}?(?:{alt})"
            r"(?![省州区县旗盟镇乡]|市(?!场)))+")
        self.doc_type = DocTypes(self.data.get("doc_types.txt", []))

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        lines = [(m.start(), m.end()) for m in LINE.finditer(text, 0, HEADER_CHARS)
                 if m.end() > m.start()][:HEADER_LINES]
        fields = self._fields(text, lines)
        title, title_span = self._title(text, lines, fields)
        if title is None:  # the title the container states (html <title>/<h1>, docx core)
            title = self._container_title(doc)
        signature = self._signature(text)
        author, author_span = fields.get("author"), None
        if author:
            author_span = (fields["author_at"], fields["author_at"] + len(author))
        elif self._author_from_title(title):
            author, author_span = self._author_from_title(title), title_span
        elif byline := self._byline(text, title, title_span):
            author, author_span = byline
        elif signature:
            author, author_span = signature[0], signature[2]
        meta: dict[str, Any] = {
            "title": title,
            "author": author,
            "jurisdiction": self._jurisdiction(text, author, title),
            "date": _iso(fields.get("date")) or (signature[1] if signature else None)
            or self._date_line(text) or _iso(fields.get("published")),
            "year": _year(title),
            "doc_type": self.doc_type(title) if title else None,
            "number": self._own_number(doc, text, fields),
        }
        doc._.meta = meta
        doc.user_data["policykg.title_span"] = title_span
        doc.user_data["policykg.author_span"] = author_span
        return doc

    # -- header fields ----------------------------------------------------------------
    def _fields(self, text: str, lines: list[tuple[int, int]]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        head = lines
        for i, (start, end) in enumerate(head):
            line = text[start:end]
            if ":" not in line and "：" not in line and _squash(line) not in self.fields:
                continue  # no label here
            for m in self.field_re.finditer(line):
                field = self.fields["".join(m.group(1).split())]
                value_start = start + m.end()
                value = re.split(r"\s{2,}|\s+(?=\S{1,8}\s*[:：])", line[m.end():].strip())[0]
                if not value.strip() and i + 1 < len(head):  # label on its own line
                    value_start = head[i + 1][0]
                    value = text[head[i + 1][0]:head[i + 1][1]].strip()
                    if self.field_re.match(value):
                        continue
                value = value.strip()
                if value and field not in found:
                    found[field] = value
                    found[field + "_at"] = text.find(value, value_start)
        return found

    # -- title --------------------------------------------------------------------------
    def _title(self, text: str, lines: list[tuple[int, int]],
               fields: dict[str, Any]) -> tuple[str | None, tuple[int, int] | None]:
        if fields.get("title"):
            at = fields["title_at"]
            return _squash(fields["title"]), (at, at + len(fields["title"]))
        previous: tuple[int, int] | None = None
        upper: tuple[int, int] | None = None  # the line above ``previous``
        for start, end in lines:
            line = text[start:end].strip()
            if not line:
                continue
            if self.field_re.fullmatch(line):  # a header label on its own line (索引号：)
                previous = upper = None
                continue
            if line[-1] in ":：" or "。" in line or len(line) > 120:
                break  # the salutation or the body: the head is over
            prefix = SITE_PREFIX.match(line)
            if prefix and len(line) - prefix.end() >= 6:
                start = text.find(line, start) + prefix.end()
                line = line[prefix.end():]
            squashed = _squash(line)
            if (6 <= len(squashed) <= MAX_TITLE and not SENTENCE_MARKS.search(line)
                    and not self.field_re.match(line) and self.doc_type(squashed)):
                start = text.find(line, start)
                end = start + len(line)
                if previous is not None and not OPENS_SUBJECT.match(squashed):
                    # a title printed over two lines: 「X关于印发…建设」 then 「工作安排的通知」
                    above = text[previous[0]:previous[1]].strip()
                    if (WRAPPED_OPENING.search(above) and not SENTENCE_MARKS.search(above)
                            and len(_squash(above)) + len(squashed) <= MAX_TITLE):
                        start, squashed = text.find(above, previous[0]), _squash(above) + squashed
                        previous = upper
                if previous is not None and OPENS_SUBJECT.match(squashed):
                    above = text[previous[0]:previous[1]].strip()
                    if self._bodies(above):
                        joined = "、".join(above.split())
                        return _squash(joined) + squashed, (text.find(above, previous[0]), end)
                # joint authors on the title's own line, apart by spaces: 「A B关于…」
                head = re.match(rf"(.+?)(?={SUBJECT})", line)
                if head and len(head.group(1).split()) > 1 and self._bodies(head.group(1)):
                    joined = "、".join(head.group(1).split())
                    return joined + _squash(line[head.end():]), (start, end)
                return squashed, (start, end)
            upper, previous = previous, (start, end)
        return None, None

    def _container_title(self, doc: Doc) -> str | None:
        stated = getattr(doc._.source, "title", None)
        if not stated:
            return None
        squashed = _squash(stated)
        if (6 <= len(squashed) <= MAX_TITLE and not SENTENCE_MARKS.search(stated)
                and self.doc_type(squashed)):
            return squashed
        return None

    def _bodies(self, line: str) -> bool:
        parts = line.split()
        return bool(parts) and all(self.body_end.search(p) for p in parts) and len(line) <= 60

    # -- author -------------------------------------------------------------------------
    def _author_from_title(self, title: str | None) -> str | None:
        if not title:
            return None
        m = (re.match(rf"(.+?)(?:{SUBJECT})", title) or re.match(rf"(.+?){YEAR}年", title)
             or re.fullmatch(r"(.+?)令", title))  # 青川省人民政府令: a government's order
        if m and self.body_end.search(m.group(1)):
            return m.group(1)
        return None

    def _byline(self, text: str, title: str | None, title_span: tuple[int, int] | None
                ) -> tuple[str, tuple[int, int]] | None:
        """A body's name alone on the line right below a 「关于…」 title that names none:
        the issuer a page prints under the heading (关于颁发…的通知 / 民政部)."""
        if not title or not title_span or not OPENS_SUBJECT.match(title):
            return None
        line = NEXT_LINE.match(text, title_span[1])
        name = line.group(1).strip()
        author = self._body_line(name)
        if author is None:
            return None
        start = text.find(name, line.start(1))
        return author, (start, start + len(name))

    def _body_line(self, name: str) -> str | None:
        """The bodies a line holds alone (apart by spaces, joined by 、), or None: a byline or
        a signature."""
        if 2 < len(name) <= 40 and not SENTENCE_MARKS.search(name) and self._bodies(name):
            return "、".join(name.split())
        return None

    def _signature(self, text: str) -> tuple[str, str | None, tuple[int, int]] | None:
        """The first body's name alone on its line with a date on the next printed line:
        (the name, the date, where the name is printed)."""
        for m in _date_lines(text):
            end = m.start()
            while end > 0 and text[end - 1].isspace():
                end -= 1
            start = text.rfind("\n", 0, end) + 1
            author = self._body_line(text[start:end].strip())
            if author is not None:
                return author, _iso(m.group()), (start, end)
        return None

    @staticmethod
    def _date_line(text: str) -> str | None:
        """A date alone on its line: where a notice prints its date without a signature."""
        m = next(_date_lines(text), None)
        return _iso(m.group()) if m else None

    # -- jurisdiction -------------------------------------------------------------------
    def _jurisdiction(self, text: str, author: str | None, title: str | None) -> str | None:
        place = None
        if author:
            place = self._place(re.sub(r"^中共", "", author.split("、")[0]))
        if not place and title:
            place = self._place(re.sub(rf"^{YEAR}年度?", "", title))
        if not place:  # a report that opens 「2021年，青川省坚持…」: its subject
            opening = OPENING.search(text, 0, HEADER_CHARS)
            place = self._place(text[opening.end():opening.end() + 40]) if opening else None
        if not place:
            return None
        # a higher place printed right before it elsewhere: 中共赣州市章贡区委 -> 赣州市章贡区
        best = place
        at = text.find(place)
        while at > 0:
            before = re.split(r"中共|[^\u4e00-\u9fff]|[的和与及在对]", text[max(0, at - 8):at])[-1]
            for size in range(len(before), 2, -1):
                higher = before[-size:]
                if self.place_chain.fullmatch(higher) and len(higher) + len(place) > len(best):
                    best = higher + place
                    break
            at = text.find(place, at + len(place))
        return best

    def _place(self, name: str) -> str | None:
        m = self.place_chain.match(name)
        if (not m or len(m.group()) < 2 or m.group()[0] in "全本我各该市省区县"
                or self.body_end.search(m.group()) or NOT_IN_PLACE.search(m.group())
                or (len(m.group()) == 2 and m.group()[1] in "乡镇")):  # 萍乡, 新乡: cut short
            return None
        return m.group()

    # -- own number ---------------------------------------------------------------------
    def _own_number(self, doc: Doc, text: str, fields: dict[str, Any]) -> str | None:
        spans = [s for s in doc.spans.get("numbers", []) if (s._.attrs or {}).get("role") is None]
        own = None
        if fields.get("number"):
            at = fields["number_at"]
            own = next((s for s in spans if at <= s.start_char < at + len(fields["number"])),
                       None)
        if own is None:
            # alone on its line, maybe bracketed: only white space and brackets between it
            # and the line's ends (walked from the number: never the whole line again)
            for span in spans:
                before = span.start_char
                while before > 0 and text[before - 1] in ALONE:
                    before -= 1
                after = ALONE_RUN.match(text, span.end_char).end()
                if (before == 0 or text[before - 1] == "\n") and (
                        after == len(text) or text[after] == "\n"):
                    own = span
                    break
        if own is None:
            return None
        own._.attrs["role"] = "own"
        return own._.attrs["number"]["text"]


def _date_lines(text: str) -> Iterator[re.Match[str]]:
    """DATE_LINE's matches, looked for only on lines that end in 日 (a literal is found
    fast; a pattern that starts with ^ is tried at every character)."""
    for m in LINE_ENDS_DAY.finditer(text):
        line = DATE_LINE.match(text, text.rfind("\n", 0, m.start()) + 1, m.end())
        if line:
            yield line


def _squash(text: str) -> str:
    return "".join(text.split())


def _iso(text: str | None) -> str | None:
    m = DATE.search(text or "")
    if not m:
        return None
    year, month, day = (int(g) for g in m.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _year(title: str | None) -> int | None:
    m = YEAR_OF.search(title or "")
    return int(m.group(1)) if m else None


@Language.factory("policykg_meta_v1")
def make_meta(nlp: Language, name: str) -> MetaComponent:
    return MetaComponent(nlp, name)
