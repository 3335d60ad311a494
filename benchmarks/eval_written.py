#!/usr/bin/env python3
"""How well `split` reads documents written out in the forms county offices use, by set.

usage: python benchmarks/eval_written.py [--show N] [SET ...]

The documents in ``tests/data/written/`` (one folder a set, gold beside each in ``gold/``) were
written for this purpose, each in the forms of a kind of document a new county sends (see that
folder's README): what the development set shows little of. Prints, for each set and for all, the
totals ``../shared/tools/score.py`` prints (item recall, precision, F1, units, fields); with
``--show``, the documents of each set whose items are furthest from their gold.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WRITTEN = ROOT / "tests" / "data" / "written"
sys.path.insert(0, str(ROOT / "tests"))

from scoring import item_f1, totals  # noqa: E402


def read_set(folder: Path) -> list[tuple[Path, dict, list[dict]]]:
    """Each document of a set, its gold, and the items split reads from it."""
    from bulletin_cli.normalise import normalise_bytes
    from bulletin_cli.split import split_document

    out = []
    for path in sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in (".txt", ".html", ".md")):
        gold = yaml.safe_load((folder / "gold" / (path.name.split(".")[0] + ".yaml")).read_text(encoding="utf-8"))
        items = [r for r in split_document(normalise_bytes(path.read_bytes(), path.name)) if r.get("type", "item") == "item"]
        out.append((path, gold, items))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="*", help="set folders under tests/data/written (default: all)")
    ap.add_argument("--show", type=int, default=0, help="the N documents of each set furthest from their gold")
    a = ap.parse_args()
    folders = [WRITTEN / s for s in a.sets] if a.sets else sorted(p for p in WRITTEN.iterdir() if (p / "gold").is_dir())
    every = []
    for folder in folders:
        docs = read_set(folder)
        every += docs
        t = totals((g, i) for _p, g, i in docs)
        print(f"{folder.name:4} {len(docs):3} documents  " + "  ".join(f"{k}={v:.3f}" for k, v in t.items()))
        for path, gold, items in sorted(docs, key=lambda d: item_f1(d[2], d[1]))[:a.show]:
            print(f"       {item_f1(items, gold):.2f}  {path.name}")
    t = totals((g, i) for _p, g, i in every)
    print(f"all  {len(every):3} documents  " + "  ".join(f"{k}={v:.3f}" for k, v in t.items()))


if __name__ == "__main__":
    main()
