"""Text out of scans: images, and PDF pages that carry no text layer, read by OCR.

The engine is RapidOCR (``rapidocr_onnxruntime``: PaddleOCR's PP-OCRv4 Chinese models run by ONNX
Runtime), an optional extra (``ocr``: :func:`bulletin_cli.extras.install_hint`). Its wheel carries the models, so
nothing is downloaded when it runs (many users work offline). Each recognised character comes
with its box; the boxes become :class:`~.layout.Piece` s and :mod:`.layout` rebuilds lines,
indents and paragraph gaps from them as for any positioned text, so a gap between a headline and
its text on one line survives as a space. Every page read this way is recorded in the document's
``changes`` (``ocr``: page and mean confidence), so a user can tell read text from recognised text.
"""

from __future__ import annotations

import functools
import importlib.util
import io
import os
import sys
from statistics import fmean, median

from ..extras import install_hint
from .layout import Piece, page_text

#: What a user runs to read scans.
INSTALL_HINT = install_hint("ocr")
#: Pages rendered for OCR at this many dots per inch: the models read 10.5–16 pt text well from 150 up.
DPI = 200
#: A PDF page with fewer characters than this in its text layer, and an image on it, is a scan.
SCANNED_PAGE_CHARS = 5

_ENGINE = None
#: Threads each OCR engine may use (unset: all cores); ``-j N`` sets 1 in its worker processes.
THREADS_ENV = "BULLETIN_OCR_THREADS"


class OcrMissing(RuntimeError):
    """The OCR extra is not installed."""


@functools.lru_cache(maxsize=1)
def problem() -> str | None:
    """Why OCR cannot run here (what to do about it), or None when it can (found out once)."""
    if importlib.util.find_spec("rapidocr_onnxruntime") is None:
        return INSTALL_HINT + (" (on Python 3.10–3.12)" if sys.version_info >= (3, 13) else "")
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except (ImportError, OSError) as exc:  # OpenCV without libGL, a broken onnxruntime
        return (f"the OCR extra is installed but does not load ({str(exc)[:80]}); "
                "on Linux it needs libGL: apt-get install libgl1")
    return None


def available() -> bool:
    return problem() is None


def _engine():
    global _ENGINE
    if _ENGINE is None:
        if not available():
            raise OcrMissing(str(problem()))
        import logging

        from rapidocr_onnxruntime import RapidOCR

        logging.getLogger("RapidOCR").setLevel(logging.ERROR)  # it logs each run at INFO on stderr's root
        threads = int(os.environ.get(THREADS_ENV, "0") or 0)
        # in a -j N worker one thread each: N engines each using every core would fight over them
        _ENGINE = RapidOCR(intra_op_num_threads=threads) if threads > 0 else RapidOCR()
    return _ENGINE


#: White wider than this share of the line's height between two characters is a space (measured
#: on 12 pt text at 200 dpi: side bearings leave 3–6 px of a 34 px line, 8 at most; a space 12–13),
#: and it must be at least twice the line's usual white.
SPACE_WHITE = 0.3


def _pieces(result, gray=None) -> tuple[list[Piece], list[float]]:
    """OCR lines as pieces; with the page (``gray``, a 2-D array, dark ink) a space is put where
    the line's ink leaves a wide white gap between two characters (the recogniser drops spaces)."""
    pieces: list[Piece] = []
    scores: list[float] = []
    for entry in result or []:
        box, text, score = entry[0], entry[1], float(entry[2])
        scores.append(score)
        xs = [pt[0] for pt in box]
        ys = [pt[1] for pt in box]
        middle, height = (max(ys) + min(ys)) / 2, max(ys) - min(ys)  # brackets reach lower than the rest
        chars = entry[3] if len(entry) > 4 else None
        words = entry[4] if len(entry) > 4 else None
        if gray is not None and chars and words and len(chars) == len(words):
            text = _spaced(words, chars, gray, min(ys), max(ys), height)
        pieces.append(Piece(min(xs), max(xs), middle, height, text))
    return pieces, scores


def _spaced(words: list[str], boxes: list, gray, top: float, bottom: float, height: float) -> str:
    """``words`` joined, with a space where the ink between two of them is wide white.

    Full-width marks (，。（“) stand in a square of their own, mostly white: white beside them is
    never a space (nor does government style ever put one there)."""
    from .layout import CLOSING, OPENING

    rows = gray[max(int(top), 0): max(int(bottom) + 1, 1)]
    if rows.size == 0:
        return "".join(words)
    ink = (rows < 128).any(axis=0)
    centres = [(min(p[0] for p in b) + max(p[0] for p in b)) / 2 for b in boxes]
    whites = [_longest_white(ink[max(int(a), 0):min(int(b), ink.shape[0])]) for a, b in zip(centres, centres[1:])]
    usual = median(whites) if whites else 0
    out = words[0]
    for k in range(1, len(words)):
        prev, word = words[k - 1], words[k]
        white = whites[k - 1]
        marks = prev[-1:] + word[:1]
        if not any(c in CLOSING or c in OPENING for c in marks) and white > max(SPACE_WHITE * height, 2 * usual):
            out += " "
        out += word
    return out


def _longest_white(columns) -> int:
    best = run = 0
    for dark in columns.tolist():
        run = 0 if dark else run + 1
        best = max(best, run)
    return best


def read_image(image) -> tuple[str, float]:
    """The text of one image (bytes, a path or a PIL image) and the mean confidence of its lines."""
    engine = _engine()
    if isinstance(image, (bytes, bytearray)):
        from PIL import Image

        image = Image.open(io.BytesIO(image))
        image.load()
    if getattr(image, "mode", "RGB") not in ("RGB", "L"):
        image = image.convert("RGB")
    result, _ = engine(image, use_cls=False, return_word_box=True)  # pages are upright: the per-line
    # angle classifier turns some long lines over, which then read as nothing
    import numpy

    pieces, scores = _pieces(result, numpy.asarray(image.convert("L")))
    return page_text(pieces), (fmean(scores) if scores else 0.0)


def image_text(data: bytes) -> tuple[str, list[dict]]:
    """Every frame of an image file (a multi-page TIFF is a scanned document) read by OCR."""
    from PIL import Image, ImageSequence

    try:
        img = Image.open(io.BytesIO(data))
        frames = [f.copy() for f in ImageSequence.Iterator(img)]
    except Exception as exc:  # PIL raises many kinds for damaged images
        raise ValueError(f"cannot read image ({exc})") from None
    pages, notes = [], []
    for k, frame in enumerate(frames, 1):
        text, confidence = read_image(frame.convert("RGB"))
        pages.append(text)
        notes.append({"page": k, "confidence": round(confidence, 3)})
    return "\n\f".join(pages), notes


def render_pdf_page(pdf, index: int):
    """A PDF page (a pypdfium2 document) as a PIL image at :data:`DPI`."""
    return pdf[index].render(scale=DPI / 72).to_pil()
