"""Spacing, character width, punctuation and markup, as Chinese government style writes them.

>>> fix_spacing("共谋划储备 500 万元以上项目 226 个", Changes())
'共谋划储备500万元以上项目226个'
"""

from __future__ import annotations

import html
import re

from .changes import Changes, counted_sub
from .patterns import CJK

#: Full-width digits and Latin letters. Example: ２０２４ → 2024, ＢＯＯ → BOO.
FULLWIDTH_ALNUM = re.compile(r"[０-９Ａ-Ｚａ-ｚ]+")
#: Middle dots from Japanese fonts and IMEs, set as the GB middle dot. Example: 60・80 → 60·80.
MIDDLE_DOT = re.compile(r"[\u30fb\uff65]")
#: A full-width full stop or comma between digits. Example: ３．６ → 3.6 (after folding the digits).
FULLWIDTH_DECIMAL = re.compile(r"(?<=\d)[．](?=\d)")

#: Bold/underline markup from Markdown-ish extraction, not next to redaction asterisks.
#: Example: **县农业农村局** → 县农业农村局, but ***区 stays.
MARKUP_BOLD = re.compile(r"(?<![*_])(\*\*|__)(?![*_\s])([^*_\n]{1,40}?)(?<![*_\s])\1(?![*_])")
#: Stray HTML tags. Example: <p>, </span>, <br/>.
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]*)?/?>")
#: HTML entities. Example: &nbsp; &amp; &#12290;
HTML_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,7}|#[xX][0-9A-Fa-f]{2,6});")

#: ASCII punctuation touching Chinese text, to be set full-width. Example: 改革,下沉 → 改革，下沉.
ASCII_COMMA = re.compile(rf"(?<=[{CJK}”’）」』》])\s?,\s?|,\s?(?=[{CJK}“‘（「『《])")
ASCII_COLON = re.compile(rf"(?<=[{CJK}）)])\s?:\s?(?!\d)")
ASCII_SEMICOLON = re.compile(rf"(?<=[{CJK}”’）」』》])\s?;\s?|;\s?(?=[{CJK}])")
ASCII_QUESTION = re.compile(rf"(?<=[{CJK}])\?")
ASCII_EXCLAIM = re.compile(rf"(?<=[{CJK}])!")
#: Half-width parentheses around or beside Chinese text. Example: (一) → （一）, 村(社区) → 村（社区）.
ASCII_PARENS = re.compile(rf"\(([^()\n]{{0,60}}?[{CJK}][^()\n]{{0,60}}?)\)|(?<=[{CJK}])\(([^()\n]{{1,60}})\)")

#: A space between an ideograph and a digit or Latin letter, either way round. Example: 2024 年.
CJK_ALNUM_SPACE = re.compile(rf"(?<=[{CJK}]) (?=[0-9A-Za-z])|(?<=[0-9A-Za-z%]) (?=[{CJK}])")
#: Single ideographs spaced out, as typesetters pad short names. Example: 李 勉 → 李勉, 第 八 期.
LETTER_SPACED = re.compile(rf"(?<![{CJK}])[{CJK}](?:[ \u3000]{{1,3}}[{CJK}](?![{CJK}]))+")
#: The space after an item's headline, which must survive: ideograph or closing quote, space,
#: then an ideograph or opening quote. Example: …实现“开门红” 建立….
HEADLINE_SPACE = re.compile(rf"(?<=[{CJK}”’」』）])[ \u3000]+(?=[{CJK}“‘「『（])")
HEADLINE_SPACE_DIGIT = re.compile(rf"(?<=[{CJK}”’」』）]) (?=\d)")
KEEP = "\ue000"  # private-use stand-in for a protected headline space


def strip_markup(text: str, changes: Changes) -> str:
    """Remove ``**bold**``, ``__x__``, HTML tags and entities; remember the marked spans."""

    def bold(m: re.Match[str]) -> str:
        changes.marks.append(m.group(2))
        return m.group(2)

    text = counted_sub(MARKUP_BOLD, bold, text, changes, "markup")
    text = counted_sub(HTML_TAG, "", text, changes, "html_tags")
    text = counted_sub(HTML_ENTITY, lambda m: html.unescape(m.group(0)).replace("\xa0", " "), text,
                       changes, "html_entities")
    return text


def fold_width(text: str, changes: Changes) -> str:
    """Full-width digits and letters to half-width: ２０２４ → 2024."""
    text = counted_sub(FULLWIDTH_ALNUM, lambda m: "".join(chr(ord(c) - 0xFEE0) for c in m.group(0)),
                       text, changes, "fullwidth_alnum")
    text = counted_sub(MIDDLE_DOT, "\u00b7", text, changes, "middle_dot")
    return counted_sub(FULLWIDTH_DECIMAL, ".", text, changes, "fullwidth_alnum")


def fix_punctuation(text: str, changes: Changes) -> str:
    """ASCII punctuation inside Chinese text to full-width, numbers such as 3.6, 1:500 left alone."""
    text = counted_sub(ASCII_COMMA, "，", text, changes, "punctuation_width")
    text = counted_sub(ASCII_COLON, "：", text, changes, "punctuation_width")
    text = counted_sub(ASCII_SEMICOLON, "；", text, changes, "punctuation_width")
    text = counted_sub(ASCII_QUESTION, "？", text, changes, "punctuation_width")
    text = counted_sub(ASCII_EXCLAIM, "！", text, changes, "punctuation_width")
    return counted_sub(ASCII_PARENS, lambda m: "（" + (m.group(1) or m.group(2) or "") + "）", text,
                       changes, "punctuation_width")


def _protect_headline_space(line: str) -> str:
    """Swap the space after a headline for :data:`KEEP`, so spacing rules leave it alone."""
    for pattern in (HEADLINE_SPACE, HEADLINE_SPACE_DIGIT):
        m = pattern.search(line)
        if not m:
            continue
        head = line[: m.start()]
        if 6 <= len(head) <= 80 and not re.search(r"[，。；：,;:！？]", head) and len(line) - m.end() >= 10:
            return head + KEEP + line[m.end():]
    return line


def fix_spacing(text: str, changes: Changes) -> str:
    """Remove the spaces extraction puts around digits and between spaced-out single ideographs,
    keeping the space that separates a headline from its body."""
    lines = [_protect_headline_space(line) for line in text.split("\n")]
    text = "\n".join(lines)
    text = counted_sub(LETTER_SPACED, lambda m: re.sub(r"[ \u3000]", "", m.group(0)), text, changes,
                       "cjk_spacing")
    text = counted_sub(CJK_ALNUM_SPACE, "", text, changes, "cjk_spacing")
    return text.replace(KEEP, " ")
