"""Figures: amounts, counts and rates with their units; dates, ordinals and durations are not."""

from __future__ import annotations

import pytest
from policykg.extract.pipeline import shared_pipeline


def figures(text: str) -> list[tuple[str, float, str, str | None]]:
    doc = shared_pipeline()(text)
    return [(s.text, s._.attrs["value"], s._.attrs["unit"], s._.attrs["counted"])
            for s in doc.spans["metrics"]]


@pytest.mark.parametrize(("text", "expected"), [
    ("全年共收到行政复议申请58件，办结率100%，兑付奖补资金9596万元。",
     [("58件", 58, "件"), ("100%", 100, "%"), ("9596万元", 9596, "万元")]),
    ("热线受理各类工单10万余件，月平均9300余件，满意率99.1%。",
     [("10万余件", 10, "万件"), ("9300余件", 9300, "件"), ("99.1%", 99.1, "%")]),
    ("培训执法人员960人次，新设市场主体4217户，同比增长11.6%，兑现资金3.4亿元。",
     [("960人次", 960, "人次"), ("4217户", 4217, "户"), ("11.6%", 11.6, "%"),
      ("3.4亿元", 3.4, "亿元")]),
    ("组织学习法律法规14部，开展普法活动1963场，调处矛盾纠纷68起，评查案卷101宗。",
     [("14部", 14, "部"), ("1963场", 1963, "场"), ("68起", 68, "起"), ("101宗", 101, "宗")]),
    ("持证比例98%以上，聘任特邀监督员18名。", [("98%", 98, "%"), ("18名", 18, "名")]),
])
def test_figures_values_found(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert [f[:3] for f in figures(text)] == expected


@pytest.mark.parametrize("text", [
    "2023年3月5日，区政府第13次常务会议审议通过。",
    "业务提交24小时不打烊，3个工作日内办结，12个月内完成整改。",
    "出台《平江县轻微违法行为不予处罚清单(第一批36项)》（平司发〔2023〕2号）。",
    "拨打12345热线或咨询电话0731-8500375，入选第二批示范名单。",
])
def test_figures_values_not_found(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize(("text", "counted"), [
    ("全年12580件行政许可事项实行告知承诺制。", "行政许可事项"),
    ("为全区236家重点企业配备服务专员。", "重点企业"),
    ("共培养法律明白人3120名。", "法律明白人"),
    ("对9个镇、27个重点执法部门开展专项督查。", "镇"),
    ("执法人员持证比例达95%以上。", "执法人员持证比例"),
])
def test_figures_values_counted(text: str, counted: str) -> None:
    assert figures(text)[0][3] == counted
