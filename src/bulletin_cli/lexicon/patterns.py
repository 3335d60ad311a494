"""Patterns shared by ``reflow`` (which must not join across them) and ``structure`` (which reads them).

Each constant says what it matches, with an example.
"""

from __future__ import annotations

import re
from typing import Iterator

#: Chinese numerals used in outline numbers, issue numbers and dates. Example: 二〇二三, 四十三.
CN_DIGITS = "〇零一二三四五六七八九十百千两"

#: A CJK ideograph (basic block, extension A, compatibility). Example: 县.
CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

#: Sentence-final punctuation, optionally followed by closing quotes. Example: 。” at a paragraph end.
SENTENCE_END = re.compile(r"[。！？!?…；;][”’」』\"'）)]*$")

#: Section heading in brackets on a line of its own. Example: 【民生保障】, 〖项目建设〗, [助企服务].
SECTION_BRACKET = re.compile(r"^\s*[【〖\[［]\s*([^【】〖〗\[\]［］]{1,30}?)\s*[】〗\]］]\s*$")

#: Bracketed field labels that are not sections. Example: 【来源】县政府办, 【作者】张三.
FIELD_LABEL = re.compile(r"^\s*[【\[［]\s*(作者|来源|编辑|责任编辑|时间|发布时间|日期|字号|字体|点击数|浏览次数)\s*[】\]］]")

#: A line that opens a block reflow must never join onto: headings, list items, bullets.
#: Examples: 一、工作动态 / （一）强化保障 / 1. 文博工作 / ◆县人社局… / 【民生保障】 / ①县医保局….
BLOCK_START = re.compile(
    rf"^\s*(?:[【〖\[［]|[◆◇●○■□★☆▲△►▶•·◎▌▍█❖◈]\s*|第[{CN_DIGITS}\d]{{1,4}}[章节部分篇]|"
    rf"[—－]{{2,6}}(?=[^—－]{{2,12}}[—－]{{2,6}}\s*$)|"
    rf"[{CN_DIGITS}]{{1,3}}、|[（(][{CN_DIGITS}\d]{{1,3}}[）)]|\d{{1,2}}[.．、](?![\d．.])|"
    rf"[{CN_DIGITS}]{{1,2}}是[^，,。]|[A-Z][.、]|[\u2460-\u2487])"
)

#: Footer labels of a bulletin. Example: 本期发：县委常委… / 责任编辑：李勉 / 审核：原超俊 / 签发：麻彦伟.
FOOTER_LABEL = re.compile(
    r"^\s*(本期发|本期送|本期报|本期抄送|抄送|抄报|分送|主送|报[:：]|送[:：]|发[:：]|责任编辑|编辑|主编|审核|审稿|"
    r"审定|签发|校对|共印|印发|联系电话|电话[:：]|投稿邮箱)"
)

#: An issue number. Examples: 第 43 期, 第四十三期, 总第 512 期, 2023年第18期, 20期.
ISSUE = re.compile(rf"(?:总\s*)?第?\s*([\d{CN_DIGITS}](?:\s*[\d{CN_DIGITS}])*)\s*期")

#: How a year written in Chinese numerals writes its zero: 〇, 零, or a circle or letter O typed for
#: it (○ U+25CB, Ｏ, and O once full-width letters are folded). Example: 二○二四年.
YEAR_ZEROS = "〇零○ＯO"
#: A date in Arabic or Chinese numerals. Examples: 2023年9月22日, 二〇二三年九月二十二日, 2023年4月21.
DATE = re.compile(
    rf"([12]\d{{3}}|[一二][{YEAR_ZEROS}一二三四五六七八九]{{3}})\s*年\s*([\d{CN_DIGITS}]{{1,3}})\s*月\s*"
    rf"([\d{CN_DIGITS}]{{1,3}})\s*(?:日|号)?"
)
#: A date written with digits and separators. Example: 2023-09-22, 2023.9.22.
DATE_NUMERIC = re.compile(r"(?<![\d./-])([12]\d{3})[-./]([01]?\d)[-./]([0-3]?\d)(?![\d./-])")

#: A page number alone on a line. Examples: - 2 -, —2—, 第 2 页, 第2页 共5页, 2/5, ·3·.
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-－—–·•]\s*\d{1,4}\s*[-－—–·•]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|"
    r"\d{1,4}\s*/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?|\d{1,3})\s*$",
    re.IGNORECASE,
)

