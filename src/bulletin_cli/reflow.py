"""Repair PDF extraction damage: line ends, page numbers, running headers, and broken lines.

>>> reflow_text("县人社局开展追缴工作 汇聚\\n\\n县、乡、村三级追缴合力。（人社局）\\n")[0]
'县人社局开展追缴工作 汇聚县、乡、村三级追缴合力。（人社局）\\n'
"""

from __future__ import annotations

import re
from collections import Counter

from .changes import Changes, counted_sub
from .patterns import (
    ATTRIBUTION_END,
    BLOCK_START,
    DATE,
    FOOTER_LABEL,
    ISSUE,
    PAGE_NUMBER,
    SECTION_BRACKET,
    SENTENCE_END,
    is_wide,
    width,
)

#: Line-break characters other than \\n. Example: \\r\\n from Windows, \\f between PDF pages.
OTHER_BREAKS = re.compile(r"\r\n|[\r\v\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
#: Characters with no content that extraction leaves behind. Example: U+200B, NUL, a stray BOM.
INVISIBLE = re.compile(r"[\x00\u200b\u200c\u200d\u2060\ufeff\u00ad]")
#: Indentation and trailing blanks, including U+3000 and NBSP. Example: "\u3000\u3000县住建局…".
BLANKS = " \t\u3000\u00a0\u2002\u2003\u2009"
#: Punctuation that cannot open a line; found there, it belongs to the line before. Example: ，了解…
ORPHAN_PUNCT = re.compile(r"^[，。、；：？！,.;:?!）)》」』】”’…%％]")
#: A line that opens a bulletin item: a headline, then a space. Example: 县住建局开展危房核查 摸清….
ITEM_OPENING = re.compile(r"^[^，。；：！？,;:!?\s]{4,60}[ \u3000]")
#: Blocks that start a paragraph even after a full line: sections, 一、 headings, bullets.
#: (Run-in markers such as 一是 and （二） often follow 。 inside one paragraph.)
HARD_BLOCK_START = re.compile(r"^\s*(?:[【〖\[［◆◇●○■□★☆▲△►▶•]|[〇一二三四五六七八九十]{1,3}、)")
#: A line that opens with a short lead sentence, as digests start paragraphs. Example: 全盘谋项目。
LEAD_SENTENCE = re.compile(r"^(?![〇一二三四五六七八九十]{1,2}是)[^。；！？\s]{2,20}。")
#: A line that closes with a colon introduces what follows on its own lines. Example: 本期发：
ENDS_COLON = re.compile(r"[:：]$")


def clean_lines(text: str, changes: Changes) -> tuple[list[str], int]:
    """Unify line ends, drop invisible characters and indentation; return lines and page breaks."""
    pages = text.count("\f")
    if OTHER_BREAKS.search(text):
        text = counted_sub(OTHER_BREAKS, "\n", text, changes, "line_ends", context=0)
    if INVISIBLE.search(text):
        text = counted_sub(INVISIBLE, "", text, changes, "invisible_chars", context=2)
    lines = text.split("\n")
    for i, line in enumerate(lines):
        stripped = line.strip(BLANKS)
        if len(stripped) != len(line):
            changes.add("indentation", line[:8], stripped[:8])
            lines[i] = stripped
    return lines, pages


def _header_key(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))


def _protected(line: str) -> bool:
    """Lines that may repeat legitimately: sections, attributions, footer lines, sentences."""
    return bool(SECTION_BRACKET.match(line) or ATTRIBUTION_END.search(line.strip())
                or FOOTER_LABEL.match(line) or SENTENCE_END.search(line))


def remove_page_artefacts(lines: list[str], changes: Changes, page_breaks: int = 0) -> list[str]:
    """Remove page numbers and running headers/footers (lines repeated on every page).

    A repeated line is a running header when it is short and appears at least three times (twice
    when the text has page breaks); its first appearance stays when it opens the document, since
    that is the masthead.
    """
    short = {i: ln.strip() for i, ln in enumerate(lines) if ln.strip() and len(ln) <= 60}
    keys = {i: _header_key(s) for i, s in short.items() if width(s) <= 60}
    counts = Counter(keys.values())
    bare_numbers = sum(1 for s in short.values() if s.isdigit() and len(s) <= 3)
    need = 2 if page_breaks >= 1 else 3
    head = set([i for i, ln in enumerate(lines) if ln.strip()][:6])
    out: list[str] = []
    seen: set[str] = set()
    for i, line in enumerate(lines):
        stripped = short.get(i)
        if stripped is None:  # blank or long: never an artefact
            out.append(line)
            continue
        if PAGE_NUMBER.match(stripped) and (not stripped.isdigit() or bare_numbers >= 2):
            changes.remove("page_numbers", stripped)
            continue
        key = keys.get(i)
        if key is not None and counts[key] >= need and not _protected(stripped):
            if key not in seen and i in head:
                seen.add(key)
                out.append(line)
                continue
            seen.add(key)
            changes.remove("running_headers", stripped)
            continue
        out.append(line)
    return out


