"""The ``bulletin`` layout: 【section】 lines, items ``headline body（unit）``, masthead and footer.
"""

from __future__ import annotations

from ..lexicon.patterns import (
    CJK,
    NOTICE_ENDING,
    SECTION_BRACKET,
    SELF_UNIT,
    SUBTITLE,
    P,
    Regex,
    page_title,
    width,
)
from .common import (
    RUN_IN_NUMBER,
    SECTION_NUMBERED,
    SENTENCE_MARK,
    TITLE_REST_WIDTH,
    Draft,
    Para,
    Parsed,
    file_credits,
    table_row,
)
from .credits import (
    LEADING_UNIT,
    UNIT_COLON,
    _all_units,
    _attribution,
    _unit_colon,
    _unit_label,
    _unit_tokens,
    credit_line,
    labelled_credits,
    writer_fields,
)
from .features import credit_form, credits_no_one, heads_item, running_text, text_feature, text_row
from .footer import PRINTED, opens_footer, parse_footer
from .headlines import (
    DATELINE,
    _symbol_section,
    brief_section,
    briefs_under,
    split_headline,
)
from .masthead import parse_date, parse_issue, parse_masthead
from .outline import opening_mark


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
    if issue := ISSUE_PREFIX.match(content):
        content = content[issue.end():]  # 〔2019〕第4期 run into the first item: the masthead's, not its headline
    content = _unit_label(d, content)  # 【县发改局】全力推进…: the unit as a label, not headline text
    if not d.units and (colon := _unit_colon(content)):
        d.units = [colon]  # 县人社局：开展春风行动。… names its unit before the colon
    d.headline, d.body, d.headline_inferred = split_headline(content)
    d.body = d.body.strip()
    if d.headline and DATELINE.match(d.body) and (m := SECTION_PREFIX.match(d.headline) or (
            section is not None and P.GENERIC_SECTION_PREFIX.match(d.headline))) and len(d.headline) - m.end() >= 8:
        # 党建工作我局召开2019年第2次党组（扩大）会议: a section's name run into the headline after it
        d.section, d.headline = m.group(1), d.headline[m.end():]
    return d


#: An issue number run into the text after it. Example: 〔2019〕第4期 of 〔2019〕第4期 民生补短板我局召开….
ISSUE_PREFIX = Regex(r"^[〔\[［(（]\d{4}[〕\]］)）]\s*第\s*\d{1,3}\s*期\s*")


#: A section's name run into the headline it stands over, which opens with the unit speaking of
#: itself. Example: 党建工作|我局召开…, 民生补短板|我区召开….
SECTION_PREFIX = Regex(rf"^([{CJK}]{{2,6}}?)(?={SELF_UNIT})")


#: A section's name in brackets opening a paragraph, its first item after a space on the same
#: line (the line break between them lost). Example: 【项目建设】 县开发区全力推进“60·80”项目建设….
SECTION_RUN_IN = Regex(r"^[【〖]\s*([^【】〖〗\s]{2,10})\s*[】〗][ \u3000]*(?=\S)")


def _section_run_in(p: Para) -> tuple[str, Para] | None:
    """(the section's name, the item's paragraph) of a paragraph a section's name opens, the item
    (``headline body``, a bullet or a number) run on after it; None otherwise. A unit's label
    (【县住建局】 …) and a field label (【成文日期】…) open no section."""
    m = SECTION_RUN_IN.match(p.text)
    if m is None or P.FIELD_LABEL.match(p.text) or P.UNIT_SUFFIX.search(m.group(1)):
        return None
    rest = Para(p.start + m.end(), p.end, p.text[m.end():])
    return (m.group(1), rest) if _starts_item(rest) else None


def _extend_item(d: Draft, p: Para) -> None:
    """Add a continuation paragraph (or a closing attribution line) to ``d``. The first paragraph
    under a headline may open with its unit, as a label or before a colon: the story's credit, not
    its text (松材线虫病疫木除治… ⏎ 兴安县林业局：今年以来，我局…, 【崔家乡】崔家乡种植…)."""
    d.end = p.end
    att = _attribution(p.text)
    text = p.text
    if att:
        text, d.units, d.reporters, d.closed = p.text[: att[0]].rstrip(), att[1], att[2], True
    if not d.body and d.headline and text:
        if (label := LEADING_UNIT.match(text)) and (units := _label_units(label.group(1))):
            d.units, text = d.units or units, text[label.end():].lstrip()
        elif unit := _unit_colon(text):
            d.units, text = d.units or [unit], text[UNIT_COLON.match(text).end():].lstrip()
    if text:
        d.body = (d.body + "\n" + text).strip()


def _starts_item(p: Para) -> bool:
    """A paragraph that opens an item: bullet, run-in number, or ``headline body`` with a space."""
    if P.BULLET.match(p.text) or RUN_IN_NUMBER.match(p.text):
        return True
    head, _, inferred = split_headline(p.text)
    return head is not None and not inferred and " " in p.text[:90]


# --- an issue read by its paragraphs' roles ---------------------------------------------------------

#: Roles of the lines at the top of an issue.
TOP_ROLES = frozenset({"title", "masthead", "facts"})


