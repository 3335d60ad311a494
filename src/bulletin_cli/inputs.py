"""Read what every command accepts: files, folders, ``-`` or standard input, raw text or JSON Lines.

Each input becomes either a raw :class:`Source` (bytes to normalise) or records parsed from JSON
Lines. Problems become :class:`InputError` values, so one bad file never stops a batch.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Union

from .records import check_record, tidy

BOM = b"\xef\xbb\xbf"


def display_name(name: str) -> str:
    """A file name as records and messages show it: bytes that are not UTF-8 (kept by Linux as
    surrogates) written as ``\\xNN``, so the name prints and round-trips through JSON.

    >>> display_name("nf/\\udcff_bad.txt")
    'nf/\\\\xff_bad.txt'
    """
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


@dataclass
class Source:
    """Raw bytes of one input, with the name it was given by."""

    name: str
    data: bytes


@dataclass
class InputError:
    """One bad input: the file (or ``file:line``) and what is wrong, for a one-line message."""

    name: str
    problem: str

    def __str__(self) -> str:
        return f"{self.name}: {self.problem}"


Item = Union[Source, dict, InputError]


def _walk(folder: Path, pattern: str | None) -> Iterator[Union[Path, InputError]]:
    """Files under ``folder`` matching ``pattern`` (None: every suffix a reader takes), recursively,
    in a stable order (a folder's files, then each of its folders in turn); hidden files and folders
    (.git, .DS_Store) are passed over, links to folders are not followed, and a folder that cannot
    be read is an :class:`InputError`. Walked with a stack of its own, so a tree of any depth is read."""
    from .read import suffixes

    known = suffixes()
    todo = [folder]
    while todo:
        current = todo.pop()
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            if current == folder:
                raise
            yield InputError(display_name(str(current)), _folder_problem(exc))
            continue
        subfolders = []
        for entry in entries:
            if _is_folder(entry):
                if not entry.name.startswith(".") and not entry.is_symlink():
                    subfolders.append(Path(entry.path))
                continue
            path = Path(entry.path)
            if pattern is None:
                if not entry.name.startswith(".") and path.suffix.lower() in known:
                    yield path
            elif path.match(pattern) or Path(entry.name).match(pattern):
                yield path
        todo.extend(reversed(subfolders))


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _folder_problem(exc: OSError) -> str:
    """Why a folder could not be listed, in a few words. Example: folder is not readable."""
    if isinstance(exc, PermissionError):
        return "folder is not readable"
    return f"folder is not readable ({exc.strerror or exc})"


def expand_paths(paths: list[str], pattern: str | None = None) -> Iterator[Union[Path, str, InputError]]:
    """Files named, files under folders (``pattern`` chooses names; by default every format the
    readers know), and ``-`` for standard input."""
    for raw in paths:
        if raw == "-":
            yield "-"
            continue
        path = Path(raw)
        if path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):
                yield InputError(display_name(raw), "folder is not readable")
                continue
            found = False
            try:
                for file in _walk(path, pattern):
                    found = True
                    yield file
            except OSError as exc:
                yield InputError(display_name(raw), _folder_problem(exc))
                continue
            if not found:
                what = repr(pattern) if pattern else "a format bulletin reads (" + ", ".join(_suffixes()) + ")"
                yield InputError(display_name(raw), f"no files matching {what} in folder")
        elif path.exists():
            yield path
        else:
            yield InputError(display_name(raw), "no such file or folder")


def _suffixes() -> tuple[str, ...]:
    from .read import suffixes

    return suffixes()


#: Lines looked at to tell JSON Lines from raw text.
SNIFF_LINES = 20
#: Record types the commands exchange.
RECORD_TYPES = ("document", "item", "caption")


def _is_record(line: bytes) -> bool:
    try:
        rec = json.loads(line.removeprefix(BOM))
    except (ValueError, RecursionError):
        return False
    return isinstance(rec, dict) and "type" in rec


def looks_like_jsonl(data: bytes | list[bytes], more: bool = False) -> bool:
    """True when ``data`` (or its first lines) is JSON Lines from an earlier command: of its first
    non-blank lines, at least half are records. So one broken line, the first included, does not
    turn a stream of records into one raw document. ``more``: ``data`` is the head of a file that
    goes on."""
    if isinstance(data, bytes):  # (its head only: splitting a 100 MB document copied it twice)
        head = data[:SNIFF_BYTES]
        lines = head.split(b"\n", SNIFF_LINES * 4)
        if more or len(data) > len(head):
            lines = lines[:-1]  # (a line cut by the head is not judged)
            if not lines:  # a first record longer than the head: it opens like one
                return head.removeprefix(BOM).lstrip().startswith(b'{"')
    else:
        lines = data
    seen = [line for line in lines if line.strip()][:SNIFF_LINES]
    if not seen or not any(line.lstrip().removeprefix(BOM).startswith(b"{") for line in seen):
        return False
    records = sum(1 for line in seen if line.lstrip().removeprefix(BOM)[:1] == b"{" and _is_record(line))
    return records >= 1 and records * 2 >= len(seen)


def parse_jsonl(data: bytes | Iterable[bytes], name: str) -> Iterator[Union[dict, InputError]]:
    """Records from JSON Lines (all the bytes, or lines as they come); a broken line is reported
    (``name:line``) and skipped."""
    lines = data.split(b"\n") if isinstance(data, bytes) else data
    for lineno, line in enumerate(lines, 1):
        if lineno == 1:
            line = line.removeprefix(BOM)
        if not line.strip():
            continue
        if line is OVERLONG:
            yield InputError(f"{name}:{lineno}", f"JSON line longer than {2 * MAX_DOCUMENT // 2**20} MB: not a record")
            continue
        try:
            rec = json.loads(line)
        except UnicodeDecodeError:
            yield InputError(f"{name}:{lineno}", "JSON line that is not UTF-8")
            continue
        except ValueError as exc:
            yield InputError(f"{name}:{lineno}", f"broken JSON line ({getattr(exc, 'msg', exc)})")
            continue
        except RecursionError:
            yield InputError(f"{name}:{lineno}", "JSON line nested too deep")
            continue
        if not isinstance(rec, dict) or "type" not in rec:
            yield InputError(f"{name}:{lineno}", "JSON line is not a bulletin record (no 'type')")
            continue
        if not isinstance(rec["type"], str) or rec["type"] not in RECORD_TYPES:
            yield InputError(f"{name}:{lineno}", f"unknown record type {str(rec['type'])[:20]!r}; "
                                                 f"expected {', '.join(RECORD_TYPES)}")
            continue
        if (b"\\ud" in line or b"\\uD" in line) and _lone_surrogate(rec):
            yield InputError(f"{name}:{lineno}", "JSON line with a lone surrogate (\\ud800…), not text")
            continue
        problem = check_record(rec)
        if problem:
            yield InputError(f"{name}:{lineno}", f"bad {rec.get('type')} record: {problem}")
            continue
        yield tidy(rec)


def _read_stream(stream: BinaryIO, name: str) -> Iterator[Item]:
    """Standard input: JSON Lines are read a line at a time, as the command before in a pipe
    writes them, so that all the commands of a pipe work at once and none holds the whole stream;
    anything else is read whole, as one raw source. The first lines decide (see
    :func:`looks_like_jsonl`)."""
    head: list[bytes] = []
    filled = 0
    while filled < SNIFF_LINES:
        line = stream.readline()
        if not line:
            break
        head.append(line)
        filled += bool(line.strip())
    if looks_like_jsonl(head):
        yield from parse_jsonl(itertools.chain(head, stream), name)
    else:
        yield Source(name, b"".join(head) + stream.read())


def _lone_surrogate(rec) -> bool:
    try:
        json.dumps(rec, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def read_inputs(paths: list[str], pattern: str | None = None, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Everything the command line names, in order: raw sources, parsed records and errors."""
    for entry in expand_paths(paths or ["-"], pattern):
        if isinstance(entry, InputError):
            yield entry
        elif entry == "-":
            yield from _read_stdin(stdin)
        else:
            yield from read_file(entry)


def _read_stdin(stdin: BinaryIO | None) -> Iterator[Item]:
    """Standard input (or ``stdin`` in its place); closed by the caller (``<&-``), an error naming it."""
    if stdin is None and sys.stdin is None:
        yield InputError("-", "standard input is closed")
        return
    yield from _read_stream(stdin if stdin is not None else sys.stdin.buffer, "-")


#: The largest file read whole as one document (raw bytes of any format): a document takes about ten
#: times its size in memory through the chain (docs/performance.md); a larger file is no bulletin.
#: JSON Lines of any size are read a record at a time.
MAX_DOCUMENT = 128 * 2**20
#: Bytes looked at to tell a file too large to be one document from JSON Lines.
SNIFF_BYTES = 2**20


def read_file(path: Path) -> Iterator[Item]:
    """One file: JSON Lines records if it holds them, else raw bytes; errors as :class:`InputError`."""
    name = display_name(str(path))
    try:
        if not path.is_file():
            yield InputError(name, "not a regular file")
            return
        size = path.stat().st_size
        if size > MAX_DOCUMENT:
            with path.open("rb") as fh:
                yield from _large_file(fh, name, size)
            return
        data = path.read_bytes()
    except PermissionError:
        yield InputError(name, "permission denied")
        return
    except OSError as exc:
        yield InputError(name, exc.strerror or str(exc))
        return
    except MemoryError:
        yield InputError(name, "too large to read into memory")
        return
    if looks_like_jsonl(data):
        yield from parse_jsonl(data, name)
    else:
        source = Source(name, data)
        del data  # (the source alone holds the bytes: a large document lets them go once read)
        yield source


def _large_file(fh: BinaryIO, name: str, size: int) -> Iterator[Item]:
    """A file larger than one document may be: JSON Lines, read a line at a time, or refused."""
    if not looks_like_jsonl(fh.read(SNIFF_BYTES), more=True):
        yield InputError(name, f"file of {size / 2**20:,.0f} MB: larger than the {MAX_DOCUMENT // 2**20} MB "
                               "a document may be")
        return
    fh.seek(0)
    yield from parse_jsonl(_lines(fh), name)


def _lines(fh: BinaryIO) -> Iterator[bytes]:
    """The lines of ``fh``; a line longer than a record may be (:data:`MAX_DOCUMENT` twice: a
    document's text and its changes) comes as :data:`OVERLONG`, passed over without being held."""
    limit = 2 * MAX_DOCUMENT
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = fh.readline(SNIFF_BYTES)
            yield OVERLONG
        else:
            yield line


#: What stands for a JSON line too long to be read (see :func:`_lines`).
OVERLONG = b"\x00overlong"
