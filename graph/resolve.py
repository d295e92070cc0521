"""Cross-text resolution: every entity of one Extraction gets a stable key and IRI.

Resolution needs no other text: two texts meet in one node because they derive the same
key (docs/model.md), so each text can be (re)built alone into its own named graph.

- documents: the normalised title (NFKC, one dash, no white space, quotes unified);
- agencies: the canonical name qualified by the place of the text that mentions it.
  区司法局 in a text of 赣州市章贡区 is 赣州市章贡区司法局; a 市委 there is the city's
  (赣州市委, keyed 中共赣州市委员会 as extract spells it) because the level word 市
  points above the district; national bodies (国务院, 中共中央, 司法部 …) stay as they
  are, and a name that starts with a place gets that place completed like the text's
  (江西省赣州市司法局 → 赣州市司法局; 章贡区司法局 in a text of 赣州市章贡区 too).
  A level word with no matching place part (省委 in a text of 北京市) is kept apart per
  place (key ``北京市|省委``) rather than merged with every other province's, and a name
  that needs a place in a text with none is kept apart per text (``{text id}|市人民政府``);
- measures: the normalised name; figures: text id, value and unit;
- the place: the text's jurisdiction (TextMeta.jurisdiction, else the place its author's
  name starts with), completed from the GB/T 2260 gazetteer (graph/places.py) where it
  is known there (章贡区, 赣州市章贡区 and 江西省赣州市章贡区 are one place, in 江西省),
  the province dropped when a city follows. A place the gazetteer does not know (a
  fictional 松溪区, an ambiguous 朝阳区 printed alone) is named from its own level: a
  text that prints only 松溪区 cannot know its city, so 云岭市松溪区 keys as 松溪区 too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from policykg.graph import places
from policykg.ontology import namespaces as ns
from policykg.ontology.records import AUTHOR, Extraction

__all__ = [
    "Entity",
    "Place",
    "ResolvedText",
    "agency_key",
    "issuer_agencies",
    "normalise_name",
    "normalise_title",
    "parse_place",
    "resolve",
]

_QUOTES = str.maketrans({c: '"' for c in "“”„‟〝〞＂「」『』'‘’‚‛"})
_BRACKETS = str.maketrans({"〈": "《", "〉": "》", "〔": "[", "〕": "]", "【": "[", "】": "]",
                           "［": "[", "］": "]", "・": "·", "•": "·", "‧": "·"})
_DASHES = re.compile(r"[-‐‑‒–—―−﹘﹣－~～〜]+")
_SPACE = re.compile(r"\s+")


def normalise_title(title: str) -> str:
    """A document's key: 《实施纲要（2021—2025年）》 → 实施纲要(2021-2025年)."""
    text = unicodedata.normalize("NFKC", title).translate(_QUOTES).translate(_BRACKETS)
    text = _DASHES.sub("-", _SPACE.sub("", text))
    while text.startswith("《") and text.endswith("》") and text.count("《") == 1:
        text = text[1:-1]
    return text.strip("。，,；;：:、")


def normalise_name(name: str) -> str:
    """The key of a measure or an agency name: NFKC, no white space, no quotes, one dash."""
    text = unicodedata.normalize("NFKC", name).translate(_QUOTES).replace('"', "")
    return _DASHES.sub("-", _SPACE.sub("", text.translate(_BRACKETS)))


# --- places --------------------------------------------------------------------------

