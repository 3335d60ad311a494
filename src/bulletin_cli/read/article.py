"""The article inside a saved web page, found the way readability tools do: the smallest element
that holds most of the page's text that is not link text (navigation, related links and site
footers are mostly links), and the article's title, date and source from what the page says of
itself (the meta tags China's government sites carry by rule: ArticleTitle, PubDate,
ContentSource; Open Graph; the labelled 时间：/来源： spans).

>>> page = ('<html><head><meta name="ArticleTitle" content="县住建局推进老旧小区改造">'
...         '<meta name="PubDate" content="2024-05-06 10:23"><meta name="ContentSource" content="县住建局"></head>'
...         '<body><ul><li><a href="/">首页</a></li><li><a href="/a">政务公开</a></li></ul>'
...         '<div class="content"><p>今年以来，县住建局扎实推进老旧小区改造，改造小区12个。</p>'
...         '<p>截至目前，惠及居民3000户，群众满意度持续提升。</p></div>'
...         '<div class="foot"><a href="/b">网站地图</a> 版权所有</div></body></html>')
>>> found = find_article(parse(page))
>>> found.title, found.date, found.source, found.body.count("<p>"), found.body.startswith("<div")
('县住建局推进老旧小区改造', '2024-05-06', '县住建局', 2, True)
"""

from __future__ import annotations

import datetime
import re
from collections import Counter, deque
from dataclasses import dataclass, field

from .. import regexcache
from ..lexicon.patterns import CJK, P, Regex, alternation, pattern
from .html import DATA, END, START, STARTEND, UNSEEN, VOID, Parser, hides

#: Elements that are page furniture by their name.
FURNITURE = frozenset({"nav", "header", "footer", "aside", "form", "menu"})
#: Meta names that give the article's title, date and source (gov-site rule, Open Graph, others).
META_TITLE = ("articletitle", "og:title", "title")
META_DATE = ("pubdate", "publishdate", "article:published_time", "firstpublishedtime", "og:release_date", "date")
META_SOURCE = ("contentsource", "source", "author")
#: A date as the meta tags write it. Example: 2024-05-06 10:23, 2024/5/6.
META_DATE_VALUE = Regex(r"([12]\d{3})[-/.年]\s*(\d{1,2})[-/.月]\s*(\d{1,2})")
#: Characters that count as text: ideographs and digits (link text is measured the same way).
TEXT_CHAR = Regex(rf"[{CJK}0-9A-Za-z]")
#: A descent stops when no child holds at least this share of its parent's own text.
HOLDS = 0.6
#: Elements that hold blocks: the content is one of these (a paragraph is never the whole article).
CONTAINERS = frozenset({"#root", "html", "body", "div", "section", "article", "main", "table", "tbody", "tr", "td",
                        "center", "font", "span", "form"})


@dataclass
class Node:
    tag: str
    attrs: dict = field(default_factory=dict)
    children: list = field(default_factory=list)  # Node or str
    parent: "Node | None" = None
    text_len: int = 0  # characters of text under it
    link_len: int = 0  # of those, inside links
    start: int = 0  # offsets of the element in the page source
    end: int = 0


