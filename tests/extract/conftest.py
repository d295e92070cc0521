"""Fixtures of the extract area: source files of every format, written at test time.

The prose is written here about fictional places (青川省云岭市松溪区); the pages wrap it
in the chrome real government portals print around an article.
"""

from __future__ import annotations

import importlib.util
import json
import zipfile
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

import pytest
from policykg.extract.api import extract_file

REPORT_TITLE = "松溪区2023年度法治政府建设情况的报告"
REPORT = [
    "2023年，松溪区坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，"
    "认真落实《法治政府建设实施纲要（2021—2025年）》，扎实推进依法行政。",
    "一、主要举措和成效",
    "（一）深化“放管服”改革。区政府印发《松溪区优化营商环境若干措施》（松区办发〔2023〕5号），"
    "全面推行“一网通办”，全年网上办理事项1234件，网办率达到98.5%。",
    "（二）严格规范公正文明执法。区司法局牵头推行“首违不罚”清单制度，"
    "对轻微违法行为免予处罚86件，涉及金额560万元。",
]


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, bytes | str, str], Path]:
    """Write ``content`` (text in ``encoding``, or bytes as they are) under tmp_path."""

    def write(name: str, content: bytes | str, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode(encoding) if isinstance(content, str) else content)
        return path

    return write


@pytest.fixture
def report() -> tuple[str, list[str]]:
    """A short annual report written here: its title and its lines."""
    return REPORT_TITLE, list(REPORT)


@pytest.fixture
def portal_page() -> Callable[..., str]:
    """Wraps an article's html in a government portal page."""
    return _portal_page


def _portal_page(article: str, title: str = REPORT_TITLE, charset: str = "utf-8",
                 article_wrapper: str = '<div class="TRS_Editor">{}</div>') -> str:
    """A government portal page: chrome, breadcrumbs, counters, footer around ``article``."""
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}_松溪区人民政府</title>
<script>var siteId = "songxi"; document.write("统计代码");</script>
<style>.nav {{ color: red; }}</style></head>
<body>
<div class="top-bar"><a href="#">关怀版</a> <a href="#">无障碍</a> <a href="#">English</a></div>
<div class="header"><h1 class="logo">松溪区人民政府</h1></div>
<ul class="main-nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/bsfw">办事服务</a></li><li><a href="/hdjl">互动交流</a></li></ul>
<div class="wrapper">
 <div class="position">您当前所在位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a>
  &gt; 法治政府建设</div>
 <div class="article">
  <h2 class="article-title">{title}</h2>
  <div class="info">发布日期：2024-03-20 来源：松溪区司法局 浏览次数：<span>1024</span>
   【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
  {article_wrapper.format(article)}
  <div class="article-tools"><a href="javascript:window.print()">打印本页</a>
   <a href="javascript:window.close()">关闭窗口</a></div>
  <div class="bdsharebuttonbox">分享到：<a>微信</a><a>微博</a></div>
 </div>
 <div class="related"><h3>相关文章</h3><ul>
  <li><a href="/1">松溪区召开全面依法治区委员会第三次会议</a></li>
  <li><a href="/2">云岭市司法局到松溪区调研行政执法工作</a></li></ul></div>
