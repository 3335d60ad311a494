"""The ``entries`` layout: yearbook and gazetteer entries. Each ``【entry name】 body`` (the body on
the same line or the next) or ``《title》`` line over paragraphs is an item whose headline is the
entry's name; an author in round brackets on a line of its own (``（郑宝环）``) is the entry's
author, not an item; chapter and section headings (第三章 报纸, 第一节 地方报纸) are sections.

>>> from bulletin_cli.split import split_document
>>> doc = {"doc_id": "x", "text": "【民众镇概况】 民众镇位于中山市东北部。总面积121.87平方千米。\\n\\n"
...        "【民众镇经济发展】 2019年，民众镇实现地区生产总值65.14亿元。\\n\\n农业 2019年，农林牧渔业总产值12亿元。\\n\\n（郑宝环）\\n"}
>>> [(i["layout"], i["headline"], i["body"][:8], i["reporters"]) for i in split_document(doc)]
[('entries', '民众镇概况', '民众镇位于中山市', []), ('entries', '民众镇经济发展', '2019年，民众', ['郑宝环'])]
"""

from __future__ import annotations

import re

from ..lexicon.patterns import CJK, CN_DIGITS, P, Regex, width
from .common import Draft, Para, Parsed
from .credits import _all_units, _unit_tokens
from .headlines import _is_heading
from .masthead import parse_date

#: An entry opening a paragraph: its name in 【】 and its text. Example: 【乡镇政务公开】 4月份地区成立….
ENTRY_RUN_IN = Regex(r"^【\s*([^【】\n]{2,24}?)\s*】\s*(\S.*)?$", re.S)
#: An entry's title on a line of its own, in 《》. Example: 《明水生产简报》.
ENTRY_TITLE = Regex(r"^《[^《》\n]{2,30}》$")
#: An author alone on a line, in round brackets. Example: （郑宝环）.
AUTHOR_LINE = Regex(rf"^[（(]\s*([{CJK}·]{{2,4}}(?:[\s、，,][{CJK}·]{{2,4}}){{0,3}})\s*[）)]$")
#: A labelled fact in brackets on a yearbook page. Example: 【成文日期】2019-12-31.
BRACKET_FIELD = Regex(r"【\s*([^【】\s]{2,6})\s*】\s*([^【】|]+)")
#: A book's title in 《》. Example: 《中山年鉴•2020》.
BOOK_TITLE = Regex(r"《([^《》]{2,30})》")
#: A chapter or section heading of a book. Example: 第三章 报纸, 第一节 地方报纸.
CHAPTER = Regex(rf"^第[{CN_DIGITS}\d]{{1,3}}[编章节篇部分]\s*\S")


def entry_start(text: str, units_too: bool = False) -> str | None:
    """The name of the entry a paragraph opens, or None: 【民众镇概况】 民众镇位于… → 民众镇概况;
    《明水生产简报》 → 《明水生产简报》. A bracketed unit (【县发改局】…, a bulletin's credit) or a
    field label (【作者】) opens no entry; with ``units_too`` (a page read as entries), a unit's or a
    place's name does (a yearbook's 【鸣沙山月牙泉景区】…, 【县统计局】…)."""
    if ENTRY_TITLE.match(text):
        return text
    m = ENTRY_RUN_IN.match(text)
    if not m or P.FIELD_LABEL.match(text) or not m.group(2) or ":" in m.group(1) or "：" in m.group(1):
        return None  # (【发布日期：2024-05-21】, 【字体：大 中 小】: a label and its value, no entry's name)
    found = None if units_too else _unit_tokens(m.group(1))
    if found and found[0] and _all_units(found[0]):
        return None
    return m.group(1).strip()


def count_entries(paras: list[Para]) -> int:
    return sum(1 for p in paras if entry_start(p.text))


#: An entry's name alone on its line, without brackets: a few characters, no punctuation, no digits.
#: Example: 概况, 历史沿革, 社会事业.
NAME_ALONE = Regex(rf"^[{CJK}]{{2,10}}$")


