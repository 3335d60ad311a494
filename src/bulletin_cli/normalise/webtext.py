"""Text taken from a web page by a crawler or by copying: its header block, the page chrome run into
the first and last lines, and the paragraph breaks the page had.

* A crawler's header (``标题: …``, ``发布时间: …``, ``发布机构: …`` lines, then ``==== 正文 ====``)
  becomes the title and a facts line (``来源：… 发布时间：…``), as a copied article shows them;
  the rest of the header (links, folders, column names) goes, counted as ``web_chrome``.
* A breadcrumb, time and share bar run into the first line (``当前位置： 首页… 标题 时间：…
  微信 微博 QQ空间 正文…``) and a ``来源：… 附件下载`` run onto the last go, counted; the source
  is kept on the facts line.
* Style sheets leaked as text (``@font-face {…} p.MsoNormal {…}``) go, counted.
* A long line whose sentences end in a space before the next one (``…。 据了解，…``) had its
  paragraph breaks collapsed by the page: they are put back, counted as ``paragraph_breaks``.

>>> text = ("标题: 平潭海底首次打捞出五代青瓷\\n发布时间: 2010-05-10 15:17\\n发布机构: 中国平潭网\\n栏目: 公示公告\\n"
...         "==================== 正文 ====================\\n"
...         "当前位置： 首页政务公开 平潭海底首次打捞出五代青瓷 时间：2010-05-10 15:17 微信 微博 QQ空间 "
...         "6件青瓷近日在平潭海域被发现。 来源：中国平潭网 附件下载")
>>> print(web_text(text, Changes()))
平潭海底首次打捞出五代青瓷
<BLANKLINE>
来源：中国平潭网  发布时间：2010-05-10
<BLANKLINE>
6件青瓷近日在平潭海域被发现。
"""

from __future__ import annotations

import re

from .. import regexcache
from ..changes import Changes, counted_sub
from ..lexicon.patterns import (
    BREADCRUMB_MARKS,
    CJK,
    DATE,
    DATE_NUMERIC,
    SENTENCE_STOPS,
    P,
    Regex,
    alternation,
    pattern,
)
from ..read.html import facts_line

#: The line that closes a crawler's header. Example: ==================== 正文 ====================,
#: Markdown Content: (Jina Reader's), a rule alone (==========) under the header's labelled lines.
BODY_MARK = Regex(r"^\s*(?:[=＝\-—*#]{3,}\s*正\s*文\s*[=＝\-—*#]{3,}|[=＝]{6,}|Markdown Content\s*:)\s*$", re.MULTILINE)
#: A date and time on a page's time line. Example: 2010-05-10 15:17, 2022年8月23日 14:52.
DATE_TIME = Regex(r"[12]\d{3}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}(?:\s*日)?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?")
#: The label of a page's time line, run into the text. Example: 时间: of …推进会 时间:2022-04-01 10:19:56.
TIME_LABEL = Regex(r"\s*(?:发布|发表|更新)?(?:时间|日期)\s*[:：]\s*")
#: Style sheet rules leaked into text. Example: @font-face { font-family: "宋体"; }, p.MsoNormal { margin: 0pt; }.
STYLE_RULES = Regex(r"(?:(?:@[\w-]+|[\w.#:\-]+(?:[ \t]*,[ \t]*[\w.#:\-]+)*)[ \t]*\{[^{}]{0,400}\}[ \t]*)+")
@pattern
def COLLAPSED_BREAK(f: dict) -> re.Pattern[str]:
    """A space that ends a paragraph the page collapsed: after a sentence or a closing credit, before
    the next sentence or bullet. Example: the space in …正式结束。 据了解，…, …开幕式。 ◆9月23日，…"""
    return regexcache.compile(rf"[ \u3000](?<=[。！？”）)][ \u3000])[ \u3000]*(?=[{CJK}“（(【0-9{P.BULLETS}])")
