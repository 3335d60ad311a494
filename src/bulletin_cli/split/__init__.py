"""The ``split`` stage: a normalised document into masthead, sections, items, captions and footer.

Four layouts, detected automatically:

* ``bulletin`` — 【section】 lines, items ``headline body（unit）``, masthead and footer;
* ``outline`` — 一、 > （一） > 1. > 一是 numbering, often run on inside one paragraph;
* ``digest`` — heading lines without end punctuation over paragraphs with a short lead sentence;
* ``plain`` — anything else, one item per paragraph.

>>> doc = {"doc_id": "x", "source": "-", "text": "【民生保障】\\n\\n县住建局开展危房核查 摸清底数。（住建局）\\n"}
>>> [(i["section"], i["headline"], i["units"]) for i in split_document(doc)]
[('民生保障', '县住建局开展危房核查', ['住建局'])]
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from ..lexicon.patterns import (
    ATTRIBUTION_END,
    BODY_OPENERS,
    CJK,
    CN_DIGITS,
    DATE,
    DATE_NUMERIC,
    HEADLINE_UNIT,
    ISSUE,
    P,
    SECTION_BRACKET,
    YEAR_ZEROS,
    comma_headline,
    scan,
    tail_credit_name,
    width,
)
from ..numerals import cn_to_int
from . import forms as _forms  # noqa: F401  (registers split's patterns)
from ..variants import Restorer, shadow_if_traditional

SCHEMA = 1
#: The layouts split knows, in the order they are tried.
LAYOUTS = ("bulletin", "outline", "digest", "plain")

#: A numbered section heading on a line of its own. Example: 一、工作动态.
SECTION_NUMBERED = re.compile(rf"^[{CN_DIGITS}]{{1,3}}、\s*([^。；！？]{{2,24}})$")
#: The office and date that printed the issue, closing the footer. Example: 获嘉县人民政府办公室 2024年6月3日印发.
PRINTED = re.compile(r"^\s*(?P<office>\S.{0,40}?)?\s*(?P<date>[12]\d{3}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印发\s*$")
#: Run-in numbered item. Example: 1、县人社局开展… / 2. 东屯镇… / ①县医保局… / ⑴….
RUN_IN_NUMBER = re.compile(
    rf"^(\d{{1,2}}[、.．]|[（(]\d{{1,2}}[）)]|[{CN_DIGITS}]{{1,3}}、|[（(][{CN_DIGITS}]{{1,3}}[）)]|[\u2460-\u2487])\s*")
#: A unit set as a label at the start of an item. Example: 【县发改局】全力推进重点项目建设。….
LEADING_UNIT = re.compile(r"^[【\[［]([^【】\[\]［］]{2,20})[】\]］]\s*(?=\S)")
#: A unit named before a colon at the start of an item. Example: 县人社局：开展春风行动。….
UNIT_COLON = re.compile(rf"^([{CJK}]{{2,15}})[：:]")
#: The week a weekly report covers, its issue number. Example: （2024年第10周）.
WEEK = re.compile(rf"(?:[12]\d{{3}}\s*年\s*)?第\s*([\d{CN_DIGITS}]{{1,3}})\s*周")
#: Dot leaders and a page number closing a contents entry. Example: …………3.
CONTENTS_PAGE = re.compile(r"[.．·…\s]*\d{0,3}$")
#: Redaction marks in published summaries. Example: *家企业, xx镇, xxxx.x万元.
REDACTION = re.compile(r"\*+|(?<![A-Za-z])[xX]+(?:\.[xX]+)?(?![A-Za-z])")

#: An outline number of any level, with its numeral in a named group. Example: （三） → level 2, 3.
OUTLINE_MARK = re.compile(
    rf"(?P<l2>[（(](?P<n2>[{CN_DIGITS}]{{1,3}})[）)])|(?P<l3b>[（(](?P<n3b>\d{{1,2}})[）)])|"
    rf"(?P<l1>(?P<n1>[{CN_DIGITS}]{{1,3}})、)|(?P<l3>(?<![\d.．])(?P<n3>\d{{1,2}})[.．、](?![\d．.]))|"
    rf"(?P<l4>(?<![{CN_DIGITS}第])(?P<n4>[{CN_DIGITS}]{{1,2}})是)|(?P<l4d>第(?P<n4d>[{CN_DIGITS}]{{1,2}})[，,、])"
)
#: Each kind of outline number: its level and the group of its numeral.
OUTLINE_LEVELS = {"l2": (2, "n2"), "l3b": (3, "n3b"), "l1": (1, "n1"), "l3": (3, "n3"), "l4": (4, "n4"),
                  "l4d": (4, "n4d")}
#: Every character an outline number can start with, for :func:`~bulletin_cli.lexicon.patterns.scan`. Example: （ of （三）.
OUTLINE_START = re.compile(rf"[（(\d{CN_DIGITS}第]")
BOUNDARY_BEFORE = set("。；！？：:;!? \u3000”")

# Smaller patterns the parsers share. Each says what it finds and gives an example.
#: A sentence-ending mark anywhere. Example: 。 in 摸清底数。
SENTENCE_MARK = re.compile(r"[。！？]")
#: Marks a headline line never holds. Example: ； in 一是强化调度；二是….
LINE_STOPS = re.compile(r"[。！？；;!?]")
#: Marks a heading line never holds. Example: ： in 主要做法：.
HEADING_STOPS = re.compile(r"[。！？；;：:!?]")
#: Marks the inside of an attribution never holds. Example: ， in （县住建局，县财政局）.
ATTRIBUTION_STOPS = re.compile(r"[。，,；;！？：:]")
#: Marks a headline before a space never holds. Example: ， in 今年以来，县住建局 ….
HEADLINE_STOPS = re.compile(r"[，。；：！？,;:]")
#: Where the first clause of a paragraph ends. Example: ， in 县科工局加速技改，建立….
CLAUSE_STOP = re.compile(r"[，。；：]")
#: The space between a headline and its body. Example: the space in 县住建局推进改造 今年以来….
HEADLINE_GAP = re.compile(r"[ \u3000]+")
#: Separators between the names in an attribution. Example: 、 in （潭龙街道、魏邱乡）.
NAME_SEPARATORS = re.compile(r"[\s、/]+")
#: Separators between the units on a bare unit line. Example: the space in 县住建局 县财政局.
UNIT_SEPARATORS = re.compile(r"[\s、]+")
#: Chinese characters only. Example: 开发区.
CJK_RUN = re.compile(rf"[{CJK}]+")
#: A reporter's name. Example: 魏清华, 阿布·艾力.
PERSON_NAME = re.compile(rf"[{CJK}·]{{2,4}}")
#: A line of Chinese unit names. Example: 县住建局、县财政局.
UNIT_LINE = re.compile(rf"[{CJK}\s、]+")
#: The issue number in a masthead line, to take it out. Example: 2023年第43期, 总第512期.
ISSUE_TEXT = re.compile(rf"(?:[12]\d{{3}}\s*年\s*)?(?:总\s*)?第?\s*[\d{CN_DIGITS}\s]+\s*期")
#: A wide gap between the fields of one masthead line. Example: 延津县人民政府办公室    2023年9月22日.
WIDE_GAP = re.compile(r"\s{2,}|\u3000+")
#: A run of white space. Example: the spaces in 县委常委， 县人大 正副主任.
WHITESPACE = re.compile(r"\s+")
#: What an attribution follows. Example: 。 in 摸清底数。（住建局）.
ATTRIBUTION_AFTER = "。！？!?”…）)"
#: Second-level outline numbers, counted to tell an outline. Example: （二）.
OUTLINE_L2 = re.compile(rf"[（(][{CN_DIGITS}]{{1,3}}[）)]")
#: 一是 … 二是 … run-in points, counted to tell an outline. Example: 一是 in 。一是强化调度.
OUTLINE_L4 = re.compile(rf"(?:^|[。；\s]|[{CJK}])[{CN_DIGITS}]{{1,2}}是", re.M)


@dataclass
class Para:
    """A paragraph of the normalised text with its offsets."""

    start: int
    end: int
    text: str


@dataclass
class Draft:
    """An item under construction."""

    start: int
    end: int
    section: str | None = None
    headline: str | None = None
    body: str = ""
    units: list[str] = field(default_factory=list)
    reporters: list[str] = field(default_factory=list)
    number: str | None = None
    level: int | None = None
    parent: "Draft | None" = None
    headline_inferred: bool = False
    closed: bool = False
    mark_end: int = 0  # outline: where the number (一、, （二）) ends


@dataclass
class Parsed:
    """Everything ``split`` finds in one document; ``regions`` cover every non-blank character."""

    layout: str
    article: int | None = None  # where a single web article starts: its title (see _web_meta)
    masthead: dict = field(default_factory=dict)
    footer: dict = field(default_factory=dict)
    items: list[Draft] = field(default_factory=list)
    captions: list[dict] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    regions: list[tuple[int, int, str]] = field(default_factory=list)


def paragraphs(text: str) -> list[Para]:
    """Non-blank lines of ``text`` with their offsets."""
    out, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            start = pos + lead
            out.append(Para(start, start + len(stripped), stripped))
        pos += len(line) + 1
    return out


# --- masthead and footer -------------------------------------------------------------------

def parse_date(text: str) -> str | None:
    """ISO date from ``2023年9月22日``, ``二〇二三年九月二十二日`` or ``2023-09-22``; None if absent."""
    m = DATE.search(text)
    if m:
        y, mo, d = (cn_to_int(g) for g in m.groups())
    else:
        m = DATE_NUMERIC.search(text)
        if not m:
            return None
        y, mo, d = (int(g) for g in m.groups())
    if not (y and mo and d and 1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


#: A masthead line that gives only the month. Example: 2024年3月, 二〇二四年三月.
MONTH_ONLY = re.compile(rf"^[（(]?\s*([12]\d{{3}}|[一二][{YEAR_ZEROS}一二三四五六七八九]{{3}})\s*年\s*([\d{CN_DIGITS}]{{1,3}})\s*月(?:份)?\s*[）)]?$")


def parse_month(text: str) -> str | None:
    """``2024-03`` from a line that is only ``2024年3月``: an issue dated by month."""
    m = MONTH_ONLY.match(text)
    if not m:
        return None
    y, mo = (cn_to_int(g) for g in m.groups())
    return f"{y:04d}-{mo:02d}" if y and mo and 1 <= mo <= 12 else None


def parse_issue(text: str) -> int | None:
    """Issue number from ``第43期``, ``第四十三期``, ``总第512期`` (the plain number wins), ``20期``."""
    plain = [m for m in ISSUE.finditer(text) if not text[max(0, m.start() - 1):m.start() + 1].startswith("总")]
    m = (plain or list(ISSUE.finditer(text)) or [None])[0]
    return cn_to_int(m.group(1).replace(" ", "")) if m else None


#: A masthead line that gives only the running count of issues. Example: （总第125期）.
ISSUE_TOTAL_ONLY = re.compile(rf"^[（(]?\s*总\s*第?\s*[\d{CN_DIGITS}\s]+期\s*[）)]?$")


def _masthead_labels(text: str) -> dict | None:
    """Fields of a line made of labelled masthead fields, or None if it is not one.

    >>> _masthead_labels("主办：中共寿县县委办公室        编印：县委督查室")
    {'issuer': '中共寿县县委办公室', 'printer': '县委督查室'}
    """
    marks = list(P.MASTHEAD_LABEL.finditer(text))
    if not marks or marks[0].start() != 0:
        return None
    out: dict = {}
    for k, m in enumerate(marks):
        value = text[m.end(): marks[k + 1].start() if k + 1 < len(marks) else len(text)].strip()
        label = m.group(1)
        key = "editor" if label == "主编" else "issuer" if label.startswith(("主办", "承办")) else "printer"
        if value:
            out.setdefault(key, value)
    return out


def _masthead_line(p: Para) -> bool:
    t = p.text
    if width(t) > 90 or SENTENCE_MARK.search(t) or SECTION_BRACKET.match(t) or P.SECTION_SYMBOL.match(t) \
            or SECTION_NUMBERED.match(t):
        return False  # (■ 基层动态 or 一、基层动态 first: pages without their masthead)
    return bool(P.TITLE.match(t) or ISSUE.search(t) or parse_date(t) or P.ISSUER.match(t) or P.FIELD_LABEL.match(t)
                or width(t) <= 40 or P.MASTHEAD_LABEL.match(t))


def parse_masthead(paras: list[Para]) -> tuple[dict, int]:
    """Title, issue, issuer and date from the lines at the top; returns them and how many lines."""
    fields: dict = {}
    n = 0
    issuer_line = -1  # the masthead line that named the issuer
    total_only = False  # the issue so far is only the running count (总第125期)
    for k, p in enumerate(paras[:8]):
        if P.CHROME.match(p.text) or P.MASTHEAD_MARK.match(p.text):
            n += 1  # page chrome or 内部资料 between masthead lines (its region is set by the caller)
            continue
        if not _masthead_line(p) or _attribution(p.text, whole=True):
            break
        t = p.text
        used = False
        if P.MASTHEAD_LABEL.match(t) and (d := parse_date(t)):  # 主办：长丰县人民政府办公室   2024年8月26日
            fields.setdefault("date", d)
            t = (DATE.sub(" ", t) if DATE.search(t) else DATE_NUMERIC.sub(" ", t)).strip()
        if (labels := _masthead_labels(t)) is not None:  # 主办：… 编印：…
            if "issuer" in labels or "printer" in labels:
                fields.setdefault("issuer", labels.get("issuer") or labels["printer"])
            if "editor" in labels:
                fields.setdefault("editor", labels["editor"])
            n += 1
            continue
        if (d := parse_date(t)) and "date" not in fields:
            fields["date"] = d
            t = (DATE.sub(" ", t) if DATE.search(t) else DATE_NUMERIC.sub(" ", t)).strip()
            used = True
        elif "date" not in fields and (month := parse_month(t)):
            fields["date"] = month  # 2024年3月 on its own: a monthly issue
            n += 1
            continue
        if (i := parse_issue(t)) is not None and ("issue" not in fields or total_only):
            # a plain 第9期 wins over the running count (总第125期) found on an earlier line
            fields["issue"] = i
            total_only = ISSUE_TOTAL_ONLY.match(t) is not None
            t = ISSUE_TEXT.sub(" ", t).strip()
            used = True
        elif (w := WEEK.search(t)) and "issue" not in fields:  # a weekly report is numbered by week
            fields["issue"] = cn_to_int(w.group(1))
            t = (t[:w.start()] + " " + t[w.end():]).strip(" （）()")
            used = True
        if m := P.FIELD_LABEL.match(t):
            if m.group(1) == "来源":
                fields.setdefault("issuer", t[m.end():].strip(" ：:"))
            n += 1
            continue
        for part in WIDE_GAP.split(t):
            part = part.strip(" ()（）")
            if not part:
                continue
            if P.TITLE.match(part) and "title" not in fields:
                fields["title"] = part
                used = True
            elif P.ISSUER.match(part) and not ({"title", "issuer"} & fields.keys()) and not used \
                    and any(P.TITLE.match(q.text) for q in paras[k + 1:k + 3]):
                # the office above the title: 新野县商务局 ⏎ 工作动态
                fields["issuer"] = P.ISSUER_SUFFIX.sub("", part)
                used, issuer_line = True, k
            elif P.ISSUER.match(part) and "issuer" not in fields and "title" in fields:
                fields["issuer"] = P.ISSUER_SUFFIX.sub("", part)
                used, issuer_line = True, k
            elif P.ISSUER.match(part) and issuer_line >= 0 and issuer_line == k - 1 and not used:
                # issued jointly, the second office on the next line: 中共某县委办公室 ⏎ 某县人民政府办公室
                fields["issuer"] += " " + P.ISSUER_SUFFIX.sub("", part)
                used, issuer_line = True, k
            elif "title" not in fields and not used and width(part) <= 40:
                fields["title"] = part
                used = True
        if not used:
            break
        n += 1
    if n and not ({"issue", "date", "issuer"} & fields.keys()) and n < len(paras) and "title" in fields:
        # a lone short first line is a masthead only if a title word makes it one
        if not P.TITLE.match(fields["title"]):
            return {}, 0
    return fields, n


def parse_footer(lines: list[str] | str) -> dict:
    """Editor, reviewer, signer, proofreader, distribution and copies from footer lines.

    A value runs to the next label on its line or to the line's end; a line with no label goes on
    the distribution list before it. Several lists (报：… 送：… 发：…) are joined with ``；``.
    """
    if isinstance(lines, str):
        lines = lines.split("\n")
    out: dict = {}
    last_key = None
    for k, line in enumerate(lines):
        if printed := PRINTED.match(line):
            out["printed"] = parse_date(printed.group("date"))
            if printed.group("office"):
                out["printed_by"] = printed.group("office").strip()
            last_key = None
            continue
        after = lines[k + 1] if k + 1 < len(lines) else ""
        if P.ISSUER.match(line.strip()) and (printed := PRINTED.match(after)) and not printed.group("office"):
            out["printed_by"] = line.strip()  # the office on its own line above 2024年8月26日印发
            last_key = None
            continue
        marks = list(P.FOOTER_FIELD.finditer(line))
        if not marks:
            if last_key == "distribution" and line.strip():
                out["distribution"] = (out.get("distribution", "") + line.strip()).rstrip("。；;")
            continue
        for k, m in enumerate(marks):
            if m.group("copies"):
                out["copies"] = int(m.group("n"))
                last_key = None
                continue
            end = marks[k + 1].start() if k + 1 < len(marks) else len(line)
            value = line[m.end():end].strip().rstrip("。；;")
            key = P.FOOTER_KEYS.get(m.group("label"), "distribution")
            last_key = key
            if not value:
                continue
            if key == "distribution":
                value = WHITESPACE.sub(" ", value)
                out[key] = f"{out[key]}；{value}" if key in out else value
            elif key not in out:
                out[key] = WHITESPACE.sub("", value)
    return out


# --- attributions and units ----------------------------------------------------------------

#: A date in a credit. Example: 2024年3月5日 in （县住建局 2024年3月5日）, 3.5 in （县住建局供稿 2024.3.5）.
CREDIT_DATE = re.compile(r"\s*(?:[12]\d{3}\s*[年.\-/]\s*)?\d{1,2}\s*[月.\-/]\s*\d{1,2}\s*日?\s*$")


#: Words in brackets that name no unit. Example: （试行）, （待续）, （征求意见稿）, （2024年第10周）.
NOT_UNITS = re.compile(r"试行|暂行|草案|修订|征求意见|全文|摘要|节选|附件|简称|下同|同上|原文|详见|见附|^(?:待续|续|完|略|注)$"
                       r"|[12]\d{3}\s*年|第\s*[\d一二三四五六七八九十]+\s*[周期]")


#: Common surnames, to tell a reporter's name glued to a unit by the extractor (潭龙街道张伟) from
#: the rest of a unit's name. Example: 张 of 张伟.
SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
                     "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
                     "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒"
                     "阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司"
                     "卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁"
                     "沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")


def _split_glued_name(token: str) -> list[str]:
    """``潭龙街道张伟`` → [潭龙街道, 张伟] when the last two or three characters are a name (a common
    surname first, no unit word at its end) after a unit's name; else [token]."""
    for n in (2, 3):
        head, tail = token[:-n], token[-n:]
        if len(head) >= 2 and P.UNIT_SUFFIX.search(head) and tail[0] in SURNAMES and not P.UNIT_SUFFIX.search(tail) \
                and CJK_RUN.fullmatch(tail):
            return [head, tail]
    return [token]


