"""The ``outline`` layout: 一、 > （一） > 1. > 一是 numbering, often run on inside one paragraph; a body
of rules' 第一编 > 第一章 > 第一节 > 第一条 above it.
"""

from __future__ import annotations

import re

from .. import regexcache
from ..lexicon.patterns import CJK, CN_DIGITS, SELF_UNIT, P, Regex, alternation, pattern, scan
from ..numerals import cn_to_int
from .common import SENTENCE_MARK, Draft, Para, Parsed, add_note, table_row
from .entries import entry_start
from .headlines import _lead_sentence

#: Circled numbers, a list's lowest level. Example: ① of ①就业方面。
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
#: Numbers in brackets set as one character, read as the bracketed digits they stand for. Example: ⑴ as (1).
PARENTHESIZED = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
#: An outline number of any level, with its numeral in a named group. Example: （三） → level 2, 3.
OUTLINE_MARK = Regex(
    rf"(?P<lpt>第(?P<npt>[{CN_DIGITS}\d]{{1,4}})(?:编|篇|部分))|(?P<lch>第(?P<nch>[{CN_DIGITS}\d]{{1,4}})章)|"
    rf"(?P<lse>第(?P<nse>[{CN_DIGITS}\d]{{1,4}})节)|(?P<lar>第(?P<nar>[{CN_DIGITS}\d]{{1,4}})条)|"
    rf"(?P<l2>[（(](?P<n2>[{CN_DIGITS}]{{1,3}})[）)])|(?P<l3b>[（(](?P<n3b>\d{{1,2}})[）)])|(?P<l3c>(?P<n3c>[{PARENTHESIZED}]))|"
    rf"(?P<l1>(?P<n1>[{CN_DIGITS}]{{1,3}})(?:、|[.．](?![\d.．])))|(?P<l3>(?<![\d.．])(?P<n3>\d{{1,2}})[.．、](?![\d．.]))|"
    rf"(?P<l3p>(?<![\d.．])(?P<n3p>\d{{1,2}})[）)])|(?P<l5>(?P<n5>[{CIRCLED}]))|"
    rf"(?P<l4>(?<![{CN_DIGITS}第])(?P<n4>[{CN_DIGITS}]{{1,2}})是)|(?P<l4d>第(?P<n4d>[{CN_DIGITS}]{{1,2}})[，,、])"
)


#: Each kind of outline number: its level and the group of its numeral.
OUTLINE_LEVELS = {"lpt": (-2, "npt"), "lch": (-1, "nch"), "lse": (0, "nse"), "lar": (1, "nar"),
                  "l1": (1, "n1"), "l2": (2, "n2"), "l3": (3, "n3"), "l3b": (3, "n3b"), "l3c": (3, "n3c"), "l3p": (3, "n3p"),
                  "l4": (4, "n4"), "l4d": (4, "n4d"), "l5": (5, "n5")}
#: The kinds that number a body of rules: 第一编 (部分, 篇), 第一章, 第一节, 第一条.
RULES_KINDS = frozenset({"lpt", "lch", "lse", "lar"})
#: How the outline feature (:func:`~bulletin_cli.split.features.outline`) names the kinds the
#: role model has no weights of its own for: 1） as 1.; ① as no number, as the model was fitted
#: (a bulletin's ①县人社局举办… items are labelled items, not an outline's points).
FEATURE_KIND = {"l3p": "l3", "l3c": "l3b", "l5": None}


def mark_number(m: re.Match[str]) -> int | None:
    """The number an outline mark (:data:`OUTLINE_MARK`) gives. Example: 3 of （三）, ③ and ⑶."""
    kind = m.lastgroup
    value = m.group(OUTLINE_LEVELS[kind][1])
    if kind == "l5":
        return CIRCLED.index(value) + 1
    if kind == "l3c":
        return PARENTHESIZED.index(value) + 1
    return cn_to_int(value)


#: Every character an outline number can start with, for :func:`~bulletin_cli.lexicon.patterns.scan`. Example: （ of （三）.
OUTLINE_START = Regex(rf"[（(\d{CN_DIGITS}第{CIRCLED}{PARENTHESIZED}]")


