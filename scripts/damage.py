#!/usr/bin/env python3
"""Make damaged copies of the seed bulletins, the way real downloads arrive.

usage: python scripts/damage.py [SEEDS_DIR] [OUT_DIR]

Writes, next to the clean seeds, copies that keep the seed's name up to its first dot (so the
gold file still matches): re-encoded (GB18030, UTF-16, UTF-8 with BOM), CRLF line ends, and text
extracted from a real PDF rendering with pdftotext, pdftotext -layout and pypdfium2.

Needs reportlab (renders with the built-in STSong-Light CID font, no font files) and, for the
extractions, poppler's pdftotext and pypdfium2 (the test extra installs both Python packages).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from bulletin_cli.normalise import normalise_bytes  # noqa: E402

ENCODINGS = {"gb18030": ("gb18030", ""), "utf16": ("utf-16", ""), "bom": ("utf-8-sig", ""),
             "crlf": ("utf-8", "\r\n")}
EXTRACTORS = ("pdftotext", "layout", "pdfium")


def encode_copy(text: str, kind: str) -> bytes:
    """The seed's text as one of :data:`ENCODINGS`."""
    codec, newline = ENCODINGS[kind]
    if newline:
        text = text.replace("\n", newline)
    return text.encode(codec)


def render_pdf(paragraphs: list[str], path: Path) -> None:
    """Typeset paragraphs on A4 pages, CJK line wrapping, first-line indent, page numbers."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cn", fontName="STSong-Light", fontSize=12, leading=20, wordWrap="CJK",
                           firstLineIndent=24, spaceAfter=6)

    def page_number(canvas, doc) -> None:
        canvas.setFont("STSong-Light", 9)
        canvas.drawCentredString(A4[0] / 2, 30, f"- {doc.page} -")

    # STSong-Light has the GB middle dot under U+30FB; given U+00B7 it drops the glyph and
    # pdftotext breaks the line there. Real Word/WPS PDFs carry a ToUnicode map instead.
    paragraphs = [p.replace("\u00b7", "\u30fb") for p in paragraphs]
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build([Paragraph(escape(p), style) for p in paragraphs], onFirstPage=page_number, onLaterPages=page_number)


def cjk_canvas(path: Path):
    """A reportlab canvas for an A4 page with the built-in STSong-Light CID font (no font files),
    and a ``wrap(text, size)`` that breaks text anywhere at the text width, as CJK typesetting does.
    Returns (canvas, font name, page width, page height, left margin, right margin, wrap)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    width, height = A4
    left, right = 72, width - 72

    def wrap(text: str, size: int) -> list[str]:
        lines, cur = [], ""
        for ch in text:
            if pdfmetrics.stringWidth(cur + ch, font, size) > right - left:
                lines.append(cur)
                cur = ch
            else:
                cur += ch
        return lines + ([cur] if cur else [])

    return canvas.Canvas(str(path), pagesize=A4), font, width, height, left, right, wrap


