"""The chain, one driver for every command: whatever a command receives (files, folders, a pipe of
raw text or of any earlier stage's records) runs through the stages it still needs, normalise →
split → tag, one file at a time or in N worker processes, with output in input order, duplicates
found across the whole run, progress and a summary. Errors are reported, never raised.

Memory stays flat: files are read one at a time (by each worker), results stream back in order
(:func:`bulletin_cli.workers.ordered_map`) and are written as they come. A worker that dies ends
the run: what was finished is written, the file it was reading is named.

>>> from bulletin_cli.inputs import Source
>>> docs = list(to_documents([Source("a.txt", "县住建局开展核查 摸清底数。（住建局）".encode())], print))
>>> docs[0]["type"]
'document'
"""

from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from .inputs import InputError, Source, display_name, expand_paths, read_file, read_inputs
from .lexicon.patterns import Regex
from .normalise import NormaliseOptions, normalise_bytes
from .normalise.punctuation import CID_GLYPH
from .parts import PART_THRESHOLD
from .read.text import DecodeError
from .split import split_document
from .split.roles import load_model
from .tag import mark_duplicate, tag_item
from .tag.dedupe import Deduper

if TYPE_CHECKING:
    from .workers import WorkerDied

Report = Callable[[str], None]
#: Characters of the private use area, which PDF fonts without a Unicode map give for their
#: glyphs; no one can tell which character each was. Example: U+E01A.
PRIVATE_USE = Regex("[\ue000-\uf8ff]")
#: Mean confidence under which a page read by OCR is named in a warning (clean scans read 0.95 and up).
OCR_DOUBTFUL = 0.8
#: How a reported line that is only a warning (the input was still processed) begins.
WARNING = "warning: "
#: How a reported line that only informs (``--explain``) begins.
NOTE = "note: "


@dataclass
class Tally:
    """What went in and what failed: the exit code (see :class:`Summary` for what came out)."""

    inputs: int = 0
    failed: int = 0

    def fail(self, message: str, report: Report) -> None:
        self.failed += 1
        report(message)


@dataclass
class Settings:
    """Options every stage may need."""

    encoding: str | None = None
    errors: str = "auto"
    options: NormaliseOptions = field(default_factory=NormaliseOptions)
    layout: str | None = None
    captions: bool = False
    #: The configuration (forms, units, categories) from :func:`bulletin_cli.lexicon.load_config`.
    cfg: dict | None = None
    #: How far the chain goes: normalise, split or tag.
    stage: str = "tag"
    #: Whether document records come out too, before their items (the SQLite writer stores the text).
    keep_documents: bool = False
    #: Report why each document got its layout (``split --explain``).
    explain: bool = False
    #: A role model of the user's (a file ``scripts/roles.py fit`` wrote); None: the shipped one.
    roles: str | None = None


def item_error(tally: Tally, report: Report) -> Callable[[dict, Exception], None]:
    """What to do when tagging fails on an item: report it, count it, go on."""
    def failed(item: dict, exc: Exception) -> None:
        tally.fail(internal_error(f"{item.get('source', '-')} item {item.get('seq')}", "tag", exc), report)
    return failed


def internal_error(name: str, stage: str, exc: Exception) -> str:
    """The one line reported when a stage fails on an input through a fault of its own.

    >>> internal_error("a.txt", "split", KeyError("issuer"))
    "a.txt: internal error in split (KeyError: 'issuer'); the file was skipped, please report it"
    """
    return f"{name}: internal error in {stage} ({type(exc).__name__}: {exc}); the file was skipped, please report it"


