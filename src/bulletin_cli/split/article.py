"""The ``article`` layout: a single news or information item (政务信息, 工作动态, a notice posted on a
county site) is one item, whatever it holds. Its title is the headline; its paragraphs, numbered
clauses included, are one body; its credit is its unit, in every form a credit takes at the end:
``（县农业局 刘广刚）`` closing the last sentence, ``供稿：临澧县委办公室`` or a bare unit name on the
last line, or the office that signs it; the writer and editor lines (``撰稿人：…``, ``责任编辑：…``)
go to the record's fields, not the body.

>>> from bulletin_cli.split import split_document
>>> doc = {"doc_id": "x", "text": "临澧县委办强化督查审批 增强督查效能\\n\\n为进一步规范督查工作，县委办强化督查审批。\\n\\n"
...        "1、严格实行督查审批。未经审查批准，任何单位不得组织开展督查活动。\\n\\n供稿：临澧县委办公室\\n"}
>>> [(i["layout"], i["headline"], i["units"]) for i in split_document(doc)]
[('article', '临澧县委办强化督查审批 增强督查效能', ['临澧县委办公室'])]
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .. import regexcache
from ..lexicon.patterns import (
    BODY_OPENERS,
    CJK,
    DATE_SEPARATORS,
    DOCUMENT_NUMBER,
    LABEL_COLON,
    SUBTITLE,
    YEAR_ZEROS,
    P,
    Regex,
    alternation,
    gapless_width,
    masthead_name,
    page_title,
    pattern,
    width,
)
from .common import SENTENCE_MARK, TITLE_REST_WIDTH, Draft, Para, Parsed, file_credits
from .credits import _attribution, credit_line, writer_fields
from .features import FRAME_WIDTH, credit_form, credits_no_one, running_text, text_feature
from .headlines import DATELINE


@pattern
def WRITER_FIELDS(f: dict) -> dict[str, str]:
    """Labels of the writers and editors of an article, and the field each fills: the footer's
    (责任编辑 → editor) and the article's own (撰稿人 → author). Example: 审稿人 → reviewer."""
    return {**P.FOOTER_KEYS, **f["article_credit_labels"]}


@pattern
def WRITER_LINE(f: dict) -> re.Pattern[str]:
    """A line of such credits. Example: 撰稿人：张三  审核人：李四, （责任编辑：王五）, 编辑：张三 | 审核：李四,
    文/图：吴晓峰 章佳怡 (two writers under one label)."""
    return regexcache.compile(rf"^[（(\[【]?\s*(?:(?:{alternation(P.WRITER_FIELDS)})\s*[:：/]\s*[^\s:：/（）()|｜丨]{{2,12}}"
                              rf"(?:\s+[{CJK}·]{{2,4}}(?!\s*[:：/]))*\s*[|｜丨]?\s*)+[）)\]】]?$")


@pattern
def WRITER_FIELD(f: dict) -> re.Pattern[str]:
    """One credit of such a line. Example: 撰稿人：张三 → (撰稿人, 张三)."""
    return regexcache.compile(rf"({alternation(P.WRITER_FIELDS)})\s*[:：/]\s*([^\s:：/（）()|｜丨【】\[\]]{{2,12}})")


@pattern
def CREDIT_FIELD(f: dict) -> re.Pattern[str]:
    """One labelled credit of a line that may hold several, its value running to the next label
    or a gap: a source (来源：, 供稿单位：) or a writer (作者：, 责任编辑：). Example:
    来源：县医疗保障局　作者：王五 → (来源, 县医疗保障局), (作者, 王五)."""
    labels = alternation(sorted({*f["source_labels"], *P.WRITER_FIELDS}, key=len, reverse=True))
    return regexcache.compile(rf"({labels})\s*{LABEL_COLON}\s*((?:(?!(?:{labels})\s*{LABEL_COLON})[^\s:：丨｜【】\[\]（）()])+)")


#: The longest title found run on before an article's text.
RUN_ON_TITLE_MAX = 60


def title_before_text(text: str) -> int | None:
    """Where an article's text starts after its title on the same line (the break between them
    lost, a space left): at the last space before the first stop, where the text opens as texts
    do (a dateline, 为进一步, 近日，). Example: 临澧县委办强化督查审批 增强督查效能 |为进一步规范….

    >>> t = "临澧县委办强化督查审批 增强督查效能 为进一步规范和加强全县督查工作，强化督查审批。"
    >>> t[:title_before_text(t)]
    '临澧县委办强化督查审批 增强督查效能 '
    """
    stop = HEAD_STOP.search(text)
    head = text[:stop.start() if stop else len(text)][:RUN_ON_TITLE_MAX + 1]
    space = max(head.rfind(" "), head.rfind("\u3000"))
    if space < 6:
        return None
    rest = text[space + 1:]
    if DATELINE.match(rest) or P.RUN_ON_OPENER.match(rest) or ((m := BODY_OPENERS.match(rest)) and len(m.group(0)) >= 2):
        return space + 1
    return None


