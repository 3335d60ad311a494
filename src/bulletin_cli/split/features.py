"""One table of paragraph features, computed once per document, that the role model, the layout
decision and the parsers read. Each feature is defined once here, as a named function of a
paragraph in its document (:class:`Page`), and registered in :data:`FEATURES`; its value is a
short string (a bucket or a kind), ``True``, or ``None`` when it does not hold. The model reads
each as an indicator ``name=value``; ``split --explain`` names them.

>>> from bulletin_cli.split.common import paragraphs
>>> page = Page(paragraphs("县住建局开展危房核查\\n\\n来源：县住建局 发布时间：2024-05-06\\n\\n今年以来，共核查危房12户。\\n"))
>>> row = table(page)[1]
>>> row["facts"], row["date"], row["stops"]
('2', 'some', '0')
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable

from .. import regexcache
from ..lexicon.patterns import (
    BREADCRUMB_MARKS,
    CJK,
    DATE,
    DATE_NUMERIC,
    ISSUE,
    NOTICE_ENDING,
    SECTION_BRACKET,
    P,
    Regex,
    alternation,
    pattern,
    width,
)
from .common import SENTENCE_MARK, Para
from .credits import _attribution, _bare_unit_line, _unit_colon, labelled_credits
from .entries import entry_start
from .headlines import DATELINE, UNIT_HEADLINE, _headline_space, _symbol_section
from .masthead import WEEK
from .outline import FEATURE_KIND, OUTLINE_MARK, RULES_KINDS

#: The widest line (display columns) that can be a title.
TITLE_WIDTH = 200
#: The longest paragraph (characters) folded before it is compared with the others.
FOLD_MAX = 200
#: A paragraph at least this wide (display columns), or holding this many sentences, or a sentence
#: and this wide, is running text.
TEXT_WIDTH, TEXT_SENTENCES, SENTENCE_WIDTH = 120, 2, 100


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Text as compared with other text: NFKC, no white space, no dots. Example: 平潭 · 新闻 → 平潭新闻."""
    return UNFOLDED.sub("", unicodedata.normalize("NFKC", text))


#: What folding takes out. Example: the spaces and the dot of 平潭 · 新闻.
UNFOLDED = Regex(r"[\s·・]+")


@dataclass
class Page:
    """A document's paragraphs and what is known of the whole: where its running text starts and
    ends, which paragraph texts repeat, the page's own title (a reader's ``meta``)."""

    paras: list[Para]
    meta: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        #: sentence marks and display width of each paragraph, counted once
        self.stops = [len(SENTENCE_MARK.findall(p.text)) for p in self.paras]
        self.widths = [width(p.text) for p in self.paras]
        running = [k for k, (n, w) in enumerate(zip(self.stops, self.widths)) if _running(n, w)]
        self.text_start = running[0] if running else len(self.paras)
        self.text_end = running[-1] if running else -1
        # (only a short line is compared with others for being the same text, folded: a long one as it is)
        self.folded = [fold(p.text) if len(p.text) <= FOLD_MAX else p.text for p in self.paras]
        seen: dict[str, int] = {}
        for f in self.folded:
            seen[f] = seen.get(f, 0) + 1
        self.repeats = seen
        title = (self.meta or {}).get("title")
        self.meta_title = fold(title) if isinstance(title, str) and title.strip() else ""


def _running(stops: int, wide: int) -> bool:
    return wide >= TEXT_WIDTH or stops >= TEXT_SENTENCES or bool(stops and wide >= SENTENCE_WIDTH)


#: The registry: feature name → function of (page, index) giving its value.
FEATURES: dict[str, Callable[[Page, int], object]] = {}
#: Features the model also reads off the paragraphs before and after (``p:`` and ``n:``).
CONTEXT: list[str] = []
#: The features of a paragraph's text alone, called on the text (the table's fast path), and the
#: features of a paragraph in its document.
OF_TEXT: dict[str, Callable[[str], object]] = {}
OF_PAGE: dict[str, Callable[[Page, int], object]] = {}


def feature(context: bool = False) -> Callable[[Callable[[str], object]], Callable[[str], object]]:
    """Register a feature of a paragraph's text alone; ``context``: its neighbours' value counts too."""
    def register(fn: Callable[[str], object]) -> Callable[[str], object]:
        FEATURES[fn.__name__] = lambda page, k: fn(page.paras[k].text)
        OF_TEXT[fn.__name__] = fn
        if context:
            CONTEXT.append(fn.__name__)
        return fn
    return register