def _section_name(text: str) -> str:
    """A section's name without its brackets, symbols or number. Example: 【民生保障】 → 民生保障,
    ■ 工作动态 → 工作动态, 一、工作动态 → 工作动态."""
    for m in (SECTION_BRACKET.match(text), _symbol_section(text), SECTION_NUMBERED.match(text)):
        if m:
            return m.group(1).strip()
    return text.strip()


def _headline_draft(p: Para, section: str | None) -> Draft:
    """An item opened by a headline on a line of its own (its bullet, number and unit's label
    taken off). Example: ◆【县发改委】全力推进项目建设 → headline 全力推进项目建设, units [县发改委]."""
    d = Draft(p.start, p.end, section=section)
    content = P.BULLET.sub("", p.text)
    if num := RUN_IN_NUMBER.match(content):
        d.number, content = num.group(1), content[num.end():]
    if (sec := SECTION_BRACKET.match(content)) and not P.FIELD_LABEL.match(content):
        content = sec.group(1)  # 【县住建局扎实推进老旧小区改造】 over its paragraph: a headline in brackets
    content = _unit_label(d, content)
    if not d.units and (colon := _unit_colon(content)):
        d.units = [colon]
    d.head_units = bool(d.units)
    d.headline = content.strip() or None
    return d


def _credit(d: Draft, text: str) -> bool:
    """Give ``d`` the unit or persons a credit line names; False when the line names none."""
    units, persons, _, source = credit_line(text)
    if not (units or persons or source):
        return False
    d.units = units or d.units or ([source] if source else [])
    d.head_units = d.head_units and not (units or source)
    d.reporters = persons or d.reporters
    return True


#: How many notices' titles in an issue make it an issue of notices.
NOTICES = 2


def _notice_titles(paras: list[Para]) -> list[list[int]]:
    """The titles of the notices an issue holds, each the lines it takes: 关于…的通报, or 关于…督查 ⏎ 情况的通报."""
    out = []
    for k, p in enumerate(paras):
        t = p.text.strip()
        if not P.DOCUMENT_TITLE.match(t) or SENTENCE_MARK.search(t) or width(t) > 80:
            continue
        if NOTICE_ENDING.search(t):
            out.append([k])
        elif k + 1 < len(paras) and NOTICE_ENDING.search(paras[k + 1].text.strip()) \
                and width(paras[k + 1].text) <= TITLE_REST_WIDTH and not SENTENCE_MARK.search(paras[k + 1].text):
            out.append([k, k + 1])
    return out


def _labelled_text(row: dict, previous: str, current: Draft) -> bool:
    """A paragraph opening with a unit's label right under a headline that has no text yet: the
    story's text, its label the unit (苏庄镇开展“护鸟护林”志愿服务 ⏎ 【苏庄镇】6月以来，…)."""
    return previous == "headline" and not current.body and row["bracket_lead"] == "unit" \
        and not (row["headline_space"] or row["bullet"] or row["outline"])


def _lexicon_roles(paras: list[Para], roles: list[str]) -> list[str]:
    """What the lexicon knows for certain over what the model read: a date alone is no section
    (it is the masthead's), a line in a section's form over the first story is a section, not the
    masthead's last line, and a line opening with a footer's label after the last item is the
    footer (抄送：…, 本期发：…), whatever else it holds or the model read it as (报：市政府办公室 read as a
    section) — the last item being the last that does not itself open with such a label."""
    out = list(roles)
    last = max((k for k, r in enumerate(roles) if r in ("headline", "item") and not opens_footer(paras[k].text)),
               default=len(roles))
    for k, (p, r) in enumerate(zip(paras, roles)):
        if r == "section" and parse_date(p.text) and width(p.text) <= 30 and not SENTENCE_MARK.search(p.text):
            out[k] = "masthead"
        elif r == "masthead" and k + 1 < len(roles) and roles[k + 1] in ("headline", "item") \
                and (text_feature(p.text, "section") in ("bracket", "symbol")
                     or P.GENERIC_SECTION.match("".join(p.text.split()))) and not parse_date(p.text) \
                and not text_feature(p.text, "masthead_mark"):  # (not 【内部资料 注意保存】)
            out[k] = "section"  # ★乡镇动态★, 工 作 动 态 under the masthead's lines, over the first story: the first section
        elif k > last and r in ("body", "item", "credit", "section", "headline", "masthead", "signature") \
                and (opens_footer(p.text) or (PRINTED.match(p.text) and k > 0 and out[k - 1] == "footer")):
            out[k] = "footer"  # (县委办公室 2024年3月5日印发 under the footer's lists: its printing line)
    for k in range(len(out) - 1):  # the distribution list goes on onto the next lines
        if out[k] == "footer" and k + 1 < len(out) and out[k + 1] in ("body", "item") and k + 1 > last \
                and not SENTENCE_MARK.search(paras[k + 1].text[:-1]):
            out[k + 1] = "footer"
    return out


