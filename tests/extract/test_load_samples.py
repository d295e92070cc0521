"""The sample corpus exercises every loader: each file loads as its README says."""

from __future__ import annotations

import pytest
from policykg.extract.load import find_sources, load_file

SAMPLES = [
    ("songxi-2023.txt", "txt", "utf-8", "云岭市松溪区人民政府关于2023年度法治政府建设情况的报告"),
    ("yunling-2022.html", "html", "utf-8", "云岭市人民政府关于2022年度法治政府建设情况的报告"),
    ("qingxi-sfj-2023.txt", "txt", "gb18030", "青溪县司法局2023年度法治政府建设工作报告"),
    ("songxi-notice-2023-5.docx", "docx", None, "松溪区人民政府办公室文件"),
    ("yunling-plan-2022.txt", "txt", "utf-8",
     "云岭市深化“云岭通办”改革全面提升政务服务效能实施方案"),
    ("songxi-points-2024.html", "html", "gb18030", "松溪区2024年政务公开工作要点"),
    ("qingchuan-opinion-2021.pdf", "pdf", None, "青川省人民政府关于深化“一网通办”改革的实施意见"),
]
PORTAL = ("关怀版", "无障碍", "当前所在位置", "当前位置", "访问量", "阅读次数", "点击数",
          "打印本页", "关闭窗口", "分享到", "版权所有", "网站标识码", "ICP备", "相关信息",
          "网站首页")


@pytest.mark.parametrize(("name", "fmt", "encoding", "first_line"), SAMPLES,
                         ids=[s[0] for s in SAMPLES])
def test_load_samples_each_format(samples_dir, name, fmt, encoding, first_line):
    loaded = load_file(samples_dir / name)
    assert (loaded.format, loaded.encoding) == (fmt, encoding)
    assert loaded.text.split("\n")[0] == first_line
    for word in PORTAL:
        assert word not in loaded.text, word


def test_load_samples_found_in_order(samples_dir):
    assert [p.name for p in find_sources([samples_dir])] == sorted(s[0] for s in SAMPLES)
