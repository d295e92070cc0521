"""pdf text layers: pages in order, hard-wrapped lines joined, headings kept apart."""

from __future__ import annotations

import pytest
from policykg.extract.load import load_file

PARAGRAPH = ("2023年，松溪区坚持以习近平法治思想为指导，认真落实《法治政府建设实施纲要"
             "（2021—2025年）》，全面推行“一网通办”，全年网上办理事项1234件，网办率达到"
             "98.5%，群众满意度持续提升。")


def wrapped(text: str, width: int = 36) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)]


def test_load_pdf_pages_in_order(make_pdf):
    pages = [["松溪区2023年度法治政府建设情况的报告", "一、主要举措和成效"],
             ["二、存在的问题", "区司法局牵头推行“首违不罚”清单制度。"]]
    loaded = load_file(make_pdf("report.pdf", pages, title="松溪区年度报告"))
    assert loaded.format == "pdf" and loaded.title == "松溪区年度报告"
    lines = [line for line in loaded.text.split("\n") if line]
    assert lines == [line for page in pages for line in page]


@pytest.mark.parametrize("heading", ["（一）深化“放管服”改革", "二、下一步工作打算"])
def test_load_pdf_wrapped_lines_joined(make_pdf, heading):
    pages = [["松溪区2023年度法治政府建设情况的报告", *wrapped(PARAGRAPH), heading,
              *wrapped(PARAGRAPH)]]
    lines = load_file(make_pdf("wrapped.pdf", pages)).text.split("\n")
    assert lines == ["松溪区2023年度法治政府建设情况的报告", PARAGRAPH, heading, PARAGRAPH]


@pytest.mark.parametrize("aes", [False, True], ids=["rc4", "aes-256"])
def test_load_pdf_encrypted_without_user_password_is_read(make_pdf, aes):
    """Owner-password-only pdfs (print allowed, editing not) are common: read them."""
    path = make_pdf("locked.pdf", [["区政府印发《松溪区优化营商环境若干措施》。"]], password="",
                    aes=aes)
    assert load_file(path).text == "区政府印发《松溪区优化营商环境若干措施》。"


@pytest.mark.parametrize("page_number", ["— 1 —", "-1-", "第1页 共2页", "1/2", "1"])
def test_load_pdf_paragraph_across_pages(make_pdf, page_number):
    lines = wrapped(PARAGRAPH)
    pages = [["松溪区2023年度法治政府建设情况的报告", *lines[:2], page_number],
             [*lines[2:], "二、下一步工作打算", page_number.replace("1", "2", 1)]]
    lines = load_file(make_pdf("two-pages.pdf", pages)).text.split("\n")
    assert lines == ["松溪区2023年度法治政府建设情况的报告", PARAGRAPH, "二、下一步工作打算"]


@pytest.mark.parametrize(("printed", "loaded"), [
    # a line that ends in a closing quote mid-sentence runs on
    (["（五）健全“好差评”制度。全面推行政务服务“好差评”", "制度，差评事项整改率达到100%。"],
     ["（五）健全“好差评”制度。全面推行政务服务“好差评”制度，差评事项整改率达到100%。"]),
    # a full-width title and a document number stand on their own lines
    (["青川省人民政府关于深化“一网通办”改革的实施意见啊", "青府发〔2021〕15号",
      "（五）健全“好差评”制度。全面推行政务服务“好差评”"],
     ["青川省人民政府关于深化“一网通办”改革的实施意见啊", "青府发〔2021〕15号",
      "（五）健全“好差评”制度。全面推行政务服务“好差评”"]),
    # a line that ends a sentence after its closing quote does not run on
    (["推行“首违不罚”，全年对轻微违法行为依法不予处罚563件。”", "二、存在的不足"],
     ["推行“首违不罚”，全年对轻微违法行为依法不予处罚563件。”", "二、存在的不足"]),
])
def test_load_pdf_line_ends(make_pdf, printed, loaded):
    pages = [["松溪区2023年度法治政府建设情况的报告", *printed]]
    assert load_file(make_pdf("ends.pdf", pages)).text.split("\n")[1:] == loaded


@pytest.mark.parametrize(("printed", "loaded"), [
    ("松 溪 区 人 民 政 府 办 公 室", "松溪区人民政府办公室"),  # letter-spaced heading
    ("中共松溪区委 松溪区人民政府", "中共松溪区委 松溪区人民政府"),  # a real space between two
])
def test_load_pdf_letter_spacing(make_pdf, printed, loaded):
    pages = [["松溪区2023年度法治政府建设情况的报告", printed]]
    assert load_file(make_pdf("spaced.pdf", pages)).text.split("\n")[1] == loaded
