"""The frame around a summary, digest or web article: title above, facts line, addressee, and
signature and date below.
"""

from __future__ import annotations

import datetime
import re

from ..lexicon.patterns import (
    CJK,
    DATE,
    SECTION_BRACKET,
    P,
    alternation,
    page_title,
    pattern,
    width,
)
from .common import CJK_RUN, SENTENCE_MARK, Para, Parsed
from .headlines import _is_heading, _long_title
from .masthead import parse_date, parse_masthead, web_meta
from .outline import OUTLINE_MARK


def _frame(paras: list[Para], parsed: Parsed) -> list[Para]:
    """Title above and signature below a summary or digest: ``某某县商务局2023年上半年工作总结`` on
    the first line, ``某某县商务局`` and ``2023年7月5日`` on the last ones. Returns what is between."""
    lo, hi = 0, len(paras)
    title_line: str | None = None
    first = paras[lo] if lo < hi else None
    facts_next = hi - lo >= 3 and web_meta(paras[lo + 1].text) is not None
    if hi - lo >= (2 if first is not None and P.TITLE_ENDING.search(first.text) else 3) and first is not None \
            and not OUTLINE_MARK.match(first.text) \
            and not SECTION_BRACKET.match(first.text) \
            and (_is_heading(first) or _long_title(first.text) or (facts_next and _article_title(first.text))):
        parsed.masthead["title"] = page_title(paras[lo].text)
        title_line = paras[lo].text
        parsed.regions.append((paras[lo].start, paras[lo].end, "masthead"))
        lo += 1
    elif first is not None and width(first.text) > LONG_FIRST and not OUTLINE_MARK.match(first.text) \
            and (run_on := P.TITLE_RUN_ON.match(first.text)):
        # the whole document on one line, its title first: 《张北年鉴》…乡镇部分编纂提纲|《张北年鉴》进入编纂…
        parsed.masthead["title"] = run_on.group("title")
        parsed.regions.append((first.start, first.start + run_on.end(), "masthead"))
        paras = [Para(first.start + run_on.end(), first.end, first.text[run_on.end():]), *paras[1:]]
    from_web: set[str] = set()  # fields the facts line gave, which a signature overrides
    if parsed.layout == "article" and "title" in parsed.masthead and parsed.article is None:
        title = paras[lo - 1]  # an article's title is its item's headline: the item starts there
        if parsed.regions and parsed.regions[-1] == (title.start, title.end, "masthead"):
            parsed.regions.pop()
            parsed.article = title.start
    if "title" in parsed.masthead and hi - lo >= 2 and (meta := web_meta(paras[lo].text)) is not None:
        # 来源：肥西县应急管理局  发布时间：2024-05-06 under the title: one web article
        for key, value in meta.items():
            if key == "series":  # the bulletin this notice is an issue of: its title, the notice's the headline
                parsed.headline = parsed.masthead["title"]
                parsed.masthead["title"] = value
            elif key not in parsed.masthead:
                parsed.masthead[key] = value
                from_web.add(key)
        title = paras[lo - 1]
        if parsed.article is not None:
            pass  # (the line lies within the article's item, which starts at its title)
        elif parsed.layout in ("plain", "article") and parsed.regions \
                and parsed.regions[-1] == (title.start, title.end, "masthead") \
                and not P.REPORT_TITLE.search(parsed.masthead["title"]):  # (a report's paragraphs are its items)
            parsed.regions.pop()  # the title and this line belong to the article's item, its headline first
            parsed.article = title.start
        else:  # a digest or summary copied from a website: the line is part of its masthead
            parsed.regions.append((paras[lo].start, paras[lo].end, "masthead"))
        lo += 1
        while hi - lo >= 2 and (more := web_meta(paras[lo].text)) is not None:
            # a second facts line: the page's own under a reader's (发布时间：… ⏎ 时间：… 15:03)
            for key, value in more.items():
                if key != "series":
                    parsed.masthead.setdefault(key, value)
            if parsed.article is None:
                parsed.regions.append((paras[lo].start, paras[lo].end, "masthead"))
            lo += 1
    while title_line and hi - lo >= 2 and MASKS.sub("", paras[lo].text) == title_line:
        parsed.regions.append((paras[lo].start, paras[lo].end, "masthead"))  # the title again, under its facts
        if paras[lo].text != title_line:  # 在**县第十八届…报告: the document's own, with the mask the page dropped
            parsed.masthead["title"] = page_title(paras[lo].text)
        lo += 1
    if title_line and (again := _title_in_pieces(paras, lo, hi, title_line)):
        # the title again atop the text, set on two or three centred lines: 区卫计局联合… ⏎ 平潭医疗机构… ⏎ 督查工作
        if parsed.article is None:
            parsed.regions.extend((p.start, p.end, "masthead") for p in paras[lo:lo + again])
        lo += again
    if parsed.article is not None and hi - lo >= 2 and (credit := P.ARTICLE_CREDIT.match(paras[hi - 1].text)):
        parsed.footer["editor"] = credit.group(1)  # （编辑：张敏） closing the article
        parsed.regions.append((paras[hi - 1].start, paras[hi - 1].end, "footer"))
        hi -= 1
    if hi - lo >= 3 and (_addressee(paras[lo].text) or SALUTATION.match(paras[lo].text)):  # 市政府：, 各位代表：
        parsed.masthead["distribution"] = paras[lo].text.rstrip("：: ")
        parsed.regions.append((paras[lo].start, paras[lo].end, "masthead"))
        lo += 1
    if hi - lo >= 3 and (source := P.SOURCE_LINE.match(paras[hi - 1].text)) and width(paras[hi - 2].text) <= 30 \
            and parse_date(paras[hi - 2].text):
        # 来源：中国平潭 under the signature's date: the site's line, not the text's credit
        parsed.masthead.setdefault("source", source.group(2))
        parsed.regions.append((paras[hi - 1].start, paras[hi - 1].end, "footer"))
        hi -= 1
    for _ in range(2):  # the signature: the office and the date that close the document
        if hi - lo < 2:
            break
        t = paras[hi - 1].text
        date = parse_date(t) if width(t) <= 30 else None
        if date and ("date" not in parsed.masthead or "date" in from_web) and len(DATE.sub("", t).strip()) <= 2:
            if "date" not in from_web or not year_mistyped(date, parsed.masthead["date"]):
                parsed.masthead["date"] = date  # (a signature a year before the posting, to the week: a typo)
            from_web.discard("date")
        elif _signature_office(t) and ("issuer" not in parsed.masthead or "issuer" in from_web):
            parsed.masthead["issuer"] = t
            from_web.discard("issuer")
        else:
            break
        parsed.regions.append((paras[hi - 1].start, paras[hi - 1].end, "masthead"))
        hi -= 1
    return paras[lo:hi]


