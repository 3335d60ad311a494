"""Which layout a document has, from named signals in its text (see :data:`SIGNALS`).
"""

from __future__ import annotations

from ..lexicon.patterns import (
    ISSUE,
    SECTION_BRACKET,
    P,
    width,
)
from .common import RUN_IN_NUMBER, SENTENCE_MARK, Para
from .credits import _attribution, _unit_colon
from .headlines import UNIT_HEADLINE, _headline_space, _is_heading, _symbol_section
from .masthead import WEEK, parse_date, parse_masthead
from .outline import OUTLINE_L2, OUTLINE_L4, OUTLINE_LEVELS, OUTLINE_MARK


def detect_layout(paras: list[Para]) -> str:
    """Choose the layout by counting what each one leaves in the text."""
    texts = [p.text for p in paras if not P.CHROME.match(p.text)]
    if not texts:
        return "plain"
    sections = sum(1 for t in texts if (SECTION_BRACKET.match(t) and not P.FIELD_LABEL.match(t)) or _symbol_section(t))
    attributions = sum(1 for t in texts if _attribution(t))
    titled = any(P.TITLE.match(t) and not OUTLINE_MARK.match(t) for t in texts[:4])
    # an issue number on a masthead line, not 2期 inside a sentence (《病虫害简报》2期)
    numbered = any((ISSUE.search(t) or WEEK.search(t)) and not SENTENCE_MARK.search(t) and width(t) <= 60
                   for t in texts[:6])
    if sections or attributions >= 2 or (titled and numbered):
        return "bulletin"
    masthead, _ = parse_masthead(paras)
    if "issue" in masthead and ({"date", "issuer"} & masthead.keys()):  # 霍山政务 ⏎ 第21期 ⏎ office and date
        return "bulletin"
    # items that name their unit before a colon: 城关街道：全力做好防汛工作。街道组织…
    unit_items = sum(1 for t in texts if _unit_colon(t) and SENTENCE_MARK.search(t))
    if unit_items >= 2 and unit_items >= 0.4 * len(texts):
        return "bulletin"
    # run-in items with their number, headline, a space and a body: 1、县财政局全力保障… 今年以来，…
    numbered_items = sum(1 for t in texts if (n := RUN_IN_NUMBER.match(t)) and _headline_space(t[n.end():]))
    if numbered_items >= 2 and numbered_items >= 0.5 * sum(1 for t in texts if RUN_IN_NUMBER.match(t)):
        return "bulletin"
    body = "\n".join(texts)
    l2 = len(OUTLINE_L2.findall(body))
    l4 = len(OUTLINE_L4.findall(body))
    marks = [m.lastgroup for t in texts if (m := OUTLINE_MARK.match(t))]
    starts = len(marks)
    if l2 + l4 >= 3 and (starts >= 0.3 * len(texts) or l2 >= 2):
        return "outline"
    # lines opening with numbers of two levels or more: 一、 ⏎ （一） ⏎ 1、 ⏎ （1）
    if starts >= 4 and starts >= 0.3 * len(texts) and len({OUTLINE_LEVELS[g][0] for g in marks}) >= 2:
        return "outline"
    if titled and any(parse_date(t) for t in texts[:6]) and starts:  # 周报 with a date and 一、 sections
        return "bulletin"
    # items as headline, space, body, with nothing else to go by: 县住建局扎实推进… 今年以来，…。
    headline_items = sum(1 for t in texts if not OUTLINE_MARK.match(t) and _headline_space(t))
    if headline_items >= 2 and headline_items >= 0.4 * len(texts):
        return "bulletin"
    headings = sum(1 for p in paras[1:] if _is_heading(p))
    # headings over one paragraph each that open with the unit doing the thing are a bulletin's
    # headlines set on their own lines, not a digest's headings: 县住建局扎实推进… ⏎ 今年以来，…
    news = [p for p, q in zip(paras, paras[1:]) if _is_heading(p) and not _is_heading(q)]
    if len(news) >= 2 and sum(1 for p in news if UNIT_HEADLINE.match(p.text)) >= 0.7 * len(news):
        return "bulletin"
    long_paras = sum(1 for t in texts if width(t) > 120)
    # or headings each over running text, however short: 工业生产稳步回升 ⏎ 一季度，全县….
    headed = sum(1 for a, b in zip(paras[1:], paras[2:])
                 if _is_heading(a) and not _is_heading(b) and SENTENCE_MARK.search(b.text))
    if headings >= 2 and (long_paras >= 3 or headed >= 2):
        return "digest"
    return "plain"
