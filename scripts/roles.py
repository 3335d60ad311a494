#!/usr/bin/env python3
"""The labelled corpus of paragraph roles and the model fitted on it.

usage:
  python scripts/roles.py draft FILE... [--out labels/roles] [--site NAME] [--force]
      a label file per document, each paragraph's role as the model now reads it (check it by
      hand: fix the roles that are wrong, then add it to the corpus)
  python scripts/roles.py fit [--labels labels/roles] [--out src/bulletin_cli/split/roles.json]
      fit the role model on every labelled document (the same corpus gives the same bytes)
  python scripts/roles.py check [--labels labels/roles]
      roles right on each site's documents with the model fitted on the other sites
      (leave one site out), and the roles most often confused
  python scripts/roles.py show FILE
      each paragraph of a document with its role, its margin and the features that weighed most

A user who adds their own county's forms labels a few of its documents (draft, then fix), puts
them in a folder of their own beside labels/roles, and fits: ``fit --labels labels/roles
--labels my/labels --out my-roles.json``, then ``bulletin split --roles my-roles.json``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from bulletin_cli.normalise import normalise_bytes  # noqa: E402
from bulletin_cli.split.common import paragraphs  # noqa: E402
from bulletin_cli.split.features import Page  # noqa: E402
from bulletin_cli.split.learn import LabelledDoc, accuracy, fit, read_corpus, write_labels  # noqa: E402
from bulletin_cli.split.roles import MODEL_FILE, label, load_model  # noqa: E402
from bulletin_cli.variants import shadow_if_traditional  # noqa: E402

LABELS = ROOT / "labels" / "roles"
MODEL = ROOT / "src" / "bulletin_cli" / "split" / MODEL_FILE


def document_page(path: Path) -> tuple[Page, dict]:
    """The paragraphs ``split`` reads for a file (traditional text read through its simplified shadow)."""
    doc = normalise_bytes(path.read_bytes(), str(path))
    text = shadow_if_traditional(doc["text"]) or doc["text"]
    return Page(paragraphs(text), doc.get("meta") or {}), doc


def draft(args) -> int:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name in args.files:
        path = Path(name)
        target = out / (path.name.split(".")[0] + ("_" + path.suffix[1:] if path.suffix != ".txt" else "") + ".tsv")
        if target.exists() and not args.force:
            print(f"{target}: exists (use --force to draft it again)", file=sys.stderr)
            continue
        page, doc = document_page(path)
        roles = label(page).roles if page.paras else []
        ld = LabelledDoc(target.stem, args.site or target.stem, page.meta, roles, [p.text for p in page.paras],
                         source=str(path))
        write_labels(ld, target)
        print(f"{target}: {len(roles)} paragraphs drafted", file=sys.stderr)
    return 0


def _corpus(folders: list[str]) -> list[LabelledDoc]:
    docs = []
    for folder in folders or [str(LABELS)]:
        docs.extend(read_corpus(Path(folder)))
    return docs


def do_fit(args) -> int:
    docs = _corpus(args.labels)
    model = fit(docs)
    Path(args.out).write_text(model.to_json(), encoding="utf-8")
    right, total, _ = accuracy(model, docs)
    print(f"{args.out}: fitted on {len(docs)} documents from {len({d.site for d in docs})} sites "
          f"({total} paragraphs); in-sample {right / max(total, 1):.3f}", file=sys.stderr)
    return 0


def check(args) -> int:
    docs = _corpus(args.labels)
    sites = sorted({d.site for d in docs})
    right = total = 0
    confusion: dict[tuple[str, str], int] = {}
    for site in sites:
        held = [d for d in docs if d.site == site]
        model = fit([d for d in docs if d.site != site])
        r, t, conf = accuracy(model, held)
        right, total = right + r, total + t
        for k, v in conf.items():
            confusion[k] = confusion.get(k, 0) + v
        if args.verbose:
            print(f"{site}: {r}/{t}")
    print(f"leave one site out: {right}/{total} paragraphs = {right / max(total, 1):.3f} over {len(sites)} sites")
    for (g, p), n in sorted(confusion.items(), key=lambda x: -x[1])[:args.top]:
        print(f"  {g:>9} read as {p:<9} {n}")
    return 0


def show(args) -> int:
    from bulletin_cli.split.layouts import decide, evidence, why

    if args.without:
        model = fit([d for d in _corpus(args.labels) if d.site != args.without])
    else:
        model = load_model(args.model)
    page, _ = document_page(Path(args.file))
    labelled = label(page, model)
    for k, p in enumerate(page.paras):
        reasons = ", ".join(f"{f} {w:+.1f}" for f, w in labelled.why(k, model))
        print(f"{labelled.roles[k]:>9} {labelled.margin(k):5.1f} | {p.text[:50]}  [{reasons}]")
    ev = evidence(page.paras, labelled.roles, labelled.rows)
    layout, scores = decide(ev, model.layout_weights or {}, model.layouts)
    print(f"layout {layout}: " + ", ".join(f"{k} {v:+.1f}" for k, v in sorted(scores.items(), key=lambda x: -x[1])))
    print("  for it: " + ", ".join(f"{f} {w:+.1f}" for f, w in why(ev, model.layout_weights or {}, model.layouts, layout, 8)))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draft")
    d.add_argument("files", nargs="+")
    d.add_argument("--out", default=str(LABELS))
    d.add_argument("--site")
    d.add_argument("--force", action="store_true")
    f = sub.add_parser("fit")
    f.add_argument("--labels", action="append")
    f.add_argument("--out", default=str(MODEL))
    c = sub.add_parser("check")
    c.add_argument("--labels", action="append")
    c.add_argument("--top", type=int, default=15)
    c.add_argument("-v", "--verbose", action="store_true")
    s = sub.add_parser("show")
    s.add_argument("file")
    s.add_argument("--model")
    s.add_argument("--without", help="fit a model without this site's documents first (as leave-one-site-out does)")
    s.add_argument("--labels", action="append")
    args = ap.parse_args(argv)
    return {"draft": draft, "fit": do_fit, "check": check, "show": show}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
