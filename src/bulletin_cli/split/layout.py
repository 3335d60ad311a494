"""Which layout a document has: named signals counted in its text (:class:`Signals`), then named
rules tried in order (:data:`RULES`), each a documented threshold on those signals. The decision
names the rule and the signals it read (:func:`decide_layout`), for ``split --explain``.

>>> from bulletin_cli.split.common import paragraphs
>>> decide_layout(paragraphs("【民生保障】\\n\\n县住建局开展危房核查 摸清底数。（住建局）\\n"))
('bulletin', 'sections', {'sections': 1})
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from ..lexicon.patterns import CN_DIGITS, ISSUE, SECTION_BRACKET, P, page_title, width
from .article import attachment, has_closing_credit, inner_headings
from .common import RUN_IN_NUMBER, SENTENCE_MARK, Para
from .credits import _attribution, _unit_colon
from .entries import count_entries
from .headlines import UNIT_HEADLINE, _headline_space, _is_heading, _symbol_section
from .masthead import WEEK, parse_date, parse_masthead
from .outline import OUTLINE_L2, OUTLINE_L4, OUTLINE_LEVELS, OUTLINE_MARK, run_on_chains

#: A first-level outline number where a sentence or paragraph starts. Example: 一、 in 。一、上半年工作.
OUTLINE_L1 = re.compile(rf"(?:^|(?<=[。；！？\s]))[{CN_DIGITS}]{{1,3}}、", re.M)
#: Share of paragraphs that must open with ``unit：`` for a bulletin of such items.
UNIT_ITEMS_SHARE = 0.4
#: Share of numbered paragraphs that must be ``1、headline body`` for a bulletin of numbered items.
NUMBERED_ITEMS_SHARE = 0.5
#: Share of paragraphs that must open with an outline number for an outline.
OUTLINE_STARTS_SHARE = 0.3
#: Share of paragraphs that must be ``headline body`` (a space between) for a bulletin of such items.
HEADLINE_ITEMS_SHARE = 0.4
#: Share of headings over one paragraph that must open with a unit for them to be headlines.
UNIT_HEADLINES_SHARE = 0.7
#: A text of at most this many paragraphs and at least this many characters lost its line breaks.
FLAT_PARAGRAPHS, FLAT_LENGTH = 3, 1000
#: A paragraph at least this wide (display columns) is long running text.
LONG_PARAGRAPH = 120


@dataclass
class Signals:
    """What the text shows, each counted once, on first use. ``texts`` are the paragraphs less page chrome."""

    paras: list[Para]
    texts: list[str]
    used: dict = field(default_factory=dict)

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
    return sum(1 for t in s.texts if _attribution(t))


@signal
def titled(s: Signals) -> bool:
    """A masthead title (…快报, …简报) among the first four lines."""
    return any(P.TITLE.match(t) and not OUTLINE_MARK.match(t) for t in s.texts[:4])


@signal
def issue_over_facts(s: Signals) -> bool:
    """An issue number above the facts line: a paper's or bulletin's masthead over its posting
    line (``A2:综合 总第3307期 2018-09-14编印`` / ``创城动态`` / ``刊发日期:…``), not a page's title."""
    facts = next((k for k, t in enumerate(s.texts[:4]) if P.WEB_META.match(t)), 0)
    return any(ISSUE.search(t) and width(t) <= 60 for t in s.texts[:facts])


@signal
def numbered(s: Signals) -> bool:
    """An issue number on a masthead line among the first six, not 2期 inside a sentence."""
    return any((ISSUE.search(t) or WEEK.search(t)) and not SENTENCE_MARK.search(t) and width(t) <= 60
               for t in s.texts[:6])


@signal
def masthead_fields(s: Signals) -> tuple[str, ...]:
    """The fields a masthead at the top gives (issue, date, issuer, title)."""
    return tuple(sorted(parse_masthead(s.paras)[0]))


@signal
def unit_items(s: Signals) -> int:
    """Paragraphs of sentences opening with a unit and a colon: 城关街道：全力做好防汛工作。…"""
    return sum(1 for t in s.texts if _unit_colon(t) and SENTENCE_MARK.search(t))


@signal
def numbered_items(s: Signals) -> int:
    """Run-in numbered items: 1、县财政局全力保障… 今年以来，…"""
    return sum(1 for t in s.texts if (n := RUN_IN_NUMBER.match(t)) and _headline_space(t[n.end():]))


@signal
def run_in_numbers(s: Signals) -> int:
    """Paragraphs opening with a run-in number of any kind: 1、 (2) ①."""
    return sum(1 for t in s.texts if RUN_IN_NUMBER.match(t))


@signal
def outline_l2(s: Signals) -> int:
    """Second-level outline numbers anywhere: （二）."""
    return len(OUTLINE_L2.findall("\n".join(s.texts)))