def _unit_tokens(inner: str) -> tuple[list[str], list[str]] | None:
    """Split an attribution's inside into units and reporters, or None if it is not one."""
    inner = P.ATTRIBUTION_WORDS.sub("", CREDIT_DATE.sub("", inner))
    inner, credits = P.CREDIT_LABELS.subn(" ", inner)
    inner = inner.strip()
    if not inner or ATTRIBUTION_STOPS.search(inner) or width(inner) > 80:
        return None
    tokens = [t for t in NAME_SEPARATORS.split(inner) if t]
    if len(tokens) == 1 and not credits:  # （潭龙街道张伟）: the space between them lost in extraction
        tokens = _split_glued_name(tokens[0])
    if not tokens or any(width(t) > 40 for t in tokens):
        return None
    units = [t for t in tokens if P.UNIT_SUFFIX.search(t) or (width(t) > 6 and not NOT_UNITS.search(t))]
    names = [t for t in tokens if t not in units]
    if not units:
        if credits and all(PERSON_NAME.fullmatch(n) for n in names):
            return [], names  # names alone, under a label: （通讯员 张三）
        if len(tokens) == 1 and 4 <= width(tokens[0]) <= 24 and CJK_RUN.fullmatch(tokens[0]) \
                and not NOT_UNITS.search(tokens[0]):
            return tokens, []  # （县公安） style short unit without a known suffix
        return None
    if any(not PERSON_NAME.fullmatch(n) for n in names):
        return None
    return units, names