#: Masking marks a page may drop from a title it repeats. Example: ** of 在**县第十八届….
MASKS = re.compile(r"\*+|(?<![A-Za-z])[xX]{2,}(?![A-Za-z])|×+")


#: A first paragraph wider than this (display columns) may be the whole document, title and all.
LONG_FIRST = 200


@pattern
def TITLE_RUN_ON(f: dict) -> re.Pattern[str]:
    """A report's title run into its text, its line break lost, perhaps after a sharing site's page
    count; the title ends at its last title word followed by the text. Example:
    4页|《张北年鉴》（2007—2010）乡镇部分编纂提纲|《张北年鉴》进入编纂、审稿阶段后，…."""
    return re.compile(rf"^(?:共?\s*\d{{1,3}}\s*页\s*)?(?P<title>[^，。；：！？,;:!?\s]{{4,60}}"
                      rf"(?:{alternation([*f['report_title_words'], *f['rules_title_words']])}))(?=[^，。；：！？,;:!?\s])")


#: A signature dated a year before the page posted it, but for this many days: last year's number
#: typed out of habit.
MISTYPED_WITHIN = 31


def year_mistyped(signed: str, posted: str) -> bool:
    """A signing date whose year is one short, the page's posting date a few days after the same day
    a year on. Example: signed 2022年12月18日, posted 2023-12-19 (the text reports 2023年12月15日).

    >>> year_mistyped("2022-12-18", "2023-12-19"), year_mistyped("2023-12-18", "2023-12-19")
    (True, False)
    """
    try:
        sign, post = datetime.date.fromisoformat(signed), datetime.date.fromisoformat(posted)
        meant = sign.replace(year=sign.year + 1)
    except ValueError:  # (a partial date, or 29 February)
        return False
    return 0 <= (post - meant).days <= MISTYPED_WITHIN


