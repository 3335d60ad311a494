"""The shape of the records commands exchange (see docs/records.md), checked where they come in.

>>> check_record({"type": "item", "headline": "县住建局开展核查", "body": 5})
"field 'body' should be text, not int"
"""

from __future__ import annotations

#: Fields that, when present and not null, must have these types. Example: an item's units are a list.
FIELD_TYPES: dict[str, dict[str, type | tuple[type, ...]]] = {
    "document": {"text": str, "doc_id": str, "source": str, "changes": dict},
    "item": {"doc_id": str, "item_id": str, "headline": str, "body": str, "section": str, "units": list,
             "reporters": list, "doc": dict, "tags": dict, "seq": int, "span": list, "marks": list},
}
REQUIRED = {"document": ("text",)}


def check_record(rec: dict) -> str | None:
    """What is wrong with a record from outside, or None. Null optional fields are fine."""
    kind = rec.get("type")
    for name in REQUIRED.get(kind, ()):
        if rec.get(name) is None:
            return f"{kind} record without {name!r}"
    for name, wanted in FIELD_TYPES.get(kind, {}).items():
        value = rec.get(name)
        if value is not None and not isinstance(value, wanted):
            return f"field {name!r} should be {_describe(wanted)}, not {type(value).__name__}"
    if kind == "item":
        for name in ("units", "reporters"):
            if any(not isinstance(v, str) for v in rec.get(name) or []):
                return f"field {name!r} should be a list of text"
        span = rec.get("span")
        if span is not None and (len(span) != 2 or not all(isinstance(v, int) for v in span)):
            return "field 'span' should be two whole numbers"
        if isinstance(rec.get("doc"), dict) and any(isinstance(v, (dict, list)) for v in rec["doc"].values()):
            return "field 'doc' should hold text and numbers"
        tags = rec.get("tags")
        if isinstance(tags, dict):
            for name in ("units", "figures", "dates"):
                value = tags.get(name)
                if value is not None and (not isinstance(value, list) or any(not isinstance(v, dict) for v in value)):
                    return f"field 'tags.{name}' should be a list of objects"
            if tags.get("category") is not None and not isinstance(tags["category"], dict):
                return "field 'tags.category' should be an object"
    return None


def _describe(wanted) -> str:
    return {str: "text", list: "a list", dict: "an object", int: "a whole number"}.get(wanted, str(wanted))


def tidy(rec: dict) -> dict:
    """Drop null ``tags`` (so ``tag`` runs) and give a null ``doc`` an empty object."""
    if rec.get("type") == "item":
        if "tags" in rec and rec["tags"] is None:
            rec = {k: v for k, v in rec.items() if k != "tags"}
        if rec.get("doc") is None:
            rec = {**rec, "doc": {}}
    return rec
