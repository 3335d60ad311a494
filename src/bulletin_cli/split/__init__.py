"""The ``split`` stage: a normalised document into masthead, sections, items, captions and footer.

Each paragraph's role is labelled first (:mod:`~bulletin_cli.split.roles`, a model over one table of
paragraph features, :mod:`~bulletin_cli.split.features`); the layouts are then scored on that
evidence (:mod:`~bulletin_cli.split.layouts`) and the best one's parser reads the paragraphs by
the roles it admits:

* ``article`` — a single news item, notice or report: one item, its title the headline, its credit the unit;
* ``bulletin`` — an issue of several items: masthead, 【section】 lines, ``headline body（unit）``, footer;
* ``outline`` — 一、 > （一） > 1. > 一是 numbering, often run on inside one paragraph;
* ``entries`` — yearbook and gazetteer entries: ``【name】 text`` or ``《title》`` over paragraphs;
* ``digest`` — heading lines over paragraphs with a short lead sentence;
* ``plain`` — one item per paragraph, only when asked for.

>>> text = ("延津政务快报\\n\\n第18期\\n\\n【民生保障】\\n\\n县住建局开展危房核查 为摸清底数，组织人员逐户排查，"
...         "共核查危房120户。（住建局）\\n\\n县民政局发放救助金 共发放救助金120万元，惠及困难群众3000人。（民政局）\\n")
>>> [(i["layout"], i["section"], i["headline"], i["units"]) for i in split_document({"doc_id": "x", "text": text})]
[('bulletin', '民生保障', '县住建局开展危房核查', ['住建局']), ('bulletin', '民生保障', '县民政局发放救助金', ['民政局'])]
"""

from __future__ import annotations

import bisect
import re
from typing import Callable

from .. import regexcache
from ..lexicon.patterns import (
    BRIEFING_ENDING,
    CJK,
    DOCUMENT_NUMBER,
    LEAD_SENTENCE,
    P,
    Regex,
    alternation,
    gapless_width,
    masthead_name,
    pattern,
    width,
)
from ..variants import Restorer, shadow_if_traditional
from . import forms as _forms  # noqa: F401  (registers split's patterns)
from .article import (
    SIGNATURE_LINES,
    TEXT_ROLES,
    _facts_line,
    _signature_line,
    framed_roles,
    parse_article_roles,
)
from .bulletin import _section_name, parse_bulletin_roles
from .common import SENTENCE_MARK, Draft, Para, Parsed, add_note, file_credits, paragraphs
from .credits import _unit_tokens, writer_fields
from .digest import parse_digest, parse_plain
from .entries import BARE_NAMES, chronicle, count_names_over_text, name_over_text, parse_entries
from .features import Page, running_text, text_feature
from .footer import PRINTED, opens_footer, parse_footer
from .frame import page_frame
from .headlines import brief_section, briefs_under, split_headline
from .layouts import ITEM_STARTS, decide, evidence, item_starts, register, why
from .layouts import LAYOUTS as REGISTERED
from .masthead import names_office, parse_date, parse_issue, parse_masthead, parse_month
from .outline import OUTLINE_LEVELS, mark_number, opening_mark, parse_outline
from .place import resolve as resolve_place
from .roles import ROLES, Labelled, Model, label, load_model

__all__ = ["LAYOUTS", "Para", "Parsed", "analyse", "paragraphs", "parse_date", "parse_footer",
           "parse_issue", "parse_masthead", "parse_month", "split_document", "split_headline"]

SCHEMA = 1
#: Redaction marks in published texts, counted in every layout. Example: *家企业, xx镇, XX亿元, 以_新时代.
#: (Each opens with the character it is made of, the look-behinds after it: the engine skips to those
#: characters rather than trying a look-behind at every position of the text.)
REDACTION = Regex(rf"[*xX_](?:(?<=\*)\**|(?<![A-Za-z][xX])(?<=[xX])[xX]*(?:\.[xX]+)?(?![A-Za-z])"
                       rf"|(?<=[{CJK}]_)_*(?=[{CJK}]))")
#: Anything a redaction could be, to skip texts without one.
REDACTION_ANY = Regex(r"[*xX_]")






#: A paragraph labelled page chrome but holding this share of the document's text is the text
#: with the chrome run into it (the page's line breaks lost), not chrome.
CHROME_SHARE = 0.5
#: The widest line that may be a title found among the chrome, and how far above a title its
#: whole copy may stand.
TITLE_WIDTH = 120
TITLE_LOOKBACK = 4
#: How many lines of page chrome after a text are searched for its signature (an office over a date).
SIGNATURE_REACH = 5
CJK_RE = Regex(f"[{CJK}]")


def _whole(parse: Callable[[list[Para], Parsed], None]) -> Callable[[list[Para], list[str], Parsed], None]:
    """A parser that reads the masthead and footer itself."""
    return lambda paras, roles, parsed: parse(paras, parsed)


#: The roles every layout's paragraphs may play, and those of one layout's only.
COMMON = frozenset({"chrome", "title", "masthead", "facts", "body", "credit", "signature", "footer", "caption"})
register("article", "a single news item, notice or report posted on a site or printed alone: one item",
         parse_article_roles, COMMON)
register("bulletin", "an issue of several items: sections, headlines, credits, masthead and footer",
         parse_bulletin_roles, COMMON | {"section", "headline", "item"})
register("outline", "a summary, report, plan or rules: headings 一、 （一） 1. 一是 at every level",
         framed_roles(parse_outline), COMMON | {"heading", "section"})
register("entries", "yearbook and gazetteer entries: 【name】 text, 《title》 over paragraphs", _whole(parse_entries),
         COMMON | {"section", "entry"}, several=True)
register("digest", "heading lines over paragraphs, each paragraph an item with its lead sentence",
         framed_roles(parse_digest), COMMON | {"section", "item", "headline"}, several=True)
register("plain", "one item a paragraph (only when asked for)", framed_roles(parse_plain), frozenset(ROLES), chosen=False)
#: The layouts split knows.
LAYOUTS = tuple(REGISTERED)


