"""Character width: full-width digits and letters to half-width, Kangxi radicals and compatibility
ideographs from PDF fonts to the ordinary character.

>>> fold_width("２０２４年", Changes())
'2024年'
"""

from __future__ import annotations

import re
import unicodedata

from ..changes import Changes, counted_sub
from ..lexicon.patterns import Regex

#: Full-width digits and Latin letters. Example: ２０２４ → 2024, ＢＯＯ → BOO.
FULLWIDTH_ALNUM = Regex(r"[０-９Ａ-Ｚａ-ｚ]+")


#: Middle dots from Japanese fonts and IMEs, set as the GB middle dot. Example: 60・80 → 60·80.
MIDDLE_DOT = Regex(r"[\u30fb\uff65]")


#: Anything :func:`fold_width` would change, to skip texts that need nothing.
WIDTH_ANY = Regex(r"[０-９Ａ-Ｚａ-ｚ\u30fb\uff65]")


#: A full-width full stop or comma between digits. Example: ３．６ → 3.6 (after folding the digits).
FULLWIDTH_DECIMAL = Regex(r"(?<=\d)[．](?=\d)")


#: Radical and compatibility forms that PDF extraction gives for ordinary characters (fonts that
#: map a glyph to the Kangxi radical block): folded to the ideograph. Example: ⽇常 → 日常, ⼯作 → 工作.
RADICAL_FORMS = Regex(r"[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]")


#: Radicals of the supplement block with no Unicode decomposition, and the character each stands
#: for when it stands alone. Example: ⻓ → 长, ⻔ → 门.
RADICAL_SUPPLEMENT = dict(zip(
    "⺟⺠⻄⻅⻆⻉⻋⻓⻔⻘⻙⻚⻛⻜⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳",
    "母民西见角贝车长门青韦页风飞马骨鬼鱼鸟卤麦黄黾齐齿龙龟",
))


def _radical(m: re.Match[str]) -> str:
    ch = m.group(0)
    return RADICAL_SUPPLEMENT.get(ch) or unicodedata.normalize("NFKC", ch)


def fold_radicals(text: str, changes: Changes) -> str:
    """Kangxi radicals and compatibility ideographs from PDF fonts to the ordinary character.

    >>> fold_radicals("开展⽇常巡查⼯作", Changes())
    '开展日常巡查工作'
    """
    if not RADICAL_FORMS.search(text):
        return text
    return counted_sub(RADICAL_FORMS, _radical, text, changes, "radicals")


def fold_width(text: str, changes: Changes) -> str:
    """Full-width digits and letters to half-width: ２０２４ → 2024."""
    if not WIDTH_ANY.search(text):
        return text
    text = counted_sub(FULLWIDTH_ALNUM, lambda m: "".join(chr(ord(c) - 0xFEE0) for c in m.group(0)),
                       text, changes, "fullwidth_alnum")
    text = counted_sub(MIDDLE_DOT, "\u00b7", text, changes, "middle_dot")
    return counted_sub(FULLWIDTH_DECIMAL, ".", text, changes, "fullwidth_alnum")