#: The line of labelled facts under a web article's title. Example: 来源：肥西县应急管理局  发布时间：2024-05-06.
WEB_META = re.compile(r"^\s*(?:来源|信息来源|文章来源|发布机构|发布时间|发布日期|作者)\s*[:：].{0,80}?(?:发布时间|发布日期|浏览|点击|阅读|$)")
#: One labelled fact of that line, its value running to the next label or a wide gap.
#: Example: 来源：肥西县应急管理局 → (来源, 肥西县应急管理局).
WEB_META_FIELD = re.compile(r"(来源|信息来源|文章来源|发布机构|发布时间|发布日期|作者|浏览次数|点击数|阅读次数|字号)\s*[:：]\s*"
                            r"([^\s:：]+(?:\s\d{1,2}:\d{2}(?::\d{2})?)?)")
#: A decorative rule under a masthead or between parts, drawn with characters, or a Markdown
#: rule. Example: ━━━━━━━━, ---.
RULE_LINE = re.compile(r"^(?:[\s━─—―_＿=＝\-－·•…*＊★☆◆◇■□▲△~～]{5,}|-{3,4}|\*{3,4}|_{3,4})$")

#: A reporting-unit attribution closing an item. Examples: （住建局）, (政府办综合六科),
#: （农业农村局 潭龙街道 榆林乡）, （县农业局 刘广刚）.
ATTRIBUTION_END = re.compile(r"[（(]\s*([^（）()\n]{2,80}?)\s*[）)]\s*$")

#: How the title of a bulletin, summary or report ends. Example: 快报 of 延津政务快报, 报告 of
#: …关于2024年上半年工作情况的报告.
TITLE_ENDING = re.compile(r"(快报|简报|专报|信息|动态|通报|周报|月报|情况|专刊|要报|汇报|简讯|报告|总结|打算|要点|计划|方案|纪要)$")

#: A credit closing a paragraph without round brackets: in 【】, after a dash, a unit with 供稿, or
#: an opening bracket whose closing one the extractor lost.
#: Examples: …1200人。【县民政局】, …12吨。——县水利局, …观看。县文旅局供稿, …亿元。（县开发区.
TAIL_CREDIT = re.compile(
    rf"(?:(?<=[。！？!?”])|^)\s*(?:【\s*(?P<bracket>[^【】\n]{{2,30}}?)\s*】|[—－]{{1,2}}\s*(?P<dash>[{CJK}·、\s]{{2,30}}?)"
    rf"|(?P<word>[{CJK}、]{{2,24}}?\s?(?:供稿|报送|提供))|[（(【]\s*(?P<open>[^（）()【】\n。，；]{{2,30}}?))\s*$")

#: Suffixes that make a name a unit (bureau, township, company, …). Example: 住建局, 东屯镇, 潭龙街道.
UNIT_SUFFIX = re.compile(
    r"(局|委|委员会|办|办公室|室|镇|乡|街道|街道办|街道办事处|办事处|社|区|院|所|中心|公司|集团|队|大队|站|会|"
    r"部|厅|处|科|股|组|村|社区|银行|政府|法院|检察院|团|联|馆|台|署|园|场|校|学校|医院|委会|专班|指挥部|分局)$"
)


#: East Asian Wide and Fullwidth characters (ideographs, kana, 。，（）, full-width forms).
WIDE = re.compile(
    "[\u1100-\u115f\u231a\u231b\u2329\u232a\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
    "\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60"
    "\uffe0-\uffe6\U0001f300-\U0001f64f\U00020000-\U0003fffd]"
)


def is_wide(ch: str) -> bool:
    """True for characters set full-width in Chinese text (ideographs, 。，（ and friends)."""
    return bool(WIDE.match(ch))


def width(text: str) -> int:
    """Display width in Chinese typesetting: two for ideographs and CJK punctuation (anything from
    U+0800 up, “” included), one for ASCII. ``width("2024年")`` is 6.

    Computed from the UTF-8 length, which is fast: such characters take three or four bytes.
    """
    n = len(text)
    return n + (len(text.encode("utf-8", "surrogatepass")) - n) // 2