class _Tree(Parser):
    """A forgiving tree of the page: unclosed elements are closed by their parent's end tag."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack = [self.root]
        self.open: Counter[str] = Counter()  # tags on the stack: an end tag of none is passed at once
        self.meta: dict[str, str] = {}
        #: every token as the parser met it, ``(offset, kind, tag or text, attrs)``, so that the
        #: page's text and its article's are written from this one parse (see :func:`.html.replay`)
        self.events: list[tuple[int, int, str, dict | None]] = []
        self.lines = [0]
        for line in page.split("\n"):  # (lines as the parser counts them: only "\n" ends one)
            self.lines.append(self.lines[-1] + len(line) + 1)

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col if line - 1 < len(self.lines) else 0

    def handle_starttag(self, tag, attrs):
        attrs = {k: (v or "") for k, v in attrs}
        self.events.append((self._offset(), START, tag, attrs))
        self._start(tag, attrs)

    def _start(self, tag: str, attrs: dict) -> None:
        if tag == "meta":
            name = (attrs.get("name") or attrs.get("property") or "").lower()
            if name and attrs.get("content"):
                self.meta.setdefault(name, attrs["content"].strip())
            return
        node = Node(tag, attrs, parent=self.stack[-1], start=self._offset())
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)
            self.open[tag] += 1

    def handle_startendtag(self, tag, attrs):
        attrs = {k: (v or "") for k, v in attrs}
        self.events.append((self._offset(), STARTEND, tag, attrs))
        self._start(tag, attrs)
        if tag not in VOID and self.stack[-1].tag == tag:
            self.open[self.stack.pop().tag] -= 1

    def handle_endtag(self, tag):
        self.events.append((self._offset(), END, tag, None))
        if not self.open[tag]:
            return  # (searching the stack for it made 100,000 stray end tags under 100,000 open ones quadratic)
        for k in range(len(self.stack) - 1, 0, -1):
            if self.stack[k].tag == tag:
                for node in self.stack[k:]:
                    node.end = self._offset()
                    self.open[node.tag] -= 1
                del self.stack[k:]
                return

    def handle_data(self, data):
        self.events.append((self._offset(), DATA, data, None))
        self.stack[-1].children.append(data)

    def handle_comment(self, data):
        self.events.append((self._offset(), UNSEEN, data, None))

    def handle_decl(self, decl):
        self.events.append((self._offset(), UNSEEN, decl, None))


def parse(page: str) -> _Tree:
    tree = _Tree(page)
    tree.feed(page)
    tree.close()
    _measure(tree.root, in_link=False)
    tree.page = page  # type: ignore[attr-defined]
    return tree


def _hidden(node: Node) -> bool:
    return hides(node.tag, node.attrs)


def _measure(node: Node, in_link: bool) -> None:
    """Fill ``text_len`` and ``link_len`` for every element, bottom up (iteratively: pages nest deep)."""
    order: list[tuple[Node, bool]] = []
    todo = [(node, in_link)]
    while todo:
        current, link = todo.pop()
        order.append((current, link))
        for child in current.children:
            if isinstance(child, Node) and not _hidden(child):
                todo.append((child, link or child.tag == "a"))
    for current, link in reversed(order):
        text = sum(len(TEXT_CHAR.findall(c)) for c in current.children if isinstance(c, str))
        links = text if link else 0
        for child in current.children:
            if isinstance(child, Node) and not _hidden(child):
                text += child.text_len
                links += child.link_len
        current.text_len, current.link_len = text, links


def _own(node: Node) -> int:
    """Text under ``node`` that is not link text."""
    return node.text_len - node.link_len


def _furniture(node: Node) -> bool:
    if node.tag in FURNITURE:
        return True
    names = (node.attrs.get("class", "") + " " + node.attrs.get("id", "")).lower()
    return bool(re.search(r"(?:^|[\s_-])(?:nav|menu|footer|foot|header|breadcrumb|crumb|share|sidebar|copyright|"
                          r"related|xglj|links?)(?:$|[\s_\d-])", names))


def main_content(root: Node) -> Node:
    """The smallest element holding most of the page's own (non-link) text."""
    node = root
    while True:
        children = [c for c in node.children if isinstance(c, Node) and c.tag in CONTAINERS and not _hidden(c)
                    and not _furniture(c)]
        if not children:
            return node
        best = max(children, key=_own)
        if _own(best) < HOLDS * _own(node) or _own(best) == 0:
            return node
        node = best


@dataclass
class Article:
    title: str | None
    date: str | None
    source: str | None
    body: str  # the page source of the main content, furniture inside it cut out
    facts: str = ""  # the page source between the title and the content (a 来源：… 发布时间：… line)
    #: where ``body`` and ``facts`` lie in the page: (start, end) offsets
    body_spans: list[tuple[int, int]] = field(default_factory=list)
    facts_span: tuple[int, int] | None = None