@signal
def outline_l1(s: Signals) -> int:
    """First-level outline numbers where a sentence or paragraph starts: 一、"""
    return len(OUTLINE_L1.findall("\n".join(s.texts)))


@signal
def outline_l4(s: Signals) -> int:
    """Run-in points anywhere: 一是…二是…"""
    return len(OUTLINE_L4.findall("\n".join(s.texts)))


@signal
def run_on_list(s: Signals) -> int:
    """Points of numbered lists run on inside the text, glued to the words before them (their line
    breaks lost): 概况主要内容1、乡(镇)辖行政村个数2、总面积…3、总人口…"""
    return sum(len(run_on_chains(t)) for t in s.texts)


@signal
def flat_list(s: Signals) -> int:
    """Points of numbered lists (1、2、3、, 一、二、三、) inside a text whose line breaks were all lost:
    a few paragraphs, each long, the points after full stops or glued. 一、上半年工作总结1、经济
    社会发展平稳运行。聚焦…。2、重点项目建设成效显著。…"""
    if len(s.texts) > FLAT_PARAGRAPHS or sum(map(len, s.texts)) < FLAT_LENGTH:
        return 0
    return sum(len(run_on_chains(t, glued_min=0)) for t in s.texts)


@signal
def outline_starts(s: Signals) -> tuple[str, ...]:
    """The kind of outline number each paragraph opening with one opens with (l1 for 一、 …)."""
    return tuple(m.lastgroup for t in s.texts if (m := OUTLINE_MARK.match(t)))


@signal
def dated(s: Signals) -> bool:
    """A date among the first six lines."""
    return any(parse_date(t) for t in s.texts[:6])


@signal
def headline_items(s: Signals) -> int:
    """Paragraphs that are a headline, a space and a body: 县住建局扎实推进… 今年以来，…。"""
    return sum(1 for t in s.texts if not OUTLINE_MARK.match(t) and _headline_space(t))


@signal
def headings(s: Signals) -> int:
    """Heading lines (short, no sentence punctuation) after the first line."""
    return sum(1 for p in s.paras[1:] if _is_heading(p))


@signal
def news_headings(s: Signals) -> tuple[int, int]:
    """Headings over running text, and how many of them open with the unit doing the thing."""
    news = [p for p, q in zip(s.paras, s.paras[1:]) if _is_heading(p) and not _is_heading(q)]
    return len(news), sum(1 for p in news if UNIT_HEADLINE.match(p.text))


@signal
def long_paras(s: Signals) -> int:
    """Paragraphs of long running text."""
    return sum(1 for t in s.texts if width(t) > LONG_PARAGRAPH)


@signal
def headed(s: Signals) -> int:
    """Headings each over a paragraph of sentences: 工业生产稳步回升 ⏎ 一季度，全县…."""
    return sum(1 for a, b in zip(s.paras[1:], s.paras[2:])
               if _is_heading(a) and not _is_heading(b) and SENTENCE_MARK.search(b.text))


@signal
def entries(s: Signals) -> int:
    """Yearbook entries: 【民众镇概况】 text…, or 《明水生产简报》 lines."""
    return count_entries(s.paras)


@signal
def title_top(s: Signals) -> bool:
    """The first paragraph is a title: no sentence in it, not a numbered point, a bullet or a section."""
    if len(s.paras) < 2:
        return False
    t = s.texts[0]
    return 4 <= len(t) and width(t) <= 160 and not SENTENCE_MARK.search(t) and not OUTLINE_MARK.match(t) \
        and not SECTION_BRACKET.match(t) and not P.BULLET.match(t) and not _attribution(t, whole=True)


@signal
def facts_top(s: Signals) -> bool:
    """A facts line (来源：… 发布时间：…) right under the title."""
    return any(P.WEB_META.match(t) for t in s.texts[1:3])


@signal
def report_title(s: Signals) -> bool:
    """The title is a summary's, report's, plan's or rules': made of numbered points (…工作总结, …报告)."""
    return bool(P.REPORT_TITLE.search(page_title(s.texts[0])))


@signal
def closing_credit(s: Signals) -> bool:
    """The text ends with its unit's credit (（县农业局 刘广刚）, 供稿：…, a unit name alone), not a signature."""
    paras = [p for p in s.paras if not attachment(p.text)]
    return bool(paras) and not parse_date(paras[-1].text) and has_closing_credit(paras)


@signal
def inner_heads(s: Signals) -> int:
    """Heading lines standing over running text after the first paragraph."""
    return inner_headings(s.paras)


def _outline_levels(s: Signals) -> int:
    return len({OUTLINE_LEVELS[g][0] for g in s.outline_starts})


#: An article's text may hold this many numbered clauses (of one level) and stay one article.
ARTICLE_CLAUSES = 3


def _few_clauses(s: Signals) -> bool:
    """No numbered paragraphs, or a few clauses of one level (1、严格实行督查审批。… 2、统筹安排…), as
    an article's text holds them; not the points of an outline."""
    return not s.outline_starts or (_outline_levels(s) == 1 and len(s.outline_starts) <= ARTICLE_CLAUSES)


