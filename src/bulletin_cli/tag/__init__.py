"""The ``tag`` stage: units, category, figures, dates and duplicates for each item.

>>> from bulletin_cli.lexicon import load_config
>>> item = {"item_id": "x:1", "section": "民生保障", "headline": "县人社局开展追缴工作",
...         "body": "截至目前，追回养老金共计21.17万元。", "units": ["人社局"], "doc": {"date": "2024-03-01"}}
>>> tags = tag_item(item, load_config())
>>> tags["units"][0]["canonical"], tags["category"]["key"], tags["figures"][0]["normalised"]["value"]
('人力资源和社会保障局', 'livelihood', 211700.0)
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

from ..variants import Restorer, enough_traditional, shadow, traditional_chars
from .dedupe import Deduper
from .figures import find_figures
from .timeline import find_dates
from .units import category, item_units


def tag_item(item: dict, cfg: dict) -> dict:
    """The ``tags`` object for one item (duplicates are a property of a run: see :func:`tag_items`).

    An item in traditional characters is tagged through its simplified shadow (see
    :mod:`bulletin_cli.variants`), and what is found is given back in the item's own characters:

    >>> from bulletin_cli.lexicon import load_config
    >>> tags = tag_item({"headline": "縣住建局開展核查", "body": "撥付資金約1.2萬元。", "units": ["住建局"]}, load_config())
    >>> tags["units"][-1]["name"], tags["units"][-1]["canonical"], tags["figures"][0]["text"]
    ('縣住建局', '住房和城乡建设局', '1.2萬元')
    """
    view, keep = _simplified(item)
    body = view.get("body") or ""
    issued = (item.get("doc") or {}).get("date")
    tags = {
        "units": item_units(view, cfg),
        "category": category(view, cfg),
        "figures": find_figures(body),
        "dates": find_dates(body, issued),
        "duplicate_of": None,
        "similarity": None,
    }
    if keep is not None:
        original = item.get("body") or ""
        for unit in tags["units"]:
            unit["name"] = keep(unit["name"])
        for found in (*tags["figures"], *tags["dates"]):
            start, end = found["span"]
            found["text"] = original[start:end]
            if "clause" in found:
                found["clause"] = keep(found["clause"])
    return tags


def _simplified(item: dict) -> tuple[dict, Restorer | None]:
    """The item as the patterns read it, and how to give back its own characters: the item itself
    and None, unless it is written in traditional characters."""
    fields = ("section", "headline", "body")
    texts = [item.get(f) or "" for f in fields]
    find = traditional_chars().findall
    if not enough_traditional(sum(len(find(t)) for t in texts), sum(map(len, texts))):
        return item, None
    names = [*(item.get("units") or []), *(item.get("marks") or [])]
    joined = "\n".join([*texts, *map(str, names)])
    view = {**item, **{f: shadow(item[f]) for f in fields if item.get(f)}}
    for key in ("units", "marks"):
        if item.get(key):
            view[key] = [shadow(v) if isinstance(v, str) else v for v in item[key]]
    return view, Restorer(joined, shadow(joined))


def tag_items(items: Iterable[dict], cfg: dict, drop_duplicates: bool = False,
              deduper: Deduper | None = None,
              on_error: Callable[[dict, Exception], None] | None = None) -> Iterator[dict]:
    """Tagged copies of ``items``; duplicates get ``duplicate_of`` or, with ``drop_duplicates``, go.

    Items that already carry ``tags`` (from an earlier ``bulletin tag``) pass through as they are.
    Pass ``deduper=False`` to leave duplicates to the caller (as parallel workers do). With
    ``on_error``, an item that tagging fails on is handed to it and left out instead of raising.
    """
    deduper = Deduper() if deduper is None else deduper
    for item in items:
        if item.get("type") != "item" or "tags" in item:
            yield item
            continue
        try:
            tagged = {**item, "tags": tag_item(item, cfg)}
        except Exception as exc:
            if on_error is None:
                raise
            on_error(item, exc)
            continue
        if deduper and mark_duplicate(tagged, deduper) and drop_duplicates:
            continue
        yield tagged


def mark_duplicate(item: dict, deduper: Deduper, prepared: tuple | None = None) -> bool:
    """Fill ``tags.duplicate_of`` and ``tags.similarity`` from ``deduper``; True if a duplicate."""
    tags = item["tags"]
    tags["duplicate_of"], tags["similarity"] = deduper.check(item, prepared)
    return tags["duplicate_of"] is not None