_HAN = r"[\u3400-\u9fff]"
_LEVELS = (
    # Place names are short (黑龙江省, 呼和浩特市, 龙泉驿区); only autonomous ones run long.
    ("province", re.compile(rf"{_HAN}{{2,8}}?自治区|{_HAN}{{2,3}}?(?:省|特别行政区)")),
    # 州 of 赣州市 is not the end of the city's name: a suffix is not followed by 市.
    ("city", re.compile(rf"{_HAN}{{2,10}}?自治州|{_HAN}{{1,4}}?(?:市|州|盟|地区)(?!市)")),
    ("county", re.compile(
        rf"{_HAN}{{2,10}}?(?:自治县|自治旗)|{_HAN}{{1,4}}?(?:新区|区|县|市|旗)(?![区县市旗])")),
    ("town", re.compile(rf"{_HAN}{{1,4}}?(?:镇|乡|街道)")),
)
# Words of agency names that no place name holds (全面依法治区委员会 is no 区).
_NOT_IN_PLACES = re.compile("依法治|全面|管理|建设|委员|工作|办公|政府|人民|领导|监督|服务|城乡")
# Words that end like a place but are not one at the start of an agency's name.
_NOT_PLACES = frozenset((
    "城市", "城区", "市区", "社区", "园区", "景区", "辖区", "地区", "全市", "全区", "全县",
    "全省", "本市", "本区", "本县", "各市", "各区", "各县", "开发区", "高新区", "新区",
    "经开区", "工业园区", "城乡", "街道", "乡镇", "各乡镇", "各镇", "各街道",
))


_ORDER = ("province", "city", "county", "town")
# The Place field a gazetteer level fills (a municipality, 北京市, is a province-level 市:
# its 市委 is the city's, as parse_place reads it).
_FIELDS = {"prefecture": "city", "county": "county"}


@dataclass(frozen=True)
class Place:
    """A jurisdiction split into its levels; any may be missing. ``known`` is the lowest
    level the gazetteer confirmed: down to it the path is full (章贡区 → 江西省赣州市章贡区)."""

    province: str | None = None
    city: str | None = None
    county: str | None = None
    town: str | None = None
    known: str | None = None

    @property
    def name(self) -> str:
        """The canonical name down to the lowest level printed (see :meth:`upto`)."""
        lowest = next((lv for lv in reversed(_ORDER) if getattr(self, lv)), None)
        return (self.upto(lowest) or "") if lowest else ""

    def upto(self, level: str) -> str | None:
        """The canonical name down to ``level``, if the place has that level.

        Down to a level the gazetteer knows: the full path, the province only when no city
        follows (赣州市章贡区). A level it does not know (a fictional 松溪区) is named
        alone: a text that prints only 松溪区 cannot know its city, so no key includes
        it. A town goes after the name of the level above it.
        """
        part = getattr(self, level)
        if part is None:
            return None
        if level == "town":
            above = next((self.upto(lv) for lv in ("county", "city", "province")
                          if getattr(self, lv)), None)
            return (above or "") + part
        if self.known is None or _ORDER.index(level) > _ORDER.index(self.known):
            return part
        parts = [getattr(self, lv) for lv in _ORDER[: _ORDER.index(level) + 1]]
        if self.city and level != "province":
            parts[0] = None
        return "".join(p for p in parts if p)


def parse_place(text: str | None) -> tuple[Place | None, str]:
    """The place a name starts with and what follows it: 赣州市章贡区司法局 → (…, 司法局);
    the place completed from the gazetteer where it is known there."""
    printed, rest = _printed_place(text)
    return (_located(printed) if printed else None), rest


def _printed_place(text: str | None) -> tuple[list[tuple[str, str]], str]:
    """The place parts a name starts with, as (level, name) top-down, and the rest."""
    if not text:
        return [], ""
    text = normalise_name(text)
    found: list[tuple[str, str]] = []
    pos = 0
    for level, pattern in _LEVELS:
        match = pattern.match(text, pos)
        if match and match.group(0) not in _NOT_PLACES and not _NOT_IN_PLACES.search(
                match.group(0)):
            found.append((level, match.group(0)))
            pos = match.end()
    return found, text[pos:]


def _located(printed: list[tuple[str, str]]) -> Place:
    """The printed parts completed from the gazetteer: the longest top part it knows gives
    the full path; the parts below it (a fictional district, a town) stay as printed."""
    names = [name for level, name in printed if level != "town"]
    for n in range(len(names), 0, -1):
        path = places.locate(names[:n])
        if path:
            break
    else:
        return Place(**dict(printed))
    fields = {_FIELDS.get(d.level, "city" if d.name.endswith("市") else "province"): d.name
              for d in path}
    known = _FIELDS.get(path[-1].level, "city" if path[-1].name.endswith("市") else "province")
    below = printed[n:]
    if any(level in fields or _ORDER.index(level) <= _ORDER.index(known)
           for level, _ in below):
        return Place(**dict(printed))  # the printed levels do not fit the known path
    return Place(**fields, **dict(below), known=known)