def _contents_end(paras: list[Para], roles: list[str], top: int) -> int:
    """Where the masthead ends, with its table of contents: under 本期要目 at the top, the entries
    that name a headline printed again below (1.我县召开乡村振兴推进会 ⏎ 2.东屯镇发展…) are the
    contents, whatever the model read them as, not a section or a story's first headline line."""
    heading = next((k for k, p in enumerate(paras[:top]) if P.CONTENTS_HEADING.match(p.text)), None)
    if heading is None:
        return top
    listed: list[str] = []
    for j in range(heading + 1, top):  # (the first story's headline read as a masthead line, the contents
        entry = "".join(_entry_text(paras[j].text).split())  # printed again: the
        if entry and any(entry.startswith(e) or e.startswith(entry) for e in listed if len(e) >= 4):  # stories begin
            roles[j] = "headline"
            return j
        listed.append(entry)
        if (labelled := CONTENTS_LABEL.match(entry)) and len(entry) - labelled.end() >= 4:
            listed.append(entry[labelled.end():])  # (县茶业发展中心：做优茶产业 做强茶经济, the headline without its label)
    end = top
    while end < len(paras):
        entry = _entry_text(paras[end].text)
        if len(entry) < 4 or SENTENCE_MARK.search(entry) \
                or not any(q.text.strip().startswith(entry) for q in paras[end + 1:]):
            break
        end += 1
    return end


#: The unit or column a contents entry names before its headline. Example: 县茶业发展中心： of
#: 县茶业发展中心：做优茶产业 做强茶经济.
CONTENTS_LABEL = Regex(r"^[^：:，。]{2,12}[：:]")


#: How many bracketed sections show that an issue brackets its sections.
BRACKETED_SECTIONS = 2


def _bracketed(p: Para) -> bool:
    """A section's name in brackets, on its own or run into its first item: 【民生保障】."""
    return bool(SECTION_BRACKET.match(p.text) or SECTION_RUN_IN.match(p.text))


#: The widest a section's name set over a story's headline is (characters counted by width).
SECTION_WIDTH = 16


#: A line of Latin letters alone, a section's or title's name in another language. Example: WORK NEWS.
LATIN_LINE = Regex(r"^\s*[A-Za-z][A-Za-z &'·.-]{2,40}\s*$")


def _entry_text(text: str) -> str:
    """A list entry's words without its mark or number: ◇县政府召开… → 县政府召开…, 1.我县召开… → 我县召开…."""
    return RUN_IN_NUMBER.sub("", P.BULLET.sub("", text)).strip()


def _run_in_point(text: str) -> bool:
    """It opens with a point of a list run in (一是走访慰问精准扶贫户、困难户。…)."""
    return (m := opening_mark(text)) is not None and m.lastgroup == "l4"


def _label_units(label: str) -> list[str] | None:
    """The units a bracketed label names, and nothing else (县委人才办, 永兴镇), or None (基层党建, a column)."""
    found = _unit_tokens(label)
    return found[0] if found and found[0] and _all_units(found[0]) and not found[1] else None


def _bracketed_units(text: str) -> list[str] | None:
    """The units a line names alone in brackets (【永兴镇】, 【县委人才办】), or None (【基层党建】 names a column)."""
    t = text.strip()
    return _label_units(t[1:-1]) if t[:1] in "【[［" and t[-1:] in "】]］" and len(t) > 3 else None


def _labelled_headline(text: str) -> bool:
    """A headline opened by its unit's name in brackets, no sentence in it: 【水磨镇】依托灾后重建成果打造…."""
    label = LEADING_UNIT.match(text)
    return label is not None and width(text) - width(label.group(0)) >= 12 and not SENTENCE_MARK.search(text) \
        and _label_units(label.group(1)) is not None


def _byline(text: str) -> bool:
    """Reporters credited by their labels, no unit named, no sentence: 本报记者　汪晓峰　通讯员　俞建华, 通讯员　李娜."""
    return width(text) <= BYLINE_WIDTH and not SENTENCE_MARK.search(text) and bool(P.REPORTER.search(text)) \
        and not credit_line(text)[0]


#: The widest a reporters' byline is (display columns).
BYLINE_WIDTH = 40


def _story_above(paras: list[Para], roles: list[str]) -> bool:
    """Lines read as the masthead's that are the opening of a story: plain short lines, a
    section's name and a headline, at most two, nothing the masthead is made of."""
    return len(paras) <= 2 and all(r == "masthead" and (_plain_line(p) or (k == 0 < len(paras) - 1 and _marked_section(p)))
                                   and not P.CONTENTS_HEADING.match(p.text)
                                   and not P.EDITOR_NOTE.match(p.text) and not SET_APART.search(p.text)
                                   for k, (p, r) in enumerate(zip(paras, roles)))


def _marked_section(p: Para) -> bool:
    """A section's name in its marks, short: ★共同富裕★, 【民生保障】."""
    return width(p.text) <= SECTION_WIDTH + 4 and (_bracketed(p) or bool(_symbol_section(p.text)))


#: A line set out in parts by wide gaps, as a masthead's are (第02版　综合新闻　　　责任编辑：程丽), never a
#: headline's.
SET_APART = Regex(r"\S(?:\s{3,}|\u3000{2,})\S")


