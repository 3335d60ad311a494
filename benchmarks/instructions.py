#!/usr/bin/env python3
"""The chain's cost per document counted, not timed: instructions and cache misses under valgrind's
cachegrind, which a busy host does not change (wall-clock rounds on this project's shared machine
moved by up to 30% between runs of the same code).

usage: python benchmarks/instructions.py [--base DIR] [--small 300] [--large 900] [--work DIR]

Runs ``bulletin export FOLDER -f csv -j 1`` under ``valgrind --tool=cachegrind --cache-sim=yes`` on
two folders of the benchmark corpus (``--small`` and ``--large`` documents, built as by
``bench_chain.py``), and prints, for this code and (with ``--base``) the ``src`` of another checkout
(``git worktree add /tmp/base COMMIT``), the cost of one more document: the difference between the
two runs over the difference in documents, so that start-up (reading the lexicon, compiling
patterns) is not counted. Estimated cycles weigh a first-level miss as 10 instructions and a
last-level miss as 100 (valgrind's usual rough model). Needs valgrind; each run takes minutes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_chain import ROOT, build_corpus  # noqa: E402

#: The counts cachegrind prints, by the name of its line.
COUNTS = {"I   refs": "instructions", "I1  misses": "i1", "D1  misses": "d1", "LL misses": "ll"}


def counted(src: Path, folder: Path) -> dict[str, int]:
    """cachegrind's counts for one export of ``folder`` with the package at ``src``."""
    with tempfile.TemporaryDirectory() as tmp:
        cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=yes", f"--cachegrind-out-file={tmp}/cg.out",
               sys.executable, "-m", "bulletin_cli", "export", str(folder), "-f", "csv", "-j", "1",
               "-o", f"{tmp}/out.csv"]
        env = {**os.environ, "PYTHONPATH": str(src)}
        run = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=tmp)
    out: dict[str, int] = {}
    for line in run.stderr.splitlines():
        for label, name in COUNTS.items():
            if label in line:
                out[name] = int(re.search(r":\s+([\d,]+)", line).group(1).replace(",", ""))
    if "instructions" not in out:
        raise SystemExit(f"valgrind gave no counts for {src}: {run.stderr.strip()[-300:]}")
    return out


def per_document(src: Path, small: Path, large: Path, n_small: int, n_large: int) -> dict[str, float]:
    a, b = counted(src, small), counted(src, large)
    per = {k: (b[k] - a[k]) / (n_large - n_small) for k in a}
    per["cycles"] = per["instructions"] + 10 * (per["i1"] + per["d1"]) + 100 * per["ll"]
    return per


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", help="another checkout's root (its src is measured too)")
    ap.add_argument("--small", type=int, default=300)
    ap.add_argument("--large", type=int, default=900)
    ap.add_argument("--work", default=str(ROOT / "bench-out"))
    a = ap.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("instructions.py needs valgrind (apt install valgrind)")
    folders = {}
    for n in (a.small, a.large):
        folders[n] = Path(a.work) / f"instructions-{n}"
        if not folders[n].exists():
            build_corpus(folders[n], n)
    trees = {"this code": ROOT / "src"}
    if a.base:
        trees["base"] = Path(a.base) / "src"
    results = {name: per_document(src, folders[a.small], folders[a.large], a.small, a.large)
               for name, src in trees.items()}
    print(f"one more document ({a.small} -> {a.large} documents), millions:")
    for name, per in results.items():
        print(f"  {name:10s} " + "  ".join(f"{k} {v / 1e6:8.3f}" for k, v in per.items()))
    if "base" in results:
        for k in ("instructions", "cycles"):
            print(f"  this code against base: {k} {100 * (results['this code'][k] / results['base'][k] - 1):+.1f}%")


if __name__ == "__main__":
    main()
