"""The gazetteer of Chinese administrative divisions (ontology/places.tsv, GB/T 2260).

It gives a place printed in part its full path: 章贡区 → 江西省赣州市章贡区, 赣州市章贡区
→ the same. A name is taken only where it is unique, or unique given the other parts
printed with it (朝阳区 alone is Beijing's or Changchun's: not guessed; 北京市朝阳区 is
Beijing's). Read once, on first use.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["Division", "locate"]


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str  # province, prefecture, county
    parent: str | None  # code


@cache
def _gazetteer() -> tuple[dict[str, Division], dict[str, tuple[Division, ...]]]:
    text = resources.files("policykg.ontology").joinpath("places.tsv").read_text("utf-8")
    by_code: dict[str, Division] = {}
    by_name: dict[str, list[Division]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        code, name, level, parent = line.split("\t")
        division = Division(code, name, level, parent or None)
        by_code[code] = division
        by_name.setdefault(name, []).append(division)
    return by_code, {name: tuple(found) for name, found in by_name.items()}


def _path(division: Division) -> list[Division]:
    """The division and its ancestors, province first."""
    by_code, _ = _gazetteer()
    path = [division]
    while path[0].parent:
        path.insert(0, by_code[path[0].parent])
    return path


def locate(parts: list[str]) -> list[Division] | None:
    """The full path (province first) of the place printed as ``parts`` (top-down), if
    the gazetteer knows its last part and only one such division lies under the others."""
    if not parts:
        return None
    _, by_name = _gazetteer()
    found = []
    for candidate in by_name.get(parts[-1], ()):
        path = _path(candidate)
        names = [d.name for d in path[:-1]]
        if _in_order(parts[:-1], names):
            found.append(path)
    return found[0] if len(found) == 1 else None


def _in_order(wanted: list[str], names: list[str]) -> bool:
    """Whether every printed upper part is an ancestor, in order (江西省赣州市 ⊂ path)."""
    pos = 0
    for name in wanted:
        if name not in names[pos:]:
            return False
        pos = names.index(name, pos) + 1
    return True