def page_feature(context: bool = False) -> Callable[[Callable[[Page, int], object]], Callable[[Page, int], object]]:
    """Register a feature of a paragraph in its document."""
    def register(fn: Callable[[Page, int], object]) -> Callable[[Page, int], object]:
        FEATURES[fn.__name__] = fn
        OF_PAGE[fn.__name__] = fn
        if context:
            CONTEXT.append(fn.__name__)
        return fn
    return register


#: How much of a long paragraph the features that look for a line's marks read: its head (a
#: facts label, a date, a time, a gap, a separator) and its tail (a credit, a photo credit, a
#: file's name). A mark deep inside running text says nothing of the line's role, and reading
#: every character of every paragraph for it is most of the table's time.
HEAD, TAIL = 120, 80


def _head(text: str) -> str:
    return text[:HEAD]


def _tail(text: str) -> str:
    return text[-TAIL:]


def _bucket(value: float, edges: tuple[float, ...], names: tuple[str, ...]) -> str:
    for edge, name in zip(edges, names):
        if value <= edge:
            return name
    return names[-1]


# --- shape ------------------------------------------------------------------------------------

@page_feature(context=True)
def wide(page: Page, k: int) -> str:
    """Display width, bucketed: xs ≤ 8 (一、概况), s ≤ 20, m ≤ 40 (a headline), l ≤ 80, xl ≤ 200, xxl."""
    return _bucket(page.widths[k], (8, 20, 40, 80, 200), ("xs", "s", "m", "l", "xl", "xxl"))


@page_feature(context=True)
def stops(page: Page, k: int) -> str:
    """Sentence marks (。！？) in it: 0, 1, 2, 3+."""
    n = page.stops[k]
    return str(n) if n < 3 else "3+"


#: Closing quotes and brackets looked through to find how a paragraph ends.
CLOSERS = "”’」』\"'"


@feature(context=True)
def ends(text: str) -> str:
    """How it ends: stop (。！？…), colon, semi, comma, paren (a closing round bracket), bracket (】),
    digit, cjk, latin, other."""
    t = text.rstrip(CLOSERS + " ")
    last = t[-1:] or " "
    if last in "。！？!?…":
        return "stop"
    if last in "：:":
        return "colon"
    if last in "；;":
        return "semi"
    if last in "，,、":
        return "comma"
    if last in "）)":
        return "paren"
    if last in "】〗]］":
        return "bracket"
    return _char_kind(last)


@feature()
def opens(text: str) -> str:
    """How it opens: paren, bracket (【), book (《), quote, dash, bullet, digit, cjk, latin, other."""
    first = text[:1]
    if first in "（(":
        return "paren"
    if first in "【〖[［":
        return "bracket"
    if first in "《":
        return "book"
    if first in "“\"'‘「":
        return "quote"
    if first in "—－-―":
        return "dash"
    if P.BULLET.match(text):
        return "bullet"
    return _char_kind(first)


def _char_kind(ch: str) -> str:
    if ch.isdigit():
        return "digit"
    if CJK_ONE.match(ch):
        return "cjk"
    if ch.isascii() and ch.isalpha():
        return "latin"
    return "other"


CJK_ONE = Regex(rf"[{CJK}]")


@feature()
def comma(text: str) -> bool:
    """A comma inside: a sentence's clauses, rarely a title's."""
    return "，" in text or "," in text


@feature(context=True)
def gap(text: str) -> str | None:
    """White space inside it: wide (two or more, or an ideographic space: fields set apart), one (a
    headline's space before its text)."""
    inner = _head(text.strip())
    if WIDE_GAP.search(inner):
        return "wide"
    return "one" if " " in inner else None


WIDE_GAP = Regex(r"\s{2,}|\u3000")


@feature()
def digits(text: str) -> str | None:
    """Share of digits: most (over half: a date or number line), some (over a fifth)."""
    n = len(text) - len(text.translate(NO_DIGITS))
    share = n / max(len(text), 1)
    return "most" if share > 0.5 else "some" if share > 0.2 else None


#: Digits taken out of a text, to count them (ASCII and full-width).
NO_DIGITS = str.maketrans("", "", "0123456789０１２３４５６７８９")


@feature()
def latin(text: str) -> bool:
    """Latin letters make over a third of it: a URL, an e-mail, a file name."""
    return len(LATIN.findall(text)) > len(text) / 3


LATIN = Regex(r"[A-Za-z]")


