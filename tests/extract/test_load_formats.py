"""Real texts saved as html, docx or pdf give the same facts as the same texts in txt."""

from __future__ import annotations

import pytest
from policykg.extract.api import extract_file

pytestmark = pytest.mark.slow  # the whole dev corpus through the pipeline, per format

FACTS = ("documents", "agencies", "measures", "metrics", "issued")


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_load_formats_same_facts_as_txt(dev_dir, dev_in_format, fmt):
    folder = dev_in_format(fmt)
    differ = []
    for source in sorted(dev_dir.glob("*.txt")):
        want = extract_file(source).summary()
        got = extract_file(folder / f"{source.stem}.{fmt}").summary()
        differ += [(source.stem, kind) for kind in FACTS if got[kind] != want[kind]]
    assert not differ
