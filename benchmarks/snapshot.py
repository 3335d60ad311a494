#!/usr/bin/env python3
"""Behaviour snapshot: what `split` and `tag` give for 1,000 benchmark documents and every fixture,
so that a refactor can show it changed nothing but what it meant to.

usage: python benchmarks/snapshot.py save FILE [--docs 1000]
       python benchmarks/snapshot.py diff OLD NEW [--show 5]

``save`` builds the benchmark corpus (benchmarks/bench_chain.py's generator, seed 42) and runs
``bulletin tag`` (which holds split's output too) over it and over samples/, tests/data/ and the
real corpus in ../shared/corpus/real when present; one JSON line per item, keyed by file and seq.
``diff`` counts the documents whose items differ and shows a few of each kind of difference.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent / "bulletin"
sys.path.insert(0, str(ROOT / "benchmarks"))


def _fixture_dirs() -> list[Path]:
    dirs = [ROOT / "samples", ROOT / "tests" / "data"]
    real = ROOT.parent / "shared" / "corpus" / "real"
    return dirs + ([real] if real.is_dir() else [])


def _run(paths: list[Path], glob: str) -> list[dict]:
    out = subprocess.run([str(BIN), "tag", *map(str, paths), "--glob", glob, "-f", "jsonl"],
                         capture_output=True, check=False)
    recs = []
    for line in out.stdout.decode("utf-8").splitlines():
        rec = json.loads(line)
        # the file a record came from: the same text gives the same doc_id whatever its name
        recs.append(rec)
    return recs


def save(path: str, docs: int) -> None:
    from bench_chain import build_corpus

    work = Path(tempfile.mkdtemp(prefix="snapshot-"))
    try:
        build_corpus(work / "bench", docs)
        recs = _run([work / "bench"], "*.txt")
        for folder in _fixture_dirs():
            for glob in ("*.txt", "*.md", "*.html"):
                if any(folder.glob(glob)):
                    recs += _run([folder], glob)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    with open(path, "w", encoding="utf-8") as fh:
        for rec in recs:
            rec["source"] = Path(rec.get("source", "-")).name
            fh.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(recs)} records from {len({r['source'] for r in recs})} files in {path}")


def _load(path: str) -> dict[str, list[dict]]:
    by_file: dict[str, list[dict]] = defaultdict(list)
    for line in open(path, encoding="utf-8"):
        rec = json.loads(line)
        by_file[rec["source"]].append(rec)
    return by_file


def diff(old: str, new: str, show: int) -> None:
    a, b = _load(old), _load(new)
    changed, kinds, examples = 0, Counter(), defaultdict(list)
    for name in sorted(set(a) | set(b)):
        ra, rb = a.get(name, []), b.get(name, [])
        if ra == rb:
            continue
        changed += 1
        if len(ra) != len(rb):
            kinds["item count"] += 1
            examples["item count"].append(f"{name}: {len(ra)} → {len(rb)}")
            continue
        for x, y in zip(ra, rb):
            for key in sorted(set(x) | set(y)):
                if x.get(key) != y.get(key):
                    sub = key
                    if isinstance(x.get(key), dict) and isinstance(y.get(key), dict):
                        sub = key + "." + ",".join(k for k in sorted(set(x[key]) | set(y[key]))
                                                   if x[key].get(k) != y[key].get(k))
                    kinds[sub] += 1
                    if len(examples[sub]) < show:
                        examples[sub].append(f"{name}#{x.get('seq')}: {str(x.get(key))[:120]} → {str(y.get(key))[:120]}")
    print(f"{changed} of {len(set(a) | set(b))} files differ")
    for kind, n in kinds.most_common():
        print(f"  {kind}: {n}")
        for e in examples[kind][:show]:
            print(f"      {e}")


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("save")
    s.add_argument("file")
    s.add_argument("--docs", type=int, default=1000)
    d = sub.add_parser("diff")
    d.add_argument("old")
    d.add_argument("new")
    d.add_argument("--show", type=int, default=5)
    a = ap.parse_args()
    save(a.file, a.docs) if a.cmd == "save" else diff(a.old, a.new, a.show)


if __name__ == "__main__":
    main()
