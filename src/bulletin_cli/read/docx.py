"""Text out of Word files (``.docx``): paragraphs in order, with what Word knows about them.

Read with the standard library's ``zipfile`` and ``xml.etree`` (a DOCX is a zip of XML): no
dependency to install, and about 3 ms for a bulletin. python-docx, the usual choice, skips text
boxes, footnotes and the numbers Word draws for numbered lists, all three of which carry text in
government documents (a ``一、`` from list numbering is the outline); docx2python reads them but
pulls in its own tree of formatting we do not use.

What comes out, as text the rest of the chain reads:

- one paragraph a line (a paragraph is a paragraph: nothing to reflow);
- list numbers Word generates, written out (``一、``, ``（一）``, ``1.``) as the reader sees them;
- bold runs as ``**bold**`` (normalise keeps them as marks: an office's bold headline or unit name);
- tables row by row, the cells of a row apart (``乡镇    完成数``), nested tables in place;
- text boxes where they are anchored, footnotes at the end (``[1] …``);
- page headers and footers left out and counted as page artefacts (they repeat on every page).

>>> docx_text(_tiny_docx("县住建局开展危房核查"), Changes())
'县住建局开展危房核查'
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

from ..changes import Changes
from .zipxml import Bomb, Package, names_in, opened

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
#: What separates the cells of a table row: far enough apart that they read as apart
#: (``县政府办公室    2024年3月1日``), as ``pdftotext -layout`` sets them.
CELL_GAP = "    "
#: Longest bold run kept as a mark (normalise's ``**…**`` rule reads up to 40 characters).
BOLD_MAX = 40
#: List levels Word has (``w:ilvl`` 0 to 8); another is no level of a list.
LIST_LEVELS = 9
#: The largest number a list may start from (Word's own limit), and the longest template of a list
#: number (``w:lvlText``: ``%1.``, ``（%1）``, ``%1.%2.%3.``, ``第%1章``). A list from 10¹² in Roman
#: numerals, or a template repeating its number 200,000 times, is a bomb, not a list.
LIST_START_MAX = 32767
LIST_TEMPLATE_MAX = 64


class DocxError(ValueError):
    """A Word file that cannot be read: not a zip, or no ``word/document.xml`` inside."""


def is_docx(data: bytes) -> bool:
    """A zip holding ``word/document.xml``."""
    return "word/document.xml" in names_in(data)


# ---------------------------------------------------------------- list numbering

_CN_DIGITS = "零一二三四五六七八九"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_number(n: int) -> str:
    """A count written as offices write list numbers.

    >>> [chinese_number(n) for n in (1, 10, 12, 20, 35, 100)]
    ['一', '十', '十二', '二十', '三十五', '一百']
    """
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        tail = "" if not rest else ("零" + _CN_DIGITS[rest] if rest < 10 else
                                   ("一" if rest < 20 else "") + chinese_number(rest))
        return _CN_DIGITS[hundreds] + "百" + tail
    return str(n)


def _roman(n: int) -> str:
    out = []
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        times, n = divmod(n, value)
        out.append(letters * times)
    return "".join(out)


def format_number(n: int, fmt: str) -> str:
    """Word's number formats (``w:numFmt``) as they print.

    >>> format_number(3, "chineseCounting"), format_number(2, "ideographTraditional"), format_number(4, "decimalEnclosedCircle")
    ('三', '乙', '④')
    """
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital",
               "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return chinese_number(n)
    if fmt == "ideographTraditional" and 0 < n <= 10:
        return _TIANGAN[n - 1]
    if fmt.startswith("decimalEnclosedCircle") and 0 < n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt in ("upperLetter", "lowerLetter") and n > 0:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and n > 0:
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt == "none":
        return ""
    return str(n)  # decimal, decimalZero and anything else


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class Numbering:
    """The list definitions of ``numbering.xml`` and the running counters of each list."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId → level → definition
    abstract_of: dict[str, str] = field(default_factory=dict)  # numId → abstractNumId (counters are shared)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def parse(cls, root: ET.Element | None) -> "Numbering":
        out = cls()
        if root is None:
            return out
        abstract: dict[str, dict[int, _Level]] = {}
        for a in root.iter(f"{W}abstractNum"):
            levels = ((int(lvl.get(f"{W}ilvl", "0")), lvl) for lvl in a.iter(f"{W}lvl"))
            abstract[a.get(f"{W}abstractNumId", "")] = {
                ilvl: _level(lvl) for ilvl, lvl in levels if 0 <= ilvl < LIST_LEVELS}
        for num in root.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            aid = ref.get(f"{W}val", "") if ref is not None else ""
            levels = dict(abstract.get(aid, {}))
            for override in num.iter(f"{W}lvlOverride"):
                ilvl = int(override.get(f"{W}ilvl", "0"))
                lvl = override.find(f"{W}lvl")
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
                start = override.find(f"{W}startOverride")
                if start is not None and ilvl in levels:
                    levels[ilvl] = _Level(_start(start.get(f"{W}val", "1")), levels[ilvl].fmt, levels[ilvl].text)
            nid = num.get(f"{W}numId", "")
            out.levels[nid] = levels
            out.abstract_of[nid] = aid
        return out

    def label(self, num_id: str, ilvl: int) -> str:
        """The next number of list ``num_id`` at level ``ilvl`` as printed (``一、``), deeper levels reset."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels or num_id == "0":
            return ""
        counters = self.counters.setdefault(self.abstract_of.get(num_id, num_id), {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        lvl = levels[ilvl]
        if lvl.fmt == "bullet":
            return ""  # a bullet glyph in a symbol font: nothing a reader of the text needs

        def number(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            d = levels.get(k)
            value = counters.get(k, d.start if d else 1)
            return format_number(value, d.fmt if d else "decimal")

        return re.sub(r"%([1-9])", number, lvl.text)


def _level(lvl: ET.Element) -> _Level:
    def val(tag: str, default: str) -> str:
        el = lvl.find(f"{W}{tag}")
        return el.get(f"{W}val", default) if el is not None else default

    text = val("lvlText", "")
    if len(text) > LIST_TEMPLATE_MAX:
        raise Bomb(f"a list-number template of {len(text):,} characters (at most {LIST_TEMPLATE_MAX}): not a document")
    return _Level(_start(val("start", "1") or "1"), val("numFmt", "decimal"), text)


def _start(value: str) -> int:
    """The number a list starts from (``w:start``, ``w:startOverride``)."""
    start = int(value)
    if abs(start) > LIST_START_MAX:
        raise Bomb(f"a list numbered from {start} (at most {LIST_START_MAX}): not a document")
    return start


# ---------------------------------------------------------------- styles


@dataclass
class Styles:
    """What the document's styles say: which are bold, which number their paragraphs."""

    bold: set[str] = field(default_factory=set)
    numbered: dict[str, tuple[str, int]] = field(default_factory=dict)

    @classmethod
    def parse(cls, root: ET.Element | None) -> "Styles":
        out = cls()
        if root is None:
            return out
        based: dict[str, str] = {}
        own_bold: dict[str, bool] = {}
        for s in root.iter(f"{W}style"):
            sid = s.get(f"{W}styleId", "")
            parent = s.find(f"{W}basedOn")
            if parent is not None:
                based[sid] = parent.get(f"{W}val", "")
            b = s.find(f"{W}rPr/{W}b")
            if b is not None:
                own_bold[sid] = _on(b)
            num = s.find(f"{W}pPr/{W}numPr")
            if num is not None:
                nid, ilvl = num.find(f"{W}numId"), num.find(f"{W}ilvl")
                if nid is not None:
                    out.numbered[sid] = (nid.get(f"{W}val", ""), int(ilvl.get(f"{W}val", "0")) if ilvl is not None else 0)
        known: dict[str, bool] = dict(own_bold)  # style → bold, its own or inherited
        for sid in set(based) | set(own_bold):
            chain: dict[str, None] = {}
            cur = sid
            while cur and cur not in known and cur not in chain:  # (each style is looked up once)
                chain[cur] = None
                cur = based.get(cur, "")
            bold = known.get(cur, False) if cur not in chain else False  # (a loop of styles: not bold)
            known.update(dict.fromkeys(chain, bold))
            if bold:
                out.bold.add(sid)
        return out