BOUNDARY_BEFORE = set("。；！？：:;!? \u3000”")


#: Second-level outline numbers, counted to tell an outline. Example: （二）.
OUTLINE_L2 = Regex(rf"[（(][{CN_DIGITS}]{{1,3}}[）)]")


#: 一是 … 二是 … run-in points, counted to tell an outline. Example: 一是 in 。一是强化调度.
#: (The character before the point first, the start of a line last: what the engine scans for fastest.)
OUTLINE_L4 = Regex(rf"[。；\s{CJK}][{CN_DIGITS}]{{1,2}}是|^[{CN_DIGITS}]{{1,2}}是", re.M)


#: A heading longer than this (characters, to its first full stop) may run into its text.
RUN_ON_LONGER = 30
#: The longest heading found inside a run-on: its text starts within this many characters.
RUN_ON_WITHIN = 40
#: Where a point's text starts, run on from its heading: a year opening a clause.
#: Example: 2022年旅游文体工作总结|2022年，区旅游文体局…, 2023年工作计划|2023年是….
RUN_ON_START = Regex(r"[12]\d{3}年(?:[，,]|是|以来|上半年|下半年|全年)")


@pattern
def RUN_ON_OPENER(f: dict) -> re.Pattern[str]:
    """Words that open a point's text run on from its heading (forms.yaml ``heading_run_on``), or
    the county or office speaking of itself. Example: 全力 of 做实重点项目全力推动…, 我旗 of …情况我旗…."""
    return regexcache.compile(rf"{alternation(f['heading_run_on'])}|{SELF_UNIT}(?=[{CJK}])")


@pattern
def RUN_ON_ENDING(f: dict) -> re.Pattern[str]:
    """A heading's last word followed straight by its text (forms.yaml ``heading_endings``).
    Example: 问题 of 存在问题在取得成绩的同时，…."""
    return regexcache.compile(rf"(?:{alternation(f['heading_endings'])})(?=[{CJK}])")


#: In a body of rules (…工作制度, …管理办法), a clause under a rule has a heading of its own only
#: when it is this short (characters): （一）工作职责。…; longer, it is a provision.
RULE_HEADING_MAX = 12
#: A first sentence longer than this, or with more clauses, is a clause's text, not its heading.
HEADING_SENTENCE_MAX, HEADING_CLAUSES_MAX = 40, 3


def _heading_sentence(text: str) -> bool:
    """A point's first sentence that is its heading: short, of few clauses. Example: 重点项目有序开展;
    not 岗位责任制是本办落实依法行政，依法履行职责，转变机关作风，提高办事效率的基本制度."""
    return len(text) <= HEADING_SENTENCE_MAX and len(re.findall(r"[，,；;]", text)) < HEADING_CLAUSES_MAX


def run_on_heading(text: str) -> int | None:
    """Where a heading that runs into its text with no stop ends, or None.

    >>> t = "实施“龙头项目建设年”行动，做实重点项目全力推动海峡梦之城、国际汽车文体科创园建设，完成投资10亿元"
    >>> t[:run_on_heading(t)]
    '实施“龙头项目建设年”行动，做实重点项目'
    >>> t = "2022年旅游文体工作总结2022年，区旅游文体局坚持以习近平新时代中国特色社会主义思想为指导，深入学习"
    >>> t[:run_on_heading(t)]
    '2022年旅游文体工作总结'
    """
    for m in RUN_ON_START.finditer(text, 4, RUN_ON_WITHIN + 8):
        if m.start() <= RUN_ON_WITHIN:
            return m.start()
    cuts = []
    for m in P.RUN_ON_OPENER.finditer(text, 6, RUN_ON_WITHIN + 8):
        head = text[:m.start()]
        if m.start() <= RUN_ON_WITHIN and head.count("，") + head.count(",") <= 2:
            cuts.append(m.start())
            break
    if (m := P.RUN_ON_ENDING.search(text, 2, RUN_ON_WITHIN)) and not re.search(r"[，,；;：:]", text[:m.end()]):
        cuts.append(m.end())
    if cuts:
        return min(cuts)  # the earlier of the two: …开展情况|持续深入开展…, not …情况持续|深入开展…
    return None


