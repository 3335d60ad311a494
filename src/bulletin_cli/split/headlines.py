"""Headlines: where an item's headline ends and its body begins, and which lines are headlines set on
a line of their own.
"""

from __future__ import annotations

import functools
import re

from .. import regexcache
from ..lexicon.patterns import (
    BODY_OPENERS,
    CJK,
    HEADLINE_UNIT,
    SECTION_BRACKET,
    SUBTITLE,
    TIME_OPENING,
    P,
    Regex,
    comma_headline,
    width,
)
from .common import HEADING_STOPS, LINE_STOPS, SECTION_NUMBERED, SENTENCE_MARK, Para
from .credits import UNIT_COLON, _attribution, _bare_unit_line

#: Marks a headline before a space never holds. Example: ， in 今年以来，县住建局 ….
HEADLINE_STOPS = Regex(r"[，。；：！？,;:]")


#: Where the first clause of a paragraph ends. Example: ， in 县科工局加速技改，建立….
CLAUSE_STOP = Regex(r"[，。；：]")


#: The space between a headline and its body. Example: the space in 县住建局推进改造 今年以来….
HEADLINE_GAP = Regex(r"[ \u3000]+")


@functools.lru_cache(maxsize=None)
def _lead_pattern(limit: int) -> re.Pattern[str]:
    """A first sentence of 2 to ``limit`` characters. Example: 全盘谋项目。"""
    return regexcache.compile(r"([^。！？]{2,%d}?)[。！？]" % limit)


def _lead_sentence(text: str, limit: int = 30) -> tuple[str, str] | None:
    """A short first sentence as headline: ``全盘谋项目。坚持…`` → (``全盘谋项目``, ``坚持…``)."""
    m = _lead_pattern(limit).match(text)
    if not m or not text[m.end():].strip():
        return None
    return m.group(1).strip(), text[m.end():].strip()


def lead_headline(text: str) -> tuple[str, str] | None:
    """A paragraph's short first sentence as its headline, unless the sentence opens in time, as a
    brief's or an entry's text does: ``1958年7月1日，县委决定创办《明水生产报》。创刊时…`` has none."""
    return None if TIME_OPENING.match(text) else _lead_sentence(text)


def _headline_space(text: str) -> bool:
    """``县住建局扎实推进老旧小区改造 今年以来，…。``: a headline, a space, then a body of sentences."""
    head, body, inferred = split_headline(text)
    return (head is not None and not inferred and len(head) >= 6 and text[len(head):len(head) + 1].isspace()
            and bool(SENTENCE_MARK.search(body)))


def _glued_headline(head: str) -> bool:
    """Text before a dateline that is a headline: no stop in it, or a short one of two phrases
    with a comma, neither opening as a body does. Example: 热血送暖，为生命接力 of
    热血送暖，为生命接力2月25日，我局组织…; not 今年以来，县住建局."""
    if not HEADLINE_STOPS.search(head):
        return True
    parts = head.split("，")
    return len(head) <= 24 and len(parts) == 2 and all(len(x) >= 3 for x in parts) \
        and not HEADLINE_STOPS.search(head.replace("，", "")) \
        and not any((m := BODY_OPENERS.match(x)) and len(m.group(0)) >= 2 for x in parts)  # (为, 以: words too)


def split_headline(text: str) -> tuple[str | None, str, bool]:
    """Headline and body of a bulletin paragraph, and whether the boundary had to be inferred.

    >>> split_headline("县住建局危房改造惠民生 开展农村低收入群体住房核查工作。")
    ('县住建局危房改造惠民生', '开展农村低收入群体住房核查工作。', False)
    >>> split_headline("县人社局：开展春风行动 今年以来，组织招聘会5场。")
    ('县人社局：开展春风行动', '今年以来，组织招聘会5场。', False)
    >>> split_headline("抓改造、惠民生，县住建局扎实推进老旧小区改造 今年以来，共改造小区12个。")[0]
    '抓改造、惠民生，县住建局扎实推进老旧小区改造'
    >>> split_headline("今年以来，县住建局 完成改造12个。")[0] is None
    True
    """
    m = HEADLINE_GAP.search(text, 0, 90)
    if m and 4 <= m.start():
        colon = UNIT_COLON.match(text)  # 县人社局：开展春风行动 今年以来，…: the unit's colon is no stop
        head_from = colon.end() if colon and P.UNIT_SUFFIX.search(colon.group(1)) and colon.end() < m.start() else 0
        if not HEADLINE_STOPS.search(text, head_from, m.start()) or comma_headline(text[head_from:m.start()]):
            return text[: m.start()], text[m.end():], False
    lead = _lead_sentence(text, 40)
    if lead and "，" not in lead[0] and "," not in lead[0]:
        return lead[0], lead[1], False
    if (date := TIME_OPENING.search(text, 6, 90)) and _glued_headline(text[:date.start()]):
        return text[:date.start()], text[date.start():], False  # …部署会议2月28日上午，局党组…: glued
    clause = CLAUSE_STOP.split(text, maxsplit=1)[0]
    if 10 <= len(clause) <= 70:
        for opener in BODY_OPENERS.finditer(clause, 8):
            if opener.group(0) == "为" and "以" in clause[:opener.start()]:
                continue  # 以…为 is one frame (西谷村以“创新活力”为主题): its 为 opens no body
            if len(clause) - opener.start() >= 2:
                return clause[: opener.start()], text[opener.start():], True
    return None, text, False


