"""What a document's text shows, counted once on first use (:class:`Signals`): section marks,
closing credits, a masthead's title word and issue, outline numbers where sentences start, a list
run on inside the text, yearbook entries, a facts line, a report's title. The layouts read them
as evidence beside the paragraphs' roles (:func:`bulletin_cli.split.layouts.evidence`).

>>> from bulletin_cli.split.common import paragraphs
>>> s = Signals(paragraphs("延津政务快报\\n\\n第43期\\n\\n【民生保障】\\n"), ["延津政务快报", "第43期", "【民生保障】"])
>>> s.titled, s.numbered, s.sections
(True, True, 1)
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Callable

from ..lexicon.patterns import CN_DIGITS, ISSUE, SECTION_BRACKET, P, Regex, page_title, width
from .common import SENTENCE_MARK, Para
from .credits import _attribution
from .entries import count_entries
from .frame import LONG_FIRST
from .headlines import _symbol_section
from .masthead import WEEK
from .outline import CHAIN_GLUED, OUTLINE_L2, OUTLINE_L4, OUTLINE_MARK, run_on_chains

#: A first-level outline number where a sentence or paragraph starts. Example: 一、 in 。一、上半年工作.
OUTLINE_L1 = Regex(rf"(?:^|(?<=[。；！？\s]))[{CN_DIGITS}]{{1,3}}、", re.M)

#: A first-level outline number, and what may stand before it (a stop, white space, the start).
L1_NUMBER = Regex(rf"[{CN_DIGITS}]{{1,3}}、")
L1_BEFORE = frozenset("。；！？\n\t \u3000\r\x0b\x0c")
#: A number of a list glued to the word before it, and what may not stand before it (as
#: :data:`~bulletin_cli.split.outline.GLUED_MARK`).
GLUED_NUMBER = Regex(rf"[\d{CN_DIGITS}]{{1,2}}[、.．](?![\d．.])")
GLUED_NOT_BEFORE = frozenset("。；！？：:;!?”.．")


def _count_after(number: re.Pattern[str], text: str, chars: frozenset[str], exclude: bool = False) -> int:
    """How many times ``number`` stands after one of ``chars`` or the start of a line (after none
    of them, a digit, a space or the start, with ``exclude``): a pattern that opens with a class of
    characters, which the engine skips to, checked behind in Python (a look-behind at every
    position is most of the time of a scan of the whole text)."""
    n = 0
    for m in number.finditer(text):
        before = text[m.start() - 1] if m.start() else ""
        if exclude:
            n += bool(before) and before not in chars and not before.isspace() and not before.isdigit()
        else:
            n += not before or before in chars or before.isspace()
    return n


@functools.lru_cache(maxsize=8192)
def _closing_credit(tail: str, generation: int) -> bool:
    """A credit closes the paragraph whose end this is (read once a distinct end)."""
    return bool(_attribution(tail))


@functools.lru_cache(maxsize=8192)
def _run_on_points(text: str, generation: int) -> int:
    """How many points of lists run on inside the paragraph (read once a distinct paragraph)."""
    return len(run_on_chains(text))


#: How much of a paragraph's end a closing credit stands in (characters).
CREDIT_TAIL = 120
#: A point of a 一是…二是… list, to look for the list only where there is one.
POINT_WORD = Regex(rf"[{CN_DIGITS}]是")


@dataclass
class Signals:
    """What the text shows, each counted once, on first use. ``texts`` are the paragraphs less page chrome."""

    paras: list[Para]
    texts: list[str]
    used: dict = field(default_factory=dict)

    @property
    def joined(self) -> str:
        """The paragraphs' text as one, joined once."""
        if "_joined" not in self.__dict__:
            self.__dict__["_joined"] = "\n".join(self.texts)
        return self.__dict__["_joined"]

    def __getattr__(self, name: str):
        counter = COUNTERS.get(name)
        if counter is None:
            raise AttributeError(name)
        value = counter(self)
        self.__dict__[name] = value
        self.used[name] = value
        return value


COUNTERS: dict[str, Callable[[Signals], object]] = {}


def signal(fn: Callable[[Signals], object]) -> Callable[[Signals], object]:
    """Register a counted signal under its function's name."""
    COUNTERS[fn.__name__] = fn
    return fn


@signal
def sections(s: Signals) -> int:
    """Section headings: 【民生保障】 or ■ 工作动态 on a line of their own."""
    return sum(1 for t in s.texts if (SECTION_BRACKET.match(t) and not P.FIELD_LABEL.match(t)) or _symbol_section(t))


@signal
def attributions(s: Signals) -> int:
    """Paragraphs closing with a unit's credit: …。（住建局）."""
    return sum(1 for t in s.texts if _closing_credit(t[-CREDIT_TAIL:], P.generation))


@signal
def titled(s: Signals) -> bool:
    """A masthead title (…快报, …简报) among the first four lines."""
    return any(P.TITLE.match(t) and not OUTLINE_MARK.match(t) for t in s.texts[:4])


@signal
def numbered(s: Signals) -> bool:
    """An issue number on a masthead line among the first six, not 2期 inside a sentence."""
    return any((ISSUE.search(t) or WEEK.search(t)) and not SENTENCE_MARK.search(t) and width(t) <= 60
               for t in s.texts[:6])


@signal
def outline_l2(s: Signals) -> int:
    """Second-level outline numbers anywhere: （二）."""
    return len(OUTLINE_L2.findall(s.joined))


@signal
def outline_l1(s: Signals) -> int:
    """First-level outline numbers where a sentence or paragraph starts: 一、"""
    return _count_after(L1_NUMBER, s.joined, L1_BEFORE)


@signal
def outline_l4(s: Signals) -> int:
    """Run-in points anywhere: 一是…二是…"""
    return len(OUTLINE_L4.findall(s.joined)) if POINT_WORD.search(s.joined) else 0


@signal
def run_on_list(s: Signals) -> int:
    """Points of numbered lists run on inside the text, glued to the words before them (their line
    breaks lost): 概况主要内容1、乡(镇)辖行政村个数2、总面积…3、总人口…"""
    if _count_after(GLUED_NUMBER, s.joined, GLUED_NOT_BEFORE, exclude=True) < CHAIN_GLUED:
        return 0  # (too few numbers glued to words in the whole text for any list run on)
    return sum(_run_on_points(t, P.generation) for t in s.texts)


@signal
def entries(s: Signals) -> int:
    """Yearbook entries: 【民众镇概况】 text…, or 《明水生产简报》 lines."""
    return count_entries(s.paras)


@signal
def facts_top(s: Signals) -> bool:
    """A facts line (来源：… 发布时间：…) right under the title."""
    return any(P.WEB_META.match(t) for t in s.texts[1:3])


@signal
def report_title(s: Signals) -> bool:
    """The title is a summary's, report's, plan's or rules': made of numbered points (…工作总结, …报告),
    on its own line or run into the whole text (桥头镇2023年度政府工作报告各位代表：…)."""
    first = s.texts[0]
    # (the title may stand under the page's facts lines and its site's name: 泗洪县人民政府 | 政府信息公开 ⏎
    # 索引号：… ⏎ 文号：… ⏎ …实施方案)
    tops = [t for t in s.texts[:TITLE_LINES] if not (P.FACTS_LABEL.match(t) or P.METADATA_LINE.match(t))]
    return any(P.REPORT_TITLE.search(page_title(t)) for t in tops) or (width(first) > LONG_FIRST
                                                                      and P.TITLE_RUN_ON.match(first) is not None)


#: How far down a report's title is looked for, past its page's site name and facts lines (lines).
TITLE_LINES = 4