def _attribution(text: str, whole: bool = False) -> tuple[int, list[str], list[str]] | None:
    """An attribution closing ``text``: (start offset, units, reporters), or None.

    ``…工作。（住建局）`` and ``（潭龙街道 魏邱乡）`` are attributions; ``各乡（镇、街道）`` is not.
    """
    m = ATTRIBUTION_END.search(text)
    if not m:
        return _tail_credit(text, whole)
    before = text[: m.start()].rstrip()
    if whole and before:
        return None
    if before and before[-1] not in ATTRIBUTION_AFTER:
        return None
    found = _unit_tokens(m.group(1))
    return (m.start(), *found) if found else None


def _tail_credit(text: str, whole: bool = False) -> tuple[int, list[str], list[str]] | None:
    """A credit without round brackets closing ``text`` (see :data:`P.TAIL_CREDIT`): …。【县民政局】,
    …。——县水利局, …。县文旅局供稿; with ``whole``, a line that is only ——县水利局 or 县文旅局供稿
    (a line that is only 【…】 is a section)."""
    last = text[-1:]
    if last not in P.TAIL_CREDIT_LAST and not ("\u4e00" <= last <= "\u9fff"):
        return None
    m = P.TAIL_CREDIT.search(text)
    if not m or (whole and (m.start() > 0 or m.group("bracket") or m.group("open"))) or (not whole and m.start() == 0):
        return None
    found = _unit_tokens(tail_credit_name(m))
    if not found or not any(P.UNIT_SUFFIX.search(u) for u in found[0]):
        return None  # a credit here must name a unit by its suffix: …。——习近平 is a quotation's source
    return (m.start(), *found)