def _chrome(paras: list[Para], roles: list[str]) -> set[int]:
    """The paragraphs of page chrome (当前位置：首页 > …, 分享至, 版权所有…), but one that holds
    most of the text, which the chrome merely opens: 您的位置:新文秘网>>…>>正文在县第十八届…报告各位代表:…,
    and an office or a date right under the text (a signature, which the frame reads as one)."""
    total = sum(p.end - p.start for p in paras)
    chrome = {k for k, (p, r) in enumerate(zip(paras, roles)) if r == "chrome" and p.end - p.start < CHROME_SHARE * total}
    last = max((k for k, r in enumerate(roles) if r in TEXT_ROLES), default=-1)
    # (the text goes on to its last numbered point of running text: 2.壮大村级集体经济。实施…)
    last = max([last, *(k for k in chrome if k > last and running_text(paras[k].text) and opening_mark(paras[k].text))])
    # a paragraph of running text before the text's last, with no mark of furniture on it,
    # is text whatever the model read (大营镇位于县城东部，总面积86平方千米，…。 under 【概况】)
    chrome -= {k for k in chrome if k <= last and running_text(paras[k].text)}
    chrome -= {k for k in chrome if k <= last and _between_points(paras, roles, k, last)}
    # and so is an entry's name alone over such a paragraph (概况 ⏎ 喜洲镇位于…), with that paragraph
    # and those after it where the page names three entries so or more
    named = [k for k in sorted(chrome) if name_over_text(paras, k, bare=True)]
    if named and count_names_over_text(paras, bare=True) >= BARE_NAMES:
        for k in named:
            chrome -= {k, k + 1}
        last = max([last, *(k for k in range(len(paras)) if k not in chrome and running_text(paras[k].text))])
    k = last + 1
    while k in chrome and k - last <= SIGNATURE_LINES and _signature_line(paras[k].text):
        chrome.discard(k)
        k += 1
    # an office over a date a few lines further on: the signature, and what stands between it and
    # the text the text's last lines (报名地点：… 联系人：… ⏎ 0591—24332430 ⏎ 平潭县粮油工业公司 ⏎ 2013年6月21日)
    for j in range(k + 1, min(k + SIGNATURE_REACH, len(paras))):
        if j not in chrome or (j - 1) not in chrome:
            break
        if _signature_line(paras[j].text, date=True) and _signature_line(paras[j - 1].text) \
                and not _signature_line(paras[j - 1].text, date=True):
            chrome.difference_update(range(k, j + 1))
            break
    return chrome


def _between_points(paras: list[Para], roles: list[str], k: int, last: int) -> bool:
    """A line read as chrome between two numbered points of the text, no mark of furniture on it
    (牵头领导：程立新　　责任单位：农业综合服务中心 between 1.… and 2.…): the text's."""
    before = any(opening_mark(paras[j].text) for j in range(max(0, k - 2), k))
    after = any(opening_mark(paras[j].text) for j in range(k + 1, min(last + 1, k + 3)))
    return before and after and text_feature(paras[k].text, "chrome") is None and not text_feature(paras[k].text, "separators")


#: How many stories, each closed by a unit's credit, make an issue under its name and number one of
#: stories (a bulletin), whatever the layouts' weights say.
STORIES = 2
#: How many paragraphs opening with an entry's name (【人口】2023年末，…) make a page with no issue's
#: name, number or credits one of entries, whatever the layouts' weights say.
ENTRIES = 3
#: As many, under a title that names its entries (…年鉴, …概况: ``entries_title_words``).
ENTRIES_TITLED = 2


def _headline_like(text: str) -> bool:
    """A short line with no sentence, no credit, date, issue number, footer label or bulletin's name:
    what a story's headline looks like. Example: 县住建局推进老旧小区改造."""
    from .footer import opens_footer
    from .masthead import ISSUE

    return (gapless_width(text) <= HEADLINE_WIDTH and not SENTENCE_MARK.search(text)
            and text_feature(text, "credit") is None and not text_feature(text, "date") and not ISSUE.search(text)
            and not (P.TITLE.match(text) and (gapless_width(text) <= NAME_WIDTH or P.DOCUMENT_TITLE.match(text)))
            and not opens_footer(text)
            and not text_feature(text, "facts"))


#: The widest a story's headline is, in display columns (32 characters).
HEADLINE_WIDTH = 64
#: The widest a bulletin's name is (display columns, its gaps aside): a longer line ending in a
#: title word is a headline (重点民生实事项目推进情况), a shorter one a name (督查通报, 平潭卫计局工作简报);
#: a document's own title (关于…的督查通报) is the one notice an issue carries, not one of its stories.
NAME_WIDTH = 20


def story_heads(paras: list[Para], credited: bool = True) -> list[int]:
    """The paragraphs that open the stories the paragraphs show: each a headline-like line over text
    whose last paragraph closes with a unit's credit (…。（县住建局）) or is one (（县住建局））; with
    ``credited`` false, a headline-like line over running text, credited or not.

    >>> story_heads(paragraphs("县住建局推进老旧小区改造\\n今年以来，改造小区12个。（县住建局）\\n"
    ...                        "县人社局举办招聘会\\n3月5日，提供岗位1200余个。\\n（县人社局）"))
    [0, 2]
    """
    heads, k, n = [], 0, len(paras)
    while k < n:
        if not _headline_like(paras[k].text) or k + 1 >= n or _headline_like(paras[k + 1].text) \
                or brief_section(paras, k):
            k += 1
            continue
        j = k + 1
        while j < n and not _headline_like(paras[j].text):
            j += 1
        if (text_feature(paras[j - 1].text, "credit") in ("closing", "whole", "source") if credited
                else any(running_text(p.text) for p in paras[k + 1:j])):
            heads.append(k)
        k = j
    return heads


def _story_roles(paras: list[Para], roles: list[str], heads: list[int]) -> list[str]:
    """The roles of an issue whose stories its form showed (:func:`story_heads`), where the model
    read them otherwise: each story's headline, a short line under it its headline's second line
    (全县秋冬季秸秆禁烧工作 ⏎ 督查情况), its running text the body."""
    out = list(roles)
    for n, h in enumerate(heads):
        out[h] = "headline"
        k = h + 1
        while k < len(paras) and gapless_width(paras[k].text) <= NAME_WIDTH * 2 and not SENTENCE_MARK.search(paras[k].text) \
                and text_feature(paras[k].text, "credit") is None and not running_text(paras[k].text):
            out[k] = "headline"
            k += 1
        end = heads[n + 1] if n + 1 < len(heads) else len(paras)
        for j in range(k, end):
            if running_text(paras[j].text) and out[j] in ("title", "masthead", "section", "facts", "headline", "chrome"):
                out[j] = "body"
    return out


#: How many paragraphs opening with a rules' article (第一条) make a document a body of rules, an
#: outline whatever the layouts' weights say.
RULES_ARTICLES = 3


def credited(paras: list[Para]) -> int:
    """How many paragraphs close with a unit's credit (…。（县住建局）), or are one alone ((县市场监管局)); a
    writer's (（撰稿：高建军）) is none."""
    from .credits import _attribution

    return sum(1 for p in paras if (att := _attribution(p.text[-CREDIT_TAIL:])) and att[1])


