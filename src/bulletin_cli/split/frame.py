"""The frame around a summary, digest or web article: title above, facts line, addressee, and
signature and date below.
"""

from __future__ import annotations

import re

from ..lexicon.patterns import (
    CJK,
    DATE,
    SECTION_BRACKET,
    P,
    width,
)
from .common import Para, Parsed
from .headlines import _is_heading, _long_title
from .masthead import parse_date
from .outline import OUTLINE_MARK


def _web_meta(text: str) -> dict | None:
    """Issuer and date from the facts line under a web article's title, or None.

    >>> _web_meta("来源：肥西县应急管理局  发布时间：2024-05-06 10:23  浏览次数：235")
    {'issuer': '肥西县应急管理局', 'date': '2024-05-06'}
    """
    if not P.WEB_META.match(text):
        return None
    out: dict = {}
    for label, value in P.WEB_META_FIELD.findall(text):
        if label in ("来源", "信息来源", "文章来源", "发布机构"):
            out.setdefault("issuer", value)
        elif label in ("发布时间", "发布日期") and (date := parse_date(value)):
            out.setdefault("date", date)
    return out


def _frame(paras: list[Para], parsed: Parsed) -> list[Para]:
    """Title above and signature below a summary or digest: ``某某县商务局2023年上半年工作总结`` on
    the first line, ``某某县商务局`` and ``2023年7月5日`` on the last ones. Returns what is between."""
    lo, hi = 0, len(paras)
    first = paras[lo] if lo < hi else None
    if hi - lo >= 3 and first is not None and (_is_heading(first) or _long_title(first.text)) \
            and not OUTLINE_MARK.match(first.text) and not SECTION_BRACKET.match(first.text):
        parsed.masthead["title"] = paras[lo].text
        parsed.regions.append((paras[lo].start, paras[lo].end, "masthead"))
        lo += 1
    if "title" in parsed.masthead and hi - lo >= 2 and (meta := _web_meta(paras[lo].text)) is not None:
        # 来源：肥西县应急管理局  发布时间：2024-05-06 under the title: one web article
        for key, value in meta.items():
            parsed.masthead.setdefault(key, value)
        title = paras[lo - 1]
        if parsed.layout == "plain" and parsed.regions and parsed.regions[-1] == (title.start, title.end, "masthead"):
            parsed.regions.pop()  # the title and this line belong to the article's item, its headline first
            parsed.article = title.start
        else:  # a digest or summary copied from a website: the line is part of its masthead
            parsed.regions.append((paras[lo].start, paras[lo].end, "masthead"))
        lo += 1
    if parsed.article is not None and hi - lo >= 2 and (credit := P.ARTICLE_CREDIT.match(paras[hi - 1].text)):
        parsed.footer["editor"] = credit.group(1)  # （编辑：张敏） closing the article
        parsed.regions.append((paras[hi - 1].start, paras[hi - 1].end, "footer"))
        hi -= 1
    if hi - lo >= 3 and _addressee(paras[lo].text):  # 市政府： under the title of a report
        parsed.masthead["distribution"] = paras[lo].text.rstrip("：: ")
        parsed.regions.append((paras[lo].start, paras[lo].end, "masthead"))
        lo += 1
    for _ in range(2):
        if hi - lo < 2:
            break
        t = paras[hi - 1].text
        date = parse_date(t) if width(t) <= 30 else None
        if date and "date" not in parsed.masthead and len(DATE.sub("", t).strip()) <= 2:
            parsed.masthead["date"] = date
        elif width(t) <= 40 and P.ISSUER.match(t) and "issuer" not in parsed.masthead:
            parsed.masthead["issuer"] = t
        else:
            break
        parsed.regions.append((paras[hi - 1].start, paras[hi - 1].end, "masthead"))
        hi -= 1
    return paras[lo:hi]


#: The offices a report is addressed to, on a line of its own. Example: 市政府：, 县委、县政府：.
ADDRESSEE = re.compile(rf"^([{CJK}、，,]{{2,40}})[：:]$")


#: What separates the offices of an addressee line. Example: 县委、县政府.
ADDRESSEE_SEPARATORS = re.compile(r"[、，,]")


def _addressee(text: str) -> bool:
    """``市政府：`` or ``各乡镇人民政府，县直各单位：``: offices only, ending in a colon."""
    m = ADDRESSEE.match(text)
    return bool(m) and all(P.UNIT_SUFFIX.search(part) or part.endswith(("单位", "部门"))
                           for part in ADDRESSEE_SEPARATORS.split(m.group(1)) if part)