@feature()
def separators(text: str) -> str | None:
    """Separators of page chrome: gt (> » ＞, a breadcrumb), bar (| ｜, a tool bar), slash (/ between words)."""
    text = _head(text)
    if GT.search(text):
        return "gt"
    if "|" in text or "｜" in text:
        return "bar"
    return "slash" if SLASHES.search(text) else None


GT = Regex(rf"[{BREADCRUMB_MARKS}]")
SLASHES = Regex(r"\S/\S.*\S/\S")


# --- position ---------------------------------------------------------------------------------

@page_feature()
def at(page: Page, k: int) -> str:
    """Where it stands: first, second, third, last, penult, else middle."""
    n = len(page.paras)
    if k == 0:
        return "first"
    if k == n - 1:
        return "last"
    if k == 1:
        return "second"
    if k == 2:
        return "third"
    return "penult" if k == n - 2 else "middle"


@page_feature(context=True)
def zone(page: Page, k: int) -> str:
    """Where it stands against the running text (paragraphs of sentences): before, start (the first
    such), inside, end (the last), after; none where the document has no running text."""
    if page.text_end < 0:
        return "none"
    if k < page.text_start:
        return "before"
    if k > page.text_end:
        return "after"
    if k == page.text_start:
        return "start"
    return "end" if k == page.text_end else "inside"


@page_feature()
def before_text(page: Page, k: int) -> str | None:
    """How many paragraphs before the running text starts: 1, 2, 3+ (a title is usually 1 or 2 up)."""
    d = page.text_start - k
    if d <= 0 or page.text_end < 0:
        return None
    return str(d) if d < 3 else "3+"


@page_feature()
def after_text(page: Page, k: int) -> str | None:
    """How many paragraphs after the running text ends: 1, 2, 3+."""
    d = k - page.text_end
    if d <= 0 or page.text_end < 0:
        return None
    return str(d) if d < 3 else "3+"


@page_feature(context=True)
def lone_sentence(page: Page, k: int) -> bool:
    """A short sentence alone between two paragraphs of running text, as a report's unnumbered
    heading stands: ``生态底色更加亮丽。`` between the paragraphs it heads and the one before."""
    text = page.paras[k].text.rstrip()
    return (0 < k < len(page.paras) - 1 and page.stops[k] == 1 and page.widths[k] <= LONE_WIDTH
            and text.endswith(("。", "！")) and "，" not in text
            and all(page.widths[j] >= LONE_AROUND for j in (k - 1, k + 1)))


#: How wide a lone sentence may be, and how wide the paragraphs around it are at least.
LONE_WIDTH = 40
LONE_AROUND = 100


@page_feature()
def repeated(page: Page, k: int) -> bool:
    """The same text stands elsewhere in the document: a title printed twice, a caption twice."""
    return len(page.folded[k]) >= 4 and page.repeats.get(page.folded[k], 0) > 1


@page_feature()
def meta_title(page: Page, k: int) -> str | None:
    """The page's own title (a reader's ``meta``): same, inside it (a title over two lines), or holds it."""
    t, mine = page.meta_title, page.folded[k]
    if not t or len(mine) < 4:
        return None
    if mine == t:
        return "same"
    if mine in t:
        return "part"
    return "holds" if t in mine and len(mine) <= len(t) + 30 else None


# --- marks ------------------------------------------------------------------------------------

@feature(context=True)
def outline(text: str) -> str | None:
    """The outline number it opens with: l1 一、, l2 （一）, l3 1. / 1、, l3b (1), l4 一是, l4d 第一，;
    also chapter (a body of rules' 第一章, 第一条: :data:`~bulletin_cli.split.outline.RULES_KINDS`)."""
    m = OUTLINE_MARK.match(text)
    if m is None:
        return None
    return "chapter" if m.lastgroup in RULES_KINDS else FEATURE_KIND.get(m.lastgroup, m.lastgroup)


def _run_in_mark(text: str) -> re.Match[str] | None:
    """The outline number :func:`outline_run_in` reads a heading after (none where :func:`outline`
    gives none)."""
    m = OUTLINE_MARK.match(text)
    if m is not None and m.lastgroup in FEATURE_KIND and FEATURE_KIND[m.lastgroup] is None:
        return None
    return m


