"""Turn whatever a command receives (raw bytes or any earlier stage's records) into the records
its stage needs, running the missing stages on the way. Errors are reported, never raised.

>>> from bulletin_cli.inputs import Source
>>> docs = list(to_documents([Source("a.txt", "县住建局开展核查 摸清底数。（住建局）".encode())], print))
>>> docs[0]["type"]
'document'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .inputs import InputError, Source
from .normalise import NormaliseOptions, normalise_bytes
from .normalise.spacing import CID_GLYPH
from .read.text import DecodeError
from .split import split_document

Report = Callable[[str], None]
#: Characters of the private use area, which PDF fonts without a Unicode map give for their
#: glyphs; no one can tell which character each was. Example: U+E01A.
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
#: How a reported line that is only a warning (the input was still processed) begins.
WARNING = "warning: "


@dataclass
class Tally:
    """What a run did, for the summary line and the exit code."""

    inputs: int = 0
    failed: int = 0
    records: int = 0
    failures: list[str] = field(default_factory=list)

    def fail(self, message: str, report: Report) -> None:
        self.failed += 1
        self.failures.append(message)
        report(message)


@dataclass
class Settings:
    """Options every stage may need."""

    encoding: str | None = None
    errors: str = "auto"
    options: NormaliseOptions = field(default_factory=NormaliseOptions)
    layout: str | None = None
    captions: bool = False


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
                 tally: Tally | None = None) -> Iterator[dict]:
    """``document`` records from raw sources; records of other types pass through untouched."""
    settings = settings or Settings()
    tally = tally if tally is not None else Tally()
    for entry in inputs:
        if isinstance(entry, InputError):
            tally.fail(str(entry), report)
            continue
        if isinstance(entry, Source):
            tally.inputs += 1
            try:
                doc = normalise_bytes(entry.data, entry.name, settings.encoding, settings.errors, settings.options)
            except DecodeError as exc:
                tally.fail(f"{entry.name}: {exc}", report)
                continue
            except Exception as exc:  # a bug of ours must cost one file, not the run
                tally.fail(internal_error(entry.name, "normalise", exc), report)
                continue
            replaced = doc["changes"]["counts"].get("replaced_bytes")
            if replaced and settings.errors == "auto":
                report(f"{WARNING}{entry.name}: {replaced} undecodable byte sequence(s) read as U+FFFD "
                       "(--errors strict refuses such files)")
            if "(cid:" in doc["text"]:
                n = len(CID_GLYPH.findall(doc["text"]))
                report(f"{WARNING}{entry.name}: {n} glyph(s) the PDF extractor could not map, kept as (cid:N): "
                       "those characters cannot be read")
            if PRIVATE_USE.search(doc["text"]):
                n = len(PRIVATE_USE.findall(doc["text"]))
                report(f"{WARNING}{entry.name}: {n} private-use character(s) kept as they are: a PDF font "
                       "without a Unicode map; those characters cannot be read")
            yield doc
            continue
        yield entry


def to_items(inputs: Iterable, report: Report, settings: Settings | None = None,
             tally: Tally | None = None, keep_documents: bool = False) -> Iterator[dict]:
    """``item`` records: documents are split, items pass through, other records are dropped.

    With ``keep_documents`` each document record comes out too, before its items (the SQLite
    writer stores the text)."""
    settings = settings or Settings()
    tally = tally if tally is not None else Tally()
    for rec in to_documents(inputs, report, settings, tally):
        kind = rec.get("type")
        if kind == "document":
            if not isinstance(rec.get("text"), str) or "doc_id" not in rec:
                tally.fail(f"{rec.get('source', '-')}: document record without text or doc_id", report)
                continue
            try:
                items = split_document(rec, settings.layout, settings.captions)
            except Exception as exc:  # a bug of ours must cost one document, not the run
                tally.fail(internal_error(rec.get("source", "-"), "split", exc), report)
                continue
            if keep_documents:
                yield rec
            yield from items
        elif kind in ("item", "caption"):
            yield rec