#: A unit's credit closing one item, the next item run on after it with no space (in a line whose
#: paragraphs the page collapsed). Example: …61770毫升。（医政处）|欢度元宵 元宵节来临之际….
CREDIT_RUN_ON = Regex(rf"([。！？][（(【](?P<unit>[{CJK}、]{{2,12}})[）)】])(?=[{CJK}“【])")
#: A line this long (characters) with that many collapsed breaks gets its breaks back.
LONG_LINE, MIN_BREAKS = 100, 2
#: Spaces in a line beyond this share mean its characters are set apart, not its paragraphs run on.
SPACED = 0.1
#: A signature run onto the end of the last line: the office and the date, set apart by spaces.
#: Example: …0591—24332430 平潭县粮油工业公司 2013年6月21日.
SIGNING_DATE = r"(?P<date>[12]\d{3}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*$"
TAIL_SIGNATURE = Regex(rf"[ \u3000]+(?P<office>[{CJK}（）()]{{4,40}})[ \u3000]+{SIGNING_DATE}")


@pattern
def CRAWLER_LABEL(f: dict) -> re.Pattern[str]:
    """A line of a crawler's header. Example: 发布机构: 中国平潭网."""
    return regexcache.compile(rf"^\s*({alternation(f['crawler_labels'])})\s*[:：]\s*(.*?)\s*$")


@pattern
def CRAWL_LINE(f: dict) -> re.Pattern[str]:
    """A line of a crawler's own header, its label in square brackets or before a colon. Example:
    [抓取时间] 2025-01-15 08:41:27, 采集时间：2025-03-06 14:12:55."""
    labels = alternation(f["crawl_labels"])
    return regexcache.compile(rf"^\s*(?:[\[【]\s*(?:{labels})\s*[\]】]\s*[:：]?|(?:{labels})\s*[:：])\s*\S")


@pattern
def BREADCRUMB(f: dict) -> re.Pattern[str]:
    """Where a page's breadcrumb starts at the top of its text. Example: 当前位置： 首页…"""
    return regexcache.compile(rf"^\s*(?:{alternation(f['breadcrumb_words'])})\s*[:：]")


@pattern
def SHARE_RUN(f: dict) -> re.Pattern[str]:
    """A run of share-bar and tool words. Example: 微信 微博 QQ空间."""
    return regexcache.compile(rf"(?:\s*(?:{alternation(f['share_words'])}))+\s*")


@pattern
def TAIL_CHROME(f: dict) -> re.Pattern[str]:
    """Page chrome run onto the last line: the source line and the attachment link.
    Example: 来源：中国平潭网 附件下载."""
    return regexcache.compile(rf"\s*(?:(?:来源|信息来源|文章来源)\s*[:：]\s*(?P<source>[^\s:：]{{2,40}}))?\s*"
                      rf"(?:{alternation(f['tail_words'])})?\s*$")


@pattern
def GLUED_SIGNATURE(f: dict) -> re.Pattern[str]:
    """The office and date signing a text run onto the attachment line before them with no break:
    the attachment's name ends in a document word, the office in an office's ending.
    Example: 附件：…抽查情况表|平潭综合实验区公安局|2022年12月18日."""
    return regexcache.compile(rf"(?P<attachment>附\s*件\s*\d*\s*[:：]\s*[^\s:：]{{4,80}}?(?:{alternation(f['attachment_endings'])}))"
                      rf"(?P<office>[{CJK}（）()]{{2,30}}?(?:{alternation(f['issuer_endings'])}))[ \u3000]*{SIGNING_DATE}")


@pattern
def COLLAPSED_MARK(f: dict) -> re.Pattern[str]:
    """Where a collapsed line's next block starts though no sentence ends before it: a bracketed
    section or entry name, or a footer label, after a space, a stop or a date. Example: before
    【项目建设】 in …2023 年 9 月 22 日 【项目建设】 县开发区… (or …22 日【项目建设】县开发区…), and
    before 本期发： in …魏邱乡） 本期发：…, and a bullet opening an item, before ◆ in …要闻简报 ◆在国庆…."""
    labels = [w for w in f["footer_labels"] if len(w) >= 2]
    return regexcache.compile(rf"(?:[ \u3000]+|(?<=[。！？）)日]))(?=【(?P<name>[^【】\s]{{2,12}})】|(?:{alternation(labels)})\s*[:：]"
                      rf"|[{P.BULLETS}]\s*[{CJK}0-9“])")


def _credit_apart(m: re.Match[str]) -> str:
    """A break after a credit that closes an item (（医政处）, 【县住建局】), not after a section's name
    in 【】 that opens the next (。【民生保障】县住建局…)."""
    if m.group(0)[1] == "【" and not P.UNIT_SUFFIX.search(m.group("unit")):
        return m.group(0)
    return m.group(1) + "\n\n"