def _plain_line(p: Para) -> bool:
    """A short line with no section's mark: no brackets, symbol or number."""
    return not _bracketed(p) and not _symbol_section(p.text) and not SECTION_NUMBERED.match(p.text) \
        and width(p.text) <= 60 and not SENTENCE_MARK.search(p.text)


def _sections_alike(paras: list[Para], roles: list[str]) -> list[str]:
    """An issue's sections are set alike: where it brackets them (【民生保障】, twice or more), a
    plain line read as a section is a story's headline (县医疗保障局构建“全民医保”打造民生“兜底线”);
    and a section's name with no mark is short (工作动态, 民生补短板): a plain line wider than that
    is a headline (我局党组召开2019年第3次理论学习)."""
    bracketed = sum(1 for p, r in zip(paras, roles) if r == "section" and _bracketed(p)) >= BRACKETED_SECTIONS
    return [("headline" if r == "section" and _plain_line(p)
             and (bracketed or width(p.text) > SECTION_WIDTH or _heads_one_story(paras, roles, k)) else r)
            for k, (p, r) in enumerate(zip(paras, roles))]


def _heads_one_story(paras: list[Para], roles: list[str], k: int) -> bool:
    """A plain line read as a section over one story that has no headline, the next story opened
    by a headline: that story's headline, not a section (乡镇开展防汛演练 ⏎ 6月1日，石桥镇… ⏎
    ——石桥镇 ⏎ 县教育局部署中考安全工作)."""
    if k + 1 >= len(roles) or roles[k + 1] != "item":
        return False
    after = next((r for p, r in zip(paras[k + 2:], roles[k + 2:])
                  if r not in ("body", "credit", "caption") and not credit_form(p.text)), None)
    return after == "headline"