def to_documents(inputs: Iterable, report: Report, settings: Settings | None = None,
                 tally: Tally | None = None, in_parts: bool = False) -> Iterator[dict]:
    """``document`` records from raw sources; records of other types pass through untouched.

    With ``in_parts``, a source larger than :data:`~bulletin_cli.parts.PART_THRESHOLD` comes as
    one ``parts`` record instead, whose ``parts`` yield each part's document and its records,
    split a part at a time (see :mod:`bulletin_cli.parts`)."""
    settings = settings or Settings()
    tally = tally if tally is not None else Tally()
    for entry in inputs:
        if isinstance(entry, InputError):
            tally.fail(str(entry), report)
            continue
        if isinstance(entry, Source):
            tally.inputs += 1
            if in_parts and len(entry.data) > PART_THRESHOLD:
                try:
                    yield _in_parts(entry, settings, report)
                except DecodeError as exc:
                    tally.fail(f"{entry.name}: {exc}", report)
                except Exception as exc:  # a bug of ours must cost one file, not the run
                    tally.fail(internal_error(entry.name, "normalise", exc), report)
                continue
            try:
                doc = normalise_bytes(entry.data, entry.name, settings.encoding, settings.errors, settings.options)
            except DecodeError as exc:
                tally.fail(f"{entry.name}: {exc}", report)
                continue
            except Exception as exc:  # a bug of ours must cost one file, not the run
                tally.fail(internal_error(entry.name, "normalise", exc), report)
                continue
            _report_notes(entry.name, _notes(doc), settings, report)
            if settings.explain:  # which reader read a PDF, and why
                from .read.pdf import reader_said

                if said := reader_said(doc["changes"]):
                    report(f"{NOTE}{entry.name}: {said}")
            yield doc
            continue
        yield entry


def _notes(doc: dict) -> dict:
    """What a document's text and changes warn of, counted (see :func:`_report_notes`)."""
    counts, text = doc["changes"]["counts"], doc["text"]
    return {"replaced": counts.get("replaced_bytes", 0),
            "cid": len(CID_GLYPH.findall(text)) if "(cid:" in text else 0,
            "omitted": counts.get("omitted_text", 0),
            "unread": counts.get("scanned_pages_unread", 0),
            "private": len(PRIVATE_USE.findall(text)) if PRIVATE_USE.search(text) else 0,
            "low_ocr": [p["page"] for p in doc["changes"].get("ocr") or [] if p["confidence"] < OCR_DOUBTFUL]}


def _report_notes(name: str, notes: dict, settings: Settings, report: Report) -> None:
    if notes["replaced"] and settings.errors == "auto":
        report(f"{WARNING}{name}: {notes['replaced']} undecodable byte sequence(s) read as U+FFFD "
               "(--errors strict refuses such files)")
    if n := notes["cid"]:
        report(f"{WARNING}{name}: {n} glyph(s) the PDF extractor could not map, kept as (cid:N): "
               "those characters cannot be read")
    if omitted := notes["omitted"]:
        report(f"{WARNING}{name}: {omitted} passage(s) the source left out (省略…字): that text is "
               "not in the file")
    if unread := notes["unread"]:
        from .read.ocr import problem

        report(f"{WARNING}{name}: {unread} page(s) are scans with no text, not read: to read them "
               f"by OCR: {problem() or 'see --explain'}")
    if low := notes["low_ocr"]:
        report(f"{WARNING}{name}: page(s) {', '.join(map(str, low))} read by OCR with low "
               f"confidence (under {OCR_DOUBTFUL}): check their text")
    if n := notes["private"]:
        report(f"{WARNING}{name}: {n} private-use character(s) kept as they are: a PDF font "
               "without a Unicode map; those characters cannot be read")