#: The longest unit name alone on a line, in characters; a longer line ending in 会 or 局 is a
#: headline. Example: 临澧县人力资源和社会保障局 (13), but not 我县召开优化营商环境工作推进会 (15).
BARE_UNIT_MAX = 14


#: Bodies whose names end in 会; any other name ending in 会 is a meeting. Example: 县总工会, 县工商联合会,
#: but not 县发改委召开项目推进会.
ASSOCIATION = re.compile(r"(?:委员|管委|联合|协|商|工|学|研究|促进|红十字|居委|村委|理事|基金|议事)会$")


def _bare_unit_line(text: str) -> list[str] | None:
    """A unit name alone on the last line of an item. Example: 临澧县农业农村局."""
    if m := P.SOURCE_LINE.match(text):
        found = _unit_tokens(m.group(2))
        return found[0] + found[1] if found else [m.group(2)]
    if width(text) <= 40 and UNIT_LINE.fullmatch(text):
        tokens = text.split()
        units = UNIT_SEPARATORS.split(text)
        if all(P.UNIT_SUFFIX.search(t) and len(t) <= BARE_UNIT_MAX and not t.startswith("我")
               and (not t.endswith("会") or ASSOCIATION.search(t)) for t in units) and len(tokens) <= 6:
            return units
    return None


# --- headline and body ---------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _lead_pattern(limit: int) -> re.Pattern[str]:
    """A first sentence of 2 to ``limit`` characters. Example: 全盘谋项目。"""
    return re.compile(r"([^。！？]{2,%d}?)[。！？]" % limit)


def _lead_sentence(text: str, limit: int = 30) -> tuple[str, str] | None:
    """A short first sentence as headline: ``全盘谋项目。坚持…`` → (``全盘谋项目``, ``坚持…``)."""
    m = _lead_pattern(limit).match(text)
    if not m or not text[m.end():].strip():
        return None
    return m.group(1).strip(), text[m.end():].strip()


def _headline_space(text: str) -> bool:
    """``县住建局扎实推进老旧小区改造 今年以来，…。``: a headline, a space, then a body of sentences."""
    head, body, inferred = split_headline(text)
    return (head is not None and not inferred and len(head) >= 6 and text[len(head):len(head) + 1].isspace()
            and bool(SENTENCE_MARK.search(body)))


def split_headline(text: str) -> tuple[str | None, str, bool]:
    """Headline and body of a bulletin paragraph, and whether the boundary had to be inferred.

    >>> split_headline("县住建局危房改造惠民生 开展农村低收入群体住房核查工作。")
    ('县住建局危房改造惠民生', '开展农村低收入群体住房核查工作。', False)
    >>> split_headline("县人社局：开展春风行动 今年以来，组织招聘会5场。")
    ('县人社局：开展春风行动', '今年以来，组织招聘会5场。', False)
    >>> split_headline("抓改造、惠民生，县住建局扎实推进老旧小区改造 今年以来，共改造小区12个。")[0]
    '抓改造、惠民生，县住建局扎实推进老旧小区改造'
    >>> split_headline("今年以来，县住建局 完成改造12个。")[0] is None
    True
    """
    m = HEADLINE_GAP.search(text, 0, 90)
    if m and 4 <= m.start():
        colon = UNIT_COLON.match(text)  # 县人社局：开展春风行动 今年以来，…: the unit's colon is no stop
        head_from = colon.end() if colon and P.UNIT_SUFFIX.search(colon.group(1)) and colon.end() < m.start() else 0
        if not HEADLINE_STOPS.search(text, head_from, m.start()) or comma_headline(text[head_from:m.start()]):
            return text[: m.start()], text[m.end():], False
    lead = _lead_sentence(text, 40)
    if lead and "，" not in lead[0] and "," not in lead[0]:
        return lead[0], lead[1], False
    clause = CLAUSE_STOP.split(text, maxsplit=1)[0]
    if 10 <= len(clause) <= 70:
        for opener in BODY_OPENERS.finditer(clause, 8):
            if len(clause) - opener.start() >= 2:
                return clause[: opener.start()], text[opener.start():], True
    return None, text, False


# --- layouts -------------------------------------------------------------------------------

