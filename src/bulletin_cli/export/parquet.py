"""Items as one Parquet table, typed, for DuckDB, pandas, Polars, Spark and every engine that reads it.

One row an item, with its document's fields beside it (``doc_title``, ``doc_issue``, ``doc_date``…);
units, figures and dates as nested lists of structs, so nothing is flattened into text: a figure's
``value`` is a double, an issue date a ``date``. Rows are written in row groups of
:data:`ROW_GROUP` as the run goes, so memory stays flat however many files are read. Needs pyarrow
(the ``parquet`` extra: :func:`bulletin_cli.extras.install_hint`).

A query in DuckDB (items per canonical unit per month)::

    SELECT u.canonical AS unit, date_trunc('month', doc_date) AS month, count(DISTINCT item_id) AS items
    FROM 'items.parquet', unnest(tag_units) AS t(u)
    WHERE duplicate_of IS NULL
    GROUP BY ALL ORDER BY month, items DESC;
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import BinaryIO, Iterable

from ..extras import install_hint

#: Items a row group holds (about 10 MB of text): written as soon as it fills.
ROW_GROUP = 5000
INSTALL_HINT = install_hint("parquet")


@functools.lru_cache(maxsize=1)
def schema():
    """The table's columns and types (see docs/records.md for what each field means)."""
    import pyarrow as pa

    text, number, integer = pa.string(), pa.float64(), pa.int32()
    return pa.schema([
        ("item_id", text), ("doc_id", text), ("source", text), ("seq", integer), ("layout", text),
        ("section", text), ("number", text), ("level", integer), ("parent", text), ("headline", text),
        ("body", text), ("units", pa.list_(text)), ("reporters", pa.list_(text)),
        ("doc_title", text), ("doc_issue", integer), ("doc_date", pa.date32()), ("doc_date_text", text),
        ("province", text), ("city", text), ("county", text), ("place_code", text),
        ("doc_issuer", text), ("doc_editor", text), ("doc_reviewer", text), ("doc_signer", text),
        ("doc_distribution", text),
        ("category", text), ("category_label", text),
        ("tag_units", pa.list_(pa.struct([("name", text), ("canonical", text), ("kind", text), ("source", text)]))),
        ("figures", pa.list_(pa.struct([("text", text), ("value", number), ("unit", text), ("base_value", number),
                                        ("base_unit", text), ("approx", pa.bool_()), ("change", text)]))),
        ("dates", pa.list_(pa.struct([("text", text), ("kind", text), ("start", pa.date32()), ("end", pa.date32())]))),
        ("duplicate_of", text), ("similarity", number), ("redactions", integer),
    ])


def as_date(value) -> dt.date | None:
    """A full ``YYYY-MM-DD`` as a date; a month or a year alone (``2024-03``) is no date.

    >>> as_date("2023-04-21"), as_date("2024-03"), as_date(None)
    (datetime.date(2023, 4, 21), None, None)
    """
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _int(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and -2**31 <= value < 2**31 else None


def _float(value) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _texts(value) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def item_row(rec: dict) -> dict:
    """One item record as a row of :func:`schema`."""
    doc = rec.get("doc") or {}
    place = doc.get("place") if isinstance(doc.get("place"), dict) else {}
    tags = rec.get("tags") or {}
    category = tags.get("category") or {}
    figures = []
    for f in tags.get("figures") or []:
        base = f.get("normalised") or {}
        figures.append({"text": f.get("text"), "value": _float(f.get("value")), "unit": f.get("unit"),
                        "base_value": _float(base.get("value")), "base_unit": base.get("unit"),
                        "approx": f.get("approx") if isinstance(f.get("approx"), bool) else None,
                        "change": f.get("change")})
    dates = []
    for d in tags.get("dates") or []:
        value = d.get("value") if isinstance(d.get("value"), dict) else {}
        dates.append({"text": d.get("text"), "kind": d.get("kind"), "start": as_date(value.get("start")),
                      "end": as_date(value.get("end"))})
    return {
        "item_id": rec.get("item_id"), "doc_id": rec.get("doc_id"), "source": rec.get("source"),
        "seq": _int(rec.get("seq")), "layout": rec.get("layout"), "section": rec.get("section"),
        "number": rec.get("number"), "level": _int(rec.get("level")), "parent": rec.get("parent"),
        "headline": rec.get("headline"), "body": rec.get("body"), "units": _texts(rec.get("units")),
        "reporters": _texts(rec.get("reporters")),
        "doc_title": doc.get("title"), "doc_issue": _int(doc.get("issue")), "doc_date": as_date(doc.get("date")),
        "doc_date_text": doc.get("date"), "province": place.get("province"), "city": place.get("city"),
        "county": place.get("county"), "place_code": place.get("code"), "doc_issuer": doc.get("issuer"),
        "doc_editor": doc.get("editor"),
        "doc_reviewer": doc.get("reviewer"), "doc_signer": doc.get("signer"),
        "doc_distribution": doc.get("distribution"),
        "category": category.get("key"), "category_label": category.get("label"),
        "tag_units": [{k: u.get(k) for k in ("name", "canonical", "kind", "source")}
                      for u in tags.get("units") or [] if isinstance(u, dict)],
        "figures": figures, "dates": dates,
        "duplicate_of": tags.get("duplicate_of"), "similarity": _float(tags.get("similarity")),
        "redactions": _int(rec.get("redactions")),
    }


def write_items(records: Iterable[dict], where: str | BinaryIO, row_group: int = ROW_GROUP) -> int:
    """Write the item records among ``records`` to a Parquet file (a path or an open binary
    file); return how many."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table_schema = schema()
    n = 0
    batch: list[dict] = []
    with pq.ParquetWriter(where, table_schema, compression="zstd") as writer:
        for rec in records:
            if rec.get("type") != "item":
                continue
            batch.append(item_row(rec))
            n += 1
            if len(batch) >= row_group:
                writer.write_table(pa.Table.from_pylist(batch, table_schema))
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, table_schema))
    return n