def _on(el: ET.Element | None) -> bool:
    """A toggle property (``<w:b/>``, ``<w:b w:val="0"/>``) is on?"""
    return el is not None and el.get(f"{W}val", "true").lower() not in ("0", "false", "off", "none")


# ---------------------------------------------------------------- the document


@dataclass
class _Reader:
    numbering: Numbering
    styles: Styles
    changes: Changes
    package: Package  # the text given is counted against what one document may expand to
    out: list[str] = field(default_factory=list)

    def block(self, parent: ET.Element) -> None:
        """Paragraphs and tables of a body, cell, text box or content control, in order."""
        for child in parent:
            tag = child.tag
            if tag == f"{W}p":
                self.paragraph(child)
            elif tag == f"{W}tbl":
                self.table(child)
            elif tag in (f"{W}sdt", f"{W}customXml", f"{W}sdtContent", f"{W}ins", f"{MC}AlternateContent",
                         f"{MC}Choice"):
                self.block(child)

    def table(self, tbl: ET.Element) -> None:
        for tr in tbl.findall(f"{W}tr"):  # this table's rows; a nested table is read in its cell
            cells: list[list[str]] = []
            for tc in tr.findall(f"{W}tc"):
                inner = _Reader(self.numbering, self.styles, self.changes, self.package)
                inner.block(tc)
                cells.append([p for p in inner.out if p.strip()])
            cells = [c for c in cells if c]
            if len(cells) == 1:
                self.out.extend(cells[0])  # a one-cell row (a layout table): its paragraphs as they are
            elif cells:
                self.out.append(CELL_GAP.join("".join(c) for c in cells))

    def paragraph(self, p: ET.Element) -> None:
        ppr = p.find(f"{W}pPr")
        style = ""
        num: tuple[str, int] | None = None
        if ppr is not None:
            ps = ppr.find(f"{W}pStyle")
            style = ps.get(f"{W}val", "") if ps is not None else ""
            np_ = ppr.find(f"{W}numPr")
            if np_ is not None:
                nid, ilvl = np_.find(f"{W}numId"), np_.find(f"{W}ilvl")
                if nid is not None:
                    num = (nid.get(f"{W}val", ""), int(ilvl.get(f"{W}val", "0")) if ilvl is not None else 0)
        if num is None and style in self.styles.numbered:
            num = self.styles.numbered[style]
        pieces: list[tuple[str, bool]] = []
        boxes: list[ET.Element] = []
        self.runs(p, style in self.styles.bold, pieces, boxes)
        for box in boxes:  # a text box anchored in this paragraph: its own paragraphs, first
            self.block(box)
        text = _with_marks(pieces)
        label = self.numbering.label(*num) if num else ""
        self.package.text(len(label) + len(text))
        if label and text.strip():
            self.changes.add("list_numbers", "", label)
        for line in (label + text).split("\n"):
            self.out.append(line)

    def runs(self, el: ET.Element, para_bold: bool, pieces: list[tuple[str, bool]], boxes: list[ET.Element]) -> None:
        for child in el:
            tag = child.tag
            if tag == f"{W}r":
                rpr = child.find(f"{W}rPr")
                bold = para_bold
                if rpr is not None:
                    b = rpr.find(f"{W}b")
                    rs = rpr.find(f"{W}rStyle")
                    if b is not None:
                        bold = _on(b)
                    elif rs is not None and rs.get(f"{W}val", "") in self.styles.bold:
                        bold = True
                    if _on(rpr.find(f"{W}vanish")):
                        continue  # hidden text
                for part in child:
                    ptag = part.tag
                    if ptag == f"{W}t":
                        pieces.append((part.text or "", bold))
                    elif ptag == f"{W}tab":
                        pieces.append(("\t", False))
                    elif ptag in (f"{W}br", f"{W}cr"):
                        pieces.append(("\n", False))
                    elif ptag == f"{W}noBreakHyphen":
                        pieces.append(("-", bold))
                    elif ptag in (f"{MC}AlternateContent", f"{W}drawing", f"{W}pict"):
                        boxes.extend(_text_boxes(part))
            elif tag in (f"{W}del", f"{W}moveFrom", f"{W}pPr", f"{W}rPr"):
                continue  # deleted revisions, properties
            elif tag in (f"{MC}AlternateContent", f"{W}drawing", f"{W}pict"):
                boxes.extend(_text_boxes(child))
            else:  # hyperlinks, fields, insertions, smart tags, content controls: their runs count
                self.runs(child, para_bold, pieces, boxes)