#: What ends the run a title can stand in. Example: the comma of 为进一步规范和加强全县督查工作，.
HEAD_STOP = Regex(r"[，。；：！？,;:!?]")


# --- an article read by its paragraphs' roles ------------------------------------------------------

#: A title has no more sentences than this, and is no wider (display columns).
TITLE_SENTENCES, TITLE_WIDTH = 1, 200


def _running(text: str) -> bool:
    """Running text, never a title however it stands: wide, with sentences in it."""
    return width(text) > TITLE_WIDTH and len(SENTENCE_MARK.findall(text)) > TITLE_SENTENCES


#: Roles of a document's frame, which a paragraph of running text never plays.
FRAME_ROLES = frozenset({"credit", "signature", "footer", "facts", "masthead"})


def _text_role(text: str, role: str) -> str:
    """The role a paragraph plays in its frame, but running text is text whatever the model read:
    a title wide with sentences, a credit or footer line that is a paragraph of sentences; a
    labelled fact is never a title."""
    if role == "title" and _running(text):
        return "body"
    if role in ("credit", "signature", "body") and text_feature(text, "caption"):
        return "caption"  # 图为活动现场 under the text: a photo's caption
    if role == "title" and text_feature(text, "date") == "only":
        return "masthead"  # （2024年1月5日） under a speech's title: its date, not a line of its title
    if PUBLICATION_NOTE.match(text):
        return "footer"  # （此件公开发布） under a notice's signature: how it is published, no one's credit
    if role == "title" and P.SITE_NAME.match(text):
        return "masthead"  # 阳朔县人民政府门户网站 over a page's title: the site's name, no title
    if role == "title" and DOCUMENT_NUMBER.fullmatch(text.strip()):
        return "masthead"  # 城府告〔2024〕5号 under a notice's title: its number, no line of the title
    if role == "title" and P.SPEAKER.match(text):
        return "masthead"  # 县长  王建国 under a speech's title: its speaker, not a line of its title
    if role == "title" and (P.WEB_META.match(text) or P.METADATA_LINE.match(text)):
        return "facts"  # 作者：张三 between the title and the facts line, 主题分类：综合政务 of a page's
        #                 information table: a labelled fact is no title
    if role in FRAME_ROLES and width(text) > FRAME_WIDTH and SENTENCE_MARK.search(text) \
            and not P.FACTS_LABEL.search(text[:12]):
        return "body"
    if role in ("signature", "footer") and P.WRITER_LINE.match(text):
        return "credit"  # 审稿人：常胜利 under the text: a writer's credit, never a signing office
    return role


#: A notice's note of how it is published, under its signature. Example: （此件公开发布）, （此件主动公开）.
PUBLICATION_NOTE = Regex(r"^\s*[（(]\s*此件[^（）()]{2,10}[）)]\s*$")
#: How many of a document's first lines may stand above its own title (an office, …文件, a
#: document number, a date).
ABOVE_TITLE = 4
#: What a document's own title has none of: a sentence's or a clause's marks.
NOT_IN_TITLE = Regex(r"[。！？，；：:;,]")


def _document_title(paras: list[Para], roles: list[str]) -> list[str]:
    """A document's own title among its first lines (关于进一步加强全县防汛抗旱工作的通知: it opens as
    a document's title does, and has no sentence or clause in it) is its title whatever the model
    read, the short lines above it (延津县人民政府办公室文件, 延政办〔2024〕15号) its masthead; where the
    model read a title there already, nothing changes."""
    out = list(roles)
    for k, p in enumerate(paras[:ABOVE_TITLE + 1]):
        if out[k] == "chrome":
            continue
        if out[k] == "title" and not P.ISSUER.match(p.text) and not P.DOCUMENT_TITLE.match(p.text):
            return out  # (an office read as a title, 延津县人民政府办公室文件, may stand over the title)
        if P.DOCUMENT_TITLE.match(p.text) and not NOT_IN_TITLE.search(p.text) and width(p.text) <= FRAME_WIDTH:
            above = [j for j in range(k) if out[j] != "chrome"]
            if all(width(paras[j].text) <= FRAME_WIDTH and not NOT_IN_TITLE.search(paras[j].text) for j in above):
                out[k] = "title"
                for j in above:
                    out[j] = "masthead"
                if above and above[-1] == k - 1 and _office_alone(paras[k - 1].text):
                    # (…文件 ⏎ 平政办发〔2024〕15号 ⏎) 平遥县人民政府办公室 ⏎ 关于…的通知: the title's first
                    # line, its office (a notice's full title names it; a letterhead says …文件)
                    out[k - 1] = "title"
            return out
        if NOT_IN_TITLE.search(p.text):
            return out  # (running text before any title: none to find)
    return out


