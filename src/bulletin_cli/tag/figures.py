"""Quantities in an item's body: money, counts, areas, lengths, weights, percentages.

>>> [(f["text"], f["normalised"]) for f in find_figures("追回养老金共计21.17万元，总投资805.6亿元。")]
[('21.17万元', {'value': 211700.0, 'unit': 'yuan'}), ('805.6亿元', {'value': 80560000000.0, 'unit': 'yuan'})]

Dates (``2024年``, ``9月``, ``1-5月份``), ordinals (``第43期``), model numbers and codes (``60·80``,
``G1512``, ``轮选49号``) are not figures: a figure needs a unit of measure from the lexicon's ``measures`` (forms.yaml).
"""

from __future__ import annotations

import bisect
import re

from .. import regexcache
from ..lexicon.patterns import P, Regex, alternation, pattern, scan
from ..numerals import cn_to_int

#: Words before a number that make it approximate. Example: 近6亿元, 约300人.
APPROX_BEFORE = ("近", "约", "将近", "大约", "接近", "超", "超过", "逾", "约占", "约为", "约有", "约合", "大概")
#: Words between a number and its unit, or after it, that make it approximate. Example: 500余车次, 100多人.
APPROX_AFTER = ("余", "多", "左右", "以上")
#: Words just before a number that say it is a change. Example: 同比增长54.8%, 下降12%.
CHANGE_WORDS = {"增长": "increase", "增加": "increase", "增速": "increase", "上升": "increase",
                "增幅": "increase", "下降": "decrease", "减少": "decrease", "降幅": "decrease", "回落": "decrease"}
#: Change words that say so only before a rate. Example: 提高5个百分点 (but 提升20所学校 is no change).
RATE_CHANGE_WORDS = {"提高": "increase", "提升": "increase", "降低": "decrease"}
RATE_UNITS = ("%", "个百分点", "倍")

# Bounded, so that a run of thousands of digits costs a little at each place, not the whole run:
# no figure has more than 16 digits before the point or 8 Chinese numerals before its first 十百千万亿.
_ARABIC = r"\d{1,16}(?:,\d{3}){0,5}(?:\.\d{1,8})?"
_CHINESE = r"[零〇一二两三四五六七八九]{0,8}[十百千万亿][零〇一二两三四五六七八九十百千万亿]{0,12}"


@pattern
def MEASURES(f: dict) -> dict[str, tuple[str, float]]:
    """Units of measure (forms.yaml ``measures``) and what they normalise to: (base unit, factor).
    Example: 公里 → (km, 1)."""
    return {str(k): (str(v[0]), float(v[1])) for k, v in f["measures"].items()}


@pattern
def MAGNITUDES(f: dict) -> dict[str, float]:
    """Magnitudes written before the unit (forms.yaml ``magnitudes``). Example: 万 in 21.17万元."""
    return {str(k): float(v) for k, v in f["magnitudes"].items()}


@pattern
def FIGURE(f: dict) -> re.Pattern[str]:
    """A figure: number (or range), optional 余/多, optional magnitude (and 余/多 after it), then a
    unit or a percent sign. Examples: 21.17万元, 5—6家, 500余车次, 54.8%, 百分之十, 三千余人, 5万余人次."""
    _UNIT_ALT = alternation(P.MEASURES)
    _MAG_ALT = alternation(P.MAGNITUDES)
    return regexcache.compile(
        rf"(?P<pct_cn>百分之(?P<pct_num>[零一二三四五六七八九十百点]+))"
        rf"|(?P<num>{_ARABIC}|{_CHINESE})"
        rf"(?:\s{{0,3}}(?P<range_sep>[—–\-~～至到])\s{{0,3}}(?P<num2>{_ARABIC})(?P<unit_lo>{_UNIT_ALT})?)?"
        rf"\s{{0,3}}(?P<approx>余|多)?"
        rf"(?:(?P<pct>[%％])|(?P<mag>{_MAG_ALT})?(?P<approx2>余|多)?(?P<unit>{_UNIT_ALT}))"
    )


#: What may not follow the unit: a date or ordinal word makes 9月, 18期, 2号 not figures.
BAD_AFTER = Regex(r"(年|月|日|号|时|季度|届|级|代|期间|周年|楼|路|国道|省道|县道|岁以上|型)")
#: A unit that is really the first character of a word. Example: 百亿项目 is not 百亿 项.
WORD_AFTER_UNIT = {"项": "目", "人": "员民才口", "家": "庭乡", "名": "单称片", "台": "账阶", "条": "件例款",
                   "组": "织", "处": "理置", "次": "序"}
#: Marks that end the clause a figure stands in. Example: ， in 总投资805.6亿元，年度….
CLAUSE_END = "，。；：！？、,;:!?\n"


def _number(text: str) -> float | None:
    text = text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        pass
    if "点" in text:
        whole, _, frac = text.partition("点")
        w = cn_to_int(whole) if whole else 0
        digits = "".join(str(cn_to_int(c)) for c in frac)
        return float(f"{w}.{digits}") if w is not None else None
    value = cn_to_int(text)
    return float(value) if value is not None else None