def _text_boxes(el: ET.Element) -> list[ET.Element]:
    """The text boxes under a drawing, once: Word writes each twice (``mc:Choice`` and a VML
    ``mc:Fallback``); the fallback is skipped."""
    if el.tag == f"{MC}AlternateContent":
        choice = el.find(f"{MC}Choice")
        el = choice if choice is not None else el.find(f"{MC}Fallback")
        if el is None:
            return []
    found: list[ET.Element] = []

    def walk(node: ET.Element) -> None:
        for child in node:
            if child.tag == f"{W}txbxContent":
                found.append(child)
            elif child.tag != f"{MC}Fallback":
                walk(child)

    walk(el)
    return found


def _with_marks(pieces: list[tuple[str, bool]]) -> str:
    """Runs joined; each stretch of bold runs short enough to be a headline or a name wrapped in ``**``.

    >>> _with_marks([("县住建局", True), ("开展核查", False)])
    '**县住建局**开展核查'
    """
    out: list[str] = []
    i = 0
    while i < len(pieces):
        text, bold = pieces[i]
        if not bold:
            out.append(text)
            i += 1
            continue
        j = i
        while j < len(pieces) and pieces[j][1]:
            j += 1
        span = "".join(t for t, _ in pieces[i:j])
        core = span.strip()
        if 0 < len(core) <= BOLD_MAX and "\n" not in core and "*" not in core and "_" not in core:
            lead = span[: len(span) - len(span.lstrip())]
            trail = span[len(span.rstrip()):]
            out.append(f"{lead}**{core}**{trail}")
        else:
            out.append(span)
        i = j
    return "".join(out)


