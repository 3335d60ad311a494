"""Fitting the role model on labelled documents: an averaged structured perceptron (Collins 2002)
over the feature table, in pure Python, deterministic (a fixed order of documents per epoch from a
seeded shuffle), so the same labelled corpus gives the same weights, byte for byte.

The labelled corpus is a folder of ``.tsv`` files, one a document: comment lines (``# source:``,
``# site:``, ``# meta: {json}``), then one paragraph a line, ``role<TAB>text``. ``scripts/roles.py``
drafts such a file for a new document, checks a folder and fits the model.

>>> doc = LabelledDoc("x", "site", {}, ["title", "body"], ["县住建局开展危房核查", "今年以来，共核查危房12户。改造8户。"])
>>> model = fit([doc, doc], epochs=2)
>>> from bulletin_cli.split.roles import label
>>> label(doc.page(), model).roles
['title', 'body']
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from .common import Para
from .features import Page, observations, table
from .roles import INDEX, ROLES, Model

#: Passes over the corpus.
EPOCHS = 12
#: A feature seen on fewer paragraphs than this in the corpus gets no weight (it would only learn
#: one document by heart).
MIN_COUNT = 2


@dataclass
class LabelledDoc:
    """One labelled document: its paragraphs and their roles."""

    name: str
    site: str
    meta: dict
    roles: list[str]
    texts: list[str]
    source: str = ""
    notes: list[str] = field(default_factory=list)
    layout: str = ""

    def page(self) -> Page:
        paras, pos = [], 0
        for t in self.texts:
            paras.append(Para(pos, pos + len(t), t))
            pos += len(t) + 2
        return Page(paras, self.meta)


def read_labels(path: Path) -> LabelledDoc:
    """A labelled document from its ``.tsv`` file."""
    meta: dict = {}
    site, source, layout, roles, texts, notes = "", "", "", [], [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            key, _, value = line[1:].strip().partition(":")
            value = value.strip()
            if key == "site":
                site = value
            elif key == "source":
                source = value
            elif key == "layout":
                layout = value
            elif key == "meta":
                meta = json.loads(value)
            else:
                notes.append(line[1:].strip())
            continue
        role, sep, text = line.partition("\t")
        if not sep or role not in INDEX:
            raise ValueError(f"{path}:{n}: expected 'role<TAB>text' with a role among {', '.join(ROLES)}")
        roles.append(role)
        texts.append(text)
    return LabelledDoc(path.stem, site or path.stem, meta, roles, texts, source, notes, layout)


def write_labels(doc: LabelledDoc, path: Path) -> None:
    """Write ``doc`` as a ``.tsv`` file (see :func:`read_labels`)."""
    lines = [f"# source: {doc.source}", f"# site: {doc.site}"]
    if doc.layout:
        lines.append(f"# layout: {doc.layout}")
    if doc.meta:
        lines.append("# meta: " + json.dumps(doc.meta, ensure_ascii=False, sort_keys=True))
    lines.extend(f"# {note}" for note in doc.notes)
    lines.extend(f"{r}\t{t}" for r, t in zip(doc.roles, doc.texts))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_corpus(folder: Path) -> list[LabelledDoc]:
    """Every labelled document in ``folder``, in the order of their names."""
    return [read_labels(p) for p in sorted(folder.glob("*.tsv"))]


def fit(docs: list[LabelledDoc], epochs: int = EPOCHS, seed: int = 0) -> Model:
    """The averaged perceptron's weights after ``epochs`` passes over ``docs``."""
    data = []
    counts: dict[str, int] = {}
    for d in docs:
        obs = observations(table(d.page()))
        for o in obs:
            for f in o:
                counts[f] = counts.get(f, 0) + 1
        data.append((obs, [INDEX[r] for r in d.roles]))
    keep = {f for f, c in counts.items() if c >= MIN_COUNT}
    data = [([[f for f in o if f in keep] for o in obs], gold) for obs, gold in data]
    n = len(ROLES)
    w: dict[str, list[float]] = {}
    u: dict[str, list[float]] = {}  # the updates weighted by when they were made, for the average
    trans = [[0.0] * n for _ in range(n)]
    utrans = [[0.0] * n for _ in range(n)]
    start, ustart = [0.0] * n, [0.0] * n
    model = Model(weights=w, trans=trans, start=start)
    c = 1
    order = list(range(len(data)))
    rng = random.Random(seed)

    def bump(f: str, r: int, by: float) -> None:
        if f not in w:
            w[f], u[f] = [0.0] * n, [0.0] * n
        w[f][r] += by
        u[f][r] += c * by

    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            obs, gold = data[i]
            pred, _ = model.decode(obs)
            if pred != gold:
                for k, (g, p) in enumerate(zip(gold, pred)):
                    if g != p:
                        for f in obs[k]:
                            bump(f, g, 1.0)
                            bump(f, p, -1.0)
                    if k == 0:
                        if g != p:
                            start[g] += 1
                            ustart[g] += c
                            start[p] -= 1
                            ustart[p] -= c
                    elif (gold[k - 1], g) != (pred[k - 1], p):
                        trans[gold[k - 1]][g] += 1
                        utrans[gold[k - 1]][g] += c
                        trans[pred[k - 1]][p] -= 1
                        utrans[pred[k - 1]][p] -= c
            c += 1
    avg = {f: [w[f][r] - u[f][r] / c for r in range(n)] for f in w}
    avg_trans = [[trans[a][b] - utrans[a][b] / c for b in range(n)] for a in range(n)]
    avg_start = [start[r] - ustart[r] / c for r in range(n)]
    about = {"documents": len(docs), "sites": len({d.site for d in docs}), "epochs": epochs, "seed": seed,
             "paragraphs": sum(len(d.roles) for d in docs)}
    model = Model(weights=avg, trans=avg_trans, start=avg_start, about=about)
    model.layouts, model.layout_weights = fit_layouts(model, docs, data, seed)
    return model


