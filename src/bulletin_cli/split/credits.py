"""Credits: the units (and reporters) that sent an item, in brackets, after a dash, on a line of
their own or as a label before the headline.

>>> _attribution("…摸清底数。（县住建局 张三）")
(6, ['县住建局'], ['张三'])
"""

from __future__ import annotations

from ..lexicon.patterns import (
    ATTRIBUTION_END,
    CJK,
    P,
    Regex,
    tail_credit_name,
    width,
)
from .common import ATTRIBUTION_AFTER, CJK_CHAR, CJK_RUN, PERSON_NAME, Draft

#: A unit set as a label at the start of an item. Example: 【县发改局】全力推进重点项目建设。….
LEADING_UNIT = Regex(r"^[【\[［]([^【】\[\]［］]{2,20})[】\]］]\s*(?=\S)")


#: A unit named before a colon at the start of an item. Example: 县人社局：开展春风行动。….
UNIT_COLON = Regex(rf"^([{CJK}]{{2,15}})[：:]")


#: Marks the inside of an attribution never holds. Example: ， in （县住建局，县财政局）.
ATTRIBUTION_STOPS = Regex(r"[。，,；;！？：:]")


#: Separators between the names in an attribution. Example: 、 in （潭龙街道、魏邱乡）.
NAME_SEPARATORS = Regex(r"[\s、/]+")


#: Separators between the units on a bare unit line. Example: the space in 县住建局 县财政局.
UNIT_SEPARATORS = Regex(r"[\s、]+")


#: A line of Chinese unit names. Example: 县住建局、县财政局.
UNIT_LINE = Regex(rf"[{CJK}\s、]+")


#: A date in a credit. Example: 2024年3月5日 in （县住建局 2024年3月5日）, 3.5 in （县住建局供稿 2024.3.5）.
CREDIT_DATE = Regex(r"\s*(?:[12]\d{3}\s*[年.\-/]\s*)?\d{1,2}\s*[月.\-/]\s*\d{1,2}\s*日?\s*$")