def ending_then_opener(text: str) -> int | None:
    """Where a short heading ends that runs into its text: a heading's last word, then a word
    that opens a text, with no stop before. Example: 2023年工作回顾|今年是全面贯彻…开局之年; not
    存在问题及原因 (及 opens no text)."""
    m = P.RUN_ON_ENDING.search(text, 2, RUN_ON_WITHIN)
    if m and not re.search(r"[，,；;：:]", text[:m.end()]) and (
            P.RUN_ON_OPENER.match(text, m.end()) or RUN_ON_START.match(text, m.end())):
        return m.end()
    return None


def opening_mark(text: str) -> re.Match[str] | None:
    """The outline number a paragraph opens with, its kind the match's ``lastgroup`` (``l1`` for 一、,
    ``l4`` for 一是, ``lar`` for 第一条, …), or None. Example: 2. of 2.壮大村级集体经济。…."""
    return OUTLINE_MARK.match(text.lstrip())


def _outline_marks(text: str) -> list[tuple[int, int, int, int, str]]:
    """Candidate outline markers in a paragraph: (start, end, level, number, marker)."""
    out = []
    for m in scan(OUTLINE_MARK, OUTLINE_START, text):
        level, num = OUTLINE_LEVELS[m.lastgroup]
        n = mark_number(m)
        if n:
            out.append((m.start(), m.end(), level, n, m.group(m.lastgroup)))
    return out


#: A list run on inside the text (its line breaks lost) has at least this many points, each
#: this many characters at least and at most from the one before, and this many glued to the
#: text before them with no stop.
CHAIN_MIN, CHAIN_GAP, CHAIN_GLUED = 3, (2, 300), 2


#: A number glued to the word before it, as a run-on list's points are. Example: 内容1、 of 主要内容1、乡(镇)….
GLUED_MARK = Regex(rf"(?<=[^。；！？：:;!?\s”\d.．])[\d{CN_DIGITS}]{{1,2}}[、.．](?![\d．.])")


def run_on_chains(text: str, marks: list[tuple[int, int, int, int, str]] | None = None,
                  glued_min: int = CHAIN_GLUED) -> set[int]:
    """Where the points of a numbered list run on inside ``text`` start: a run of one kind of
    number counting up from 1 with text between, most glued to the words before them. The points
    of a list whose line breaks were lost, not numbers in a sentence (第1、2、3条). ``glued_min=0``
    finds the lists of a text known to have lost its breaks, each point after a full stop.

    >>> t = "以供参考概况主要内容1、乡(镇)辖行政村个数2、总面积(平方千米)3、总人口(万人)及人口自然增长率"
    >>> [t[k:k + 2] for k in sorted(run_on_chains(t))]
    ['1、', '2、', '3、']
    >>> run_on_chains("按第1、2、3条办理，共1、2年。")
    set()
    """
    if glued_min and len(GLUED_MARK.findall(text)) < glued_min:
        return set()  # (too few numbers glued to words for a run-on list: no need to scan)
    marks = _outline_marks(text) if marks is None else marks
    open_chains: dict[tuple[int, str], list[tuple[int, int, int]]] = {}
    found: set[int] = set()

    def close(chain: list[tuple[int, int, int]]) -> None:
        glued = sum(1 for start, _, _ in chain if start and text[start - 1] not in BOUNDARY_BEFORE)
        if len(chain) >= CHAIN_MIN and glued >= glued_min:
            found.update(start for start, _, _ in chain)

    for start, end, level, num, marker in marks:
        kind = (level, re.sub(rf"[\d{CN_DIGITS}]", "", marker))
        chain = open_chains.get(kind)
        if chain and num == chain[-1][2] + 1 and CHAIN_GAP[0] <= start - chain[-1][1] <= CHAIN_GAP[1]:
            chain.append((start, end, num))
        elif num == 1:
            if chain:
                close(chain)
            open_chains[kind] = [(start, end, num)]
    for chain in open_chains.values():
        close(chain)
    return found


