#!/usr/bin/env python3
"""Texts whose line breaks were all lost, as pages copied or crawled often are: the seeds and the
development set's texts each run onto one line, once with a space where each break was (a
crawler joining a page's text nodes) and once with nothing (a copy that dropped them), scored
against their gold with ``../shared/tools/score.py``. A crawler's header (``==== 正文 ====`` and
the lines above it) is kept as it comes.

usage: python benchmarks/eval_flattened.py [OUT_DIR]
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SCORE = ROOT.parent / "shared" / "tools" / "score.py"
BODY_MARK = "==================== 正文 ===================="
SETS = {"seeds": (CORPUS / "seeds", CORPUS / "gold", "*.txt"),
        "real": (CORPUS / "real", CORPUS / "real-gold", "[rp]*.txt")}


def flatten(text: str, joiner: str) -> str:
    """``text`` on one line, its breaks replaced by ``joiner`` (a crawler's header kept)."""
    head, mark, body = text.partition(BODY_MARK)
    if not mark:
        head, body = "", text
    else:
        head += mark + "\n"
    return head + re.sub(r"\s*\n\s*", joiner, body.strip())


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="flattened-"))
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    for name, (folder, gold, glob) in SETS.items():
        if not folder.is_dir():
            print(f"{name:5} (no {folder})")
            continue
        for how, joiner in (("spaces", " "), ("nothing", "")):
            target = out / name / how
            target.mkdir(parents=True, exist_ok=True)
            for f in sorted(folder.glob(glob)):
                (target / f.name).write_text(flatten(f.read_text(encoding="utf-8"), joiner), encoding="utf-8")
            proc = subprocess.run([sys.executable, str(SCORE), "--gold", str(gold), *map(str, sorted(target.iterdir()))],
                                  capture_output=True, text=True, env=env)
            print(f"{name:5} {how:8} {proc.stdout.strip().splitlines()[-1]}")


if __name__ == "__main__":
    main()