#: A headline that opens with the unit that did the thing: the county itself (我县), or a unit as
#: tag finds one (:data:`~bulletin_cli.lexicon.patterns.HEADLINE_UNIT`). Example: 县住建局扎实推进…,
#: 龙源街道网格化管理…, 我县召开….
UNIT_HEADLINE = re.compile(rf"^(?:我县|我市|我区|全县)(?=[{CJK}“])|{HEADLINE_UNIT.pattern}")


def _long_title(text: str) -> bool:
    """A title too long for a heading that still is one: it ends in a title word and has no
    sentence punctuation. Example: 某县发展和改革委员会2024年工作总结及2025年工作打算."""
    return width(text) <= 100 and not HEADING_STOPS.search(text) and bool(P.TITLE_ENDING.search(text))


def _is_heading(p: Para) -> bool:
    return width(p.text) <= 60 and not HEADING_STOPS.search(p.text) and not P.CAPTION_CREDIT.search(p.text)


def detect_layout(paras: list[Para]) -> str:
    """Choose the layout by counting what each one leaves in the text."""
    texts = [p.text for p in paras if not P.CHROME.match(p.text)]
    if not texts:
        return "plain"
    sections = sum(1 for t in texts if (SECTION_BRACKET.match(t) and not P.FIELD_LABEL.match(t)) or _symbol_section(t))
    attributions = sum(1 for t in texts if _attribution(t))
    titled = any(P.TITLE.match(t) and not OUTLINE_MARK.match(t) for t in texts[:4])
    # an issue number on a masthead line, not 2期 inside a sentence (《病虫害简报》2期)
    numbered = any((ISSUE.search(t) or WEEK.search(t)) and not SENTENCE_MARK.search(t) and width(t) <= 60
                   for t in texts[:6])
    if sections or attributions >= 2 or (titled and numbered):
        return "bulletin"
    masthead, _ = parse_masthead(paras)
    if "issue" in masthead and ({"date", "issuer"} & masthead.keys()):  # 霍山政务 ⏎ 第21期 ⏎ office and date
        return "bulletin"
    # items that name their unit before a colon: 城关街道：全力做好防汛工作。街道组织…
    unit_items = sum(1 for t in texts if _unit_colon(t) and SENTENCE_MARK.search(t))
    if unit_items >= 2 and unit_items >= 0.4 * len(texts):
        return "bulletin"
    # run-in items with their number, headline, a space and a body: 1、县财政局全力保障… 今年以来，…
    numbered_items = sum(1 for t in texts if (n := RUN_IN_NUMBER.match(t)) and _headline_space(t[n.end():]))
    if numbered_items >= 2 and numbered_items >= 0.5 * sum(1 for t in texts if RUN_IN_NUMBER.match(t)):
        return "bulletin"
    body = "\n".join(texts)
    l2 = len(OUTLINE_L2.findall(body))
    l4 = len(OUTLINE_L4.findall(body))
    marks = [m.lastgroup for t in texts if (m := OUTLINE_MARK.match(t))]
    starts = len(marks)
    if l2 + l4 >= 3 and (starts >= 0.3 * len(texts) or l2 >= 2):
        return "outline"
    # lines opening with numbers of two levels or more: 一、 ⏎ （一） ⏎ 1、 ⏎ （1）
    if starts >= 4 and starts >= 0.3 * len(texts) and len({OUTLINE_LEVELS[g][0] for g in marks}) >= 2:
        return "outline"
    if titled and any(parse_date(t) for t in texts[:6]) and starts:  # 周报 with a date and 一、 sections
        return "bulletin"
    # items as headline, space, body, with nothing else to go by: 县住建局扎实推进… 今年以来，…。
    headline_items = sum(1 for t in texts if not OUTLINE_MARK.match(t) and _headline_space(t))
    if headline_items >= 2 and headline_items >= 0.4 * len(texts):
        return "bulletin"
    headings = sum(1 for p in paras[1:] if _is_heading(p))
    # headings over one paragraph each that open with the unit doing the thing are a bulletin's
    # headlines set on their own lines, not a digest's headings: 县住建局扎实推进… ⏎ 今年以来，…
    news = [p for p, q in zip(paras, paras[1:]) if _is_heading(p) and not _is_heading(q)]
    if len(news) >= 2 and sum(1 for p in news if UNIT_HEADLINE.match(p.text)) >= 0.7 * len(news):
        return "bulletin"
    long_paras = sum(1 for t in texts if width(t) > 120)
    # or headings each over running text, however short: 工业生产稳步回升 ⏎ 一季度，全县….
    headed = sum(1 for a, b in zip(paras[1:], paras[2:])
                 if _is_heading(a) and not _is_heading(b) and SENTENCE_MARK.search(b.text))
    if headings >= 2 and (long_paras >= 3 or headed >= 2):
        return "digest"
    return "plain"


def _footer_index(paras: list[Para], first: int) -> int:
    """Index of the first footer paragraph (本期发, 责任编辑 …) after the body, or len(paras)."""
    for k in range(first, len(paras)):
        if P.FOOTER_START.match(paras[k].text) and k >= first + 1:
            rest = paras[k:]
            if all(P.FOOTER_START.match(p.text) or width(p.text) <= 200 for p in rest):
                return k
    return len(paras)


def _new_item(p: Para, section: str | None, text: str | None = None) -> Draft:
    text = p.text if text is None else text
    d = Draft(p.start, p.end, section=section)
    content = P.BULLET.sub("", text)
    num = RUN_IN_NUMBER.match(content)
    if num:
        d.number = num.group(1)
        content = content[num.end():]
    att = _attribution(content)
    if att:
        content, d.units, d.reporters, d.closed = content[: att[0]].rstrip(), att[1], att[2], True
    labelled = _unit_label(d, content)  # 【县发改局】全力推进…: the unit as a label, not headline text
    if labelled is not content:
        content = labelled
    elif not d.units and (colon := _unit_colon(content)):
        d.units = [colon]  # 县人社局：开展春风行动。… names its unit before the colon
    d.headline, d.body, d.headline_inferred = split_headline(content)
    d.body = d.body.strip()
    return d


def _symbol_section(text: str) -> re.Match[str] | None:
    """A section marked with a symbol, but not a bulleted headline that names its unit:
    ◆ 民生保障 is a section, ◆县人社局开展春风行动 a headline (unless a closing mark makes it one)."""
    m = P.SECTION_SYMBOL.match(text)
    if m and UNIT_HEADLINE.match(m.group(1)) and not text.rstrip().endswith(P.SECTION_CLOSERS):
        return None
    return m


def _unit_colon(text: str) -> str | None:
    """The unit named before a colon at the start of ``text``. Example: 县人社局：开展… → 县人社局."""
    colon = UNIT_COLON.match(text)
    return colon.group(1) if colon and P.UNIT_SUFFIX.search(colon.group(1)) else None


