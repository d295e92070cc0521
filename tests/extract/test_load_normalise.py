"""What the loader changes in a text, and what it keeps as printed."""

from __future__ import annotations

import pytest
from policykg.extract.load import load_file

TITLE = "《法治政府建设实施纲要（2021—2025年）》"


@pytest.mark.parametrize(("raw", "loaded"), [
    ("第一行\r\n第二行\r\n", "第一行\n第二行"),  # Windows newlines
    ("第一行\r第二行", "第一行\n第二行"),  # old Mac newlines
    ("认真落实《法治\u200b政府建设实施纲要（2021—2025年）\u200d》。", f"认真落实{TITLE}。"),
    ("\ufeff区司法局\u00a0区法院", "区司法局 区法院"),  # BOM and no-break space
    ("松区办发〔２０２３〕５号，办结１２３件（ＡＢ）",) * 2,  # full width kept as printed
    ("一、总体要求\n\n\n\n\n二、主要任务   \n", "一、总体要求\n\n二、主要任务"),
])
def test_load_normalise_text(write_file, raw, loaded):
    assert load_file(write_file("t.txt", raw)).text == loaded


def test_load_normalise_spans_refer_to_loaded_text(write_file):
    raw = "\u200b认真落实《法治\u200b政府建设实施纲要（2021—2025年）》"
    text = load_file(write_file("t.txt", raw)).text
    start = text.index("《")
    assert text[start:start + len(TITLE)] == TITLE


@pytest.mark.parametrize(("chrome", "kept"), [
    ("关怀版 无障碍 无障碍", None),
    ("您当前所在位置: 首页>区政府信息公开目录>管理公开>公告公示", None),
    ("访问量:", None),
    ("【字体: 大 中 小】 打印", None),
    ("  • 分享到:", None),
    ("扫一扫在手机打开当前页", None),
    ("【打印】 【关闭】", None),
    ("首页 > 政务公开 > 通知公告", None),
    ("网站地图 | 联系我们", None),
    ("如有疑问请联系我们。", "如有疑问请联系我们。"),
    ("各镇（街道）要在手机政务平台上线“松溪通”。", "各镇（街道）要在手机政务平台上线“松溪通”。"),
    ("发布日期: 2024-03-20 10:31 浏览次数:", "发布日期: 2024-03-20 10:31 浏览次数:"),
    ("来源:松溪区人民政府 发布日期:2024-03-20", "来源:松溪区人民政府 发布日期:2024-03-20"),
    ("“松溪通”上线事项320个，访问量、用户数均居全市前列。",
     "“松溪通”上线事项320个，访问量、用户数均居全市前列。"),
])
def test_load_normalise_portal_lines(write_file, chrome, kept):
    body = "2023年，松溪区扎实推进法治政府建设。"
    text = load_file(write_file("t.txt", f"{chrome}\n松溪区法治政府建设报告\n{body}")).text
    expected = [kept] if kept else []
    assert text.split("\n") == [*expected, "松溪区法治政府建设报告", body]
