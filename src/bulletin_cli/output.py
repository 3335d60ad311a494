"""Write records: JSON Lines, one JSON array, or a rich table preview; to stdout or a file.

The format is decided one way everywhere (:func:`choose_format`): an explicit ``--format`` wins,
then the ``-o`` suffix, then a table on a terminal and JSON Lines when piped.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Callable, Iterable, TextIO

FORMATS = ("table", "jsonl", "json")


class OutputError(Exception):
    """A usage problem with the output (file exists, unknown format): exit code 2."""


def choose_format(explicit: str | None, output: str | None, stream: TextIO | None = None) -> str:
    """``explicit`` if given; else by the ``-o`` suffix; else table on a terminal, jsonl when piped."""
    if explicit:
        if explicit not in FORMATS:
            raise OutputError(f"unknown format {explicit!r}; choose from {', '.join(FORMATS)}")
        return explicit
    if output:
        return "json" if output.endswith(".json") else "jsonl"
    stream = stream or sys.stdout
    return "table" if stream.isatty() else "jsonl"


def dumps(record: dict) -> str:
    """One record as a JSON line (UTF-8 text, not \\u escapes)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def check_output(output: str | None, force: bool) -> None:
    """Refuse to overwrite an existing file without ``--force``."""
    if not output or output == "-":
        return
    path = Path(output)
    if path.is_dir():
        raise OutputError(f"{output}: is a folder; give a file name")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{output}: folder {parent} does not exist")
    if path.exists() and not force:
        raise OutputError(f"{output}: file exists; use --force to overwrite")


def write_records(records: Iterable[dict], fmt: str, output: str | None,
                  table: Callable[[list[dict]], object] | None = None) -> int:
    """Write ``records`` in ``fmt``; return how many were written. Streams for jsonl."""
    if output and output != "-":
        from .export import AtomicOutput

        with AtomicOutput(output, newline="\n") as handle:
            return _write(records, fmt, handle, table)
    return _write(records, fmt, sys.stdout, table)


def _write(records: Iterable[dict], fmt: str, handle: TextIO, table) -> int:
    n = 0
    if fmt == "jsonl":
        for rec in records:
            handle.write(dumps(rec) + "\n")
            n += 1
        handle.flush()
        return n
    rows = list(records)
    if fmt == "json":
        json.dump(rows, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    else:
        from rich.console import Console

        console = Console(file=handle) if handle is not sys.stdout else Console()
        if table is not None and rows:
            console.print(table(rows))
        else:
            console.print(f"[dim]{len(rows)} records[/dim]")
    return len(rows)