#: The date or time word opening a news item's text, where its headline runs into it with no space.
#: Example: 2月28日上午， of 我局召开…动员部署会议2月28日上午，局党组成员….
DATELINE = Regex(r"(?<![\d年])(?:\d{1,2}月\d{1,2}日(?:[-—至～]\d{1,2}日)?(?:上午|下午|晚上|晚)?|近日|近期|日前|连日来)[，,]")


#: A headline that opens with the unit that did the thing: the county itself (我县), or a unit as
#: tag finds one (:data:`~bulletin_cli.lexicon.patterns.HEADLINE_UNIT`). Example: 县住建局扎实推进…,
#: 龙源街道网格化管理…, 我县召开….
UNIT_HEADLINE = Regex(rf"^(?:我县|我市|我区|全县)(?=[{CJK}“])|{HEADLINE_UNIT.pattern}")


def _long_title(text: str) -> bool:
    """A title too long for a heading that still is one: it ends in a title word and has no
    sentence punctuation. Example: 某县发展和改革委员会2024年工作总结及2025年工作打算."""
    return width(text) <= 100 and not HEADING_STOPS.search(text) and bool(P.TITLE_ENDING.search(text))


def _is_heading(p: Para) -> bool:
    return width(p.text) <= 60 and not HEADING_STOPS.search(p.text) and not P.CAPTION_CREDIT.search(p.text)


def _symbol_section(text: str) -> re.Match[str] | None:
    """A section marked with a symbol, but not a bulleted headline that names its unit:
    ◆ 民生保障 is a section, ◆县人社局开展春风行动 a headline (unless a closing mark makes it one)."""
    m = P.SECTION_SYMBOL.match(text)
    if m and UNIT_HEADLINE.match(m.group(1)) and not text.rstrip().endswith(P.SECTION_CLOSERS):
        return None
    return m


def _headline_on_own_line(body: list[Para], k: int) -> bool:
    """A short line with no sentence punctuation, followed by running text: an item's headline set
    on a line of its own. Example: 县住建局扎实推进老旧小区改造 ⏎ 今年以来，县住建局….
    """
    p = body[k]
    t = p.text
    if k + 1 >= len(body) or width(t) > 80 or LINE_STOPS.search(t) or t.endswith(("：", ":")):
        return False
    if SECTION_BRACKET.match(t) or SECTION_NUMBERED.match(t) or _symbol_section(t) or _attribution(t, whole=True) \
            or _bare_unit_line(t) or P.CHROME.match(t) or P.FIELD_LABEL.match(t) or P.CAPTION_CREDIT.search(t):
        return False  # (特约摄影 栗卢建 摄 on a line of its own closes a caption)
    nxt = body[k + 1].text
    if (SUBTITLE.match(nxt) or _attribution(nxt, whole=True)) and k + 2 < len(body):
        # 县住建局扎实推进老旧小区改造 ⏎ ——全年改造小区12个 ⏎ 今年以来，…; or a credit between them,
        # the unit set under its headline or another item's read out of order
        nxt = body[k + 2].text
    return bool(SENTENCE_MARK.search(nxt)) and not SECTION_BRACKET.match(nxt)


#: How wide a section's name is at most (four to eight characters: 部门动态, 乡镇传真).
SECTION_NAME_WIDTH = 16


def briefs_under(paras: list[Para], k: int) -> int:
    """How many paragraphs right under paragraph ``k`` are briefs: sentences opening in time, as a
    简讯's do (3月2日，县农业农村局组织…。 ⏎ 3月5日，县人社局举办…。)."""
    n = 0
    for p in paras[k + 1:]:
        if not (TIME_OPENING.match(p.text) and SENTENCE_MARK.search(p.text)):
            break
        n += 1
    return n


def brief_section(paras: list[Para], k: int) -> bool:
    """A section's name in its marks over two or more briefs, not a story's headline:
    【部门动态】 ⏎ 3月2日，县农业农村局… ⏎ 3月5日，县人社局…."""
    m = SECTION_BRACKET.match(paras[k].text) or _symbol_section(paras[k].text)
    return bool(m) and width(m.group(1).strip()) <= SECTION_NAME_WIDTH and briefs_under(paras, k) >= 2