def name_over_text(paras: list[Para], k: int, bare: bool = False) -> str | None:
    """The entry name that paragraph ``k`` is alone on its line, the entry's text in the paragraph
    under it: 【概况】 ⏎ 南泥湾镇位于…; with ``bare``, a name without brackets too (概况 ⏎ 喜洲镇位于…).
    A bracketed unit or a field's label names no entry; None where there is none."""
    from .features import running_text

    t = paras[k].text.strip()
    m = ENTRY_RUN_IN.match(t) if t[:1] == "【" else None
    if m and not m.group(2) and not P.FIELD_LABEL.match(t):
        found = _unit_tokens(m.group(1))
        name = None if found and found[0] and _all_units(found[0]) else m.group(1).strip()
    elif bare and NAME_ALONE.match(t) and (not P.UNIT_SUFFIX.search(t) or paras[k + 1:k + 2] and
                                           paras[k + 1].text.lstrip().startswith(t)):
        name = t  # (a town's name is one where its text opens with it: 分水镇 ⏎ 分水镇为桐庐县西北部中心镇…)
    else:
        return None  # (the line first: the text under it is read only under a name)
    if name is None or k + 1 >= len(paras) or not running_text(paras[k + 1].text) or entry_start(paras[k + 1].text):
        return None
    return name


def count_names_over_text(paras: list[Para], bare: bool = False) -> int:
    """How many paragraphs are entry names alone over their text (:func:`name_over_text`), or, with
    ``bare``, open with a bare name set apart from their text (:func:`name_run_in`)."""
    return sum(1 for k in range(len(paras)) if name_over_text(paras, k, bare) or (bare and name_run_in(paras[k].text)))


#: A bare entry name opening its text, set apart by a wide space or a colon. Example: 基本情况　西江镇位于…,
#: 地理位置：恭城瑶族自治县位于….
NAME_RUN_IN = Regex(rf"^\s*([{CJK}]{{2,8}})(?:\u3000+|\s{{2,}}|\s*[:：]\s*)(\S.{{20,}})$", re.S)


def name_run_in(text: str) -> tuple[str, str] | None:
    """The bare name opening an entry's text, set apart by a wide space or a colon, and the text:
    基本情况　西江镇位于… → (基本情况, 西江镇位于…); a unit's name so set is no entry's. None where there is none."""
    from .features import running_text

    m = NAME_RUN_IN.match(text)
    if m is None or P.UNIT_SUFFIX.search(m.group(1)) or not running_text(m.group(2)) \
            or P.FACTS_LABEL.match(text) or P.CREDIT_FIELD.match(text):
        return None  # (a unit's name, a facts or credit label so set is no entry's)
    return m.group(1), m.group(2).strip()


def _closing_signature(paras: list[Para]) -> set[int]:
    """The last lines that are an office alone or a date alone (an article's signature), under entries."""
    from .article import SIGNATURE_LINES, _signature_line

    out: set[int] = set()
    k = len(paras) - 1
    while k > 0 and len(out) < SIGNATURE_LINES and _signature_line(paras[k].text) and not entry_start(paras[k].text):
        out.add(k)
        k -= 1
    return out


#: The gap between a yearbook's name and its chapter's on a page's running head.
RUNNING_HEAD_GAP = Regex(r"[\s\u3000]{4,}")
#: How many bare names alone over their text make a page's entries named so (a page with fewer is
#: read by its bracketed names alone).
BARE_NAMES = 3
#: A group's name over its entries, a line of its own. Example: 南泥湾镇, 综合经济管理.
GROUP_NAME = Regex(rf"^[{CJK}\s　]{{2,16}}$")


#: A chronicle's entry: its date (or 同日, 是月) set apart from what happened. Example: 1月17—19日　政协…召开,
#: 3月上旬　鹅湖书院…, 同日　河口明清古街….
DATE_LEAD = Regex(r"^\s*(\d{1,2}月(?:\d{1,2}(?:\s*[—\-－~～至]\s*\d{1,2})?日|[上中下]旬|初|底)?|同日|同月|是日|是月|当月|月内)"
                  r"(?:\u3000+|\s{1,3})(?=\S)(.{8,})$", re.S)
#: How many dated entries under a chronicle's title make its page entries.
DATED = 3


def dated_entry(text: str) -> tuple[str, str] | None:
    """A chronicle's entry (大事记): its date and what happened. Example: 2月9日　全县…动员大会召开 →
    (2月9日, 全县…动员大会召开); 3月24日，县委召开… (a comma after the date) is a sentence, no entry."""
    m = DATE_LEAD.match(text)
    return (m.group(1), m.group(2).strip()) if m else None


def chronicle(paras: list[Para]) -> bool:
    """A chronicle's page: a line over its entries names it (大事记, ``chronicle_title_words``), and
    three of its paragraphs or more open with a date set apart from their text."""
    top = paras[:TOP_LINES]
    return any(P.CHRONICLE_TITLE.search(p.text) and width(p.text) <= 40 for p in top) \
        and sum(1 for p in paras if dated_entry(p.text)) >= DATED


#: How many lines at a page's top its title is looked for in.
TOP_LINES = 6