def _meta(meta: dict[str, str], names: tuple[str, ...]) -> str | None:
    return next((meta[n] for n in names if meta.get(n)), None)


def _date(value: str | None) -> str | None:
    m = META_DATE_VALUE.search(value or "")
    if not m:
        return None
    y, mo, d = (int(g) for g in m.groups())
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None


#: A publishing date a page's script sets, as a date or as seconds since 1970 (WeChat's ``ct``).
#: Example: var publish_time = "2023-09-22", var ct = "1695340800".
SCRIPT_DATE = Regex(r"""\b(?:publish_?time|pub_?date|publish_?date|pub_?time)\s*[=:]\s*["']\s*([12]\d{3}-\d{1,2}-\d{1,2})"""
                         r"""|\bvar\s+ct\s*=\s*["'](\d{10})["']""", re.IGNORECASE)


def _script_date(page: str) -> str | None:
    """The date a page's script gives for its article, when no meta tag gives one (China time
    for a timestamp)."""
    m = SCRIPT_DATE.search(page)
    if m is None:
        return None
    if m.group(1):
        return _date(m.group(1))
    stamp = datetime.datetime.fromtimestamp(int(m.group(2)), datetime.timezone(datetime.timedelta(hours=8)))
    return stamp.date().isoformat()


#: The properties a Founder e-paper page keeps in a comment in its head: among them the issue's date
#: and running number. Example: <!--enpproperty <date>2024-05-06</date>…<period>2841</period>/enpproperty-->.
EPAPER_PROPERTIES = Regex(r"<!--\s*enpproperty(.*?)/enpproperty\s*-->", re.S)
#: One property of that comment, by its tag.
EPAPER_FIELD = Regex(r"<(date|period)>\s*([^<]*?)\s*</\1>")
#: The paper's name opening a page's description or title, its site's word after it. Example: 巫山报
#: of 巫山报数字报 2024年05月06日 第03版.
EPAPER_NAME = Regex(r"^\s*([^\s\-—|｜_:：]{2,12}?)\s*(?:数字报|电子报|数字版|电子版)")


def epaper_facts(page: str, meta: dict[str, str], page_title: str | None) -> dict[str, str]:
    """What a Founder e-paper page says of its issue, which its article's text does not: the paper's
    name, the issue's running number and date (``paper``, ``issue``, ``date``); empty for any other page."""
    m = EPAPER_PROPERTIES.search(page)
    if m is None:
        return {}
    fields = dict(EPAPER_FIELD.findall(m.group(1)))
    out = {"date": _date(fields.get("date")), "issue": fields.get("period") if fields.get("period", "").isdecimal() else None}
    for text in (meta.get("description"), page_title):
        if text and (name := EPAPER_NAME.match(text)):
            out["paper"] = name.group(1)
            break
    return {k: v for k, v in out.items() if v}


def _title_element(root: Node, content: Node) -> Node | None:
    """An element named as the article's title (class or id with "title"), or the h1, nearest
    before the content."""
    best = None
    todo = deque([root])
    while todo:
        node = todo.popleft()
        if node is content:
            break
        names = (node.attrs.get("class", "") + " " + node.attrs.get("id", "")).lower()
        if node.tag == "h1" or re.search(r"(?:^|[\s_-])(?:article_?title|arti_?title|news_?title|detail_?title|"
                                         r"con_?title|content_?title|title)(?:$|[\s_\d-])", names):
            text = " ".join(_text(node).split())
            if 4 <= len(text) <= 100:
                best = _heading_within(node) or node
        todo.extend(c for c in node.children if isinstance(c, Node) and not _hidden(c))
    return best


#: The tags of a heading, which a title's box may hold with the page's facts beside it.
HEADINGS = ("h1", "h2", "h3")


