"""Saved web pages: the charset a page declares, then its text, parsed (never stripped with regular
expressions: attributes and tags span lines in Word-exported pages, and text inside an attribute is
not text).

What is not shown (head, scripts, styles, hidden elements, comments) goes, counted as ``html_hidden``;
block elements (p, div, li, h1…, tr) end a paragraph; table cells are set apart by a wide gap; ``<br>`` is a
line break; bold text is remembered as a mark (like ``**bold**``); the page's ``<title>`` is kept.

>>> html_text('<html><head><title>快报</title></head><body><a title="首页>政务">首页</a><p>第一段</p>'
...           '<table><tr><td>姓名</td><td>张三</td></tr></table></body></html>')[0]
'首页\\n\\n第一段\\n\\n姓名  张三'
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..changes import Changes
from ..lexicon.patterns import CJK, SUBTITLE, Regex

#: A whole saved page rather than text with a stray tag. Example: <!DOCTYPE html>, <html lang="zh">.
HTML_DOCUMENT = Regex(r"<!DOCTYPE\s+html|<html[\s>]|<body[\s>]", re.IGNORECASE)
#: The same, in the first bytes of a file in any ASCII-compatible encoding.
HTML_MAGIC = Regex(rb"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]", re.IGNORECASE)
#: A charset the page declares. Example: <meta charset="gb2312">, content="text/html; charset=GBK".
META_CHARSET = Regex(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]{2,20})", re.IGNORECASE)
#: Elements whose content is never shown.
HIDDEN = frozenset({"head", "script", "style", "noscript", "template", "svg", "iframe", "object", "select",
                    "button", "textarea"})
#: Elements that end a line of text.
BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "section",
                    "article", "blockquote", "header", "footer", "nav", "aside", "main", "dl", "dt", "dd", "form",
                    "pre", "hr", "center", "address", "figure", "figcaption", "caption", "tbody", "thead", "tfoot"})
#: Elements that set a cell of a table apart from the next.
CELLS = frozenset({"td", "th"})
#: Elements whose text is bold.
BOLD = frozenset({"b", "strong"})
#: Elements with no end tag.
VOID = frozenset({"br", "img", "input", "meta", "link", "hr", "area", "base", "col", "embed", "source", "wbr"})
#: A style that hides an element. Example: style="display:none". (Not visibility:hidden: pages such
#: as WeChat articles hide their whole text that way until a script shows it.)
HIDING_STYLE = Regex(r"display\s*:\s*none", re.IGNORECASE)
#: White space in a text node that HTML collapses (not U+3000, not &nbsp;).
COLLAPSIBLE = Regex(r"[ \t\r\n\f]+")
#: A wide (CJK) character, either side of a collapsed line break that then vanishes.
WIDE_CHAR = Regex(rf"[{CJK}\u2e80-\u33ff\uff00-\uffef。，、；：？！“”‘’（）《》【】]")


#: The kinds of token a parse records (see :func:`replay`).
START, STARTEND, END, DATA, UNSEEN = range(5)


def hides(tag: str, attrs: dict) -> bool:
    """An element whose content is not shown: by its name, a ``hidden`` attribute or its style."""
    if tag in HIDDEN or "hidden" in attrs:
        return True
    style = attrs.get("style")
    return bool(style and HIDING_STYLE.search(style))


def sniff(data: bytes) -> bool:
    """True for the bytes of a saved web page (in an ASCII-compatible encoding)."""
    return bool(HTML_MAGIC.search(data[:4096]))


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes. Example: gb2312 of <meta charset="gb2312">."""
    m = META_CHARSET.search(data[:8192])
    return m.group(1).decode("ascii").lower() if m else None


def markup_kept(data: bytes, text: str) -> bool:
    """True when ``text``, read from ``data``, keeps the markup of the page: a ``<`` for every ``<``
    byte, or nearly (in UTF-16 an ideograph's byte may be one). Bytes read by a charset they are not
    written in lose it: a UTF-8 page read as UTF-16 is ideographs with no ``<`` among them.

    >>> page = "<p>县住建局。</p>".encode("utf-8")
    >>> markup_kept(page, page.decode("utf-8")), markup_kept(page, page.decode("utf-16-le"))
    (True, False)
    """
    return 2 * text.count("<") >= data.count(b"<")


class Parser(HTMLParser):
    """Python's HTML parser, ended in linear time: what a page leaves unterminated at its end (a
    ``<!--``, ``</``, ``<!`` or ``<?`` never closed, a ``<script>`` never ended) ends with the page,
    by HTML's end-of-file rules (as later Pythons' own parser does). Before, each ``<`` in such a
    rest was searched onwards to the end of the page again: 2 million ``</`` never finished."""

    def close(self) -> None:
        rest = self.rawdata
        if rest.startswith("<") or (rest and self.cdata_elem):
            self.rawdata = ""
            if self.cdata_elem:
                self.handle_data(rest)  # a script or style running to the end: its text
            elif rest.startswith("<!--"):
                self.handle_comment(rest[4:])
            elif rest.startswith(("</", "<!", "<?")):
                self.handle_comment(rest[2:])  # a bogus comment, to the end
            elif rest == "<":
                self.handle_data(rest)
            # else a start tag never closed: no tag, and nothing after it is text
        super().close()


