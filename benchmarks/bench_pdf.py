#!/usr/bin/env python3
"""PDF in bulk: pages a second read by pypdfium2 (the default reader, in process) and by poppler's
``pdftotext`` (a subprocess, the fallback), on short files and on one long file.

usage: python benchmarks/bench_pdf.py [--pages 400] [--files 40] [--rounds 3]

The samples' text is typeset by reportlab (scripts/damage.py's ``render_pdf``) into a two-page
file, read ``--files`` times, and into one ``--pages``-page file; each reader's best of
``--rounds`` is printed as pages a second. Needs reportlab (the test extra) and, for the second
column, pdftotext on the PATH.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "src"))

import damage  # noqa: E402

from bulletin_cli.read.pdf import _pdfium_text, _poppler_text  # noqa: E402


def paragraphs() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt")) if p.name.count(".") == 1]
    return [line.strip() for text in texts for line in text.split("\n") if line.strip()]


def make(path: Path, pages: int, paras: list[str]) -> int:
    """A PDF of at least ``pages`` pages (the paragraphs repeated); the number it has."""
    import pypdfium2 as pdfium

    damage.render_pdf(paras, path)
    once = len(pdfium.PdfDocument(path.read_bytes()))
    damage.render_pdf(paras * -(-pages // once), path)
    return len(pdfium.PdfDocument(path.read_bytes()))


def best(job, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    import pypdfium2 as pdfium

    from bulletin_cli.changes import Changes

    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=400)
    ap.add_argument("--files", type=int, default=40)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    paras = paragraphs()
    work = Path(tempfile.mkdtemp(prefix="bench-pdf-"))
    short, long = work / "short.pdf", work / "long.pdf"
    damage.render_pdf(paras[:40], short)
    short_pages = len(pdfium.PdfDocument(short.read_bytes()))
    long_pages = make(long, a.pages, paras)
    cases = [(f"{a.files} files of {short_pages} pages", short.read_bytes(), a.files, short_pages),
             (f"one file of {long_pages} pages", long.read_bytes(), 1, long_pages)]
    readers = {"pypdfium2": lambda data: _pdfium_text(pdfium, data, Changes())}
    if shutil.which("pdftotext"):
        readers["pdftotext"] = _poppler_text
    for name, data, copies, pages in cases:
        row = []
        for reader, read in readers.items():
            seconds = best(lambda: [read(data) for _ in range(copies)], a.rounds)
            row.append(f"{reader} {copies * pages / seconds:,.0f} pages/s")
        print(f"{name}: " + ", ".join(row))
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