#: Passes over the corpus for the layouts' weights.
LAYOUT_EPOCHS = 20


def fit_layouts(model: Model, docs: list[LabelledDoc], data: list, seed: int = 0
                ) -> tuple[tuple[str, ...], dict[str, list[float]]]:
    """The layouts' weights (an averaged perceptron over the documents' evidence), the evidence read
    with the roles the fitted model gives (as it will be read on a new document), not the labels."""
    from .layouts import evidence

    names = tuple(sorted({d.layout for d in docs if d.layout}))
    if not names:
        return (), {}
    rows = []
    for d, (obs, _) in zip(docs, data):
        if not d.layout:
            continue
        page = d.page()
        path, _ = model.decode(obs)
        rows.append((evidence(page.paras, [ROLES[r] for r in path]), names.index(d.layout)))
    n = len(names)
    w: dict[str, list[float]] = {}
    u: dict[str, list[float]] = {}
    c = 1
    order = list(range(len(rows)))
    rng = random.Random(seed)
    for _ in range(LAYOUT_EPOCHS):
        rng.shuffle(order)
        for i in order:
            ev, gold = rows[i]
            total = [0.0] * n
            for f in ev:
                for k, x in enumerate(w.get(f, ())):
                    total[k] += x
            pred = max(range(n), key=lambda k: total[k])
            if pred != gold:
                for f in ev:
                    if f not in w:
                        w[f], u[f] = [0.0] * n, [0.0] * n
                    w[f][gold] += 1
                    u[f][gold] += c
                    w[f][pred] -= 1
                    u[f][pred] -= c
            c += 1
    return names, {f: [w[f][k] - u[f][k] / c for k in range(n)] for f in w}


def accuracy(model: Model, docs: list[LabelledDoc]) -> tuple[int, int, dict[tuple[str, str], int]]:
    """(right, all, confusions (gold, predicted) → count) of the model's roles on ``docs``."""
    right = total = 0
    confusion: dict[tuple[str, str], int] = {}
    for d in docs:
        pred, _ = model.decode(observations(table(d.page())))
        for g, p in zip(d.roles, pred):
            total += 1
            if ROLES[p] == g:
                right += 1
            else:
                confusion[(g, ROLES[p])] = confusion.get((g, ROLES[p]), 0) + 1
    return right, total, confusion
