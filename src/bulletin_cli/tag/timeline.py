"""Dates and periods mentioned in an item's body, resolved against the issue date where it allows.

>>> [(d["text"], d["value"]) for d in find_dates("截至目前，一季度完成投资。2 月份以来共检查7次。", "2023-04-21")]
[('截至目前', '2023-04-21'), ('一季度', {'start': '2023-01-01', 'end': '2023-03-31'}), ('2 月份以来', {'start': '2023-02-01', 'end': '2023-04-21'})]
"""

from __future__ import annotations

import bisect
import calendar
import re

from .. import regexcache
from ..numerals import cn_to_int

_Y = r"(?:(?P<y>[12]\d{3})\s*年\s*)?"
#: What each form needs somewhere in the text, to skip forms that cannot match: a word, found
#: fast, then the form without its optional year (which the regex engine finds fast too: it opens
#: with one character class). Example: 月 and 9月22日 for a date.
NEEDS: dict[str, tuple[str, re.Pattern[str]]] = {
    "as_of": ("", regexcache.compile(r"目前|当前|近日|日前")),
    "since": ("以来", regexcache.compile(r"[\d一二三四五六七八九十]{1,2}\s*月份?以来")),
    "since_year": ("以来", regexcache.compile(r"年\s*以来")),
    "month_end": ("月", regexcache.compile(r"月(?:底|末)")),
    "date": ("日", regexcache.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日")),
    "months": ("月", regexcache.compile(r"\d{1,2}\s*[-—至到]\s*\d{1,2}\s*月")),
    "quarter": ("季度", regexcache.compile(r"[一二三四1-4]季度")),
    "half": ("半年", regexcache.compile(r"[上下]半年")),
    "month": ("月", regexcache.compile(r"\d{1,2}\s*月")),
    "year": ("年", regexcache.compile(r"[\d今去明]\s*年")),
}
#: Date forms, most specific first. Examples: 截至目前, 2月份以来, 今年以来, 2023年9月22日, 9月底,
#: 1-5月份, 一季度, 上半年, 9月, 2024年, 今年, 去年.
DATE_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("as_of", regexcache.compile(r"截至目前|截止目前|截至当前|目前|当前|近日|日前")),
    ("since", regexcache.compile(_Y + r"(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月份?以来")),
    ("since_year", regexcache.compile(r"(?:(?P<y>[12]\d{3})\s*年|(?P<rel>今年|去年))\s*以来")),
    ("date", regexcache.compile(_Y + r"(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")),
    ("month_end", regexcache.compile(_Y + r"(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月(?:底|末)")),
    ("months", regexcache.compile(_Y + r"(?P<m1>\d{1,2})\s*[-—至到]\s*(?P<m2>\d{1,2})\s*月份?")),
    ("quarter", regexcache.compile(_Y + r"(?P<first>第?[一二三四1-4]季度|前三季度)")),
    ("half", regexcache.compile(_Y + r"(?P<half>上半年|下半年)")),
    ("month", regexcache.compile(_Y + r"(?<!\d)(?P<m>\d{1,2})\s*月份?(?![\d日])")),
    ("year", regexcache.compile(r"(?P<y>[12]\d{3})\s*年(?![\d度]*\s*\d{1,2}\s*月)|(?P<rel>今年|去年|明年)")),
)


#: The kind a record shows for forms that are special cases of another. Example: 9月底 is a date.
KIND_SHOWN = {"since_year": "since", "month_end": "date"}


def _month_end(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"


def _resolve(kind: str, m: re.Match[str], year: int | None, issued: str | None):
    g = m.groupdict()
    y = int(g["y"]) if g.get("y") else year
    if kind == "as_of":
        return issued
    if y is None:
        return None
    if kind == "since":
        start = f"{y:04d}-{cn_to_int(g['m']):02d}-01"
        return {"start": start, "end": issued}
    if kind == "since_year":  # 今年以来, 2024年以来: from New Year's day to the issue
        y += -1 if g.get("rel") == "去年" else 0
        return {"start": f"{y:04d}-01-01", "end": issued}
    if kind == "month_end":
        month = cn_to_int(g["m"])
        return _month_end(y, month) if 1 <= month <= 12 else None
    if kind == "date":
        return f"{y:04d}-{int(g['m']):02d}-{int(g['d']):02d}"
    if kind == "months":
        return {"start": f"{y:04d}-{int(g['m1']):02d}-01", "end": _month_end(y, int(g["m2"]))}
    if kind == "quarter":
        q = g["first"]
        if q == "前三季度":
            return {"start": f"{y:04d}-01-01", "end": f"{y:04d}-09-30"}
        n = cn_to_int(q.lstrip("第")[0])
        return {"start": f"{y:04d}-{3 * n - 2:02d}-01", "end": _month_end(y, 3 * n)}
    if kind == "half":
        return ({"start": f"{y:04d}-01-01", "end": f"{y:04d}-06-30"} if g["half"] == "上半年"
                else {"start": f"{y:04d}-07-01", "end": f"{y:04d}-12-31"})
    if kind == "month":
        return f"{y:04d}-{int(g['m']):02d}"
    if kind == "year":
        if g.get("rel"):
            return str(year + {"今年": 0, "去年": -1, "明年": 1}[g["rel"]]) if year else None
        return g["y"]
    return None


def find_dates(text: str, issued: str | None = None) -> list[dict]:
    """Dates and periods in ``text``: ``{"text", "kind", "value", "span"}``; ``value`` is None
    where neither the text nor the issue date gives the year."""
    year = int(issued[:4]) if issued else None
    starts: list[int] = []  # the spans taken so far, which never overlap, in order
    ends: list[int] = []
    out = []
    for kind, pattern in DATE_FORMS:
        word, needed = NEEDS[kind]
        if word not in text or not needed.search(text):
            continue
        for m in pattern.finditer(text):
            k = bisect.bisect_left(starts, m.end())  # spans starting before this one ends
            if k and ends[k - 1] > m.start():
                continue  # overlaps a span taken by a more specific form
            if kind == "month" and not (1 <= int(m.group("m")) <= 12):
                continue
            starts.insert(k, m.start())
            ends.insert(k, m.end())
            out.append({"text": m.group(0), "kind": KIND_SHOWN.get(kind, kind), "value": _resolve(kind, m, year, issued),
                        "span": [m.start(), m.end()]})
    out.sort(key=lambda d: d["span"][0])
    return out
