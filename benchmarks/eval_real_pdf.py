#!/usr/bin/env python3
"""The development set's real texts through real PDF extraction: each text of
``../shared/corpus/real`` typeset to PDF (reportlab), extracted again with pypdfium2, pdftotext and
``pdftotext -layout``, and scored against its gold with ``../shared/tools/score.py``, next to the
text itself. What a document from another place loses on the way through a PDF shows here.

usage: python benchmarks/eval_real_pdf.py [OUT_DIR]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpus" / "real"
GOLD = ROOT.parent / "shared" / "corpus" / "real-gold"
SCORE = ROOT.parent / "shared" / "tools" / "score.py"
sys.path.insert(0, str(ROOT / "scripts"))

import damage  # noqa: E402


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="real-pdf-"))
    out.mkdir(parents=True, exist_ok=True)
    texts = sorted([*REAL.glob("r*.txt"), *REAL.glob("pingtan_*.txt")])
    for f in texts:
        stem = f.name.split(".")[0]
        pdf = out / f"{stem}.pdf"
        damage.render_pdf(damage.clean_paragraphs(f.read_bytes()), pdf)
        for how in damage.EXTRACTORS:
            (out / f"{stem}.pdf-{how}.txt").write_text(damage.extract(pdf, how), encoding="utf-8")
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    for label, files in [("text", texts)] + [(how, sorted(out.glob(f"*.pdf-{how}.txt"))) for how in damage.EXTRACTORS]:
        proc = subprocess.run([sys.executable, str(SCORE), "--gold", str(GOLD), *map(str, files)],
                              capture_output=True, text=True, env=env)
        print(f"{label:10} {proc.stdout.strip().splitlines()[-1]}")


if __name__ == "__main__":
    main()
