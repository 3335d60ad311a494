"""Spacing, as Chinese government style writes it: no spaces around digits or between spaced-out
ideographs, but the space that sets a headline off its body kept.

>>> fix_spacing("共谋划储备 500 万元以上项目 226 个", Changes())
'共谋划储备500万元以上项目226个'
"""

from __future__ import annotations

import re

from ..changes import Changes, counted_sub
from ..lexicon.patterns import CJK, Regex, comma_headline

#: A space between an ideograph and a digit or Latin letter, either way round. Example: 2024 年.
CJK_ALNUM_SPACE = Regex(rf" (?:(?<=[{CJK}] )(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%] )(?=[{CJK}]))")


#: Single ideographs spaced out, as typesetters pad short names. Example: 李 勉 → 李勉, 第 八 期.
LETTER_SPACED = Regex(rf"[{CJK}](?:[ \u3000]{{1,3}}[{CJK}](?![{CJK}]))+")


#: A quick test for :data:`LETTER_SPACED`: the blanks it allows between an ideograph and a lone
#: ideograph (简  讯 as well as 李 勉).
LETTER_SPACED_HINT = Regex(rf"[ \u3000](?<=[{CJK}][ \u3000])[ \u3000]{{0,2}}[{CJK}](?![{CJK}])")


#: The space after an item's headline, which must survive: ideograph or closing quote, space,
#: then an ideograph or opening quote. Example: …实现“开门红” 建立….
HEADLINE_SPACE = Regex(rf"(?<=[{CJK}”’」』）])[ \u3000]+(?=[{CJK}“‘「『（])")


#: The same when the body opens with a number. Example: …隐患排查 2月份以来….
HEADLINE_SPACE_DIGIT = Regex(rf"(?<=[{CJK}”’」』）]) (?=\d)")


#: A count set apart on both sides by an extractor, a word after it (not a date: a body may open with
#: 2024 年 after its headline's space). Example: 36 个 of 全镇 36 个村.
SET_APART_NUMBER = Regex(rf"\d+(?:\.\d+)?%? (?![年月日])(?=[{CJK}])")


KEEP = "\ufdd0"  # stand-in for a protected headline space: a noncharacter, never in real text


#: A headline that names its unit before a colon. Example: 县人社局：开展春风行动.
UNIT_COLON_HEAD = Regex(rf"^[{CJK}]{{2,15}}[：:][^，。；：,;:！？]+$")


def _protect_headline_space(line: str) -> str:
    """Swap the space after a headline for :data:`KEEP`, so spacing rules leave it alone."""
    if " " not in line[:90] and "\u3000" not in line[:90]:
        return line
    for pattern in (HEADLINE_SPACE, HEADLINE_SPACE_DIGIT):
        m = pattern.search(line, 0, 92)
        if not m:
            continue
        head = line[: m.start()]
        if pattern is HEADLINE_SPACE_DIGIT and (" " in head or "\u3000" in head or SET_APART_NUMBER.match(line, m.end())):
            continue  # 县住建局 开展 2024 年: a spaced-out phrase, not a headline before a number; nor 马头镇将全镇 36 个村:
            #           a number set apart on both sides, as pdftotext -layout sets every one
        if 6 <= len(head) <= 80 and (not re.search(r"[，。；：,;:！？]", head) or comma_headline(head)
                                     or UNIT_COLON_HEAD.match(head)) and len(line) - m.end() >= 10:
            return head + KEEP + line[m.end():]
    return line


def _close_up(m: re.Match[str]) -> str:
    """``李 勉`` → ``李勉``, unless the first character continues a word (``审核 李``)."""
    if m.start() and re.match(f"[{CJK}]", m.string[m.start() - 1]):
        return m.group(0)
    return m.group(0).replace(" ", "").replace("\u3000", "")


def unspace(line: str, changes: Changes) -> str:
    """A line whose characters all stand one space apart, as some extractors give justified text,
    closed up; a wider gap stays as one space.

    >>> unspace("今 年 以 来 ， 县 住 建 局 改 造 小 区 1 2 个 。", Changes())
    '今年以来，县住建局改造小区12个。'
    """
    if line.count(" ") < 2:
        return line
    tokens = line.split(" ")
    singles = sum(1 for t in tokens if len(t) == 1)
    words = sum(1 for t in tokens if t)
    if not (singles == words >= 3 or (len(tokens) >= 8 and singles >= 0.9 * len(tokens))):
        return line  # (short lines only when every piece is one character: 县 政 府 ：)
    out, gap = [], False
    for t in tokens:
        if not t:
            gap = True
            continue
        if gap and out:
            out.append(" ")
        out.append(t)
        gap = False
    joined = "".join(out)
    changes.add("cjk_spacing", line[:12], joined[:8])  # one change a line, as for 李 勉
    return joined


def fix_spacing(text: str, changes: Changes) -> str:
    """Remove the spaces extraction puts around digits and between spaced-out single ideographs,
    keeping the space that separates a headline from its body."""
    if " " not in text and "\u3000" not in text:
        return text
    lines = [_protect_headline_space(line) for line in text.split("\n")]
    text = "\n".join(lines)
    if LETTER_SPACED_HINT.search(text):
        text = counted_sub(LETTER_SPACED, _close_up, text, changes, "cjk_spacing")
    text = counted_sub(CJK_ALNUM_SPACE, "", text, changes, "cjk_spacing")
    return text.replace(KEEP, " ")
