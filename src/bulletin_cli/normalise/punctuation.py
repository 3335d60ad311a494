"""Punctuation: ASCII marks inside Chinese text to their full-width forms, numbers left alone.

>>> fix_punctuation("改革,下沉城乡(社区)", Changes())
'改革，下沉城乡（社区）'
"""

from __future__ import annotations

import re

from ..changes import Changes, counted_sub
from ..lexicon.patterns import CJK, Regex

#: ASCII punctuation touching Chinese text, and the full-width mark it becomes. Each pattern opens
#: with the mark itself (fast to scan for) and looks around it. Examples: 改革,下沉 → 改革，下沉;
#: 时间:2023 → 时间：2023; 1,000 and 1:500 stay as they are.
ASCII_PUNCT_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (Regex(rf",(?<=[{CJK}”’）」』》],)|,(?=[{CJK}“‘（「『《])"), "，"),
    (Regex(rf":(?<=[{CJK}）)]:)(?!\d)"), "："),
    (Regex(rf";(?<=[{CJK}”’）」』》];)|;(?=[{CJK}])"), "；"),
    (Regex(rf"\?(?<=[{CJK}]\?)"), "？"),
    (Regex(rf"!(?<=[{CJK}]!)"), "！"),
    (Regex(r" +(?=[，：；？！])"), ""),
    (Regex(r" (?<=[，：；？！] ) *"), ""),
)


#: Any ASCII mark :func:`fix_punctuation` may change; texts without one are skipped. Example: ,
ASCII_ANY = Regex(r"[,:;?!()]")


#: Characters that count as Chinese on the left or right of a parenthesis.
CJK_LEFT = Regex(rf"[{CJK}”’）」』》]")


CJK_RIGHT = Regex(rf"[{CJK}“‘（「『《]")


#: Half-width parentheses around or beside Chinese text. Example: (一) → （一）, 村(社区) → 村（社区）.
ASCII_PARENS = Regex(r"\(([^()\n]{0,60})\)")


#: A glyph that pdfminer/pdfplumber could not map to a character, as they write it. Example: (cid:2345).
CID_GLYPH = Regex(r"\(cid:\d+\)")


def _full_parens(m: re.Match[str]) -> str:
    inside = m.group(1)
    if inside.startswith("cid:") and inside[4:].isdigit():
        return m.group(0)  # (cid:2345) is an extractor's mark for an unmapped glyph, kept as written
    left = m.string[m.start() - 1] if m.start() else ""
    if CJK_RIGHT.search(inside) or (left and CJK_LEFT.match(left) and inside):
        return "（" + inside + "）"
    return m.group(0)


def fix_punctuation(text: str, changes: Changes) -> str:
    """ASCII punctuation inside Chinese text to full-width, numbers such as 3.6, 1:500 left alone."""
    if not ASCII_ANY.search(text):
        return text
    for pattern, mark in ASCII_PUNCT_RULES:
        text = counted_sub(pattern, mark, text, changes, "punctuation_width")
    if "(" in text:
        text = counted_sub(ASCII_PARENS, _full_parens, text, changes, "punctuation_width")
    return text
