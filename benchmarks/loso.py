#!/usr/bin/env python3
"""Leave one site out: the development number of ``split``.

For every site of the labelled corpus (``labels/roles/``, a site per ``# site:`` line), fit the
role and layout model on the documents of every other site, split that site's documents with it
(from their files, through the whole chain: read, normalise, split) and score them against their
gold as ``../shared/tools/score.py`` does. Prints the totals per kind of document (the ``# layout:``
of the labels; a saved page apart from text) and over all, and, with ``--in-sample``, the same with
the model fitted on every site (the shipped model's score on its own corpus).

usage: python benchmarks/loso.py [--labels labels/roles] [--in-sample] [--per-file]
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from bulletin_cli.normalise import normalise_bytes  # noqa: E402
from bulletin_cli.split import split_document  # noqa: E402
from bulletin_cli.split.learn import C1, C2, fit, read_corpus  # noqa: E402

SCORE = ROOT.parent / "shared" / "tools" / "score.py"
GOLDS = [ROOT.parent / "shared" / "corpus" / "real-gold", ROOT.parent / "shared" / "corpus" / "gold"]
KEYS = ("exp", "found", "hit", "units", "units_exp", "fields", "fields_exp", "body", "body_exp", "place", "place_exp")


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SCORE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _gold(source: str) -> dict | None:
    import yaml

    stem = Path(source).name.split(".")[0]
    for folder in GOLDS:
        g = folder / f"{stem}.yaml"
        if g.exists():
            return yaml.safe_load(g.read_text(encoding="utf-8"))
    return None


def score_files(docs, model, score) -> dict[str, dict]:
    """Totals per labelled document (by its name) of the items ``split`` gives with ``model``."""
    out = {}
    for d in docs:
        path = (ROOT / d.source) if not Path(d.source).is_absolute() else Path(d.source)
        gold = _gold(d.source)
        if gold is None or not path.exists():
            continue
        doc = normalise_bytes(path.read_bytes(), str(path))
        items = split_document(doc, model=model)
        t = score.score_one(gold, items)
        out[d.name] = (d, t)
    return out


def totals(rows) -> str:
    tot = dict.fromkeys(KEYS, 0)
    found = hit_full = 0
    for _, t in rows:
        for k in KEYS:
            if t.get(k) is not None:
                tot[k] += t[k]
        if t["found"] is not None:
            found += t["found"]
            hit_full += t["hit"]
    r = tot["hit"] / tot["exp"] if tot["exp"] else 0.0
    p = hit_full / found if found else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0

    def ratio(a, b):
        return f"{a / b:.3f}" if b else "  n/a"
    return (f"item_f1={f1:.3f} recall={r:.3f} precision={p:.3f} units={ratio(tot['units'], tot['units_exp'])} "
            f"fields={ratio(tot['fields'], tot['fields_exp'])} body={ratio(tot['body'], tot['body_exp'])}")


def kind(d) -> str:
    k = d.layout or "?"
    if k == "article":
        k += " (page)" if d.name.endswith("_html") else " (text)"
    return k


def report(results: dict, per_file: bool) -> None:
    rows = list(results.values())
    for k in sorted({kind(d) for d, _ in rows}):
        sel = [(d, t) for d, t in rows if kind(d) == k]
        print(f"  {k:<16} {len(sel):>3} files  {totals(sel)}")
    print(f"  {'all':<16} {len(rows):>3} files  {totals(rows)}")
    if per_file:
        for d, t in rows:
            print(f"    {d.name:<40} items {t['hit']}/{t['exp']} found {t['found']} units {t['units']}/{t['units_exp']} "
                  f"fields {t['fields']}/{t['fields_exp']}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--labels", default=str(ROOT / "labels" / "roles"))
    ap.add_argument("--in-sample", action="store_true")
    ap.add_argument("--per-file", action="store_true")
    ap.add_argument("--c1", type=float, default=C1)
    ap.add_argument("--c2", type=float, default=C2)
    a = ap.parse_args()
    score = _scorer()
    docs = read_corpus(Path(a.labels))
    results: dict = {}
    for site in sorted({d.site for d in docs}):
        held = [d for d in docs if d.site == site]
        model = fit([d for d in docs if d.site != site], a.c1, a.c2)
        results.update(score_files(held, model, score))
    print(f"leave one site out ({len({d.site for d in docs})} sites):")
    report(results, a.per_file)
    if a.in_sample:
        model = fit(docs, a.c1, a.c2)
        print("in sample:")
        report(score_files(docs, model, score), a.per_file)
    return 0


if __name__ == "__main__":
    sys.exit(main())
