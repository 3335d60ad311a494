"""Count and show every change a stage makes to text, the way ftfy explains its fixes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

EXAMPLES_PER_KIND = 3


@dataclass
class Changes:
    """A tally of repairs: ``counts`` per kind, a few before/after ``examples``, removed ``artefacts``.

    >>> ch = Changes(); ch.add("cjk_spacing", "2024 年", "2024年"); ch.counts
    {'cjk_spacing': 1}
    """

    counts: dict[str, int] = field(default_factory=dict)
    examples: dict[str, list[list[str]]] = field(default_factory=dict)
    artefacts: list[str] = field(default_factory=list)
    marks: list[str] = field(default_factory=list)
    #: Pages read by OCR: ``{"page": 1, "confidence": 0.97}`` (mean over the page's lines).
    ocr: list[dict] = field(default_factory=list)

    def add(self, kind: str, before: str = "", after: str = "", n: int = 1) -> None:
        """Count ``n`` changes of ``kind``, keeping the first few as examples."""
        if n <= 0:
            return
        self.counts[kind] = self.counts.get(kind, 0) + n
        shown = self.examples.setdefault(kind, [])
        if len(shown) < EXAMPLES_PER_KIND and (before or after):
            shown.append([before, after])

    def remove(self, kind: str, artefact: str) -> None:
        """Record that ``artefact`` (a page number, a running header) was taken out."""
        self.add(kind, artefact, "")
        self.artefacts.append(artefact)

    def as_record(self) -> dict:
        record = {"counts": dict(self.counts), "artefacts": list(self.artefacts),
                  "marks": list(self.marks), "examples": {k: v for k, v in self.examples.items()}}
        if self.ocr:
            record["ocr"] = list(self.ocr)
        return record


def counted_sub(pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str], text: str,
                changes: Changes, kind: str, context: int = 4) -> str:
    """``pattern.sub`` that records each real change (with a little context) under ``kind``."""
    if isinstance(repl, str) and "\\" not in repl:
        # literal replacement: let the regex engine do the work, take examples from the first matches
        new, n = pattern.subn(repl, text)
        if not n:
            return text
        changes.counts[kind] = changes.counts.get(kind, 0) + n
        if len(changes.examples.get(kind, ())) < EXAMPLES_PER_KIND:
            for m in pattern.finditer(text):
                if m.group(0) != repl:
                    _example(changes, kind, text, m, repl, context)
                if len(changes.examples.get(kind, ())) >= EXAMPLES_PER_KIND:
                    break
        return new
    out: list[str] = []
    pos = 0
    for m in pattern.finditer(text):
        new = m.expand(repl) if isinstance(repl, str) else repl(m)
        if new == m.group(0):
            continue
        out.append(text[pos:m.start()])
        out.append(new)
        if len(changes.examples.get(kind, ())) < EXAMPLES_PER_KIND:
            _example(changes, kind, text, m, new, context)
        changes.counts[kind] = changes.counts.get(kind, 0) + 1
        pos = m.end()
    if pos == 0 and not out:
        return text
    out.append(text[pos:])
    return "".join(out)


def _example(changes: Changes, kind: str, text: str, m: re.Match[str], new: str, context: int) -> None:
    """Keep one before/after example for ``kind`` (without counting it)."""
    lo, hi = max(0, m.start() - context), min(len(text), m.end() + context)
    changes.examples.setdefault(kind, []).append([text[lo:hi], text[lo:m.start()] + new + text[m.end():hi]])