def _in_parts(entry: Source, settings: Settings, report: Report) -> dict:
    """A large source's parts, each decoded (a plain-text file) or cut from the text its reader
    made (other formats), normalised and split as it is asked for (see :mod:`bulletin_cli.parts`)."""
    from .changes import Changes
    from .normalise import normalise_text, read_for_normalising
    from .parts import bytes_id, decoded_pieces, parts_of, split_in_parts
    from .read import detect

    doc_id = bytes_id(entry.data)
    decoding: dict = {}  # (what decoding as it goes counts: bytes read as U+FFFD)
    streamed = decoded_pieces(entry.data, settings.encoding, settings.errors, decoding) \
        if detect(entry.data, entry.name).name == "text" else None
    if streamed is not None:
        encoding, pieces = streamed
        options, meta, changes = settings.options, None, Changes()
    else:
        decoded, options, changes = read_for_normalising(entry.data, entry.name, settings.encoding,
                                                         settings.errors, settings.options)
        entry.data = b""  # (the text is what is read from now on)
        encoding, pieces, meta = decoded.encoding, [decoded.text], decoded.meta
    model = load_model(settings.roles) if settings.roles else None

    def split(doc: dict) -> list[dict]:
        why = _layout_note(doc, report) if settings.explain else None
        return split_document(doc, settings.layout, settings.captions, why, model,
                              on_place=_place_note(doc, report) if settings.explain else None)

    parts = split_in_parts(parts_of(pieces), doc_id, entry.name, encoding, meta,
                           lambda text, ch: normalise_text(text, options, ch), split, changes)
    return {"type": "parts", "source": entry.name, "parts": parts, "decoding": decoding}


def to_items(inputs: Iterable, report: Report, settings: Settings | None = None,
             tally: Tally | None = None, keep_documents: bool = False) -> Iterator[dict]:
    """``item`` records: documents are split, items pass through, other records are dropped.

    With ``keep_documents`` each document record comes out too, before its items (the SQLite
    writer stores the text); without, a document larger than
    :data:`~bulletin_cli.parts.PART_THRESHOLD` is split a part at a time."""
    settings = settings or Settings()
    tally = tally if tally is not None else Tally()
    for rec in to_documents(inputs, report, settings, tally, in_parts=not keep_documents):
        kind = rec.get("type")
        if kind == "parts":
            yield from _parts_items(rec, settings, report, tally)
        elif kind == "document":
            if not isinstance(rec.get("text"), str) or "doc_id" not in rec:
                tally.fail(f"{rec.get('source', '-')}: document record without text or doc_id", report)
                continue
            try:
                why = _layout_note(rec, report) if settings.explain else None
                items = split_document(rec, settings.layout, settings.captions, why,
                                       load_model(settings.roles) if settings.roles else None,
                                       on_place=_place_note(rec, report) if settings.explain else None)
            except Exception as exc:  # a bug of ours must cost one document, not the run
                tally.fail(internal_error(rec.get("source", "-"), "split", exc), report)
                continue
            if keep_documents:
                yield rec
            yield from items
        elif kind in ("item", "caption"):
            yield rec


def _parts_items(rec: dict, settings: Settings, report: Report, tally: Tally) -> Iterator[dict]:
    """The records of a document split in parts, each part's as it is split; what its text warns
    of, said once for the whole file at its end."""
    name = rec["source"]
    total: dict = {}
    try:
        for doc, records in rec["parts"]:
            for kind, n in _notes(doc).items():
                total[kind] = total.get(kind, 0) + n if kind != "low_ocr" else [*total.get(kind, []), *n]
            yield from records
    except DecodeError as exc:
        tally.fail(f"{name}: {exc}", report)
    except Exception as exc:  # a bug of ours must cost one document, not the run
        tally.fail(internal_error(name, "split", exc), report)
    if rec["decoding"].get("replaced_bytes"):
        total["replaced"] = total.get("replaced", 0) + rec["decoding"]["replaced_bytes"]
    if total:
        _report_notes(name, total, settings, report)


#: The width of a paragraph's text in an ``--explain`` line.
EXPLAIN_TEXT = 24


def _layout_note(rec: dict, report: Report) -> Callable[[str, str, dict], None]:
    """Report a document's layout, every layout's score and the evidence that weighed most for it,
    then each paragraph's role, how far ahead of the next role it scored, and the features that
    weighed most for it."""
    def note(layout: str, how: str, why: dict) -> None:
        scores = ", ".join(f"{k} {v:+.1f}" for k, v in sorted(why.get("scores", {}).items(), key=lambda x: -x[1]))
        weighed = ", ".join(f"{f} {w:+.1f}" for f, w in why.get("evidence", []))
        said = f"scores {scores}; for it: {weighed}" if how == "scores" else how
        if why.get("rule"):
            said += f"; by its form: {why['rule']}"
        report(f"{NOTE}{rec.get('source', '-')}: layout {layout} ({said})")
        for role, margin, text, features in why.get("roles", []):
            shown = text if len(text) <= EXPLAIN_TEXT else text[:EXPLAIN_TEXT - 1] + "…"
            feats = ", ".join(f"{f} {w:+.1f}" for f, w in features)
            report(f"{NOTE}  {role:<9} {margin:>5.1f}  {shown}" + (f"  [{feats}]" if feats else ""))
    return note


