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

from ..lexicon.patterns import BODY_OPENERS, P, alternation, pattern, width
from .common import SENTENCE_MARK, Draft, Para, Parsed
from .credits import _attribution, _bare_unit_line
from .headlines import DATELINE, _is_heading
from .masthead import parse_issue


@pattern
def WRITER_FIELDS(f: dict) -> dict[str, str]:
    """Labels of the writers and editors of an article, and the field each fills: the footer's
    (责任编辑 → editor) and the article's own (撰稿人 → author). Example: 核稿人 → reviewer."""
    return {**P.FOOTER_KEYS, **f["article_credit_labels"]}


@pattern
def WRITER_LINE(f: dict) -> re.Pattern[str]:
    """A line of such credits. Example: 撰稿人：张三  审核人：李四, （责任编辑：王五）."""
    return re.compile(rf"^[（(\[【]?\s*(?:(?:{alternation(P.WRITER_FIELDS)})\s*[:：/]\s*[^\s:：/（）()]{{2,12}}\s*)+"
                      r"[）)\]】]?$")


@pattern
def WRITER_FIELD(f: dict) -> re.Pattern[str]:
    """One credit of such a line. Example: 撰稿人：张三 → (撰稿人, 张三)."""
    return re.compile(rf"({alternation(P.WRITER_FIELDS)})\s*[:：/]\s*([^\s:：/（）()]{{2,12}})")
#: An attachment named at the end of a notice. Example: 附件：外卖骑手“食安哨兵”小额举报奖励实施方案（征求意见稿）.
ATTACHMENT = re.compile(r"^附\s*件\s*\d*\s*[:：]")


def attachment(text: str) -> bool:
    """A line naming an attachment: 附件：…, or a linked file's name (….docx)."""
    return bool(ATTACHMENT.search(text) or P.FILE_SUFFIX.search(text))


def closing_credit(paras: list[Para]) -> tuple[list[str], list[str], dict, int, int | None]:
    """What closes an article: (units, reporters, writer fields, how many last paragraphs are
    credit lines, where in the last body paragraph a closing attribution starts, or None)."""
    units: list[str] = []
    reporters: list[str] = []
    fields: dict = {}
    n = 0
    while n < len(paras) - 1:
        t = paras[-1 - n].text
        if P.WRITER_LINE.match(t):
            for label, name in P.WRITER_FIELD.findall(t):
                fields.setdefault(P.WRITER_FIELDS[label], name)
        elif not units and (whole := _attribution(t, whole=True)):
            units, reporters = whole[1], whole[2]
        elif not units and (bare := _bare_unit_line(t)):
            units = bare
        else:
            break
        n += 1
    cut = None
    if not units and n < len(paras) and (att := _attribution(paras[-1 - n].text)):
        units, reporters, cut = att[1], att[2], att[0]
    return units, reporters, fields, n, cut


def parse_article(paras: list[Para], parsed: Parsed) -> None:
    """One item: the title its headline, the rest its body, the closing credit its unit."""
    if not paras:
        return
    paras = _without_attached_file(paras, parsed)
    units, reporters, fields, n, cut = closing_credit(paras)
    body = paras[:len(paras) - n] if n < len(paras) else paras
    for p in paras[len(body):]:
        parsed.regions.append((p.start, p.end, "footer"))
        if source := P.SOURCE_LINE.match(p.text):  # 来源：中国平潭网 closing it: the text's source
            parsed.masthead.setdefault("source", source.group(2))
    for key, value in fields.items():
        (parsed.footer if key != "author" else parsed.masthead).setdefault(key, value)
    texts = [p.text for p in body]
    if cut is not None:
        texts[-1] = texts[-1][:cut].rstrip()
    start = parsed.article if parsed.article is not None else body[0].start
    headline = parsed.headline or parsed.masthead.get("title")
    if headline is None and (cut := title_before_text(texts[0])):
        headline, texts[0] = texts[0][:cut].rstrip(), texts[0][cut:].lstrip()  # its breaks lost: title, text
        parsed.masthead.setdefault("title", headline)
    d = Draft(start, body[-1].end, headline=headline)
    d.body = "\n".join(t for t in texts if t)
    d.units = units or ([parsed.masthead["issuer"]] if parsed.masthead.get("issuer") else [])
    d.reporters = reporters
    parsed.items.append(d)


def _without_attached_file(paras: list[Para], parsed: Parsed) -> list[Para]:
    """The article without the file its page attaches (a link named by the file, at the end) and
    the page's lines under it; the issue the file's name gives is the document's when nothing
    else gave one. Example: …圆满完成。 ⏎ 10.16  第 八期2019年…完成情况.docx ⏎ 地址：江苏省灌云县幸."""
    for k in range(len(paras) - 1, max(len(paras) - 4, 0), -1):
        if P.FILE_SUFFIX.search(paras[k].text) and width(paras[k].text) <= 120 \
                and all(width(p.text) <= 60 and not SENTENCE_MARK.search(p.text) for p in paras[k + 1:]):
            if "issue" not in parsed.masthead and (issue := parse_issue(paras[k].text)):
                parsed.masthead["issue"] = issue
            parsed.regions.extend((p.start, p.end, "footer") for p in paras[k:])
            return paras[:k]
    return paras


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
HEAD_STOP = re.compile(r"[，。；：！？,;:!?]")


def has_closing_credit(paras: list[Para]) -> bool:
    """The last lines name the unit that sent the text (a writer or editor line alone is no credit:
    a bulletin's footer has those too)."""
    return bool(closing_credit(paras)[0])


#: The widest line under an article's title that is its byline, not a heading (display columns).
BYLINE_MAX = 40
#: What a byline shows: names set apart by a space, or a label and a colon. Example: 县融媒体中心 某某县发布.
BYLINE = re.compile(r"\S\s+\S|[:：]")


def inner_headings(paras: list[Para]) -> int:
    """Heading lines after the first paragraph that stand over running text: an article has none.
    (Credit lines, facts lines, attachments and signatures are no headings.)"""
    count = 0
    for k, (p, q) in enumerate(zip(paras[1:], paras[2:])):
        t = p.text
        if k == 0 and width(t) <= BYLINE_MAX and BYLINE.search(t.strip()):
            continue  # the line right under the title: its byline (县融媒体中心 某某县发布), no heading
        if _is_heading(p) and SENTENCE_MARK.search(q.text) and not P.WEB_META.match(t) \
                and not attachment(t) and not _bare_unit_line(t) and width(t) > 4:
            count += 1
    return count