#: A column's tag in brackets opening a title. Example: 【图片新闻】 of 【图片新闻】金秋时节白茶山上采“秋茶”.
COLUMN_TAG = Regex(r"^\s*[【\[［]\s*([^【】\[\]［］]{2,8})\s*[】\]］]\s*(?=\S)")


def _title_shaped(text: str, loose: bool = False) -> bool:
    """A line a title could be: short, with no sentence, clause break, label, date, credit,
    signing office, greeting or footer in it. Example: 县检察院开展“法治进校园”活动; with ``loose``,
    a title that calls out or asks (好消息！我县再添…, …这些事项请注意？) too."""
    from .footer import opens_footer
    from .frame import _signature_office
    from .outline import opening_mark

    t = text.strip()
    bare = re.sub(r"[！？!?]", "", t) if loose else t
    return (not opening_mark(t) and 6 <= width(t) <= FRAME_WIDTH and not SENTENCE_MARK.search(bare)
            and not TITLE_BREAK.search(bare)
            and not P.FACTS_LABEL.search(t) and not (text_feature(t, "date") == "only" if loose else text_feature(t, "date"))
            and not credit_form(t)
            and not _signature_office(t) and not P.SALUTATION.match(t) and not opens_footer(t))


#: What a title has none of (a comma it may have: 春节慰问送关怀，浓浓关爱暖人心).
TITLE_BREAK = Regex(r"[。！？；：:;]")


def _title_where_none(paras: list[Para], roles: list[str]) -> list[str]:
    """Where the model read no title or headline, the title-shaped line between a facts line printed
    first and the text (2024-05-06 15:30 来源：… ⏎ 宁陵县召开2024年防汛工作会议 ⏎ 5月6日，…) or, failing
    that, between the text and the facts line under it, with no text after them (a title printed
    after the text: …。 ⏎ 县检察院开展“法治进校园”活动 ⏎ 2023-09-21 来源：县检察院) is the title. (A
    brief with no title of its own keeps none: a credit or a caption under it is no title.)"""
    if any(r in ("title", "headline") for r in roles):
        return roles
    running = [k for k, r in enumerate(roles) if r in TEXT_ROLES and running_text(paras[k].text)]
    if not running:
        return roles
    out = list(roles)
    first, last = running[0], running[-1]
    if first > 1 and _title_shaped(paras[first - 1].text) and _facts_line(paras[first - 2].text):
        out[first - 1] = "title"
    elif first > 1 and _facts_line(paras[first - 1].text) and all(r in ("chrome", "masthead") for r in roles[:first - 2]) \
            and _title_shaped(paras[first - 2].text, loose=True):
        out[first - 2] = "title"  # 2024年高考，这些事项请注意？ ⏎ 2024-06-01 来源：县教育局 ⏎ text: a title with a
        #                           comma or a question in it, over the facts line
    elif last + 2 < len(roles) and _title_shaped(paras[last + 1].text) and _facts_line(paras[last + 2].text) \
            and all(not running_text(p.text) and not _title_shaped(p.text) for p in paras[last + 2:]):
        out[last + 1] = "title"
    return out


def _facts_line(text: str) -> bool:
    """A page's line of facts: its labels (来源：… 日期：…), or a posting date with a label or alone.
    Example: 2024-05-06 15:30 来源：宁陵县人民政府."""
    from .masthead import parse_date

    return width(text) <= FRAME_WIDTH and not SENTENCE_MARK.search(text) and (
        bool(P.WEB_META.match(text)) or (bool(P.FACTS_LABEL.search(text)) and parse_date(text) is not None)
        or text_feature(text, "date") == "only")


def _office_alone(text: str) -> bool:
    """An office's name alone on a line, no …文件 of a red header and no number. Example: 平遥县人民政府办公室."""
    from .frame import _signature_office

    t = text.strip()
    return _signature_office(t) and not P.LETTERHEAD.search(t) and not re.search(r"\d", t)


def _credits_inside(paras: list[Para], roles: list[str]) -> list[str]:
    """A line read as a credit between an article's paragraphs that has no credit's form (县人社局举办
    春季招聘会, a second story's headline) is text: it credits no one, and is never taken for a unit."""
    out = list(roles)
    last = max((k for k, r in enumerate(out) if r in TEXT_ROLES), default=-1)
    for k in range(last):
        if out[k] == "credit" and credits_no_one(paras[k].text):
            out[k] = "body"
    return out


