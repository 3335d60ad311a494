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
  python scripts/roles.py synth [--docs 24] [--seed 101]
      label files for documents written by benchmarks/eval_synthetic.py (their roles known from
      how they were written): bulletins in many styles, outlines and digests
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
from bulletin_cli.split import analyse  # noqa: E402
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
        name = path.name.replace(".", "_")
        target = out / ((name[:-4] if name.endswith("_txt") else name) + ".tsv")
        if target.exists() and not args.force:
            print(f"{target}: exists (use --force to draft it again)", file=sys.stderr)
            continue
        page, doc = document_page(path)
        roles = label(page).roles if page.paras else []
        layout = analyse("\n\n".join(p.text for p in page.paras), meta=page.meta).layout if page.paras else ""
        ld = LabelledDoc(target.stem, args.site or target.stem, page.meta, roles, [p.text for p in page.paras],
                         source=str(path), notes=["drafted by the model: check every role by hand (docs/roles.md)"],
                         layout=layout)
        write_labels(ld, target)
        print(f"{target}: {len(roles)} paragraphs drafted", file=sys.stderr)
    return 0


def _synthetic_roles(blocks, footer, kind: str, fields: dict) -> list[str]:
    """The role of each block of a document written by benchmarks/eval_synthetic.py, from the way
    the generator set it (see its ``document``, ``outline_document``, ``digest_document``)."""
    import eval_synthetic as es

    markers = {f"【{n}】" for n in es.SECTION_NAMES} | {f"■ {n}" for n in es.SECTION_NAMES} \
        | {f"★{n}★" for n in es.SECTION_NAMES} | {f"——{n}——" for n in es.SECTION_NAMES}
    roles: list[str] = []
    top = 0 if kind != "bulletin" or not fields.get("title") else 3 if blocks[2][1] == "split" else 4
    for k, (text, how) in enumerate(blocks):
        prev = roles[-1] if roles else None
        if kind == "outline":
            if k == 0:
                role = "title"
            elif how == "right":
                role = "signature"
            elif text.endswith("：") and len(text) <= 12:
                role = "masthead"  # 县政府：
            elif how == "para_flat" or es.OUTLINE_START_RE.match(text):
                role = "heading"
            else:
                role = "body"
        elif kind == "digest":
            role = "title" if k == 0 else "section" if how == "centre" else "item"
        else:
            if k < top:
                role = "title" if k == 0 else "masthead"
            elif text in markers or (text[:2] in {f"{es.int_to_cn(n)}、" for n in range(1, 10)}
                                     and text[2:] in es.SECTION_NAMES):
                role = "section"
            elif how == "centre":
                role = "headline"
            elif how == "right":
                role = "credit"
            elif how == "para":
                role = "body" if prev == "headline" else "item"
            else:
                role = "masthead"
        roles.append(role)
    return roles + ["footer"] * len(footer)


def synth(args) -> int:
    """Label files for documents written by benchmarks/eval_synthetic.py (as typed): bulletins in
    styles drawn at random from the samples' real items, outlines and digests."""
    import random
    import re

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import eval_synthetic as es

    es.OUTLINE_START_RE = re.compile(r"^(?:[（(][一二三四五六七八九十]+[）)]|\d+[.、]|[（(]\d+[）)])")
    out = Path(args.out)
    pool = es.harvest()
    made = 0
    for kind, count in (("bulletin", args.docs), ("outline", args.docs // 4), ("digest", args.docs // 4)):
        for n in range(count):
            rng = random.Random(f"labels {args.seed} {kind} {n}")
            make = {"outline": es.outline_document, "digest": es.digest_document}.get(kind, es.document)
            blocks, footer, _expected, _fields, _style = make(rng, pool)
            text = es.as_text(blocks, footer, False, random.Random(n))
            page, _ = document_page_from(text.encode("utf-8"))
            roles = _synthetic_roles(blocks, footer, kind, _fields)
            if len(page.paras) != len(roles):
                continue  # (normalise joined or cut a line: not labelled by position)
            name = f"synthetic_{args.seed}_{kind}_{n:02d}"
            write_labels(LabelledDoc(name, "synthetic", {}, roles, [p.text for p in page.paras],
                                     source=f"benchmarks/eval_synthetic.py (seed {args.seed})",
                                     notes=[f"generated by scripts/roles.py synth --seed {args.seed}"], layout=kind),
                         out / f"{name}.tsv")
            made += 1
    print(f"{made} synthetic documents labelled in {out}", file=sys.stderr)
    return 0


def document_page_from(data: bytes) -> tuple[Page, dict]:
    doc = normalise_bytes(data, "-")
    return Page(paragraphs(doc["text"]), doc.get("meta") or {}), doc


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
    from bulletin_cli.split.layouts import decide, evidence, item_starts, why

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
    layout, scores = decide(ev, model.layout_weights or {}, model.layouts, item_starts(labelled.roles))
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
    y = sub.add_parser("synth")
    y.add_argument("--docs", type=int, default=24)
    y.add_argument("--seed", type=int, default=101)
    y.add_argument("--out", default=str(LABELS))
    args = ap.parse_args(argv)
    return {"draft": draft, "fit": do_fit, "check": check, "show": show, "synth": synth}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
