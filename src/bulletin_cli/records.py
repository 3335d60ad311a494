"""The shape of the records commands exchange (see docs/records.md), checked where they come in.

>>> check_record({"type": "item", "headline": "县住建局开展核查", "body": 5})
"field 'body' should be text, not int"
"""

from __future__ import annotations

#: A number, whole or not.
NUMBER = (int, float)
#: Fields that, when present and not null, must have these types: every field a writer stores
#: (a CSV cell, a SQLite or Parquet column) where it expects text or a number, so that one odd
#: record is named and left out rather than costing the whole output. Example: an item's units
#: are a list.
FIELD_TYPES: dict[str, dict[str, type | tuple[type, ...]]] = {
    "document": {"text": str, "doc_id": str, "source": str, "changes": dict, "encoding": str, "layout": str},
    "item": {"doc_id": str, "item_id": str, "source": str, "layout": str, "headline": str, "body": str,
             "section": str, "number": str, "parent": str, "units": list, "reporters": list, "doc": dict,
             "tags": dict, "seq": int, "level": int, "parent_seq": int, "redactions": int, "span": list,
             "marks": list},
}
#: The same for the objects inside an item (``tags.units`` and the like: each object of the list).
OBJECT_TYPES: dict[str, dict[str, type | tuple[type, ...]]] = {
    "doc": {"title": str, "issue": (int, str), "issuer": str, "date": str, "editor": str, "reviewer": str,
            "signer": str, "distribution": str, "note": str, "place": dict},
    "doc.place": {"province": str, "city": str, "county": str, "code": str},
    "tags": {"units": list, "figures": list, "dates": list, "category": dict, "duplicate_of": str,
             "similarity": NUMBER},
    "tags.category": {"key": str, "label": str, "matched": str, "from": str},
    "tags.units": {"name": str, "canonical": str, "kind": str, "source": str},
    "tags.figures": {"text": str, "value": NUMBER, "unit": str, "normalised": dict, "change": str,
                     "clause": str},
    "tags.figures.normalised": {"value": NUMBER, "unit": str},
    "tags.dates": {"text": str, "kind": str, "value": (str, dict)},
}
REQUIRED = {"document": ("text",)}


def check_record(rec: dict) -> str | None:
    """What is wrong with a record from outside, or None. Null optional fields are fine.

    >>> check_record({"type": "item", "tags": {"figures": [{"text": 5}]}})
    "field 'tags.figures[0].text' should be text, not int"
    """
    kind = rec.get("type")
    for name in REQUIRED.get(kind, ()):
        if rec.get(name) is None:
            return f"{kind} record without {name!r}"
    problem = _wrong_type(rec, FIELD_TYPES.get(kind, {}), "")
    if problem or kind != "item":
        return problem
    for name in ("units", "reporters"):
        if any(not isinstance(v, str) for v in rec.get(name) or []):
            return f"field {name!r} should be a list of text"
    span = rec.get("span")
    if span is not None and (len(span) != 2 or not all(isinstance(v, int) for v in span)):
        return "field 'span' should be two whole numbers"
    if isinstance(rec.get("doc"), dict) and any(isinstance(v, (dict, list)) for k, v in rec["doc"].items() if k != "place"):
        return "field 'doc' should hold text and numbers (and its place)"
    return _check_objects(rec)


def _check_objects(rec: dict) -> str | None:
    """What is wrong with the objects inside an item (its ``doc`` and ``tags``), or None."""
    doc, tags = rec.get("doc") or {}, rec.get("tags") or {}
    problem = _wrong_type(doc, OBJECT_TYPES["doc"], "doc.") or _wrong_type(tags, OBJECT_TYPES["tags"], "tags.")
    if not problem and isinstance(doc.get("place"), dict):
        problem = _wrong_type(doc["place"], OBJECT_TYPES["doc.place"], "doc.place.")
    if problem:
        return problem
    for name in ("units", "figures", "dates"):
        for k, value in enumerate(tags.get(name) or []):
            if not isinstance(value, dict):
                return f"field 'tags.{name}' should be a list of objects"
            problem = _wrong_type(value, OBJECT_TYPES[f"tags.{name}"], f"tags.{name}[{k}].")
            if not problem and isinstance(value.get("normalised"), dict):
                problem = _wrong_type(value["normalised"], OBJECT_TYPES["tags.figures.normalised"],
                                      f"tags.{name}[{k}].normalised.")
            if problem:
                return problem
    return _wrong_type(tags.get("category") or {}, OBJECT_TYPES["tags.category"], "tags.category.")


def _wrong_type(obj: dict, types: dict[str, type | tuple[type, ...]], prefix: str) -> str | None:
    """The first field of ``obj`` that is not null and not of its type in ``types``, said."""
    for name, wanted in types.items():
        value = obj.get(name)
        if value is not None and not isinstance(value, wanted):
            return f"field '{prefix}{name}' should be {_describe(wanted)}, not {type(value).__name__}"
    return None


def _describe(wanted) -> str:
    return {str: "text", list: "a list", dict: "an object", int: "a whole number", NUMBER: "a number",
            (int, str): "a whole number or text", (str, dict): "text or an object"}.get(wanted, str(wanted))


def tidy(rec: dict) -> dict:
    """Drop null ``tags`` (so ``tag`` runs) and give a null ``doc`` an empty object."""
    if rec.get("type") == "item":
        if "tags" in rec and rec["tags"] is None:
            rec = {k: v for k, v in rec.items() if k != "tags"}
        if rec.get("doc") is None:
            rec = {**rec, "doc": {}}
    return rec