def _unit_label(d: Draft, content: str) -> str:
    """Take a leading 【unit】 label off ``content`` into ``d.units``; returns the rest.
    Example: 【衡山镇】强化措施抓好森林防火 → units [衡山镇], 强化措施抓好森林防火."""
    label = LEADING_UNIT.match(content)
    if label and (found := _unit_tokens(label.group(1))):
        d.units = d.units or found[0]
        return content[label.end():]
    return content


def _extend_item(d: Draft, p: Para) -> None:
    """Add a continuation paragraph (or a closing attribution line) to ``d``."""
    d.end = p.end
    att = _attribution(p.text)
    text = p.text
    if att:
        text, d.units, d.reporters, d.closed = p.text[: att[0]].rstrip(), att[1], att[2], True
    if text:
        d.body = (d.body + "\n" + text).strip()


def _starts_item(p: Para) -> bool:
    """A paragraph that opens an item: bullet, run-in number, or ``headline body`` with a space."""
    if P.BULLET.match(p.text) or RUN_IN_NUMBER.match(p.text):
        return True
    head, _, inferred = split_headline(p.text)
    return head is not None and not inferred and " " in p.text[:90]


def _headline_on_own_line(body: list[Para], k: int) -> bool:
    """A short line with no sentence punctuation, followed by running text: an item's headline set
    on a line of its own. Example: 县住建局扎实推进老旧小区改造 ⏎ 今年以来，县住建局….
    """
    p = body[k]
    t = p.text
    if k + 1 >= len(body) or width(t) > 80 or LINE_STOPS.search(t) or t.endswith(("：", ":")):
        return False
    if SECTION_BRACKET.match(t) or SECTION_NUMBERED.match(t) or _symbol_section(t) or _attribution(t, whole=True) \
            or _bare_unit_line(t) or P.CHROME.match(t) or P.FIELD_LABEL.match(t) or P.CAPTION_CREDIT.search(t):
        return False  # (特约摄影 栗卢建 摄 on a line of its own closes a caption)
    nxt = body[k + 1].text
    if (SUBTITLE.match(nxt) or _attribution(nxt, whole=True)) and k + 2 < len(body):
        # 县住建局扎实推进老旧小区改造 ⏎ ——全年改造小区12个 ⏎ 今年以来，…; or a credit between them,
        # the unit set under its headline or another item's read out of order
        nxt = body[k + 2].text
    return bool(SENTENCE_MARK.search(nxt)) and not SECTION_BRACKET.match(nxt)


#: A subtitle under a headline, opened by a dash. Example: ——全年改造小区12个惠及居民3000户.
SUBTITLE = re.compile(r"^[—－]{1,2}[^—－。！？；]{2,40}$")


def _contents_length(body: list[Para]) -> int:
    """How many paragraphs at the top of the body are a table of contents (本期要目 and its
    entries), or 0. An entry is a bulleted or numbered short line, or a line whose text comes
    again further down (the headline it lists); the first line that is neither is the first item.
    """
    if not body or not P.CONTENTS_HEADING.match(body[0].text):
        return 0
    rest = "\n".join(p.text for p in body)
    k = 1
    while k < len(body):
        t = body[k].text
        entry = CONTENTS_PAGE.sub("", RUN_IN_NUMBER.sub("", P.BULLET.sub("", t))).strip()
        if not entry or width(t) > 80 or SENTENCE_MARK.search(entry):
            break
        listed = rest.find(entry, body[k].end - body[0].start) >= 0
        if not (listed or P.BULLET.match(t)):
            break
        k += 1
    return k


#: The longest section name in brackets, in characters; a bracketed line longer than that over
#: a paragraph is a headline. Example: 【民生保障】 is a section, 【县住建局扎实推进老旧小区改造】 a headline.
SECTION_NAME_MAX = 10


def _brackets_are_headlines(body: list[Para]) -> bool:
    """True when the bracketed lines are headlines, not sections: all of them (two or more) are
    longer than section names, and each stands over a single paragraph."""
    marks = [k for k, p in enumerate(body) if SECTION_BRACKET.match(p.text) and not P.FIELD_LABEL.match(p.text)]
    if len(marks) < 2:
        return False
    for n, k in enumerate(marks):
        inner = SECTION_BRACKET.match(body[k].text).group(1).strip()
        following = (marks[n + 1] if n + 1 < len(marks) else len(body)) - k - 1
        if len(inner) <= SECTION_NAME_MAX or following != 1:
            return False
    return True


def _numbers_are_headlines(body: list[Para]) -> bool:
    """True when the 一、 lines are numbered headlines, not sections: two or more, each over a
    single paragraph, and one at least longer than a section name.
    Example: 一、县商务局召开全县电商工作会议 ⏎ 3月5日，… ⏎ 二、外贸进出口实现开门红 ⏎ 1—2月，…"""
    marks = [k for k, p in enumerate(body) if SECTION_NUMBERED.match(p.text)]
    if len(marks) < 2:
        return False
    ends = marks[1:] + [len(body)]
    if any(end - k != 2 or not SENTENCE_MARK.search(body[k + 1].text) for k, end in zip(marks, ends)):
        return False
    return any(len(SECTION_NUMBERED.match(body[k].text).group(1).strip()) > SECTION_NAME_MAX for k in marks)


