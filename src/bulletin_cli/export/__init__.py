"""Every output format, in one registry: name → file suffixes → writer. Every command writes
through it, and the format is decided one way everywhere (:func:`choose_format`): an explicit
``--format`` wins, then the ``-o`` suffix, else a table on a terminal and JSON Lines when piped.

A new format is one :func:`register` call here (or in a module imported here).

>>> choose_format(None, "items.csv", tty=False), choose_format(None, None, tty=False), choose_format("md", "x.csv", tty=True)
('csv', 'jsonl', 'md')
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, TextIO

from .files import AtomicOutput, OutputError, OutputFailed, check_output, is_direct
from .rows import RowMaker, choose_columns, csv_cell, escape_formula, flatten, header_names

__all__ = ["FORMATS", "AtomicOutput", "Format", "OutputError", "OutputFailed", "RowMaker", "WriteOptions", "Written", "check_output",
           "choose_format", "csv_cell", "dumps", "escape_formula", "flatten", "register", "write"]


@dataclass
class WriteOptions:
    """How to write: the columns and headers of a table, the CSV's encoding, and which records
    make its rows (``kind``: item for split, tag and export; document for normalise)."""

    kind: str = "item"
    columns: list[str] | None = None
    headers: str = "en"
    csv_encoding: str = "utf-8-sig"
    raw: bool = False
    table_format: str = "pipe"
    force: bool = False
    row_maker: RowMaker | None = None
    report: Callable[[str], None] = field(default=lambda message: None)


@dataclass
class Written:
    """What a writer wrote: records (rows), and for SQLite the units and figures it added."""

    records: int
    units: int | None = None
    figures: int | None = None
    present: int = 0  # documents already in the database, skipped
    present_items: int = 0  # the items of those documents
    repeated_items: int = 0  # items of documents written earlier in the same run (the same text again)
    marked: int | None = None  # items written that repeat an earlier item (None: as the run counted them)


@dataclass
class Format:
    name: str
    suffixes: tuple[str, ...]
    write: Callable[[Iterable[dict], str | None, WriteOptions], Written]
    file_only: bool = False
    help: str = ""


FORMATS: dict[str, Format] = {}


def register(name: str, suffixes: tuple[str, ...] = (), file_only: bool = False, help: str = ""):
    """Register the decorated ``write(records, output, options) -> Written`` as format ``name``."""
    def wrap(write):
        FORMATS[name] = Format(name, suffixes, write, file_only, help)
        return write
    return wrap


def by_suffix(output: str) -> str | None:
    """The format whose suffixes include ``output``'s. Example: items.csv → csv."""
    suffix = Path(output).suffix.lower()
    return next((f.name for f in FORMATS.values() if suffix in f.suffixes), None)


def _tabulate_formats() -> list[str]:
    import tabulate

    return list(tabulate.tabulate_formats)


def choose_format(explicit: str | None, output: str | None, tty: bool | None = None) -> str:
    """``explicit`` if given; else by the ``-o`` suffix; else table on a terminal, jsonl when piped."""
    if explicit:
        if explicit not in FORMATS and explicit not in _tabulate_formats():
            raise OutputError(f"unknown format {explicit!r}; choose from {', '.join(FORMATS)} or a tabulate format")
        chosen = explicit
    elif output and output != "-" and (by_suffix(output) or not is_direct(output)):
        chosen = by_suffix(output)
        if chosen is None:
            known = ", ".join(s for f in FORMATS.values() for s in f.suffixes)
            raise OutputError(f"{output}: cannot tell the format from the name (known suffixes: {known}); "
                              "give --format")
    else:  # standard output, or a device, pipe or open file with no suffix (-o /dev/stdout)
        chosen = "table" if (sys.stdout.isatty() if tty is None else tty) else "jsonl"
    fmt = FORMATS.get(chosen)
    if fmt is not None and fmt.file_only and (not output or output == "-"):
        raise OutputError(f"{chosen} needs -o FILE")
    return chosen


