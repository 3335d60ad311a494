"""Lines of text rebuilt from pieces placed on a page (OFD text objects, OCR boxes).

Formats that place text by coordinates give no lines, only pieces: a piece of text at a position
with a size. Here pieces on one baseline become a line, read left to right; pieces far apart on
a line stay apart (``县政府办公室        2024年3月1日``); a line set in from the page's left edge keeps
its indent; a wider gap between lines than the page's usual line pitch is a blank line. This is the
shape ``pdftotext -layout`` gives, which ``normalise`` already knows how to reflow into
paragraphs, so every positioned format shares one set of repairs.

>>> page_text([Piece(30, 36, 10, 5, "一季度"), Piece(20, 56, 20, 5, "县住建局开展危房核查。"), Piece(40, 50, 10, 5, "成效")])
'    一季度 成效\\n县住建局开展危房核查。'
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median


@dataclass
class Piece:
    """Text placed on a page: left and right edge, baseline (all in one unit, y growing down), size."""

    x0: float
    x1: float
    baseline: float
    size: float
    text: str


#: A gap between pieces wider than this many character sizes keeps them apart with spaces
#: (as ``-layout`` sets columns); a narrower one wider than :data:`WORD_GAP` is one space.
COLUMN_GAP = 1.5
WORD_GAP = 0.45
#: A step between lines this many times the page's usual pitch is a paragraph break.
PARAGRAPH_GAP = 1.4
#: The most spaces a gap or an indent is set as: a page is about a hundred characters wide (a piece
#: placed a million widths away is no wider apart on the page than its edge).
MAX_SPACES = 200


def lines_of(pieces: list[Piece]) -> list[list[Piece]]:
    """Pieces grouped into lines: a piece whose baseline lies within half a size of a line's (the
    median of its pieces' baselines) joins it."""
    lines: list[list[Piece]] = []
    biggest = 0.0  # the largest size in the last line
    for piece in sorted(pieces, key=lambda p: (p.baseline, p.x0)):
        if lines:
            last = lines[-1]  # (its baselines are in order: the median is its middle piece's, found at once)
            mid = len(last) // 2
            base = last[mid].baseline if len(last) % 2 else (last[mid - 1].baseline + last[mid].baseline) / 2
            if abs(piece.baseline - base) <= 0.5 * min(piece.size, biggest):
                last.append(piece)
                biggest = max(biggest, piece.size)
                continue
        lines.append([piece])
        biggest = piece.size
    return [sorted(line, key=lambda p: p.x0) for line in lines]


def _spaces(widths: float) -> int:
    """``widths`` (character widths, 2 to a wide character) as a number of spaces, at most :data:`MAX_SPACES`."""
    return round(widths) if widths < MAX_SPACES else MAX_SPACES


#: Full-width marks drawn at one side of their square: the empty side is no space.
CLOSING = "，。、；：？！）》」』】〕”’"
OPENING = "（《「『【〔“‘"


def _line_text(line: list[Piece]) -> str:
    out = [line[0].text]
    for prev, piece in zip(line, line[1:]):
        size = max(min(prev.size, piece.size), 1e-6)
        gap = piece.x0 - prev.x1
        if gap > COLUMN_GAP * size:
            out.append(" " * max(4, _spaces(2 * gap / size)))
        elif prev.text[-1:] in CLOSING or piece.text[:1] in OPENING:
            pass
        elif gap > (0.3 if prev.text[-1:].isascii() and piece.text[:1].isascii() else WORD_GAP) * size:
            out.append(" ")
        out.append(piece.text)
    return "".join(out)


def page_text(pieces: list[Piece]) -> str:
    """One page's pieces as lines, with indents and paragraph gaps (see the module's notes)."""
    pieces = [p for p in pieces if p.text.strip()]
    if not pieces:
        return ""
    lines = lines_of(pieces)
    left = min(line[0].x0 for line in lines)
    bases = [median(p.baseline for p in line) for line in lines]
    steps = [b - a for a, b in zip(bases, bases[1:]) if b > a]
    pitch = median(steps) if steps else 0.0
    out: list[str] = []
    for k, line in enumerate(lines):
        if k and pitch and bases[k] - bases[k - 1] > PARAGRAPH_GAP * pitch:
            out.append("")
        size = median(p.size for p in line) or 1.0
        indent = max(0, _spaces(2 * (line[0].x0 - left) / size))
        out.append(" " * indent + _line_text(line))
    return "\n".join(out)
