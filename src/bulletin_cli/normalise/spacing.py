"""Spacing, character width, punctuation and markup, as Chinese government style writes them.

>>> fix_spacing("共谋划储备 500 万元以上项目 226 个", Changes())
'共谋划储备500万元以上项目226个'
"""

from __future__ import annotations

import html
import re
import unicodedata

from ..changes import Changes, counted_sub
from ..lexicon.patterns import CJK, comma_headline

#: Full-width digits and Latin letters. Example: ２０２４ → 2024, ＢＯＯ → BOO.
FULLWIDTH_ALNUM = re.compile(r"[０-９Ａ-Ｚａ-ｚ]+")
#: Middle dots from Japanese fonts and IMEs, set as the GB middle dot. Example: 60・80 → 60·80.
MIDDLE_DOT = re.compile(r"[\u30fb\uff65]")
#: Anything :func:`fold_width` would change, to skip texts that need nothing.
WIDTH_ANY = re.compile(r"[０-９Ａ-Ｚａ-ｚ\u30fb\uff65]")
#: A full-width full stop or comma between digits. Example: ３．６ → 3.6 (after folding the digits).
FULLWIDTH_DECIMAL = re.compile(r"(?<=\d)[．](?=\d)")

#: Radical and compatibility forms that PDF extraction gives for ordinary characters (fonts that
#: map a glyph to the Kangxi radical block): folded to the ideograph. Example: ⽇常 → 日常, ⼯作 → 工作.
RADICAL_FORMS = re.compile(r"[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]")
#: Radicals of the supplement block with no Unicode decomposition, and the character each stands
#: for when it stands alone. Example: ⻓ → 长, ⻔ → 门.
RADICAL_SUPPLEMENT = dict(zip(
    "⺟⺠⻄⻅⻆⻉⻋⻓⻔⻘⻙⻚⻛⻜⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳",
    "母民西见角贝车长门青韦页风飞马骨鬼鱼鸟卤麦黄黾齐齿龙龟",
))
#: Bold/underline markup from Markdown-ish extraction, not next to redaction asterisks.
#: Example: **县农业农村局** → 县农业农村局, but ***区 stays.
MARKUP_BOLD = re.compile(r"(?<![*_])(\*\*|__)(?![*_\s])([^*_\n]{1,40}?)(?<![*_\s])\1(?![*_])")
#: Markdown block marks at the start of a line: headings and quotes. Example: ## 【项目建设】 → 【项目建设】.
MARKDOWN_BLOCK = re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?)(?=\S)", re.MULTILINE)
#: Closing hashes of a Markdown heading. Example: ## 工作动态 ## → 工作动态.
MARKDOWN_CLOSING = re.compile(r"(?<=\S)[ \t]+#{1,6}[ \t]*$", re.MULTILINE)
#: Stray HTML tags. Example: <p>, </span>, <br/>.
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]*)?/?>")
#: HTML entities. Example: &nbsp; &amp; &#12290;
HTML_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,7}|#[xX][0-9A-Fa-f]{2,6});")
#: ASCII punctuation touching Chinese text, and the full-width mark it becomes. Each pattern opens
#: with the mark itself (fast to scan for) and looks around it. Examples: 改革,下沉 → 改革，下沉;
#: 时间:2023 → 时间：2023; 1,000 and 1:500 stay as they are.
ASCII_PUNCT_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf",(?<=[{CJK}”’）」』》],)|,(?=[{CJK}“‘（「『《])"), "，"),
    (re.compile(rf":(?<=[{CJK}）)]:)(?!\d)"), "："),
    (re.compile(rf";(?<=[{CJK}”’）」』》];)|;(?=[{CJK}])"), "；"),
    (re.compile(rf"\?(?<=[{CJK}]\?)"), "？"),
    (re.compile(rf"!(?<=[{CJK}]!)"), "！"),
    (re.compile(r" +(?=[，：；？！])"), ""),
    (re.compile(r" (?<=[，：；？！] ) *"), ""),
)
#: Any ASCII mark :func:`fix_punctuation` may change; texts without one are skipped. Example: ,
ASCII_ANY = re.compile(r"[,:;?!()]")
#: Characters that count as Chinese on the left or right of a parenthesis.
CJK_LEFT = re.compile(rf"[{CJK}”’）」』》]")
CJK_RIGHT = re.compile(rf"[{CJK}“‘（「『《]")
#: Half-width parentheses around or beside Chinese text. Example: (一) → （一）, 村(社区) → 村（社区）.
ASCII_PARENS = re.compile(r"\(([^()\n]{0,60})\)")