def _mark_apart(m: re.Match[str]) -> str:
    """A break before a section's or entry's name or a footer label; a unit's name in 【】 is the
    credit of the item before, which stays with it."""
    return m.group(0) if m.group("name") and P.UNIT_SUFFIX.search(m.group("name")) else "\n\n"


def web_text(text: str, changes: Changes) -> str:
    """``text`` with a crawler's header, inline page chrome and collapsed paragraph breaks repaired."""
    if "\n" not in text[:4000] and len(text) < LONG_LINE:
        return text
    text = _header(text, changes)
    text = _link_marks(text, changes)
    text = _collapsed_top(text, changes)
    text = _facts_run_in(text, changes)
    if "|" in text[:3000]:
        text = _metadata_table(text, changes)
    if "{" in text[:20000]:
        text = _style_rules(text, changes)
    return _breaks(text, changes)


#: A text browser's mark of a link before the link's words. Example: [14] of [14]首页 > [15]新闻中心.
LINK_MARK = Regex(r"\[\d{1,3}\](?=\S)")
#: How many marks make a text browser's dump (a footnote or two are not).
LINK_MARKS = 5
#: The list of a text browser's links at a dump's end: its heading, then numbered addresses.
REFERENCES = Regex(r"\n[ \t]*References[ \t]*\n(?:[ \t]*\n)*(?:[ \t]*\d{1,3}\.[ \t]+\S+[ \t]*\n?)+\s*$")


def _link_marks(text: str, changes: Changes) -> str:
    """A text browser's dump (lynx): the marks before its links' words (``[14]首页``) and the list of
    their addresses at its end go, counted; the words stay."""
    if "[" not in text or len(LINK_MARK.findall(text, 0, 20000)) < LINK_MARKS:
        return text
    if m := REFERENCES.search(text):
        changes.add("web_chrome", "References", "", n=1)
        text = text[:m.start()] + "\n"
    return counted_sub(LINK_MARK, "", text, changes, "link_marks")


#: A crawler's header written as one JSON object on the first line, naming the page's address.
#: Example: {"url": "http://www.qx.gov.cn/…", "crawl_time": "2025-02-27 09:12:40", "status": 200}.
JSON_HEADER = Regex(r'^\s*\{\s*"(?:url|URL|link|href|source_url)"\s*:\s*"https?://[^"]*".*\}\s*$')


#: A web clipper's front matter: YAML between two --- lines at the file's top (title:, source:, …).
FRONT_MATTER = Regex(r"\A\ufeff?---[ \t]*\n(?:[ \t]*(?:[A-Za-z_][\w-]*[ \t]*:.*|[ \t]*-[ \t].*|)\n){1,40}?---[ \t]*\n")


def front_matter(text: str, changes: Changes) -> str:
    """``text`` without a web clipper's front matter (title: "…", source: "http://…", created: … between
    two --- lines at its top), counted as page chrome; read before a Markdown page's lines are joined."""
    if front := FRONT_MATTER.match(text):
        changes.add("web_chrome", "---", "", n=1)
        return text[front.end():]
    return text


def _crawl_header(text: str, changes: Changes) -> str:
    """``text`` without the crawler's own header over it (two or more lines at its top, or one line of
    JSON), counted as page chrome: [抓取时间] … ⏎ [页面地址] … ⏎ [页面标题] …, 采集时间：… ⏎ 来源网址：…."""
    lines = text.split("\n", 12)
    if JSON_HEADER.match(lines[0]):  # {"url": "http://…", "crawl_time": "…", "status": 200}: one line of it
        k = 2 if len(lines) > 1 and BODY_MARK.match(lines[1]) else 1
        changes.add("web_chrome", lines[0][:24], "", n=1)
        return "\n".join(lines[k:])
    k = 0
    while k < len(lines) - 1 and P.CRAWL_LINE.match(lines[k]):
        k += 1
    if k < 2:
        return text
    changes.add("web_chrome", "\n".join(lines[:k])[:24], "", n=1)
    return "\n".join(lines[k:])