#: How many stories credited to their units make a numbered or named issue one of stories, whatever
#: the layouts' weights say (a 简讯 of headless briefs, each closed by its unit).
CREDITED = 3


#: How much of a paragraph's end a closing credit is looked for in (characters).
CREDIT_TAIL = 40


def _entries_shown(paras: list[Para]) -> int:
    """How many entries a page shows: paragraphs opening with a bracketed name (【人口】2023年末，…), a
    bracketed name alone over its text (【概况】 ⏎ 南泥湾镇位于…), and, where the page's title names
    its entries (喜洲镇镇情简介, …年鉴: ``entries_title_words``), a bare name alone over its text (概况 ⏎ …)."""
    n = sum(1 for p in paras if text_feature(p.text, "bracket_lead") == "entry")
    return n + count_names_over_text(paras, bare=_entries_titled(paras))


def _entries_titled(paras: list[Para]) -> bool:
    """A line over the text names the page's entries: 喜洲镇镇情简介, 迁西年鉴（2023）　农业·乡村振兴 (a menu's
    沂水概况 among 首页 新闻中心 … does not)."""
    top = next((k for k, p in enumerate(paras) if running_text(p.text)), len(paras))  # (the lines over the text)
    return any(P.ENTRIES_TITLE.search(p.text) and gapless_width(p.text) <= 60 and not SENTENCE_MARK.search(p.text)
               and not text_feature(p.text, "chrome") and not text_feature(p.text, "separators")
               and not name_over_text(paras, k, bare=True) for k, p in enumerate(paras[:min(top, TITLE_LOOKDOWN)]))


def rules_articles(paras: list[Para]) -> int:
    """How many paragraphs open with a rules' article number: 第一条　为加强…, 第十二条 ….

    >>> rules_articles(paragraphs("第一章　总则\\n第一条　为加强管理，制定本办法。\\n第二条　本办法适用于本市。"))
    2
    """
    return sum(1 for p in paras if (m := opening_mark(p.text)) and m.lastgroup == "lar")


#: How many numbered headings, each with its own points numbered from one under it, make a document
#: with no issue number or unit's credit an outline, whatever the layouts' weights say.
NESTED = 2


def nested_points(paras: list[Para]) -> int:
    """How many paragraphs opening with a first-level number (一、) have points under them whose
    numbers start again at one (1. or （一）): an outline's nesting, not an issue's numbered stories.

    >>> nested_points(paragraphs("一、聚力全域旅游\\n1.推进古村落保护。完成修缮6处。\\n2.丰富旅游业态。引进项目5个。"
    ...                          "\\n二、聚力乡村振兴\\n1.稳定粮食生产。落实面积1.2万亩。"))
    2
    """
    count, under = 0, False
    for p in paras:
        m = opening_mark(p.text)
        if m is None:
            continue
        kind = m.lastgroup
        level, group = OUTLINE_LEVELS[kind]
        if level == 1 and kind == "l1":
            under = True
        elif under and level in (2, 3) and mark_number(m) == 1:
            count += 1
            under = False
    return count


#: How many paragraphs of running text opening with a short lead sentence and no number (项目建设提速增效。全年
#: …), and what share of the running text they are at least, make a page with no issue's name or
#: number and no unit's credit a digest (an issue's stories may open so too: 守牢安全生产底线。坚决…).
LEADS, LEAD_SHARE = 6, 0.6


def _digest_heads(paras: list[Para], roles: list[str]) -> list[str]:
    """A digest's title line right over a paragraph that opens with its lead sentence is the first
    section's heading, no second line of the title: 政府工作报告（摘要） ⏎ 2023年工作回顾 ⏎ 经济运行稳中向好。…"""
    out = list(roles)
    titles = [k for k, r in enumerate(out) if r == "title"]
    for k in titles[1:]:
        if k + 1 < len(paras) and LEAD_SENTENCE.match(paras[k + 1].text) and running_text(paras[k + 1].text):
            out[k] = "section"
    return out


#: An outline's heading with no number, alone on its line: a few characters, no mark, or a short
#: sentence of no clauses. Example: 草畜产业, 金融, 生态底色更加亮丽。
SUBHEAD = Regex(rf"[{CJK}、]{{2,10}}|[^，,；;：:。！？\s]{{4,20}}。")


def _subheads(paras: list[Para], roles: list[str]) -> list[str]:
    """An outline's short plain lines over its running text, under its numbered headings, are headings
    with no number, whatever the model read (a communiqué's 粮食生产, 草畜产业, 建筑业, 财政, 金融; a
    report's 生态底色更加亮丽。)."""
    out = list(roles)
    numbered = False
    for k, p in enumerate(paras):
        if out[k] == "heading" and opening_mark(p.text):
            numbered = True
        elif numbered and out[k] in ("body", "section") and SUBHEAD.fullmatch(p.text.strip()) \
                and k + 1 < len(paras) and running_text(paras[k + 1].text) and not opening_mark(paras[k + 1].text):
            out[k] = "heading"
    return out


def lead_paragraphs(paras: list[Para]) -> tuple[int, int]:
    """How many paragraphs of running text open with a short lead sentence and no outline number (a
    digest's paragraphs, each its headline first: 经济运行稳中向好。2023年，全县…), and how many
    paragraphs of running text there are."""
    running = [p.text for p in paras if running_text(p.text)]
    return sum(1 for t in running if LEAD_SENTENCE.match(t) and not opening_mark(t)), len(running)


#: How many paragraphs opening with points numbered in turn (1. 2. 3.) make a text under a report's,
#: plan's or summary's title an outline, whatever the layouts' weights say.
POINTS = 3


def points_in_turn(paras: list[Para]) -> int:
    """How many paragraphs open with a point numbered one more than the last (1. 2. 3. …, 一、 二、,
    （一）（二）; a number of another kind starts a count of its own): the longest such run. A
    工作要点 of fourteen run-in points 1.深入学习贯彻…。 is an outline of them.

    >>> points_in_turn(paragraphs("2024年是…。\\n1.深入学习。将…\\n2.全面落实。县政府…\\n3.持续深化。推行…"))
    3
    """
    best, last = 0, {}
    for p in paras:
        m = opening_mark(p.text)
        if m is None or m.lastgroup not in OUTLINE_LEVELS:
            continue
        level, group = OUTLINE_LEVELS[m.lastgroup]
        n = mark_number(m) if m.lastgroup != "l5" else None
        if not n:
            continue
        kind = m.lastgroup
        run = last.get(kind, (0, 0))
        last[kind] = (n, run[1] + 1) if n == run[0] + 1 else ((1, 1) if n == 1 else (n, 0))
        best = max(best, last[kind][1])
    return best


