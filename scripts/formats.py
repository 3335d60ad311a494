#!/usr/bin/env python3
"""Render a seed bulletin as the other files users are sent: Word (DOCX), OFD, and a scanned PDF.

usage: python scripts/formats.py SEED.txt OUT_DIR

- DOCX with python-docx: a paragraph per paragraph, the masthead centred and bold, first-line
  indents, the title as a running page header and a page-number footer (what Word writes).
- OFD built as an office writer places it (GB/T 33190): A4 pages, 仿宋 三号 (16 pt) on a 28 pt
  pitch, 28 mm left margin, lines wrapped at the text width with the usual kinsoku (no line opens
  with a closing mark), first-line indent of two characters, short lines centred, several text
  objects on a line (cut after each comma, as writers cut at font or style changes), and a page
  number at the foot of each page.
- a scan: the text typeset to PDF with a Chinese TrueType font, each page rasterised (pypdfium2),
  and the images put back into an image-only PDF, as a scanner or a "print to image" gives.

Needs python-docx, reportlab, pypdfium2 and Pillow (the test extra), and for the scan a Chinese
font file (:func:`cjk_font`; apt-get install fonts-wqy-microhei).
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))

import damage  # noqa: E402

MASTHEAD_LINES = 4  # the title, issue, issuer and date of a seed come first, each short


def render_docx(paragraphs: list[str], path: Path, title: str = "") -> None:
    """A Word file of ``paragraphs`` as an office types it."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()
    section = doc.sections[0]
    section.header.paragraphs[0].text = title or paragraphs[0]
    section.footer.paragraphs[0].text = "- 1 -"
    for k, text in enumerate(paragraphs):
        p = doc.add_paragraph()
        short = len(text) <= 24
        if short:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            p.paragraph_format.first_line_indent = Pt(32)
        run = p.add_run(text)
        run.font.size = Pt(22 if k == 0 else 16)
        if short and (k < MASTHEAD_LINES or text.startswith("【")):
            run.bold = True
    doc.save(str(path))


# ---------------------------------------------------------------- OFD

PAGE_W, PAGE_H = 210.0, 297.0
LEFT, TOP, BOTTOM = 28.0, 37.0, 35.0
SIZE = 16 * 25.4 / 72  # 三号, in millimetres
PITCH = 28 * 25.4 / 72
TEXT_W = PAGE_W - LEFT - 26.0
NO_LINE_START = "，。、；：？！）》”’…"
NS = "http://www.ofdspec.org/2016"


def _width(ch: str) -> float:
    return SIZE / 2 if ord(ch) < 0x2E80 and ch not in "“”‘’" else SIZE