@feature()
def outline_run_in(text: str) -> str | None:
    """An outline number whose heading runs on into its text: stop (一、抓党建。全年…), colon
    (一是：…), none (the heading is the whole line)."""
    m = _run_in_mark(text)
    if not m:
        return None
    rest = text[m.end():]
    stop = RUN_IN_STOP.search(rest)
    if stop is None or stop.end() >= len(rest.rstrip(CLOSERS)):
        return "none"
    return "colon" if stop.group(0) in "：:" else "stop"


RUN_IN_STOP = Regex(r"[。！？：:；;]")


@feature()
def section(text: str) -> str | None:
    """A section's name on a line of its own: bracket (【民生保障】), symbol (■ 工作动态), numbered
    (一、工作动态), generic (工作动态, 简讯: a name that says only "news")."""
    if SECTION_BRACKET.match(text) and not P.FIELD_LABEL.match(text):
        return "bracket"
    if _symbol_section(text):
        return "symbol"
    if P.GENERIC_SECTION.match(text.strip()):
        return "generic"
    return None


@feature()
def bracket_lead(text: str) -> str | None:
    """A 【name】 opening a paragraph with text after it: entry (【民众镇概况】 民众镇位于…), unit
    (【县发改局】全力推进…), label (【来源】…)."""
    if P.FIELD_LABEL.match(text):
        return "label"
    m = BRACKET_LEAD.match(text)
    if not m or not m.group(2):
        return None
    if entry_start(text):
        return "entry"
    return "unit" if P.UNIT_SUFFIX.search(m.group(1)) else "other"


BRACKET_LEAD = Regex(r"^[【〖\[［]\s*([^【】〖〗\[\]［］]{1,30}?)\s*[】〗\]］]\s*(\S)?")


@feature()
def caption(text: str) -> bool:
    """A short line that opens as a photo's caption does (图为活动现场, 上图：…, ▲…), or a sentence
    closed by a photographer's credit (葛岭镇溪洋村果农在采摘芙蓉李。通讯员 林晓燕 摄)."""
    if width(text) > CAPTION_WIDTH:
        return False
    if P.CAPTION_OPENER.match(text):
        return True
    m = P.CAPTION_CREDIT.search(text)
    return bool(m) and "摄" in m.group(0) and len(CJK_ONE.findall(text, 0, m.start())) >= CAPTION_WORDS


#: The widest line read as a photo's caption by its opening, in display columns.
CAPTION_WIDTH = 60
#: How many characters a caption says before its photographer's credit, at least (井娇摄影报道
#: alone is a credit).
CAPTION_WORDS = 6



@feature()
def bullet(text: str) -> bool:
    """A bullet symbol opens it: ◆ ● ■ ▲ …"""
    return bool(P.BULLET.match(text))


@feature()
def book_title(text: str) -> bool:
    """A title in 《》 alone on the line: 《明水生产简报》."""
    return bool(BOOK_LINE.match(text))


BOOK_LINE = Regex(r"^《[^《》]{2,40}》$")


# --- credits ----------------------------------------------------------------------------------

def credit_form(text: str) -> bool:
    """A line whose form makes it a credit wherever it stands and whatever the model read: a
    unit's whole credit or source line (:func:`credit`), writers' labels (撰稿：… 审核：…), or labelled
    credits that name a source (稿件来源：… 责任编辑：…); short, with no sentence in it."""
    if width(text) > FRAME_WIDTH or SENTENCE_MARK.search(text):
        return False
    return (text_feature(text, "credit") in ("whole", "source") or bool(P.WRITER_LINE.match(text))
            or labelled_credits(text) is not None)


def credits_no_one(text: str) -> bool:
    """A line with nothing of a credit's form: no unit's credit, writers' or source's label, footer
    field. Read as a credit, it is a headline or text (东屯镇：小麦颗粒归仓, 县人社局举办春季招聘会).

    >>> credits_no_one("东屯镇：小麦颗粒归仓"), credits_no_one("（供稿：县住建局）"), credits_no_one("责任编辑：李勉")
    (True, False, False)
    """
    from .footer import parse_footer

    return (text_feature(text, "credit") is None and not credit_form(text) and not P.SOURCE_LINE.match(text)
            and labelled_credits(text) is None and not parse_footer([text]))


#: How wide a paragraph of running text is at least, in display columns.
RUNNING_WIDTH = 40


def running_text(text: str) -> bool:
    """Sentences with clauses, wide, and no mark of page furniture (a share bar, a copyright line,
    a contact, a file's name): a paragraph of a text's running text."""
    if width(text) < RUNNING_WIDTH or not SENTENCE_MARK.search(text):
        return False
    return bool(text_feature(text, "comma")) and text_feature(text, "chrome") is None


