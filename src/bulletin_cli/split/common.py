"""What every part of ``split`` shares: paragraphs with their offsets, items under construction, and
the small patterns of punctuation the parts read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicon.patterns import (
    CJK,
    CN_DIGITS,
    SENTENCE_STOPS,
    Regex,
)

#: A numbered section heading on a line of its own. Example: 一、工作动态.
SECTION_NUMBERED = Regex(rf"^[{CN_DIGITS}]{{1,3}}、\s*([^。；！？]{{2,24}})$")


#: Run-in numbered item. Example: 1、县人社局开展… / 2. 东屯镇… / ①县医保局… / ⑴….
RUN_IN_NUMBER = Regex(
    rf"^(\d{{1,2}}[、.．]|[（(]\d{{1,2}}[）)]|[{CN_DIGITS}]{{1,3}}、|[（(][{CN_DIGITS}]{{1,3}}[）)]|[\u2460-\u2487])\s*")


# Smaller patterns the parsers share. Each says what it finds and gives an example.
#: A sentence-ending mark anywhere. Example: 。 in 摸清底数。
SENTENCE_MARK = Regex(r"[。！？]")


#: The fewest cells a table's row has.
TABLE_CELLS = 3


def table_row(text: str) -> bool:
    """A table's row, its cells set apart by tabs or rules: 景区名称	接待游客	同比增长, | 1 | 上磺镇 | 37.5 |,
    │5.0cm普通白蒜　│2.95　│ (never a headline, a section or an outline's heading)."""
    return text.count("\t") >= TABLE_CELLS - 1 or text.count("|") > TABLE_CELLS or text.count("│") > TABLE_CELLS


#: Marks a headline line never holds. Example: ； in 一是强化调度；二是….
LINE_STOPS = SENTENCE_STOPS


#: Marks a heading line never holds. Example: ： in 主要做法：.
HEADING_STOPS = Regex(r"[。！？；;：:!?]")


#: One ideograph, in any block. Example: 县, 𫖯.
CJK_CHAR = Regex(rf"[{CJK}]")
#: Chinese characters only. Example: 开发区.
CJK_RUN = Regex(rf"[{CJK}]+")


#: A reporter's name. Example: 魏清华, 阿布·艾力.
PERSON_NAME = Regex(rf"[{CJK}·]{{2,4}}|[{CJK}]{{1,8}}(?:·[{CJK}]{{1,8}}){{1,2}}")


#: A run of white space. Example: the spaces in 县委常委， 县人大 正副主任.
WHITESPACE = Regex(r"\s+")


#: What an attribution follows. Example: 。 in 摸清底数。（住建局）.
ATTRIBUTION_AFTER = "。！？!?”…）)"


@dataclass
class Para:
    """A paragraph of the normalised text with its offsets."""

    start: int
    end: int
    text: str


@dataclass
class Draft:
    """An item under construction."""

    start: int
    end: int
    section: str | None = None
    headline: str | None = None
    body: str = ""
    units: list[str] = field(default_factory=list)
    reporters: list[str] = field(default_factory=list)
    number: str | None = None
    level: int | None = None
    parent: "Draft | None" = None
    headline_inferred: bool = False
    #: The units were read off the headline's label or colon (黄庄镇：山药产业园…), which a credit
    #: under the story names over (供稿：县政府督查室第二督查组).
    head_units: bool = False
    closed: bool = False
    mark_end: int = 0  # outline: where the number (一、, （二）) ends


@dataclass
class Parsed:
    """Everything ``split`` finds in one document; ``regions`` cover every non-blank character."""

    layout: str
    article: int | None = None  # where a single web article starts: its title (see masthead.web_meta)
    masthead: dict = field(default_factory=dict)
    footer: dict = field(default_factory=dict)
    items: list[Draft] = field(default_factory=list)
    captions: list[dict] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    regions: list[tuple[int, int, str]] = field(default_factory=list)
    #: An article's headline where it differs from the masthead's title (a notice in a series).
    headline: str | None = None
    #: Why this layout: how it was decided and what weighed (see split/layouts.py).
    reason: tuple[str, dict] = ("forced", {})
    #: The paragraphs' roles as the model labelled them (see split/roles.py).
    roles: object = None


#: The widest second line of a title or headline set over two lines (display columns).
TITLE_REST_WIDTH = 40


def add_note(parsed: Parsed, text: str) -> None:
    """Text under the masthead that is no item (an outline's or a page's opening paragraph) onto the
    document's ``note``, after what it holds."""
    note = parsed.masthead.get("note")
    parsed.masthead["note"] = f"{note}\n{text}" if note else text


def file_credits(parsed: Parsed, fields: dict[str, str]) -> None:
    """Writers' and editors' credits onto the document, the first of each kept: the author on the
    masthead, the editor, reviewer, signer and proofreader in the footer."""
    for key, value in fields.items():
        (parsed.footer if key != "author" else parsed.masthead).setdefault(key, value)


def paragraphs(text: str) -> list[Para]:
    """Non-blank lines of ``text`` with their offsets."""
    out, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            start = pos + lead
            out.append(Para(start, start + len(stripped), stripped))
        pos += len(line) + 1
    return out