def _place_of(extraction: Extraction) -> Place | None:
    meta = extraction.meta
    if meta.jurisdiction:
        place, _ = parse_place(meta.jurisdiction)
        if place:
            return place
    for author in _split_agencies(meta.author or ""):
        place, rest = parse_place(author.removeprefix("中共"))
        if place and rest:
            return place
    return None


# --- agencies --------------------------------------------------------------------------

_NATIONAL_PREFIXES = ("中共", "中国", "党中央", "中央", "国务院", "国家", "全国", "最高人民")
_NATIONAL_SUFFIXES = ("部", "总局", "总署")
_PARTY_DEPARTMENTS = frozenset(
    ("组织部", "宣传部", "统战部", "统一战线工作部", "人武部", "武装部", "政法委"))
# The level words an agency's name may start with (省委, 区司法局).
_LEVEL_WORDS = (
    "自治区", "省", "自治州", "州", "盟", "市", "区", "县", "旗", "镇", "乡", "街道",
)
# Names that begin with a level word that is part of an ordinary word (市场监管局).
_LEVEL_FALSE_STARTS = ("市场", "市容", "区域", "区块链", "县域", "乡村", "镇域")


def _is_national(name: str) -> bool:
    if name.startswith(_NATIONAL_PREFIXES):
        return True
    return name.endswith(_NATIONAL_SUFFIXES) and name not in _PARTY_DEPARTMENTS and len(name) <= 10


_PARTY_COMMITTEE = re.compile(r"^(?:中共)?([^|]+(?:省|自治区|市|州|盟|区|县|旗))委$")


def agency_key(canonical: str, place: Place | None, scope: str | None = None) -> str:
    """The canonical name qualified by the mentioning text's place (see module doc).

    ``scope`` (the text id) keeps a name that needs a place apart when the text has none:
    市人民政府 of a text with no known place is ``{scope}|市人民政府``, not every city's.
    """
    name = normalise_name(canonical)
    party = name.startswith("中共") and not name.startswith("中共中央")
    key = _qualified(name[2:] if party else name, place, scope)
    if party and not key.startswith("中共"):
        key = "中共" + key
    # 长春市委 and 中共长春市委 are 中共长春市委员会, as extract/agencies.py spells it.
    return _PARTY_COMMITTEE.sub(r"中共\1委员会", key)


def _qualified(name: str, place: Place | None, scope: str | None) -> str:
    if not name:
        return name
    if not name.startswith(_LEVEL_FALSE_STARTS):
        for word in _LEVEL_WORDS:
            if name.startswith(word) and len(name) > len(word):
                if place is None:
                    return f"{scope}|{name}" if scope else name
                return _at_level(name[len(word):], word, place, name)
    if _is_national(name):
        return name
    printed, rest = _printed_place(name)
    if printed:
        # The name's own place, completed like a text's: 江西省赣州市司法局 is 赣州市司法局.
        # 章贡区司法局 in a text of 赣州市章贡区 is the same body as 区司法局 there: a name
        # that starts at a part of the text's place gets the levels above it from there.
        first = printed[0][1]
        level = next((lv for lv in _ORDER if place and getattr(place, lv) == first), None)
        if place is not None and level is not None:
            above = [(lv, getattr(place, lv)) for lv in _ORDER[: _ORDER.index(level)]]
            printed = [(lv, part) for lv, part in above if part] + [(level, first), *printed[1:]]
        return _located(printed).name + rest
    if place is None:
        return f"{scope}|{name}" if scope else name
    return place.name + name