def dumps(record: dict) -> str:
    """One record as a JSON line (UTF-8 text, not \\u escapes)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def write(records: Iterable[dict], fmt: str, output: str | None, options: WriteOptions | None = None) -> Written:
    """Write ``records`` in format ``fmt`` to ``output`` (a file, or standard output)."""
    options = options or WriteOptions()
    if fmt in FORMATS:
        return FORMATS[fmt].write(records, output, options)
    options.table_format = fmt  # any other tabulate format
    return FORMATS["md"].write(records, output, options)


class _Target:
    """Standard output, or a file written whole (see :class:`AtomicOutput`)."""

    def __init__(self, output: str | None, options: WriteOptions, encoding: str = "utf-8",
                 newline: str | None = "\n") -> None:
        self.file = (AtomicOutput(output, encoding=encoding, newline=newline, replace=options.force)
                     if output and output != "-" else None)

    def __enter__(self) -> TextIO:
        return self.file.__enter__() if self.file else sys.stdout

    def __exit__(self, *exc) -> None:
        if self.file:
            self.file.__exit__(*exc)
        else:
            sys.stdout.flush()


#: The encodings a CSV may be written in, as users name them, and the codec used.
CSV_ENCODINGS = {"utf-8-sig": "utf-8-sig", "utf-8": "utf-8", "utf8": "utf-8", "gb18030": "gb18030", "gbk": "gb18030"}


def _rows_of(records: Iterable[dict], kind: str) -> Iterable[dict]:
    return (r for r in records if r.get("type") == kind)


@register("jsonl", (".jsonl", ".ndjson"), help="one JSON record a line (what the next command in a pipe reads)")
def write_jsonl(records: Iterable[dict], output: str | None, options: WriteOptions) -> Written:
    n = 0
    with _Target(output, options) as handle:
        for rec in records:
            handle.write(dumps(rec) + "\n")
            n += 1
    return Written(n)


@register("json", (".json",), help="one JSON array")
def write_json(records: Iterable[dict], output: str | None, options: WriteOptions) -> Written:
    rows = list(records)
    with _Target(output, options) as handle:
        json.dump(rows, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    return Written(len(rows))


@register("table", (), help="a table to read on a terminal (the default there)")
def write_rich_table(records: Iterable[dict], output: str | None, options: WriteOptions) -> Written:
    from rich.console import Console

    from ..render import table_for

    rows = [r for r in records if r.get("type") in ("item", "document")]
    with _Target(output, options) as handle:
        console = Console(file=handle) if handle is not sys.stdout else Console()
        if rows:
            console.print(table_for(rows))
        else:
            console.print(f"[dim]{len(rows)} records[/dim]")
    return Written(len(rows))


@register("tsv", (".tsv", ".tab"), help="tab-separated values (formula cells escaped as in CSV)")
def write_tsv(records: Iterable[dict], output: str | None, options: WriteOptions) -> Written:
    return write_csv(records, output, options, delimiter="\t")


@register("csv", (".csv",), help="CSV for Excel (UTF-8 with BOM by default; --csv-encoding)")
def write_csv(records: Iterable[dict], output: str | None, options: WriteOptions, delimiter: str = ",") -> Written:
    import csv

    chosen = options.csv_encoding.lower()
    if chosen not in CSV_ENCODINGS:
        raise OutputError("--csv-encoding must be utf-8-sig, utf-8 or gb18030")
    to_file = bool(output) and output != "-"
    encoding = CSV_ENCODINGS[chosen] if to_file or chosen != "utf-8-sig" else "utf-8"  # (no BOM in a pipe)
    maker = options.row_maker or RowMaker(options.columns, options.raw,
                                          kind=options.kind if not options.columns else "item")
    if not to_file:
        sys.stdout.reconfigure(newline="")
    with _Target(output, options, encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header_names(maker.columns, options.headers))
        n = 0
        write_line = handle.write
        for rec in _rows_of(records, options.kind):
            pieces = rec.get("_csv")
            if pieces is not None:  # encoded in a worker: see RowMaker.encode
                write_line(maker.line(rec, pieces))
            else:
                writer.writerow(maker.finish(rec))
            n += 1
    return Written(n)


@register("md", (".md", ".markdown"), help="a Markdown table (--table-format for other tabulate styles)")
def write_markdown(records: Iterable[dict], output: str | None, options: WriteOptions) -> Written:
    from tabulate import tabulate

    rows = [flatten(r) for r in _rows_of(records, options.kind)]
    columns = choose_columns(rows, options.columns)
    cell = _markdown_cell if options.table_format in MARKDOWN_STYLES else _plain_cell
    data = [[cell(r.get(c), options.raw) for c in columns] for r in rows]
    with _Target(output, options, newline=None) as handle:
        handle.write(tabulate(data, headers=header_names(columns, options.headers), tablefmt=options.table_format,
                              disable_numparse=True) + "\n")
    return Written(len(rows))


#: tabulate styles that Markdown viewers render: their cells must not hold markup or break the table.
MARKDOWN_STYLES = frozenset({"pipe", "github", "pretty", "jira", "presto", "orgtbl", "moinmoin", "youtrack",
                             "textile", "mediawiki"})


def _plain_cell(value, raw: bool = False) -> str:
    if value is None:
        return ""
    return str(value) if raw else str(escape_formula(value))


def _markdown_cell(value, raw: bool = False) -> str:
    """A cell of a Markdown table: ``|`` escaped, so it stays one cell; ``<``, ``>`` and ``&`` as
    entities, so no viewer renders ``<script>`` or ``<img onerror=…>`` from a document's text;
    line breaks as spaces; and, unless ``raw``, formula-like cells escaped as in CSV.

    >>> print(_markdown_cell('a|b <script>alert(1)</script>'))
    a\\|b &lt;script&gt;alert(1)&lt;/script&gt;
    """
    text = _plain_cell(value, raw)
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
            .replace("\r\n", " ").replace("\n", " "))


@register("text", (".txt",), help="plain text: each document's text, or each item's headline and body")
def write_text(records: Iterable[dict], output: str | None, options: WriteOptions) -> Written:
    n = 0
    with _Target(output, options) as handle:
        for rec in _rows_of(records, options.kind):
            if rec.get("type") == "document":
                handle.write(rec.get("text", "").rstrip("\n") + "\n\f\n")
            else:
                head = " ".join(x for x in (rec.get("number"), rec.get("headline")) if x)
                handle.write("\n".join(x for x in (head, rec.get("body")) if x) + "\n\n")
            n += 1
    return Written(n)


@register("sqlite", (".sqlite", ".sqlite3", ".db"), file_only=True,
          help="a SQLite database with a full-text index (added to: documents already in it are skipped)")
def write_sqlite(records: Iterable[dict], output: str | None, options: WriteOptions) -> Written:
    import sqlite3

    from .sqlite import SqliteError, remove_database, write_database

    assert output
    if is_direct(output):
        raise OutputError(f"{output}: a SQLite database must be a regular file")
    path = os.path.realpath(output)  # through a link: the database it names (--force keeps the link)
    if options.force:
        remove_database(path)  # --force: start afresh
    try:
        writer = write_database(records, path)
    except SqliteError as exc:
        raise OutputError(f"{output}: {exc}") from None
    except OutputFailed:
        raise
    except sqlite3.Error as exc:
        raise OutputError(f"{output}: cannot write the database ({exc})") from None
    return Written(writer.items, writer.units, writer.figures, present=len(writer.skipped),
                   present_items=writer.present_items, repeated_items=writer.repeated_items, marked=writer.marked)


@register("parquet", (".parquet", ".pq"), file_only=True,
          help="a typed Parquet table of items (figures as numbers, dates as dates; needs the parquet extra)")
def write_parquet(records: Iterable[dict], output: str | None, options: WriteOptions) -> Written:
    from .parquet import INSTALL_HINT, write_items

    assert output
    if options.kind != "item":
        raise OutputError("Parquet output holds items: write it from split, tag or export")
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise OutputError(f"Parquet output needs pyarrow: {INSTALL_HINT}") from None
    with AtomicOutput(output, binary=True, replace=options.force) as handle:
        n = write_items(records, handle)
    return Written(n)
