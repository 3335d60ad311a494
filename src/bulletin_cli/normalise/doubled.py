"""Doubled glyphs: headings a Word or WPS file set in "fake bold" (each glyph drawn twice, a hair
apart) come out of some PDF extractors with both copies, merged by position:
``《 《张张北年北年鉴鉴》 》`` for ``《张北年鉴》``, ``乡镇乡镇部分部分编编纂提纂提纲纲`` for
``乡镇部分编纂提纲``. Each doubled span is two copies of one text interleaved, the second never
ahead of the first; digits and Latin letters, set in another font, come once.

A span is only repaired where the artefact shows its signature, and only a whole line or heading
written twice: a bracket doubled with a space (``《 《``, ``】 】``, ``( (``), or a line that opens
with characters each written twice (``县县住住建建局局…``) up to its end or a space, more than two
reduplicated words would give. A span begins at a line's start, after a space or at the doubled
bracket, and ends where the line or the heading does, never between two hanzi; it stops before
three of one character (``期期期期`` is no more ``期期`` twice than four 期). Reduplicated words
of ordinary prose (``常常``, ``研究研究``, ``干干净净整整齐齐``) are left alone.

>>> from bulletin_cli.changes import Changes
>>> undouble("4页《 《张张北年北年鉴鉴》 》( (2007—2010) )乡镇乡镇部分部分编编纂提纂提纲纲《张北年鉴》进入编纂", Changes())
'4页《张北年鉴》(2007—2010)乡镇部分编纂提纲《张北年鉴》进入编纂'
>>> undouble("范范 文文XX 乡乡( (镇镇) )【 【概况概况】 】 XX 乡(镇)位于", Changes())
'范文XX 乡(镇)【概况】 XX 乡(镇)位于'
>>> undouble("县县住住建建局局开开展展危危房房核核查查 为摸清底数，人人参与，天天巡查。", Changes())
'县住建局开展危房核查 为摸清底数，人人参与，天天巡查。'
>>> undouble("街道变得干干净净整整齐齐。\\n平平安安高高兴兴过大年\\n期期期期期期期期", Changes())
'街道变得干干净净整整齐齐。\\n平平安安高高兴兴过大年\\n期期期期期期期期'
"""

from __future__ import annotations

import re
from typing import Callable, NamedTuple

from ..changes import Changes
from ..lexicon.patterns import CJK, Regex

#: The artefact's signature: an opening or closing bracket twice, a space between; or four
#: characters in a row each written twice (县县住住建建局局). The second is found with any
#: characters and then checked for hanzi: a class of every CJK block at each position of every
#: document costs five times as much (normalise runs it on every text).
DOUBLED_BRACKET = Regex(r"([《〈（(【\[「『“》〉）)】\]」』”])[ \u3000]\1")
DOUBLED_RUN = Regex(r"(.)\1(.)\2(.)\3(.)\4")
HANZI_RUN = Regex(rf"[{CJK}]+")
#: Characters set once in a doubled span (another font, not drawn twice).
SINGLE = Regex(r"[0-9A-Za-z.\-—–/%]")
#: A space between two wide characters inside a doubled span.
CJK_GAP = Regex(r"(?<=[^\x00-\x7f])[ \u3000](?=[^\x00-\x7f])")
#: Spaces: a doubled span may begin after one, and they pass between its copies.
GAPS = " \t\u3000"
#: How far before a signature a doubled span may begin (it begins at most a line before).
LOOK_BACK = 40
#: Pairs a span must undo to be taken as doubled: with a doubled bracket in it, and without one
#: (more than two reduplicated words: 干干净净整整齐齐 undoes into four pairs).
MIN_PAIRS = 3
MIN_RUN_PAIRS = 5
#: The most characters waiting for their second copy: the copies run no further apart.
MAX_QUEUE = 8
#: The longest doubled span: a heading written twice is shorter.
MAX_SPAN = 400


class _End(NamedTuple):
    """A place where the text from a span's start undoes into one copy."""

    end: int
    length: int  # of the copy
    pairs: int
    bracket: bool  # a doubled bracket is among them
    letter_by_letter: bool  # each character's copy follows it at once (县县住住), not further on
    open_gap: bool  # a space since the last doubled bracket (or the start): the heading ended there