#: How many stories, each a headline over text closed by a unit's credit, make a page of them (a
#: site's 工作动态 column) with no issue's name over them.
COLUMN_STORIES = 3
#: The most parts numbered at one level (一、 二、) a news story posted under its facts line is told in.
NEWS_PARTS = 4


def _parts_of_one_level(paras: list[Para]) -> int:
    """How many paragraphs open with an outline number, where all of them are of one kind (一、 二、 but
    no （一） or 1. under them); 0 where they are of several kinds: a news story's parts, not a plan's."""
    kinds = [m.lastgroup for p in paras if (m := opening_mark(p.text))]
    return len(kinds) if len(set(kinds)) == 1 else 0


def _notice_title(paras: list[Para], roles: list[str], rows: list[dict[str, object]]) -> str | None:
    """The document's title, where it is a notice's, a speech's or a briefing's and names no report,
    plan or rules (关于2024年第一季度重点项目建设督查情况的通报, …公开招聘…公告, 《…》政策解读): a text of
    numbered parts that is one item, not an outline. The title is the first line above the text read
    as one, or opening as a document's title does (关于…), no breadcrumb; None where there is none."""
    for k, (p, r) in enumerate(zip(paras, roles)):
        if running_text(p.text) or k >= TITLE_LOOKDOWN:
            return None
        if rows[k]["separators"] or not (r == "title" or P.DOCUMENT_TITLE.match(p.text) or P.OFFICE_ABOUT.match(p.text) or (
                _plain_line(rows[k], p.text) and text_feature(p.text, "notice_word"))):
            continue
        t = p.text.strip()
        notice = text_feature(t, "notice_word") and not t.endswith("意见")  # (实施意见: a plan)
        # (关于印发《…实施方案》的通知: the plan it sends is the text; 《…办法》政策解读 speaks of it)
        named = [t] if BRIEFING_ENDING.search(t) else [t, *QUOTED_TITLE.findall(t)]
        if not notice:
            continue  # (a site's name read as a title over the document's own)
        return t if not masthead_name(t) and not P.FORWARDING.match(t) and not any(
            P.REPORT_TITLE.search(x) or P.RULES_TITLE.search(x) for x in named) else None
    return None


#: A document named inside a title. Example: 《凤凰县2024年乡镇卫生院人才招聘实施方案》.
QUOTED_TITLE = Regex(r"《([^》]{2,60})》")
#: How far down a document its title may stand (lines of chrome, facts and information table above it).
TITLE_LOOKDOWN = 12


def _issued_under(paras: list[Para]) -> bool:
    """An issue's name over the line that gives its office and date, with no label of a page's facts
    (农业农村工作动态 ⏎ 县农业农村局   2024年7月15日): the masthead of an issue, not a posted page's."""
    from .masthead import parse_masthead

    fields, _used = parse_masthead(paras[:4])
    return "issuer" in fields and "date" in fields and "source" not in fields and "posted" not in fields


def _closing_writers(paras: list[Para], roles: list[str]) -> list[str]:
    """Writers' credit lines closing a document (文字：张三 ⏎ 图片：李四 ⏎ 初审：王五 ⏎ 终审：孙七) read as
    the start of an item (a section, a headline, an item) are credits, before the layout is weighed:
    they are no sections or items of a digest. (Read as a footer or a credit, they stay so.)"""
    out = list(roles)
    k = len(paras) - 1
    while k >= 0 and (out[k] == "chrome" or P.WRITER_LINE.match(paras[k].text)):
        if out[k] in ITEM_STARTS:
            out[k] = "credit"
        k -= 1
    return out


def _facts_from_chrome(paras: list[Para], roles: list[str], chrome: set[int], parsed: Parsed) -> None:
    """The page's date and source run into its chrome over the text (首页 > 冠县新闻 人气:130 日期:2015/1/7
    17:36:03; …部门动态　【发布时间：2024-06-14】【信息来源：安福县农业农村局】), where nothing else gave the
    document a date, or a single article a unit."""
    first = next((k for k, r in enumerate(roles) if r in TEXT_ROLES), len(roles))
    for k in sorted(chrome):
        if k >= first or not P.FACTS_LABEL.search(paras[k].text):
            continue
        date = parse_date(paras[k].text)
        source = next((value for label, value in P.WEB_META_FIELD.findall(paras[k].text)
                       if P.forms["web_meta_labels"].get(label) == "issuer" and names_office(value)), None)
        if not (date or source):
            continue
        if date and not parsed.masthead.get("date"):
            parsed.masthead["date"] = date
        if source and parsed.layout == "article" and len(parsed.items) == 1 and not parsed.items[0].units:
            parsed.items[0].units = [source]
            parsed.masthead.setdefault("source", source)
        return


#: The widest line of labelled facts under a text, in display columns (its date, source and views).
CLOSING_FACTS_WIDTH = 100


def _closing_facts(text: str) -> bool:
    """A line of two labelled facts or more, one a date, with no sentence: the page's facts under its text,
    its counter beside them. Example: 【发布日期：2024-05-21】【信息来源：沂水县融媒体中心】【浏览次数：1526】."""
    return (width(text) <= CLOSING_FACTS_WIDTH and not SENTENCE_MARK.search(text)
            and len(P.FACTS_LABEL.findall(text)) >= 2 and parse_date(text) is not None)


def _writers_from_chrome(paras: list[Para], roles: list[str], chrome: set[int], parsed: Parsed) -> None:
    """The credits of an article's writers and editors among the page chrome under its text
    (编辑：黄阳娇 between 来源：… and 本站原创文章…): the document's footer, where nothing else gave it."""
    last = max((k for k, r in enumerate(roles) if r in TEXT_ROLES), default=len(roles))
    for k in sorted(chrome):
        if k > last and (P.WRITER_LINE.match(paras[k].text) or P.WRITER_FIELD.match(paras[k].text.lstrip())):
            file_credits(parsed, writer_fields(paras[k].text))  # (责任编辑：钟华 分享到：微信 微博 上一篇：…)


#: How much of a title a copy may lack and still be the same title with characters dropped.
DROPPED_SHARE = 0.85


def _dropped_from(full: str, short: str) -> bool:
    """``short`` is ``full`` with a few characters dropped (a crawl that lost 年 and 日 before
    digits): 关于202310月份民生实事… from 关于2023年10月份民生实事…."""
    if not (8 <= len(short) < len(full)) or len(short) < DROPPED_SHARE * len(full):
        return False
    rest = iter(full)
    return all(ch in rest for ch in short)