#: A space between an ideograph and a digit or Latin letter, either way round. Example: 2024 年.
CJK_ALNUM_SPACE = re.compile(rf" (?:(?<=[{CJK}] )(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%] )(?=[{CJK}]))")
#: Single ideographs spaced out, as typesetters pad short names. Example: 李 勉 → 李勉, 第 八 期.
LETTER_SPACED = re.compile(rf"[{CJK}](?:[ \u3000]{{1,3}}[{CJK}](?![{CJK}]))+")
#: A quick test for :data:`LETTER_SPACED`: a blank between an ideograph and a lone ideograph.
LETTER_SPACED_HINT = re.compile(rf"[ \u3000](?<=[{CJK}][ \u3000])[{CJK}](?![{CJK}])")
#: The space after an item's headline, which must survive: ideograph or closing quote, space,
#: then an ideograph or opening quote. Example: …实现“开门红” 建立….
HEADLINE_SPACE = re.compile(rf"(?<=[{CJK}”’」』）])[ \u3000]+(?=[{CJK}“‘「『（])")
#: The same when the body opens with a number. Example: …隐患排查 2月份以来….
HEADLINE_SPACE_DIGIT = re.compile(rf"(?<=[{CJK}”’」』）]) (?=\d)")
KEEP = "\ufdd0"  # stand-in for a protected headline space: a noncharacter, never in real text
#: A headline that names its unit before a colon. Example: 县人社局：开展春风行动.
UNIT_COLON_HEAD = re.compile(rf"^[{CJK}]{{2,15}}[：:][^，。；：,;:！？]+$")


def strip_markup(text: str, changes: Changes) -> str:
    """Remove ``**bold**``, ``__x__``, HTML tags and entities; remember the marked spans."""

    def bold(m: re.Match[str]) -> str:
        changes.marks.append(m.group(2))
        return m.group(2)

    if "#" in text or ">" in text:
        before = text
        text = counted_sub(MARKDOWN_BLOCK, "", text, changes, "markup")
        if text is not before and "#" in text:
            text = counted_sub(MARKDOWN_CLOSING, "", text, changes, "markup")
    if "**" in text or "__" in text:
        text = counted_sub(MARKUP_BOLD, bold, text, changes, "markup")
    if "<" in text:
        text = counted_sub(HTML_TAG, "", text, changes, "html_tags")
    if "&" in text:
        text = counted_sub(HTML_ENTITY, lambda m: html.unescape(m.group(0)).replace("\xa0", " "), text,
                           changes, "html_entities")
    return text


def _radical(m: re.Match[str]) -> str:
    ch = m.group(0)
    return RADICAL_SUPPLEMENT.get(ch) or unicodedata.normalize("NFKC", ch)


def fold_radicals(text: str, changes: Changes) -> str:
    """Kangxi radicals and compatibility ideographs from PDF fonts to the ordinary character.

    >>> fold_radicals("开展⽇常巡查⼯作", Changes())
    '开展日常巡查工作'
    """
    if not RADICAL_FORMS.search(text):
        return text
    return counted_sub(RADICAL_FORMS, _radical, text, changes, "radicals")


def fold_width(text: str, changes: Changes) -> str:
    """Full-width digits and letters to half-width: ２０２４ → 2024."""
    if not WIDTH_ANY.search(text):
        return text
    text = counted_sub(FULLWIDTH_ALNUM, lambda m: "".join(chr(ord(c) - 0xFEE0) for c in m.group(0)),
                       text, changes, "fullwidth_alnum")
    text = counted_sub(MIDDLE_DOT, "\u00b7", text, changes, "middle_dot")
    return counted_sub(FULLWIDTH_DECIMAL, ".", text, changes, "fullwidth_alnum")


#: A glyph that pdfminer/pdfplumber could not map to a character, as they write it. Example: (cid:2345).
CID_GLYPH = re.compile(r"\(cid:\d+\)")


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


def _protect_headline_space(line: str) -> str:
    """Swap the space after a headline for :data:`KEEP`, so spacing rules leave it alone."""
    if " " not in line[:90] and "\u3000" not in line[:90]:
        return line
    for pattern in (HEADLINE_SPACE, HEADLINE_SPACE_DIGIT):
        m = pattern.search(line, 0, 92)
        if not m:
            continue
        head = line[: m.start()]
        if pattern is HEADLINE_SPACE_DIGIT and (" " in head or "\u3000" in head):
            continue  # 县住建局 开展 2024 年: a spaced-out phrase, not a headline before a number
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
