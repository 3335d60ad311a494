"""Readers: bytes of one input format → text, and what the format itself tells (a page's title).

One module per format, each registered here with the magic bytes that give it away and its file
suffixes. A file's format is decided by its bytes first, then by its suffix, so a ``.txt`` that is
really a PDF is read as one; anything else is text in some encoding (:mod:`.text`). A new input
format is one :func:`register` call here and one module.

>>> detect(b"%PDF-1.7 ...", "a.txt").name, detect(b"<html><body>", "a.htm").name, detect("快报".encode(), "a").name
('pdf', 'html', 'text')
>>> detect(b"\\xd0\\xcf\\x11\\xe0\\xa1\\xb1\\x1a\\xe1", "a.txt").name, detect(b"PK\\x03\\x04 damaged", "简报.docx").name
('doc', 'docx')
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
    name: str = ""
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
    return detect(data, name).read(data, ReadOptions(encoding, errors, name), changes)


def _pdf_sniff(data: bytes) -> bool:
    from .pdf import is_pdf

    return is_pdf(data)


@register("pdf", (".pdf",), _pdf_sniff)
def _read_pdf(data: bytes, options: ReadOptions, changes: Changes) -> Decoded:
    from .pdf import PdfError, pdf_text

    try:
        return Decoded(pdf_text(data, changes), "pdf", format="pdf")
    except PdfError as exc:
        raise DecodeError(str(exc)) from None


def _docx_sniff(data: bytes) -> bool:
    from .docx import is_docx

    return is_docx(data)


@register("docx", (".docx", ".docm", ".dotx"), _docx_sniff)
def _read_docx(data: bytes, options: ReadOptions, changes: Changes) -> Decoded:
    """A Word file: its paragraphs as they are (see :mod:`.docx`)."""
    from .docx import DocxError, docx_text

    try:
        return Decoded(docx_text(data, changes), "docx", format="docx")
    except DocxError as exc:
        raise DecodeError(str(exc)) from None


def _ofd_sniff(data: bytes) -> bool:
    from .ofd import is_ofd

    return is_ofd(data)


@register("ofd", (".ofd",), _ofd_sniff)
def _read_ofd(data: bytes, options: ReadOptions, changes: Changes) -> Decoded:
    """An OFD file: lines rebuilt from its placed text (see :mod:`.ofd`)."""
    from .ofd import OfdError, ofd_text

    try:
        return Decoded(ofd_text(data, changes), "ofd", format="ofd")
    except OfdError as exc:
        raise DecodeError(str(exc)) from None


def _ole2_sniff(data: bytes) -> bool:
    from .office import is_ole2

    return is_ole2(data)


@register("doc", (".doc", ".wps", ".dot", ".wpt"), _ole2_sniff)
def _read_doc(data: bytes, options: ReadOptions, changes: Changes) -> Decoded:
    """An old Word or WPS file, converted to DOCX by LibreOffice (see :mod:`.office`)."""
    from .docx import DocxError, docx_text
    from .office import OfficeError, to_docx

    try:
        converted = to_docx(data, Path(options.name).suffix)
        changes.add("converted", "", "docx by LibreOffice")
        return Decoded(docx_text(converted, changes), "doc", format="doc")
    except (OfficeError, DocxError) as exc:
        raise DecodeError(str(exc)) from None


IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def _image_sniff(data: bytes) -> bool:
    return data.startswith(IMAGE_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")


@register("image", (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"), _image_sniff)
def _read_image(data: bytes, options: ReadOptions, changes: Changes) -> Decoded:
    """A scanned page (or a multi-page TIFF) read by OCR (see :mod:`.ocr`)."""
    from . import ocr

    why = ocr.problem()
    if why:
        raise DecodeError(f"image: reading it needs OCR; {why}")
    try:
        text, notes = ocr.image_text(data)
    except ValueError as exc:
        raise DecodeError(str(exc)) from None
    changes.ocr.extend(notes)
    changes.add("ocr_pages", "", "image", n=len(notes))
    return Decoded(text, "ocr", format="image")


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
