"""The text's own structure: 一、 / （一） / 1. / 一是 headings, levels and extent."""

from __future__ import annotations

from policykg.extract.sections import find_sections

REPORT = (
    "松溪区2023年度法治政府建设情况的报告\n"
    "一、主要举措和成效\n"
    "（一）深化“放管服”改革。一是推行告知承诺制。全年办理事项120件。二是优化审批流程；"
    "压减时限三成。\n"
    "（二）严格规范执法\n"
    "1.推行执法三项制度。全面落实。\n"
    "2、开展案卷评查。\n"
    "二、存在的不足\n"
    "执法力量不足。\n"
)


def test_sections_labels_levels_titles() -> None:
    found = [(s["label"], s["level"], s["title"]) for s in find_sections(REPORT)]
    assert found == [
        ("一、", 1, "主要举措和成效"),
        ("（一）", 2, "深化“放管服”改革"),
        ("一是", 3, "推行告知承诺制"),
        ("二是", 3, "优化审批流程"),
        ("（二）", 2, "严格规范执法"),
        ("1.", 3, "推行执法三项制度"),
        ("2、", 3, "开展案卷评查"),
        ("二、", 1, "存在的不足"),
    ]


def test_sections_end_where_a_heading_of_their_level_starts() -> None:
    sections = {s["label"] + s["title"]: s for s in find_sections(REPORT)}
    first = sections["一、主要举措和成效"]
    assert REPORT[first["start"]:first["end"]].startswith("一、主要举措和成效")
    assert first["end"] == REPORT.index("二、存在的不足") - 1  # the line break is no section's
    second = sections["二、存在的不足"]
    assert REPORT[second["start"]:second["end"]] == "二、存在的不足\n执法力量不足。"
    point = sections["一是推行告知承诺制"]
    assert REPORT[point["start"]:point["end"]] == "一是推行告知承诺制。全年办理事项120件。"


def test_sections_run_together_paragraphs() -> None:
    text = "结合我区实际，制定本工作要点。 一、总体要求 2023年是关键之年。 二、重点任务 深化公开。"
    assert [(s["label"], s["title"]) for s in find_sections(text)] == [
        ("一、", "总体要求"), ("二、", "重点任务")]


def test_sections_not_inside_words() -> None:
    assert find_sections("坚持统一是前提，2023年共办结12件。") == []