def scan(pattern: re.Pattern[str], starts: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, tried only where ``starts`` (one character class, every first
    character ``pattern`` can match) finds a candidate. The regex engine skips ahead by itself only
    for patterns that open with one character class; an alternation of groups makes it try every
    position, which on Chinese text is twice as slow.

    >>> [m.group(0) for m in scan(re.compile(r"(?P<a>\\d+)个|(?P<b>[一二三])项"), re.compile(r"[\\d一二三]"), "建成12个、完成三项")]
    ['12个', '三项']
    """
    search, match, pos = starts.search, pattern.match, 0
    while (c := search(text, pos)) is not None:
        m = match(text, c.start())
        if m is None:
            pos = c.start() + 1
        else:
            yield m
            pos = max(m.end(), c.start() + 1)


def tail_credit_name(m: re.Match[str]) -> str:
    """The name a :data:`TAIL_CREDIT` match gives, without its 供稿/报送/提供.
    Example: 县文旅局 of …观看。县文旅局 供稿."""
    word = m.group("word")
    return m.group("bracket") or m.group("dash") or (word[:-2].strip() if word else "") or m.group("open") or ""


#: Verbs and phrases that typically open an item's body, for when the headline space was lost.
#: Example: 县科工局加速技改助力企业转型升级|建立技改项目库.
BODY_OPENERS = re.compile(
    r"(按照|通过|围绕|聚焦|坚持|成立|召开|建立|开展|紧盯|结合|针对|立足|依托|以|为|近日|日前|今年以来|自|"
    r"牢固树立|充分发挥|组织|协调|派出|汇聚|抓好|采取|今年|截至|在|对)"
)
#: A headline of clauses joined by commas, in full: 抓改造、惠民生，县住建局扎实推进老旧小区改造.
COMMA_HEADLINE = re.compile(rf"^[{CJK}“”·\d\-—.%]{{2,32}}(?:[，、][{CJK}“”·\d\-—.%]{{2,32}}){{1,2}}$")
#: What separates the clauses of a headline or sentence. Example: ， in 抓改造，惠民生.
CLAUSES = re.compile(r"[，、]")


def comma_headline(head: str) -> bool:
    """A headline with commas before the space that sets off its body, not a sentence's first
    clauses before a stray space: no clause opens the way a body does (今年以来，…), and the last,
    the headline proper, is not short (…，先后投资近 6亿元 is a sentence cut at a stray space).

    >>> comma_headline("抓改造、惠民生，县住建局扎实推进老旧小区改造"), comma_headline("今年以来，县住建局")
    (True, False)
    """
    parts = CLAUSES.split(head)
    return 8 <= len(head) <= 50 and bool(COMMA_HEADLINE.match(head)) and len(parts[-1]) >= 8 \
        and not any(BODY_OPENERS.match(part) for part in parts)


#: Not 办 as the end of a verb (举办, 经办, 可办): a look-behind to put before 办 in a unit pattern.
VERB_BAN = "(?<![举承创兴督代包开筹主协交查可难好快帮经申领])"
#: Words that open a task, not a unit's name. Example: 认真做好社会…, 办全国乡村…, 抓紧推进全区….
TASK_OPENERS = ("抓紧|不断|认真|促进|做好|提升|着力|持续|加快|深化|强化|推进|扎实|全力|积极|切实|优化|建立|完善|加强|"
                "坚持|聚焦|推动|统筹|巩固|实施|开展|落实|打造|培育|发展|办|全面|大力|进一步|努力|狠抓|抓好|抓实")
#: A unit opening a headline (beyond the known aliases): a county body, 县/市/区 and the shortest
#: run of ideographs to a unit word, or a township's name. Example: 县交通运输局|多管齐下…,
#: 东屯镇|给小麦…, 文岩街道|全力开展…; not 认真做好社|会团体…, 办全国乡|村“村晚”….
HEADLINE_UNIT = re.compile(
    rf"^(?:[县市区旗][{CJK}]{{1,10}}?(?:街道办事处|委员会|办公室|管委会|局|(?<!常)委|{VERB_BAN}办|中心|社|院|所|站|队|"
    rf"公司|集团|部|联)|(?!{TASK_OPENERS})(?:[{CJK}]{{2,3}}[县市区])?[{CJK}]{{2,4}}?(?:镇|(?<!城)乡(?!村)|街道|社区|村))"
    rf"(?=[{CJK}“])"  # and the headline goes on: 优化医保业务经办 is a task, not a unit
)
