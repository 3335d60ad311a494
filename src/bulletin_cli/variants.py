"""Traditional characters: bulletins in 繁體字 (Big5 files, Hong Kong and Taiwan copies) read by
the same patterns as simplified ones.

``split`` and ``tag`` look for 快报, 责任编辑, 县…局, 万元 and the like in a *simplified shadow* of
a traditional text: the same text with each traditional character swapped for its simplified
form, one character for one, so every offset stays where it was. What they find is then taken from
the original text at the same place, so the records keep the characters the document was written in.

>>> shadow("延津政務快報 責任編輯：李勉")
'延津政务快报 责任编辑：李勉'
>>> is_traditional("縣住建局開展農村危房排查工作。"), is_traditional("县住建局开展农村危房排查工作。")
(True, False)
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from . import regexcache

#: Share of a text's characters that must be traditional forms for it to count as traditional:
#: simplified text has a few too (著名, 於), traditional text has one in four or more.
TRADITIONAL_SHARE = 0.05
#: And at least this many of them.
TRADITIONAL_MIN = 3


@functools.lru_cache(maxsize=1)
def table() -> dict[int, str]:
    """Traditional → simplified, one character for one (``lexicon/t2s.txt``, from OpenCC), as a
    :meth:`str.translate` table. Example: 報 → 报."""
    text = resources.files("bulletin_cli").joinpath("lexicon", "t2s.txt").read_text(encoding="utf-8")
    return {ord(line[0]): line[1] for line in text.splitlines() if len(line) == 2 and not line.startswith("#")}


@functools.lru_cache(maxsize=1)
def traditional_chars() -> re.Pattern[str]:
    """Any character of :func:`table` in the Basic Multilingual Plane (a traditional form); the rare
    ones beyond it would turn the class into a slow list. Example: 報 in 延津政務快報."""
    return regexcache.compile("[" + "".join(re.escape(chr(c)) for c in sorted(table()) if c <= 0xFFFF) + "]")


def shadow(text: str) -> str:
    """``text`` with traditional characters in simplified form, offsets unchanged."""
    return text.translate(table())


def is_traditional(text: str) -> bool:
    """True when enough of ``text`` is traditional forms (counted by the regex engine: fast enough
    to ask of every document and item)."""
    return enough_traditional(len(traditional_chars().findall(text)), len(text)) if text else False


def enough_traditional(found: int, length: int) -> bool:
    """Whether ``found`` traditional forms in ``length`` characters make a text traditional."""
    return found >= TRADITIONAL_MIN and found >= TRADITIONAL_SHARE * length


def shadow_if_traditional(text: str) -> str | None:
    """The simplified shadow of a traditional text, or None for simplified text (nothing to do)."""
    return shadow(text) if is_traditional(text) else None


class Restorer:
    """Puts the original characters back into strings found in a shadow.

    >>> r = Restorer("縣住建局開展核查。（住建局）", "县住建局开展核查。（住建局）")
    >>> r("县住建局开展核查"), r(["住建局"]), r(None)
    ('縣住建局開展核查', ['住建局'], None)
    >>> Restorer("縣住建局開展核查。\\n\\n（住建局）", "县住建局开展核查。\\n\\n（住建局）")("县住建局开展核查。\\n（住建局）")
    '縣住建局開展核查。\\n（住建局）'
    """

    def __init__(self, original: str, simple: str) -> None:
        self.original, self.simple = original, simple

    def __call__(self, value, start: int = 0):
        """``value`` in the original's characters, looked for from ``start`` on (an item's offset:
        the text before it need not be searched), then from the beginning."""
        if isinstance(value, str):
            at = self.simple.find(value, start) if value else -1
            if at < 0 and start and value:
                at = self.simple.find(value)
            if at >= 0:
                return self.original[at:at + len(value)]
            if "\n" in value:  # a body of several paragraphs, each found where it stands
                return "\n".join(self(part, start) for part in value.split("\n"))
            if "；" in value:  # lists joined from several lines: 县委常委；县人大
                return "；".join(self(part, start) for part in value.split("；"))
            return value
        if isinstance(value, list):
            return [self(v, start) for v in value]
        return value