def _undo(text: str, start: int, stop: int) -> tuple[list[_End], list[str]]:
    """From ``start`` to at most ``stop``, each end where ``text`` undoes into one copy so far,
    and the characters of the copy. It stops before three of one character in a row (not a
    digit or letter, set once): no one can tell which of them were doubled."""
    queue: list[str] = []
    out: list[str] = []
    ends: list[_End] = []
    pairs = spread = 0
    bracket = False
    gap = -1  # where a space opened since the last doubled bracket: one must follow soon, or the heading ended
    for i in range(start, stop):
        ch = text[i]
        if i - start >= 2 and ch == text[i - 1] == text[i - 2] and not SINGLE.match(ch):
            while ends and ends[-1].end > i - 2:
                ends.pop()
            break
        if gap >= 0 and i - gap > LOOK_BACK:
            break
        if ch in GAPS:
            if gap < 0 and not DOUBLED_BRACKET.search(text, i - 1, i + LOOK_BACK):
                break  # a space with no doubled bracket soon after: the heading ended
            gap = i if gap < 0 else gap
            if not queue:
                out.append(ch)
            continue
        if queue and queue[0] == ch:
            queue.pop(0)
            pairs += 1
            if text[i - 1] in GAPS and DOUBLED_BRACKET.match(text, i - 2, i + 1):
                bracket, gap = True, -1
        elif not queue and SINGLE.match(ch):
            out.append(ch)
        else:
            if len(queue) > MAX_QUEUE:  # the copies run further apart than any doubled glyphs do
                break
            queue.append(ch)
            out.append(ch)
            spread = max(spread, len(queue))
        if not queue:
            ends.append(_End(i + 1, len(out), pairs, bracket, spread <= 1, gap >= 0))
    return ends, out


def _starts(text: str, floor: int, signature: re.Match[str]) -> list[int]:
    """Where a doubled span may begin, earliest first: a line's start or after a space (a heading
    begins there), or at a doubled bracket itself."""
    return [i for i in range(floor, signature.start() + 1)
            if i == 0 or text[i - 1] == "\n" or text[i - 1] in GAPS
            or (i == signature.start() and signature.re is DOUBLED_BRACKET.compiled)]


def _ends_heading(text: str, end: int) -> bool:
    """A doubled span ends with its line or its heading: not between two hanzi."""
    return end >= len(text) or not (HANZI_RUN.match(text, end - 1, end) and HANZI_RUN.match(text, end, end + 1))


def _span(text: str, start: int, stop: int, signature: re.Match[str]) -> tuple[int, str] | None:
    """The furthest end past ``signature`` where the text from ``start`` is a whole heading written
    twice, and that heading written once; None if there is none. Without a doubled bracket the
    heading is written letter by letter and has more pairs than two reduplicated words."""
    ends, out = _undo(text, start, stop)
    for end in reversed(ends):
        if end.end < signature.end():
            return None
        doubled = end.pairs >= MIN_PAIRS if end.bracket else end.pairs >= MIN_RUN_PAIRS and end.letter_by_letter
        if doubled and not end.open_gap and _ends_heading(text, end.end):
            return end.end, "".join(out[:end.length])
    return None


def _hanzi_run(text: str, pos: int) -> re.Match[str] | None:
    """The first four hanzi each written twice at or after ``pos``."""
    run = DOUBLED_RUN.search(text, pos)
    while run and not HANZI_RUN.fullmatch(run.group(0)):
        run = DOUBLED_RUN.search(text, run.start() + 1)
    return run


class _First:
    """The first match at or after a position, for positions that only grow: each stretch of the
    text is searched once (a text may be one long line with a signature every few characters)."""

    def __init__(self, text: str, find: Callable[[str, int], re.Match[str] | None]) -> None:
        self.text, self.find = text, find
        self.at, self.match = -1, None

    def __call__(self, pos: int) -> re.Match[str] | None:
        if self.at < 0 or (self.match is not None and self.match.start() < pos):
            self.at, self.match = pos, self.find(self.text, pos)
        return self.match


def _signature(runs: _First, brackets: _First, pos: int) -> re.Match[str] | None:
    """The first signature at or after ``pos``: a doubled bracket wins over a run it ends within
    three characters of."""
    run, bracket = runs(pos), brackets(pos)
    return bracket if bracket and (not run or bracket.end() <= run.start() + 3) else run


def undouble(text: str, changes: Changes) -> str:
    """``text`` with each doubled span written once (each counted as ``doubled_glyphs``)."""
    runs, brackets = _First(text, _hanzi_run), _First(text, DOUBLED_BRACKET.search)
    if not (m := _signature(runs, brackets, 0)):
        return text
    pieces: list[str] = []
    pos = line_start = line_end = 0
    while m:
        if m.start() >= line_end:  # a new line (found once for all its signatures: a text may be one long line)
            line_start = text.rfind("\n", line_end, m.start()) + 1
            line_end = text.find("\n", m.start())
            line_end = len(text) if line_end < 0 else line_end
        floor = max(pos, line_start, m.start() - LOOK_BACK)
        found = None
        for start in _starts(text, floor, m):  # the earliest start that undoes past the signature
            if found := _span(text, start, min(line_end, start + MAX_SPAN), m):
                break
        if found:
            end, once = found[0], CJK_GAP.sub("", found[1])  # the copies' offset, not a space of the text
            pieces.append(text[pos:start])
            pieces.append(once)
            changes.add("doubled_glyphs", text[start:min(end, start + 16)], once[:12])
            pos = end
        else:
            pieces.append(text[pos:m.end()])
            pos = m.end()
        m = _signature(runs, brackets, pos)
    pieces.append(text[pos:])
    return "".join(pieces)
