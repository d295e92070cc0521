"""Lines of a government web page that are not the article: portal chrome.

Text saved from a portal keeps lines such as 关怀版 无障碍, 您当前所在位置: 首页>…,
访问量:, 【字体: 大 中 小】 打印, 分享到:, and footers (主办单位, 版权所有, 网站标识码,
ICP备). A line is dropped only when nothing but such chrome is on it, so a sentence that
mentions 访问量 in passing stays, and so does a metadata line with a date or a source.
"""

from __future__ import annotations

import re

# words that are chrome wherever they stand alone
CHROME = re.compile(
    r"关怀版|关怀模式|适老版|适老化|长者模式|无障碍(?:浏览|阅读)?|简体版?|繁體版?|繁体版?|English|"
    r"(?:访问量|访问次数|浏览次数|浏览量|阅读次数|阅读量|点击数|点击量|点击率)\s*[:：]?\s*\d*\s*次?|"
    r"字体|字号|大\s*中\s*小|默认|打印本页|打印|关闭本页|关闭窗口|关闭|分享到|分享|收藏|纠错|"
    r"扫一扫|(?:在)?手机(?:上)?(?:扫码)?(?:阅读|查看|打开|浏览)?(?:当前页面?|本页)?|微信|微博|"
    r"返回顶部|返回|首页|TOP|视力保护色|语音播报|我要纠错|智能问答|登录|注册|搜索|网站地图|联系我们|"
    r"相关(?:链接|文件|稿件|阅读|新闻|信息)|【|】",
    re.I,
)
FILLER = re.compile(r"[\s\d:：|｜/、,，.。·•\-–—>＞»›\[\]()（）<>“”\"'…]+")
BREADCRUMB = re.compile(r"^\s*(?:您(?:当前|现在)?(?:所在)?的?位置|当前位置|所在位置)\s*[:：]"
                        r"|^\s*(?:网站)?首页\s*[>＞»›]")
FOOTER = re.compile(
    r"版权所有|网站标识码|ICP\s*备|公网安备|主办单位\s*[:：]|承办单位\s*[:：]|"
    r"技术支持\s*[:：]|运维单位\s*[:：]|Copyright|©",
    re.I,
)
NEIGHBOUR = re.compile(r"^\s*(?:上一篇|下一篇)\s*[:：]")
MAX_CHROME_LINE = 100  # longer lines are prose, whatever words they hold


def is_chrome(line: str) -> bool:
    """Whether ``line`` holds only portal chrome (navigation, counters, tools, footer)."""
    if not line.strip() or len(line) > MAX_CHROME_LINE:
        return False
    if BREADCRUMB.match(line) or FOOTER.search(line) or NEIGHBOUR.match(line):
        return True
    rest = FILLER.sub("", CHROME.sub("", line))
    return not rest and bool(CHROME.search(line))


def drop_chrome(lines: list[str]) -> list[str]:
    return [line for line in lines if not is_chrome(line)]
