"""The normalisation every loaded text goes through, whatever its format.

Only what would make offsets or sentences wrong is changed: newlines made ``\\n``,
zero-width characters and stray controls removed, no-break spaces made spaces, trailing
white space cut, portal chrome lines dropped, runs of blank lines made one. Full-width
and half-width forms stay as printed: the rules read both.
"""

from __future__ import annotations

import re

from policykg.extract.boilerplate import drop_chrome

NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85\f\v]")
INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f]")
SPACES = re.compile(r"[\u00a0\u2007\u202f]")
BLANK_RUNS = re.compile(r"\n{3,}")


def normalize(text: str) -> str:
    text = NEWLINES.sub("\n", text)
    text = INVISIBLE.sub("", text)
    text = SPACES.sub(" ", text)
    lines = drop_chrome([line.rstrip() for line in text.split("\n")])
    return BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()
