"""Doubled glyphs: headings a Word or WPS file set in "fake bold" (each glyph drawn twice, a hair
apart) come out of some PDF extractors with both copies, merged by position:
``《 《张张北年北年鉴鉴》 》`` for ``《张北年鉴》``, ``乡镇乡镇部分部分编编纂提纂提纲纲`` for
``乡镇部分编纂提纲``. Each doubled span is two copies of one text interleaved, the second never
ahead of the first; digits and Latin letters, set in another font, come once.

A span is only repaired where the artefact shows its signature, a bracket doubled with a space
(``《 《``, ``】 】``, ``( (``), and only as far as it undoes into one text with two copies:
reduplicated words of ordinary prose (``常常``, ``研究研究``) are left alone.

>>> from bulletin_cli.changes import Changes
>>> undouble("4页《 《张张北年北年鉴鉴》 》( (2007—2010) )乡镇乡镇部分部分编编纂提纂提纲纲《张北年鉴》进入编纂", Changes())
'4页《张北年鉴》(2007—2010)乡镇部分编纂提纲《张北年鉴》进入编纂'
>>> undouble("范范 文文XX 乡乡( (镇镇) )【 【概况概况】 】 XX 乡(镇)位于", Changes())
'范文XX 乡(镇)【概况】 XX 乡(镇)位于'
>>> undouble("县县住住建建局局开开展展危危房房核核查查 为摸清底数，人人参与，天天巡查。", Changes())
'县住建局开展危房核查 为摸清底数，人人参与，天天巡查。'
"""

from __future__ import annotations

import re

from ..changes import Changes
from ..lexicon.patterns import CJK

#: The artefact's signature: an opening or closing bracket twice, a space between; or four
#: characters in a row each written twice (县县住住建建局局), which no prose does. The second is
#: found with any characters and then checked for hanzi: a class of every CJK block at each
#: position of every document costs five times as much (normalise runs it on every text).
DOUBLED_BRACKET = re.compile(r"([《〈（(【\[「『“》〉）)】\]」』”])[ \u3000]\1")
DOUBLED_RUN = re.compile(r"(.)\1(.)\2(.)\3(.)\4")
HANZI_RUN = re.compile(rf"[{CJK}]+")
#: Characters set once in a doubled span (another font, not drawn twice).
SINGLE = re.compile(r"[0-9A-Za-z.\-—–/%]")
#: A space between two wide characters inside a doubled span.
CJK_GAP = re.compile(r"(?<=[^\x00-\x7f])[ \u3000](?=[^\x00-\x7f])")
#: How far before a signature a doubled span may begin (it begins at most a line before).
LOOK_BACK = 40
#: Pairs a span must undo to be taken as doubled.
MIN_PAIRS = 3


def _undo(text: str, start: int) -> tuple[int, str, int]:
    """From ``start``, the furthest end where ``text`` undoes into one copy: (end, the copy, pairs)."""
    queue: list[str] = []
    out: list[str] = []
    best = (start, "", 0)
    pairs = 0
    for i in range(start, len(text)):
        ch = text[i]
        if ch == "\n":
            break
        if ch in " \u3000":
            if not queue:
                out.append(ch)
            continue
        if queue and queue[0] == ch:
            queue.pop(0)
            pairs += 1
        elif not queue and SINGLE.match(ch):
            out.append(ch)
        else:
            if len(queue) > 8:  # the copies run further apart than any doubled glyphs do
                break
            queue.append(ch)
            out.append(ch)
        if not queue:
            best = (i + 1, "".join(out), pairs)
    return best


def _signature(text: str, pos: int) -> re.Match[str] | None:
    """The first signature at or after ``pos``."""
    run = DOUBLED_RUN.search(text, pos)
    while run and not HANZI_RUN.fullmatch(run.group(0)):
        run = DOUBLED_RUN.search(text, run.start() + 1)
    bracket = DOUBLED_BRACKET.search(text, pos, run.start() + 3 if run else len(text))  # the earlier wins
    return bracket or run


def undouble(text: str, changes: Changes) -> str:
    """``text`` with each doubled span written once (each counted as ``doubled_glyphs``)."""
    if not (m := _signature(text, 0)):
        return text
    pieces: list[str] = []
    pos = 0
    while m:
        floor = max(pos, text.rfind("\n", 0, m.start()) + 1, m.start() - LOOK_BACK)
        done = False
        for start in range(floor, m.start() + 1):  # the earliest start that undoes past the signature
            end, once, pairs = _undo(text, start)
            if end > m.end() - 1 and pairs >= MIN_PAIRS:
                once = CJK_GAP.sub("", once)  # the copies' offset, not a space of the text
                pieces.append(text[pos:start])
                pieces.append(once)
                changes.add("doubled_glyphs", text[start:min(end, start + 16)], once[:12])
                pos = end
                done = True
                break
        if not done:
            pieces.append(text[pos:m.end()])
            pos = m.end()
        m = _signature(text, pos)
    pieces.append(text[pos:])
    return "".join(pieces)
