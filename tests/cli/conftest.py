"""Fixtures of the command-line tests: a batch of good and bad files, written here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

REPORT = ("云岭市松溪区2023年度法治政府建设情况的报告\n"
          "2023年，松溪区认真落实《法治政府建设实施纲要（2021—2025年）》，"
          "区政府印发《松溪区优化营商环境若干措施》（松区办发〔2023〕5号），"
          "全面推行“一网通办”，全年网上办理事项1234件，网办率达到98.5%。\n")
NOTICE = ("云岭市人民政府办公室关于印发《云岭市行政执法公示办法》的通知\n"
          "云府办发〔2022〕12号\n"
          "《云岭市行政执法公示办法》已经市政府同意，现印发给你们，请认真贯彻执行。\n"
          "云岭市人民政府办公室\n2022年6月1日\n")


@dataclass
class Batch:
    args: list[str]  # what the user types after `policykg extract`
    good: list[str]  # stems that must give a JSON
    bad: list[str]  # file names that must each get a line on stderr


@pytest.fixture
def mixed_batch(tmp_path: Path) -> Batch:
    import docx

    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "songxi-2023.txt").write_text(REPORT, encoding="utf-8")
    (folder / "yunling-notice.txt").write_bytes(NOTICE.encode("gb18030"))
    (folder / "sub" / "page.html").write_text(
        f"<html><head><meta charset='utf-8'><title>报告</title></head><body>"
        f"<div class='nav'>首页</div><div>{REPORT.replace(chr(10), '<br>')}</div></body></html>",
        encoding="utf-8")
    document = docx.Document()
    for line in NOTICE.splitlines():
        document.add_paragraph(line)
    document.save(folder / "sub" / "notice.docx")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n% cut off here")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / ".hidden.txt").write_text(REPORT, encoding="utf-8")  # skipped in folders
    old = tmp_path / "old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    return Batch(args=[str(folder), str(old), str(tmp_path / "missing.txt")],
                 good=["notice", "page", "songxi-2023", "yunling-notice"],
                 bad=["empty.txt", "broken.pdf", "broken.docx", "binary.txt", "old.doc",
                      "missing.txt"])