def wrap(text: str, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width``, as a word processor breaks Chinese: at
    any character, but never inside a run of Latin letters or digits (``2019-01-04``), and a
    closing mark stays on its line (kinsoku)."""
    import re

    lines, cur, used = [], "", 0.0
    for token in re.findall(r"[\x21-\x7e]+|.", text):
        w = sum(_width(c) for c in token)
        if cur and used + w > width + 1e-6 and token[0] not in NO_LINE_START:
            lines.append(cur)
            cur, used = "", 0.0
        cur += token
        used += w
    if cur:
        lines.append(cur)
    return lines


def _text_object(oid: int, x: float, baseline: float, text: str) -> str:
    deltas = " ".join(f"{_width(c):.3f}" for c in text[:-1])
    return (f'<ofd:TextObject ID="{oid}" Boundary="{x:.3f} {baseline - SIZE:.3f} {TEXT_W:.3f} {SIZE * 1.4:.3f}" '
            f'Font="2" Size="{SIZE:.3f}"><ofd:TextCode X="0" Y="{SIZE:.3f}" DeltaX="{deltas}">{escape(text)}'
            f'</ofd:TextCode></ofd:TextObject>')


def layout_lines(paragraphs: list[str]) -> list[list[tuple[float, str]]]:
    """Pages of (x, text) lines: short lines centred, others indented and wrapped."""
    rows: list[tuple[float, str] | None] = []
    for text in paragraphs:
        width = sum(_width(c) for c in text)
        if len(text) <= 24:
            rows.append((LEFT + (TEXT_W - width) / 2, text))
        else:
            first, *rest = wrap(text, TEXT_W - 2 * SIZE)[:1] or [""]
            rest = wrap(text[len(first):], TEXT_W)
            rows.append((LEFT + 2 * SIZE, first))
            rows.extend((LEFT, line) for line in rest)
    per_page = int((PAGE_H - TOP - BOTTOM) // PITCH)
    return [rows[i:i + per_page] for i in range(0, len(rows), per_page)]


def render_ofd(paragraphs: list[str], path: Path) -> None:
    """An OFD file of ``paragraphs``: one document, a page per A4, placed text objects."""
    pages = layout_lines(paragraphs)
    oid = 10
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.1" '
                              f'DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo>'
                              f'<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        refs = "".join(f'<ofd:Page ID="{k + 1}" BaseLoc="Pages/Page_{k}/Content.xml"/>' for k in range(len(pages)))
        z.writestr("Doc_0/Document.xml",
                   f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
                   f'<ofd:MaxUnitID>99999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 {PAGE_W} {PAGE_H}'
                   f'</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>'
                   f'<ofd:Pages>{refs}</ofd:Pages></ofd:Document>')
        z.writestr("Doc_0/PublicRes.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" '
                                          f'BaseLoc="Res"><ofd:Fonts><ofd:Font ID="2" FontName="仿宋" '
                                          f'FamilyName="仿宋"/></ofd:Fonts></ofd:Res>')
        for k, rows in enumerate(pages):
            objects = []
            for n, (x, text) in enumerate(rows):
                baseline = TOP + n * PITCH + SIZE
                start = 0
                for cut in [i + 1 for i, c in enumerate(text) if c == "，" and i + 1 < len(text)] + [len(text)]:
                    part = text[start:cut]
                    if part:
                        objects.append(_text_object(oid, x + sum(_width(c) for c in text[:start]), baseline, part))
                        oid += 1
                    start = cut
            number = f"— {k + 1} —"
            objects.append(_text_object(oid, (PAGE_W - len(number) * SIZE) / 2, PAGE_H - 20, number))
            oid += 1
            z.writestr(f"Doc_0/Pages/Page_{k}/Content.xml",
                       f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}"><ofd:Content>'
                       f'<ofd:Layer ID="{oid}">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>')
            oid += 1


# ---------------------------------------------------------------- a scan

FONT_PLACES = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
               "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/truetype/arphic/uming.ttc",
               "/System/Library/Fonts/PingFang.ttc", "/System/Library/Fonts/STHeiti Light.ttc",
               "C:/Windows/Fonts/simsun.ttc", "C:/Windows/Fonts/msyh.ttc")


def cjk_font() -> Path | None:
    """A Chinese TrueType font on this machine, to draw a scan with."""
    return next((Path(p) for p in FONT_PLACES if Path(p).exists()), None)


def render_scan(paragraphs: list[str], path: Path, dpi: int = 200) -> None:
    """An image-only PDF of ``paragraphs``: typeset, rasterised at ``dpi``, and put back as images."""
    import pypdfium2 as pdfium
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    font = cjk_font()
    if font is None:
        raise RuntimeError("no Chinese font to draw the scan with (apt-get install fonts-wqy-microhei)")
    pdfmetrics.registerFont(TTFont("scanfont", str(font), subfontIndex=0))
    style = ParagraphStyle("cn", fontName="scanfont", fontSize=12, leading=20, wordWrap="CJK",
                           firstLineIndent=24, spaceAfter=6)
    typeset = io.BytesIO()
    doc = SimpleDocTemplate(typeset, pagesize=A4)
    doc.build([Paragraph(escape(p), style) for p in paragraphs])
    pdf = pdfium.PdfDocument(typeset.getvalue())
    images = [pdf[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(pdf))]
    pdf.close()
    images[0].save(str(path), save_all=True, append_images=images[1:], resolution=dpi)


def main(seed: Path, out: Path) -> None:
    paragraphs = damage.clean_paragraphs(seed.read_bytes())
    out.mkdir(parents=True, exist_ok=True)
    stem = seed.name.split(".")[0]
    render_docx(paragraphs, out / f"{stem}.docx")
    render_ofd(paragraphs, out / f"{stem}.ofd")
    if cjk_font():
        render_scan(paragraphs, out / f"{stem}.scan.pdf")
    print(f"wrote {stem} as DOCX, OFD{' and a scanned PDF' if cjk_font() else ''} to {out}", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