def parse_bulletin(paras: list[Para], parsed: Parsed) -> None:
    lead = 0
    while lead < len(paras) and P.CHROME.match(paras[lead].text):  # 当前位置：首页 > … above the masthead
        parsed.regions.append((paras[lead].start, paras[lead].end, "chrome"))
        lead += 1
    parsed.masthead, n = parse_masthead(paras[lead:])
    body_start = lead + n
    for p in paras[lead:body_start]:
        parsed.regions.append((p.start, p.end, "masthead"))
    foot = _footer_index(paras, body_start)
    if foot < len(paras):
        footer = [p for p in paras[foot:] if not P.CHROME.match(p.text)]
        parsed.footer = parse_footer([p.text for p in footer])
        for p in paras[foot:]:
            parsed.regions.append((p.start, p.end, "footer" if p in footer else "chrome"))
    body = paras[body_start:foot]
    contents = _contents_length(body)
    for p in body[:contents]:
        parsed.regions.append((p.start, p.end, "contents"))
    body = body[contents:]
    uses_attributions = sum(1 for p in body if _attribution(p.text)) >= 1
    own_line = {k for k in range(len(body)) if _headline_on_own_line(body, k)}
    bracket_headlines = _brackets_are_headlines(body)
    if bracket_headlines:  # their paragraph goes under them, as under a headline on its own line
        own_line |= {k for k, p in enumerate(body) if SECTION_BRACKET.match(p.text)}
    numbered_headlines = _numbers_are_headlines(body)
    if numbered_headlines:
        own_line |= {k for k, p in enumerate(body) if SECTION_NUMBERED.match(p.text)}
    section: str | None = None
    current: Draft | None = None
    for k, p in enumerate(body):
        t = p.text
        if P.CHROME.match(t):
            parsed.regions.append((p.start, p.end, "chrome"))
            continue
        sec = SECTION_BRACKET.match(t) if not P.FIELD_LABEL.match(t) else None
        if sec and bracket_headlines:  # 【县住建局扎实推进老旧小区改造】 over its one paragraph
            current = Draft(p.start, p.end, section=section, headline=sec.group(1).strip())
            parsed.items.append(current)
            continue
        # 一、县商务局召开全县电商工作会议 over its one paragraph is a headline (set on its own line)
        sec = sec or (None if numbered_headlines else SECTION_NUMBERED.match(t)) or _symbol_section(t)
        if sec:
            section = sec.group(1).strip()
            parsed.sections.append(section)
            parsed.regions.append((p.start, p.end, "section"))
            current = None
            continue
        if P.FIELD_LABEL.match(t) and not P.SOURCE_LINE.match(t):
            parsed.regions.append((p.start, p.end, "masthead"))
            continue
        if P.EDITOR_NOTE.match(t) and current is None:
            parsed.masthead.setdefault("note", t)
            parsed.regions.append((p.start, p.end, "masthead"))
            continue
        if current is not None and (photo := P.CAPTION_CREDIT.search(t)) and photo.group(1) == t:
            _extend_item(current, p)  # 特约摄影 栗卢建 摄 alone on a line: the credit of a photo in the item
            continue
        whole = _attribution(t, whole=True)
        bare = None if whole else _bare_unit_line(t)
        if bare and k == len(body) - 1 and current is not None and current.units and P.SOURCE_LINE.match(t):
            # 来源：县委办公室信息科 under an item that named its unit already: the whole issue's source
            parsed.masthead.setdefault("issuer", P.SOURCE_LINE.match(t).group(2))
            parsed.regions.append((p.start, p.end, "footer"))
            continue
        if whole and current is not None and current.headline and not current.body \
                and len(parsed.items) >= 2 and (before := parsed.items[-2]).body \
                and before.section == current.section and (not before.units or current.units):
            # a credit set right on its own line that the extractor read out of order, after the next
            # headline (pdfminer's reading order): it is the item's before, and no credit of this one
            if not before.units:
                before.units, before.reporters = whole[1], whole[2]
            current.end = p.end
            continue
        if current is not None and (whole or (bare and uses_attributions and not current.closed)
                                    or (bare and P.SOURCE_LINE.match(t))):
            current.end = p.end
            if whole:
                current.units, current.reporters = whole[1], whole[2]
            else:
                current.units = bare or []
            current.closed = bool(current.body) or not current.headline  # under a headline: the body follows
            continue
        if current is not None and k - 1 in own_line and not current.body and SUBTITLE.match(t) and not whole:
            current.headline = (current.headline or "") + t  # the subtitle: 主标题——副标题
            current.end = p.end
            continue
        if k in own_line:  # a headline on a line of its own; the body follows
            current = Draft(p.start, p.end, section=section)
            content = P.BULLET.sub("", t)
            if num := RUN_IN_NUMBER.match(content):
                current.number, content = num.group(1), content[num.end():]
            content = _unit_label(current, content)
            if not current.units and (colon := _unit_colon(content)):
                current.units = [colon]
            current.headline = content.strip() or None
            parsed.items.append(current)
            continue
        if current is not None and not current.closed and (
                (len(own_line) >= 2 and not _starts_item(p))
                or (uses_attributions and not _starts_item(p))
                or (k - 1 in own_line and not current.body)):
            _extend_item(current, p)
            continue
        current = _new_item(p, section)
        parsed.items.append(current)
        if not uses_attributions:
            current.closed = True


def _outline_marks(text: str) -> list[tuple[int, int, int, int, str]]:
    """Candidate outline markers in a paragraph: (start, end, level, number, marker)."""
    out = []
    for m in scan(OUTLINE_MARK, OUTLINE_START, text):
        level, num = OUTLINE_LEVELS[m.lastgroup]
        n = cn_to_int(m.group(num))
        if n:
            out.append((m.start(), m.end(), level, n, m.group(m.lastgroup)))
    return out


def parse_outline(paras: list[Para], parsed: Parsed) -> None:
    """Nodes of 一、 > （一） > 1. > 一是 numbering; lower levels may run on inside a paragraph."""
    stack: list[tuple[int, int, Draft]] = []  # open nodes: (level, number, draft)
    for p in paras:
        if P.CHROME.match(p.text):
            parsed.regions.append((p.start, p.end, "chrome"))
            continue
        text = p.text
        nodes: list[Draft] = []
        for start, end, level, num, marker in _outline_marks(text):
            boundary = start == 0 or text[start - 1] in BOUNDARY_BEFORE
            if marker[0] == "第" and not boundary:
                continue  # 第一， only opens a point where a sentence ends, not in 全市第一，
            prev = next((s for s in reversed(stack) if s[0] == level), None)
            sibling_ok = prev is None or num in (prev[1] + 1, 1)
            heading_open = bool(nodes) and not SENTENCE_MARK.search(text, nodes[-1].start - p.start, start)
            if start == 0 and not sibling_ok:
                stack.clear()  # numbering starts afresh: a new excerpt
            elif not ((boundary and sibling_ok) or (heading_open and sibling_ok)):
                continue
            while stack and stack[-1][0] >= level:
                stack.pop()
            d = Draft(p.start + start, p.end, number=marker, level=level, parent=stack[-1][2] if stack else None)
            d.mark_end = p.start + end
            stack.append((level, num, d))
            if nodes:
                nodes[-1].end = d.start
            nodes.append(d)
        first = nodes[0].start if nodes else p.end
        last = parsed.items[-1] if parsed.items else None
        if first == p.end and last is not None and last.number and not last.body and last.headline:
            # the body of a point whose heading stood on a line of its own: （一）经济运行稳中向好 ⏎ 预计全年…
            last.body, last.end = text.strip(), p.end
            continue
        if first > p.start:
            chunk = text[: first - p.start].strip()
            lead = _lead_sentence(chunk)
            d = Draft(p.start, first)
            d.headline, d.body = lead if lead else (None, chunk)
            parsed.items.append(d)
        for d in nodes:
            chunk = text[d.mark_end - p.start: d.end - p.start]
            m = SENTENCE_MARK.search(chunk)
            heading, body = (chunk[: m.start()], chunk[m.end():]) if m else (chunk, "")
            d.headline = heading.strip().rstrip("，,；;：: ") or None
            d.body = body.strip()
            parsed.items.append(d)


