"""Counts for ``bulletin stats``: items per category, per canonical unit and per issue date.

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
    return {"documents": len(docs), "items": items, "repeated": repeated, "by_category": dict(by_category.most_common()),
            "by_unit": dict(sorted(by_unit.items(), key=lambda kv: (kv[0] == "(none)", -kv[1]))), "by_date": dict(sorted(by_date.items()))}