def _plain_line(row: dict[str, object], text: str) -> bool:
    """A line of words that no page chrome shows: no chrome words, separators or tool-bar tokens,
    Chinese letters, title-wide."""
    return (not row["chrome"] and not row["separators"] and not row["tokens"]
            and 8 <= width(text) <= TITLE_WIDTH and bool(CJK_RE.search(text)))


#: The most lines a title read as page chrome under a facts line takes.
TITLE_LINES = 2
#: How wide a plain line read as chrome right over a title is at least, to be the title's first
#: line (a column's name over a title is narrower: 乡镇动态).
TITLE_FIRST_LINE = 12
#: A title's first line naming whom it tells of, a colon closing it. Example: 浒湾乡：.
TITLE_LEAD = Regex(r"^\s*[\u4e00-\u9fff]{2,14}\s*[：:]\s*$")


def _title_from_chrome(paras: list[Para], roles: list[str], rows: list[dict[str, object]]) -> list[str]:
    """A page's title read as chrome, found again by where it stands: the plain line nearest above
    the facts line (来源：… 时间：…) where nothing was read as a title; the whole copy of a title
    the page printed again with characters dropped. The roles, with the title's."""
    # (漳浦县人民政府网 > 政务公开 > 公告公示: a breadcrumb, never a title; nor 各乡镇人民政府，…：, the offices a
    # notice is sent to, nor its number)
    roles = ["chrome" if r == "title" and rows[k]["separators"]
             else "facts" if r == "title" and P.METADATA_LINE.match(paras[k].text)  # (索引号：…: the page's table)
             else "masthead" if r == "title" and (rows[k]["salutation"] or DOCUMENT_NUMBER.fullmatch(paras[k].text.strip())
                                                  or rows[k]["date"] == "only" or P.SPEAKER.match(paras[k].text))
             else r for k, r in enumerate(roles)]  # (nor a date alone, （二〇二四年三月二十二日）, nor a speaker's line)
    number = next((k for k in range(min(len(roles), TITLE_LOOKDOWN)) if DOCUMENT_NUMBER.fullmatch(paras[k].text.strip())), None)
    if number is not None and any(r == "title" and P.LETTERHEAD.search(paras[k].text) for k, r in enumerate(roles[:number])):
        # a letterhead (舒城县人民政府办公室文件) read as the title over the number: the masthead's; the plain
        # lines under the number, to the addressees or the text, are the title (…关于做好2024年秋冬季 ⏎ …的通知)
        roles = ["masthead" if k < number and r == "title" else r for k, r in enumerate(roles)]
        k = number + 1
        while k < len(roles) and k - number <= TITLE_LINES and roles[k] in ("masthead", "title", "chrome") \
                and _plain_line(rows[k], paras[k].text) and not rows[k]["salutation"]:
            roles[k] = "title"
            k += 1
    if number is not None:
        # the lines read as chrome right over a notice's number are its title (婺源县人民政府 ⏎ 关于…实行野外 ⏎
        # 用火管制的通告 ⏎ 婺府字〔2024〕3号), a letterhead's …文件 aside
        k = number - 1
        while k >= 0 and number - k <= TITLE_LINES + 1 and roles[k] == "chrome" and _plain_line(rows[k], paras[k].text) \
                and not P.LETTERHEAD.search(paras[k].text):
            roles[k] = "title"
            k -= 1
    titles = [k for k, r in enumerate(roles) if r == "title"]
    facts = next((k for k, r in enumerate(roles) if r == "facts"), None)
    if facts is None and (facts := next((k for k, r in enumerate(roles[:TITLE_LOOKDOWN]) if r == "chrome"
                                         and P.WEB_META.match(paras[k].text)), None)) is not None:
        roles[facts] = "facts"  # 发布时间：2024-04-12  来源：…  【打印本页】【关闭窗口】: the facts, a tool bar after them
    if not titles and facts is not None:
        for k in range(facts - 1, -1, -1):
            if roles[k] in ("masthead", "chrome") and (rows[k]["date"] == "only" or P.SPEAKER.match(paras[k].text)):
                roles[k] = "masthead"  # (the speech's date and speaker between its title and the facts line)
                continue
            if roles[k] != "chrome":
                break
            if not CJK_RE.search(paras[k].text) or DOCUMENT_NUMBER.search(paras[k].text):
                continue  # (• | and other marks between them; the document's number under its title)
            if _plain_line(rows[k], paras[k].text):
                roles[k] = "title"
            break
        if "title" not in roles:
            k = facts + 1  # none above the facts line: the title lines under it (日期：… 信息来源：… ⏎
            while k < len(roles) and k - facts <= TITLE_LINES and roles[k] == "chrome" \
                    and _plain_line(rows[k], paras[k].text) and not DOCUMENT_NUMBER.search(paras[k].text):
                roles[k] = "title"  # 漳浦县人民政府关于2024年海洋伏季休渔期间 ⏎ 加强渔船管理的通告)
                k += 1
        titles = [k for k, r in enumerate(roles) if r == "title"]
    elif not titles and (first := next((k for k, p in enumerate(paras[:TITLE_LOOKDOWN + 4]) if running_text(p.text)), None)):
        # no title and no facts line: the plain line nearest over the text, past the page's tools,
        # under its breadcrumb or menu (…首页 > 新闻中心 > 乡镇动态 ⏎ 历口镇：夏茶采制忙 茶农增收有门路 ⏎
        # 【字体：大 中 小】【打印】【关闭】 ⏎ 6月上旬，…)
        for k in range(first - 1, 0, -1):
            if roles[k] != "chrome":
                break
            if rows[k]["chrome"] or rows[k]["separators"] or not CJK_RE.search(paras[k].text):
                continue
            if _plain_line(rows[k], paras[k].text) and width(paras[k].text) >= TITLE_FIRST_LINE \
                    and not rows[k]["section"] and any(rows[j]["chrome"] == "known" or rows[j]["separators"] for j in range(k)):
                roles[k] = "title"
            break
        titles = [k for k, r in enumerate(roles) if r == "title"]
    if titles:
        t = titles[0]
        while t > 0 and titles[0] - t < TITLE_LINES and roles[t - 1] == "chrome" and not rows[t - 1]["chrome"] \
                and not rows[t - 1]["separators"] and not rows[t - 1]["tokens"] and (TITLE_LEAD.match(paras[t - 1].text) or (
                    _plain_line(rows[t - 1], paras[t - 1].text)
                    and (width(paras[t - 1].text) >= TITLE_FIRST_LINE or rows[t]["notice_word"])
                    and not P.TITLE.match(paras[t - 1].text) and not DOCUMENT_NUMBER.search(paras[t - 1].text))):
            # (a title's word on its last line, 在全县茶产业高质量发展 ⏎ 推进会上的讲话, with a shorter first line)
            # 浒湾乡： ⏎ 多措并举推进秋粮收购, 叶坪乡：“红色+绿色”双轮驱动 ⏎ 擦亮乡村振兴底色: a title's first lines
            roles[t - 1] = "title"
            t -= 1
        for k in range(max(0, t - TITLE_LOOKBACK), t):
            if roles[k] == "chrome" and _plain_line(rows[k], paras[k].text) \
                    and _dropped_from(paras[k].text.replace(" ", ""), paras[t].text.replace(" ", "")):
                roles[k], roles[t] = "title", "chrome"
                break
    return roles