class _Text(Parser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.hidden_depth = 0
        self.hidden_stack: list[str] = []
        self.hidden_parts = 0
        self.pre = 0
        self.bold = 0
        self.bold_text: list[str] = []
        self.marks: list[str] = []
        self.in_title = False
        self.title = ""
        self.tags = 0

    def handle_starttag(self, tag, attrs):
        self.tags += 1
        if tag == "title":
            self.in_title = True
        if self.hidden_depth:
            if tag not in VOID:
                self.hidden_depth += 1
            return
        if tag not in VOID and hides(tag, dict(attrs)):
            self.hidden_depth = 1
            self.hidden_parts += 1
            return
        if tag == "br":
            self.out.append("\n")
        elif tag in BLOCKS:
            self.out.append("\n\n")
        elif tag in CELLS:
            self.out.append("\t")
        elif tag in BOLD:
            self.bold += 1
        if tag == "pre":
            self.pre += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if self.hidden_depth:
            if tag not in VOID:
                self.hidden_depth -= 1
            return
        if tag in BLOCKS:
            self.out.append("\n\n")
        elif tag in BOLD and self.bold:
            self.bold -= 1
            if not self.bold:
                mark = "".join(self.bold_text).strip()
                if 2 <= len(mark) <= 40:
                    self.marks.append(mark)
                self.bold_text = []
        if tag == "pre" and self.pre:
            self.pre -= 1

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if self.hidden_depth:
            return
        if not self.pre:
            data = COLLAPSIBLE.sub(self._collapse, data)
        self.out.append(data)
        if self.bold:
            self.bold_text.append(data)

    def handle_comment(self, data):
        self.hidden_parts += 1

    def handle_decl(self, decl):
        self.hidden_parts += 1

    @staticmethod
    def _collapse(m: re.Match[str]) -> str:
        """A run of white space in a text node: gone between two wide characters across a line
        break (the CSS segment-break rule), else one space."""
        s, start, end = m.string, m.start(), m.end()
        if "\n" in m.group(0) and start and end < len(s) and WIDE_CHAR.match(s[start - 1]) and WIDE_CHAR.match(s[end]):
            return ""
        return " "


#: Two or more line ends with nothing between: one blank line, a paragraph break.
BLANK_RUN = Regex(r"\n{3,}")
#: Cells of a row, set apart: a tab and the blanks around it, within a line.
_CELL_GAP = Regex(r"[ ]*\t[ \t]*")


def block_text(page: str, changes: Changes | None = None) -> tuple[str, str]:
    """The text of HTML (a page or a part of one), a line per block, and its ``<title>``."""
    parser = _Text()
    parser.feed(page)
    parser.close()
    return _written(parser, changes)


def replay(events: list, spans: list[tuple[int, int]] | None = None,
           changes: Changes | None = None) -> tuple[str, str]:
    """:func:`block_text` of the tokens a parse recorded (all, or those that start within
    ``spans`` of the page): a page's text and its article's, from one parse of the page."""
    parser = _Text()
    handlers = (parser.handle_starttag, parser.handle_startendtag, parser.handle_endtag, parser.handle_data,
                parser.handle_comment)  # (by kind: START, STARTEND, END, DATA, UNSEEN)
    if spans is None:
        for _, kind, value, attrs in events:
            handlers[kind](value, attrs) if kind < END else handlers[kind](value)
    else:
        import bisect

        offsets = [e[0] for e in events]
        for start, end in spans:
            for _, kind, value, attrs in events[bisect.bisect_left(offsets, start):bisect.bisect_left(offsets, end)]:
                handlers[kind](value, attrs) if kind < END else handlers[kind](value)
    return _written(parser, changes)


def _written(parser: _Text, changes: Changes | None) -> tuple[str, str]:
    lines = []
    for line in "".join(parser.out).split("\n"):
        line = _CELL_GAP.sub("  ", line.strip(" \t")).strip(" ")
        lines.append(line)
    text = BLANK_RUN.sub("\n\n", "\n".join(lines)).strip("\n")
    if changes is not None:
        if parser.hidden_parts:
            changes.add("html_hidden", n=parser.hidden_parts)
        if parser.tags:
            changes.add("html_tags", "<…>", "", n=parser.tags)
        changes.marks.extend(parser.marks)
    return text, " ".join(parser.title.split())


def html_text(page: str, changes: Changes | None = None) -> tuple[str, dict]:
    """The text of a web page and what the page tells of itself (``title``, ``date``, ``source``).

    A whole page is read for its article (see :mod:`.article`): the page furniture around it
    (navigation, share bars, related links, site footer) is counted as ``web_chrome`` and left
    out; the article's title and a facts line (来源：… 发布时间：…) are set above its text, as a
    copied article shows them, for ``split`` to read."""
    if not is_page(page):
        text, title = block_text(page, changes)
        return text, ({"title": title} if title else {})
    from .article import epaper_facts, find_article, parse

    tree = parse(page)  # (the page is parsed once: its text and the article's are written from its tokens)
    article = find_article(tree)
    whole, page_title = replay(tree.events, None, changes)  # counts what is hidden, the tags, the bold marks
    text, _ = replay(tree.events, article.body_spans)
    meta = {"title": article.title or page_title or None, "date": article.date, "source": article.source,
            "site": tree.meta.get("sitename")}  # (China's government sites name themselves so, by rule)
    paper = epaper_facts(page, tree.meta, page_title)  # (an e-paper's name, issue and date, kept in its head)
    meta = {**paper, **{k: v for k, v in meta.items() if v}}
    dropped = len(WORD_CHAR.findall(whole)) - len(WORD_CHAR.findall(text))
    if changes is not None and dropped > 0:
        changes.add("web_chrome", f"{dropped} characters around the article", "", n=dropped)
    if not article.title:
        return text, meta
    rest = _without_title(text, article.title)
    if rest is text and _title_in_place(text, article.title):
        return text, meta  # the title stands in the text already, under something else: left in place
    head = [article.title]
    between = replay(tree.events, [article.facts_span])[0].split("\n") if article.facts else []
    subtitle = next((line.strip() for line in between if SUBTITLE.match(line.strip())), None) or _subtitle(whole, article.title)
    if subtitle and subtitle not in rest[:200]:
        head.append(subtitle)  # <h3>——实现旅游综合收入7.9亿元</h3> under the title: its subtitle
    own = next((line.strip() for line in between if _facts_line(line)), "")  # the page's own line, if any
    # (the source its own line names where no meta tag does: 信息来源：榕江县栽麻镇 beside a PubDate tag's date)
    facts = (facts_line(source=article.source or _source_of(own), date=article.date)
             if article.source or article.date else own)
    if facts:
        head.append(facts)
    return "\n\n".join([*head, rest]), meta


def _subtitle(text: str, title: str) -> str | None:
    """The subtitle on the line under the title in a page's whole text (<h2>title</h2><h4>——…</h4>), or None."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    at = next((k for k, line in enumerate(lines) if " ".join(line.split()) == title), None)
    if at is not None and at + 1 < len(lines) and SUBTITLE.match(lines[at + 1]):
        return lines[at + 1]
    return None


def facts_line(number: str | None = None, source: str | None = None, date: str | None = None) -> str:
    """The facts line a copied article shows under its title, from what is known; ``split`` reads
    it (``masthead.web_meta``). Example: 来源：县住建局  发布时间：2024-05-06."""
    return "  ".join(f"{label}：{value}" for label, value in (("文号", number), ("来源", source), ("发布时间", date))
                     if value)


def _source_of(line: str) -> str | None:
    """The source a page's facts line names. Example: 榕江县栽麻镇 of 信息来源：榕江县栽麻镇 发布日期：…."""
    from ..lexicon.patterns import P

    return next((value for label, value in P.WEB_META_FIELD.findall(line) if label in P.SOURCE_LABELS), None)


def _facts_line(line: str) -> bool:
    from ..lexicon.patterns import P

    return bool(P.WEB_META.match(line))


def _title_in_place(text: str, title: str) -> bool:
    """The title set on lines of its own among the first lines of ``text`` (under a breadcrumb)."""
    lines = text.split("\n", 24)[:24]
    for k, line in enumerate(lines):
        if line.strip():
            chunk = "\n".join(lines[k:])
            if _without_title(chunk, title) is not chunk:
                return True
    return False


def _without_title(text: str, title: str) -> str:
    """``text`` without the article's title at its top, set there on up to four lines (a long title
    centred and broken over lines); ``text`` itself where it does not open with the title."""
    want = _folded(title)
    lines = text.split("\n")
    got, k = "", 0
    while k < len(lines) and k < 8 and len(got) < len(want):
        got += _folded(lines[k])
        k += 1
    if got != want:
        return text
    rest = lines[k:]
    while rest and not rest[0].strip():
        rest = rest[1:]
    return "\n".join(rest)


#: Characters that count when measuring what was left out. Example: 县, 2.
WORD_CHAR = Regex(rf"[{CJK}0-9A-Za-z]")


def _folded(text: str) -> str:
    return "".join(WORD_CHAR.findall(text))


def is_page(text: str) -> bool:
    """True for the text of a whole saved page."""
    return "<" in text and bool(HTML_DOCUMENT.search(text, 0, 4096))