def _place_note(rec: dict, report: Report) -> Callable[[dict], None]:
    """Report a document's place, its code and the evidence that weighed for it (the names found,
    where each stood, what each counted), and the division list it was resolved against."""
    def note(found: dict) -> None:
        place = found.get("place")
        said = (" ".join(place[k] for k in ("province", "city", "county") if place.get(k)) + f" ({place['code']})"
                if place else "none")
        report(f"{NOTE}{rec.get('source', '-')}: place {said} [{found.get('vintage')}]")
        for line in found.get("evidence", []):
            report(f"{NOTE}  {line}")
    return note


@dataclass
class Summary:
    """What came out of a run: documents, items, units, figures and duplicates, for the summary line."""

    doc_ids: set = field(default_factory=set)
    items: int = 0
    units: int = 0
    figures: int = 0
    duplicates: int = 0

    @property
    def documents(self) -> int:
        return len(self.doc_ids)


def _chain(entries, settings: Settings, report: Callable[[str], None], tally: Tally,
           row_maker: Callable[[dict], list] | None = None) -> Iterator[tuple]:
    """(record, duplicate keys) pairs for ``settings.stage``: items tagged here get their keys
    prepared for the parent's duplicate check; items tagged by an earlier ``bulletin tag`` get
    ``False`` (already checked); records that need no check get None."""
    if settings.stage == "normalise":
        for rec in to_documents(entries, report, settings, tally):
            if rec.get("type") == "document":
                yield rec, None
        return
    items = to_items(entries, report, settings, tally, keep_documents=settings.keep_documents)
    if settings.stage == "split":
        for rec in items:
            yield rec, None
        return
    cfg = settings.cfg if settings.cfg is not None else _default_config()
    for rec in items:
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


@functools.lru_cache(maxsize=1)
def _default_config() -> dict:
    from .lexicon import load_config

    return load_config()


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


#: What every job of one run shares (settings, with the configuration, and the row maker): set
#: once in each worker process, so that a job sent to it is just a path.
_CONTEXT: tuple | None = None


def _set_context(context: tuple) -> None:
    global _CONTEXT
    _CONTEXT = context
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: no worker tracebacks
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # the parent gone: end quietly, not with a BrokenPipeError
    from .lexicon import use

    use(context[0].cfg)  # a spawned worker starts with the shipped forms
    os.environ.setdefault("BULLETIN_OCR_THREADS", "1")  # N workers, N OCR engines: one core each (read/ocr.py)


def _work(path: str) -> tuple[list[tuple[dict, tuple | None]], list[str], int]:
    """:func:`_work_with` in a worker process, with the context it was started with."""
    return _work_with(_CONTEXT, path)


def _work_with(context: tuple, path: str) -> tuple[list[tuple[dict, tuple | None]], list[str], int]:
    """One file through the chain: (records with their duplicate keys, error lines, inputs read).
    With a ``row_maker`` items come back as finished rows (see :func:`_slim`)."""
    settings, row_maker = context
    errors: list[str] = []
    tally = Tally()
    out = list(_chain(read_file(Path(path)), settings, errors.append, tally, row_maker))
    return out, errors, tally.inputs


def _large(path: str) -> bool:
    try:
        return os.path.getsize(path) > PART_THRESHOLD
    except OSError:
        return False


def _streamed(context: tuple, path: str) -> tuple[Iterator[tuple[dict, tuple | None]], list[str], Tally]:
    """:func:`_work_with` for a large file: its records as they are made (a part at a time, see
    :mod:`bulletin_cli.parts`), not gathered first; the error lines and the count of inputs are
    filled in as they go, read once the records are."""
    settings, row_maker = context
    errors: list[str] = []
    tally = Tally()
    return _chain(read_file(Path(path)), settings, errors.append, tally, row_maker), errors, tally


