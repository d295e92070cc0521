"""The text's own metadata: only what is printed, never invented."""

from __future__ import annotations

import pytest
from policykg.extract.api import extract_loaded
from policykg.extract.loaded import LoadedText
from policykg.extract.pipeline import shared_pipeline


def meta(text: str) -> dict:
    return shared_pipeline()(text)._.meta


@pytest.mark.parametrize(("text", "expected"), [
    # a report whose title names the body that wrote it and the year it covers
    ("云岭市人民政府关于2022年度法治政府建设情况的报告\n发布时间：2023年02月20日\n"
     "2022年，在省委、省政府的坚强领导下，我市扎实推进法治政府建设。\n",
     {"title": "云岭市人民政府关于2022年度法治政府建设情况的报告", "author": "云岭市人民政府",
      "jurisdiction": "云岭市", "date": "2023-02-20", "year": 2022, "doc_type": "报告"}),
    ("青川省云岭市松溪区司法局2023年度法治政府建设工作报告\n"
     "2023年，区司法局深入学习贯彻习近平法治思想。\n",
     {"title": "青川省云岭市松溪区司法局2023年度法治政府建设工作报告",
      "author": "青川省云岭市松溪区司法局", "jurisdiction": "青川省云岭市松溪区",
      "year": 2023, "doc_type": "报告", "date": None}),
    # a notice printed with full-width digits
    ("云岭市人民政府关于印发行政执法监督办法的通知\n云政发〔２０２３〕５号\n\n各县（市、区）：\n"
     "现将办法印发给你们。\n\n云岭市人民政府\n２０２３年８月１５日\n",
     {"title": "云岭市人民政府关于印发行政执法监督办法的通知", "author": "云岭市人民政府",
      "jurisdiction": "云岭市", "date": "2023-08-15", "number": "云政发〔２０２３〕５号",
      "doc_type": "通知"}),
    # a place, not a body: the author stays unknown, the place is the jurisdiction
    ("关怀版 无障碍\n您当前所在位置：首页>政务公开\n2023年度松溪区法治政府建设情况的报告\n"
     "访问量：\n2023年，松溪区坚持依法行政。中共云岭市松溪区委全面依法治区委员会印发了工作要点。\n",
     {"title": "2023年度松溪区法治政府建设情况的报告", "author": None,
      "jurisdiction": "云岭市松溪区", "year": 2023}),
    # a notice: header fields of the publishing page
    ("索引号：000014349/2023-00012\n发文机关：松溪区人民政府 主题分类：综合政务\n"
     "成文日期：2023-05-30 发布日期：2023-06-07\n发文字号：松政发〔2023〕7号\n"
     "标  题：松溪区人民政府关于印发松溪区重大行政决策程序规定的通知\n",
     {"title": "松溪区人民政府关于印发松溪区重大行政决策程序规定的通知",
      "author": "松溪区人民政府", "jurisdiction": "松溪区", "date": "2023-05-30",
      "number": "松政发〔2023〕7号", "doc_type": "通知"}),
    # a portal head whose labels stand on their own lines, then the title
    ("索引号：\n11360300/2023-00123\n发布机构：\n松溪区人民政府办公室\n发文字号：\n"
     "松府办字〔2023〕27号\n主题分类：\n综合政务\n关于印发松溪区河道保洁方案的通知\n"
     "各镇人民政府：\n现将《松溪区河道保洁方案》印发给你们。\n",
     {"title": "关于印发松溪区河道保洁方案的通知", "author": "松溪区人民政府办公室",
      "jurisdiction": "松溪区", "number": "松府办字〔2023〕27号", "doc_type": "通知"}),
    # a notice without a title line: the signature before the date
    ("各镇人民政府，区直各部门：\n《松溪区营商环境优化行动方案》已经区政府同意，现印发给你们。\n"
     "松溪区人民政府办公室\n2024年4月22日\n（此件公开发布）\n",
     {"title": None, "author": "松溪区人民政府办公室", "jurisdiction": "松溪区",
      "date": "2024-04-22"}),
    # a heading split over two lines: the issuing bodies above 印发《…》
    ("中共青川省委办公厅 青川省人民政府办公厅\n印发《关于深化审批服务改革的实施意见》\n"
     "近日，两办印发了实施意见。\n",
     {"author": "中共青川省委办公厅、青川省人民政府办公厅", "jurisdiction": "青川省",
      "doc_type": "意见"}),
    # a title printed over two lines below its body's line, and a site's link above one
    ("云政办〔2021〕9号\n云岭市人民政府办公室\n关于印发云岭市2021年度法治政府建设\n工作安排的通知\n"
     "各县（市、区）人民政府：\n现将工作安排印发给你们。\n",
     {"title": "云岭市人民政府办公室关于印发云岭市2021年度法治政府建设工作安排的通知",
      "author": "云岭市人民政府办公室", "jurisdiction": "云岭市", "year": 2021,
      "number": "云政办〔2021〕9号"}),
    ("关于我们\n松溪区2023年度法治政府建设情况的报告\n2023年，松溪区坚持依法行政。\n",
     {"title": "松溪区2023年度法治政府建设情况的报告", "author": None}),
    # the issuing bodies printed alone on the line below a 「关于…」 title
    ("关于印发行政执法监督办法的通知\n\n云岭市司法局 云岭市财政局\n"
     "各县（市、区）：\n现印发给你们。\n",
     {"author": "云岭市司法局、云岭市财政局", "jurisdiction": "云岭市"}),
    ("关于印发行政执法监督办法的通知\n各县（市、区）人民政府：\n现印发给你们。\n",
     {"author": None}),
    # joint authors on the title's own line
    ("中共松溪区委办公室 松溪区人民政府办公室关于印发《松溪区河长制工作方案》的通知\n"
     "各镇党委、人民政府：\n现将《松溪区河长制工作方案》印发给你们。\n",
     {"author": "中共松溪区委办公室、松溪区人民政府办公室", "jurisdiction": "松溪区",
      "title": "中共松溪区委办公室、松溪区人民政府办公室关于印发《松溪区河长制工作方案》的通知"}),
    # a report with no title: the place its first line opens with
    ("2023年，青川省坚持以习近平法治思想为指引，扎实推进法治政府建设。\n",
     {"title": None, "author": None, "jurisdiction": "青川省"}),
    ("2023年，市市场监管局在市委市政府的坚强领导下，扎实推进依法行政。\n",
     {"title": None, "author": None, "jurisdiction": None}),
    # nothing printed: nothing found
    ("2023年，全县法治政府建设工作以习近平法治思想为指引，取得新成效。\n",
     {"title": None, "author": None, "jurisdiction": None, "date": None, "year": None,
      "number": None}),
])
def test_meta_printed_fields(text: str, expected: dict) -> None:
    found = meta(text)
    assert {key: found[key] for key in expected} == expected