def _part_text(package: Package, name: str, changes: Changes) -> list[str]:
    reader = _Reader(Numbering(), Styles(), changes, package)
    reader.block(package.xml(name))
    return [p.strip() for p in reader.out if p.strip()]


def docx_text(data: bytes, changes: Changes) -> str:
    """The text of a DOCX file, one paragraph a line (see the module's notes)."""
    with opened(data, DocxError, "corrupt Word file", "open and save it again in Word or WPS") as package:
        names = set(package.names)
        if "word/document.xml" not in names:
            raise DocxError("not a Word document (a zip without word/document.xml)")

        def part(name: str) -> ET.Element | None:  # (an empty one is as none)
            return package.xml(name) if name in names and not package.empty(name) else None

        numbering = Numbering.parse(part("word/numbering.xml"))
        styles = Styles.parse(part("word/styles.xml"))
        root = package.xml("word/document.xml")
        reader = _Reader(numbering, styles, changes, package)
        body = root.find(f"{W}body")
        reader.block(body if body is not None else root)
        del root, body
        for name in sorted(names):
            if re.fullmatch(r"word/(header|footer)\d*\.xml", name):
                for line in _part_text(package, name, changes):
                    changes.remove("page_header" if "header" in name else "page_footer", line)
        notes: list[str] = []
        for name, tag in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")):
            if name in names:
                for note in package.xml(name).iter(f"{W}{tag}"):
                    if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                        continue
                    sub = _Reader(numbering, styles, changes, package)
                    sub.block(note)
                    body_text = "".join(p.strip() for p in sub.out)
                    if body_text:
                        notes.append(f"[{note.get(f'{W}id', len(notes) + 1)}] {body_text}")
    lines = [ln.replace("\t", CELL_GAP).rstrip() for ln in reader.out]
    if notes:
        changes.add("footnotes", "", notes[0][:20], n=len(notes))
        lines += [""] + notes
    return "\n".join(ln for ln in lines if ln.strip())


def _tiny_docx(*paragraphs: str) -> bytes:
    """A minimal DOCX holding ``paragraphs`` (for examples and tests)."""
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{p}</w:t></w:r></w:p>' for p in paragraphs)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", f'<w:document xmlns:w="{W[1:-1]}"><w:body>{body}</w:body></w:document>')
    return buf.getvalue()