def render_laid_out(path: Path, masthead: dict, items: list[tuple[str, list[str], str]], footer: list[str],
                    header: str | None = None) -> None:
    """Typeset a bulletin the way offices lay one out, with the canvas: the title large and
    centred, the issue under it, the issuer left and the date right on one line, a rule, headlines
    centred, bodies indented two characters, credits set right, a running ``header`` atop later
    pages, page numbers, and the footer lines between two rules at the foot of the last page.

    ``masthead`` has title, issue, issuer, date; ``items`` are (headline, paragraphs, credit).
    """
    from reportlab.lib.colors import black, red

    c, font, width, height, left, right, wrap = cjk_canvas(path)
    state = {"page": 1, "y": height - 90}

    def page_number() -> None:
        c.setFont(font, 10)
        c.drawCentredString(width / 2, 40, f"— {state['page']} —")

    def room(h: float) -> None:
        if state["y"] - h >= 70:
            return
        page_number()
        c.showPage()
        state["page"] += 1
        state["y"] = height - 72
        if header:
            c.setFont(font, 9)
            c.drawString(left, height - 50, header)
            c.line(left, height - 55, right, height - 55)

    def line(text: str, size: int, how: str = "left", step: float = 20) -> None:
        room(step)
        c.setFont(font, size)
        y = state["y"]
        {"left": lambda: c.drawString(left, y, text), "centre": lambda: c.drawCentredString(width / 2, y, text),
         "right": lambda: c.drawRightString(right, y, text)}[how]()
        state["y"] -= step

    c.setFillColor(red)
    line(masthead["title"], 30, "centre", 40)
    c.setFillColor(black)
    line(masthead["issue"], 14, "centre", 30)
    c.setFont(font, 12)
    c.drawString(left, state["y"], masthead["issuer"])
    c.drawRightString(right, state["y"], masthead["date"])
    c.setStrokeColor(red)
    c.setLineWidth(2)
    c.line(left, state["y"] - 10, right, state["y"] - 10)
    state["y"] -= 40
    c.setStrokeColor(black)
    c.setLineWidth(1)
    for headline, paragraphs, credit in items:
        for part in wrap(headline, 15):
            line(part, 15, "centre", 22)
        state["y"] -= 4
        for para in paragraphs:
            for part in wrap("\u3000\u3000" + para, 12):
                line(part, 12)
        if credit:
            line(credit, 12, "right")
        state["y"] -= 14
    room(20 * len(footer) + 40)
    state["y"] = min(state["y"], 60 + 20 * len(footer) + 20)
    c.line(left, state["y"], right, state["y"])
    state["y"] -= 20
    for text in footer:
        line(text, 11, "left", 18)
    c.line(left, state["y"] + 8, right, state["y"] + 8)
    page_number()
    c.save()


def extract(pdf: Path, how: str) -> str:
    """Text of ``pdf`` by ``how``: pdftotext, pdftotext -layout (``layout``) or pypdfium2 (``pdfium``)."""
    if how == "pdfium":
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(str(pdf))
        pages = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
        doc.close()
        return "\n\f".join(pages)
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if how == "layout" else []) + [str(pdf), "-"]
    return subprocess.run(args, check=True, capture_output=True).stdout.decode("utf-8")


def clean_paragraphs(data: bytes) -> list[str]:
    """The normalised paragraphs of a seed: what a PDF rendering should give back."""
    text = normalise_bytes(data)["text"]
    return [p for p in text.split("\n") if p.strip()]


def pdf_extraction(data: bytes, how: str) -> str:
    """Render the seed's clean text to PDF and extract it again with ``how``."""
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "seed.pdf"
        render_pdf(clean_paragraphs(data), pdf)
        return extract(pdf, how)


#: Which damaged copies go into samples/: a few of each kind, spread over the seeds.
PLAN = {
    "000": ["utf16", "pdftotext"],
    "001": ["gb18030", "layout"],
    "002": ["crlf", "pdfium"],
    "003": ["bom", "pdftotext"],
    "004": ["gb18030", "pdfium", "layout"],
}


def main(seeds: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    have_pdftotext = shutil.which("pdftotext") is not None
    for seed in sorted(seeds.glob("*.txt")):
        if "." in seed.stem:
            continue
        data = seed.read_bytes()
        stem = seed.name.split(".")[0]
        (out / seed.name).write_bytes(data) if seeds != out else None
        for kind in PLAN.get(stem[:3], []):
            if kind in ENCODINGS:
                (out / f"{stem}.{kind}.txt").write_bytes(encode_copy(data.decode("utf-8"), kind))
            elif kind == "pdfium" or have_pdftotext:
                (out / f"{stem}.pdf-{kind}.txt").write_text(pdf_extraction(data, kind), encoding="utf-8")
            else:
                print(f"skipping {stem} {kind}: pdftotext not installed", file=sys.stderr)
    print(f"wrote damaged copies to {out}", file=sys.stderr)


if __name__ == "__main__":
    seeds = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "samples"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "samples"
    main(seeds, out)
