"""Saved government pages: the article and its title kept, the portal removed."""

from __future__ import annotations

import pytest
from policykg.extract.load import load_file

CHROME = ["关怀版", "无障碍", "English", "首页", "您当前所在位置", "办事服务", "打印本页",
          "关闭窗口", "分享到", "微信", "主办单位", "版权所有", "网站标识码", "ICP备",
          "相关文章", "调研行政执法工作", "统计代码", "color"]


@pytest.mark.parametrize(("charset", "codec"), [
    ("utf-8", "utf-8"), ("gb2312", "gb18030"), ("GBK", "gb18030"), ("gb18030", "gb18030"),
])
def test_load_html_article_without_chrome(write_file, report, portal_page, paragraphs_html,
                                          charset, codec):
    title, lines = report
    page = portal_page(paragraphs_html(lines), charset=charset)
    loaded = load_file(write_file("report.html", page, codec))
    assert loaded.format == "html" and loaded.encoding == codec
    assert loaded.title == title
    body = loaded.text.split("\n")
    assert body[0] == title
    for line in lines:
        assert line in body
    assert [body.index(line) for line in lines] == sorted(body.index(line) for line in lines)
    for word in CHROME:
        assert word not in loaded.text, word


@pytest.mark.parametrize("wrapper", [
    "<article><header><h1>{title}</h1></header>{body}</article>",  # html5, title inside
    '<div class="content"><div class="detail">{body}</div></div>',
    "<table><tr><td>{body}</td></tr></table>",  # old portals lay out with tables
    '<div id="zoom">{brs}</div>',  # one block, lines separated by <br>
    '<div class="content">{divs}</div>',  # a <div> for each paragraph
    '<div class="content"><div>{first}</div></div>',  # one short paragraph only
])
def test_load_html_layouts(write_file, report, portal_page, paragraphs_html, wrapper):
    title, lines = report
    if "{first}" in wrapper:
        lines = lines[:1]
    article = wrapper.format(title=title, body=paragraphs_html(lines), first=lines[0],
                             brs="<br>\n".join(f"<span>{line}</span>" for line in lines),
                             divs="".join(f"<div>{line}</div>" for line in lines))
    loaded = load_file(write_file("page.htm", portal_page(article, article_wrapper="{}")))
    body = loaded.text.split("\n")
    assert body[0] == title
    assert [line for line in body if line in lines] == lines
    for word in CHROME:
        assert word not in loaded.text, word


def test_load_html_links_list_is_not_the_article(write_file, portal_page, paragraphs_html):
    """A long list of links is less article than two paragraphs of prose."""
    links = "".join(f'<li><a href="/{i}">关于印发松溪区第{i}批行政执法事项清单的通知</a></li>'
                    for i in range(40))
    prose = ["2023年，松溪区深入推进严格规范公正文明执法，全面推行行政执法三项制度，"
             "全年开展执法检查560次，办理行政处罚案件1234件。"] * 2
    page = portal_page(paragraphs_html(prose)).replace(
        '<div class="related">', f'<div class="list"><ul>{links}</ul></div><div class="related">')
    text = load_file(write_file("p.html", page)).text
    assert prose[0] in text and "行政执法事项清单" not in text


@pytest.mark.parametrize(("body", "problem"), [
    ("", "empty file"),
    ("<!-- 松溪区人民政府 -->", "empty page"),
    ('<?xml version="1.0" encoding="utf-8"?>\n', "empty page"),
    ("<html><head><title></title></head><body><div class='footer'>版权所有</div></body></html>",
     "no text"),
])
def test_load_html_without_article(write_file, body, problem):
    from policykg.ontology.errors import EmptyTextError
    with pytest.raises(EmptyTextError, match=problem):
        load_file(write_file("empty.html", body))


@pytest.mark.parametrize(("page_title", "h1"), [
    ("松溪区2024年政务公开工作要点-松溪区人民政府", None),
    ("松溪区2024年政务公开工作要点_工作要点_松溪区人民政府", None),
    ("松溪区2024年政务公开工作要点 | 松溪区人民政府门户网站", "松溪区人民政府门户网站"),
    ("松溪区2024年政务公开工作要点-松溪区人民政府", "松溪区人民政府"),
    ("松溪区人民政府", "松溪区2024年政务公开工作要点"),
])
def test_load_html_title_not_the_site_name(write_file, page_title, h1):
    heading = f'<div class="banner-box"><h1>{h1}</h1></div>' if h1 else ""
    prose = "为深入贯彻落实《中华人民共和国政府信息公开条例》，结合我区实际，制定本要点。"
    page = (f"<html><head><title>{page_title}</title></head><body>{heading}"
            f"<div id='zoom'><p>{prose}</p><p>{prose}</p></div></body></html>")
    loaded = load_file(write_file("points.html", page))
    assert loaded.title == "松溪区2024年政务公开工作要点"
    assert loaded.text.split("\n")[0] == loaded.title
