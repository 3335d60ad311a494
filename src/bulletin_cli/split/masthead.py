"""The masthead: title, issue, issuer and date from the lines at the top of a bulletin.

>>> from bulletin_cli.split.common import paragraphs
>>> parse_masthead(paragraphs("延津政务快报\\n\\n第43期\\n\\n延津县人民政府办公室    2023年9月22日\\n\\n【民生保障】\\n"))
({'title': '延津政务快报', 'issue': 43, 'date': '2023-09-22', 'issuer': '延津县人民政府办公室'}, 3)
"""

from __future__ import annotations

from ..lexicon.patterns import (
    CN_DIGITS,
    DATE,
    DATE_NUMERIC,
    ISSUE,
    SECTION_BRACKET,
    YEAR_ZEROS,
    P,
    Regex,
    gapless_width,
    page_title,
    width,
)
from ..numerals import cn_to_int
from .common import SECTION_NUMBERED, SENTENCE_MARK, Para
from .credits import _attribution

#: The week a weekly report covers, its issue number. Example: （2024年第10周）.
WEEK = Regex(rf"(?:[12]\d{{3}}\s*年\s*)?第\s*([\d{CN_DIGITS}]{{1,3}})\s*周")


#: The issue number in a masthead line, to take it out. Example: 2023年第43期, 总第512期.
ISSUE_TEXT = Regex(rf"(?:[12]\d{{3}}\s*年\s*)?(?:总\s*)?第?\s*[\d{CN_DIGITS}\s]+\s*期")


#: A wide gap between the fields of one masthead line. Example: 延津县人民政府办公室    2023年9月22日.
WIDE_GAP = Regex(r"\s{2,}|\u3000+")
#: What stands where an issue number or a date was taken out of a masthead line: a wide gap, so
#: the parts it stood between are apart.
GAP = "  "


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
MONTH_ONLY = Regex(rf"^[（(]?\s*([12]\d{{3}}|[一二][{YEAR_ZEROS}一二三四五六七八九]{{3}})\s*年\s*([\d{CN_DIGITS}]{{1,3}})\s*月(?:份)?\s*[）)]?$")


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


#: An issue numbered by year and number in one, glued to the title. Example: 201904期 of
#: 平潭卫计局工作简报201904期 (2019, issue 4).
DATED_ISSUE = Regex(r"(?<!\d)((?:19|20)\d{2})(\d{2,3})期$")
#: An issue numbered under its year, as a document is: 〔2024〕3号 (issue 3).
YEAR_NUMBER = Regex(r"^[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*(?:第\s*)?(\d{1,4})\s*[号期]$")
#: A masthead line that gives only the running count of issues. Example: （总第125期）.
ISSUE_TOTAL_ONLY = Regex(rf"^[（(]?\s*总\s*第?\s*[\d{CN_DIGITS}\s]+期\s*[）)]?$")


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
                or gapless_width(t) <= 40 or P.MASTHEAD_LABEL.match(t) or P.WEB_META.match(t))


def names_office(source: str) -> bool:
    """A page's 来源 names an office or outlet: not the site itself or a reprint (来源：本站, 原创:
    ``not_sources``), nor a link."""
    return source not in P.forms["not_sources"] and not source.startswith(("http", "www"))


def web_meta(text: str) -> dict | None:
    """Issuer and date from the facts line under a web article's title, or None.

    >>> web_meta("来源：肥西县应急管理局  发布时间：2024-05-06 10:23  浏览次数：235")
    {'issuer': '肥西县应急管理局', 'date': '2024-05-06'}
    """
    if not P.WEB_META.match(text):
        return None
    out: dict = {}
    fields = P.forms["web_meta_labels"]
    for label, value in P.WEB_META_FIELD.findall(text):
        key = fields.get(label)
        if key == "issuer":
            if names_office(value):
                out.setdefault("issuer", value)
        elif key == "number" and (issue := ISSUE.search(value)) and issue.start() >= 2:
            out.setdefault("series", value[:issue.start()])  # 文号：督察通报第十七期 → 督察通报, issue 17
            out.setdefault("issue", parse_issue(value))
        elif key == "date" and (date := parse_date(value)):
            out.setdefault("date", date)
    return out