</div>
<div class="footer"><p>主办单位：松溪区人民政府办公室　承办单位：松溪区大数据中心</p>
<p>网站标识码：3607020001　青ICP备12345678号　青公网安备 36070202000123号</p>
<p>版权所有：松溪区人民政府</p></div>
</body></html>"""


@pytest.fixture
def paragraphs_html() -> Callable[[list[str]], str]:
    """Paragraphs as a CMS writes them: <p> each, indented with &nbsp;."""
    return lambda paragraphs: "\n".join(f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{p}</p>"
                                         for p in paragraphs)


@pytest.fixture
def make_docx(tmp_path: Path) -> Callable[..., Path]:
    """A .docx with paragraphs, then a table (rows of cells), then closing paragraphs."""
    import docx

    def make(name: str, paragraphs: list[str], table: list[list[str]] | None = None,
             closing: list[str] = (), title: str | None = None) -> Path:
        document = docx.Document()
        if title:
            document.core_properties.title = title
        for text in paragraphs:
            document.add_paragraph(text)
        if table:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, value in enumerate(row):
                    grid.cell(r, c).text = value
        for text in closing:
            document.add_paragraph(text)
        path = tmp_path / name
        document.save(path)
        return path

    return make


@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[..., Path]:
    """A pdf drawn by reportlab with the built-in Chinese CID font STSong-Light.

    ``pages`` is a list of pages, each a list of printed lines; ``password`` encrypts it
    (RC4 as reportlab writes it, AES-256 with ``aes``; "" is an owner password only);
    a page given as None is drawn as a box only (like a scan: no text layer).
    """
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

    def make(name: str, pages: list[list[str] | None], password: str | None = None,
             title: str | None = None, aes: bool = False) -> Path:
        path = tmp_path / name
        rc4 = password is not None and not aes
        encrypt = StandardEncryption(password, canPrint=1) if rc4 else None
        pdf = canvas.Canvas(str(path), encrypt=encrypt)
        if title:
            pdf.setTitle(title)
        for lines in pages:
            if lines is None:
                pdf.rect(72, 300, 400, 400, fill=1)
            else:
                pdf.setFont("STSong-Light", 11)
                for i, line in enumerate(lines):
                    pdf.drawString(60, 780 - 18 * i, line)
            pdf.showPage()
        pdf.save()
        if aes:  # reportlab writes RC4 only; pypdf re-encrypts with AES-256
            from pypdf import PdfReader, PdfWriter

            writer = PdfWriter(clone_from=PdfReader(path))
            writer.encrypt(user_password=password or "", owner_password="owner",
                           algorithm="AES-256")
            writer.write(path)
        return path

    return make


@pytest.fixture
def not_a_docx_zip() -> bytes:
    """A valid zip archive that holds no Word document."""
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "松溪区司法局")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def dev_in_format(dev_dir, tmp_path_factory) -> Callable[[str], Path]:
    """The dev texts saved as html pages, Word documents or pdfs (wrapped at the page's
    width like a typeset page), in a temporary folder: nothing real lands in the repo."""
    import html

    import docx
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

    def pdf(path: Path, lines: list[str]) -> None:
        sheet, y = canvas.Canvas(str(path)), 800
        sheet.setFont("STSong-Light", 12)
        for line in lines:
            printed = [""]
            for char in line:
                if pdfmetrics.stringWidth(printed[-1] + char, "STSong-Light", 12) > 440:
                    printed.append("")
                printed[-1] += char
            for part in printed:
                if y < 60:
                    sheet.showPage()
                    sheet.setFont("STSong-Light", 12)
                    y = 800
                sheet.drawString(50, y, part)
                y -= 18
        sheet.save()

    def save(fmt: str) -> Path:
        folder = tmp_path_factory.mktemp(fmt)
        for source in sorted(dev_dir.glob("*.txt")):
            lines = [line.strip() for line in source.read_text(encoding="utf-8").splitlines()]
            target = folder / f"{source.stem}.{fmt}"
            if fmt == "html":
                body = "\n".join(f"<p>{html.escape(line, quote=False)}</p>"
                                 for line in lines if line)
                target.write_text(_portal_page(body, title=lines[0]), encoding="utf-8")
            elif fmt == "docx":
                document = docx.Document()
                for line in lines:
                    document.add_paragraph(line)
                document.save(target)
            else:
                pdf(target, lines)
        return folder

    return save


@pytest.fixture(scope="session")
def dev_scores(dev_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The shared scorer's result on the dev corpus, extracted once for every test that
    checks a target, with the JSON written as `policykg extract` writes it."""
    scorer_path = dev_dir.parent.parent / "tools" / "score.py"
    if not scorer_path.is_file():
        pytest.skip("../shared/tools/score.py is not beside this checkout")
    spec = importlib.util.spec_from_file_location("shared_score", scorer_path)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    texts = sorted(dev_dir.glob("*.txt"))
    assert texts
    out = tmp_path_factory.mktemp("dev_pred")
    for path in texts:
        (out / f"{path.stem}.json").write_text(
            json.dumps(extract_file(path).to_dict(), ensure_ascii=False), encoding="utf-8")
    return scorer.score(dev_dir, out)