def _closing_footer(paras: list[Para], roles: list[str]) -> list[str]:
    """The lines that close a document and open with a footer's label (报：… 送：… 编辑：… 签发：…,
    a distribution list's next line with them) are its footer, whatever the model read: the
    footer of a bulletin of one story, of a notice under its signature."""
    from .footer import opens_footer

    out = list(roles)
    k = len(paras) - 1
    while k >= 0 and out[k] == "chrome":
        k -= 1
    block: list[int] = []
    while k >= 0 and out[k] in ("body", "credit", "signature", "footer") and gapless_width(paras[k].text) <= FRAME_WIDTH \
            and not SENTENCE_MARK.search(paras[k].text):  # (编辑：张三同志审读了全文。 is a sentence)
        block.append(k)
        k -= 1
    # the block from its first line that opens with a label (a line above it is the text's)
    for n, j in enumerate(reversed(block)):
        if opens_footer(paras[j].text):
            for m in list(reversed(block))[n:]:  # (a writers' line stays a credit: 编辑：张三 | 审核：李四)
                out[m] = "credit" if P.WRITER_LINE.match(paras[m].text) else "footer"
            break
    return out


#: Roles whose paragraphs are an article's text.
TEXT_ROLES = frozenset({"body", "headline", "item", "heading", "entry", "section"})


def _join_lines(parts: list[str]) -> str:
    """Lines of one title as one: no space between two wide characters, one between Latin words.
    Example: 王兴主持召开县长办公会 + 安排部署重点工作任务 → 王兴主持召开县长办公会安排部署重点工作任务."""
    out = ""
    for part in parts:
        part = part.strip()
        if out and part and out[-1].isascii() and out[-1].isalnum() and part[0].isascii() and part[0].isalnum():
            out += " "
        out += part
    return out


def _facts(text: str, parsed: Parsed) -> None:
    """What a facts line says of the article: its source, date, author and editor, wherever the
    labels stand in the line. Example: 2021-02-01 08:00:00来源：茶陵县人民政府 作者：… 责任编辑：…."""
    from .masthead import names_office, parse_date, web_meta

    meta = web_meta(text) or {}
    fields = P.forms["web_meta_labels"]
    for label, value in P.WEB_META_FIELD.findall(text):
        key = fields.get(label)
        if key == "issuer" and names_office(value):
            meta.setdefault("issuer", value)
            if label in P.SOURCE_LABELS:  # 来源：县农业农村局, not 发布机构：县政府办: the office credited
                parsed.masthead.setdefault("credited", value)
        elif key == "date" and (date := parse_date(value)):
            meta.setdefault("date", date)
    if "date" not in meta and (date := parse_date(text)):
        meta["date"] = date  # 2026-01-31 07:00:44 alone, or …|| 2022-03-23 … 编辑: …
    for key in ("issuer", "date", "issue"):
        if key in meta:
            parsed.masthead.setdefault(key, meta[key])
    if "series" in meta:  # 文号：督察通报第十七期: the bulletin this notice is an issue of names the document
        parsed.masthead["title"] = meta["series"]
    file_credits(parsed, writer_fields(text))


@dataclass
class Frame:
    """What a document's frame says, read by its paragraphs' roles: the paragraphs of its text,
    the headline its title (or a one-story bulletin's headline) gives, the paragraphs that title
    stands on, and the unit and persons its credits name. The fields go to ``parsed`` as read."""

    texts: list[Para]
    headline: str | None
    heads: list[Para]
    units: list[str]
    reporters: list[str]


#: The years a plan's title names after its word, in brackets. Example: （2024—2026年） of …实施方案（2024—2026年）.
YEARS_AFTER = Regex(r"\s*[（(]\s*[12]\d{3}\s*(?:[—－\-–~～至]\s*[12]\d{3})?\s*年?\s*[）)]\s*$")