def _signer(part: str) -> str | None:
    """Who signed an issue off, from a masthead line's part. Example: 签发人：张三 → 张三."""
    from .footer import parse_footer  # (footer reads dates with this module's parser)

    return parse_footer([part]).get("signer") if P.FOOTER_START.match(part) else None


#: The widest second line of a title set over two lines (display columns).
TITLE_REST = 12


def parse_masthead(paras: list[Para]) -> tuple[dict, int]:
    """Title, issue, issuer and date from the lines at the top; returns them and how many lines."""
    fields: dict = {}
    n = 0
    issuer_line = -1  # the masthead line that named the issuer
    total_only = False  # the issue so far is only the running count (总第125期)
    title_line = -1  # the masthead line that gave the title
    for k, p in enumerate(paras[:8]):
        if P.MASTHEAD_MARK.match(p.text):
            n += 1  # 内部资料 between masthead lines
            continue
        if k and (P.CHROME.match(p.text) or ("|" in p.text and P.CHROME_WORDS.search(p.text)) or P.MENU_ITEM.match(p.text)):
            n += 1  # 首页 | 往期回顾 | … (or * 首页 ⏎ * 往期回顾, a text browser's list) between an e-paper's
            continue  # name and its date line: the site's bar
        if not _masthead_line(p) or _attribution(p.text, whole=True):
            break
        t = p.text
        used = False
        whole = "".join(t.split())
        if "title" in fields and title_line == k - 1 and not P.TITLE.match(fields["title"]) \
                and P.TITLE.match(fields["title"] + whole) and width(whole) <= TITLE_REST:
            fields["title"] += whole  # 甘 谷 工 作 ⏎ 简　　　　报: a title set over two lines, its word on the second
            n += 1
            continue
        if k and (meta := web_meta(t)) is not None:  # 来源：… 发布时间：… under a bulletin's title on a site
            if "issuer" in meta:  # the site's source and posting date: the printing line's win over them
                fields.setdefault("source", meta["issuer"])
            if "date" in meta:
                fields.setdefault("posted", meta["date"])
            n += 1
            continue
        if (coded := DATED_ISSUE.search(t)) and P.TITLE.match(t[:coded.start()]) and "title" not in fields:
            fields["title"], fields["issue"] = t, int(coded.group(2))  # 工作简报201904期: year and number in one
            n += 1
            continue
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
            fields["date"] = d  # (a gap where it stood: 延津政务快报第43期延津县人民政府办公室2023年9月22日 run together)
            t = (DATE.sub(GAP, t) if DATE.search(t) else DATE_NUMERIC.sub(GAP, t)).strip()
            used = True
        elif "date" not in fields and (month := parse_month(t)):
            fields["date"] = month  # 2024年3月 on its own: a monthly issue
            n += 1
            continue
        if (numbered := YEAR_NUMBER.match(t)) and "issue" not in fields:
            fields["issue"] = int(numbered.group(1))  # 〔2024〕3号 under the title
            n += 1
            continue
        if (i := parse_issue(t)) is not None and ("issue" not in fields or total_only):
            # a plain 第9期 wins over the running count (总第125期) found on an earlier line
            fields["issue"] = i
            total_only = ISSUE_TOTAL_ONLY.match(t) is not None
            t = ISSUE_TEXT.sub(GAP, t).strip()
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
            if P.ISSUER_SUFFIX.search(part) and (joined := "".join(part.split())) != part and P.ISSUER.match(joined):
                part = joined  # 甘谷县委督查室　编印: the office and its word set apart
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
            elif (signed := _signer(part)) and "signer" not in fields:
                fields["signer"] = signed  # 签发人：张三 beside the office: who signed the issue off
                used = True
            elif "title" not in fields and not used and width(part) <= 40:
                fields["title"] = part
                used, title_line = True, k
        if not used:
            break
        n += 1
    if n and not ({"issue", "date", "issuer"} & fields.keys()) and n < len(paras) and "title" in fields:
        # a lone short first line is a masthead only if a title word makes it one
        if not P.TITLE.match(fields["title"]):
            return {}, 0
    if "title" in fields:
        fields["title"] = page_title(fields["title"])  # (松阳新闻数字报: the paper's name)
    return fields, n