#: Words in brackets that name no unit. Example: （试行）, （待续）, （征求意见稿）, （2024年第10周）.
NOT_UNITS = Regex(r"试行|暂行|草案|修订|征求意见|全文|摘要|节选|附件|简称|下同|同上|原文|详见|见附|整理|根据|有删节|^(?:待续|续|完|略|注)$"
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


#: Where one unit's name ends and the next begins, glued where a line broke between them: after an
#: office's word, before 市, 县 or 区 opening another. Example: 市水利局|市应急管理局.
GLUED_UNITS = Regex(r"(?<=[局委办])(?=[县市区](?!场)[^局委办]{1,10}(?:局|委员会|委|办公室|办))")


def _split_glued_units(token: str) -> list[str]:
    """A joint credit whose units lost the space between them, split where each part is a unit:
    市水利局市应急管理局 → 市水利局, 市应急管理局; one unit stays whole."""
    parts = GLUED_UNITS.split(token)
    return parts if len(parts) > 1 and all(P.UNIT_SUFFIX.search(x) for x in parts) else [token]


def _unit_tokens(inner: str) -> tuple[list[str], list[str]] | None:
    """Split an attribution's inside into units and reporters, or None if it is not one."""
    inner = P.ATTRIBUTION_WORDS.sub("", CREDIT_DATE.sub("", inner))
    inner, credits = P.CREDIT_LABELS.subn(" ", inner)
    inner = inner.strip()
    if not inner or ATTRIBUTION_STOPS.search(inner) or width(inner) > 80:
        return None
    tokens = [t for t in NAME_SEPARATORS.split(inner) if t]
    tokens = [part for t in tokens for part in _split_glued_units(t)]
    if len(tokens) == 1 and not credits:  # （潭龙街道张伟）: the space between them lost in extraction
        tokens = _split_glued_name(tokens[0])
    if not tokens or any(width(t) > 40 for t in tokens):
        return None
    units = [t for t in tokens if P.UNIT_SUFFIX.search(t) or (width(t) > 6 and not NOT_UNITS.search(t) and "·" not in t)]
    names = [t for t in tokens if t not in units]
    if not units:
        if credits and all(PERSON_NAME.fullmatch(n) for n in names):
            return [], names  # names alone, under a label: （通讯员 张三）
        if len(tokens) == 1 and PERSON_NAME.fullmatch(tokens[0]) and tokens[0][0] in SURNAMES \
                and width(tokens[0]) <= 6:
            return [], tokens  # （潘寅婧）: a writer's name alone
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
    if last not in P.TAIL_CREDIT_LAST and not CJK_CHAR.match(last):
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
ASSOCIATION = Regex(r"(?:委员|管委|联合|协|商|工|学|研究|促进|红十字|居委|村委|理事|基金|议事)会$")


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


def _unit_colon(text: str) -> str | None:
    """The unit named before a colon at the start of ``text``. Example: 县人社局：开展… → 县人社局."""
    colon = UNIT_COLON.match(text)
    return colon.group(1) if colon and P.UNIT_SUFFIX.search(colon.group(1)) else None


def _all_units(names: list[str]) -> bool:
    """Every name ends as a unit's does (县住建局, 衡山镇; not 乡镇动态)."""
    return all(P.UNIT_SUFFIX.search(u) for u in names)


def _unit_label(d: Draft, content: str) -> str:
    """Take a leading 【unit】 label off ``content`` into ``d.units``; returns the rest. A label that
    names no unit is the column the item stands in, its section.
    Example: 【衡山镇】强化措施抓好森林防火 → units [衡山镇], 强化措施抓好森林防火; 【乡镇动态】大营镇开展…
    → section 乡镇动态."""
    label = LEADING_UNIT.match(content)
    if label and (found := _unit_tokens(label.group(1))):
        if found[0] and not _all_units(found[0]):
            d.section = label.group(1).strip()
        else:
            d.units = d.units or found[0]
        return content[label.end():]
    return content


#: A photographer's credit, the name before 摄影 or 摄. Example: 井娇摄影报道, 张三 摄.
PHOTOGRAPHER = Regex(rf"^[（(]?\s*(?:(?:文|图|文/图)\s*[/／:：]?\s*)?([{CJK}·]{{2,4}})\s*摄(?:影|影报道)?\s*[）)]?$")


def writer_fields(text: str) -> dict[str, str]:
    """The writers' and editors' credits a text gives, the first of each field.

    >>> writer_fields("撰稿人：周政 审稿人：常胜利 编辑：黄阳娇")
    {'author': '周政', 'reviewer': '常胜利', 'editor': '黄阳娇'}
    """
    out: dict[str, str] = {}
    for label, name in P.WRITER_FIELD.findall(text):
        out.setdefault(P.WRITER_FIELDS[label], name)
    return out


def labelled_credits(text: str) -> tuple[list[str], list[str], dict[str, str], str] | None:
    """A line of labelled credits that names its source with others, or in brackets: (units,
    persons, writer fields, source), or None for any other line. The source's value ends at the
    next label or a gap.

    >>> labelled_credits("来源：县医疗保障局　作者：王五　编辑：赵六")
    (['县医疗保障局'], [], {'author': '王五', 'editor': '赵六'}, '县医疗保障局')
    >>> labelled_credits("【来源：县医疗保障局】")[0]
    ['县医疗保障局']
    >>> labelled_credits("供稿单位：勐混镇农业农村综合服务中心　　审核：岩温　　浏览量：312")[2]
    {'reviewer': '岩温'}
    """
    t = text.strip()
    found = P.CREDIT_FIELD.findall(t)
    if not found or not P.CREDIT_FIELD.match(t.lstrip("（(【[ ")):
        return None
    source = next((value for label, value in found if label in P.SOURCE_LABELS), None)
    rest = P.WEB_META_FIELD.sub("", P.CREDIT_FIELD.sub("", t)).strip(" \u3000（）()【】[]|｜")  # (and 浏览量：312)
    if source is None or rest or (len(found) == 1 and t[0] not in "（(【["):
        return None  # (a source alone on its line, unbracketed, is SOURCE_LINE's)
    fields: dict[str, str] = {}
    for label, value in found:
        if label in P.WRITER_FIELDS:
            fields.setdefault(P.WRITER_FIELDS[label], value)
    tokens = _unit_tokens(source)
    units = tokens[0] if tokens and _all_units(tokens[0]) else []
    return units, [], fields, source


def credit_line(text: str) -> tuple[list[str], list[str], dict[str, str], str | None]:
    """What a credit on a line of its own names: (units, persons, writer fields, the source a
    ``来源：`` line names). Examples: （县住建局） → units; 县互联网信息安全服务中心 张晓婕 → a unit and
    a person; (郭颖 天乐) and 井娇摄影报道 → persons; 撰稿人：张三 审核：李四 → fields; 来源：岳阳县新闻网
    → a source.

    >>> credit_line("县互联网信息安全服务中心 张晓婕")[:2], credit_line("井娇摄影报道")[:2]
    ((['县互联网信息安全服务中心'], ['张晓婕']), ([], ['井娇']))
    """
    t = text.strip().lstrip("|｜ ").strip()
    if P.WRITER_LINE.match(t):
        return [], [], writer_fields(t), None
    if P.CAPTION_OPENER.match(t):
        return [], [], {}, None  # 图为活动现场: a photo's caption, no credit
    if (copies := P.FOOTER_FIELD.search(t)) and copies.group("copies"):
        return [], [], {}, None  # （共印30份）: the print run, no unit
    if labelled := labelled_credits(t):
        return labelled
    if source := P.SOURCE_LINE.match(t):
        value = source.group(2).strip(" （）()")
        found = _unit_tokens(value)
        units = found[0] if found and _all_units(found[0]) else []
        return units, [], {}, value
    inner = t.strip("（）() ")
    if PERSON_NAME.fullmatch(inner) and inner[0] in SURNAMES and not P.UNIT_SUFFIX.search(inner):
        return [], [inner], {}, None  # （郑宝环）: a writer, not a unit
    if whole := _attribution(t, whole=True):
        return whole[1], whole[2], {}, None
    if bare := _bare_unit_line(t):
        return bare, [], {}, None
    if photo := PHOTOGRAPHER.match(t):
        return [], [photo.group(1)], {}, None
    found = _unit_tokens(t.strip("（）() "))
    if found and (found[1] or _all_units(found[0])):
        return found[0], found[1], {}, None
    names = t.strip("（）() ").split()
    if names and all(PERSON_NAME.fullmatch(n) for n in names) and len(names) <= 4:
        return [], names, {}, None
    return [], [], {}, None
