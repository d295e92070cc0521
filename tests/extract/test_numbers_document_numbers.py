"""Document numbers (发文字号): the printed forms, their parts, which title they belong to."""

from __future__ import annotations

import pytest
from policykg.extract.pipeline import shared_pipeline


def numbers(text: str) -> list[dict]:
    doc = shared_pipeline()(text)
    return [s._.attrs["number"] for s in doc.spans["numbers"]]


def title_numbers(text: str) -> dict[str, str | None]:
    doc = shared_pipeline()(text)
    return {"".join(text[s.start_char:s.end_char].split()):
            (s._.attrs["number"] or {}).get("text") for s in doc.spans["documents"]}


@pytest.mark.parametrize(("text", "printed", "code", "year", "serial"), [
    ("（松区办发〔2023〕5号）", "松区办发〔2023〕5号", "松区办发", 2023, 5),
    ("（云政办函[2021]17号）", "云政办函[2021]17号", "云政办函", 2021, 17),
    ("（青政发(2019)3号）", "青政发(2019)3号", "青政发", 2019, 3),
    ("（青政发（2019）3号）", "青政发（2019）3号", "青政发", 2019, 3),
    ("（区行审改字【2022】2号）", "区行审改字【2022】2号", "区行审改字", 2022, 2),
    ("（松区府发［2020］12号）", "松区府发［2020］12号", "松区府发", 2020, 12),
    ("（云办发﹝2018﹞9号）", "云办发﹝2018﹞9号", "云办发", 2018, 9),
    ("（松政发 〔 2022 〕 8 号）", "松政发〔2022〕8号", "松政发", 2022, 8),
    ("（云发〔2016〕第23号）", "云发〔2016〕第23号", "云发", 2016, 23),
    # full-width digits, as some editors print them
    ("（松区府办发〔２０２２〕１２号）", "松区府办发〔２０２２〕１２号", "松区府办发", 2022, 12),
    ("（国务院令第713号）", "国务院令第713号", "国务院令", None, 713),
    ("（青川省人民政府令第300号）", "青川省人民政府令第300号", "青川省人民政府令", None, 300),
    ("（省人民政府第300号令）", "省人民政府第300号令", "省人民政府令", None, 300),
    ("（国家税务总局公告2018年第31号）", "国家税务总局公告2018年第31号", "国家税务总局公告",
     2018, 31),
    # an order's or an announcement's serial, in digits or in words
    ("（中华人民共和国主席令第三十一号）", "中华人民共和国主席令第三十一号", "中华人民共和国主席令",
     None, 31),
    ("（国务院令第七百一十三号）", "国务院令第七百一十三号", "国务院令", None, 713),
    ("（青川省人民代表大会常务委员会公告第12号）", "青川省人民代表大会常务委员会公告第12号",
     "青川省人民代表大会常务委员会公告", None, 12),
    # a stop word inside a body's name does not cut its code
    ("（住房和城乡建设部令第52号）", "住房和城乡建设部令第52号", "住房和城乡建设部令", None, 52),
    ("（国家发展和改革委员会令2019年第29号）", "国家发展和改革委员会令2019年第29号",
     "国家发展和改革委员会令", 2019, 29),
    ("依据意见和云府发〔2021〕3号", "云府发〔2021〕3号", "云府发", 2021, 3),
    # the code starts after the words that lead up to it
    ("根据松政发〔2022〕8号文件精神", "松政发〔2022〕8号", "松政发", 2022, 8),
    ("按照云办字〔2021〕40号要求", "云办字〔2021〕40号", "云办字", 2021, 40),
])
def test_numbers_printed_forms(text: str, printed: str, code: str, year: int | None,
                               serial: int) -> None:
    assert numbers(text) == [{"text": printed, "code": code, "year": year, "serial": serial}]


