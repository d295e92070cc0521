"""Every kind of bad input: one line naming the file and the problem, the right error."""

from __future__ import annotations

import pytest
from policykg.extract.load import load_file
from policykg.ontology.errors import (
    CorruptFileError,
    DecodingError,
    EmptyTextError,
    InputError,
    UnsupportedFormatError,
)

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
GOOD = "区政府印发《松溪区优化营商环境若干措施》（松区办发〔2023〕5号）。"


def _pdf_bytes(make_pdf) -> bytes:
    return make_pdf("good.pdf", [[GOOD]]).read_bytes()


def _docx_bytes(make_docx) -> bytes:
    return make_docx("good.docx", [GOOD]).read_bytes()


CASES = {
    # name: (file name, bytes maker, error, words the message must hold)
    "empty txt": ("empty.txt", lambda m: b"", EmptyTextError, "empty file (0 bytes)"),
    "white space": ("blank.txt", lambda m: " \n\u3000\n\t\u00a0\u200b\n".encode(),
                    EmptyTextError, "no text"),
    "chrome only": ("chrome.txt", lambda m: "关怀版 无障碍\n访问量:\n".encode(), EmptyTextError,
                    "no text"),
    "binary as txt": ("image.txt", lambda m: PNG, InputError, "binary file"),
    "binary as html": ("page.html", lambda m: PNG, InputError, "binary file"),
    "undecodable": ("gbk-broken.txt", lambda m: GOOD.encode("gbk")[:-1] + b"\xff\x80",
                    DecodingError, "cannot decode"),
    "corrupt pdf": ("broken.pdf", lambda m: b"%PDF-1.4\n1 0 obj << /Type /Catalog",
                    CorruptFileError, "corrupt or unreadable pdf"),
    "truncated pdf": ("cut.pdf", lambda m: _pdf_bytes(m["pdf"])[:300], CorruptFileError, "pdf"),
    "pdf not a pdf": ("text.pdf", lambda m: GOOD.encode(), CorruptFileError, "pdf"),
    "locked pdf": ("locked.pdf", lambda m: m["pdf"]("l.pdf", [[GOOD]], password="secret")
                   .read_bytes(), CorruptFileError, "encrypted pdf (password required)"),
    "aes locked pdf": ("aes.pdf", lambda m: m["pdf"]("a.pdf", [[GOOD]], password="secret",
                                                    aes=True).read_bytes(),
                       CorruptFileError, "encrypted pdf (password required)"),
    "scanned pdf": ("scan.pdf", lambda m: m["pdf"]("s.pdf", [None]).read_bytes(),
                    EmptyTextError, "no text layer (scanned?)"),
    "corrupt docx": ("broken.docx", lambda m: b"PK\x03\x04 not really a zip", CorruptFileError,
                     "corrupt docx"),
    "truncated docx": ("cut.docx", lambda m: _docx_bytes(m["docx"])[:2000], CorruptFileError,
                       "corrupt docx"),
    "zip not docx": ("other.docx", lambda m: m["zip"], CorruptFileError, "corrupt docx"),
    "empty docx": ("blank.docx", lambda m: m["docx"]("b.docx", ["", "  "]).read_bytes(),
                   EmptyTextError, "no text"),
    "doc": ("old.doc", lambda m: b"\xd0\xcf\x11\xe0", UnsupportedFormatError,
            "unsupported format .doc"),
    "xlsx": ("table.xlsx", lambda m: b"PK", UnsupportedFormatError, "unsupported format .xlsx"),
    "no extension": ("README", lambda m: GOOD.encode(), UnsupportedFormatError,
                     "(no extension)"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_load_bad_input_one_line(write_file, make_pdf, make_docx, not_a_docx_zip, case):
    name, make, error, words = CASES[case]
    path = write_file(name, make({"pdf": make_pdf, "docx": make_docx, "zip": not_a_docx_zip}))
    with pytest.raises(error) as caught:
        load_file(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert words in message
    assert "\n" not in message and "Traceback" not in message


def test_load_bad_input_missing_file(tmp_path):
    with pytest.raises(InputError, match=r"missing\.txt: cannot read \(No such file"):
        load_file(tmp_path / "missing.txt")

