"""Text out of OFD files (GB/T 33190, the national format for official e-documents).

An OFD is a zip of XML: ``OFD.xml`` names each document's root, the root lists its pages, and a
page's content is text objects placed by coordinates (millimetres, y growing down). Each object
has a ``Boundary`` (x y w h), a font ``Size``, maybe a ``CTM`` (its own transform), and one or
more ``TextCode`` runs, each with a start ``X``/``Y`` (the baseline) inside the boundary and the
advance of each glyph in ``DeltaX`` (``g 3 5.3`` repeats 5.3 three times). Those glyph positions
become :class:`~.layout.Piece` s, cut where a glyph jumps far along (a date set at the right end of
the issuer's line), and :mod:`.layout` rebuilds the lines. Template pages (a page's running header,
its number) are left out and counted as page artefacts.

Only the standard library is used.
"""

from __future__ import annotations

import math
import posixpath
from xml.etree import ElementTree as ET

from ..changes import Changes
from .layout import Piece, page_text
from .zipxml import Bomb, Package, names_in, opened

#: The most pages an OFD file may list (a bulletin has a few; an annual report a few hundred).
MAX_PAGES = 10_000


class OfdError(ValueError):
    """An OFD file that cannot be read."""


def is_ofd(data: bytes) -> bool:
    """A zip holding ``OFD.xml``."""
    return "ofd.xml" in names_in(data)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(el: ET.Element, name: str):
    return (c for c in el.iter() if _local(c.tag) == name)


def _numbers(value: str | None) -> list[float]:
    try:
        out = [float(v) for v in (value or "").split()]
    except ValueError:
        return []
    return out if all(math.isfinite(v) for v in out) else []


def deltas(value: str | None, count: int) -> list[float]:
    """The advance of each glyph after the first, ``g N v`` runs expanded.

    >>> deltas("g 3 5.3 2", 6)
    [5.3, 5.3, 5.3, 2.0]
    """
    tokens = (value or "").split()
    out: list[float] = []
    i = 0
    while i < len(tokens) and len(out) < count - 1:
        if tokens[i] == "g" and i + 2 < len(tokens):
            try:  # a run repeats no further than the glyphs it can advance (not ``g 400000000 1``)
                out += [float(tokens[i + 2])] * min(int(tokens[i + 1]), count - 1 - len(out))
            except ValueError:
                pass
            i += 3
        else:
            try:
                out.append(float(tokens[i]))
            except ValueError:
                pass
            i += 1
    return out[: max(count - 1, 0)]


def _pieces(obj: ET.Element) -> list[Piece]:
    box = _numbers(obj.get("Boundary")) + [0.0, 0.0, 0.0, 0.0]
    bx, by = box[0], box[1]
    size = abs((_numbers(obj.get("Size")) or [0.0])[0]) or 3.5
    ctm = _numbers(obj.get("CTM"))
    a, b, c, d, e, f = ctm if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    scale = (abs(a * d - b * c) ** 0.5) or 1.0
    pieces: list[Piece] = []
    last_x = last_y = 0.0
    for code in _children(obj, "TextCode"):
        text = code.text or ""
        if not text:
            continue
        x = (_numbers(code.get("X")) or [last_x])[0]
        y = (_numbers(code.get("Y")) or [last_y])[0]
        steps = deltas(code.get("DeltaX"), len(text))
        xs = [x]
        for k in range(1, len(text)):
            xs.append(xs[-1] + (steps[k - 1] if k - 1 < len(steps) else size))
        last_x, last_y = xs[-1] + size, y
        run_start = 0
        for k in range(1, len(text) + 1):
            if k == len(text) or xs[k] - xs[k - 1] > 2.0 * size:  # a glyph far along: a new piece
                x0, x1 = xs[run_start], xs[k - 1] + size
                px0, py = a * x0 + c * y + e, b * x0 + d * y + f
                px1 = a * x1 + c * y + e
                pieces.append(Piece(bx + px0, bx + px1, by + py, size * scale, text[run_start:k]))
                run_start = k
    return pieces


def _page_pieces(root: ET.Element) -> list[Piece]:
    out: list[Piece] = []
    for obj in _children(root, "TextObject"):
        out += _pieces(obj)
    return out


def _resolve(base: str, loc: str) -> str:
    loc = loc.replace("\\", "/")
    return posixpath.normpath(loc.lstrip("/") if loc.startswith("/") else posixpath.join(base, loc))


def ofd_text(data: bytes, changes: Changes) -> str:
    """The text of every page of the first document in an OFD, pages separated by ``\\f``."""
    with opened(data, OfdError, "corrupt OFD file", "open and save it again in an OFD reader") as package:
        names = {n.lower(): n for n in package.names}
        if "ofd.xml" not in names:
            raise OfdError("not an OFD file (a zip without OFD.xml)")

        def part(path: str) -> ET.Element:
            return package.xml(names.get(path.lower(), path))

        roots = [el.text.strip() for el in _children(part("ofd.xml"), "DocRoot") if el.text and el.text.strip()]
        if not roots:
            raise OfdError("OFD file names no document (no DocRoot in OFD.xml)")
        doc_path = _resolve("", roots[0])
        doc = part(doc_path)
        base = posixpath.dirname(doc_path)
        templates = {t.get("ID"): _resolve(base, t.get("BaseLoc", "")) for t in _children(doc, "TemplatePage")}
        listed = [loc for page in _children(doc, "Page") if (loc := page.get("BaseLoc"))]
        if len(listed) > MAX_PAGES:
            raise Bomb(f"{len(listed):,} pages listed (at most {MAX_PAGES:,}): not a document")
        template_lines: dict[str, list[str]] = {}  # (a template is read once, however many pages use it)
        pages: list[str] = []
        for loc in listed:
            root = part(_resolve(base, loc))
            pages.append(_text_of(root, package))
            for ref in _children(root, "Template"):
                tpath = templates.get(ref.get("TemplateID"))
                if tpath and tpath.lower() in names:
                    if tpath not in template_lines:
                        template_lines[tpath] = _text_of(part(tpath), package).split("\n")
                    for line in template_lines[tpath]:
                        if line.strip():
                            changes.remove("page_template", line.strip())
    if not any(p.strip() for p in pages):
        raise OfdError("OFD file has no text objects (a scanned OFD: its pages are images)")
    return "\n\f".join(pages)  # a space glyph ending a line is kept: it ends a headline set on its text's line


def _text_of(page: ET.Element, package: Package) -> str:
    """A page's (or a template's) text, counted against what one document may expand to."""
    text = page_text(_page_pieces(page))
    package.text(len(text))
    return text