@pytest.mark.parametrize("text", [
    "《松溪区法治政府建设实施方案（2021-2025年）》",
    "2022年第3季度共办结案件12件",
    "（2022）8号",  # no issuing code
    "令第3号",
])
def test_numbers_not_a_document_number(text: str) -> None:
    assert numbers(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("按照《国家信用体系建设规划纲要（2014—2020年）》（国发〔2014〕21号）、"
     "《青川省人民政府关于加快信用建设的指导意见》(青政〔2015〕31号)和"
     "《关于建立信用承诺制度的通知》精神，",
     {"国家信用体系建设规划纲要（2014—2020年）": "国发〔2014〕21号",
      "青川省人民政府关于加快信用建设的指导意见": "青政〔2015〕31号",
      "关于建立信用承诺制度的通知": None}),
    # printed straight after the title
    ("印发《松溪区优化营商环境提质年活动方案》松区办发〔2022〕1号，",
     {"松溪区优化营商环境提质年活动方案": "松区办发〔2022〕1号"}),
    # every bracket pair printed in the wild, full- and half-width, or a space or a colon
    ("印发《云岭市营商环境提升方案》【云府办〔2021〕27号】，",
     {"云岭市营商环境提升方案": "云府办〔2021〕27号"}),
    ("印发《云岭市营商环境提升方案》［云府办〔2021〕27号］，",
     {"云岭市营商环境提升方案": "云府办〔2021〕27号"}),
    ("印发《云岭市营商环境提升方案》[云府办[2021]27号]，",
     {"云岭市营商环境提升方案": "云府办[2021]27号"}),
    ("印发《云岭市营商环境提升方案》 (云发〔2021〕3号)，",
     {"云岭市营商环境提升方案": "云发〔2021〕3号"}),
    ("印发《云岭市营商环境提升方案》（云政发（2021）3号），",
     {"云岭市营商环境提升方案": "云政发（2021）3号"}),
    ("印发《云岭市营商环境提升方案》：云发〔2021〕3号，",
     {"云岭市营商环境提升方案": "云发〔2021〕3号"}),
    ("印发《云岭市营商环境提升方案》 云发〔2021〕第3号，",
     {"云岭市营商环境提升方案": "云发〔2021〕第3号"}),
    ("公布《云岭市城市绿化管理办法》【云岭市人民政府令第12号】，",
     {"云岭市城市绿化管理办法": "云岭市人民政府令第12号"}),
    ("公布《云岭市城市绿化管理办法》（云岭市人民政府第12号令），",
     {"云岭市城市绿化管理办法": "云岭市人民政府第12号令"}),
    # after a bracket that holds neither a number nor an abbreviation
    ("印发《云岭市营商环境提升方案》（试行）（云发〔2021〕3号），",
     {"云岭市营商环境提升方案": "云发〔2021〕3号"}),
    ("公布《云岭市城市绿化管理办法》（2021年修订）【云岭市人民政府令第12号】",
     {"云岭市城市绿化管理办法": "云岭市人民政府令第12号"}),
    # a bracket that holds no number, or a number after other words, is not the title's
    ("印发《云岭市营商环境提升方案》【试行】，并转发云发〔2021〕3号，",
     {"云岭市营商环境提升方案": None}),
    # a number further on in the sentence is not the title's
    ("印发《松溪区普法计划》，并转发了松区办发〔2022〕9号文件。", {"松溪区普法计划": None}),
])
def test_numbers_attach_to_the_title_before(text: str, expected: dict) -> None:
    assert title_numbers(text) == expected


@pytest.mark.parametrize("head", [
    "发文字号：松政发〔2023〕7号\n",
    "发文字号\n松政发〔2023〕7号\n",
    "松溪区人民政府关于印发松溪区重大行政决策程序规定的通知\n松政发〔2023〕7号\n",
    "松溪区人民政府关于印发《松溪区重大行政决策程序规定》的通知\n（松政发〔2023〕7号）\n",
])
def test_numbers_own_number_goes_to_the_texts_metadata(head: str) -> None:
    text = head + "各镇人民政府：\n《松溪区重大行政决策程序规定》已经区政府同意，现印发给你们。\n"
    doc = shared_pipeline()(text)
    assert doc._.meta["number"] == "松政发〔2023〕7号"
    assert doc.spans["documents"]
    assert all(s._.attrs["number"] is None for s in doc.spans["documents"])
    assert [s._.attrs["role"] for s in doc.spans["numbers"]] == ["own"]