#: A paragraph wider than this (display columns) with a sentence in it is running text, never a
#: line of a document's frame (a credit, a signature, a footer).
FRAME_WIDTH = 60


@feature(context=True)
def credit(text: str) -> str | None:
    """A unit's credit: whole (the line is only （县住建局）, ——县水利局, 县文旅局供稿), closing (…。（住建局）),
    bare (a unit name alone: 临澧县农业农村局), source (来源：…, 供稿：… alone on the line)."""
    short = width(text) <= CREDIT_WIDTH
    if short and (m := P.SOURCE_LINE.match(text)) and width(text[:m.end(2)]) <= SOURCE_WIDTH:
        return "source"
    if short and _attribution(text, whole=True):
        return "whole"
    if short and _bare_unit_line(text):
        return "bare"
    if len(text) > 6 and _attribution(_tail(text)):
        return "closing"
    return None


#: The widest source (display columns, its label and the unit it names: 供稿单位：…中心) read as a
#: line's credit; other facts may follow it on the line (审核：… 浏览量：…).
SOURCE_WIDTH = 60
#: The widest line (display columns) that can be a credit alone.
CREDIT_WIDTH = 90


@feature()
def persons(text: str) -> str | None:
    """Names of persons credited: paren ((郭颖 天乐), （潘寅婧）), reporter (记者 张三, 通讯员),
    writer (撰稿人：…, 责任编辑：…), photo (…摄, 摄影：…)."""
    if PERSONS_PAREN.match(text):
        return "paren"
    if P.WRITER_LINE.match(text):
        return "writer"
    if P.CAPTION_CREDIT.search(_tail(text)):
        return "photo"
    if width(text) <= 60 and P.REPORTER.search(text):
        return "reporter"
    return None


PERSONS_PAREN = Regex(rf"^[（(]\s*[{CJK}·]{{2,4}}(?:[\s、，,]+[{CJK}·]{{2,4}}){{0,3}}\s*[）)]$")


@pattern
def REPORTER(f: dict) -> re.Pattern[str]:
    """A reporter's title before a name. Example: 记者 张三, 通讯员：李四."""
    return regexcache.compile(rf"(?:{alternation(f['reporter_titles'])})\s*[:：]?\s*[{CJK}]{{2,4}}")


@feature()
def persons_tail(text: str) -> bool:
    """Names of persons closing a paragraph of text after a gap or in brackets: …见效。  陈雨彤  孙煜,
    …见效。（郭颖 天乐）."""
    return len(text) > 30 and bool(PERSONS_TAIL.search(_tail(text)))


PERSONS_TAIL = Regex(rf"[。！？”]\s*(?:[（(]\s*[{CJK}·]{{2,4}}(?:\s+[{CJK}·]{{2,4}}){{0,3}}\s*[）)]|"
                          rf"\s{{2,}}[{CJK}·]{{2,4}}(?:\s+[{CJK}·]{{2,4}}){{0,3}})$")


@feature()
def news_opener(text: str) -> str | None:
    """How a news text opens: wire (本报讯, 本网讯, （本网讯 记者…）), dateline (8月1日晚，, 近日，), credit
    (（记者 张三）…)."""
    if P.NEWS_OPENER.match(text):
        return "wire"
    if P.LEAD_CREDIT.match(text):
        return "credit"
    return "dateline" if DATELINE.match(text) else None


@pattern
def NEWS_OPENER(f: dict) -> re.Pattern[str]:
    """A news text's wire opening, bracketed or not. Example: 本报讯, （本网讯 记者周少红）."""
    return regexcache.compile(rf"^[（(]?\s*(?:{alternation(f['news_openers'])})")


@feature()
def unit_colon(text: str) -> bool:
    """It opens with a unit and a colon: 城关街道：全力做好防汛工作。"""
    return bool(_unit_colon(text))


@feature()
def unit_head(text: str) -> bool:
    """It opens with the unit that does the thing: 县住建局扎实推进…, 我县召开…."""
    return bool(UNIT_HEADLINE.match(text))


@feature()
def headline_space(text: str) -> bool:
    """A headline, a space, then a body of sentences: 县住建局扎实推进老旧小区改造 今年以来，…。"""
    return width(text) > 40 and _headline_space(text)


# --- facts, dates, issues ---------------------------------------------------------------------