def parse_entries(paras: list[Para], parsed: Parsed) -> None:
    """Items for the entries; what stands before the first is the page's title and chapter headings."""
    from .article import SIGNATURE_DATE, _facts  # (not above: article reads features, which read this module)

    section: str | None = None
    current: Draft | None = None
    signed = _closing_signature(paras)
    # names alone over their text, bare names where the page names its entries so three times or more
    bare = count_names_over_text(paras, bare=True) - count_names_over_text(paras) >= BARE_NAMES
    alone = {k: name for k in range(len(paras)) if (name := name_over_text(paras, k, bare))}
    dated = chronicle(paras)
    for k, p in enumerate(paras):
        t = p.text
        if dated and (entry := dated_entry(t)):  # 1月5日　中共铅山县委…会议召开: a chronicle's entry, its date its name
            current = Draft(p.start, p.end, section=section, headline=entry[0])
            current.body = entry[1]
            parsed.items.append(current)
            continue
        if k in signed and current is not None:  # 延津县统计局 ⏎ 2024年3月6日 under the last entry: who signed it, when
            if date := parse_date(t):
                parsed.masthead["date"] = date
                t = SIGNATURE_DATE.sub("", t).strip()
            if t:
                parsed.masthead["issuer"] = t
            parsed.regions.append((p.start, p.end, "footer"))
            continue
        if k + 1 in alone and k not in alone and GROUP_NAME.match(t.strip()) and (current is not None or parsed.masthead.get("title")):
            section = t.strip()  # 南泥湾镇 ⏎ 【概况】 ⏎ …: the town (a chapter) its entries stand under
            parsed.sections.append(section)
            parsed.regions.append((p.start, p.end, "section"))
            current = None
            continue
        if k in alone:  # 【概况】 ⏎ 南泥湾镇位于…, 概况 ⏎ 喜洲镇位于…: the name alone, its text under it
            current = Draft(p.start, p.end, section=section, headline=alone[k])
            parsed.items.append(current)
            continue
        if bare and (run_in := name_run_in(t)):  # 基本情况　西江镇位于…: the name, a wide space, its text
            current = Draft(p.start, p.end, section=section, headline=run_in[0])
            current.body = run_in[1]
            parsed.items.append(current)
            continue
        name = entry_start(t, units_too=True)
        if name is not None:
            current = Draft(p.start, p.end, section=section, headline=name)
            m = ENTRY_RUN_IN.match(t)
            current.body = (m.group(2) or "").strip() if m and not ENTRY_TITLE.match(t) else ""
            parsed.items.append(current)
            continue
        if CHAPTER.match(t) and _is_heading(p):
            section = t
            parsed.sections.append(t)
            parsed.regions.append((p.start, p.end, "section"))
            current = None
            continue
        if current is None:  # before the first entry: the page's title, or a heading over it, or its facts
            if P.WEB_META.match(t) or (P.FACTS_LABEL.search(t) and not entry_start(t)):
                _facts(t, parsed)  # 发布时间：2024-03-06 来源：县统计局 over the entries, read as an article's are
                parsed.regions.append((p.start, p.end, "masthead"))
                continue
            for label, value in BRACKET_FIELD.findall(t):  # 【文章来源】《中山年鉴•2020》 【成文日期】2019-12-31
                if label in ("文章来源", "来源") and (book := BOOK_TITLE.fullmatch(value.strip())):
                    parsed.masthead.setdefault("title", book.group(1))
                elif label in ("成文日期", "日期", "发布时间") and (date := parse_date(value)):
                    parsed.masthead.setdefault("date", date)
            head = RUNNING_HEAD_GAP.split(t.strip())
            if len(head) == 2 and P.ENTRIES_TITLE.search(head[0]):
                parsed.masthead.setdefault("title", head[0])  # 迁西年鉴（2023）　　…　　农业·乡村振兴: a page's running head
            elif _is_heading(p) and not P.FIELD_LABEL.match(t) and "|" not in t and not P.SITE_NAME.match(t):
                if not P.ENTRIES_TITLE.search(parsed.masthead.get("title") or "") and P.ENTRIES_TITLE.search(t):
                    parsed.masthead["title"] = t  # (乡镇（街道）简介 under a heading over it: the page's own title)
                parsed.masthead.setdefault("title", t)
            parsed.regions.append((p.start, p.end, "masthead"))
            continue
        if author := AUTHOR_LINE.match(t):
            current.reporters = [a for a in re.split(r"[\s、，,]+", author.group(1)) if a]
        else:
            current.body = (current.body + "\n" + t).strip()
        current.end = p.end
