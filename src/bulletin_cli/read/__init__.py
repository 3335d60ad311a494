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

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..changes import Changes
from .text import Decoded, DecodeError, charset_codec, decode_bytes


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


def _lazily(module: str, function: str) -> Callable:
    """``module.function``, imported when first called: a reader's module loads only when a file
    of its format comes (``bulletin --help`` stays fast)."""
    def call(*args):
        return getattr(importlib.import_module(f"{__name__}.{module}"), function)(*args)
    return call


def _extracting(name: str, module: str, extract: str, error: str) -> Callable:
    """A reader whose module turns the bytes into text with ``extract(data, changes)`` and says
    what is wrong by raising ``error``."""
    def read(data: bytes, options: ReadOptions, changes: Changes) -> Decoded:
        mod = importlib.import_module(f"{__name__}.{module}")
        try:
            return Decoded(getattr(mod, extract)(data, changes), name, format=name)
        except getattr(mod, error) as exc:
            raise DecodeError(str(exc)) from None
    return read


# PDF (pypdfium2 or pdftotext; scanned pages by OCR), Word (paragraphs as they are), OFD (lines
# rebuilt from its placed text): see each module.
register("pdf", (".pdf",), _lazily("pdf", "is_pdf"))(_extracting("pdf", "pdf", "pdf_text", "PdfError"))
register("docx", (".docx", ".docm", ".dotx"), _lazily("docx", "is_docx"))(
    _extracting("docx", "docx", "docx_text", "DocxError"))
register("ofd", (".ofd",), _lazily("ofd", "is_ofd"))(_extracting("ofd", "ofd", "ofd_text", "OfdError"))


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


def _mhtml_sniff(data: bytes) -> bool:
    from .mhtml import is_mhtml

    return is_mhtml(data)


@register("mhtml", (".mht", ".mhtml"), _mhtml_sniff)
def _read_mhtml(data: bytes, options: ReadOptions, changes: Changes) -> Decoded:
    """A page saved as one file (MHTML): its HTML part, decoded by the charset its header names."""
    from .mhtml import MhtmlError, html_part

    try:
        page, charset = html_part(data)
    except MhtmlError as exc:
        raise DecodeError(str(exc)) from None
    decoded = _read_html(page, options, changes, charset)
    return Decoded(decoded.text, decoded.encoding, decoded.replacements, meta=decoded.meta, format="mhtml")


@register("html", (".html", ".htm", ".shtml", ".xhtml"), _html_sniff)
def _read_html(data: bytes, options: ReadOptions, changes: Changes, charset: str | None = None) -> Decoded:
    """A web page: decoded by the charset it declares (many county sites are still GBK), or that
    the file around it names (``charset``), then parsed."""
    from .html import declared_charset, html_text

    declared = None if options.encoding else (charset or declared_charset(data))
    decoded = _declared_reading(data, declared) if declared else None
    if decoded is None:  # none declared, or a page that says one charset and is written in another
        decoded = decode_bytes(data, encoding=options.encoding, errors=options.errors)
    text, meta = html_text(decoded.text, changes)
    return Decoded(text, decoded.encoding, decoded.replacements, meta=meta, format="html")


def _declared_reading(data: bytes, declared: str) -> Decoded | None:
    """A page read by the charset it declares, where its bytes bear that out: a character encoding
    (never ``unicode_escape``), that decodes them all, and that leaves the page's markup markup.
    A UTF-8 page that says ``utf-16`` decodes as UTF-16 without complaint, as ideographs with no
    ``<`` among them; a page in UTF-16 keeps a ``<`` for (nearly) every ``<`` byte it holds."""
    from .html import markup_kept

    codec = charset_codec(declared)
    if codec is None:
        return None
    try:
        decoded = decode_bytes(data, encoding=codec, errors="strict")
    except DecodeError:
        return None
    return decoded if markup_kept(data, decoded.text) else None


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