#: The most lines a title repeated atop the text is set on.
TITLE_PIECES = 3


def _title_in_pieces(paras: list[Para], lo: int, hi: int, title: str) -> int:
    """How many paragraphs from ``lo`` (two or three, short, no sentence in them) are the title
    again, broken over lines; 0 when they are not."""
    joined = ""
    folded = "".join(title.split())
    for n in range(1, TITLE_PIECES + 1):
        if hi - (lo + n) < 1:
            return 0
        t = paras[lo + n - 1].text
        if SENTENCE_MARK.search(t) or width(t) > 60:
            return 0
        joined += "".join(t.split())
        if n >= 2 and joined == folded:
            return n
        if not folded.startswith(joined):
            return 0
    return 0


def _article_title(text: str) -> bool:
    """A line that can be an article's title above its facts line: no sentence inside it, not too
    long. Example: 关于公开征求《外卖骑手“食安哨兵”小额举报奖励实施方案》意见的通告."""
    return width(text) <= 160 and not SENTENCE_MARK.search(text)


def _signature_office(text: str) -> bool:
    """An office or body signing a document on a line of its own. Example: 平潭综合实验区市场监督管理局,
    平潭县粮油工业公司."""
    return width(text) <= 40 and (bool(P.ISSUER.match(text)) or (bool(P.UNIT_SUFFIX.search(text))
                                                                  and CJK_RUN.fullmatch(text) is not None))


#: The offices a report is addressed to, on a line of its own. Example: 市政府：, 县委、县政府：.
ADDRESSEE = re.compile(rf"^([{CJK}、，,]{{2,40}})[：:]$")


#: How a speech or report greets its audience, on a line of its own. Example: 各位代表：, 尊敬的各位领导：.
SALUTATION = re.compile(r"^(?:各位|尊敬的)[^，。：:]{1,16}[：:]$")


#: What separates the offices of an addressee line. Example: 县委、县政府.
ADDRESSEE_SEPARATORS = re.compile(r"[、，,]")


def _addressee(text: str) -> bool:
    """``市政府：`` or ``各乡镇人民政府，县直各单位：``: offices only, ending in a colon."""
    m = ADDRESSEE.match(text)
    return bool(m) and all(P.UNIT_SUFFIX.search(part) or part.endswith(("单位", "部门"))
                           for part in ADDRESSEE_SEPARATORS.split(m.group(1)) if part)


def page_frame(paras: list[Para]) -> tuple[list[Para], dict]:
    """A site's page around a bulletin issue it carries: the page's title and facts line over the
    issue's own masthead (``寿县政务督查`` / ``20期`` / ``寿县人民政府督查室  2022年8月19``). Returns
    the issue's masthead lines (none when the page carries no masthead) and the fields they give,
    which are the document's; the page's title and facts line stay, so the page is read as the
    article it frames (one notice, usually), its site source and posting date used where the
    issue lacks them."""
    if len(paras) < 5 or (facts := web_meta(paras[1].text)) is None or SENTENCE_MARK.search(paras[0].text):
        return [], {}
    inner, n = parse_masthead(paras[2:9])
    if "issue" in inner and ({"title", "issuer", "date"} & set(inner)) \
            and any(P.TITLE.match(p.text) for p in paras[2:6]) and len(paras) > 2 + n:
        return paras[2:2 + n], {"source": facts.get("issuer"), "posted": facts.get("date"), **inner}
    return [], {}
