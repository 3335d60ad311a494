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


def totals(pairs) -> dict[str, float]:
    """The totals ``../shared/tools/score.py`` prints, over ``(gold, items)`` pairs: item recall,
    precision (over the golds that list every item) and F1, and the shares of found items with the
    right units, and of masthead and footer fields right."""
    exp = hit = found = found_hit = units = units_exp = fields = fields_exp = 0
    for gold, items in pairs:
        want = gold.get("items") or gold.get("items_sample") or []
        heads = {}
        for it in items:
            heads.setdefault(fold(it.get("headline") or ""), it)
        exp += len(want)
        doc_hit = 0
        for w in want:
            head = w.get("headline") or w.get("heading")
            if head:
                it = heads.get(fold(head))
            else:
                start = fold(w.get("body_starts") or "?")
                it = next((i for i in items if fold(i.get("body") or "").startswith(start)), None)
            if it is None:
                continue
            doc_hit += 1
            if "units" in w:
                units_exp += 1
                units += sorted(map(fold, it.get("units") or [])) == sorted(map(fold, w["units"]))
        hit += doc_hit
        if "items" in gold:
            found += len(items)
            found_hit += doc_hit
        fields_exp += sum(len(gold.get(part) or {}) for part in ("masthead", "footer"))
        fields += sum(len(gold.get(part) or {}) for part in ("masthead", "footer")) - len(field_misses(items, gold))
    recall = hit / exp if exp else 0.0
    precision = found_hit / found if found else 0.0
    f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    return {"item_recall": recall, "item_precision": precision, "item_f1": f1,
            "units": units / units_exp if units_exp else 1.0, "fields": fields / fields_exp if fields_exp else 1.0}