def _typical_width(lines: list[str]) -> tuple[int, bool]:
    """The wrap width of the text and whether its lines look wrapped at a fixed width."""
    widths = sorted(w for w in map(width, lines) if w >= 16)
    if len(widths) < 4:
        return (widths[-1] if widths else 0), False
    w = widths[int(len(widths) * 0.8)]
    near = sum(1 for x in widths if 0.8 * w <= x <= 1.1 * w)
    return w, near >= 0.5 * len(widths) and w <= 200


def _is_block_line(line: str, opening: bool = False) -> bool:
    """A line that stands alone: section, masthead date or issue, attribution; and, as the
    line after a break (``opening``), a footer line such as ``审核：原超俊``."""
    s = line.strip()
    if not s or len(s) > 90:
        return False
    first = s[0]
    return bool(
        (first in "【〖[［" and SECTION_BRACKET.match(s))
        or (opening and FOOTER_LABEL.match(s))
        or (len(s) <= 30 and (ISSUE.fullmatch(s) or DATE.fullmatch(s)))
        or (first in "（(" and ATTRIBUTION_END.fullmatch(s))
    )


def _heading_like(line: str) -> bool:
    """Short, with no sentence punctuation anywhere: a title or heading, not running prose."""
    return width(line) <= 60 and not re.search(r"[。！？；;!?]", line)


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
    if not line.endswith(("）", ")")):
        return False
    m = ATTRIBUTION_END.search(line)
    return bool(m and (m.start() == 0 or re.search(r"[。！？!?”\s]$", line[: m.start()])))


def _unclosed(line: str) -> bool:
    """True when ``line`` leaves a bracket or book-title mark open: ``…40余份。（农业农村``."""
    return (line.rfind("（") > line.rfind("）") or line.rfind("《") > line.rfind("》")
            or line.rfind("(") > line.rfind(")"))


def should_join(prev: str, nxt: str, wrap: int, wrapped: bool, prev_line: str | None = None) -> bool:
    """Whether the break between ``prev`` and ``nxt`` was made by the extractor, not the author.

    ``prev`` is the paragraph so far and ``prev_line`` its last physical line (they differ once
    lines have been joined): width and heading tests look at the line, punctuation at the end.
    """
    line = prev if prev_line is None else prev_line
    prev = prev[-120:]  # only the end matters; keeps long paragraphs from costing quadratic time
    if ORPHAN_PUNCT.match(nxt):
        return True
    line_width = width(line)
    full = wrapped and line_width >= 0.8 * wrap
    if full and nxt[0] in "（(" and ATTRIBUTION_END.fullmatch(nxt) and not _is_block_line(prev):
        return True  # an attribution wrapped onto a line of its own: （开发区）
    if _unclosed(line):
        return True  # （农业农村 ⏎ 局）: a bracket or quote left open goes on
    if _heading_like(nxt) and not (wrapped and width(nxt) >= 0.8 * wrap) and not (full and width(nxt) < 8):
        return False
    if (wrapped and line_width >= wrap - 4 and _ends_sentence(prev) and not ITEM_OPENING.match(nxt)
            and not LEAD_SENTENCE.match(nxt) and not HARD_BLOCK_START.match(nxt) and not _is_block_line(nxt, True)):
        return True  # a full line that happens to end a sentence: the paragraph goes on
    if _closes_paragraph(prev, full) or _is_block_line(prev) or _is_block_line(nxt, opening=True) \
            or BLOCK_START.match(nxt):
        return False
    if not full and _heading_like(prev):
        return False
    return True


def join_pair(prev: str, nxt: str) -> str:
    """Join two pieces: no space next to a wide character, one space between Latin words."""
    if prev and nxt and not is_wide(prev[-1]) and not is_wide(nxt[0]) and prev[-1].isalnum() and nxt[0].isalnum():
        return prev + " " + nxt
    return prev + nxt


def reflow_lines(lines: list[str], changes: Changes) -> list[str]:
    """Join the lines a PDF extractor broke; blank lines are not trusted as paragraph breaks."""
    content = [ln for ln in lines if ln.strip()]
    if len(content) < 2:
        return content
    wrap, wrapped = _typical_width(content)
    paragraphs: list[str] = []
    last = ""
    for line in content:
        if paragraphs and should_join(paragraphs[-1], line, wrap, wrapped, last):
            tail = paragraphs[-1][-6:]
            paragraphs[-1] = join_pair(paragraphs[-1], line)
            changes.add("joined_lines", tail + "⏎" + line[:6], tail + line[:6])
        else:
            paragraphs.append(line)
        last = line
    return paragraphs


def reflow_text(text: str, changes: Changes | None = None) -> tuple[str, Changes]:
    """Clean line ends, remove page artefacts and join broken lines; paragraphs end up one a line,
    separated by blank lines."""
    changes = changes if changes is not None else Changes()
    lines, pages = clean_lines(text, changes)
    lines = remove_page_artefacts(lines, changes, pages)
    paragraphs = reflow_lines(lines, changes)
    return "\n\n".join(paragraphs) + ("\n" if paragraphs else ""), changes
