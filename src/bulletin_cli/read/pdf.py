"""Text out of PDF files, for users who point ``bulletin`` at the PDFs they downloaded.

pypdfium2 reads them: it is installed with ``bulletin-cli`` (one wheel, no system library).
Poppler's ``pdftotext`` is only a fallback, where pypdfium2 is missing or cannot open or read a
file. On the seeds and the development set typeset to PDF (``benchmarks/eval_real_pdf.py``)
pypdfium2 splits as well as pdftotext on every text and better on one; on generated bulletins
laid out as offices do (``benchmarks/eval_synthetic.py``) pdftotext's text splits a little
better (items found 0.925 against 0.917 of 100), but the two texts differ in where lines break,
not in their characters, and nothing in a file tells beforehand which would split better. Which
reader read a file, and why, is recorded as a ``pdf_reader`` change (``--explain`` shows it).
Pages are separated by form feeds, which ``normalise`` uses to find running headers and page
numbers.
"""

from __future__ import annotations

import shutil
import subprocess

from ..changes import Changes
from ..extras import install_hint

PDF_MAGIC = b"%PDF-"
#: What to do where no PDF reader can be loaded (bulletin-cli is installed from its checkout).
NO_READER = "PDF input needs pypdfium2 (pip install -e . in the bulletin-cli checkout installs it) or poppler's pdftotext"
#: The change that records which reader read a PDF: before, why (empty for the default); after, the reader.
READER_CHANGE = "pdf_reader"


class PdfError(ValueError):
    """A PDF that cannot be read, or no extractor to read it with."""


class _PdfiumFailed(PdfError):
    """pypdfium2 could not open or read a file that is not locked (pdftotext may still read it)."""

    def __init__(self, reason: object) -> None:
        super().__init__(f"cannot read PDF ({reason})")
        self.reason = str(reason)


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(PDF_MAGIC)


ENCRYPTED = "encrypted PDF (it needs a password to open); save an unprotected copy, or print it to PDF"
NO_TEXT = f"PDF has no text layer (a scan?); to read it by OCR: {install_hint('ocr')}"


def pdf_text(data: bytes, changes: Changes | None = None) -> str:
    """The text of every page, pages separated by ``\\f``, read by pypdfium2; pages that are scans
    read by OCR when the OCR extra is installed (each recorded in ``changes.ocr``). Where
    pypdfium2 is missing, or fails on the file, by poppler's ``pdftotext`` if it is on the PATH."""
    changes = changes if changes is not None else Changes()
    try:
        import pypdfium2 as pdfium
    except ImportError:
        pdfium = None
    failed: _PdfiumFailed | None = None
    if pdfium is not None:
        try:
            text = _pdfium_text(pdfium, data, changes)
        except _PdfiumFailed as exc:  # a damaged file: poppler may be kinder to it
            failed = exc
        else:
            changes.add(READER_CHANGE, "", "pypdfium2")
            return text
    if not shutil.which("pdftotext"):
        if failed:  # (both readers named, as where pdftotext fails too)
            raise PdfError(f"cannot read PDF (pypdfium2: {failed.reason}; pdftotext: not installed)")
        raise PdfError(NO_READER)
    try:
        text = _poppler_text(data)
    except PdfError as exc:
        if str(exc) == ENCRYPTED:
            raise
        prior = f"pypdfium2: {failed.reason}; " if failed else ""
        raise PdfError(f"cannot read PDF ({prior}{exc})") from None
    if not text.replace("\f", "").strip():
        raise failed or PdfError(NO_TEXT)
    why = f"pypdfium2 failed: {failed.reason}" if failed else "pypdfium2 is not installed"
    changes.add(READER_CHANGE, why, "pdftotext")
    return text


def reader_said(changes: dict) -> str | None:
    """Which reader read a PDF and why, from a document record's ``changes``, for ``--explain``.

    >>> reader_said({"examples": {"pdf_reader": [["pypdfium2 is not installed", "pdftotext"]]}})
    'read by pdftotext (pypdfium2 is not installed)'
    """
    said = changes.get("examples", {}).get(READER_CHANGE)
    if not said:
        return None
    why, reader = said[0]
    return f"read by {reader} ({why or 'the default PDF reader'})"


def _poppler_text(data: bytes) -> str:
    """The text of every page by poppler's ``pdftotext`` (pages separated by ``\\f``)."""
    proc = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True)
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip()
        if "password" in err.lower():
            raise PdfError(ENCRYPTED)
        raise PdfError(f"pdftotext: {(err.splitlines() or [''])[-1][:80]}")  # its last word is its verdict
    return proc.stdout.decode("utf-8", "replace")


def _pdfium_text(pdfium, data: bytes, changes: Changes) -> str:
    from . import ocr

    try:
        doc = pdfium.PdfDocument(data)
    except Exception as exc:  # pypdfium2 raises its own PdfiumError for damaged and locked files
        if "password" in str(exc).lower():
            raise PdfError(ENCRYPTED) from None
        raise _PdfiumFailed(exc) from None
    try:
        pages: list[str] = []
        scanned: list[int] = []
        for i in range(len(doc)):
            page = doc[i]
            text = page.get_textpage().get_text_range()
            if len("".join(text.split())) < ocr.SCANNED_PAGE_CHARS and _has_image(pdfium, page):
                scanned.append(i)
            pages.append(text)
        why = ocr.problem() if scanned else None
        if scanned and why is None:
            for i in scanned:
                pages[i], confidence = ocr.read_image(ocr.render_pdf_page(doc, i))
                changes.ocr.append({"page": i + 1, "confidence": round(confidence, 3)})
                changes.add("ocr_pages", "", f"page {i + 1}")
        elif scanned:
            if len(scanned) == len(pages):
                raise PdfError(f"scanned PDF ({len(pages)} page{'s' if len(pages) > 1 else ''} of images, no text); "
                               f"to read it by OCR: {why}")
            changes.add("scanned_pages_unread", "", f"page {scanned[0] + 1}", n=len(scanned))
    except PdfError:
        raise
    except Exception as exc:
        raise _PdfiumFailed(exc) from None
    finally:
        doc.close()
    return "\n\f".join(pages)


def _has_image(pdfium, page) -> bool:
    try:
        return any(True for _ in page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE], max_depth=2))
    except Exception:
        return False