def _roles_by_form(paras: list[Para], roles: list[str]) -> tuple[list[str], set[int]]:
    """What an issue's lines are by their form, whatever the model read: run-in numbers and sections,
    running text and credits read as the footer, a table's rows, contents whose heading was page
    chrome, headlines read as items, points run in, labelled headlines, bylines, a section's name in
    another language. The roles, and the lines that are the contents' entries."""
    roles = list(roles)
    # an issue's number run into its first item, the line breaks lost: 〔2019〕第3期 民生补短板我区召开…。
    roles = [("item" if r == "masthead" and ISSUE_PREFIX.match(p.text) and width(p.text) > 60
              and SENTENCE_MARK.search(p.text) else r) for p, r in zip(paras, roles)]
    # a section's name run into the item after it (the break between them lost), whatever the model
    # read it as: 【防汛备汛】 县应急管理局扎实开展汛前装备物资点验 派出6个检查组…。
    roles = [("section" if r in ("masthead", "item", "headline") and width(p.text) > 60 and SENTENCE_MARK.search(p.text)
              and _section_run_in(p) else r) for p, r in zip(paras, roles)]
    # a paragraph of running text read as the footer, no footer's label opening it, is an item: the
    # footer is labelled lists and names (段村镇完成农村供水管网改造工程，新铺设供水管道18.6公里，…。)
    roles = [("item" if r == "footer" and running_text(p.text) and not opens_footer(p.text) else r)
             for p, r in zip(paras, roles)]
    # and a unit's credit under the last story, read as the footer's first line (县农业农村局供稿 over 抄报：…)
    # (or over the next story's text: 来源：县农业农村局 ⏎ 当前正值…)
    roles = [("credit" if r == "footer" and credit_form(p.text) and not opens_footer(p.text) and (
              (k > 0 and roles[k - 1] in ("body", "item")) or (k + 1 < len(roles) and roles[k + 1] == "body"))
              else r) for k, (p, r) in enumerate(zip(paras, roles))]
    for k in range(len(roles) - 2, -1, -1):  # and the unlabelled lines right over such a paragraph, its headline
        if roles[k] == "footer" and (roles[k + 1] in ("item", "headline") or (
                roles[k + 1] == "credit" and k + 2 < len(roles) and roles[k + 2] == "body")) \
                and not opens_footer(paras[k].text) \
                and not PRINTED.match(paras[k].text) and _plain_line(paras[k]):
            roles[k] = "headline"  # (秋口镇筑牢防汛“安全堤” ⏎ 通讯员　李娜 ⏎ 入汛以来，…)
            if roles[k + 1] == "item":
                roles[k + 1] = "body"
            elif k + 2 < len(roles) and roles[k + 2] == "item":
                roles[k + 2] = "body"
    # a table's rows, their cells set apart by tabs (景区名称	接待游客	同比增长), are a story's text, never a
    # headline or a section
    opened = next((k for k, r in enumerate(roles) if r in ("headline", "item", "section")), len(roles))
    roles = [("body" if r in ("headline", "section", "item", "masthead", "title") and table_row(p.text)
              and k > opened else r) for k, (p, r) in enumerate(zip(paras, roles))]
    # a unit's credit under a story read as a masthead's line, the stories begun: the story's credit
    roles = [("credit" if r in ("masthead", "title") and k > opened and credit_form(p.text) else r)
             for k, (p, r) in enumerate(zip(paras, roles))]
    # lines over the first story's text that are headlines printed again below, with a list's mark
    # (◇县政府召开2024年第12次常务会议): a table of contents whose heading was page chrome, the masthead's
    first_text = next((k for k, p in enumerate(paras) if running_text(p.text)), len(paras))
    listed = set()
    for k in range(first_text):
        entry = _entry_text(paras[k].text)
        if entry != paras[k].text.strip() and len(entry) >= 6 \
                and any(q.text.strip() == entry for q in paras[k + 1:]):
            roles[k] = "masthead"
            listed.add(k)
    # a section's name in its marks over briefs that open in time, read as a story's headline: the
    # section, and each brief an item (【部门动态】 ⏎ 3月2日，县农业农村局… ⏎ 3月5日，县人社局…)
    for k in range(len(roles)):
        if roles[k] in ("headline", "item", "title", "masthead") and brief_section(paras, k):
            roles[k] = "section"
            for j in range(k + 1, k + 1 + briefs_under(paras, k)):
                roles[j] = "item"
    # a plain line over a source's line over running text, whatever the model read them as: a story's
    # headline, its source and its text (开化龙顶春茶季实现产值8.6亿元 ⏎ 来源：县农业农村局 ⏎ 今年春茶季，…)
    for k in range(len(roles) - 2):
        if roles[k] in ("masthead", "credit", "item", "headline") and _plain_line(paras[k]) \
                and width(paras[k].text) > SECTION_WIDTH and credits_no_one(paras[k].text) \
                and text_feature(paras[k + 1].text, "credit") == "source" and P.SOURCE_LINE.match(paras[k + 1].text) \
                and running_text(paras[k + 2].text) and not opens_footer(paras[k + 2].text):
            roles[k], roles[k + 1] = "headline", "credit"
            if roles[k + 2] in ("item", "facts", "credit", "masthead", "headline"):
                roles[k + 2] = "body"
    # a headline set on two lines (the first with a gap in it), read as an item and the next: both the
    # headline over its story's text (县司法局打造“枫桥式”司法所 推动矛盾纠纷 ⏎ 就地化解率达98%以上 ⏎ 县司法局以…)
    for k in range(opened, len(roles) - 2):
        if (roles[k] in ("item", "headline") or (roles[k] == "masthead" and k > opened)) \
                and _plain_line(paras[k]) and " " in paras[k].text.strip() \
                and roles[k + 1] in ("item", "headline", "body", "section") and _plain_line(paras[k + 1]) \
                and width(paras[k + 1].text) <= TITLE_REST_WIDTH and credits_no_one(paras[k + 1].text) \
                and running_text(paras[k + 2].text):
            roles[k], roles[k + 1] = "headline", "headline"
            if roles[k + 2] in ("item", "headline"):
                roles[k + 2] = "body"
    # paragraphs opening with one bullet, two or more of them, read as text: briefs, each an item
    # (◆清溪镇近日完成… ⏎ ◆4月10日，银田镇举办… under 乡镇传真)
    marks = [m.group(0).strip() for p in paras[opened:] if (m := P.BULLET.match(p.text))]
    for k in range(opened, len(roles)):
        if roles[k] == "body" and (m := P.BULLET.match(paras[k].text)) and marks.count(m.group(0).strip()) >= 2 \
                and running_text(paras[k].text):
            roles[k] = "item"
    # an issue of notices (a 督查通报 of two 通报): each notice's title, 关于…的通报 on one line or two, is a
    # story's headline whatever it was read as, and the parts under it (一、… （一）… 1. …) its text
    notices = _notice_titles(paras)
    if len(notices) >= NOTICES:
        heads = {k for run in notices for k in run}
        for k in range(notices[0][0], len(roles)):
            if k in heads:
                roles[k] = "headline"
            elif roles[k] in ("section", "item", "headline", "title") and not opens_footer(paras[k].text):
                roles[k] = "body"
    # a short plain line read as an item over running text read as one too: a headline over its story
    for k in range(opened, len(roles) - 1):
        if roles[k] == "item" and roles[k + 1] in ("item", "body") and _plain_line(paras[k]) and "，" not in paras[k].text \
                and not _bracketed(paras[k]) and running_text(paras[k + 1].text) and not credit_form(paras[k].text) \
                and width(paras[k].text) > SECTION_WIDTH:
            roles[k], roles[k + 1] = "headline", "body"
    # a story's points run in as 一是… 二是… (a roundup's) are its text, never stories of their own
    roles = [("body" if r in ("headline", "item") and k > opened and _run_in_point(p.text) else r)
             for k, (p, r) in enumerate(zip(paras, roles))]
    # a unit's name in brackets opening a headline (【水磨镇】依托灾后重建成果打造…) read as a section: a headline,
    # its label the story's unit
    roles = [("headline" if r == "section" and _labelled_headline(p.text) else r) for p, r in zip(paras, roles)]
    # a reporters' byline (本报记者　汪晓峰　通讯员　俞建华) is a credit wherever it stands, never a headline;
    # a line read as a section over one, with text under it, is the story's headline
    roles = [("credit" if r in ("headline", "section", "item", "masthead") and _byline(p.text) else r)
             for p, r in zip(paras, roles)]
    roles = [("headline" if r == "section" and k + 2 < len(roles) and roles[k + 1] == "credit" and _byline(paras[k + 1].text)
              and roles[k + 2] in ("body", "item") else r) for k, (p, r) in enumerate(zip(paras, roles))]
    # a short line over a line of Latin letters alone (工作动态 ⏎ WORK NEWS) is a section's name and its
    # subtitle in another language, whatever the model read (a title's, a masthead's line)
    for k in range(1, len(paras) - 1):
        if LATIN_LINE.match(paras[k + 1].text) and _plain_line(paras[k]) and width(paras[k].text) <= SECTION_WIDTH \
                and roles[k] in ("title", "masthead", "section", "headline") and roles[k + 1] != "footer":
            roles[k], roles[k + 1] = "section", "section"
    # a plain line over a subtitle read as a headline (…破解基层治理难题 ⏎ ——…运行一年情况调查): the headline's first line
    roles = [("headline" if r == "body" and k + 1 < len(roles) and roles[k + 1] == "headline" and _plain_line(p)
              and SUBTITLE.match(paras[k + 1].text.strip()) else r) for k, (p, r) in enumerate(zip(paras, roles))]
    return _one_story_in_parts(paras, roles), listed


