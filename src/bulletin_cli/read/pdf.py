"""Text out of PDF files, for users who point ``bulletin`` at the PDFs they downloaded.

pypdfium2 is used when it is installed (``pip install 'bulletin-cli[pdf]'``), else poppler's
``pdftotext`` when it is on the PATH. Pages are separated by form feeds, which ``normalise``
uses to find running headers and page numbers.
"""

from __future__ import annotations

import shutil
import subprocess

from ..changes import Changes

PDF_MAGIC = b"%PDF-"


class PdfError(ValueError):
    """A PDF that cannot be read, or no extractor to read it with."""


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(PDF_MAGIC)


ENCRYPTED = "encrypted PDF (it needs a password to open); save an unprotected copy, or print it to PDF"


def pdf_text(data: bytes, changes: Changes | None = None) -> str:
    """The text of every page, pages separated by ``\\f``; pages that are scans read by OCR when
    the OCR extra is installed (each recorded in ``changes.ocr``)."""
    changes = changes if changes is not None else Changes()
    try:
        import pypdfium2 as pdfium
    except ImportError:
        pdfium = None
    if pdfium is not None:
        return _pdfium_text(pdfium, data, changes)
    if shutil.which("pdftotext"):
        proc = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True)
        if proc.returncode != 0:
            err = proc.stderr.decode("utf-8", "replace").strip()
            if "password" in err.lower():
                raise PdfError(ENCRYPTED)
            raise PdfError(f"cannot read PDF (pdftotext: {err[:80]})")
        text = proc.stdout.decode("utf-8", "replace")
        if not text.replace("\f", "").strip():
            raise PdfError("PDF has no text layer (a scan?); to read it by OCR: pip install 'bulletin-cli[ocr]'")
        return text
    raise PdfError("PDF input needs pypdfium2 (pip install 'bulletin-cli[pdf]') or poppler's pdftotext")


def _pdfium_text(pdfium, data: bytes, changes: Changes) -> str:
    from . import ocr

    try:
        doc = pdfium.PdfDocument(data)
    except Exception as exc:  # pypdfium2 raises its own PdfiumError for damaged and locked files
        if "password" in str(exc).lower():
            raise PdfError(ENCRYPTED) from None
        raise PdfError(f"cannot read PDF ({exc})") from None
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
        raise PdfError(f"cannot read PDF ({exc})") from None
    finally:
        doc.close()
    return "\n\f".join(pages)


def _has_image(pdfium, page) -> bool:
    try:
        return any(True for _ in page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE], max_depth=2))
    except Exception:
        return False