def _heading_within(node: Node) -> Node | None:
    """The heading inside a title's box that holds the facts line too (<div class="con_title"><h1>
    狗牯脑茶开园采摘 春茶产销两旺</h1><div class="con_info">文章来源：…</div></div>): the title is the heading."""
    if node.tag in HEADINGS:
        return None
    todo = deque(c for c in node.children if isinstance(c, Node) and not _hidden(c))
    while todo:
        child = todo.popleft()
        if child.tag in HEADINGS and 4 <= len(" ".join(_text(child).split())):
            return child
        todo.extend(c for c in child.children if isinstance(c, Node) and not _hidden(c))
    return None


def _text(node: Node) -> str:
    out: list[str] = []
    todo: list = [node]
    while todo:
        current = todo.pop()
        if isinstance(current, str):
            out.append(current)
        elif not _hidden(current):
            todo.extend(reversed(current.children))
    return "".join(out)


@pattern
def CREDIT_BLOCK(f: dict) -> re.Pattern[str]:
    """A block of the article's credits, its editors' or its source's, set apart from its text.
    Example: 编辑：李华 审核：张明, 来源：县农业农村局, （责任编辑：王五）."""
    labels = [*f["footer_labels"], *f["article_credit_labels"], *f["source_labels"]]
    return regexcache.compile(rf"^[（(\[【]?\s*(?:{alternation([w for w in labels if len(w) >= 2])})\s*[】\]]?\s*[:：]")


def _credit_end(content: Node) -> int:
    """Where the article ends: after the credit blocks that follow its main block in the same
    parent (``<section>…</section><p>编辑：李华 审核：张明</p>``), else where the block ends."""
    parent, end = content.parent, content.end
    if parent is None:
        return end
    siblings = parent.children[parent.children.index(content) + 1:]
    for node in siblings:
        if isinstance(node, str):
            if node.strip():
                break
            continue
        text = " ".join(_text(node).split())
        if _hidden(node) or not text:
            continue
        if not P.CREDIT_BLOCK.match(text) or len(text) > 80:
            if len(text) <= 200 and P.CAPTION_CREDIT.search(text):
                continue  # (a photo and its caption between the text and the credits: 果农…疏果。　记者　向楠　摄)
            break
        end = node.end
    return end


def find_article(tree: _Tree) -> Article:
    """The main content of a parsed page, and the article's title, date and source."""
    content = main_content(tree.root)
    meta = tree.meta
    element = _title_element(tree.root, content)
    title = _meta(meta, META_TITLE) or (" ".join(_text(element).split()) if element is not None else None)
    page: str = tree.page  # type: ignore[attr-defined]
    spans = _spans_without_furniture(content, _credit_end(content)) if content.end > content.start else [(0, len(page))]
    facts, facts_span = "", None
    if element is not None and element.end and element.end <= content.start:
        facts_span = (element.end, content.start)
        facts = page[element.end:content.start]
    return Article(title=" ".join(title.split()) if title else None,
                   date=_date(_meta(meta, META_DATE)) or _script_date(page),
                   source=_meta(meta, META_SOURCE), body="".join(page[a:b] for a, b in spans), facts=facts,
                   body_spans=spans, facts_span=facts_span)


def _spans_without_furniture(content: Node, end: int) -> list[tuple[int, int]]:
    """Where the page source of ``content`` (to ``end``) lies, less the furniture inside it (share
    bars, related links)."""
    cuts: list[tuple[int, int]] = []
    todo = [c for c in content.children if isinstance(c, Node)]
    while todo:
        node = todo.pop()
        if _furniture(node) and node.end > node.start:
            cuts.append((node.start, node.end))
        else:
            todo.extend(c for c in node.children if isinstance(c, Node))
    out, pos = [], content.start
    for start, stop in sorted(cuts):
        if start >= pos:
            out.append((pos, start))
            pos = stop
    out.append((pos, end))
    return out