def read_frame(paras: list[Para], roles: list[str], parsed: Parsed) -> Frame:
    """Title, masthead lines, facts line, credits, signature, footer and captions around a text,
    by the roles of its paragraphs (page chrome gone). A date the document gives itself (a
    masthead line: ——2026年1月27日在…会议上, or a signature) wins over a site's posting date;
    the signing office over the site's source.

    >>> from bulletin_cli.split.common import paragraphs
    >>> parsed = Parsed(layout="outline")
    >>> paras = paragraphs("政府工作报告\\n——2026年1月27日在省人民代表大会上\\n来源：青海日报 2026-01-31\\n"
    ...                    "一、工作回顾\\n编辑：何继红")
    >>> frame = read_frame(paras, ["title", "masthead", "facts", "heading", "credit"], parsed)
    >>> [p.text for p in frame.texts], parsed.masthead["date"], parsed.footer["editor"]
    (['一、工作回顾'], '2026-01-27', '何继红')
    """
    from .footer import opens_footer, parse_footer
    from .frame import LONG_FIRST, _signature_office
    from .masthead import _masthead_labels, names_office, parse_date, parse_masthead
    from .outline import OUTLINE_MARK

    roles = _closing_footer(paras, [_text_role(p.text, r) for p, r in zip(paras, roles)])
    roles = _credits_inside(paras, _document_title(paras, roles))
    if parsed.layout == "article":
        roles = _title_where_none(paras, roles)
        # the offices a notice is sent to, under its title and over its text, read as the masthead's:
        # the text's first line as printed (各乡镇人民政府，县开发区管委会，县政府有关部门：), and who it goes to
        for k, r in enumerate(roles):
            if r == "masthead" and k + 1 < len(roles) and roles[k + 1] == "body" and "title" in roles[:k] \
                    and text_feature(paras[k].text, "salutation"):
                roles[k] = "body"
                if not P.SALUTATION.match(paras[k].text):
                    parsed.masthead.setdefault("distribution", paras[k].text.strip().rstrip("：: "))
    titles = [k for k, r in enumerate(roles) if r == "title"]
    heads = [k for k, r in enumerate(roles) if r == "headline"]
    first_title: list[int] = []
    for k in titles:  # the first run of title lines; a title printed again later is masthead
        if not first_title or (k == first_title[-1] + 1 and not _chrome_between(parsed, paras[k - 1].end, paras[k].start)
                               and (parsed.layout == "article" or P.TITLE_ENDING.search(paras[k].text))):
            first_title.append(k)  # (an outline's or digest's title goes on only to its title word:
        else:                      # a heading may follow it)
            break
    if first_title and (k := first_title[-1] + 1) < len(roles) and roles[k] in ("masthead", "title", "body", "headline") \
            and SUBTITLE.match(paras[k].text.strip()) and parse_date(paras[k].text) is None:
        first_title.append(k)  # 主标题 ⏎ ——累计接待观众186万人次: the title's subtitle, one headline with it
    elif first_title and (k := first_title[-1] + 1) < len(roles) and roles[k] == "masthead" \
            and not text_feature(paras[first_title[-1]].text, "notice_word") and text_feature(paras[k].text, "notice_word") \
            and width(paras[k].text) <= TITLE_REST_WIDTH and not SENTENCE_MARK.search(paras[k].text):
        first_title.append(k)  # 在全县茶产业高质量发展 ⏎ 推进会上的讲话: the title's word on its second line
    elif first_title and (k := first_title[-1] + 1) < len(roles) and roles[k] in ("masthead", "facts") \
            and not P.REPORT_TITLE.search(paras[first_title[-1]].text) and P.REPORT_TITLE.search(YEARS_AFTER.sub("", paras[k].text)) \
            and width(paras[k].text) <= TITLE_REST_WIDTH and not SENTENCE_MARK.search(paras[k].text) \
            and not P.WEB_META.match(paras[k].text):
        first_title.append(k)  # 崇义县竹产业高质量发展三年行动 ⏎ 实施方案（2024—2026年）: a plan's word on the second line
    lines = [paras[k].text for k in first_title]
    if len(lines) == 2 and _same_title(*lines):
        lines = lines[1:]  # the page's title, then the document's own (在**县…, without 第一篇：)
    elif first_title:
        again = next((k for k in range(first_title[-1] + 1, len(roles)) if roles[k] not in ("facts", "masthead")), None)
        run = []
        while again is not None and again + len(run) < len(roles) and roles[again + len(run)] == "title":
            run.append(again + len(run))
        if run and _same_title(" ".join(lines), _join_lines([paras[k].text for k in run])):
            lines = [_join_lines([paras[k].text for k in run])]  # printed again under the page's facts line:
            first_title.extend(run)                                 # the document's own copy
    title = page_title(_join_lines(lines)) if lines else None  # (…的通告_宾县人民政府: the site's name after it)
    if title and (tag := COLUMN_TAG.match(title)) and P.GENERIC_SECTION.match(tag.group(1).strip()):
        title = title[tag.end():].lstrip()  # 【图片新闻】金秋时节白茶山上采“秋茶”: the column's tag is no part of it
    headline = title
    if not heads and first_title and parsed.layout == "article" and P.TITLE.match(title or ""):
        # a bulletin of one story whose headline was read as a title line under the masthead's
        # lines (信 息 简 报 ⏎ 增刊第7期 ⏎ 中共衢州市委办公室 2005年4月27日 ⏎ 市委书记…作出重要批示)
        k = first_title[-1] + 1
        while k < len(roles) and roles[k] in ("masthead", "facts"):
            k += 1
        if k > first_title[-1] + 1 and k < len(roles) and roles[k] == "title" and not masthead_name(paras[k].text):
            heads = [k]
            roles[k] = "headline"
    if heads and (not first_title or heads[0] > first_title[-1]) and parsed.layout == "article":
        # a bulletin of one story: the bulletin's name is the title, the story's its headline
        run = [heads[0]]
        while run[-1] + 1 < len(roles) and roles[run[-1] + 1] == "headline":
            run.append(run[-1] + 1)
        headline = _join_lines([paras[k].text for k in run])
        first_title = first_title + run
    if title:
        parsed.masthead.setdefault("title", page_title(title))
    own_date = None  # a date the document gives itself, over a site's posting date
    top = [paras[k] for k in first_title[:1]] + [paras[k] for k, r in enumerate(roles) if r == "masthead"]
    if len(top) > 1 or (top and not first_title):
        fields, _ = parse_masthead(top)  # (the title first: an office above or below it is the issuer)
        for key, value in fields.items():
            if key == "date":
                own_date = value
            elif key != "title" or title is None:
                parsed.masthead.setdefault(key, value)
        for k, r in enumerate(roles):
            t = paras[k].text
            if r != "masthead":
                continue
            if "distribution" not in parsed.masthead and t.rstrip().endswith(("：", ":")) and not P.SALUTATION.match(t):
                parsed.masthead["distribution"] = t.rstrip("：: ")
            elif speaker := P.SPEAKER_OFFICE.match(t):
                parsed.masthead.setdefault("issuer", speaker.group(1))  # 海城市人民政府市长　王立新: the government speaks
            elif own_date is None and (date := parse_date(t)):
                own_date = date  # ——2026年1月27日在…会议上
    for k, r in enumerate(roles):
        if r == "facts" or (r in ("masthead", "footer") and P.WEB_META.match(paras[k].text)):
            _facts(paras[k].text, parsed)  # (a labelled facts line is read as one, whichever role it got)
    _signature_at_end(paras, roles)
    _credits_at_end(paras, roles)
    units: list[str] = []
    reporters: list[str] = []
    for k, r in enumerate(roles):
        if r != "credit":
            continue
        got_units, persons, fields, source = credit_line(paras[k].text)
        if not fields and P.WRITER_FIELD.match(paras[k].text.lstrip()):
            fields = writer_fields(paras[k].text)  # 责任编辑：钟华 分享到：微信 微博 …: the editor, the bar after
        if P.FACTS_LABEL.search(paras[k].text) and parse_date(paras[k].text):
            _facts(paras[k].text, parsed)  # 供稿单位：西江镇人民政府    发布日期：2024年10月8日: its date too
        units = units or got_units
        reporters = reporters or persons
        file_credits(parsed, fields)
        if source and names_office(source):
            parsed.masthead.setdefault("source", source)
    for k, r in enumerate(roles):
        if r == "signature":
            t = paras[k].text
            date = parse_date(t) if _signature_line(t, date=True) else None
            office = SIGNATURE_DATE.sub("", t).strip() if date else t
            if date:
                own_date = own_date or date  # the signing date: the document's own, over a site's
            labelled = _masthead_labels(t) or {}
            if office and _signature_office(office):
                parsed.masthead["issuer"] = parsed.masthead["signed_by"] = office  # the signing office over the site's source
            elif labelled.get("issuer") and _signature_office(labelled["issuer"]):
                parsed.masthead["issuer"] = parsed.masthead["signed_by"] = labelled["issuer"]  # 主办：涉县疫情防控办 under the text
            elif source := P.SOURCE_LINE.match(t):
                parsed.masthead.setdefault("source", source.group(2))
            elif P.FACTS_LABEL.search(t):
                _facts(t, parsed)  # 2023-09-21 来源：县检察院 under the text: a facts line
    if "signature" not in roles and (run_in := _run_in_signature(paras, roles)):
        office, date = run_in
        parsed.masthead["issuer"] = parsed.masthead["signed_by"] = office
        own_date = own_date or date
    if own_date:
        parsed.masthead["date"] = own_date
    footer = [paras[k].text for k, r in enumerate(roles) if r == "footer"]
    if footer:
        for key, value in parse_footer(footer).items():
            parsed.footer.setdefault(key, value)
    for k, r in enumerate(roles):
        if r == "caption":
            p = paras[k]
            credit = P.CAPTION_CREDIT.search(p.text)
            parsed.captions.append({"text": p.text, "credit": credit.group(1).strip() if credit else None,
                                    "span": [p.start, p.end], "section": None})
    started = next((k for k, r in enumerate(roles) if r in TEXT_ROLES and k not in first_title), len(roles))
    last_text = max((k for k, r in enumerate(roles) if r in TEXT_ROLES), default=-1)
    for k in range(started + 1, last_text):
        if (roles[k] == "title" and k not in first_title and not (title and _same_title(title, paras[k].text))) \
                or (roles[k] == "footer" and not opens_footer(paras[k].text)):
            roles[k] = "headline"  # a title or footer line inside the text, with no footer's label (a second
            #                        story's headline): text, never lost
    texts = [paras[k] for k, r in enumerate(roles)
             if (r in TEXT_ROLES or (r == "title" and parsed.layout != "article")) and k not in first_title]
    if title is None and texts and width(texts[0].text) > LONG_FIRST and not OUTLINE_MARK.match(texts[0].text) \
            and (run_on := P.TITLE_RUN_ON.match(texts[0].text)):
        # the whole text on one line, its title first: 桥头镇2023年度政府工作报告|各位代表：…
        title = headline = run_on.group("title")
        parsed.masthead.setdefault("title", title)
        first = texts[0]
        texts[0] = Para(first.start + run_on.end(), first.end, first.text[run_on.end():])
        parsed.regions.append((first.start, first.start + run_on.end(), "masthead"))
    return Frame(texts, headline, [paras[k] for k in first_title], units, reporters)