def _header(text: str, changes: Changes) -> str:
    text = _crawl_header(text, changes)
    lines = text.split("\n", 40)
    fields: dict[str, str] = {}
    labelled = 0
    for k, line in enumerate(lines[:30]):
        if m := P.CRAWLER_LABEL.match(line):
            labelled += 1
            key = P.forms["crawler_labels"][m.group(1)]
            if key and m.group(2):
                fields.setdefault(key, m.group(2))
            continue
        if BODY_MARK.match(line) and labelled >= 2 and "title" in fields:
            body = "\n".join(lines[k + 1:])
            break
        if labelled == 0 and line.strip():
            return text
    else:
        return text
    dropped = "\n".join(lines[:k + 1])
    body, source = _inline_chrome(body, fields.get("title"), changes)
    source = fields.get("source") or source
    date = _date(fields.get("date"))
    facts = facts_line(source=source, date=date)
    changes.add("web_chrome", dropped[:24], "", n=1)
    return "\n\n".join(x for x in (fields["title"], facts, body) if x)


#: A breadcrumb with no label at the top of a page's run-together text. Example: 首页 > 新闻中心 >.
BARE_CRUMB = Regex(rf"^\s*(?:网站首页|首页)\s*[{BREADCRUMB_MARKS}]")
#: What separates the steps of a breadcrumb and the title after it. Example: the space and > of 首页 > 政务 标题.
CRUMB_STEP = Regex(r"[\s>＞»/]+")
#: Sentence punctuation: a run with any is no title.
TITLE_BREAKERS = Regex(r"[。！？，；,;!?]")
#: The longest title a page's run-together top is read for, and the farthest its time line starts.
TOP_TITLE_MAX, TOP_TIME_WITHIN = 80, 200


@pattern
def FACT_PAIR(f: dict) -> re.Pattern[str]:
    """One more labelled fact after the time on a page's run-together top, its value to the next
    space or bracket. Example: 信息来源:灌云县 of … 10:41 信息来源:灌云县[ ] 浏览次数: […."""
    return regexcache.compile(rf"\s*({alternation(f['web_meta_labels'])})\s*[:：]\s*([^\s\[\]【】:：]*)")


@pattern
def TOOL_RUN(f: dict) -> re.Pattern[str]:
    """Tools on a page's top, bracketed or not, and empty brackets. Example: [ 打印 ] [ 关闭 ] [ ],
    【字体：大 中 小】."""
    return regexcache.compile(rf"(?:\s*[\[【]\s*(?:{alternation(f['share_words'])})?\s*[\]】]|\s*(?:{alternation(f['share_words'])})"
                      r"\s*[:：]?|\s*[\[【]\s*(?:字体|字号)\s*[:：]?[^\]】\n]{0,16}[\]】])+")


#: How many lines at a page's top its facts line is looked for in.
FACTS_WITHIN = 12
#: A font-size tool with no brackets after a facts line. Example: 字号：大 中 小.
SIZE_TOOL = Regex(r"\s*(?:字号|字体|文字大小)\s*[:：]\s*[大中小]\s*[大中小]?\s*[大中小]?")


@pattern
def COUNTER_PAIR(f: dict) -> re.Pattern[str]:
    """A page's counter after its facts, its number filled in or not. Example: 阅读：1032, 点击数：."""
    return regexcache.compile(r"\s*(?:点击|浏览|阅读|访问|人气)[^\s:：]{0,2}\s*[:：]\s*\d*\s*次?")


def _facts_run_in(text: str, changes: Changes) -> str:
    """A page's facts line with its first paragraph run onto it (the break lost): the facts on a line
    of their own, the text under them, the break put back counted. Example: 发布日期：2024-03-26　　供稿单位：
    县市场监管局　　阅读：1032　　字号：大 中 小　　3月以来，遂昌县市场监督管理局…."""
    lines = text.split("\n", FACTS_WITHIN)
    for k, line in enumerate(lines[:FACTS_WITHIN]):
        if len(line) < LONG_LINE // 2 or not P.WEB_META.match(line):
            continue
        cut = 0
        while (step := SIZE_TOOL.match(line, cut) or P.COUNTER_PAIR.match(line, cut) or P.FACT_PAIR.match(line, cut)
               or ((tools := P.TOOL_RUN.match(line, cut)) and tools.end() > cut and tools)):
            if step.end() <= cut:
                break
            cut = step.end()
        rest = line[cut:].strip()
        if cut and len(rest) >= 20 and SENTENCE_STOPS.search(rest) and line[cut:cut + 1].isspace():
            changes.add("paragraph_breaks", line[max(0, cut - 8):cut + 8], "⏎", n=1)
            lines[k] = line[:cut].rstrip() + "\n\n" + rest
            return "\n".join(lines)
    return text