def _by_form(paras: list[Para], labelled: Labelled, ev: list[str], layout: str) -> tuple[str, str | None, list[int]]:
    """The layout the document's form shows, where it decides over the layouts' weights (``layout``):
    the layout, the form that decided (said in ``--explain``; None where none did) and, for an issue
    the form showed, its stories' headlines. What several forms read (the units credited, a
    notice's title) is read once."""
    memo: dict[str, object] = {}

    def units() -> int:  # how many paragraphs close with a unit's credit
        if "units" not in memo:
            memo["units"] = credited(paras)
        return memo["units"]

    def notice() -> str | None:  # the title, where it is a notice's
        if "notice" not in memo:
            memo["notice"] = _notice_title(paras, labelled.roles, labelled.rows)
        return memo["notice"]

    issue = "titled" in ev or "numbered" in ev  # (an issue's name or number at the top)
    if layout != "outline" and (n := rules_articles(paras)) >= RULES_ARTICLES:
        return "outline", f"a body of rules: {n} articles (第一条…)", []
    if layout != "article" and any(DOCUMENT_NUMBER.fullmatch(p.text.strip()) for p in paras[:TITLE_LOOKDOWN]) \
            and (title := notice()):
        return "article", f"a document's number (文号) over a notice's title ({title[-2:]})", []
    if layout == "article" and issue and len(stories := story_heads(paras)) >= STORIES:
        return "bulletin", f"an issue's name over {len(stories)} stories, each closed by its credit", stories
    if layout in ("article", "digest") and issue \
            and (n := sum(briefs_under(paras, k) for k in range(len(paras)) if brief_section(paras, k))) >= STORIES:
        return "bulletin", f"an issue's name or number over {n} briefs opening in time under their sections", []
    if layout == "article" and not issue and len(stories := story_heads(paras)) >= COLUMN_STORIES:
        return "bulletin", f"{len(stories)} stories under their headlines, each closed by its credit (a site's column)", stories
    if layout == "article" and issue and units() >= CREDITED:
        return "bulletin", f"an issue's name or number over {units()} stories closed by their units' credits", []
    if layout == "outline" and "numbered" in ev and "titled" in ev and any(opens_footer(p.text) for p in paras):
        return "bulletin", "an issue's name and number over its parts, its footer under them", []
    if layout != "entries" and chronicle(paras):
        return "entries", "a chronicle's title over entries opening with their dates (1月5日　…)", []
    if layout in ("article", "bulletin", "digest") and not issue and not units() \
            and (n := _entries_shown(paras)) >= (ENTRIES_TITLED if _entries_titled(paras) else ENTRIES):
        return "entries", f"{n} entries (【人口】…), no issue's name, number or credits", []
    if layout in ("bulletin", "digest") and "numbered" not in ev and not units() \
            and (n := nested_points(paras)) >= NESTED and not notice():
        return "outline", f"numbered points under {n} numbered headings, their numbers restarting under each", []
    if layout in ("article", "bulletin") and not issue and not units() \
            and (leads := lead_paragraphs(paras))[0] >= LEADS and leads[0] >= LEAD_SHARE * leads[1]:
        return "digest", f"{leads[0]} of {leads[1]} paragraphs open with a lead sentence, no unit credited", []
    if (layout == "article" or (layout in ("bulletin", "digest") and not issue and not units())) \
            and "report_title" in ev and (n := points_in_turn(paras)) >= POINTS and not notice():
        return "outline", f"a report's or plan's title over {n} points numbered in turn", []
    if layout == "outline" and "facts_top" in ev and "report_title" not in ev and not issue \
            and 2 <= (n := _parts_of_one_level(paras)) <= NEWS_PARTS:
        return "article", f"a posted page's title and facts over {n} parts of one level, no report's or plan's title", []
    if (layout == "outline" or (layout == "bulletin" and not issue and not units())) and (title := notice()):
        return "article", f"a notice's or speech's title ({title[-2:]}), no report's or plan's", []
    if layout == "article" and "titled" in ev and _issued_under(paras) \
            and len(stories := story_heads(paras, credited=False)) >= STORIES:
        return "bulletin", f"an issue's name, its office and date over {len(stories)} stories under their headlines", stories
    return layout, None, []


