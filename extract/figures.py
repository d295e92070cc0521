"""figures: amounts, counts and rates printed with Arabic digits and a unit.

``13215件``, ``99.6%``, ``9596万元``, ``10万余件``, ``560户次``, ``96.5分``: value as
printed (万 stays in the unit), 余/多 kept in the span but dropped from the unit. Years,
dates, times of day, ordinals and ranks (第56次, 前3名), durations (24小时, 3个(多)月)
and anything inside a 《》 title or a document number are not figures. Each span gets
``attrs = {"value", "unit", "counted"}``; ``counted`` is the noun the figure counts (after
the unit, else before the number), or None.
"""

from __future__ import annotations

import re

from policykg.extract.component import RuleComponent, doc_text
from policykg.extract.entity_rules import Protected, keep_spans, make_span
from spacy.language import Language
from spacy.tokens import Doc

HAN = re.compile(r"[\u4e00-\u9fff]+")
COUNTED_MAX = 10  # characters of the counted noun kept


class FiguresComponent(RuleComponent):
    data_files = ("figure_units.txt", "figure_not_after.txt", "figure_counted_stops.txt")

    def prepare(self) -> None:
        units = sorted(self.data["figure_units.txt"], key=len, reverse=True)
        not_after = sorted(self.data["figure_not_after.txt"], key=len, reverse=True)
        # not after a digit, a dot, a dash (ranges, phone numbers), 第 (ordinals) or a
        # thousands separator; 13,215件 is one number. The pattern opens with the first
        # digit and looks behind it from there: opening with the look-behind made the
        # regex engine try it at every character (three times slower)
        self.pattern = re.compile(
            r"(\d(?<![\d.．\-－~～—–第]\d)(?<!\d,\d)(?:\d{0,2}(?:,\d{3})+|\d*))"
            r"((?:[.．]\d+)?)\s*([余多])?"
            r"((?:万亿|[万亿千百])?)([余多])?"  # 99.1万亿元: a trillion is two characters
            r"(" + "|".join(map(re.escape, units)) + r")(?:([余多])(?![人]))?"
            # (3个多月: the 多 does not hide the month)
            r"(?![余多]?(?:" + "|".join(map(re.escape, not_after)) + r"))"
        )
        stops = sorted(self.data["figure_counted_stops.txt"], key=len, reverse=True)
        self.stop = re.compile("|".join(map(re.escape, stops)))

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        protected = Protected.of(doc)
        spans = []
        for m in self.pattern.finditer(text):
            start, end = m.span()
            if protected.overlaps(start, end) or text[end:end + 1].isdigit():
                continue
            digits = (m.group(1) + m.group(2)).replace(",", "").replace("．", ".")
            unit = m.group(4) + m.group(6)
            if unit == "分" and text[start - 1:start] in ("时", "点", ":", "："):
                continue  # 9时30分: a time of day, not a score
            if unit in ("名", "位") and text[start - 1:start] == "前":
                continue  # 位列全省前3名: a rank, not a count
            span = make_span(doc, start, end, "METRIC", f"{digits}{unit}", {
                "value": float(digits),
                "unit": unit,
                "counted": self.counted(text, start, end),
            })
            if span is not None:
                spans.append((span, None))
        keep_spans(doc, "metrics", spans)
        return doc

    def counted(self, text: str, start: int, end: int) -> str | None:
        """The noun right after the unit (13215件行政事项), else the one before the number."""
        after = HAN.match(text, end)
        if after:
            words = self.stop.split(after.group())
            # one character will do where the noun stands alone: 9个镇、27个部门
            if len(words[0]) >= 2 or (words[0] and len(after.group()) == 1):
                return words[0][:COUNTED_MAX]
        before = re.search(r"[\u4e00-\u9fff]+$", text[max(0, start - 16):start])
        if before:
            words = [w for w in self.stop.split(before.group()) if w]  # 比例达95%: 比例
            if words and len(words[-1]) >= 2:
                return words[-1][-COUNTED_MAX:]
        return None


@Language.factory("policykg_figures_v1")
def make_figures(nlp: Language, name: str) -> FiguresComponent:
    return FiguresComponent(nlp, name)