def _at_level(rest: str, word: str, place: Place, name: str) -> str:
    # The lowest part of the place that carries this level word is meant: 市委 in a
    # text of 瑞金市 (a county-level city) is 瑞金市委, in one of 章贡区 it is 赣州市委.
    for lv in ("town", "county", "city", "province"):
        part = getattr(place, lv)
        if part and part.endswith(word):
            return (place.upto(lv) or "") + rest
    return f"{place.name}|{name}"


# --- resolution of one text ---------------------------------------------------------------


@dataclass(frozen=True)
class Entity:
    """A resolved node: its kind per docs/model.md, stable key and IRI, display label."""

    kind: str  # Document, Agency, Measure, Figure, Jurisdiction
    key: str
    iri: str
    label: str
    printed: tuple[str, ...] = ()  # forms as printed in this text (skos:altLabel)


@dataclass
class ResolvedText:
    extraction: Extraction
    iri: str
    place: Place | None
    jurisdiction: Entity | None
    authors: list[Entity]  # 中共X省委办公厅、X省人民政府办公厅 is two
    entities: dict[str, Entity] = field(default_factory=dict)  # local id -> entity

    def lookup(self, local_id: str) -> list[Entity]:
        """The entities a link names: a local id's, or the text's authors for ``AUTHOR``."""
        if local_id == AUTHOR:
            return list(self.authors)
        return [self.entities[local_id]] if local_id in self.entities else []


def resolve(extraction: Extraction) -> ResolvedText:
    place = _place_of(extraction)
    scope = extraction.text_id
    entities: dict[str, Entity] = {}
    for doc in extraction.documents:
        key = normalise_title(doc.canonical or doc.title)
        entities[doc.id] = Entity("Document", key, ns.document_iri(key), key,
                                  _printed(doc.title, *(m.text for m in doc.mentions)))
    for agency in extraction.agencies:
        entities[agency.id] = _agency(agency.canonical or agency.name, place, scope,
                                      agency.name, *(m.text for m in agency.mentions))
    for measure in extraction.measures:
        key = normalise_name(measure.canonical or measure.name)
        entities[measure.id] = Entity("Measure", key, ns.measure_iri(key), key,
                                      _printed(measure.name, *(m.text for m in measure.mentions)))
    for metric in extraction.metrics:
        key = ns.figure_key(extraction.text_id, metric.value, metric.unit)
        entities[metric.id] = Entity("Figure", key,
                                     ns.figure_iri(extraction.text_id, metric.value, metric.unit),
                                     metric.text or key, _printed(metric.text))
    # A record with nothing left to key it on (a blank name) is no node; its links drop.
    entities = {local: e for local, e in entities.items() if e.key and e.label}
    jurisdiction = None
    if place is not None and place.name:
        jurisdiction = Entity("Jurisdiction", place.name, ns.place_iri(place.name), place.name)
    return ResolvedText(extraction, ns.text_iri(extraction.text_id), place, jurisdiction,
                        _authors(extraction, place, entities), entities)


def _agency(canonical: str, place: Place | None, scope: str, *printed: str) -> Entity:
    key = agency_key(canonical, place, scope)
    label = key.rsplit("|", 1)[-1]
    return Entity("Agency", key, ns.agency_iri(key), label, _printed(*printed))


def _authors(extraction: Extraction, place: Place | None,
             entities: dict[str, Entity]) -> list[Entity]:
    authors = []
    for author in _split_agencies(extraction.meta.author or ""):
        same = [a for a in extraction.agencies if author in (a.name, a.canonical)]
        authors.append(entities[same[0].id] if same else
                       _agency(author, place, extraction.text_id, author))
    return authors


def issuer_agencies(issuer: str, place: Place | None, scope: str) -> list[Entity]:
    """The agencies of a document's printed issuer (中共中央、国务院 is two)."""
    return [_agency(part, place, scope, part) for part in _split_agencies(issuer)]


def _split_agencies(printed: str) -> list[str]:
    return [part.strip() for part in re.split(r"[、，,；;]", printed) if part.strip()]


def _printed(*forms: str) -> tuple[str, ...]:
    return tuple(sorted({f.strip() for f in forms if f and f.strip()}))