def run(paths: list[str], pattern: str | None, settings: Settings, report: Callable[[str], None],
        tally: Tally, summary: Summary, jobs: int = 1, drop_duplicates: bool = False,
        progress: Callable[[int, int], None] | None = None, on_total: Callable[[int], None] | None = None, row_maker: Callable[[dict], list] | None = None,
        ) -> Iterator[dict]:
    """Records of the whole chain for ``paths`` (files, folders, ``-``), in input order.

    ``row_maker`` (a picklable callable, such as :class:`bulletin_cli.export.RowMaker`) turns
    each item into its table row in the worker that made it; the item then carries only that row
    (``_row``, or ``_csv``: the encoded line around its late cells), its ids and its duplicate
    fields, filled in here."""
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

    tagging = settings.stage == "tag"
    deduper = Deduper() if tagging else None  # (its table opens only where items are tagged)

    def finish(records) -> Iterator[dict]:
        for rec, prepared in records:
            if rec.get("type") == "item" and not tagging:
                summary.items += 1
                summary.doc_ids.add(rec.get("doc_id"))
                summary.units += len(rec.get("units") or [])
            elif rec.get("type") == "item":
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
        yield from finish(_chain(read_inputs(["-"], pattern), settings, report, tally, row_maker))
    context = (settings, row_maker)
    if jobs > 1 and len(files) > 1:
        import multiprocessing
        import threading

        # fork is fast, but forking while another thread runs (a progress bar's refresh) can
        # deadlock the child: then, and where fork is not the rule, a fork server or spawn
        method = "fork" if threading.active_count() == 1 else "forkserver"
        ctx = multiprocessing.get_context(method if sys.platform == "linux" else "spawn")
        chunk = max(1, min(CHUNK, len(files) // (4 * jobs)))
        from .workers import WorkerDied, ordered_map  # (multiprocessing, loaded only for -j N)

        results = ordered_map(ctx, _work, files, jobs, chunk, initializer=_set_context, initargs=(context,))
        try:
            yield from _collect(results, finish, report, tally, progress, summary)
        except WorkerDied as died:
            tally.inputs += int(died.item is not None)
            tally.fail(_death(died), report)
    else:
        work = functools.partial(_work_with, context)
        results = (_streamed(context, path) if _large(path) else work(path) for path in files)
        yield from _collect(results, finish, report, tally, progress, summary)


#: Files a worker is handed at a time, at most (fewer in small runs, so that every worker gets
#: some); each file's results come back on their own (see :mod:`bulletin_cli.workers`), so that the
#: parent knows which file a worker that dies was reading.
CHUNK = 32


def _death(died: WorkerDied) -> str:
    """The line for a worker that died: the file it was reading, how, and what was left out.

    >>> from bulletin_cli.workers import WorkerDied
    >>> _death(WorkerDied("a.txt", "died (SIGTERM)", 5))
    'a.txt: the worker process reading it died (SIGTERM); the run stopped there, 4 other file(s) left out'
    """
    if died.item is None:
        return f"a worker process {died.how}; the run stopped: {died.lost} file(s) left out"
    return (f"{display_name(died.item)}: the worker process reading it {died.how}; the run stopped there, "
            f"{died.lost - 1} other file(s) left out")


def _collect(results, finish, report, tally: Tally, progress, summary: Summary) -> Iterator[dict]:
    done = 0
    for records, errors, inputs in results:
        streamed = isinstance(inputs, Tally)  # (a large file's records, made as they are read: its lines after)
        if streamed:
            yield from finish(records)
            inputs = inputs.inputs
        tally.inputs += inputs
        for message in errors:
            if message.startswith((WARNING, NOTE)):  # read all the same: said, not counted as a failure
                report(message)
            else:
                tally.fail(message, report)
        if not streamed:
            yield from finish(records)
        done += 1
        if progress:
            progress(done, summary.items)