#: A yearbook entry in an outline's paragraph, perhaps under a short heading on the same line:
#: heading, entry name, text. Example: 范文XX乡（镇）|概况|XX乡（镇）位于张北县XX部，….
#: Where a point's heading run into its text ends: its first full stop, colon or semicolon (GOLD.md).
#: Example: ： of （一）工作目标：到2025年，…; 。 of （二）强化资金保障。县财政….
HEADING_END = Regex(r"[。：；]")
#: The longest heading without a number, in characters, up to its first stop.
UNNUMBERED_MAX = 40


def _unnumbered_heading(text: str) -> str | None:
    """The heading a paragraph without a number opens with: the line, or its first sentence run into
    the text after it. Example: 内需拉动明显增强 of 内需拉动明显增强。组织开展扩大有效投资…."""
    m = SENTENCE_MARK.search(text)
    head = text[:m.start()].strip() if m else text.strip()
    if not 2 <= len(head) <= UNNUMBERED_MAX or HEAD_CLAUSE.search(head):
        return None  # (a first sentence of clauses is the text itself: 发布《病虫害简报》2期，粮食总产6.5亿斤。)
    return head


#: What separates the clauses of a sentence, which a heading without a number has none of.
HEAD_CLAUSE = Regex(r"[，,；;：:]")


ENTRY_WITHIN = Regex(r"^([^【】。，；！？\s]{2,20})?\s*【\s*([^【】\s]{2,12})\s*】\s*(\S.*)$", re.S)


#: What follows an article's number where the text cites it, not opens it. Example: 第二十条第（一）项,
#: 第十一条规定, 第五条的.
CITED_AFTER = frozenset("第规的之款项所")
#: A caption in brackets opening an article of rules. Example: （工作原则） of 第三条（工作原则）乡村公益性岗位….
ARTICLE_CAPTION = Regex(rf"^\s*[（(【\[]\s*([{CJK}、]{{2,12}})\s*[）)】\]]\s*")


def _running(text: str) -> bool:
    """Running text (see :func:`~bulletin_cli.split.features.running_text`), read as a heading by the
    model: 全年规模以上工业增加值比上年增长8.3%。分经济类型看，… under the subhead 工业."""
    from .features import running_text  # (features reads this module's marks)

    return running_text(text)


