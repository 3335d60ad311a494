"""Text out of PDF files, for users who point ``bulletin`` at the PDFs they downloaded.

pypdfium2 is used when it is installed (``pip install 'bulletin-cli[pdf]'``), else poppler's
``pdftotext`` when it is on the PATH. Pages are separated by form feeds, which ``normalise``
uses to find running headers and page numbers.
"""

from __future__ import annotations

import shutil
import subprocess

PDF_MAGIC = b"%PDF-"


class PdfError(ValueError):
    """A PDF that cannot be read, or no extractor to read it with."""


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(PDF_MAGIC)


def pdf_text(data: bytes) -> str:
    """The text of every page, pages separated by ``\\f``."""
    try:
        import pypdfium2 as pdfium
    except ImportError:
        pdfium = None
    if pdfium is not None:
        try:
            doc = pdfium.PdfDocument(data)
            pages = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
            doc.close()
        except Exception as exc:  # pypdfium2 raises its own PdfiumError for damaged files
            raise PdfError(f"cannot read PDF ({exc})") from None
        return "\n\f".join(pages)
    if shutil.which("pdftotext"):
        proc = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True)
        if proc.returncode != 0:
            raise PdfError(f"cannot read PDF (pdftotext: {proc.stderr.decode('utf-8', 'replace').strip()[:80]})")
        return proc.stdout.decode("utf-8", "replace")
    raise PdfError("PDF input needs pypdfium2 (pip install 'bulletin-cli[pdf]') or poppler's pdftotext")
