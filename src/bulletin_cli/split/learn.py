"""Fitting the role model on labelled documents: a linear-chain CRF over the feature table,
fitted by crfsuite (python-crfsuite, the ``train`` extra: needed to fit, never to run ``split``),
its weights kept as data (``split/roles.json``) and decoded in pure Python. The fit is
deterministic: the same labelled corpus gives the same weights, byte for byte.

The labelled corpus is a folder of ``.tsv`` files, one a document: comment lines (``# source:``,
``# site:``, ``# meta: {json}``), then one paragraph a line, ``role<TAB>text``. ``scripts/roles.py``
drafts such a file for a new document, checks a folder and fits the model.

>>> doc = LabelledDoc("x", "site", {}, ["title", "body"], ["县住建局开展危房核查", "今年以来，共核查危房12户。改造8户。"])
>>> model = fit([doc, doc])  # doctest: +SKIP
>>> from bulletin_cli.split.roles import label
>>> label(doc.page(), model).roles  # doctest: +SKIP
['title', 'body']
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..extras import install_hint
from .common import Para
from .features import Page, observations, table
from .roles import INDEX, ROLES, Model

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


#: The regularisation of the fit: L1 (keeps few weights) and L2 (keeps them small), as
#: leave-one-site-out chose them (benchmarks/loso.py).
C1, C2 = 0.1, 0.5
#: Sites whose documents teach roles but not how often each layout comes: documents written to
#: show a form (tests/data: mostly small bulletins), not drawn from what users are sent.
LAYOUT_SKIP_SITES = frozenset({"tests"})
#: The regularisation of the layouts' weights (fewer documents than paragraphs, and layouts as
#: rare as three documents: lighter than the roles').
LAYOUT_C1, LAYOUT_C2 = 0.1, 0.5
#: Iterations of L-BFGS.
MAX_ITERATIONS = 300


def _crfsuite():
    try:
        import pycrfsuite
    except ImportError:
        raise SystemExit(f"fitting the role model needs python-crfsuite: {install_hint('train')}") from None
    return pycrfsuite


def _train(xseq: list[list[list[str]]], yseq: list[list[str]], c1: float, c2: float) -> tuple[dict, dict]:
    """A linear-chain CRF fitted by crfsuite (L-BFGS, L1 + L2): its state weights {(feature, label):
    w} and transition weights {(label, label): w}. The model file crfsuite writes is read back and
    thrown away: only the weights are kept, as data, and decoded in pure Python."""
    import os
    import tempfile

    pycrfsuite = _crfsuite()
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xseq, yseq):
        trainer.append(pycrfsuite.ItemSequence([{f: 1.0 for f in o} for o in x]), y)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": MAX_ITERATIONS,
                        "feature.possible_transitions": True})
    fd, path = tempfile.mkstemp(suffix=".crfsuite")
    os.close(fd)
    try:
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        info = tagger.info()
        tagger.close()
    finally:
        os.unlink(path)
    return info.state_features, info.transitions


def fit(docs: list[LabelledDoc], c1: float = C1, c2: float = C2) -> Model:
    """The role model (a linear-chain CRF) and the layouts' weights (the same fit on sequences of
    one document each: a multinomial logistic regression) fitted on ``docs``."""
    data = []
    counts: dict[str, int] = {}
    for d in docs:
        obs = observations(table(d.page()))
        for o in obs:
            for f in set(o):
                counts[f] = counts.get(f, 0) + 1
        data.append((obs, d.roles))
    keep = {f for f, c in counts.items() if c >= MIN_COUNT}
    data = [([sorted({f for f in o if f in keep}) for o in obs], roles) for obs, roles in data]
    state, trans = _train([x for x, _ in data], [y for _, y in data], c1, c2)
    n = len(ROLES)
    weights: dict[str, list[float]] = {}
    for (f, role), w in state.items():
        weights.setdefault(f, [0.0] * n)[INDEX[role]] = w
    t = [[0.0] * n for _ in range(n)]
    for (a, b), w in trans.items():
        t[INDEX[a]][INDEX[b]] = w
    about = {"documents": len(docs), "sites": len({d.site for d in docs}), "c1": c1, "c2": c2,
             "paragraphs": sum(len(d.roles) for d in docs)}
    model = Model(weights=weights, trans=t, start=[0.0] * n, about=about)
    model.layouts, model.layout_weights = fit_layouts(model, docs, data, LAYOUT_C1, LAYOUT_C2)
    return model


def fit_layouts(model: Model, docs: list[LabelledDoc], data: list, c1: float = C1, c2: float = C2
                ) -> tuple[tuple[str, ...], dict[str, list[float]]]:
    """The layouts' weights over the documents' evidence, the evidence read with the roles the
    fitted model gives (as it will be read on a new document), not with the labels."""
    from .layouts import evidence

    names = tuple(sorted({d.layout for d in docs if d.layout}))
    if not names:
        return (), {}
    xs, ys = [], []
    for d, (obs, _) in zip(docs, data):
        if d.layout and d.site not in LAYOUT_SKIP_SITES:
            path, _ = model.decode(obs)
            page = d.page()
            xs.append([evidence(page.paras, [ROLES[r] for r in path], table(page))])
            ys.append([d.layout])
    state, _ = _train(xs, ys, c1, c2)
    weights: dict[str, list[float]] = {}
    for (f, name), w in state.items():
        weights.setdefault(f, [0.0] * len(names))[names.index(name)] = w
    return names, weights


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
