"""A document too large to hold in all its forms at once (a yearbook, a gazetteer volume as one
file): decoded, normalised and split a part at a time, each part's items handed on before the
next part is decoded, so that memory is the file's bytes and a small multiple of a part, not ten
times the file.

A plain-text file is decoded as it goes, by the codec its opening bytes are read with (the house
order of :func:`~bulletin_cli.read.text.decode_bytes`, on the first :data:`HEAD_BYTES`); other
formats (a PDF, a Word file, a page) are read whole by their reader first. A part ends at the
first blank line (else line end) after :data:`PART_CHARS` characters. The items of every part
are the document's: one ``doc_id`` (of the file's bytes), ``seq`` running on across parts,
``span`` counted in the document's normalised text as if the parts' texts were one (each ending
in a line end, a blank line between), and the document's fields (title, issue, date, place …)
those its first part shows, as a masthead stands at the top. Each part's layout is decided on
the part: a part is a document of its own to ``split``.

>>> [len(p) for p in parts_of(["甲" * 5 + "\\n\\n" + "乙" * 5, "\\n" + "丙" * 3], 4)]
[7, 6, 3]
"""

from __future__ import annotations

import codecs
import hashlib
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

if TYPE_CHECKING:
    from .changes import Changes

#: A document of more bytes than this is split in parts (the text of a file this size, held whole
#: in its repairs, paragraphs and items, was about ten times its size in memory).
PART_THRESHOLD = 16 * 2**20
#: Characters a part holds before it ends at the next blank line.
PART_CHARS = 2**20
#: The opening bytes a plain-text file's codec is decided on.
HEAD_BYTES = 4 * 2**20
#: Bytes decoded at a time.
CHUNK_BYTES = 2**20


def parts_of(pieces: Iterable[str], size: int | None = None) -> Iterator[str]:
    """The text of ``pieces`` (decoded a piece at a time) in parts of ``size`` characters
    (:data:`PART_CHARS`), each then to the end of its paragraph (a blank line), else of its line,
    else there."""
    size = size or PART_CHARS
    buffer = ""
    for piece in pieces:
        buffer += piece
        while len(buffer) >= 2 * size:
            end = _break(buffer, size)
            yield buffer[:end]
            buffer = buffer[end:]
    while len(buffer) > size:
        end = _break(buffer, size)
        yield buffer[:end]
        buffer = buffer[end:]
    if buffer:
        yield buffer


def _break(text: str, size: int) -> int:
    limit = min(len(text), 2 * size)
    brk = text.find("\n\n", size, limit)
    if brk >= 0:
        return brk + 2
    brk = text.find("\n", size, limit)
    return brk + 1 if brk >= 0 else size


def decoded_pieces(data: bytes, encoding: str | None, errors: str,
                   counts: dict | None = None) -> tuple[str, Iterator[str]] | None:
    """A plain-text file's codec (decided on its opening bytes) and its text a chunk at a time;
    None where the file must be read whole (UTF-16 and UTF-32, whose codec the opening cannot
    vouch for line by line; a saved page; a file whose opening no codec explains). Bytes read as
    U+FFFD (``--errors auto`` or ``replace``) are counted in ``counts["replaced_bytes"]`` as the
    pieces are decoded."""
    counts = counts if counts is not None else {}
    from .read.html import is_page
    from .read.text import BOMS, DecodeError, _tolerated, charset_codec, decode_bytes

    skip = 0
    codec = charset_codec(encoding) if encoding else None
    label = codec
    if codec is None and encoding:
        return None
    if codec is None:
        for bom, name in BOMS:
            if data.startswith(bom):
                codec, skip, label = name, len(bom), f"{name} (BOM)"
                break
    head = data[skip:skip + HEAD_BYTES]
    cut = head.rfind(b"\n")
    head = head[:cut + 1] if cut > 0 else head
    try:
        opening = decode_bytes(head, encoding=codec, errors=errors)
    except DecodeError:
        return None
    codec = codec or opening.encoding
    if codec.startswith(("utf-16", "utf-32")) or is_page(opening.text[:200000]):
        return None
    tolerated = _tolerated(data)

    def pieces() -> Iterator[str]:
        decoder = codecs.getincrementaldecoder(codec)("strict" if errors == "strict" else "replace")
        view, replaced = memoryview(data), 0
        for start in range(skip, len(data), CHUNK_BYTES):
            try:
                piece = decoder.decode(view[start:start + CHUNK_BYTES], final=start + CHUNK_BYTES >= len(data))
            except UnicodeDecodeError as exc:
                raise DecodeError(f"not valid {codec} at byte {start + exc.start} (its opening is); "
                                  "use --errors replace to go on") from None
            if errors != "strict" and "\ufffd" in piece:
                replaced += piece.count("\ufffd")
                counts["replaced_bytes"] = replaced
                if errors == "auto" and replaced > tolerated:
                    raise DecodeError(f"not valid {codec}: more than {tolerated} bad byte sequences; "
                                      "use --errors replace to go on")
            yield piece
    return label or codec, pieces()


def split_in_parts(parts: Iterable[str], doc_id: str, source: str, encoding: str, meta: dict | None,
                   normalise: Callable, split: Callable[[dict], list[dict]],
                   reading: Changes) -> Iterator[tuple[dict, list[dict]]]:
    """Each part's document record and its item (and caption) records, a part at a time.

    ``normalise(part_text, changes) -> (text, changes)`` and ``split(document record) -> records``
    are the chain's own stages (with its settings); ``reading``: what reading the bytes counted
    (replaced bytes, a PDF's reader), the first part's changes."""
    from .changes import Changes
    from .normalise import document_record

    fields: dict | None = None
    seq = offset = 0
    for k, part in enumerate(parts):
        part_text, changes = normalise(part, reading if k == 0 else Changes())
        if not part_text.strip():
            continue
        doc = document_record(part_text, source, encoding, changes, meta)
        doc["doc_id"] = doc_id
        records = split(doc)
        base = seq
        for rec in records:
            rec["doc_id"] = doc_id
            if rec.get("type") != "item":
                continue
            if fields is None:
                fields = rec["doc"]
            seq += 1
            rec.update(seq=seq, item_id=f"{doc_id}:{seq}", doc=fields,
                       span=[rec["span"][0] + offset, rec["span"][1] + offset])
            if rec.get("parent_seq") is not None:
                rec["parent_seq"] += base
        offset += len(part_text) + 1
        yield doc, records


def bytes_id(data: bytes) -> str:
    """The id of a document read in parts: of its bytes (its whole text is never held)."""
    return hashlib.sha1(data).hexdigest()[:16]