def _one_story_in_parts(paras: list[Para], roles: list[str]) -> list[str]:
    """An issue of one story set out in numbered parts (信息专报: headline ⏎ 一、主要做法 ⏎ （一）搭建… ⏎
    二、初步成效 ⏎ 一是…): the parts are its text, no sections and stories, where every line read as a
    section after its headline opens with 一、 and every one read as a story with （一） or 一是 (or is
    running text), and no unit is credited before its end. Where no headline was read, the plain lines
    right over the text are it, when the text is a lead paragraph over the parts (东港市“四链”协同推动草莓产业 ⏎
    全链条提质增效 ⏎ 东港市是… ⏎ 一、强化科技链，…)."""
    first = next((k for k, r in enumerate(roles) if r == "headline"), None)
    if first is not None:
        return _parts_as_text(paras, roles, first) or roles
    text = next((k for k, p in enumerate(paras) if running_text(p.text)), None)
    k = text
    while k is not None and k > 0 and text - k < 2 and roles[k - 1] in ("masthead", "section", "title") \
            and _plain_line(paras[k - 1]) and not opening_mark(paras[k - 1].text) and parse_date(paras[k - 1].text) is None \
            and not ISSUE_PREFIX.match(paras[k - 1].text):
        k -= 1
    if k is None or k in (0, text):
        return roles
    lead = [j for j in range(text, len(roles)) if roles[j] == "item" and not opening_mark(paras[j].text)]
    if len(lead) > 1:
        return roles
    trial = ["headline" if k <= j < text else "body" if j in lead else r for j, r in enumerate(roles)]
    return _parts_as_text(paras, trial, k) or roles


def _parts_as_text(paras: list[Para], roles: list[str], first: int) -> list[str] | None:
    """The roles with the numbered parts under the headline at ``first`` read as its text, or None
    where the lines under it are not one story's parts (see :func:`_one_story_in_parts`)."""
    parts = [k for k in range(first + 1, len(roles)) if roles[k] in ("section", "headline", "item")]
    kinds = {k: (m.lastgroup if (m := opening_mark(paras[k].text)) else None) for k in parts}
    sections = [k for k in parts if kinds[k] == "l1"]
    if len(sections) < 2 or any(kinds[k] not in ("l1", "l2", "l4") and not running_text(paras[k].text)
                                for k in parts if k > sections[0]) \
            or any(roles[k] == "credit" for k in range(first, max(parts))):
        return None
    out = list(roles)
    for k in range(sections[0], len(out)):
        if out[k] in ("section", "headline", "item"):
            out[k] = "body"
    return out


