#!/usr/bin/env python3
"""Benchmark: whole-process time of one small `bulletin split`, with `bulletin --help` for scale.

usage: python benchmarks/bench_startup.py [--runs 10] [--base PATH] [FILE]

Runs, in turn, `python -c pass`, `bulletin --help` and `bulletin split FILE -f jsonl` (FILE: the
first sample, 6 KB) as fresh processes, RUNS rounds, and prints the median and spread of each. With
``--base PATH`` (a checkout of other code, e.g. ``git worktree add /tmp/base <commit>``), the same
commands from that checkout's ``src`` are timed in the same rounds, alternating, so that the two
are compared under the same load. Target (issue 23): split ≤ 250 ms.

The runs are timed as a user's machine runs them: with Python's bytecode cache written
(``PYTHONDONTWRITEBYTECODE``, set on some CI machines, makes every run compile every module:
about 100 ms more) and the regex cache of :mod:`bulletin_cli.regexcache` in a folder of its own,
filled by one untimed run first (``--cold`` times without it: a first run, or
``BULLETIN_REGEX_CACHE=0``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "samples" / "001_75d54552dd06eab0.txt"


def timed(argv: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", default=str(SMALL))
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--base", type=Path, help="another checkout to time beside this one")
    ap.add_argument("--cold", action="store_true", help="without the regex cache")
    args = ap.parse_args()
    import tempfile

    cache = tempfile.mkdtemp(prefix="bulletin-regex-")
    base_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    base_env["BULLETIN_REGEX_CACHE"] = "0" if args.cold else cache
    trees = {"this": ROOT} | ({"base": args.base.resolve()} if args.base else {})
    commands = {"python -c pass": ["-c", "pass"], "bulletin --help": ["-m", "bulletin_cli", "--help"],
                "bulletin split": ["-m", "bulletin_cli", "split", args.file, "-f", "jsonl"]}
    times: dict[tuple[str, str], list[float]] = {}
    for round_ in range(-1, args.runs):  # (round -1: bytecode and regex caches written, not timed)
        for tree, root in trees.items():
            env = {**base_env, "PYTHONPATH": str(root / "src")}
            for name, argv in commands.items():
                if name == "python -c pass" and tree != "this":
                    continue
                seconds = timed([sys.executable, *argv], env)
                if round_ >= 0:
                    times.setdefault((tree, name), []).append(seconds)
    print(f"{args.runs} rounds, {os.cpu_count()} cores, {Path(args.file).name}"
          f"{', no regex cache' if args.cold else ''}")
    for (tree, name), values in times.items():
        values.sort()
        print(f"{tree:5} {name:16} median {statistics.median(values) * 1000:6.0f} ms"
              f"  (min {values[0] * 1000:.0f}, max {values[-1] * 1000:.0f})")


if __name__ == "__main__":
    main()
