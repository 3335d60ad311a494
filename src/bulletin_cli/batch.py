"""The whole chain over many inputs: normalise → split → tag, in N worker processes if asked,
with output in input order, duplicates found across the run, progress and a summary.

Memory stays flat: files are read one at a time (by each worker), results stream back in order
through ``imap`` and are written as they come.
"""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from .inputs import InputError, expand_paths, read_file, read_inputs
from .pipeline import WARNING, Settings, Tally, item_error, to_items
from .tag import mark_duplicate, tag_item
from .tag.dedupe import Deduper


@dataclass
class Summary:
    """What an export did."""

    @property
    def documents(self) -> int:
        return len(self.doc_ids)

    doc_ids: set = field(default_factory=set)
    items: int = 0
    units: int = 0
    figures: int = 0
    duplicates: int = 0
    failures: list[str] = field(default_factory=list)


def _chain(entries, settings: Settings, cfg: dict, report: Callable[[str], None], tally: Tally,
           keep_documents: bool, row_maker: Callable[[dict], list] | None = None) -> Iterator[tuple]:
    """(record, duplicate keys) pairs: items tagged here get their keys prepared for the parent's
    duplicate check; items tagged by an earlier ``bulletin tag`` get ``False`` (already checked)."""
    for rec in to_items(entries, report, settings, tally, keep_documents=keep_documents):
        if rec.get("type") != "item":
            yield rec, None
        elif "tags" in rec:
            yield (_slim(rec, row_maker) if row_maker else rec), False
        else:
            try:
                rec["tags"] = tag_item(rec, cfg)  # the record was made here (split, or read from a pipe)
            except Exception as exc:  # a bug of ours must cost one item, not the run
                item_error(tally, report)(rec, exc)
                continue
            yield (_slim(rec, row_maker) if row_maker else rec), Deduper.prepare(rec)


def _slim(rec: dict, row_maker: Callable[[dict], list]) -> dict:
    """An item reduced to its finished table row and what the parent still needs (ids, the
    duplicate fields it fills in, counts): far less to send between processes. A CSV row comes
    already encoded, as the text around its late cells (see :meth:`RowMaker.encode`)."""
    tags = rec.get("tags") or {}
    slim = {"type": "item", "item_id": rec.get("item_id"), "doc_id": rec.get("doc_id"),
            "tags": {"duplicate_of": tags.get("duplicate_of"), "similarity": tags.get("similarity")},
            "_counts": (len(tags.get("units") or rec.get("units") or []), len(tags.get("figures") or []))}
    pieces = row_maker.encode(rec) if hasattr(row_maker, "encode") else None
    if pieces is None:
        slim["_row"] = row_maker(rec)
    else:
        slim["_csv"] = pieces
    return slim


#: What every job of one run shares (settings, configuration, what to keep, the row maker): set
#: once in each worker process, so that a job sent to it is just a path.
_CONTEXT: tuple | None = None


def _set_context(context: tuple) -> None:
    global _CONTEXT
    _CONTEXT = context


def _work(path: str) -> tuple[list[tuple[dict, tuple | None]], list[str], int]:
    """:func:`_work_with` in a worker process, with the context it was started with."""
    return _work_with(_CONTEXT, path)


def _work_with(context: tuple, path: str) -> tuple[list[tuple[dict, tuple | None]], list[str], int]:
    """One file through the chain: (records with their duplicate keys, error lines, inputs read).
    With a ``row_maker`` items come back as finished rows (see :func:`_slim`)."""
    settings, cfg, keep_documents, row_maker = context
    errors: list[str] = []
    tally = Tally()
    out = list(_chain(read_file(Path(path)), settings, cfg, errors.append, tally, keep_documents, row_maker))
    return out, errors, tally.inputs


def run(paths: list[str], pattern: str, settings: Settings, cfg: dict, report: Callable[[str], None],
        tally: Tally, summary: Summary, jobs: int = 1, keep_documents: bool = False,
        drop_duplicates: bool = False, progress: Callable[[int, int], None] | None = None,
        on_total: Callable[[int], None] | None = None, row_maker: Callable[[dict], list] | None = None,
        ) -> Iterator[dict]:
    """Records of the whole chain for ``paths`` (files, folders, ``-``), in input order.

    ``row_maker`` (a picklable callable, such as :class:`bulletin_cli.export.RowMaker`) turns
    each item into its table row in the worker that made it; the item then carries only that row
    (``_row``, or ``_csv``: the encoded line around its late cells), its ids and its duplicate
    fields, filled in here."""
    deduper = Deduper()
    files: list[str] = []
    stdin_used = False
    for entry in expand_paths(paths or ["-"], pattern):
        if isinstance(entry, InputError):
            tally.fail(str(entry), report)
        elif entry == "-":
            stdin_used = True
        else:
            files.append(str(entry))
    if on_total:
        on_total(len(files))

    def finish(records) -> Iterator[dict]:
        for rec, prepared in records:
            if rec.get("type") == "item":
                tags = rec.setdefault("tags", {})
                if prepared is False:  # tagged upstream: its duplicate fields are already set
                    duplicate = tags.get("duplicate_of") is not None
                else:
                    duplicate = mark_duplicate(rec, deduper, prepared)
                if duplicate:
                    summary.duplicates += 1
                    if drop_duplicates:
                        continue
                summary.items += 1
                summary.doc_ids.add(rec.get("doc_id"))
                units, figures = rec.get("_counts") or (
                    len(tags.get("units") or rec.get("units") or []), len(tags.get("figures") or []))
                summary.units += units
                summary.figures += figures
            elif rec.get("type") == "document":
                summary.doc_ids.add(rec.get("doc_id"))
            yield rec

    if stdin_used:
        yield from finish(_chain(read_inputs(["-"], pattern), settings, cfg, report, tally, keep_documents,
                                 row_maker))
    context = (settings, cfg, keep_documents, row_maker)
    if jobs > 1 and len(files) > 1:
        import multiprocessing

        ctx = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
        with ctx.Pool(jobs, initializer=_set_context, initargs=(context,)) as pool:
            results = pool.imap(_work, files, chunksize=max(1, min(CHUNK, len(files) // (4 * jobs))))
            yield from _collect(results, finish, report, tally, progress, summary)
    else:
        work = functools.partial(_work_with, context)
        yield from _collect(map(work, files), finish, report, tally, progress, summary)


#: Files a worker takes at a time, at most (fewer in small runs, so that every worker gets some).
#: Each chunk's results come back as one message; fewer, larger messages cost the parent process
#: much less (with 8 files a chunk it spent a third more time receiving and handing them over).
CHUNK = 32


def _collect(results, finish, report, tally: Tally, progress, summary: Summary) -> Iterator[dict]:
    done = 0
    for records, errors, inputs in results:
        tally.inputs += inputs
        for message in errors:
            if message.startswith(WARNING):  # read all the same: said, not counted as a failure
                report(message)
            else:
                tally.fail(message, report)
        yield from finish(records)
        done += 1
        if progress:
            progress(done, summary.items)