#: The rules, tried in order: (layout, name, test, what it means). The first that holds decides;
#: none holding gives ``plain``.
RULES: tuple[tuple[str, str, Callable[[Signals], bool], str], ...] = (
    ("bulletin", "sections", lambda s: s.sections > 0, "section headings such as 【民生保障】"),
    ("bulletin", "attributions", lambda s: s.attributions >= 2, "two or more items closing with a unit's credit"),
    ("article", "web article", lambda s: s.title_top and s.facts_top and not s.report_title
     and not s.issue_over_facts,
     "a title with a facts line under it (来源：… 发布时间：…), no issue's masthead over it: one item"),
    ("bulletin", "masthead title and issue", lambda s: s.titled and s.numbered, "a title word and an issue number"),
    ("bulletin", "masthead fields", lambda s: "issue" in s.masthead_fields and bool(
        {"date", "issuer"} & set(s.masthead_fields)), "an issue number with a date or an issuer at the top"),
    ("article", "credited article", lambda s: s.title_top and s.closing_credit and s.inner_heads == 0
     and not s.report_title and s.attributions <= 1 and s.headline_items < 2 and s.entries == 0,
     "a title over running text that ends with its unit's credit"),
    ("article", "credited text", lambda s: not s.title_top and s.closing_credit and s.inner_heads == 0
     and s.attributions <= 1 and len(s.texts) <= 12 and _few_clauses(s) and s.headline_items < 2,
     "running text, no title, that ends with its unit's credit (numbered clauses of one level at most)"),
    ("entries", "entries", lambda s: s.entries >= 2 or (s.entries == 1 and s.attributions <= 1 and len(s.texts) <= 8),
     "yearbook entries: 【name】 text, 《title》 over paragraphs"),
    ("bulletin", "unit items", lambda s: s.unit_items >= 2 and s.unit_items >= UNIT_ITEMS_SHARE * len(s.texts),
     "items that open with their unit and a colon"),
    ("bulletin", "numbered items", lambda s: s.numbered_items >= 2
     and s.numbered_items >= NUMBERED_ITEMS_SHARE * s.run_in_numbers, "numbered items: 1、headline body"),
    ("outline", "outline numbers", lambda s: s.outline_l2 + s.outline_l4 >= 3 and (
        len(s.outline_starts) >= OUTLINE_STARTS_SHARE * len(s.texts) or s.outline_l2 >= 2),
     "（一） and 一是 numbers, at paragraph starts or run on"),
    ("outline", "outline levels", lambda s: _outline_levels(s) >= 2 and (
        (len(s.outline_starts) >= 4 and len(s.outline_starts) >= OUTLINE_STARTS_SHARE * len(s.texts))
        or len(s.outline_starts) >= max(3, len(s.texts) - 1)),
     "paragraphs opening with numbers of two levels or more (every paragraph, in a short text)"),
    ("outline", "report title", lambda s: s.title_top and s.report_title
     and len(s.outline_starts) + s.outline_l1 + s.outline_l2 + s.outline_l4 >= 2,
     "a summary's or report's title over numbered points, at paragraph starts or run on"),
    ("outline", "run-on list", lambda s: s.run_on_list >= 4,
     "a numbered list run on inside the text, its points glued to the words before them (line breaks lost)"),
    ("outline", "flattened list", lambda s: s.flat_list >= 3,
     "numbered points inside a text whose line breaks were all lost (a few long paragraphs)"),
    ("bulletin", "dated titled report", lambda s: s.titled and s.dated and bool(s.outline_starts),
     "a 周报 with a date and 一、 sections"),
    ("bulletin", "headline items", lambda s: s.headline_items >= 2
     and s.headline_items >= HEADLINE_ITEMS_SHARE * len(s.texts), "items as headline, space, body"),
    ("bulletin", "unit headlines", lambda s: s.news_headings[0] >= 2
     and s.news_headings[1] >= UNIT_HEADLINES_SHARE * s.news_headings[0],
     "headings over one paragraph each that open with a unit"),
    ("digest", "headings", lambda s: s.headings >= 2 and (s.long_paras >= 3 or s.headed >= 2),
     "headings over long paragraphs or over running text"),
)


def decide_layout(paras: list[Para]) -> tuple[str, str, dict]:
    """(layout, the rule that decided, the signals it read)."""
    texts = [p.text for p in paras]
    if not texts:
        return "plain", "no text", {}
    s = Signals(paras, texts)
    for layout, name, test, _doc in RULES:
        if test(s):
            return layout, name, dict(s.used)
    return "plain", "no rule", dict(s.used)


def detect_layout(paras: list[Para]) -> str:
    """Choose the layout by counting what each one leaves in the text (see :func:`decide_layout`)."""
    return decide_layout(paras)[0]