def analyse(text: str, layout: str | None = None, meta: dict | None = None, model: Model | None = None,
            roles: list[str] | None = None) -> Parsed:
    """Parse normalised ``text``; ``layout`` forces one of :data:`LAYOUTS`. ``meta`` is what the
    reader found of the page (its title); ``model`` a role model other than the shipped one;
    ``roles`` the role of each paragraph as a person labelled them (the parsers read them instead
    of the model's: how a labelled document is checked, and how the parsers are tested).

    >>> [(d.section, d.headline, d.units) for d in analyse("【民生保障】\\n\\n县住建局开展危房核查 摸清底数。（住建局）",
    ...                                                   "bulletin", roles=["section", "item"]).items]
    [('民生保障', '县住建局开展危房核查', ['住建局'])]
    """
    if layout is not None and layout not in REGISTERED:
        raise ValueError(f"unknown layout {layout!r}; choose from {', '.join(LAYOUTS)}")
    model = model or load_model()
    paras = paragraphs(text)
    given = roles is not None
    if roles is not None and len(roles) != len(paras):
        raise ValueError(f"{len(roles)} roles given for {len(paras)} paragraphs")
    labelled = label(Page(paras, meta or {}), model)
    if roles is not None:
        labelled.roles = list(roles)
    else:
        labelled.roles = _closing_writers(paras, labelled.roles)
    ev = evidence(paras, labelled.roles, labelled.rows)
    scores: dict[str, float] = {}
    rule = None  # the document's form, where it decides over the layouts' weights (said in --explain)
    stories: list[int] = []  # the stories' headlines, where the form showed an issue of them
    if layout is None:
        layout, scores = decide(ev, model.layout_weights or {}, model.layouts, item_starts(labelled.roles))
        layout, rule, stories = _by_form(paras, labelled, ev, layout)
    if roles is not None:
        read = list(roles)
    else:
        read, _cost = labelled.within(model, REGISTERED[layout].roles)  # the roles the layout admits
        if layout == "bulletin" and len(stories) >= STORIES:  # (the stories the form showed, however the model read them)
            read = _story_roles(paras, read, stories)
    read = _title_from_chrome(paras, read, labelled.rows)
    if layout == "digest":
        read = _digest_heads(paras, read)
    elif layout == "outline":
        read = _subheads(paras, read)
    chrome = _chrome(paras, read)  # page chrome is never content, in any layout
    last = max((k for k, r in enumerate(read) if r in TEXT_ROLES), default=len(read))
    for k in sorted(chrome):  # (a facts line under the text among the page's bars: 2023/10/16 【来源：…】)
        if k > last and ((_facts_line(paras[k].text) and text_feature(paras[k].text, "chrome") is None)
                         or _closing_facts(paras[k].text)):
            chrome.discard(k)
            read[k] = "facts"
        elif k > last and text_feature(paras[k].text, "credit") == "source":
            chrome.discard(k)  # (供稿单位：…中心　审核：岩温　浏览量：312: the source, its counter beside it)
            read[k] = "credit"
        elif k > last and PRINTED.match(paras[k].text):
            chrome.discard(k)  # (崇义县人民政府办公室 2024年3月28日印发 under an annex's table: the printing line)
            read[k] = "footer"
    kept = [p for k, p in enumerate(paras) if k not in chrome]
    # (a paragraph read as chrome but holding most of the text is the text, the chrome run into it)
    roles = ["body" if r == "chrome" else r for k, r in enumerate(read) if k not in chrome]
    weighed = why(ev, model.layout_weights or {}, model.layouts, layout) if layout in model.layouts else []
    reason = ("given" if given else "scores" if scores else "forced",
              {"scores": scores, "evidence": weighed, "rule": rule,
               "read": read})
    parsed = Parsed(layout=layout, reason=reason)
    parsed.roles = labelled
    parsed.regions.extend((paras[k].start, paras[k].end, "chrome") for k in sorted(chrome))
    inner, page_facts = page_frame(kept)  # a bulletin issue posted on a site: its masthead is the document's
    if inner:
        roles = [r for p, r in zip(kept, roles) if p not in inner]
        kept = [p for p in kept if p not in inner]
        parsed.regions.extend((p.start, p.end, "masthead") for p in inner)
    REGISTERED[layout].parse(kept, roles, parsed)
    if layout in ("bulletin", "digest") and _headings_over_entries(parsed, text):
        reason[1]["rule"] = f"{rule or layout}; headless paragraphs one or two under each heading: the headings are entries"
    _writers_from_chrome(paras, read, chrome, parsed)
    _facts_from_chrome(paras, read, chrome, parsed)
    for key, value in page_facts.items():  # the issue's masthead over what its content seemed to say
        if value and (key in ("title", "issue", "issuer", "date") or key not in parsed.masthead):
            parsed.masthead[key] = value
    cut = sorted((paras[k].start, paras[k].end) for k in chrome)
    for d in parsed.items:  # an item's stretch, less the page chrome inside it
        start = d.start
        for a, b in cut:
            if d.start <= a and b <= d.end:
                if a > start:
                    parsed.regions.append((start, a, "item"))
                start = b
        parsed.regions.append((start, d.end, "item"))
    _frame_regions(kept, roles, parsed, text)
    parsed.regions.sort()
    if not parsed.items and not given and layout != "article" and REGISTERED[layout].chosen and rule \
            and any(running_text(p.text) for p in kept):
        # (a form read a layout that found no item in a text: the text is one item)
        again = analyse(text, "article", meta, model)
        again.reason = ("scores", {**reason[1], "rule": f"{rule}, but none found: one item"})
        return again
    return parsed


#: The widest entry's name over a paragraph opening with a lead sentence (display columns): a name,
#: 历史沿革, 自然资源, not a digest's heading, 工业生产稳步回升.
ENTRY_NAME_WIDTH = 12


def _lead_of(d: Draft, text: str) -> bool:
    """The item's headline is its paragraph's lead sentence (a digest's), not a line set apart."""
    para = text[d.start:d.end].lstrip()
    return para.startswith(d.headline) and para[len(d.headline):len(d.headline) + 1] in ("。", "！", "？")


def _headings_over_entries(parsed: Parsed, text: str) -> bool:
    """Paragraphs with no headline of their own, one (or two) under each of two or more headings, are
    entries under their names, not stories in sections: a gazetteer's 《明水生产简报》 ⏎ 1956年6月，县委…,
    a yearbook's 【民众镇概况】 民众镇位于…. Merges each heading's paragraphs into one item headed by it;
    a paragraph over the first heading (弥勒市辖1个街道、9个镇…) is no entry but the page's note. A
    digest's lead sentence (江垭因溇水在此形成…而得名。) counts as no headline: it goes back into its text."""
    start = next((k for k, d in enumerate(parsed.items) if d.section), len(parsed.items))
    before, items = parsed.items[:start], parsed.items[start:]
    if len(items) < 2 or any((d.headline and not (parsed.layout == "digest" and _lead_of(d, text)
                                                  and width(_section_name(d.section)) <= ENTRY_NAME_WIDTH))
                             or d.number or not d.section for d in items) or any(d.number for d in before):
        return False  # (a digest's headings are statements, 工业生产稳步回升; an entry's a name, 历史沿革)
    groups: list[list[Draft]] = []
    for d in items:
        if groups and groups[-1][0].section == d.section:
            groups[-1].append(d)
        else:
            groups.append([d])
    if len(groups) < 2 or 2 * len(items) > 3 * len(groups):
        return False
    for d in items:
        if d.headline:
            d.headline, d.body = None, text[d.start:d.end].strip()
    merged = []
    for group in groups:
        first = group[0]
        entry = Draft(first.start, group[-1].end, headline=_section_name(first.section),  # (■ 镇情简介 → 镇情简介)
                      body="\n".join(d.body for d in group if d.body))
        entry.units = next((d.units for d in group if d.units), [])
        entry.reporters = next((d.reporters for d in group if d.reporters), [])
        merged.append(entry)
    for d in before:
        add_note(parsed, text[d.start:d.end].strip())
    parsed.items[:] = merged
    parsed.sections[:] = []
    return True


