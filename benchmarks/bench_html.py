#!/usr/bin/env python3
"""Speed of the saved-page (HTML) reader on real pages: milliseconds a page to read a page's bytes
into text (``read_bytes``: charset, parse, article, text), and how many times ``html.parser``
was fed.

usage: python benchmarks/bench_html.py [--rounds 5] [--base PATH] [PAGES...]

PAGES default to the development set's saved pages (../shared/corpus/real/*.html). With
``--base PATH`` (a checkout of other code: ``git worktree add /tmp/base <commit>``), the same is
timed with that checkout's ``src`` in a child process, alternating rounds with this one, so the two
are compared under the same load. Target (issue 23): ≤ 15 ms a page.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT.parent / "shared" / "corpus" / "real").glob("*.html"))

CHILD = r"""
import json, sys, time
from html.parser import HTMLParser
from bulletin_cli.read import read_bytes
feeds = 0
_feed = HTMLParser.feed
def counted(self, data):
    global feeds
    feeds += 1
    return _feed(self, data)
HTMLParser.feed = counted
paths = json.loads(sys.argv[1])
pages = [(p, open(p, "rb").read()) for p in paths]
for p, data in pages:  # warm: patterns compiled, lexicon loaded
    read_bytes(data, p)
feeds = 0
start = time.perf_counter()
for p, data in pages:
    read_bytes(data, p)
print(json.dumps({"seconds": time.perf_counter() - start, "feeds": feeds, "pages": len(pages),
                  "bytes": sum(len(d) for _, d in pages)}))
"""


def run(src: Path, paths: list[str]) -> dict:
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run([sys.executable, "-c", CHILD, json.dumps(paths)], env=env, capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pages", nargs="*", default=[str(p) for p in PAGES])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--base", type=Path)
    args = ap.parse_args()
    if not args.pages:
        sys.exit("no pages: give some, or put the corpus at ../shared/corpus/real")
    trees = {"this": ROOT / "src"} | ({"base": args.base.resolve() / "src"} if args.base else {})
    results: dict[str, list[dict]] = {k: [] for k in trees}
    for _ in range(args.rounds):
        for name, src in trees.items():
            results[name].append(run(src, args.pages))
    for name, rounds in results.items():
        per_page = [r["seconds"] / r["pages"] * 1000 for r in rounds]
        r = rounds[0]
        print(f"{name:5} {r['pages']} pages, {r['bytes'] / 1e6:.1f} MB: median {statistics.median(per_page):.1f} ms a page"
              f" (min {min(per_page):.1f}, max {max(per_page):.1f}); html.parser fed {r['feeds']} times")


if __name__ == "__main__":
    main()
