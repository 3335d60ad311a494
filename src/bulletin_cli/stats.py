"""Counts for ``bulletin stats``: items per category, per canonical unit, per issue date and per
county (the document's place: its county, else its city or province, with the division code).

>>> count_items([{"type": "item", "doc": {"date": "2023-09-22"}, "tags": {"category": {"label": "民生保障"},
...               "units": [{"canonical": "住房和城乡建设局", "source": "attribution"}]}}])["by_unit"]
{'住房和城乡建设局': 1}
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable


def count_items(records: Iterable[dict]) -> dict:
    """Counts over tagged items; units counted once per item, from attribution and headline. Every
    item read is counted, those that repeat an earlier item too (``repeated``: the same text in
    another file or document)."""
    by_category: Counter = Counter()
    by_unit: Counter = Counter()
    by_date: Counter = Counter()
    by_place: Counter = Counter()
    docs: set = set()
    items = repeated = 0
    for rec in records:
        if rec.get("type") != "item":
            continue
        items += 1
        docs.add(rec.get("doc_id"))
        tags = rec.get("tags") or {}
        repeated += tags.get("duplicate_of") is not None
        by_category[(tags.get("category") or {}).get("label") or "其他"] += 1
        units = {u["canonical"] for u in tags.get("units") or [] if u.get("source") != "mentioned"}
        by_unit.update(units or {"(none)"})
        by_date[(rec.get("doc") or {}).get("date") or "(no date)"] += 1
        by_place[place_label((rec.get("doc") or {}).get("place"))] += 1
    return {"documents": len(docs), "items": items, "repeated": repeated, "by_category": dict(by_category.most_common()),
            "by_unit": dict(sorted(by_unit.items(), key=lambda kv: (kv[0] == "(none)", -kv[1]))), "by_date": dict(sorted(by_date.items())),
            "by_place": dict(sorted(by_place.items(), key=lambda kv: (kv[0] == NO_PLACE, -kv[1], kv[0])))}


#: The row of the items whose document names no place.
NO_PLACE = "(no place)"


def place_label(place: dict | None) -> str:
    """A place as one label: its names from the province down, and its code.

    >>> place_label({"province": "河南省", "city": "新乡市", "county": "延津县", "code": "410726"})
    '河南省 新乡市 延津县 (410726)'
    """
    if not isinstance(place, dict) or not place.get("code"):
        return NO_PLACE
    names = [place.get(k) for k in ("province", "city", "county") if place.get(k)]
    return f"{' '.join(names)} ({place['code']})"
