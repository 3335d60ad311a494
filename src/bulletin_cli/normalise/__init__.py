"""The ``normalise`` stage: bytes or text in, one clean ``document`` record out.

>>> rec = normalise_bytes("县住建局 开展 2024 年危房核查。（住建局）".encode("gb18030"), source="a.txt")
>>> rec["encoding"], rec["text"]
('gb18030', '县住建局 开展2024年危房核查。（住建局）\\n')
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from ..changes import Changes
from ..options import NormaliseOptions
from ..read.html import block_text, html_text, is_page
from ..read.text import repair_mojibake
from .doubled import undouble
from .inline import inline_marks
from .markup import HTML_TAG, html_fragment, strip_markup
from .mdpage import markdown_page
from .punctuation import fix_punctuation
from .reflow import Line, clean_lines, indented, reflow_lines, remove_page_artefacts
from .spacing import fix_spacing, unspace
from .webtext import front_matter, web_text
from .width import fold_radicals, fold_width

SCHEMA = 1
#: Formats whose lines are the writer's own paragraphs (Word's), never reflowed.
PARAGRAPH_FORMATS = ("docx", "doc")


def doc_id_for(text: str) -> str:
    """A stable id: the same normalised text always gives the same id."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def normalise_text(text: str, options: NormaliseOptions | None = None,
                   changes: Changes | None = None) -> tuple[str, Changes]:
    """Repair decoded text; return the clean text (paragraphs one a line, blank-line separated)
    and the :class:`Changes` made.

    >>> normalise_text("责任编辑：李 勉\\n")[0]
    '责任编辑：李勉\\n'
    """
    opts = options or NormaliseOptions()
    changes = changes if changes is not None else Changes()
    if opts.mojibake:
        fixed, how = repair_mojibake(text)
        if how:
            changes.add("mojibake", text[:12], fixed[:12])
            text = fixed
    has_markup = "*" in text or "_" in text or "<" in text or "&" in text or "#" in text or ">" in text \
        or "](" in text
    if opts.markup and "<" in text and is_page(text):
        text = html_text(text, changes)[0]  # a saved web page given as text: parsed (see read/html.py)
    elif opts.markup and "<" in text and html_fragment(text):  # <p class="ql-block">…</p><p>…</p>: a part of one
        tags = len(HTML_TAG.findall(text))
        text = block_text(text, changes)[0]
        changes.add("html_tags", "<p>…</p>", "⏎", n=tags)
    if opts.web and text.startswith(("---", "\ufeff---")):
        text = front_matter(text, changes)  # a web clipper's title:, source:, created: lines
    if opts.web and "](" in text:
        text = markdown_page(text, changes)  # a page saved as Markdown: its article, links' syntax gone
    if opts.web:
        text = web_text(text, changes)  # a crawler's header, page chrome run into the text, lost breaks
    if opts.page_artefacts:
        text = undouble(text, changes)  # fake-bold headings extracted twice: 《 《张张北年北年鉴鉴》 》
    lines, pages = clean_lines(text, changes)
    if opts.markup and has_markup:  # markup never spans lines: keep each line's indentation
        stripped = strip_markup("\n".join(lines), changes).split("\n")
        lines = [indented(new, old.indent) if old.__class__ is Line else new for old, new in zip(lines, stripped)]
    if opts.page_artefacts:
        lines = remove_page_artefacts(lines, changes, pages)
    if opts.spacing:  # a line set out one character a space apart, closed up before reflow reads it
        lines = [_closed_up(line, changes) for line in lines]
    if opts.reflow:
        paragraphs = reflow_lines(lines, changes)
    else:
        paragraphs = [ln for ln in lines if ln.strip()]
    out = "\n\n".join(paragraphs)
    if opts.width:
        out = fold_width(fold_radicals(out, changes), changes)
    if opts.punctuation:
        out = fix_punctuation(out, changes)
    if opts.spacing:
        out = fix_spacing(out, changes)
    if opts.page_artefacts:
        out = inline_marks(out, changes)  # [1], -1- run into a sentence, pinyin glosses, 省略912字
    return (out + "\n") if out else out, changes


def _closed_up(line: str, changes: Changes) -> str:
    new = unspace(line, changes)
    return line if new is line else (indented(new, line.indent) if line.__class__ is Line else new)


def document_record(text: str, source: str, encoding: str, changes: Changes, meta: dict | None = None) -> dict:
    """The ``document`` record every later stage reads (see docs/records.md)."""
    rec = {
        "type": "document",
        "schema": SCHEMA,
        "doc_id": doc_id_for(text),
        "source": source,
        "encoding": encoding,
        "text": text,
        "changes": changes.as_record(),
    }
    if meta:
        rec["meta"] = meta  # what the format told: a web page's title
    return rec


def read_for_normalising(data: bytes, source: str = "-", encoding: str | None = None, errors: str = "strict",
                         options: NormaliseOptions | None = None):
    """The bytes read by the reader of their format: the decoded input, the options its text is
    normalised with (a Word file's paragraphs are not reflowed), and what reading it counted."""
    from ..read import read_bytes

    changes = Changes()
    decoded = read_bytes(data, source, encoding, errors, changes)
    if decoded.replacements:
        changes.add("replaced_bytes", n=decoded.replacements)
    if decoded.format in PARAGRAPH_FORMATS and (options is None or options.reflow):
        options = replace(options or NormaliseOptions(), reflow=False)  # a paragraph is a paragraph
    return decoded, options, changes


def normalise_bytes(data: bytes, source: str = "-", encoding: str | None = None, errors: str = "strict",
                    options: NormaliseOptions | None = None) -> dict:
    """Decode and normalise raw bytes into a ``document`` record; raises ``DecodeError`` on bad input.

    The bytes are read by the reader of their format (see :mod:`bulletin_cli.read`): PDF, web page, text."""
    from ..read.text import DecodeError

    decoded, options, changes = read_for_normalising(data, source, encoding, errors, options)
    text, changes = normalise_text(decoded.text, options, changes)
    if not text.strip():
        raise DecodeError("no text after normalising (blank file, or a PDF of scanned images)")
    return document_record(text, source, decoded.encoding, changes, decoded.meta)