def parse_digest(paras: list[Para], parsed: Parsed) -> None:
    """Title, banner and heading lines as sections; paragraphs as items with lead-sentence headlines."""
    section: str | None = None
    for k, p in enumerate(paras):
        t = p.text
        if P.CHROME.match(t):
            parsed.regions.append((p.start, p.end, "chrome"))
            continue
        credit = P.CAPTION_CREDIT.search(t)
        if credit and width(t) <= 400:
            parsed.captions.append({"text": t, "credit": credit.group(1).strip(), "span": [p.start, p.end],
                                    "section": section})
            parsed.regions.append((p.start, p.end, "caption"))
            continue
        if _is_heading(p):
            section = t
            parsed.sections.append(t)
            parsed.regions.append((p.start, p.end, "section"))
            continue
        d = Draft(p.start, p.end, section=section)
        lead = _lead_sentence(t)
        d.headline, d.body = lead if lead else (None, t)
        parsed.items.append(d)


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


#: The editor's credit closing a web article. Example: （编辑：张敏）, 责任编辑：李勉.
ARTICLE_CREDIT = re.compile(rf"^[（(\[【]?\s*(?:责任编辑|编辑|审核|校对)\s*[:：]\s*([{CJK}·]{{2,4}})\s*[）)\]】]?$")


def parse_plain(paras: list[Para], parsed: Parsed) -> None:
    """One item per paragraph; a short first sentence is the headline. A web article (its facts
    line under the title) is one item: the title its headline, its source its unit."""
    if parsed.article is not None:  # (the page chrome around it is gone already: see _frame)
        if paras:
            d = Draft(parsed.article, paras[-1].end, headline=parsed.masthead.get("title"))
            d.body = "\n".join(p.text for p in paras)
            source = parsed.masthead.get("issuer")
            d.units = [source] if source and P.UNIT_SUFFIX.search(source) else []
            parsed.items.append(d)
        return
    for p in paras:
        if P.CHROME.match(p.text):
            parsed.regions.append((p.start, p.end, "chrome"))
            continue
        d = Draft(p.start, p.end)
        lead = _lead_sentence(p.text)
        d.headline, d.body = lead if lead else (None, p.text)
        parsed.items.append(d)


PARSERS = {"bulletin": parse_bulletin, "outline": parse_outline, "digest": parse_digest, "plain": parse_plain}


def _frame(paras: list[Para], parsed: Parsed) -> list[Para]:
    """Title above and signature below a summary or digest: ``某某县商务局2023年上半年工作总结`` on
    the first line, ``某某县商务局`` and ``2023年7月5日`` on the last ones. Returns what is between."""
    lo, hi = 0, len(paras)
    while lo < hi and P.CHROME.match(paras[lo].text):
        parsed.regions.append((paras[lo].start, paras[lo].end, "chrome"))
        lo += 1
    while hi > lo and P.CHROME.match(paras[hi - 1].text):
        parsed.regions.append((paras[hi - 1].start, paras[hi - 1].end, "chrome"))
        hi -= 1
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
    if parsed.article is not None and hi - lo >= 2 and (credit := ARTICLE_CREDIT.match(paras[hi - 1].text)):
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


def analyse(text: str, layout: str | None = None) -> Parsed:
    """Parse normalised ``text``; ``layout`` forces one of :data:`LAYOUTS`."""
    paras = paragraphs(text)
    chosen = layout or detect_layout(paras)
    if chosen not in PARSERS:
        raise ValueError(f"unknown layout {chosen!r}; choose from {', '.join(LAYOUTS)}")
    parsed = Parsed(layout=chosen)
    PARSERS[chosen](paras if chosen == "bulletin" else _frame(paras, parsed), parsed)
    for d in parsed.items:
        parsed.regions.append((d.start, d.end, "item"))
    parsed.regions.sort()
    return parsed


def _count_between(spans: list[tuple[int, int]], start: int, end: int) -> int:
    """How many of the ordered, non-overlapping ``spans`` lie within ``start``–``end``.

    >>> _count_between([(0, 2), (5, 7), (9, 12)], 4, 10)
    1
    """
    lo, hi = bisect.bisect_left(spans, (start,)), bisect.bisect_left(spans, (end,))
    return hi - lo - (1 if hi > lo and spans[hi - 1][1] > end else 0)


def split_document(doc: dict, layout: str | None = None, captions: bool = False) -> list[dict]:
    """``item`` records (and, with ``captions``, ``caption`` records) for a ``document`` record."""
    text = doc["text"]
    simple = shadow_if_traditional(text)  # traditional text is read through its simplified shadow
    parsed = analyse(simple or text, layout)
    keep = Restorer(text, simple) if simple else (lambda value, start=0: value)
    meta = {"title": None, "issue": None, "issuer": None, "date": None, "editor": None, "reviewer": None,
            "signer": None, "distribution": None, "note": None}
    meta.update({k: keep(v) for k, v in parsed.masthead.items() if k in meta})
    meta.update({k: keep(v) for k, v in parsed.footer.items() if k in meta})
    if meta["date"] is None and parsed.footer.get("printed"):  # no date under the title: the printing date
        meta["date"] = parsed.footer["printed"]
    if meta["issuer"] is None and parsed.footer.get("printed_by"):
        meta["issuer"] = keep(parsed.footer["printed_by"])
    out: list[dict] = []
    index = {id(d): k for k, d in enumerate(parsed.items)}
    # redaction marks of the whole text, found once: (start, end) of each, in order
    redactions = [m.span() for m in REDACTION.finditer(text)] if parsed.layout == "outline" else []
    for seq, d in enumerate(parsed.items, 1):
        parent = index.get(id(d.parent)) if d.parent is not None else None
        if not d.reporters and (credit := P.LEAD_CREDIT.match(d.body or "")):
            found = _unit_tokens(credit.group(1))  # 本报讯（记者 张三 通讯员 李四）…: the writers up front
            if found:
                d.units, d.reporters = d.units or found[0], found[1]
        rec = {
            "type": "item", "schema": SCHEMA, "item_id": f"{doc['doc_id']}:{seq}", "doc_id": doc["doc_id"],
            "source": doc.get("source", "-"), "seq": seq, "layout": parsed.layout, "section": keep(d.section),
            "headline": keep(d.headline, d.start), "body": keep(d.body, d.start), "units": keep(d.units, d.start),
            "reporters": keep(d.reporters, d.start), "number": keep(d.number, d.start), "level": d.level,
            "parent": keep(d.parent.headline, d.parent.start) if d.parent is not None else None,
            "parent_seq": parent + 1 if parent is not None else None,
            "headline_inferred": d.headline_inferred, "span": [d.start, d.end],
            "redactions": _count_between(redactions, d.start, d.end) if redactions else 0,
            "doc": meta,
        }
        if "marks" in doc.get("changes", {}):
            rec["marks"] = [m for m in doc["changes"]["marks"] if m in text[d.start:d.end]]
        out.append(rec)
    if captions:
        for c in parsed.captions:
            out.append({"type": "caption", "schema": SCHEMA, "doc_id": doc["doc_id"], "source": doc.get("source", "-"),
                        **c, "text": keep(c["text"]), "credit": keep(c["credit"]), "section": keep(c["section"])})
    return out