#: The most lines a signature (office, date, and a site's 来源 under them) takes at the end.
SIGNATURE_LINES = 3


def _signature_at_end(paras: list[Para], roles: list[str]) -> None:
    """The last lines of the text that are an office alone or a date alone, after the text and
    before any credit or footer, are its signature whatever the model read: the form is not
    mistaken (平潭县粮油工业公司 ⏎ 2013年6月21日 ⏎ 来源：中国平潭)."""
    last = max((k for k, r in enumerate(roles) if r in TEXT_ROLES), default=-1)
    k, found = last, []
    while k > 0 and len(found) < SIGNATURE_LINES and roles[k] in TEXT_ROLES | {"signature", "credit", "footer"}:
        t = paras[k].text.strip()
        if roles[k] == "footer":
            if found or not PUBLICATION_NOTE.match(t):
                break
            k -= 1  # (（此件公开发布） under the signature)
            continue
        if _signature_line(t, date=True):
            found.append(k)  # 2013年6月21日, or 平潭综合实验区社会事业局教育处2015．8．24
        elif _signature_line(t) and found:
            found.append(k)
        elif P.SOURCE_LINE.match(t) and not found:
            pass  # 来源：中国平潭 under the signature: the site's line
        else:
            break
        k -= 1
    if found and any(SIGNATURE_DATE.search(paras[j].text) for j in found) and last - min(found) < SIGNATURE_LINES:
        for j in range(min(found), last + 1):
            if roles[j] in TEXT_ROLES or roles[j] == "credit":
                roles[j] = "signature"


