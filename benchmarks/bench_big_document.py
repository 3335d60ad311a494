#!/usr/bin/env python3
"""One large document through the whole chain: time and peak memory at 1, 10 and 100 MB.

usage: python benchmarks/bench_big_document.py [--sizes 1,10,100] [--work DIR]

Each document is the samples' bulletins, summaries and digests repeated (with **bold** unit names
marked now and then, as Markdown copies have them) to the size asked for, in UTF-8. Each is run as
``bulletin export FILE -f csv -o DIR/out.csv``; the ratio of each 10× step in time and memory is
printed. Target (issue 12): each 10× step costs at most 12× the time, and memory stays a small
multiple of the document's size.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent / "bulletin"


def build(path: Path, megabytes: float) -> int:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt")) if p.name.count(".") == 1]
    base = "\n\n".join(texts).replace("县住建局", "**县住建局**", 1)
    n = int(megabytes * 1e6 / len(base.encode("utf-8"))) + 1
    data = "\n\n".join([base] * n).encode("utf-8")
    path.write_bytes(data)
    return len(data)


def run(path: Path, out: Path) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one export."""
    code = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
            "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    res = subprocess.run([sys.executable, "-c", code, str(BIN), "export", str(path), "-f", "csv", "-o", str(out),
                          "--force", "--no-progress"], capture_output=True, text=True, check=True).stdout.split()
    return float(res[0]), int(res[1]) / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1,10,100")
    ap.add_argument("--work", default=None)
    a = ap.parse_args()
    work = Path(a.work or tempfile.mkdtemp(prefix="bigdoc-"))
    work.mkdir(parents=True, exist_ok=True)
    last = None
    for mb in (float(s) for s in a.sizes.split(",")):
        path = work / f"doc-{mb:g}MB.txt"
        size = build(path, mb)
        wall, rss = run(path, work / "out.csv")
        step = f"; ×{wall / last[0]:.1f} time, ×{rss / last[1]:.1f} memory for ×{size / last[2]:.0f} size" if last else ""
        print(f"{size / 1e6:.1f} MB: {wall:.1f} s ({size / 1e6 / wall:.2f} MB/s), peak {rss:.0f} MB{step}", flush=True)
        last = (wall, rss, size)
        path.unlink()


if __name__ == "__main__":
    main()
