"""How close ``split``'s items are to a gold file: matched as ``../shared/tools/score.py`` does
(headlines compared NFKC-folded with white space and the dots · ・ removed)."""

from __future__ import annotations

import unicodedata


def fold(text) -> str:
    text = unicodedata.normalize("NFKC", str(text))
    return "".join(ch for ch in text if not ch.isspace() and ch not in "·・")


def item_f1(items: list[dict], gold: dict) -> float:
    """F1 of found items against the gold's: an item is found when its headline matches. Where the
    gold lists only a sample of the items (``items_sample``) the recall of the sample is returned."""
    full = "items" in gold
    want = [fold(w.get("headline") or w.get("heading") or "") for w in gold.get("items") or gold.get("items_sample") or []]
    got = {fold(i.get("headline") or "") for i in items}
    hit = sum(1 for w in want if w in got)
    if not hit:
        return 0.0
    recall, precision = hit / len(want), hit / len(items)
    if not full:
        return recall
    return 2 * recall * precision / (recall + precision)


def field_misses(items: list[dict], gold: dict) -> list[str]:
    """The masthead and footer fields of the gold that the items' document does not carry."""
    doc = (items[0].get("doc") or {}) if items else {}
    misses = []
    for part in ("masthead", "footer"):
        for key, value in (gold.get(part) or {}).items():
            if key == "distribution_starts":
                ok = fold(doc.get("distribution") or "").startswith(fold(value))
            else:
                ok = fold(doc.get(key) if doc.get(key) is not None else "") == fold(value)
            if not ok:
                misses.append(f"{key}: {doc.get(key)!r} != {value!r}")
    return misses