@pytest.mark.parametrize(("stated", "title"), [
    ("松溪区人民政府关于2023年度法治政府建设情况的报告",
     "松溪区人民政府关于2023年度法治政府建设情况的报告"),
    ("松溪区人民政府门户网站", None),  # a site's name is no title
])
def test_meta_title_the_container_states(stated: str, title: str | None) -> None:
    loaded = LoadedText("songxi.html", "2023年，松溪区坚持依法行政。", "0" * 64, "html", None,
                        stated)
    assert extract_loaded(loaded).meta.title == title


@pytest.mark.parametrize(("author", "jurisdiction"), [
    # the whole place part, its level character kept, every level of the list
    ("云乡市人民政府办公室", "云乡市"),  # a 乡 inside a city's name
    ("青川省云岭市松溪区人民政府", "青川省云岭市松溪区"),
    ("青川省人民政府办公厅", "青川省"),
    ("青川自治区人民政府", "青川自治区"),
    ("云岭白族自治州人民政府", "云岭白族自治州"),
    ("云州市人民政府", "云州市"),
    ("松溪乡县人民政府", "松溪乡县"),
    ("云岭盟行政公署", "云岭盟"),
    ("云岭地区行政公署", "云岭地区"),
    ("云岭市松溪区东桥街道办事处", "云岭市松溪区东桥街道"),
    ("松溪县青石镇人民政府", "松溪县青石镇"),
    ("松溪县白水乡人民政府", "松溪县白水乡"),
    ("云岭市松川旗人民政府", "云岭市松川旗"),
    ("云岭市市中区人民政府", "云岭市市中区"),
    ("中共云乡市委办公室", "云乡市"),
    ("云乡市市场监督管理局", "云乡市"),  # 市场 is no level
    ("松溪县白水镇人民政府", "松溪县白水镇"),
    ("云乡武陵山管委会", None),  # a city's name cut short (云乡 of 云乡市) is no place
    ("白水乡市场监管所", "白水乡"),
])
def test_meta_jurisdiction_is_the_whole_place_part(author: str, jurisdiction: str) -> None:
    text = (f"{author}关于印发《松溪区河道保洁方案》的通知\n各有关单位：\n"
            "现将《松溪区河道保洁方案》印发给你们，请认真贯彻执行。\n")
    found = meta(text)
    assert found["author"] == author
    assert found["jurisdiction"] == jurisdiction