#: The most labelled credit lines read at the end of a text.
CREDIT_LINES = 4


def _credits_at_end(paras: list[Para], roles: list[str]) -> None:
    """The labelled lines closing a text — its source, its writers and editors (文章来源：县医疗保障局,
    稿件来源：… 责任编辑：…, 【来源：…】, 供稿单位：…) — are its credits whatever the model read: the
    form is not mistaken. Read from the end, up to the last line of running text."""
    k, seen = len(roles) - 1, 0
    while k >= 0 and seen < CREDIT_LINES:
        t = paras[k].text.strip()
        if roles[k] in TEXT_ROLES:
            if not credit_form(t):
                return
            roles[k] = "credit"
            seen += 1
        elif roles[k] not in ("credit", "footer", "signature", "caption"):
            return
        k -= 1


#: A signature run onto the end of a text's last sentence, its line break lost.
RUN_IN_SIGNATURE = Regex(r"(?<=[。！？])\s*([^。！？：:，,\s][^。！？：:，,]{5,45})$")


def _run_in_signature(paras: list[Para], roles: list[str]) -> tuple[str, str] | None:
    """The office and date signing a text, run onto the end of its last paragraph:
    ``…不要上当受骗。 平潭综合实验区社会事业局教育处2015．8．24`` → (平潭综合实验区社会事业局教育处, 2015-08-24)."""
    from .frame import _signature_office
    from .masthead import parse_date

    last = max((k for k, r in enumerate(roles) if r in TEXT_ROLES), default=-1)
    m = RUN_IN_SIGNATURE.search(paras[last].text) if last >= 0 else None
    if m is None or not (date := parse_date(unicodedata.normalize("NFKC", m.group(1)))):
        return None  # (2015．8．24: full-width stops read as a date's)
    office = SIGNATURE_DATE.sub("", m.group(1)).strip()
    return (office, date) if office and _signature_office(office) else None


