#!/usr/bin/env python3
"""Speed of each input reader: the five seeds rendered as each format users are sent, each read
(normalise, which runs the reader) and split; documents per second on one core.

usage: python benchmarks/bench_readers.py [--rounds N] [--no-ocr] [--no-office]

Text, PDF (text layer, pypdfium2), HTML, DOCX and OFD are timed over N rounds; a scanned PDF (OCR)
and an old Word file (LibreOffice) once, since each takes seconds.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "src"))

import damage  # noqa: E402
import formats  # noqa: E402

from bulletin_cli.normalise import normalise_bytes  # noqa: E402
from bulletin_cli.split import split_document  # noqa: E402


def render(tmp: Path, ocr: bool, office: bool) -> dict[str, list[bytes]]:
    seeds = sorted(p for p in (ROOT / "samples").glob("*.txt") if p.name.count(".") == 1)
    files: dict[str, list[bytes]] = {k: [] for k in ("text", "html", "pdf", "docx", "ofd", "doc", "scan")}
    for seed in seeds:
        paras = damage.clean_paragraphs(seed.read_bytes())
        files["text"].append(seed.read_bytes())
        files["html"].append(("<html><head><meta charset='utf-8'></head><body>" + "".join(f"<p>{p}</p>" for p in paras)
                              + "</body></html>").encode())
        damage.render_pdf(paras, tmp / "a.pdf")
        files["pdf"].append((tmp / "a.pdf").read_bytes())
        formats.render_docx(paras, tmp / "a.docx")
        files["docx"].append((tmp / "a.docx").read_bytes())
        formats.render_ofd(paras, tmp / "a.ofd")
        files["ofd"].append((tmp / "a.ofd").read_bytes())
        if office:
            program = shutil.which("soffice")
            subprocess.run([program, "--headless", "--convert-to", "doc", "--outdir", str(tmp), str(tmp / "a.docx")],
                           check=True, capture_output=True)
            files["doc"].append((tmp / "a.doc").read_bytes())
        if ocr:
            formats.render_scan(paras, tmp / "scan.pdf")
            files["scan"].append((tmp / "scan.pdf").read_bytes())
    return {k: v for k, v in files.items() if v}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--no-ocr", action="store_true")
    ap.add_argument("--no-office", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = render(Path(tmp), not args.no_ocr and formats.cjk_font() is not None,
                       not args.no_office and shutil.which("soffice") is not None)
    print("| format | documents | seconds | documents/s | ms/document |")
    print("|---|---|---|---|---|")
    for kind, blobs in files.items():
        rounds = 1 if kind in ("doc", "scan") else args.rounds
        suffix = {"scan": ".pdf", "text": ".txt"}.get(kind, "." + kind)
        if kind == "scan":
            normalise_bytes(blobs[0], source="warm" + suffix)  # the OCR models load once a process
        start = time.perf_counter()
        for _ in range(rounds):
            for k, data in enumerate(blobs):
                split_document(normalise_bytes(data, source=f"{k}{suffix}"))
        took = time.perf_counter() - start
        n = rounds * len(blobs)
        print(f"| {kind} | {n} | {took:.2f} | {n / took:.1f} | {1000 * took / n:.0f} |")


if __name__ == "__main__":
    main()
