#!/usr/bin/env python3
"""Benchmark: normalise throughput (MB/s on one core) and start-up time of `bulletin --help`.

usage: python benchmarks/bench_normalise.py [N_DOCS]

Builds N_DOCS documents (default 3000) from the samples' real text, varied by re-encoding
(UTF-8, GB18030, UTF-16) and re-wrapping at different widths with blank lines between lines, then
times `normalise_bytes` over all of them in this process. Start-up is the median of 7 runs of
`bulletin --help` against `python -c "import typer"`. Targets: >= 10 MB/s, help <= 1.5x typer.
"""

from __future__ import annotations

import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from bulletin_cli.normalise import normalise_bytes  # noqa: E402


def corpus(n: int) -> list[bytes]:
    rng = random.Random(7)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt")) if p.name.count(".") == 1]
    out = []
    for k in range(n):
        text = texts[k % len(texts)]
        if k % 3 == 1:  # re-wrap like a PDF extraction
            width = rng.choice([28, 30, 36, 40])
            flat = text.replace("\n", "")
            text = "\n\n".join(flat[i:i + width] for i in range(0, len(flat), width))
        codec = ["utf-8", "gb18030", "utf-16"][k % 3]
        out.append(text.encode(codec))
    return out


def median_time(cmd: list[str], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    docs = corpus(n)
    size = sum(len(d) for d in docs)
    t = time.process_time()  # CPU time of this process: one core, unaffected by other load
    for d in docs:
        normalise_bytes(d)
    elapsed = time.process_time() - t
    print(f"normalise: {n} documents, {size / 1e6:.1f} MB in {elapsed:.2f} s = {size / 1e6 / elapsed:.1f} MB/s, "
          f"{n / elapsed:.0f} docs/s (target >= 10 MB/s)")
    bulletin = shutil.which("bulletin") or str(Path(sys.executable).parent / "bulletin")
    help_t = median_time([bulletin, "--help"])
    typer_t = median_time([sys.executable, "-c", "import typer"])
    print(f"start-up: bulletin --help {help_t * 1000:.0f} ms, python -c 'import typer' {typer_t * 1000:.0f} ms, "
          f"ratio {help_t / typer_t:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
