"""Readers: bytes of one input format → text, and what the format itself tells (a page's title).

One module per format, each registered here with the magic bytes that give it away and its file
suffixes. A file's format is decided by its bytes first, then by its suffix, so a ``.txt`` that is
really a PDF is read as one; anything else is text in some encoding (:mod:`.text`). A new input
format is one :func:`register` call here and one module.

>>> detect(b"%PDF-1.7 ...", "a.txt").name, detect(b"<html><body>", "a.htm").name, detect("快报".encode(), "a").name
('pdf', 'html', 'text')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..changes import Changes
from .text import Decoded, DecodeError, decode_bytes


@dataclass
class Reader:
    name: str
    suffixes: tuple[str, ...]
    sniff: Callable[[bytes], bool]
    read: Callable[[bytes, "ReadOptions", Changes], Decoded]


@dataclass
class ReadOptions:
    encoding: str | None = None
    errors: str = "strict"
    extra: dict = field(default_factory=dict)


READERS: list[Reader] = []


def register(name: str, suffixes: tuple[str, ...], sniff: Callable[[bytes], bool]):
    """Register the decorated ``read(data, options, changes) -> Decoded`` for format ``name``."""
    def wrap(read):
        READERS.append(Reader(name, suffixes, sniff, read))
        return read
    return wrap


def suffixes() -> tuple[str, ...]:
    """Every file suffix a reader takes: what a folder is searched for by default."""
    return tuple(s for r in READERS for s in r.suffixes)


def detect(data: bytes, name: str = "") -> Reader:
    """The reader for ``data``: by magic bytes, then by the suffix of ``name``, else text."""
    for reader in READERS:
        if reader.sniff(data):
            return reader
    suffix = Path(name).suffix.lower()
    for reader in READERS:
        if suffix in reader.suffixes:
            return reader
    return READERS[-1]


def read_bytes(data: bytes, name: str = "", encoding: str | None = None, errors: str = "strict",
               changes: Changes | None = None) -> Decoded:
    """Text of one input, whatever its format; raises :class:`DecodeError` with what is wrong."""
    changes = changes if changes is not None else Changes()
    return detect(data, name).read(data, ReadOptions(encoding, errors), changes)


def _pdf_sniff(data: bytes) -> bool:
    from .pdf import is_pdf

    return is_pdf(data)


@register("pdf", (".pdf",), _pdf_sniff)
def _read_pdf(data: bytes, options: ReadOptions, changes: Changes) -> Decoded:
    from .pdf import PdfError, pdf_text

    try:
        return Decoded(pdf_text(data), "pdf", format="pdf")
    except PdfError as exc:
        raise DecodeError(str(exc)) from None


def _html_sniff(data: bytes) -> bool:
    from .html import sniff

    return sniff(data)


@register("html", (".html", ".htm", ".shtml", ".xhtml"), _html_sniff)
def _read_html(data: bytes, options: ReadOptions, changes: Changes) -> Decoded:
    """A web page: decoded by the charset it declares (many county sites are still GBK), then parsed."""
    from .html import declared_charset, html_text

    declared = None if options.encoding else declared_charset(data)
    decoded = None
    if declared:
        try:
            decoded = decode_bytes(data, encoding=declared, errors="strict")
        except (DecodeError, LookupError):
            decoded = None  # a page that says one charset and is written in another: find it out
    if decoded is None:
        decoded = decode_bytes(data, encoding=options.encoding, errors=options.errors)
    text, meta = html_text(decoded.text, changes)
    return Decoded(text, decoded.encoding, decoded.replacements, meta=meta, format="html")


@register("text", (".txt", ".text", ".md", ".markdown"),
          lambda data: False)
def _read_text(data: bytes, options: ReadOptions, changes: Changes) -> Decoded:
    """Plain text in any encoding (UTF-8/BOM, UTF-16, GB18030, Big5); a page in UTF-16 is parsed too."""
    decoded = decode_bytes(data, encoding=options.encoding, errors=options.errors)
    from .html import html_text, is_page

    if is_page(decoded.text):
        text, meta = html_text(decoded.text, changes)
        return Decoded(text, decoded.encoding, decoded.replacements, meta=meta, format="html")
    return decoded