def _frame_regions(paras: list[Para], roles: list[str], parsed: Parsed, text: str) -> None:
    """What no item or part claimed is the document's frame: masthead above the first item,
    footer below, captions where the roles say so (every character lands in one region)."""
    spans: list[list[int]] = []
    for s, e, _kind in sorted(parsed.regions):  # the claimed stretches, merged: disjoint and in order
        if spans and s <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], e)
        else:
            spans.append([s, e])
    starts = [s for s, _e in spans]
    first = min((d.start for d in parsed.items), default=None)
    for p, role in zip(paras, roles):
        pos = p.start
        k = max(bisect.bisect_right(starts, p.start) - 1, 0)
        while pos < p.end:  # the stretches of the paragraph no span covers
            while k < len(spans) and spans[k][1] <= pos:
                k += 1
            if k < len(spans) and spans[k][0] <= pos:
                pos = spans[k][1]
                continue
            end = min(p.end, spans[k][0]) if k < len(spans) else p.end
            if text[pos:end].strip():
                kind = "caption" if role == "caption" else "masthead" if first is None or end <= first else "footer"
                parsed.regions.append((pos, end, kind))
            pos = end

class Marks:
    """The marked spans (``**bold**``) of a document, found in its text once, so that each item's
    are had by bisection rather than by searching every mark in every item (which grows with the
    square of a long document's size)."""

    def __init__(self, text: str, marks: list[str]) -> None:
        self.order = list(dict.fromkeys(marks))
        self.spots = sorted((x.start(), k) for k, m in enumerate(self.order) for x in re.finditer(re.escape(m), text))

    def within(self, start: int, end: int) -> list[str]:
        """The marks standing wholly between ``start`` and ``end``, each once, in the order they were
        first marked (a mark repeated across a long document is not repeated in every item)."""
        present = set()
        for pos, k in self.spots[bisect.bisect_left(self.spots, (start,)):]:
            if pos >= end:
                break
            if pos + len(self.order[k]) <= end:
                present.add(k)
        return [self.order[k] for k in sorted(present)]


def _count_between(spans: list[tuple[int, int]], start: int, end: int) -> int:
    """How many of the ordered, non-overlapping ``spans`` lie within ``start``–``end``.

    >>> _count_between([(0, 2), (5, 7), (9, 12)], 4, 10)
    1
    """
    lo, hi = bisect.bisect_left(spans, (start,)), bisect.bisect_left(spans, (end,))
    return hi - lo - (1 if hi > lo and spans[hi - 1][1] > end else 0)


@pattern
def TITLE_OFFICE(f: dict) -> re.Pattern[str]:
    """An office opening a document's title, before its year or its 关于 (the lexicon's issuer
    endings). Example: 平潭综合实验区旅游与文化体育局 of 平潭综合实验区旅游与文化体育局2022年工作总结…."""
    return regexcache.compile(rf"^(\S{{4,30}}?(?:{alternation(f['issuer_endings'])}))(?=\s|关于|[12]\d{{3}}年)")


def title_office(title: str | None) -> str | None:
    """The office a document's title opens with, or None."""
    m = P.TITLE_OFFICE.match(title or "")
    return m.group(1) if m else None


def split_document(doc: dict, layout: str | None = None, captions: bool = False,
                   on_layout: Callable[[str, str, dict], None] | None = None, model: Model | None = None,
                   roles: list[str] | None = None, on_place: Callable[[dict], None] | None = None) -> list[dict]:
    """``item`` records (and, with ``captions``, ``caption`` records) for a ``document`` record.
    ``on_layout(layout, how, why)`` is told why the layout was chosen (``split --explain``): every
    layout's score and the evidence that weighed most. ``model``: a role model other than the shipped one;
    ``roles``: each paragraph's role as labelled by a person (see :func:`analyse`); ``on_place(found)``
    is told the document's place and the evidence for it (see :func:`.place.resolve`)."""
    text = doc["text"]
    simple = shadow_if_traditional(text)  # traditional text is read through its simplified shadow
    parsed = analyse(simple or text, layout, doc.get("meta"), model, roles)
    if on_layout is not None:  # (each paragraph's role and what weighed most for it, only when asked)
        how, why = parsed.reason
        labelled = parsed.roles
        roles = [(r, round(labelled.margin(k), 1), labelled.page.paras[k].text,
                  [] if how == "given" else labelled.why(k, model or load_model())) for k, r in enumerate(why["read"])]
        on_layout(parsed.layout, how, {**why, "roles": roles})
    keep = Restorer(text, simple) if simple else (lambda value, start=0: value)
    meta = {"title": None, "issue": None, "issuer": None, "date": None, "editor": None, "reviewer": None,
            "signer": None, "distribution": None, "note": None}
    meta.update({k: keep(v) for k, v in parsed.masthead.items() if k in meta})
    meta.update({k: keep(v) for k, v in parsed.footer.items() if k in meta})
    if meta["date"] is None:  # no date under the title: the printing date, else the page's posting date
        meta["date"] = parsed.footer.get("printed") or parsed.masthead.get("posted")
    page = doc.get("meta") or {}
    if page.get("paper"):  # an e-paper's page (see read.article.epaper_facts): the paper, its issue and date
        meta["title"] = page["paper"]
        meta["issue"] = meta["issue"] if meta["issue"] is not None else int(page["issue"]) if page.get("issue") else None
        meta["date"] = meta["date"] or page.get("date")
    if meta["issuer"] is None:  # the office that printed it, the site's source, the office a title opens with
        meta["issuer"] = keep(parsed.footer.get("printed_by") or parsed.masthead.get("source")
                              or title_office(meta["title"]))
    # (read from the simplified shadow, as the division list is written)
    placed = resolve_place(simple or text, {**(doc.get("meta") or {}), **parsed.masthead, **parsed.footer},
                           doc.get("source"), explain=on_place is not None)
    meta["place"] = placed["place"]
    if on_place is not None:
        on_place(placed)
    out: list[dict] = []
    marks = Marks(text, doc["changes"]["marks"]) if "marks" in doc.get("changes", {}) else None
    index = {id(d): k for k, d in enumerate(parsed.items)}
    # redaction marks of the whole text, found once: (start, end) of each, in order
    redactions = [m.span() for m in REDACTION.finditer(text)] if REDACTION_ANY.search(text) else []
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
        if marks is not None:
            rec["marks"] = marks.within(d.start, d.end)
        out.append(rec)
    if captions:
        for c in parsed.captions:
            out.append({"type": "caption", "schema": SCHEMA, "doc_id": doc["doc_id"], "source": doc.get("source", "-"),
                        **c, "text": keep(c["text"]), "credit": keep(c["credit"]), "section": keep(c["section"])})
    return out
