#!/usr/bin/env python3
"""Where the whole chain's time goes: each stage timed on its own, in one process.

usage: python benchmarks/profile_chain.py [--docs 1000] [--work DIR]

Builds the same kind of corpus as bench_chain.py (or reuses DIR/profile if it is there), then
runs the stages one after another over all of it, each timed in CPU seconds: decoding and
normalising, splitting, tagging (and within it units, category, figures, dates), the duplicate
keys made in workers, the CSV rows made in workers, the duplicate check made in the parent,
writing, and the pickling a worker's results go through. Prints seconds, shares and MB/s.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_chain import ROOT, build_corpus  # noqa: E402

from bulletin_cli.chain import _slim  # noqa: E402
from bulletin_cli.export import RowMaker, WriteOptions, write  # noqa: E402
from bulletin_cli.lexicon import load_config  # noqa: E402
from bulletin_cli.normalise import normalise_bytes  # noqa: E402
from bulletin_cli.split import split_document  # noqa: E402
from bulletin_cli.tag import mark_duplicate, tag_item  # noqa: E402
from bulletin_cli.tag.dedupe import Deduper  # noqa: E402
from bulletin_cli.tag.figures import find_figures  # noqa: E402
from bulletin_cli.tag.timeline import find_dates  # noqa: E402
from bulletin_cli.tag.units import category, item_units  # noqa: E402


def timed(times: dict, name: str, job):
    t = time.process_time()
    result = job()
    times[name] = time.process_time() - t
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--work", default=str(ROOT / "bench-out"))
    a = ap.parse_args()
    folder = Path(a.work) / f"profile-{a.docs}"
    if not folder.exists():
        build_corpus(folder, a.docs)
    files = sorted(folder.iterdir())
    data = [p.read_bytes() for p in files]
    size = sum(map(len, data)) / 1e6
    cfg = load_config()
    times: dict[str, float] = {}

    docs = timed(times, "normalise", lambda: [normalise_bytes(d, str(p)) for d, p in zip(data, files)])
    items = timed(times, "split", lambda: [r for d in docs for r in split_document(d) if r["type"] == "item"])
    parts = {
        "  units": lambda: [item_units(i, cfg) for i in items],
        "  category": lambda: [category(i, cfg) for i in items],
        "  figures": lambda: [find_figures(i["body"] or "") for i in items],
        "  dates": lambda: [find_dates(i["body"] or "", i["doc"]["date"]) for i in items],
    }
    for name, job in parts.items():
        timed(times, name, job)

    def tag() -> list[dict]:
        for i in items:
            i["tags"] = tag_item(i, cfg)
        return items

    timed(times, "tag", tag)
    keys = timed(times, "duplicate keys (workers)", lambda: [Deduper.prepare(i) for i in items])
    maker = RowMaker(None)
    slim = timed(times, "CSV rows (workers)", lambda: [_slim(i, maker) for i in items])
    deduper = Deduper()
    timed(times, "duplicate check (parent)", lambda: [mark_duplicate(s, deduper, k) for s, k in zip(slim, keys)])
    timed(times, "write", lambda: write(slim, "csv", os.devnull, WriteOptions(row_maker=maker)))
    chunks = [list(zip(slim[k:k + 500], keys[k:k + 500])) for k in range(0, len(slim), 500)]
    timed(times, "pickling (-j N only)", lambda: [pickle.loads(pickle.dumps(c, pickle.HIGHEST_PROTOCOL))
                                                  for c in chunks])

    chain = sum(v for k, v in times.items() if not k.startswith(" ") and not k.startswith("pickling"))
    print(f"{len(files)} documents, {size:.1f} MB, {len(items)} items: chain {chain:.2f} s CPU = "
          f"{size / chain:.2f} MB/s on one core")
    for name, secs in times.items():
        print(f"  {name:28s} {secs:6.3f} s  {100 * secs / chain:5.1f}%")


if __name__ == "__main__":
    main()