def _collapsed_top(text: str, changes: Changes) -> str:
    """A page's top run onto one line with its text (its breaks lost): breadcrumb, title, time line,
    other facts, share bar, then the text. The title (the breadcrumb's last step, or all before the
    time) and a facts line go on lines of their own; breadcrumb, tools and share bar are chrome,
    counted. Examples: 当前位置:首页 政府副县长…推进会 时间:2022-04-01 10:19:56 3月31日下午,…;
    …完成情况通报 时间:2019-10-16 10:41 信息来源:灌云县[ ] 浏览次数: [ 打印 ] [ 关闭 ] 按照…;
    分享至: 1月26日,从省委….
    """
    if 0 <= text.find("\n") < LONG_LINE:
        return text  # (its first line is short: no page top run onto it)
    first, nl, rest = text.partition("\n")
    if len(first) < LONG_LINE:
        return text
    if (tools := P.TOOL_RUN.match(first)) and tools.end() and P.CHROME.match(first):
        changes.add("web_chrome", first[:tools.end()].strip(), "", n=1)  # 分享至: before the text
        return first[tools.end():].lstrip() + nl + rest
    crumb = P.BREADCRUMB.match(first) or BARE_CRUMB.match(first)
    start = crumb.end() if crumb else 0
    time = TIME_LABEL.search(first, start, start + TOP_TIME_WITHIN)
    stamp = DATE_TIME.match(first, time.end()) if time else None
    if stamp is None:
        return text
    head = first[start:time.start()].strip()
    steps = [x for x in CRUMB_STEP.split(head) if x] if crumb else [head]
    title = steps[-1] if steps else ""
    if crumb and title.startswith("正文") and len(title) > 6:
        title = title[2:]  # …>>正文在县第十八届…报告: the breadcrumb's last step, run into the title
    if not (6 <= len(title) <= TOP_TITLE_MAX) or TITLE_BREAKERS.search(title) or title in ("首页", "正文") \
            or (not crumb and (title.count(" ") > 1 or title.startswith("首页"))):
        return text  # (with no breadcrumb, all before the time is the title: two phrases at most)
    facts, cut = {"date": _date(stamp.group(0))}, stamp.end()
    while (pair := P.FACT_PAIR.match(first, cut)) or ((tools := P.TOOL_RUN.match(first, cut)) and tools.end() > cut):
        if pair:
            if P.forms["web_meta_labels"].get(pair.group(1)) == "issuer" and pair.group(2):
                facts.setdefault("source", pair.group(2))
            cut = pair.end()
        else:
            cut = tools.end()
    changes.add("web_chrome", first[:start + 12] if crumb else first[time.start():cut][:24], "", n=1)
    return title + "\n\n" + facts_line(**facts) + "\n\n" + first[cut:].lstrip() + nl + rest


def _metadata_table(text: str, changes: Changes) -> str:
    """A page's information table flattened into ``label | value |`` lines at the top: its title
    line and a facts line instead (文号, 成文日期 and 发布机构 kept on it). Example:
    文件名称 | 2022年第八次县政府常务会议确定事项落实情况的通报 | || ⏎ 文号 | 督察通报第十七期 | 成文日期: | 2022年09月14日 |."""
    lines = text.split("\n", 30)
    labels = P.forms["metadata_labels"]
    fields: dict[str, str] = {}
    k, known = 0, 0
    while k < min(len(lines), 30):
        line = lines[k]
        if "|" not in line:
            if line.strip() or not known:
                break
            k += 1
            continue
        cells = [c.strip().rstrip(":：").strip() for c in line.split("|")]
        cells = [c for c in cells if c]
        for label, value in zip(cells[::2], cells[1::2]):
            if label in labels:
                known += 1
                if labels[label] and value:
                    fields.setdefault(labels[label], value)
        k += 1
    if known < 3 or "title" not in fields:
        return text
    changes.add("web_chrome", lines[0][:24], "", n=k)
    facts = facts_line(fields.get("number"), fields.get("source"), fields.get("date"))
    rest = "\n".join(lines[k:])
    return "\n\n".join(x for x in (fields["title"], facts, rest) if x)