def _signature_line(text: str, date: bool = False) -> bool:
    """A line a signature is made of: a date alone (with its office before it), or an office alone;
    with ``date``, only the first."""
    from .frame import _signature_office
    from .masthead import parse_date

    t = text.strip()
    if parse_date(t) and len(office := SIGNATURE_DATE.sub("", t).strip()) <= 20 and width(t) - width(office) <= 30 \
            and not SENTENCE_MARK.search(t):
        return True  # (a date, the office before it on the same line or not; 六、本通告自2024年12月1日起施行。 is a sentence)
    return not date and _signature_office(t) and not SENTENCE_MARK.search(t)


def _chrome_between(parsed: Parsed, start: int, end: int) -> bool:
    """Page chrome stood between two paragraphs (taken out before they were read)."""
    return any(kind == "chrome" and start <= a and b <= end for a, b, kind in parsed.regions)


def _same_title(first: str, second: str) -> bool:
    """Two title lines that are one title printed twice: one holds the other, masks and a
    sharing site's prefix aside. Example: 在县第十八届…政府工作报告 and 在**县第十八届…政府工作报告."""
    from .frame import MASKS

    a, b = MASKS.sub("", first).replace(" ", ""), MASKS.sub("", second).replace(" ", "")
    return len(a) >= 6 and len(b) >= 6 and (a in b or b in a)


def parse_article_roles(paras: list[Para], roles: list[str], parsed: Parsed) -> None:
    """One item, read by the roles of its paragraphs (page chrome gone): its title (one to three
    lines) the headline, its facts line the source and posting date, its text the body, its
    credits the unit and writers, its signature the issuer and signing date, its footer the
    footer's fields (:func:`read_frame`).

    >>> from bulletin_cli.split.common import paragraphs
    >>> parsed = Parsed(layout="article")
    >>> paras = paragraphs("我县召开会议\\n来源：县政府办 发布时间：2024-05-06\\n今年以来，共核查危房12户。\\n（县住建局）")
    >>> parse_article_roles(paras, ["title", "facts", "body", "credit"], parsed)
    >>> d = parsed.items[0]
    >>> d.headline, d.body, d.units, parsed.masthead["date"]
    ('我县召开会议', '今年以来，共核查危房12户。', ['县住建局'], '2024-05-06')
    """
    if not paras:
        return
    frame = read_frame(paras, roles, parsed)
    headline, units, reporters = frame.headline, frame.units, frame.reporters
    texts = [p.text for p in frame.texts]
    if texts and not units and (att := _attribution(texts[-1])) and att[0] > 0:
        units, reporters = att[1], att[2] or reporters  # …推动落实见效。（县政府办）: the credit closing the text
        texts[-1] = texts[-1][:att[0]].rstrip()
    if headline is None and texts and (cut := title_before_text(texts[0])):
        headline, texts[0] = texts[0][:cut].rstrip(), texts[0][cut:].lstrip()  # its breaks lost: title, text
        parsed.masthead.setdefault("title", headline)
    if not texts and headline is None:
        return
    start = frame.heads[0].start if frame.heads else frame.texts[0].start
    end = frame.texts[-1].end if frame.texts else frame.heads[-1].end
    d = Draft(start, end, headline=headline)
    d.body = "\n".join(t for t in texts if t)
    # (the office that signs or posts a single text is its unit; an issue's office is the issue's,
    # not its one story's)
    # (GOLD.md: the office credited as its source, 来源：…, or the signing office of a notice, over the
    # office a page's table says published it, 发布机构：…)
    issued = parsed.masthead.get("issue") is not None
    m = parsed.masthead
    d.units = units or next(([m[key]] for key in ("signed_by", "credited", "issuer", "source") if m.get(key) and not issued), [])
    d.reporters = reporters
    parsed.items.append(d)
    parsed.article = start


def framed_roles(parse) -> "callable":
    """A parser of a document's text inside its frame read by roles (:func:`read_frame`): an
    outline's or digest's."""
    def run(paras: list[Para], roles: list[str], parsed: Parsed) -> None:
        if paras:
            texts = read_frame(paras, roles, parsed).texts
            if parse.__name__ == "parse_outline":  # (the outline reads the headings the roles name)
                role_of = {p.start: r for p, r in zip(paras, roles)}
                parse(texts, parsed, [role_of.get(p.start, "body") for p in texts])
            else:
                parse(texts, parsed)
    return run


#: A signing date and what follows it, taken off the office signing. Example: 2015．8．24.
SIGNATURE_DATE = Regex(rf"(?:[12]\d{{3}}|[一二][{YEAR_ZEROS}一二三四五六七八九]{{3}})\s*[年{DATE_SEPARATORS}].*$")