@feature(context=True)
def facts(text: str) -> str | None:
    """Labelled facts of a page (来源：, 发布时间：, 作者：, 点击：): how many, 1 or 2 (two or more)."""
    text = _head(text)
    if not (P.WEB_META.match(text) or P.FACTS_LABEL.search(text)):
        return None
    n = len(P.FACTS_LABEL.findall(text))
    return "2" if n >= 2 else "1"


@feature(context=True)
def date(text: str) -> str | None:
    """A full date in it: only (the line is a date: 2023年9月22日, 2024-05-06), some (with other words)."""
    text = _head(text)
    m = DATE.search(text) or DATE_NUMERIC.search(text)
    if not m:
        return None
    rest = text[:m.start()] + text[m.end():]
    return "only" if len(TIME_OR_WEEK.sub("", rest).strip(" 日号（）()")) <= 2 else "some"


TIME_OR_WEEK = Regex(r"\d{1,2}:\d{2}(?::\d{2})?|星期.|周[一二三四五六日天]")


@feature()
def clock(text: str) -> bool:
    """A time of day (18:30:04) or a weekday (星期三): a page's clock or a facts line."""
    return bool(TIME_OR_WEEK.search(_head(text)))


@feature()
def issue(text: str) -> bool:
    """An issue number on a short line: 第43期, 总第512期, 1695 期, 第10周."""
    return width(text) <= 80 and bool(ISSUE.search(text) or WEEK.search(text))


# --- what the lexicon knows -------------------------------------------------------------------

@feature()
def title_word(text: str) -> str | None:
    """It ends in a title word: bulletin (…快报, …简报), report (…总结, …报告, …方案), rules (…办法)."""
    t = text.rstrip()
    if width(t) > TITLE_WIDTH:
        return None  # (a title is a short line)
    word = "bulletin" if P.TITLE.match(t) else "rules" if P.RULES_TITLE.search(t) else \
        "report" if P.REPORT_TITLE.search(t) else None
    return None if word is None or chrome(t) else word  # (首页 | 政务公开 | 工作动态 is a page's menu)


@feature()
def notice_word(text: str) -> bool:
    """It ends as a notice's title: …的通知, …通告, …公告, …通报, …意见, …决定."""
    return width(text) <= 120 and bool(NOTICE_ENDING.search(text))





@feature(context=True)
def office(text: str) -> bool:
    """An office's name alone on a short line: 平潭县人民政府办公室, 中共衢州市委办公室."""
    return width(text) <= 40 and bool(P.ISSUER.match(text)) and not SENTENCE_MARK.search(text)


@feature()
def salutation(text: str) -> bool:
    """An address to the reader or the offices sent to: 各位代表：, 各乡镇人民政府，县直各单位："""
    return width(text) <= 80 and text.rstrip().endswith(("：", ":")) and not SENTENCE_MARK.search(text) \
        and bool(ADDRESS.match(text))


ADDRESS = Regex(r"^(?:各|尊敬的|同志们|市|县|区|镇|乡)")


@feature()
def footer(text: str) -> str | None:
    """A footer's label: label (责任编辑：, 审核：, 签发：), send (报：, 送：, 本期发：, 抄送：)."""
    if P.FOOTER_START.match(text) or P.FOOTER_LABEL.match(text):
        return "send" if P.FOOTER_SEND.match(text) else "label"
    return None


@pattern
def FOOTER_SEND(f: dict) -> re.Pattern[str]:
    """A footer line of the offices an issue is sent to (the lexicon's distribution labels).
    Example: 本期发：县委常委…, 报：市委办公室, 分送：…."""
    words = [w for w, key in f["footer_labels"].items() if key == "distribution"] + list(f["footer_bare"])
    return regexcache.compile(rf"^\s*(?:{alternation(words)})")


@feature()
def masthead_mark(text: str) -> bool:
    """A masthead's mark: 内部资料, 注意保存, ★."""
    return bool(P.MASTHEAD_MARK.match(text))


# --- page chrome ------------------------------------------------------------------------------

@feature(context=True)
def chrome(text: str) -> str | None:
    """Page chrome: known (the lexicon's web chrome: 当前位置, 分享到, 版权所有…), words (share,
    breadcrumb and tail words inside a short line), contact (a URL, e-mail, phone or ICP number),
    file (a picture's or file's name)."""
    if P.CHROME.match(text):
        return "known"
    if width(text) <= 80 and P.CHROME_WORDS.search(text):
        return "words"
    if CONTACT.search(_head(text)):
        return "contact"
    return "file" if FILE_NAME.search(_tail(text)) else None


