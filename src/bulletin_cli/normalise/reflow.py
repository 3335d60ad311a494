"""Repair PDF extraction damage: line ends, page numbers, running headers, and broken lines.

>>> reflow_text("县人社局开展追缴工作 汇聚县、乡、村三级追缴合力，通过电话、短信\\n\\n等方式提醒当事人。（人社局）\\n")[0]
'县人社局开展追缴工作 汇聚县、乡、村三级追缴合力，通过电话、短信等方式提醒当事人。（人社局）\\n'
"""

from __future__ import annotations

import re
from collections import Counter

from ..changes import Changes, counted_sub
from ..lexicon.patterns import (
    ATTRIBUTION_END,
    BREADCRUMB,
    CJK,
    DATE,
    DATE_NUMERIC,
    ISSUE,
    LEAD_SENTENCE,
    NOTICE_ENDING,
    SECTION_BRACKET,
    SENTENCE_END,
    SENTENCE_STOPS,
    TIME_OPENING,
    P,
    Regex,
    is_wide,
    tail_credit_name,
    width,
)
from ..variants import shadow

#: Line-break characters other than \\n. Example: \\r\\n from Windows, \\f between PDF pages.
OTHER_BREAKS = Regex(r"\r\n|[\r\v\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
#: Characters with no content that extraction leaves behind. Example: U+200B, NUL, a stray BOM.
INVISIBLE = Regex(r"[\x00\u200b\u200c\u200d\u2060\ufeff\u00ad]")
#: Indentation and trailing blanks, including U+3000 and NBSP. Example: "\u3000\u3000县住建局…".
BLANKS = " \t\u3000\u00a0\u2002\u2003\u2009"
#: Runs of folded digits in a header key. Example: 第##页 → 第#页.
HASH_RUN = Regex(r"#+")
#: Punctuation that cannot open a line; found there, it belongs to the line before. Example: ，了解…
ORPHAN_CHARS = "，。、；：？！,.;:?!）)》」』】”’…%％"
#: A gap of four or more spaces inside a line: fields laid out apart, as in a masthead.
FIELD_GAP = "    "
#: A line that opens a bulletin item: a headline, then a space. Example: 县住建局开展危房核查 摸清….
ITEM_OPENING = Regex(r"^[^，。；：！？,;:!?\s]{4,60}[ \u3000]")


class Line(str):
    """A cleaned line that remembers how far it was indented (in display columns) before."""

    indent = 0
    #: The line ended in a space after a wide character: where a wrap fell on the space between a
    #: headline and its text (``…专项行动 ⏎ 潭龙街道…``), a space the join keeps.
    spaced = False


#: Display columns of each indentation character. Example: U+3000 counts two, like a hanzi.
INDENT_WIDTH = {" ": 1, "\t": 4, "\u3000": 2, "\u00a0": 1, "\u2002": 1, "\u2003": 2, "\u2009": 1}


def indented(text: str, indent: int) -> Line:
    line = Line(text)
    line.indent = indent
    return line


def clean_lines(text: str, changes: Changes) -> tuple[list[str], int]:
    """Unify line ends, drop invisible characters and indentation; return lines and page breaks.

    Each line is a :class:`Line` that keeps its former indentation: a first-line indent marks a
    paragraph start that :func:`reflow_lines` respects."""
    pages = text.count("\f")
    if OTHER_BREAKS.search(text):
        text = counted_sub(OTHER_BREAKS, "\n", text, changes, "line_ends", context=0)
    if INVISIBLE.search(text):
        text = counted_sub(INVISIBLE, "", text, changes, "invisible_chars", context=2)
    lines: list[str] = text.split("\n")
    for i, line in enumerate(lines):
        stripped = line.strip(BLANKS)
        if len(stripped) != len(line):
            changes.add("indentation", line[:8], stripped[:8])
            lead = line[: len(line) - len(line.lstrip(BLANKS))]
            lines[i] = indented(stripped, sum(INDENT_WIDTH.get(c, 1) for c in lead)) if lead else stripped
            if stripped and line.endswith(" ") and is_wide(stripped[-1]) and stripped[-1] not in "。！？；：，、":
                if lines[i].__class__ is not Line:
                    lines[i] = indented(stripped, 0)
                lines[i].spaced = True
    return lines, pages


_KEY_TABLE = str.maketrans("0123456789", "##########", " \t\u3000\u00a0")


def _header_key(line: str) -> str:
    """A line with blanks dropped and digit runs folded: ``延津政务快报 第 12 页`` → ``延津政务快报第#页``."""
    key = line.translate(_KEY_TABLE)
    return HASH_RUN.sub("#", key) if "##" in key else key


#: What a running header may add to the masthead title: issue, date or page, digits folded.
#: Example: 第#期 of 长丰县政务信息 第33期, （总第#期）, #年#月#日, 第#页.
HEADER_REST = Regex(r"^[（(〔\[]?[#第期总年月日页共号/\-—·.．〇一二三四五六七八九十〔〕\[\]]*[）)〕\]]?$")


def _masthead_title(short: dict[int, str], head: set[int]) -> list[str]:
    """The keys of the document's masthead titles: its first line when it looks like one (4 to 20
    characters, no sentence mark), and a bulletin's name among its first lines (工  作  简  报 under
    the office's name). Example: 长丰县政务信息."""
    keys = []
    for i in sorted(head):
        line = short.get(i)
        if line is None or not 4 <= len(line) <= 20 or SENTENCE_END.search(line) or _SENTENCE_MARK.search(line):
            continue
        key = _header_key(line)
        if "#" not in key and (i == min(head) or P.TITLE.match(key)):
            keys.append(key)
    return keys


#: The issuer's short name a running header may set before the bulletin's name. Example: 千岛湖镇 of
#: 千岛湖镇工作简报 〔2024〕第7期.
HEADER_PREFIX = Regex(rf"^[{CJK}]{{0,8}}$")


def _repeats_title(key: str, titles: list[str]) -> bool:
    """A later line that is a masthead title again, perhaps after its issuer's short name, with at
    most an issue, date or page number: a running header. Example: 长丰县政务信息第#期 for the title
    长丰县政务信息, 千岛湖镇工作简报〔#〕第#期 for 工作简报."""
    for title in titles:
        at = key.find(title)
        if at < 0:
            continue
        before, rest = key[:at], key[at + len(title):]
        if (not before and HEADER_REST.match(rest)) or (not rest and HEADER_REST.match(before)) \
                or (before and HEADER_PREFIX.match(before) and rest and HEADER_REST.match(rest)):
            return True
    return False


def _protected(line: str) -> bool:
    """Lines that may repeat legitimately: sections, attributions, source lines, footer lines, sentences."""
    return bool(SECTION_BRACKET.match(line) or ATTRIBUTION_END.search(line.strip()) or P.SOURCE_LABELLED.match(line)
                or P.FOOTER_LABEL.match(line) or SENTENCE_END.search(line))


#: Characters a page number or a rule line can start with; other lines skip those patterns.


def _signs(lines: list[str], i: int) -> bool:
    """Line ``i`` signs the document: a date alone on the next line that has text (延津县人民政府办公室 ⏎
    2024年5月20日 under a notice whose first line names the same office), never a running header."""
    nxt = "".join(next((ln for ln in lines[i + 1:] if ln.strip()), "").split())  # (2024 年 2 月 26 日, set apart)
    return bool(DATE.fullmatch(nxt) or DATE_NUMERIC.fullmatch(nxt))


def remove_page_artefacts(lines: list[str], changes: Changes, page_breaks: int = 0) -> list[str]:
    """Remove page numbers and running headers/footers (lines repeated on every page).

    A repeated line is a running header when it is short and appears at least three times (twice
    when the text has page breaks); its first appearance stays when it opens the document, since
    that is the masthead.
    """
    short = {i: ln.strip() for i, ln in enumerate(lines)
             if ln and (len(ln) <= 60 or len(" ".join(ln.split())) <= 60)}  # (gaps as one)
    short = {i: s for i, s in short.items() if s}
    # a running header has words: a repeated lone ） (a credit's bracket wrapped) is not one
    keys = {i: _header_key(s) for i, s in short.items()
            if (len(s) <= 30 or width(s) <= 60 or width(" ".join(s.split())) <= 60) and (len(s) > 2 or s.isalnum())}
    counts = Counter(keys.values())
    bare_numbers = _page_sequence([s for s in short.values() if s.isdecimal() and len(s) <= 3])
    need = 2 if page_breaks >= 1 else 3
    if not page_breaks:  # no page breaks to go by: a repeated line is a header only if it recurs regularly
        places: dict[str, list[int]] = {}
        for i, key in keys.items():
            places.setdefault(key, []).append(i)
        counts = Counter({key: n for key, n in counts.items() if n >= need and _regular(places[key])})
    head: set[int] = set()
    for i, ln in enumerate(lines):
        if ln.strip():
            head.add(i)
            if len(head) == 6:
                break
    title = _masthead_title(short, head)
    out: list[str] = []
    seen: set[str] = set()
    for i, line in enumerate(lines):
        stripped = short.get(i)
        if stripped is None:  # blank or long: an artefact only if a long rule
            if len(line) > 60 and _rule(line):
                changes.remove("rule_lines", line.strip())
                continue
            out.append(line)
            continue
        if stripped[0] in P.ARTEFACT_START:
            if P.PAGE_NUMBER.match(stripped) and (not stripped.isdecimal() or bare_numbers >= 2):
                changes.remove("page_numbers", stripped)
                continue
            if _rule(stripped):
                changes.remove("rule_lines", stripped)
                continue
        key = keys.get(i)
        if title and key is not None and i not in head and _repeats_title(key, title) and not _signs(lines, i):
            changes.remove("running_headers", stripped)  # 长丰县政务信息 第33期 atop a later page, even once
            continue
        if key is not None and counts[key] >= need and not _protected(stripped) and not _signs(lines, i):
            if key not in seen and i in head:
                seen.add(key)
                out.append(line)
                continue
            seen.add(key)
            changes.remove("running_headers", stripped)
            continue
        out.append(line)
    return out


def _rule(line: str) -> bool:
    """A rule drawn with characters, no letter or figure in it; or one OCR read as 一一一一一一一一."""
    return bool(P.RULE_LINE.match(line)) and (not any(c.isalnum() for c in line) or not line.replace("一", "").strip())


def _page_sequence(numbers: list[str]) -> int:
    """How many bare numbers alone on a line count as page numbers: they run on by one (2, 3, 4),
    as pages do; a table set one cell a line (32, 23, 63) does not. Example: 2 for [2, 3]. The
    numbers are decimal (str.isdecimal): ①, ² or ₂ pass str.isdigit, but int refuses them."""
    values = [int(n) for n in numbers]
    runs = sum(1 for a, b in zip(values, values[1:]) if b == a + 1)
    return len(values) if values and runs >= max(1, (len(values) - 1) // 2) else 0


#: The fewest lines a page holds: a line repeated more often than this is no running header.
PAGE_LINES = 20


def _regular(places: list[int]) -> bool:
    """Lines repeated at a regular period, as a running header on each page is: the gaps between
    them within a fifth of their mean. A subheading repeated in several items (主要做法) is not."""
    gaps = [b - a for a, b in zip(places, places[1:])]
    if len(gaps) < 2:
        return False
    mean = sum(gaps) / len(gaps)
    return mean >= PAGE_LINES and all(abs(g - mean) <= 0.2 * mean for g in gaps)


def _typical_width(line_widths: list[int]) -> tuple[int, bool]:
    """The wrap width of the text and whether its lines look wrapped at a fixed width: most of
    the lines at least half that wide (headings, credits and the last lines of paragraphs are
    shorter, and many in a bulletin of short items) are near it."""
    widths = sorted(w for w in line_widths if w >= 16)
    if len(widths) < 4:
        return (widths[-1] if widths else 0), False
    w = widths[int(len(widths) * 0.8)]
    near = sum(1 for x in widths if 0.8 * w <= x <= 1.1 * w)
    wide = sum(1 for x in widths if x >= 0.5 * w)
    return w, near >= 0.5 * wide and near >= 4 and w <= 200  # (a handful of lines tells nothing)


#: Share of the lines near the wrap width that end a sentence, above which the lines are whole
#: paragraphs of similar length (a crawled page, a paragraph a line), not lines wrapped at a width:
#: a wrapped line ends a sentence about one time in six.
PARAGRAPH_LINES_SHARE = 0.6


def _lines_are_paragraphs(lines: list["_Line"], wrap: int) -> bool:
    """Whether the lines near the wrap width mostly end a sentence: paragraphs one a line.
    Example: a page crawled with each paragraph of 100 to 200 characters on a line of its own."""
    near = [f for f in lines if 0.8 * wrap <= f.width <= 1.1 * wrap]
    return len(near) >= 4 and sum(f.ends_sentence for f in near) >= PARAGRAPH_LINES_SHARE * len(near)


def _is_block_line(line: str, opening: bool = False) -> bool:
    """A line that stands alone: section, masthead date or issue, attribution; and, as the
    line after a break (``opening``), a footer line such as ``审核：原超俊``."""
    s = line.strip()
    if not s or len(s) > 90:
        return False
    if FIELD_GAP in s:
        return True  # fields set apart by a wide gap: 中共某某县委办公室      2023年6月30日
    if (s[0] in P.WEB_META_FIRST and P.WEB_META.match(s)) or len(P.FACTS_LABEL.findall(s)) >= 2:
        return True  # 来源：…  发布时间：… under a web article's title; || 2022-03-23 编辑: … 阅读次数:2236 |
    if BREADCRUMB.search(s):
        return True  # 首页 > 政务公开 > 通知公告 over a page's title
    first = s[0]
    return bool(
        (first in "【〖[［" and SECTION_BRACKET.match(s))
        or (opening and P.FOOTER_LABEL.match(s))
        or (len(s) <= 30 and (("期" in s and ISSUE.fullmatch(s)) or ("年" in s and DATE.fullmatch(s))))
        or (first in "（(" and ATTRIBUTION_END.fullmatch(s))
    )


#: Punctuation of running text inside a line (a heading has no full stop, and seldom a comma).
#: Example: ， and 。 in 县财政局今年以来拨付资金3亿元。
_BODY_MARK = Regex(r"[，。；！？,;!?]")
#: Sentence punctuation anywhere in a line; a heading has none (the lexicon's). Example: 。 in 全盘谋项目。
_SENTENCE_MARK = SENTENCE_STOPS


def _block_kinds(line: str) -> tuple[bool, bool]:
    """(stands alone, stands alone when it opens a line): see :func:`_is_block_line`."""
    block = _is_block_line(line)
    return block, block or bool(P.FOOTER_LABEL.match(line.strip()))


def _ends_sentence(line: str) -> bool:
    """Ends with 。！？…；, possibly inside closing quotes: ``…成绩。”``."""
    core = line.rstrip("”’」』\"')）)")
    return bool(core) and core[-1] in "。！？!?…；;"


def _closes_paragraph(line: str, full: bool = False) -> bool:
    """Ends a sentence, an attribution such as ``。（住建局）``, or introduces a list with a colon.

    A ``full`` line (as wide as the wrap width) ending in ``；`` or ``：`` was only wrapped there."""
    if _ends_sentence(line):
        return not (full and line.rstrip("”’」』\"')）)")[-1] in "；;")
    if line.endswith(("：", ":")):
        return not full
    if line.endswith(PHOTO_CREDIT_END):
        return True  # a caption's closing credit: …向大会作政府工作报告。 特约摄影 栗卢建 摄
    if not line.endswith(("）", ")")):
        return _tail_credit(line)
    m = ATTRIBUTION_END.search(line)
    return bool(m and (m.start() == 0 or re.search(r"[。！？!?”\s]$", line[: m.start()])))


#: How a photo caption's credit ends a line. Example: 特约摄影 栗卢建 摄.
PHOTO_CREDIT_END = (" 摄", "\u3000摄", " 供图")


def _unit_word(name: str) -> bool:
    """Ends in a unit word, in simplified or traditional characters: 县水利局, 開發區."""
    return bool(P.UNIT_SUFFIX.search(name) or P.UNIT_SUFFIX.search(shadow(name)))


#: A closing bracket early in the next line: the rest of a credit wrapped there. Example: 局 李四）.
CLOSING_SOON = Regex(r"^[^（(【]*[）)】]")


def _open_credit(line: str) -> bool:
    """Ends with a credit whose closing bracket is missing: …124.92亿元。（县开发区, …。（潭龙街道 陈静."""
    m = P.TAIL_CREDIT.search(line) if "（" in line[-32:] or "(" in line[-32:] or "【" in line[-32:] else None
    if not (m and m.group("open") and m.start() > 0):
        return False
    inner = tail_credit_name(m)
    return any(_unit_word(t) for t in inner.split()) or any(_unit_word(inner[:-k]) for k in (2, 3))


def _lone_credit(line: str) -> bool:
    """A line that is only a credit outside round brackets, naming a unit: 【县住建局】, ——县水利局,
    县文旅局供稿 (a line that is only 【民生保障】 is a section)."""
    if line[:1] not in "【—－" and not line.endswith(P.CREDIT_AFTER):
        return False
    m = P.TAIL_CREDIT.match(line)
    return bool(m) and not m.group("open") and _unit_word(tail_credit_name(m))


def _tail_credit(line: str) -> bool:
    """Ends with a credit outside round brackets after a sentence: …观看。县文旅局供稿,
    …12吨。——县水利局, …1200人。【县民政局】."""
    m = P.TAIL_CREDIT.search(line) if line[-1:] in P.TAIL_CREDIT_LAST or "——" in line[-32:] else None
    return bool(m and m.start() > 0 and not m.group("open") and _unit_word(tail_credit_name(m)))


def _unclosed(line: str) -> bool:
    """True when ``line`` leaves a bracket, book-title mark or quote open: ``…40余份。（农业农村``."""
    for opener, closer in (("（", "）"), ("《", "》"), ("(", ")"), ("“", "”"), ("【", "】")):
        at = line.rfind(opener)
        if at >= 0 and at > line.rfind(closer):
            return True
    return False


class _Line:
    """What the join decision needs to know about one physical line: cheap facts at once, the
    regular-expression ones at most once and only when a decision asks for them."""

    __slots__ = ("text", "width", "orphan", "unclosed", "ends_sentence", "indented", "margin", "_heading", "_block",
                 "_opening", "_opens_block", "_opens_paragraph")

    def __init__(self, text: str, text_width: int | None = None) -> None:
        self.text = text
        self.width = width(text) if text_width is None else text_width
        self.orphan = text[0] in ORPHAN_CHARS
        self.unclosed = _unclosed(text)
        self.ends_sentence = _ends_sentence(text)
        self.indented = False
        self.margin = 0  # display columns of first-line indent before the text (a Line's indent)
        self._heading = self._block = self._opening = self._opens_block = self._opens_paragraph = None

    def heading(self) -> bool:
        if self._heading is None:
            self._heading = self.width <= 60 and not _SENTENCE_MARK.search(self.text)
        return self._heading

    def attribution(self) -> bool:
        return self.text[0] in "（(" and bool(ATTRIBUTION_END.fullmatch(self.text))

    def closes(self, full: bool) -> bool:
        return _closes_paragraph(self.text, full)

    def block(self) -> bool:
        if self._block is None:
            self._block, self._opening = _block_kinds(self.text)
        return self._block

    def opening_block(self) -> bool:
        if self._opening is None:
            self._block, self._opening = _block_kinds(self.text)
        return self._opening

    def facts(self) -> bool:
        """A page's facts line: 信息来源：… 发布时间：… under a title."""
        return self.text[:1] in P.WEB_META_FIRST and bool(P.WEB_META.match(self.text))

    def opens_block(self) -> bool:
        if self._opens_block is None:
            self._opens_block = self.opening_block() or bool(P.BLOCK_START.match(self.text)) or self.facts()
        return self._opens_block

    def opens_paragraph(self) -> bool:
        if self._opens_paragraph is None:
            t = self.text
            self._opens_paragraph = self.opening_block() or bool(
                ITEM_OPENING.match(t) or LEAD_SENTENCE.match(t) or P.HARD_BLOCK_START.match(t))
        return self._opens_paragraph


#: How the short tail of a wrapped paragraph may end, where a heading would not: a colon or comma
#: leading on. Example: 结如下： after …现将有关情况总.
CONTINUATION_END = ("：", ":", "，", ",", "、")


def _decide(line: _Line, nxt: _Line, wrap: int, wrapped: bool, opens: bool = False) -> bool:
    """The join decision on two lines' features (see :func:`should_join`); ``opens`` when
    ``line`` is the first of its paragraph so far."""
    if nxt.orphan:
        return True
    if line.text[-1:] in "】]:：" and P.LABEL_END.search(line.text) and not nxt.opens_block():
        return True  # 【成文日期】 ⏎ 2019-12-31: a field's value wrapped away from its label
    full = wrapped and line.width + line.margin >= 0.8 * wrap  # an indented first line is full sooner
    if full and (nxt.attribution() or _lone_credit(nxt.text)) and not line.block():
        return True  # an attribution wrapped onto a line of its own: （开发区）, 【县住建局】, ——县水利局
    if line.unclosed and not nxt.facts():
        # （农业农村 ⏎ 局）: a bracket or quote left open goes on, unless it holds a whole credit and
        # the next line does not close it (the extractor lost the bracket: a new item follows), or
        # the next line is a page's facts line (a title's quotes mismatched: 县市场监管局"四个一“…)
        return not (_open_credit(line.text) and not CLOSING_SOON.search(nxt.text[:24]))
    if opens and line.width >= 0.7 * wrap and nxt.heading() and nxt.width < 0.6 * wrap \
            and not _SENTENCE_MARK.search(line.text) \
            and not line.block() and not nxt.opens_block() and not nxt.attribution() \
            and not nxt.text.endswith(("：", ":")) and not _set_apart(line.text):
        # a headline too long for one line (set larger than the body: 0.7 of its width), its rest
        # centred on the next: …粮食生产目标 ⏎ 任务圆满完成
        return True
    if (full or line.width >= 0.9 * wrap) and line.text[-1].isalnum() and _BODY_MARK.search(line.text) \
            and (nxt.width <= 20 or (line.text[-1].isdigit() and nxt.text[0].isdigit())) \
            and not nxt.opens_block() and not nxt.attribution() and not line.closes(full):
        # running text cut mid-word at a full line, before a short rest or inside a number:
        # …拨付资金3亿元。财 ⏎ 政局供稿, …该镇202 ⏎ 4年夏季小麦…
        return True
    if nxt.indented:
        return False  # a first-line indent opens a paragraph
    if nxt.heading() and not (wrapped and nxt.width >= 0.8 * wrap) and not (full and nxt.width < 8) \
            and not (full and nxt.text.endswith(CONTINUATION_END) and _BODY_MARK.search(line.text)):
        return False
    if wrapped and line.ends_sentence and line.width >= wrap - 4 and not nxt.opens_paragraph():
        return True  # a full line that happens to end a sentence: the paragraph goes on
    if line.closes(full) or line.block() or nxt.opens_block():
        return False
    if (P.DOCUMENT_TITLE.match(line.text) or P.OFFICE_ABOUT.match(line.text)) and NOTICE_ENDING.search(line.text) \
            and not _SENTENCE_MARK.search(line.text):
        return False  # …关于…意见的公告 ⏎ 为规范…: a notice's whole title, however wide, never runs into its text
    if line.heading() and TIME_OPENING.match(nxt.text.lstrip()):
        return False  # a headline, however wide, over its story's first words: …山上采“秋茶” ⏎ 10月中旬，…
    if _labelled_strip(line.text):
        return False  # 国土面积：2021.88平方千米　　常住人口：21.6万人　　辖：3镇7乡: a strip of facts, never text
    return full or not line.heading()


#: A labelled value in a strip of them, set apart from the next by a wide gap. Example: 常住人口：21.6万人　　.
STRIP_FIELD = Regex(r"[^\s：:]{1,8}[：:]\s*[^\s：:。；]{1,24}(?:\s{2,}|\u3000+|$)")


def _labelled_strip(text: str) -> bool:
    """A line of two or more labelled values set apart by wide gaps and no sentence (a page's facts,
    a profile's key figures): it stands alone. Example: 国土面积：2021.88平方千米　　常住人口：21.6万人."""
    text = text.strip()
    return not _SENTENCE_MARK.search(text) and SET_APART_GAP.search(text) is not None \
        and len(STRIP_FIELD.findall(text)) >= 2


#: A gap a masthead sets between its parts. Example: 中共某某县委督查室　　　　二〇二四年六月十日.
SET_APART_GAP = Regex(r"\S(?:\s{2,}|\u3000)\S")


def _set_apart(text: str) -> bool:
    """A line set out in parts, or closing on a date: a masthead's or signature's line, never a
    headline's first line. Example: 中共某某县委督查室　　　　二〇二四年六月十日."""
    text = text.strip()
    return bool(SET_APART_GAP.search(text)) or any(
        (m := pattern.search(text, max(0, len(text) - 20))) is not None and len(text) - m.end() <= 1
        for pattern in (DATE, DATE_NUMERIC))


def _title_wrapped(first: _Line, second: _Line) -> bool:
    """The document's title set large and wrapped onto a second line: neither line has sentence
    punctuation, the first is no whole title, the two together are.
    Example: 宁国市自然资源和规划局关于2024年上半 ⏎ 年工作情况的报告; not a line closing a bracket,
    as a site's heading does (罗定市人民政府网(精选9篇) ⏎ 工作制度)."""
    return (first.heading() and second.heading() and not first.block() and not second.opens_block()
            and first.width >= 24 and (not P.TITLE_ENDING.search(first.text) or second.text[0] in "及和暨与并")
            and bool(P.TITLE_ENDING.search(second.text))
            and not second.text.endswith(("：", ":")) and not first.text.endswith(("）", ")"))
            and not ISSUE.search(first.text) and not DATE_NUMERIC.search(first.text))  # (a page's header line)


def should_join(prev: str, nxt: str, wrap: int, wrapped: bool) -> bool:
    """Whether the line break between ``prev`` and ``nxt`` was made by the extractor, not the author.

    >>> should_join("汇聚县、乡、村三级追缴合力，通过电话、短信", "等方式提醒当事人。（人社局）", 44, True)
    True
    >>> should_join("【民生保障】", "县人社局开展追缴工作 汇聚县、乡、村三级追缴合力。", 30, False)
    False
    """
    return _decide(_Line(prev), _Line(nxt), wrap, wrapped)


def join_pair(prev: str, nxt: str) -> str:
    """Join two pieces: no space next to a wide character, one space between Latin words, none
    inside a number cut at the line's end.

    A redaction mark cut in two (``x`` ⏎ ``xx`` for ``xxx``) is joined whole too.

    >>> join_pair("发现问题4", "7件"), join_pair("引入BOO和EPC", "合作"), join_pair("EPC", "model")
    ('发现问题47件', '引入BOO和EPC合作', 'EPC model')
    >>> join_pair("已完成x", "xx米")
    '已完成xxx米'
    """
    if prev and nxt and not is_wide(prev[-1]) and not is_wide(nxt[0]) and prev[-1].isalnum() and nxt[0].isalnum() \
            and not (prev[-1].isdigit() and nxt[0].isdigit()) and not (prev[-1] in "xX" and nxt[0] in "xX"):
        return prev + " " + nxt
    return prev + nxt


def _paragraph_indents(content: list[str], widths: list[int]) -> list[int]:
    """Lines indented past the text's left margin, when indentation tells paragraphs apart: some
    lines are indented, most are not (a margin on every line, or none, tells nothing)."""
    indents = [line.indent if line.__class__ is Line else 0 for line in content]
    if not any(indents):
        return []
    body = [i for i, w in zip(indents, widths) if w >= 16]
    if not body:
        return []
    margin = min(body)
    marked = [k for k, i in enumerate(indents) if i - margin >= 2]
    return marked if 0.03 <= len(marked) / len(content) <= 0.75 else []


def reflow_lines(lines: list[str], changes: Changes) -> list[str]:
    """Join the lines a PDF extractor broke; blank lines are not trusted as paragraph breaks."""
    content = [ln for ln in lines if ln.strip()]
    if len(content) < 2:
        return content
    widths = [width(line) for line in content]
    # a paragraph's first line, indented, was as wide as the others with its indent
    wrap, wrapped = _typical_width([w + (line.indent if line.__class__ is Line and line.indent <= 8 else 0)
                                    for line, w in zip(content, widths)])
    features = [_Line(line, w) for line, w in zip(content, widths)]
    if wrapped and _lines_are_paragraphs(features, wrap):
        wrapped = False
    for f, line in zip(features, content):
        if line.__class__ is Line and 0 < line.indent <= 8:
            f.margin = line.indent  # 　　 before a paragraph's first line: it was full at a smaller width
    for k in _paragraph_indents(content, widths):
        features[k].indented = True
    spaced = [line.__class__ is Line and line.spaced for line in content]
    if sum(spaced) > 0.3 * len(content):
        spaced = [False] * len(content)  # every line padded with blanks: they tell nothing
    paragraphs: list[list[str]] = [[content[0]]]
    joined, shown = 0, []
    for k in range(1, len(content)):
        line = content[k]
        if _decide(features[k - 1], features[k], wrap, wrapped, len(paragraphs[-1]) == 1) \
                or (k == 1 and _title_wrapped(features[0], features[1])):
            parts = paragraphs[-1]
            tail = parts[-1][-6:] if len(shown) < 3 else ""
            if join_pair(parts[-1][-1:], line[:1]) != parts[-1][-1:] + line[:1] \
                    or (spaced[k - 1] and is_wide(line[:1] or "a")):
                parts.append(" ")
            parts.append(line)
            joined += 1
            if len(shown) < 3:
                shown.append((tail, line[:6]))
        else:
            paragraphs.append([line])
    for tail, head in shown:
        changes.add("joined_lines", tail + "⏎" + head, tail + head)
    changes.add("joined_lines", n=joined - len(shown))
    return ["".join(parts) for parts in paragraphs]


def reflow_text(text: str, changes: Changes | None = None) -> tuple[str, Changes]:
    """Clean line ends, remove page artefacts and join broken lines; paragraphs end up one a line,
    separated by blank lines."""
    changes = changes if changes is not None else Changes()
    lines, pages = clean_lines(text, changes)
    lines = remove_page_artefacts(lines, changes, pages)
    paragraphs = reflow_lines(lines, changes)
    return "\n\n".join(paragraphs) + ("\n" if paragraphs else ""), changes
