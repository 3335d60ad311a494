"""A web page saved as Markdown (html2text, Jina Reader, markdownify, a browser clipper): links
written ``[text](url)``, pictures ``![alt](src)``, the site's navigation as lists of links. Its
article is found as in a saved HTML page (:mod:`bulletin_cli.read.article`), by where the text
that is no link text is: the run of blocks richest in it (each block scored by that text, less
its link text and a little for being a block at all) is the article, from its title and time line
to its source line; the blocks around it are page chrome, and link and picture syntax inside it
goes, each link's text kept. Both are counted (``web_chrome``, ``markdown_links``).

>>> nav = "\\n".join(f"  * [栏目{k}](/c{k}/ \\"栏目{k}\\")" for k in range(12))
>>> page = (nav + "\\n\\n__当前位置：\\n\\n  * [首页](../../ \\"首页\\")\\n  * [公示公告](../ \\"公示公告\\")\\n\\n"
...         "平潭海底首次打捞出五代青瓷\\n\\n时间：2010-05-10 15:17\\n\\n[__微信](javascript:void\\\\(0\\\\); \\"分享到微信\\")\\n\\n"
...         "6件距今1000多年的五代时期青瓷，近日在[平潭](/pt/)海域被发现。这是该海域迄今为止发现的年代最为久远的文物。\\n\\n"
...         "来源：中国平潭网\\n\\n" + nav)
>>> print(markdown_page(page, Changes()))
平潭海底首次打捞出五代青瓷
<BLANKLINE>
时间：2010-05-10 15:17
<BLANKLINE>
6件距今1000多年的五代时期青瓷，近日在平潭海域被发现。这是该海域迄今为止发现的年代最为久远的文物。
<BLANKLINE>
来源：中国平潭网
"""

from __future__ import annotations

import re

from ..changes import Changes
from ..lexicon.patterns import CJK, P, Regex
from ..read.article import TEXT_CHAR
from .webtext import BODY_MARK

#: A Markdown picture: its alt text, then its address (parentheses inside escaped or balanced,
#: perhaps wrapped onto the next line) and title. Example: ![](/images/logo.png).
IMAGE = Regex(r"!\[[^\[\]\n]*\]\((?:\\.|[^()\\]|\([^()]*\))*\)")
#: A Markdown link (pictures taken out first): its text, then its address and title.
#: Example: [首页](../../ "首页").
LINK = Regex(r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\((?:\\.|[^()\\]|\([^()]*\))*\)")
#: A page is read this way when it has at least this many links and this share of its text is
#: link text (navigation), or this many blocks of links only, or one and page chrome: a Markdown
#: document with a few links is left as it is.
MIN_LINKS, LINK_SHARE, NAV_BLOCKS = 6, 0.25, 5
#: What a block costs for being one: short lines of chrome (政策文件, __关闭) score nothing.
BLOCK_COST = 4
#: What sets Markdown blocks apart: a blank line.
BLOCK_GAP = Regex(r"\n[ \t]*\n")
#: Runs of underscores html2text leaves for icons and rules. Example: __ of __当前位置：, __________.
ICON_RUN = Regex(rf"(?<![{CJK}A-Za-z0-9])_{{2,}}|_{{2,}}(?![{CJK}A-Za-z0-9])")
#: Bullets of a Markdown list. Example: the "  * " of   * [首页](…).
BULLET = Regex(r"^[ \t]*[*+-][ \t]+", re.MULTILINE)


def is_markdown_page(text: str) -> bool:
    """True for a web page saved as Markdown: links, and much of its text theirs, or many of its
    blocks nothing but links (navigation), or one such block and a page's chrome (当前位置, 上一篇)."""
    if text.count("](") < MIN_LINKS:
        return False
    text = IMAGE.sub("", text)
    own, links = _own_and_links(text)
    if links >= LINK_SHARE * max(1, links + own):
        return True
    blocks = BLOCK_GAP.split(text)
    nav = sum(1 for b in blocks if LINK.search(b) and not _own_and_links(b)[0])
    return nav >= NAV_BLOCKS or (nav >= 1 and any(P.CHROME.match(LINK.sub(r"\1", b)) for b in blocks))


def _own_and_links(text: str) -> tuple[int, int]:
    """Characters of text outside links and inside them (pictures taken out before)."""
    return (len(TEXT_CHAR.findall(LINK.sub("", text))),
            sum(len(TEXT_CHAR.findall(m.group(1))) for m in LINK.finditer(text)))


def _score(block: str) -> int:
    own, links = _own_and_links(block)
    return own - links - BLOCK_COST


def markdown_page(text: str, changes: Changes) -> str:
    """The article of a page saved as Markdown, its links' syntax gone; ``text`` itself when it
    is no such page."""
    if not is_markdown_page(text):
        return text
    head, text = _reader_header(text)
    blocks = [b for b in BLOCK_GAP.split(IMAGE.sub("", text)) if b.strip()]
    best, best_span, run, start = 0, (0, 0), 0, 0
    for k, block in enumerate(blocks):  # the run of blocks with the highest score (Kadane)
        if run <= 0:
            run, start = 0, k
        run += _score(block)
        if run > best:
            best, best_span = run, (start, k + 1)
    if best <= 0:
        return text
    kept = [b for b in blocks[best_span[0]:best_span[1]] if _own_and_links(b)[0]]  # (no bar of links only)
    dropped = len(blocks) - len(kept)
    links = 0

    def unlink(m: re.Match[str]) -> str:
        nonlocal links
        links += 1
        return m.group(1)

    out = "\n\n".join(_soft_wraps(ICON_RUN.sub("", BULLET.sub("", LINK.sub(unlink, b))).strip()) for b in kept)
    changes.add("web_chrome", f"{dropped} blocks around the article", "", n=dropped)
    if links:
        changes.add("markdown_links", "[…](…)", "…", n=links)
    return head + "\n\n".join(b for b in out.split("\n\n") if b.strip())


#: A Markdown line that starts a block of its own: a list item, a heading, a quote, a table row.
BLOCK_START = Regex(r"^[ \t]*(?:[*+-][ \t]|\d{1,3}[.)][ \t]|#{1,6}[ \t]|>|\|)")


def _soft_wraps(block: str) -> str:
    """A Markdown block with its soft line breaks joined by the space they stand for (a converter
    wraps only where the page had white space); a hard break (two spaces or a backslash at the
    line's end) and a line that starts a list item, heading or row stay.
    Example: …并强调：**一要** ⏎ 加强领导，… → …并强调：**一要** 加强领导，…; 欢度元宵 ⏎ 元宵节… → 欢度元宵 元宵节…."""
    lines = block.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        prev = out[-1]
        if prev.endswith(("  ", "\\")) or BLOCK_START.match(line) or not line.strip():
            out.append(line.lstrip() if not BLOCK_START.match(line) else line)
        else:
            out[-1] = prev.rstrip() + " " + line.strip()
    return "\n".join(x.rstrip(" \\") for x in out)


def _reader_header(text: str) -> tuple[str, str]:
    """(the header a reader service or crawler wrote above the page, kept for
    :func:`~.webtext.web_text`; the page). Example: Title: … / URL Source: … / Markdown Content:."""
    m = BODY_MARK.search(text, 0, 3000)
    return (text[:m.end()] + "\n", text[m.end():]) if m else ("", text)