def parse_bulletin_roles(paras: list[Para], roles: list[str], parsed: Parsed) -> None:
    """Items of an issue read by the roles of its paragraphs: the lines at the top its masthead,
    each section's name over its items, each headline opening an item and the text under it its
    body, a credit closing it, a whole item in one paragraph cut into headline, body and credit
    (:func:`_new_item`), the footer's lines its fields.

    >>> from bulletin_cli.split.common import paragraphs
    >>> parsed = Parsed(layout="bulletin")
    >>> paras = paragraphs("延津政务快报\\n第43期\\n【民生保障】\\n县住建局推进危房改造\\n今年以来，共改造12户。\\n（县住建局）"
    ...                    "\\n县人社局：开展春风行动。组织招聘会5场。\\n责任编辑：李勉")
    >>> parse_bulletin_roles(paras, ["title", "masthead", "section", "headline", "body", "credit", "item", "footer"], parsed)
    >>> [(d.section, d.headline, d.units) for d in parsed.items], parsed.masthead["issue"], parsed.footer["editor"]
    ([('民生保障', '县住建局推进危房改造', ['县住建局']), ('民生保障', '县人社局：开展春风行动', ['县人社局'])], 43, '李勉')
    """
    roles, listed = _roles_by_form(paras, roles)
    roles = _lexicon_roles(paras, _sections_alike(paras, roles))
    top = 0
    while top < len(paras) and roles[top] in TOP_ROLES:
        top += 1
    top = _contents_end(paras, roles, top)
    for k in range(top, len(paras)):  # (under the masthead and a section: a story's headline and its source)
        if roles[k] == "title":
            roles[k] = "headline"
        elif roles[k] == "facts" and text_feature(paras[k].text, "credit") == "source":
            roles[k] = "credit"
    fields, used = parse_masthead(paras[:top])
    while used < top and (parse_issue(paras[used].text) is not None or parse_date(paras[used].text)):
        used += 1  # (the issue given again: 工作简报201903期 ⏎ … ⏎ 〔2019〕第3期)
    while used < top and roles[used] == "masthead" and SET_APART.search(paras[used].text):
        used += 1  # (第02版　综合新闻　　　责任编辑：程丽: a masthead's line, set out in parts)
    if 0 < used < top < len(paras) and (roles[top] == "headline" or (roles[top] in ("body", "item") and top - used == 2
                                                                      and running_text(paras[top].text))) \
            and _story_above(paras[used:top], roles[used:top]) and not any(k in listed for k in range(used, top)):
        # the top's last lines, which give no masthead field, open the first story: its section's
        # name and its headline's first line (〔2019〕第3期 ⏎ 民生补短板 ⏎ 我区召开民生社会事业工作 ⏎ 暨…)
        for k in range(used, top):
            short = width(paras[k].text) <= SECTION_WIDTH
            roles[k] = "section" if k == used and (short or not _plain_line(paras[k])) and (
                k < top - 1 or width(paras[top].text) > 2 * width(paras[k].text)) else "headline"
            # (县域经济 ⏎ 洪雅经开区上半年规上工业增加值增长9.2%: a section's name over a whole headline)
        top = used
    if any(roles[k] == "facts" for k in range(top)) and (own := next(
            (d for k in range(top) if roles[k] == "masthead" and not P.WEB_META.match(paras[k].text)
             and (d := parse_date(paras[k].text))), None)):
        fields["date"] = own  # (the issue's own date on its masthead, over the date the site posted it)
    titles = [p.text for p, r in zip(paras[:top], roles) if r == "title"]
    if titles and "title" not in fields:
        fields["title"] = page_title(" ".join(titles) if len(titles) > 1 else titles[0])
    for key, value in fields.items():
        parsed.masthead.setdefault(key, value)
    contents = False
    for p in paras[:top]:
        contents = contents or bool(P.CONTENTS_HEADING.match(p.text))  # 本期要目 and the entries under it
        if P.EDITOR_NOTE.match(p.text):
            parsed.masthead.setdefault("note", p.text)  # 编者按：…
        elif P.WRITER_FIELD.search(p.text):
            file_credits(parsed, writer_fields(p.text))  # 第02版　综合新闻　　责任编辑：程丽: the page's editor
        parsed.regions.append((p.start, p.end, "contents" if contents else "masthead"))
    footer = [p for p, r in zip(paras, roles) if r == "footer"]
    if footer:
        for key, value in parse_footer([p.text for p in footer]).items():
            parsed.footer.setdefault(key, value)
        parsed.regions.extend((p.start, p.end, "footer") for p in footer)
    section: str | None = None
    current: Draft | None = None
    previous = ""
    # an issue that sets its stories under headlines or sections (not a column of briefs, a paragraph each)
    headed = any(r in ("headline", "section") for r in roles[top:])
    for k, (p, r) in enumerate(zip(paras[top:], roles[top:]), top):
        t = p.text
        if r == "footer":
            continue
        if r in ("section", "credit", "headline", "item", "masthead", "title") and current is not None and current.body \
                and not current.units and previous in ("body", "item") and (label := _bracketed_units(t)):
            current.units, current.end, current.closed = label, p.end, True  # 【永兴镇】 under a story: its credit
            previous = "credit"
            continue
        if r == "credit" and k + 1 < len(roles) and roles[k + 1] == "body" and credits_no_one(t) and not _byline(t):
            r = "headline"  # 东屯镇：小麦颗粒归仓 over 本报讯…: no credit's form, and a story's text under it
        if r == "body" and current is not None and current.body and k + 1 < len(roles) and roles[k + 1] == "credit" \
                and text_feature(paras[k + 1].text, "credit") == "source" and _plain_line(p) and credits_no_one(t):
            r = "headline"  # …扩大。 ⏎ 县农业农村局“三个到位”抓好早稻中后期管理 ⏎ 来源：县农业农村局: the next story's
        if not parsed.items and P.EDITOR_NOTE.match(t):  # 编者按：… over the first story: the issue's note
            parsed.masthead.setdefault("note", t)
            parsed.regions.append((p.start, p.end, "masthead"))
            previous = "masthead"
            continue
        if r in TOP_ROLES or r == "signature":
            parsed.regions.append((p.start, p.end, "masthead"))
            if r == "signature" and (date := parse_date(t)) and width(t) <= 40:
                parsed.masthead.setdefault("date", date)
            previous = r
            continue
        if r in ("headline", "section", "item", "body") and text_feature(t, "caption"):
            r = "caption"  # 图为改造后的东城小区 between stories: a photo's caption, never a headline
        if r == "caption":
            credit = P.CAPTION_CREDIT.search(t)
            parsed.captions.append({"text": t, "credit": credit.group(1).strip() if credit else None,
                                    "span": [p.start, p.end], "section": section})
            parsed.regions.append((p.start, p.end, "caption"))
            previous = r
            continue
        if r in ("headline", "section") and current is not None and not current.units and credit_form(t) and (
                current.body or (previous == "headline" and text_feature(t, "credit") == "whole")):
            r = "credit"  # （潭龙街道 魏邱乡 司寨乡）, 供稿：县住建局 审核：李四 under a story, or （县交通运输局）
            #               right under its headline: its credit, never a headline
        if r == "section" and previous in ("headline", "heading") and current is not None and not current.body \
                and _plain_line(p):
            r = "headline"  # 我局联合区疾控中心开展 ⏎ 全区预防接种专项督查: a headline's second line, no section
        if r == "section" and (width(t) > 60 and SENTENCE_MARK.search(t)):
            # a section's name run into the item after it: 工作动态我局召开…。, 【项目建设】 县开发区…
            run_in = _section_run_in(p)
            generic = None if run_in else P.GENERIC_SECTION_PREFIX.match(t)
            if run_in:
                section, p = run_in
            elif generic:
                section = generic.group(1)
                p = Para(p.start + generic.end(), p.end, t[generic.end():])
            if section and (run_in or generic):
                parsed.sections.append(section)
            r = "item" if run_in or generic else "text"  # (a paragraph of text read as a section: as an item)
        if r in ("item", "text") and headed and current is not None and not current.closed \
                and (previous in ("item", "body") or (previous == "headline" and not current.body)) \
                and not (heads_item(row := text_row(t)) and not _labelled_text(row, previous, current)) \
                and not (current.headline is None and r == "item" and DATELINE.match(t)):
            r = "body"  # under headlines or sections, a paragraph that opens no item of its own continues the
            #             open one (or is the text of the headline above it); under a brief with no headline, a
            #             paragraph read as an item that opens as a brief does (10月16日，…) is the next brief
        if r == "text":
            r = "item"
        if r == "section" and LATIN_LINE.match(t) and previous == "section":
            parsed.regions.append((p.start, p.end, "section"))  # (WORK NEWS under 工作动态: its subtitle)
            continue
        if r == "section":
            section = _section_name(t)
            parsed.sections.append(section)
            parsed.regions.append((p.start, p.end, "section"))
            current = None
        elif r in ("headline", "heading"):
            if current is not None and previous in ("headline", "heading") and not current.body:
                current.headline = (current.headline or "") + t.strip()  # a headline set on two lines
                current.end = p.end
            else:
                current = _headline_draft(p, section)
                parsed.items.append(current)
        elif r == "credit":
            fields = parse_footer([t])
            source = P.SOURCE_LINE.match(t)
            labelled = labelled_credits(t)
            if labelled and labelled[0] and current is not None and (not current.units or current.head_units):
                current.units, current.end = labelled[0], p.end  # 供稿：县住建局　审核：李四: the story's, not the issue's
                if labelled[2].get("author") and not current.reporters:
                    current.reporters = [labelled[2]["author"]]  # 供稿：东屯镇 作者：赵六: the story's writer
                current.closed = bool(current.body)
            elif fields:  # 责任编辑：李勉 under the items: the issue's footer, whatever its place
                file_credits(parsed, fields)
                parsed.regions.append((p.start, p.end, "footer"))
            elif source and current is not None and current.units and not current.head_units:
                # 来源：县委办公室信息科 under an item that named its unit: the issue's source
                parsed.masthead.setdefault("issuer", source.group(2))
                parsed.regions.append((p.start, p.end, "footer"))
            elif current is not None and current.headline and not current.body and len(parsed.items) >= 2 and not _byline(t) \
                    and (before := parsed.items[-2]).body and not before.units and before.section == current.section \
                    and _credit(before, t):
                pass  # set right and read out of order after the next headline: the credit of the item before
            elif current is not None and _credit(current, t):
                current.end = p.end
                current.closed = bool(current.body)  # (a credit under its headline: the body follows)
            elif current is not None and not current.closed:
                _extend_item(current, p)  # a line read as a credit that credits no one: text, never dropped
            else:
                current = _new_item(p, section)
                parsed.items.append(current)
        elif r == "body" and current is not None and not current.closed and not (
                not headed and current.headline is None and current.body and DATELINE.match(t)):
            _extend_item(current, p)  # (in a column of headless briefs, a paragraph opening in time is the next)
        else:  # a whole item in one paragraph (item, entry), or text after a closed item
            current = _new_item(p, section)
            parsed.items.append(current)
            if current.section != section:  # a section's name run into this item's headline
                section = current.section
                parsed.sections.append(section)
        previous = r