_CLAUSE_BREAK = Regex(f"[{re.escape(CLAUSE_END)}]")
# (not 稳增长20条, a policy's name: 稳 before the word)
_CHANGE = Regex("(?<!稳)(" + "|".join(CHANGE_WORDS) + r")[^，。；]{0,6}$")
_RATE_CHANGE = Regex("(?<!稳)(" + "|".join({**CHANGE_WORDS, **RATE_CHANGE_WORDS}) + r")[^，。；]{0,6}$")
#: Anything a figure could start with; texts without one are skipped at once.
_ANY_NUMBER = Regex(r"[\d十百千万亿]")
#: Every character a figure can start with (a digit, a Chinese numeral, 百 of 百分之): the places
#: :data:`FIGURE` is tried at (see :func:`~bulletin_cli.lexicon.patterns.scan`). Example: 2 and 三 in 建成2座、改造三千余户.
FIGURE_START = Regex(r"[\d百零〇一二两三四五六七八九十千万亿]")
#: What may not stand right before a figure, besides a Latin letter or a digit of a code: an
#: ordinal 第, a dot of 60·80. Example: 第3批, G1512, 60·80.
BAD_BEFORE = frozenset("第双*·.．-—")


def _clause(text: str, breaks: list[int], start: int, end: int) -> str:
    k = bisect.bisect_left(breaks, start)
    lo = breaks[k - 1] + 1 if k else 0
    j = bisect.bisect_left(breaks, end)
    hi = breaks[j] if j < len(breaks) else len(text)
    return text[lo:hi].strip()


def _change(text: str, start: int, unit: str) -> str | None:
    before = text[max(0, start - 8):start]
    m = (_RATE_CHANGE if unit in RATE_UNITS else _CHANGE).search(before)
    if not m:
        return None
    word = m.group(1)
    return CHANGE_WORDS.get(word) or RATE_CHANGE_WORDS.get(word)


def _bad_before(text: str, start: int) -> bool:
    """An ordinal 第, a letter or digit of a code, a dot of 60·80 right before ``start``."""
    if not start:
        return False
    c = text[start - 1]
    if c in "、和至" and ORDINAL_LIST.search(text, max(0, start - 12), start):
        return True  # 第17、18件: the 18 is an ordinal too
    return c in BAD_BEFORE or c.isdecimal() or ("A" <= c <= "Z") or ("a" <= c <= "z")


#: A list of ordinals before a number. Example: 第17、 of 第17、18件.
ORDINAL_LIST = Regex(r"第[\d、和至]+$")


def find_figures(text: str) -> list[dict]:
    """Every quantity in ``text`` with its value, unit, normalised value, approximation and clause."""
    out: list[dict] = []
    if not _ANY_NUMBER.search(text):
        return out
    breaks: list[int] | None = None
    for m in scan(P.FIGURE, FIGURE_START, text):
        start, end = m.start(), m.end()
        if _bad_before(text, start) or BAD_AFTER.match(text, end, end + 4):
            continue
        whole, pct_cn, pct_num, num, num2, approx_word, approx_after_mag, pct, mag_word, unit_word = m.group(
            0, "pct_cn", "pct_num", "num", "num2", "approx", "approx2", "pct", "mag", "unit")
        approx_word = approx_word or approx_after_mag
        if unit_word and end < len(text) and text[end] in WORD_AFTER_UNIT.get(unit_word, ""):
            continue
        prefix = text[max(0, start - 2):start]
        if num is not None and len(num) == 1 and num in "十百千万亿" and not approx_word \
                and not prefix.endswith(APPROX_BEFORE):
            continue  # 万亩示范园, 千方百计: a bare 万 or 千 is a word, unless 十余个 or 近百人
        if pct_cn:
            value, unit, base, factor, mag = _number(pct_num), "%", "%", 1.0, 1.0
        else:
            value = _number(num)
            if pct:
                unit, base, factor, mag = "%", "%", 1.0, 1.0
            else:
                unit = (mag_word or "") + unit_word
                base, factor = P.MEASURES[unit_word]
                mag = P.MAGNITUDES.get(mag_word or "", 1.0)
        if value is None:
            continue
        if breaks is None:
            breaks = [b.start() for b in _CLAUSE_BREAK.finditer(text)]
        approx = bool(approx_word) or prefix.endswith(APPROX_BEFORE) \
            or text[end:end + 2].startswith(APPROX_AFTER[2:])
        fig = {
            "text": whole, "value": value, "unit": unit,
            "normalised": {"value": round(value * mag * factor, 6), "unit": base},
            "approx": approx, "change": _change(text, start, unit), "range": None,
            "clause": _clause(text, breaks, start, end), "span": [start, end],
        }
        if num2:
            hi = _number(num2)
            fig["range"] = [value, hi]
            fig["normalised"]["range"] = [round(value * mag * factor, 6), round(hi * mag * factor, 6)]
        out.append(fig)
    return out