@pattern
def CHROME_WORDS(f: dict) -> re.Pattern[str]:
    """Words of page furniture anywhere in a short line. Example: 首页, 打印, 关闭, 扫码关注."""
    words = [*f["share_words"], *f["breadcrumb_words"], *f["tail_words"], *f["chrome_words"]]
    return regexcache.compile(alternation(words))


CONTACT = Regex(r"https?://|www\.|\w@\w|\.(?:com|cn|net|org)\b|ICP|备案|\d{3,4}-\d{7,8}")
FILE_NAME = Regex(r"\.(?:jpe?g|png|gif|bmp|docx?|pdf|xlsx?|wps)\s*$", re.IGNORECASE)


@feature()
def tokens(text: str) -> str | None:
    """Short tokens set apart by spaces, as a tool bar or navigation is: many (four or more tokens,
    none over six characters)."""
    parts = text.split()
    return "many" if len(parts) >= 4 and all(len(x) <= 6 for x in parts) else None


def heads_item(row: dict[str, object]) -> bool:
    """A paragraph whose opening shows an item of its own: a headline run into its text after a
    space, a unit and a colon, a bullet, a number, a unit's label. Example: ``县人社局：开展春风行动。``."""
    return bool(row["headline_space"] or row["unit_colon"] or row["bullet"] or row["outline"]
                or row["bracket_lead"] == "unit")


def opens_item(row: dict[str, object]) -> bool:
    """A paragraph that shows a mark of being an item of its own: its opening (:func:`heads_item`)
    or a credit closing it. Example: ``县人社局：开展春风行动。组织招聘会5场。（县人社局）``."""
    return heads_item(row) or row["credit"] == "closing"


def text_row(text: str) -> dict[str, object]:
    """A line's text features by name (see :func:`table`), read once a distinct text."""
    return dict(zip(OF_TEXT, _of_text(text, P.generation)))


def text_feature(text: str, name: str) -> object:
    """One of a line's text features (:func:`text_row`'s ``[name]``, without the whole row).

    >>> text_feature("图为活动现场。", "caption")
    True
    """
    k = _TEXT_INDEX.get(name)
    if k is None:  # (made on first use, when every feature is registered)
        _TEXT_INDEX.update({n: i for i, n in enumerate(OF_TEXT)})
        k = _TEXT_INDEX[name]
    return _of_text(text, P.generation)[k]


#: Each text feature's place in a row of :func:`_of_text`.
_TEXT_INDEX: dict[str, int] = {}


# --- the table --------------------------------------------------------------------------------

def table(page: Page) -> list[dict[str, object]]:
    """Every feature of every paragraph: one row a paragraph, each feature's value (None: absent)."""
    rows = []
    blank, gen, of_page = dict.fromkeys(FEATURES), P.generation, OF_PAGE.items()
    for k, p in enumerate(page.paras):
        row = blank.copy()  # (the features' order, whatever order they are filled in)
        row.update(zip(OF_TEXT, _of_text(p.text, gen)))
        for name, fn in of_page:
            row[name] = fn(page, k)
        rows.append(row)
    return rows


#: How many lines' text features a process keeps, read once a distinct text: a site's chrome, a
#: bulletin's footer and a report's headings come again and again across a folder of documents.
TEXT_CACHE = 8192


@functools.lru_cache(maxsize=TEXT_CACHE)
def _own_text(text: str, generation: int) -> tuple[str, ...]:
    """A line's text features as the model reads them (``name=value``)."""
    return tuple(name if value is True else f"{name}={value}"
                 for name, value in zip(OF_TEXT, _of_text(text, generation)) if value)


@functools.lru_cache(maxsize=TEXT_CACHE)
def _of_text(text: str, generation: int) -> tuple:
    """A line's text features under the lexicon's ``generation`` (a --config read again)."""
    return tuple(fn(text) for fn in OF_TEXT.values())


#: Pairs of features the model also reads together (a linear model cannot combine them itself):
#: a short line with no stop is a heading; the same line among running text is no title.
PAIRS: tuple[tuple[str, str], ...] = (("wide", "stops"), ("zone", "wide"), ("outline", "outline_run_in"),
                                      ("wide", "ends"), ("zone", "credit"), ("at", "wide"), ("zone", "facts"),
                                      ("zone", "stops"))


