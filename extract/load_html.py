"""A saved government web page: the article kept, the portal around it removed.

The page is decoded (BOM, UTF-8, its <meta charset>, GB18030), then the chrome is cut:
script/style, nav/header/footer/aside, hidden elements, and elements whose class or id
names navigation, breadcrumbs, sharing or footers. The article is the block that holds
the most prose (Readability's idea: paragraphs score their parent by length and commas,
links count against). Block elements become line breaks. The title is the one a CMS states in
<meta name="ArticleTitle">, else the <h1>/<title>; it becomes the first line when the
article block does not hold it, so every text starts with its title.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree
from policykg.extract.boilerplate import drop_chrome, is_chrome
from policykg.extract.encoding import declared_charset, decode
from policykg.extract.loaded import RawText
from policykg.ontology.errors import CorruptFileError, EmptyTextError

DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "canvas", "form",
             "button", "select", "input", "textarea", "nav", "header", "footer", "aside",
             "object", "embed", "link", "meta", "map")
CHROME_ATTR = re.compile(
    r"(?:^|[\s_-])(?:nav\w*|menu\w*|\w*bread\w*|\w*crumbs?|footer|foot|header|topbar|top|"
    r"\w*share\w*|"
    r"sidebar|side|copyright|position|location|toolbar|tools?|print|wza|barrier|accessib\w*|"
    r"search|login|friend\w*|banner|logo|prev|next|related)(?:$|[\s_-])",
    re.I,
)
HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
TITLE_META = ("articletitle", "og:title", "dc.title")
MAX_CHROME_SHARE = 0.4  # an element matched by class alone never holds most of the page
BLOCK = frozenset(("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5",
                   "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "thead",
                   "tbody", "blockquote", "pre", "address", "center", "figure",
                   "figcaption", "hr", "body"))
PARAGRAPHS = frozenset(("p", "pre", "blockquote", "h2", "h3", "h4", "h5", "h6"))
TEXT_BLOCKS = frozenset(("div", "td", "section", "article", "main"))
MIN_PARAGRAPH = 20  # characters: shorter lines are labels and links
CJK = "\u3000-\u9fff\uff00-\uffef"
SEGMENT_BREAK = re.compile(rf"(?<=[{CJK}])[ \t\r\f]*\n[ \t\r\n\f]*(?=[{CJK}])")
WHITE = re.compile(r"[ \t\r\n\f\v]+")
SITE_SUFFIX = re.compile(r"\s*[-_|｜—–]\s*[^-_|｜—–]{2,20}(?:政府|门户网站|网站|网)\s*$")
SITE_NAME = re.compile(r"[^-_|｜—–]{2,20}(?:政府|门户网站|网站|网)")
TITLE_SEPARATOR = re.compile(r"\s*(?:_|\||｜|\s-\s|\s–\s|\s—\s|--)\s*")


def read_html(data: bytes, path: str) -> RawText:
    decoded = decode(data, path, declared_charset(data))
    source = re.sub(r"^\s*<\?xml[^>]*\?>", "", decoded.text)  # lxml refuses it on a str
    if not source.strip():
        raise EmptyTextError(path, "empty page")
    try:
        root = lxml.html.document_fromstring(source)
    except (etree.ParserError, ValueError) as err:
        if "empty" in str(err).lower():  # only comments or a doctype
            raise EmptyTextError(path, "empty page") from None
        raise CorruptFileError(path, f"unreadable html ({_one_line(err)})") from None
    page_title = _text(root.find(".//title"))
    stated = _meta_title(root)
    headings = [(h, _text(h)) for h in root.iter("h1")]
    _strip_chrome(root)
    blocks = _article(root)
    lines = drop_chrome([line for block in blocks for line in _lines(block)])
    title = stated or _title(page_title, headings, blocks)
    if title and is_chrome(title):  # a page titled 无障碍 or 首页 has no title
        title = None
    if title and not any(title in line for line in lines[:3]):
        lines.insert(0, title)
    return RawText("\n".join(lines), decoded.encoding, title)


def _strip_chrome(root: etree._Element) -> None:
    for node in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        _drop(node)
    for node in list(root.iter(*DROP_TAGS)):
        _drop(node)
    total = len(_text(root)) or 1
    for node in list(root.iter()):
        attrs = " ".join((node.get("class") or "", node.get("id") or ""))
        chrome = CHROME_ATTR.search(attrs) or HIDDEN.search(node.get("style") or "")
        if (node.getparent() is not None and (chrome or node.get("hidden") is not None)
                and len(_text(node)) < MAX_CHROME_SHARE * total):
            _drop(node)


def _drop(node: etree._Element) -> None:
    """Remove ``node`` but keep the text that follows it (its tail)."""
    parent = node.getparent()
    if parent is None:
        return
    tail = node.tail
    previous = node.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(node)


def _article(root: etree._Element) -> list[etree._Element]:
    """The block(s) holding the article: the best-scored one and its strong siblings."""
    scores: dict[etree._Element, float] = {}
    for node in root.iter():
        if not isinstance(node.tag, str) or node.getparent() is None:
            continue
        if node.tag in PARAGRAPHS:
            text = _text(node)
        elif node.tag in TEXT_BLOCKS:  # prose written straight into a div counts as a <p>
            text = _inline_text(node)
        else:
            continue
        if len(text) < MIN_PARAGRAPH:
            continue
        score = 1 + len(re.findall(r"[，,。；]", text)) + min(len(text) / 100, 3)
        owner = node.getparent()
        for share, target in ((1.0, owner), (0.5, owner.getparent())):
            if target is not None:
                scores[target] = scores.get(target, 0.0) + share * score
    body = root.find("body")
    fallback = [body if body is not None else root]
    if not scores:
        return fallback
    final = {node: score * (1 - _link_density(node)) for node, score in scores.items()}
    top = max(final, key=final.get)
    parent = top.getparent()
    if parent is None:
        return [top]
    threshold = max(5.0, 0.2 * final[top])
    return [sib for sib in parent if sib is top or final.get(sib, 0.0) >= threshold]


def _lines(block: etree._Element) -> list[str]:
    parts: list[str] = []
    _walk(block, parts)
    lines = (WHITE.sub(" ", line).strip(" \u00a0") for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def _walk(node: etree._Element, parts: list[str]) -> None:
    if not isinstance(node.tag, str):
        return
    tag = node.tag.lower()
    if tag == "br":
        parts.append("\n")
    block = tag in BLOCK
    if block:
        parts.append("\n")
    if node.text:
        parts.append(_flow(node.text))
    for child in node:
        _walk(child, parts)
        if child.tail:
            parts.append(_flow(child.tail))
    if tag in ("td", "th"):
        parts.append(" ")
    if block:
        parts.append("\n")


def _flow(text: str) -> str:
    """Source line breaks are white space; between Chinese characters they vanish (CSS)."""
    return WHITE.sub(" ", SEGMENT_BREAK.sub("", text))


def _meta_title(root: etree._Element) -> str | None:
    """The title a CMS states in <meta name="ArticleTitle"> (TRS and its kin) or og:title."""
    for node in root.iter("meta"):
        name = (node.get("name") or node.get("property") or "").lower()
        if name in TITLE_META and (content := WHITE.sub(" ", node.get("content") or "").strip()):
            return content
    return None


def _title(page_title: str, headings: list[tuple[etree._Element, str]],
           blocks: list[etree._Element]) -> str | None:
    """The article's <h1>; else an <h1> the <title> repeats; else the <title>'s main part
    (or an <h1> when the <title> is only the site's name).

    An <h1> that ends the <title> after a separator is the site's name, not the article's.
    """
    inside = [text for h, text in headings
              if text and any(b is h or h in b.iterdescendants() for b in blocks)]
    if inside:
        return inside[0]
    texts = [text for _, text in headings if text]
    site = {t for t in texts if re.search(rf"[-_|｜—–\s]{re.escape(t)}$", page_title)}
    named = [t for t in texts if t in page_title and t not in site]
    if named:
        return max(named, key=len)
    if texts and SITE_NAME.fullmatch(page_title):  # the <title> names only the site
        return max(texts, key=len)
    main = SITE_SUFFIX.sub("", page_title) or page_title
    parts = [p for p in TITLE_SEPARATOR.split(main) if p and p not in site]
    return max(parts, key=len) if parts else None


def _text(node: etree._Element | None) -> str:
    if node is None:
        return ""
    return WHITE.sub(" ", node.text_content()).strip(" \u00a0")


def _inline_text(node: etree._Element) -> str:
    """The text of ``node`` outside its block children: its own prose and inline markup."""
    pieces = [node.text or ""]
    for child in node:
        if isinstance(child.tag, str) and child.tag not in BLOCK:
            pieces.append(child.text_content())
        pieces.append(child.tail or "")
    return WHITE.sub(" ", "".join(pieces)).strip()


def _link_density(node: etree._Element) -> float:
    total = len(_text(node))
    if not total:
        return 1.0
    linked = sum(len(_text(a)) for a in node.iter("a"))
    return min(linked / total, 1.0)


def _one_line(err: Exception) -> str:
    return WHITE.sub(" ", str(err)).strip() or type(err).__name__
