"""The ``tag`` stage: units, category, figures, dates and duplicates for each item.

>>> from bulletin_cli.config import load_config
>>> item = {"item_id": "x:1", "section": "民生保障", "headline": "县人社局开展追缴工作",
...         "body": "截至目前，追回养老金共计21.17万元。", "units": ["人社局"], "doc": {"date": "2024-03-01"}}
>>> tags = tag_item(item, load_config())
>>> tags["units"][0]["canonical"], tags["category"]["key"], tags["figures"][0]["normalised"]["value"]
('人力资源和社会保障局', 'livelihood', 211700.0)
"""

from __future__ import annotations

from typing import Iterable, Iterator

from .dedupe import Deduper
from .figures import find_figures
from .timeline import find_dates
from .units import category, item_units


def tag_item(item: dict, cfg: dict) -> dict:
    """The ``tags`` object for one item (duplicates are a property of a run: see :func:`tag_items`)."""
    body = item.get("body") or ""
    issued = (item.get("doc") or {}).get("date")
    return {
        "units": item_units(item, cfg),
        "category": category(item, cfg),
        "figures": find_figures(body),
        "dates": find_dates(body, issued),
        "duplicate_of": None,
        "similarity": None,
    }


def tag_items(items: Iterable[dict], cfg: dict, drop_duplicates: bool = False,
              deduper: Deduper | None = None) -> Iterator[dict]:
    """Tagged copies of ``items``; duplicates get ``duplicate_of`` or, with ``drop_duplicates``, go.

    Items that already carry ``tags`` (from an earlier ``bulletin tag``) pass through as they are.
    Pass ``deduper=False`` to leave duplicates to the caller (as parallel workers do).
    """
    deduper = Deduper() if deduper is None else deduper
    for item in items:
        if item.get("type") != "item" or "tags" in item:
            yield item
            continue
        tagged = {**item, "tags": tag_item(item, cfg)}
        if deduper and mark_duplicate(tagged, deduper) and drop_duplicates:
            continue
        yield tagged


def mark_duplicate(item: dict, deduper: Deduper, prepared: tuple | None = None) -> bool:
    """Fill ``tags.duplicate_of`` and ``tags.similarity`` from ``deduper``; True if a duplicate."""
    tags = item["tags"]
    tags["duplicate_of"], tags["similarity"] = deduper.check(item, prepared)
    return tags["duplicate_of"] is not None