def parse_outline(paras: list[Para], parsed: Parsed, roles: list[str] | None = None) -> None:
    """Nodes of 一、 > （一） > 1. > 一是 numbering; lower levels may run on inside a paragraph. With
    ``roles``, a paragraph read as a heading that has no number is a heading too, one level under
    the numbered one above it: 生态底色更加亮丽。 under 一、2025年工作回顾."""
    stack: list[tuple[int, int, Draft]] = []  # open nodes: (level, number, draft)
    rules = bool(P.RULES_TITLE.search(parsed.masthead.get("title") or ""))
    for k, p in enumerate(paras):
        text = p.text
        nodes: list[Draft] = []
        marks = _outline_marks(text)
        last = parsed.items[-1] if parsed.items else None
        under = last is not None and last.level is not None and not last.body and last.headline
        if roles is not None and roles[k] == "heading" and not (marks and marks[0][0] == 0) \
                and (head := _unnumbered_heading(text)) is not None \
                and not (under and len(text.strip(" 。")) > len(head)) \
                and (len(text.strip(" 。")) > len(head) or (k + 1 < len(paras) and (
                    roles[k + 1] == "body" or (roles[k + 1] == "heading" and _running(paras[k + 1].text))))):
            # (text run on under a heading is its body; a head on its own line stands over text)
            d = Draft(p.start, p.end, level=(stack[-1][0] + 1) if stack else 1, parent=stack[-1][2] if stack else None)
            d.headline, d.body = head, text[len(head):].lstrip("。！？：:；; ").strip()
            parsed.items.append(d)  # (a leaf: numbered points after it stay under the numbered heading)
            continue
        if table_row(text):
            marks = []  # (一、本年新收政府信息公开申请数量	3	0	0: a table's row, its label no heading)
        marks = [m for m in marks if not (m[4].endswith("条") and text[m[1]:m[1] + 1] in CITED_AFTER)]
        chained = run_on_chains(text, marks) if len(marks) >= CHAIN_MIN else set()
        for start, end, level, num, marker in marks:
            boundary = start == 0 or text[start - 1] in BOUNDARY_BEFORE or start in chained
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
        if first == p.end and last is not None and last.level is not None and not last.body and last.headline:
            # the body of a point whose heading stood on a line of its own: （一）经济运行稳中向好 ⏎ 预计全年…
            last.body, last.end = text.strip(), p.end
            continue
        if first > p.start:
            chunk = text[: first - p.start].strip()
            d = Draft(p.start, first)
            entry = ENTRY_WITHIN.match(chunk)
            if entry and entry_start(chunk[chunk.index("【"):]):  # 范文XX乡（镇）【概况】 XX乡（镇）位于…: an entry under its heading
                d.section, d.headline, d.body = entry.group(1) or None, entry.group(2).strip(), entry.group(3).strip()
            else:
                lead = _lead_sentence(chunk)
                d.headline, d.body = lead if lead else (None, chunk)
            if d.headline is None and not d.section and stack and last is not None and last.level is not None \
                    and last.start < p.start:
                # a paragraph (or its words before the points run into it) with no number and no lead of
                # its own, under a numbered point, goes on with that point's text (牵头领导：… under
                # 1.推进古村落保护利用。…; 全年粮食播种面积…。一是… under （一）粮食生产稳中有增)
                last.body, last.end = (last.body + "\n" + chunk).strip(), first
            elif d.headline is None and not d.section and not stack:
                # text over the first heading, no heading of its own (2025年是…的关键一年。为…，特制定本要点。):
                # the outline's opening, no item (GOLD.md: every heading an item), kept as the document's note
                add_note(parsed, chunk)
            else:
                parsed.items.append(d)
        for d in nodes:
            chunk = text[d.mark_end - p.start: d.end - p.start]
            stop = SENTENCE_MARK.search(chunk)
            m = stop if rules else HEADING_END.search(chunk)  # (a rule's provision runs to its full stop)
            heading, body = (chunk[: m.start()], chunk[m.end():]) if m else (chunk, "")
            sentence = chunk[: stop.start()] if stop else chunk
            if not rules and not d.number.endswith("条") and len(sentence) > RUN_ON_LONGER \
                    and (cut := run_on_heading(sentence)) and cut < len(heading):
                heading, body = sentence[:cut], chunk[cut:]  # 2023年工作思路|总体要求：以…: a break lost before the colon
            elif d.number.endswith("条") and (caption := ARTICLE_CAPTION.match(chunk)):
                heading, body = caption.group(1), chunk[caption.end():]  # 第三条（工作原则）…: the article's caption
            elif d.number.endswith("条") and m:
                heading, body = "", chunk  # 第五条 本制度自印发之日起施行。: an article of rules is a provision
            elif rules and d.level >= 2 and len(heading) > RULE_HEADING_MAX:
                heading, body = "", chunk  # （三）当某一岗位责任人因事离岗，…。: a provision, no heading of its own
            elif (len(heading) > RUN_ON_LONGER and (cut := run_on_heading(heading))) or (cut := ending_then_opener(heading)):
                heading, body = heading[:cut], chunk[cut:]  # 2022年工作总结|今年来，… : no stop between them
            elif m and rules and not _heading_sentence(heading):
                heading, body = "", chunk  # （一）岗位责任制是本办落实依法行政，…。: a clause, no heading of its own
            d.headline = heading.strip().rstrip("，,；;：: ") or None
            d.body = body.strip()
            parsed.items.append(d)
