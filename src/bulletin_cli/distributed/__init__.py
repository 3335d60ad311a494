"""The chain on many machines: what every engine (``-j N``, Dask, Spark) runs, and the second pass
that makes duplicates come out as one process finds them.

Two passes, the same for every engine:

1. **Map** (:func:`file_items`): each file, alone, through read → normalise → split → tag, as
   ``bulletin export`` runs it. Each item carries its place in the run (``_order``: the file's
   index in the sorted list of inputs, and the item's ``seq``) and its duplicate keys
   (``_keys``: the hashes of its folded headline, of its body's start, and of its whole folded
   text, and that text), made by :meth:`~bulletin_cli.tag.dedupe.Deduper.prepare`.

2. **Duplicates** (:func:`shared_keys`, :func:`duplicates`): an item can repeat only an item that
   shares one of its keys, so the keys that occur once in the whole run are dropped (a count by
   key: a shuffle of 8-byte hashes, the only data that crosses machines), and just the items that
   share a key with another (the *candidates*: a few per cent of a county's bulletins) go, in run
   order, through the same :class:`~bulletin_cli.tag.dedupe.Deduper` that ``-j 1`` uses. Every
   item it compares is a candidate and every candidate is seen in the order ``-j 1`` sees it, so
   ``duplicate_of`` and ``similarity`` come out exactly as ``-j 1`` gives them, with no index
   shared between workers.

The engines differ only in how they move records: :mod:`.on_dask` and :mod:`.on_spark`.

>>> text = "【民生保障】\\n县住建局开展危房核查 摸清全县底数。（住建局）\\n县民政局发放救助金 共发放120万元。（民政局）\\n"
>>> rows = file_items("快报.txt", text.encode(), order=3)
>>> [(r["headline"], r["_order"]) for r in rows]
[('县住建局开展危房核查', (3, 1)), ('县民政局发放救助金', (3, 2))]
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..chain import Settings, Tally, _chain
from ..inputs import InputError, Source, display_name, expand_paths, looks_like_jsonl, parse_jsonl
from ..tag.dedupe import Deduper


def file_items(name: str, data: bytes, order: int, settings: Settings | None = None,
               errors: list[str] | None = None, rows: bool = False) -> list[dict]:
    """The tagged item records of one input file (its bytes), with ``_order`` and ``_keys``; lines
    saying what went wrong go to ``errors``. Duplicates are left to :func:`duplicates`. With
    ``rows``, each item comes as its Parquet row (:func:`~bulletin_cli.export.parquet.item_row`):
    a third of the size to hold and move between machines."""
    if rows:
        from ..export.parquet import item_row
    settings = settings or Settings()
    report = errors.append if errors is not None else (lambda message: None)
    entries = parse_jsonl(data, name) if looks_like_jsonl(data) else iter([Source(name, data)])
    out = []
    for rec, prepared in _chain(entries, settings, report, Tally()):
        if rec.get("type") != "item":
            continue
        if prepared:  # made here: its keys (an item tagged upstream keeps the marks it has)
            text, keys, whole = prepared
            rec["_keys"] = [text, list(keys), whole]
        rec["_order"] = (order, rec.get("seq") or 0)
        if rows:
            row = item_row(rec)
            row["_order"], row["_keys"] = rec["_order"], rec.get("_keys")
            rec = row
        out.append(rec)
    return out


def input_files(paths: Iterable[str], pattern: str | None = None) -> list[tuple[int, str, str]]:
    """(order, path, source name) of every input file, in the order ``bulletin`` reads them:
    folders searched as the command line searches them, so the orders agree with ``-j 1``."""
    files = []
    for entry in expand_paths(list(paths), pattern):
        if isinstance(entry, (InputError, str)):
            continue
        files.append(str(entry))
    return [(k, path, display_name(path)) for k, path in enumerate(files)]


def read_local(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def keys_of(rec: dict) -> list[int]:
    """Every duplicate key of an item record from :func:`file_items`."""
    prepared = rec.get("_keys")
    return [*prepared[1], prepared[2]] if prepared else []


def shared_keys(key_counts: Iterable[tuple[int, int]]) -> set[int]:
    """The keys that more than one item holds, from (key, count) pairs."""
    return {key for key, count in key_counts if count > 1}


def is_candidate(rec: dict, shared: set[int]) -> bool:
    return any(k in shared for k in keys_of(rec))


def duplicates(candidates: Iterable[tuple[tuple[int, int], str, list]]) -> dict[tuple[int, int], tuple[str, float]]:
    """For candidates given as (order, item_id, keys) in any order: order → (duplicate_of,
    similarity) for each that repeats an earlier one, as the one-process run finds it."""
    deduper = Deduper()
    found: dict[tuple[int, int], tuple[str, float]] = {}
    try:
        for order, item_id, prepared in sorted(candidates, key=lambda c: tuple(c[0])):
            text, keys, whole = prepared
            other, similarity = deduper.check({"item_id": item_id}, (text, list(keys), whole))
            if other is not None:
                found[tuple(order)] = (other, similarity)
    finally:
        deduper.close()
    return found


def finish(rec: dict, found: dict[tuple[int, int], tuple[str, float]]) -> dict:
    """An item (a record, or a Parquet row) with its duplicate fields set and the pass's working
    fields gone."""
    order = tuple(rec.pop("_order", (0, 0)))
    rec.pop("_keys", None)
    if order in found:
        fields = rec.setdefault("tags", {}) if "duplicate_of" not in rec else rec
        fields["duplicate_of"], fields["similarity"] = found[order]
    return rec


def local_path(url: str) -> str:
    """A ``file:`` URL as the path the command line would show. Example: file:/data/a.txt → /data/a.txt."""
    from urllib.parse import unquote

    if url.startswith("file://"):
        url = unquote(url[len("file://"):])
    elif url.startswith("file:"):
        url = unquote(url[len("file:"):])
    return str(Path(url)) if url.startswith("/") else url


__all__ = ["duplicates", "file_items", "finish", "input_files", "is_candidate", "keys_of", "local_path",
           "read_local", "shared_keys"]
