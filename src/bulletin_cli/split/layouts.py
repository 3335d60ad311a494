"""Layouts as registered objects. Each layout has its parser and a score; the score weighs the
document's evidence (:func:`evidence`: how many paragraphs play each role, and the counts of what
its text shows, :mod:`bulletin_cli.split.layout`) by weights fitted on labelled documents, and the
decision compares every layout's score (``split --explain`` prints them all). A document that shows
no evidence of several items is read as one article: one item, its title and its text.

Adding a kind of document is a parser registered here with :func:`register`, and labelled
documents of that kind in ``labels/roles/`` (``# layout: NAME``) to fit its weights on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .common import Para, Parsed
from .features import opens_item
from .layout import Signals

#: A parser: the document's paragraphs (page chrome gone) and what split has found so far.
Parser = Callable[..., None]


@dataclass
class Layout:
    """A kind of document: its name, what it is, its parser, and whether ``split`` may choose it
    by itself (``plain`` is only ever asked for)."""

    name: str
    what: str
    parse: Parser
    roles: frozenset[str]
    chosen: bool = True
    several: bool = False  # reads several items: chosen only where the document shows two or more


LAYOUTS: dict[str, Layout] = {}


def register(name: str, what: str, parse: Parser, roles: frozenset[str], chosen: bool = True,
             several: bool = False) -> Layout:
    """Add a layout: its parser, and the roles its paragraphs can play (the parser reads the best
    sequence of roles among those); its weights come from labelled documents of its kind. A layout
    of ``several`` items is chosen only for a document that shows the start of two or more."""
    LAYOUTS[name] = Layout(name, what, parse, roles, chosen, several)
    return LAYOUTS[name]


#: Counts above which a count is also read as "at least": the evidence of three headlines is
#: the evidence of six too, which the few documents with six or more cannot teach alone.
AT_LEAST = (2, 3)


def _count(name: str, n: int, at_least: bool = False) -> list[str]:
    """A count as evidence: ``name=0``, ``=1``, ``=2``, ``=3-5`` or ``=6+``, and with ``at_least``
    also ``name>=2`` and ``name>=3`` where it reaches them.

    >>> _count("heading", 4), _count("heading", 4, at_least=True)
    (['heading=3-5'], ['heading=3-5', 'heading>=2', 'heading>=3'])
    """
    out = [f"{name}=" + ("0" if n == 0 else "1" if n == 1 else "2" if n == 2 else "3-5" if n <= 5 else "6+")]
    if at_least:
        out += [f"{name}>={m}" for m in AT_LEAST if n >= m]
    return out


def _share(name: str, part: int, whole: int) -> list[str]:
    """A share as evidence: ``name=0``, ``=<.2``, ``=<.4``, ``=<.6`` or ``=>=.6``."""
    s = part / max(whole, 1)
    if not part:
        return [f"{name}=0"]
    return [f"{name}=" + ("<.2" if s < 0.2 else "<.4" if s < 0.4 else "<.6" if s < 0.6 else ">=.6")]


#: The roles whose counts are evidence of a layout.
COUNTED = ("masthead", "section", "headline", "item", "credit", "heading", "entry", "signature", "footer")
#: The counted signals of :mod:`~bulletin_cli.split.layout` read as evidence, and how each is bucketed:
#: count, share (of the paragraphs), or flag.
SIGNALS: dict[str, str] = {
    "sections": "count", "attributions": "count", "titled": "flag", "numbered": "flag", "outline_l1": "count",
    "outline_l2": "count", "outline_l4": "count", "run_on_list": "count", "entries": "count", "facts_top": "flag",
    "report_title": "flag",
}


def _marked(rows: list[dict], roles: list[str], k: int) -> bool:
    """A headline or item that shows a mark of one: a headline on its own line over text, a
    headline run into its text after a space, a unit and a colon, a bullet, a number, a unit's
    label, a credit closing it."""
    row = rows[k]
    if roles[k] == "headline":
        return k + 1 < len(roles) and roles[k + 1] in ("body", "credit")
    return opens_item(row)


def evidence(paras: list[Para], roles: list[str], rows: list[dict] | None = None) -> list[str]:
    """What a document shows, as indicators ``name=value``: the number of paragraphs in each role
    (page chrome not counted), how many of its headlines and items show a mark of one, and the
    signals its text shows. Example: ``heading=6+``, ``marked_items=3-5``, ``outline_l2=3-5``."""
    content = [r for r in roles if r != "chrome"]
    out = ["bias"]
    for role in COUNTED:
        out += _count(role, content.count(role), at_least=True)
    if rows is not None:
        out += _count("marked_items", sum(1 for k, r in enumerate(roles)
                                          if r in ("headline", "item") and _marked(rows, roles, k)), at_least=True)
    kept = [p for p, r in zip(paras, roles) if r != "chrome"]
    s = Signals(kept, [p.text for p in kept])
    marks = 0
    for name, kind in SIGNALS.items():
        value = getattr(s, name) if kept else 0
        if kind == "flag":
            if value:
                out.append(name)
        elif kind == "share":
            out += _share(name, value, len(kept))
        else:
            n = len(value) if isinstance(value, tuple) else int(value)
            out += _count(name, n)
            if name in ("outline_l1", "outline_l2", "outline_l4"):
                marks += n
    if kept and s.report_title and marks >= 3:
        out.append("report_title_over_points")  # …工作总结 over 一、 （一） 一是 points, run on or not
    return out


def scores(ev: list[str], weights: dict[str, list[float]], names: tuple[str, ...]) -> dict[str, float]:
    """Every layout's score for the evidence ``ev``."""
    total = [0.0] * len(names)
    for f in ev:
        w = weights.get(f)
        if w is not None:
            for k in range(len(names)):
                total[k] += w[k]
    return {name: round(total[k], 2) for k, name in enumerate(names)}


#: The roles that open an item of a layout of several items.
ITEM_STARTS = frozenset({"headline", "item", "section", "entry"})


def item_starts(roles: list[str]) -> int:
    """How many items the paragraphs' roles show the start of: headlines, item paragraphs,
    sections and entries. Example: 1 for 【乡镇动态】大营镇开展…宣传活动 over plain paragraphs."""
    return sum(1 for r in roles if r in ITEM_STARTS)


def decide(ev: list[str], weights: dict[str, list[float]], names: tuple[str, ...],
           starts: int = 2) -> tuple[str, dict[str, float]]:
    """The layout with the best score among those ``split`` may choose, and every score. A layout
    of several items is not chosen for a document whose roles show the start of one item at most
    (``starts``, :func:`item_starts`)."""
    got = scores(ev, weights, names)
    allowed = [n for n in names if n in LAYOUTS and LAYOUTS[n].chosen and (starts >= 2 or not LAYOUTS[n].several)]
    return max(allowed or ["article"], key=lambda n: got.get(n, float("-inf"))), got


def why(ev: list[str], weights: dict[str, list[float]], names: tuple[str, ...], layout: str,
        top: int = 4) -> list[tuple[str, float]]:
    """The evidence that weighed most for ``layout``."""
    k = names.index(layout)
    weighed = [(f, weights[f][k]) for f in ev if f in weights and weights[f][k]]
    return sorted(weighed, key=lambda x: -x[1])[:top]


__all__ = ["LAYOUTS", "Layout", "Parsed", "decide", "evidence", "register", "scores", "why"]