def _count(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2-3" if n <= 3 else "4+"


def document(rows: list[dict[str, object]]) -> list[str]:
    """What the whole document shows, read at every paragraph (``d:``): a line's role depends on
    the kind of document it stands in (责任编辑 under a bulletin's items is its footer, under an
    article its credit). Example: ``d:issue_top`` (an issue number among the first lines),
    ``d:credits=4+`` (items closing with a unit's credit), ``d:outline=4+``."""
    top = rows[:6]
    out = [f"d:credits={_count(sum(1 for r in rows if r['credit'] in ('closing', 'whole')))}",
           f"d:sections={_count(sum(1 for r in rows if r['section'] in ('bracket', 'symbol')))}",
           f"d:outline={_count(sum(1 for r in rows if r['outline']))}",
           f"d:headlines={_count(sum(1 for r in rows if r['headline_space'] or r['unit_colon']))}",
           f"d:paras={_count(len(rows) // 4)}"]
    if any(r["issue"] for r in top):
        out.append("d:issue_top")
    if any(r["facts"] for r in top):
        out.append("d:facts_top")
    kinds = {r["title_word"] for r in rows[:3] if r["title_word"]}
    out.extend(f"d:title={k}" for k in sorted(kinds))
    if any(r["notice_word"] for r in rows[:3]):
        out.append("d:title=notice")
    return out


def observed_parts(rows: list[dict[str, object]], texts: list[str]) -> tuple[list[str], list[tuple[tuple, ...]]]:
    """The same observations as :func:`observations`, as the whole document's (read at every
    paragraph) and, for each paragraph, a few hashable parts, each a kind and the values it is
    made of: its text (``own``), where it stands (``page``), its pairs, and its neighbours' context
    (``p``, ``n``). A part recurs across paragraphs and documents, so a model scores each distinct
    part once (:meth:`~bulletin_cli.split.roles.Model.emissions_parts`); :func:`part_observations`
    spells a part out as the ``name=value`` strings the model's weights are keyed by."""
    whole = document(rows)
    gen = P.generation
    ctx = [tuple(row[name] for name in CONTEXT) for row in rows]
    last = len(rows) - 1
    parts = []
    for k, row in enumerate(rows):
        parts.append((("own", texts[k], gen),
                      ("page", tuple(row[name] for name in OF_PAGE)),
                      ("pairs", tuple(row[name] for name in _PAIR_NAMES)),
                      ("p", ctx[k - 1] if k else None),
                      ("n", ctx[k + 1] if k < last else None)))
    return whole, parts


#: The features :data:`PAIRS` reads, in order.
_PAIR_NAMES: tuple[str, ...] = tuple(name for pair in PAIRS for name in pair)


def part_observations(part: tuple) -> list[str]:
    """A part of :func:`observed_parts` as the ``name=value`` strings the model reads."""
    kind, values = part[0], part[1]
    if kind == "own":
        return list(_own_text(values, part[2]))
    if kind == "page":
        return ["bias", *(name if v is True else f"{name}={v}" for name, v in zip(OF_PAGE, values) if v)]
    if kind == "pairs":
        it = iter(values)
        return [f"{a}={x or '-'}&{b}={y or '-'}" for (a, b), x, y in zip(PAIRS, it, it)]
    prefix = kind + ":"
    if values is None:
        return [prefix + "none"]
    return [f"{prefix}{name}={v}" for name, v in zip(CONTEXT, values) if v]


def _around(rows: list[dict[str, object]], k: int) -> list[str]:
    """The pairs of paragraph ``k`` and the context features of its neighbours (``p:``, ``n:``)."""
    row = rows[k]
    out = [f"{a}={row[a] or '-'}&{b}={row[b] or '-'}" for a, b in PAIRS]
    for prefix, j in (("p:", k - 1), ("n:", k + 1)):
        if 0 <= j < len(rows):
            out.extend(f"{prefix}{name}={rows[j][name]}" for name in CONTEXT if rows[j][name])
        else:
            out.append(f"{prefix}none")
    return out


def observations(rows: list[dict[str, object]]) -> list[list[str]]:
    """What the model reads at each paragraph: its features as ``name=value``, the pairs, the
    context features of the paragraphs before (``p:``) and after (``n:``) it, and what the whole
    document shows (:func:`document`)."""
    def own(row: dict[str, object]) -> list[str]:
        return [name if value is True else f"{name}={value}" for name, value in row.items() if value]

    out = []
    whole = document(rows)
    for k, row in enumerate(rows):
        obs = ["bias", *own(row), *whole]
        obs.extend(_around(rows, k))
        out.append(obs)
    return out