def _date(value: str | None) -> str | None:
    if not value:
        return None
    m = DATE.search(value) or DATE_NUMERIC.search(value)
    return m.group(0) if m else value.split()[0]


def _inline_chrome(body: str, title: str | None, changes: Changes) -> tuple[str, str | None]:
    """The body without a breadcrumb, time line and share bar run into its first line, or a source
    line and attachment link run onto its last; and that source."""
    stripped = body.lstrip()
    if P.BREADCRUMB.match(stripped):
        head = stripped[:400]
        cut = 0
        if title and (at := head.find(title)) >= 0:
            cut = at + len(title)
        if (m := TIME_LABEL.match(head, cut)) and (
                d := DATE_TIME.match(head, m.end())):
            cut = d.end()
        elif (d := TIME_LABEL.search(head)) and (t := DATE_TIME.match(head, d.end())):
            cut = t.end()
        if (share := P.SHARE_RUN.match(head, cut)) and share.end() > cut:
            cut = share.end()
        if cut:
            changes.add("web_chrome", stripped[:cut][:24], "", n=1)
            stripped = stripped[cut:].lstrip()
    if title and stripped.startswith(title) and len(stripped) > len(title) + 1 and stripped[len(title)] in " \u3000\n":
        changes.add("web_chrome", title[:24], "", n=1)  # the title again, atop the text
        stripped = stripped[len(title):].lstrip()
    source = None
    last = stripped.rstrip()
    if (tail := P.TAIL_CHROME.search(last)) and tail.start() < len(last) and tail.group(0).strip():
        source = tail.group("source")
        changes.add("web_chrome", tail.group(0).strip()[:24], "", n=1)
        stripped = last[:tail.start()]
    if (sign := TAIL_SIGNATURE.search(stripped)) and (P.ISSUER.match(sign.group("office"))
                                                       or P.UNIT_SUFFIX.search(sign.group("office"))):
        changes.add("paragraph_breaks", sign.group(0).strip()[:24], "", n=2)  # the office and the date, lines of their own
        stripped = stripped[:sign.start()] + "\n\n" + sign.group("office") + "\n\n" + sign.group("date")
    elif "附" in stripped[-200:] and (glued := P.GLUED_SIGNATURE.search(stripped, max(0, len(stripped) - 200))):
        changes.add("paragraph_breaks", glued.group("office")[:24], "", n=3)  # attachment, office, date: each a line
        stripped = (stripped[:glued.start()].rstrip() + "\n\n" + glued.group("attachment") + "\n\n"
                    + glued.group("office") + "\n\n" + glued.group("date"))
    return stripped, source


def _style_rules(text: str, changes: Changes) -> str:
    def drop(m: re.Match[str]) -> str:
        if m.group(0).count("{") < 2 and ":" not in m.group(0):
            return m.group(0)
        changes.add("web_chrome", m.group(0).strip()[:24], "", n=1)
        return " "
    return STYLE_RULES.sub(drop, text)


def _breaks(text: str, changes: Changes) -> str:
    """Paragraph breaks back into long lines whose paragraphs the page collapsed: their sentences
    end in a space before the next, or their items end in credits glued to the next."""
    glued = CREDIT_RUN_ON.search(text) is not None
    if not glued and " " not in text and "\u3000" not in text:
        return text
    out = []
    for line in text.split("\n"):
        if len(line) < LONG_LINE:
            out.append(line)
            continue
        breaks = len(P.COLLAPSED_BREAK.findall(line))
        spaced = (" " in line or "\u3000" in line) and line.count(" ") < SPACED * len(line) and (
            breaks >= MIN_BREAKS or (breaks and P.COLLAPSED_MARK.search(line)))  # (not text set a character a space
        #   apart; one break after a sentence and a section's name before a story are two breaks)
        if spaced or (glued and len(CREDIT_RUN_ON.findall(line)) >= MIN_BREAKS):
            before = line
            if spaced:
                line = P.COLLAPSED_BREAK.sub("\n\n", line)
            line = P.COLLAPSED_MARK.sub(_mark_apart, CREDIT_RUN_ON.sub(_credit_apart, line))
            if line != before:
                changes.add("paragraph_breaks", before[:12], "", n=line.count("\n\n"))
        out.append(line)
    return "\n".join(out)
