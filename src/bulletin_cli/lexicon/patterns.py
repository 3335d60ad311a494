"""Every pattern built from the lexicon (forms.yaml and the user's --config), and the patterns
the stages share that are not lists of words.

The patterns built from the lexicon are attributes of :data:`P`, made on first use from the forms
in force (:func:`bulletin_cli.lexicon.use` changes them); a module that needs a pattern of its own
from the lexicon registers its builder with :func:`pattern` and reads it as ``P.NAME``.

>>> bool(P.BULLET.match("◈县人社局开展春风行动")), bool(P.TITLE.match("延津政务快报"))
(True, True)
"""

from __future__ import annotations

import re
from typing import Callable, Iterator

from .. import regexcache

#: Chinese numerals used in outline numbers, issue numbers and dates. Example: 二〇二三, 四十三.
CN_DIGITS = "〇零一二三四五六七八九十百千两"

#: A CJK ideograph: the basic block, extensions A to H (names such as 王𫖯 use extension B and
#: later), compatibility ideographs. Example: 县, 𫖯.
CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"

BUILDERS: dict[str, Callable[[dict], object]] = {}


def pattern(build: Callable[[dict], object]) -> Callable[[dict], object]:
    """Register ``build(forms)`` as the builder of ``P.<its name>``."""
    BUILDERS[build.__name__] = build
    return build


class Lexicon:
    """The patterns in force, each built from the forms on first use and kept until the forms change."""

    def __init__(self) -> None:
        self.__dict__["_forms"] = None

    @property
    def forms(self) -> dict:
        if self.__dict__["_forms"] is None:
            from . import load_forms

            self.__dict__["_forms"] = load_forms()
        return self.__dict__["_forms"]

    def __getattr__(self, name: str):
        build = BUILDERS.get(name)
        if build is None:
            raise AttributeError(f"no pattern {name!r} in the lexicon")
        value = build(self.forms)
        self.__dict__[name] = value
        return value

    def use(self, forms: dict | None) -> None:
        """Read ``forms`` (None: the shipped ones) from now on; built patterns go if they differ."""
        if forms is not None:
            base = self.forms
            forms = {**base, **forms}
            if forms == base:
                return
        elif self.__dict__["_forms"] is None:
            return
        generation = self.__dict__.get("_generation", 0) + 1
        self.__dict__.clear()
        self.__dict__["_forms"] = forms
        self.__dict__["_generation"] = generation

    @property
    def generation(self) -> int:
        """How many times the forms in force have changed: what was read with the patterns of one
        generation (a line's features, say) is read again under the next."""
        return self.__dict__.get("_generation", 0)


#: The patterns in force.
P = Lexicon()


class Regex:
    """A regular expression compiled the first time it is used, not when its module is imported:
    a process that splits one small file compiles only the patterns that file needs (compiling
    all of them was half of such a run). Reads like the compiled pattern (``.match``, ``.sub``,
    ``.pattern``, …); after the first use its methods are the compiled pattern's own.

    >>> YEAR = Regex("([0-9]{4})年")
    >>> YEAR.pattern, YEAR.search("2024年3月").group(1)
    ('([0-9]{4})年', '2024')
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self.flags = pattern, flags

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (``m.re is X.compiled`` for a match of ``X``)."""
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self.__dict__["_compiled"] = regexcache.compile(self.pattern, self.flags)
            for attr in ("match", "search", "fullmatch", "sub", "subn", "split", "findall", "finditer",
                         "groups", "groupindex", "scanner"):
                self.__dict__[attr] = getattr(compiled, attr)
        return compiled

    def __getattr__(self, name: str):  # only while a name is not yet in the instance's dict
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"Regex({self.pattern!r})"


def alternation(words, escape: bool = True) -> str:
    """Words as one regex alternation, longest first. Example: [办, 办公室] → 办公室|办."""
    words = sorted(dict.fromkeys(str(w) for w in words), key=len, reverse=True)
    return "|".join(map(re.escape, words) if escape else words)


def char_class(chars) -> str:
    """Single characters as the inside of a character class. Example: [◆, ●] → ◆●."""
    return "".join(re.escape(str(c)) for c in chars)


#: Sentence-final punctuation, optionally followed by closing quotes. Example: 。” at a paragraph end.
#: The marks that end a sentence or clause anywhere in a line (a heading or headline has none).
#: Example: 。 in 全盘谋项目。, ； in 一是强化调度；二是….
SENTENCE_STOPS = Regex(r"[。！？；;!?]")
SENTENCE_END = Regex(r"[。！？!?…；;][”’」』\"'）)]*$")

#: Section heading in brackets on a line of its own. Example: 【民生保障】, 〖项目建设〗, [助企服务].
SECTION_BRACKET = Regex(r"^\s*[【〖\[［]\s*([^【】〖〗\[\]［］]{1,30}?)\s*[】〗\]］]\s*$")


@pattern
def FIELD_LABEL(f: dict) -> re.Pattern[str]:
    """Bracketed field labels that are not sections. Example: 【来源】县政府办, 【作者】张三."""
    return regexcache.compile(rf"^\s*[【\[［]\s*({alternation(f['field_labels'])})\s*[】\]］]")


@pattern
def BULLETS(f: dict) -> str:
    """The bullet symbols as a character class's inside. Example: ◆◇●…"""
    return char_class(f["bullets"])


#: A story's text opening in time, its comma after it (the words a headline, glued or wide, stands
#: over). Example: 10月中旬， 5月6日上午， 8月以来， 截至8月20日， 近日， 今年以来， 1959年元旦，.
TIME_OPENING = Regex(r"(?<![\d年])(?:(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日(?:[-—至～]\d{1,2}日)?)?(?:上旬|中旬|下旬|初|底|末|份|以来)?"
                     r"(?:上午|下午|晚上|晚)?|截至(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|底|末)?|近日|日前|近期|近年来|连日来"
                     r"|今年以来|年初以来|入夏以来|入汛以来|入冬以来|入秋以来"
                     r"|(?:\d{4}年)?(?:元旦|春节|国庆|清明|端午|中秋)(?:前后|期间|前夕|以来)?)[，,]")
#: How a notice's, speech's or briefing's title ends. Example: …的通知, …通告, …政策解读, …的讲话（摘要）.
NOTICE_ENDING = Regex(r"(?:通知|通告|公告|通报|公示|意见|决定|批复|函|讲话|致辞|解读)\s*[）)]?$")
#: How a speech's or briefing's title ends: it speaks of the document it names, never carries it as
#: its text. Example: 《…补贴实施办法》政策解读, …的讲话.
BRIEFING_ENDING = Regex(r"(?:讲话|致辞|解读|答记者问)\s*(?:（摘要）|\(摘要\))?\s*$")
#: A subtitle under a headline or title, opened by a dash. Example: ——全年改造小区12个惠及居民3000户.
SUBTITLE = Regex(r"^[—－]{1,2}[^—－。！？；]{2,40}$")
#: The marks a breadcrumb sets between its levels. Example: > of 首页 > 政务公开 > 通知公告.
BREADCRUMB_MARKS = ">»＞›"
#: A breadcrumb: two of its marks between words, a line that stands alone (never joined to the title
#: under it). Example: 首页 > 政务公开 > 通知公告, 首页 >> 新闻中心 >> 乡镇动态.
BREADCRUMB = Regex(rf"\S\s*[{BREADCRUMB_MARKS}]+\s*\S.*?[{BREADCRUMB_MARKS}]+\s*\S")
#: A document's number (文号), an office's abbreviation before it. Example: 浦政告〔2024〕3号, 鹿政办〔2024〕21号.
DOCUMENT_NUMBER = Regex(r"[\u4e00-\u9fff]{0,10}[〔\[［]\s*(?:19|20)\d{2}\s*[〕\]］]\s*(?:第\s*)?\d{1,4}\s*号")


@pattern
def BLOCK_START(f: dict) -> re.Pattern[str]:
    """A line that opens a block reflow must never join onto: headings, list items, bullets.
    Examples: 一、工作动态 / （一）强化保障 / 1. 文博工作 / ◆县人社局… / 【民生保障】 / ①县医保局…."""
    marks = char_class([*f["bullets"], *f["section_bars"], "·"])
    return regexcache.compile(
        rf"^\s*(?:[【〖\[［]|[{marks}]\s*|第[{CN_DIGITS}\d]{{1,4}}[章节部分篇]|"
        rf"[—－]{{2,6}}(?=[^—－]{{2,12}}[—－]{{2,6}}\s*$)|"
        rf"[{CN_DIGITS}]{{1,3}}、|[（(][{CN_DIGITS}\d]{{1,3}}[）)]|\d{{1,2}}[.．、](?![\d．.])|"
        rf"[{CN_DIGITS}]{{1,2}}是[^，,。]|[A-Z][.、]|[\u2460-\u2487]|"
        rf"(?={DOCUMENT_NUMBER.pattern}\s*$))"
    )


@pattern
def HARD_BLOCK_START(f: dict) -> re.Pattern[str]:
    """Blocks that start a paragraph even after a full line: sections, 一、 headings, bullets.
    (Run-in markers such as 一是 and （二） often follow 。 inside one paragraph.)"""
    return regexcache.compile(rf"^\s*(?:[【〖\[［{P.BULLETS}]|[〇一二三四五六七八九十]{{1,3}}、)")


def _single(label: str) -> str:
    """A one-character footer label only where it does not end a word: 报： but not 简报：."""
    return f"(?<![{CJK}]){re.escape(label)}" if len(label) == 1 else re.escape(label)


#: The mark between a label and its value: a colon, or the bar a post sets there (来源丨县融媒体中心,
#: 编辑｜李婷). A character class.
LABEL_COLON = "[:：丨｜]"


@pattern
def SOURCE_LABELLED(f: dict) -> re.Pattern[str]:
    """A line opening with a source's label and its colon, which may recur in an issue (two stories
    from one office) and is never a running header. Example: 供稿：县政府督查室第二督查组."""
    return regexcache.compile(rf"^\s*[（(【\[]?\s*(?:{alternation(f['source_labels'])})\s*[】\]]?\s*{LABEL_COLON}")


@pattern
def FOOTER_LABEL(f: dict) -> re.Pattern[str]:
    """A line reflow never joins onto, opening a footer. Example: 本期发：县委常委… / 责任编辑：李勉 /
    审核：原超俊 / 签发：麻彦伟 / 共印80份."""
    labels = f["footer_labels"]
    loose = [w for w in labels if len(w) > 1 and labels[w] != "distribution"] + list(f["footer_bare"])
    colon = [w for w in labels if w not in loose]
    other = [*f["footer_copies"], *f["footer_other"]]
    return regexcache.compile(rf"^\s*(?:{alternation(loose + other)}|(?:{alternation(colon)}){LABEL_COLON}"
                              rf"|[（(]\s*(?:{alternation(f['footer_copies'])})\s*\d+\s*份)")


@pattern
def FOOTER_FIELD(f: dict) -> re.Pattern[str]:
    """Footer fields. Example: 责任编辑：李勉 / 审核：原超俊 / 本期发：县委常委… / 共印 80 份."""
    words = sorted(f["footer_labels"], key=len, reverse=True)
    return regexcache.compile(rf"(?P<label>{'|'.join(_single(w) for w in words)})\s*{LABEL_COLON}"
                      rf"|(?P<copies>{alternation(f['footer_copies'])}\s*(?P<n>\d+)\s*份)")


@pattern
def FOOTER_START(f: dict) -> re.Pattern[str]:
    """A paragraph that opens the footer. Example: 本期发：县委常委… / 责任编辑：李勉 / 共印80份, （共印30份）."""
    words = sorted(f["footer_labels"], key=len, reverse=True)
    return regexcache.compile(rf"^\s*(?:{alternation(f['footer_bare'])}|(?:{'|'.join(map(re.escape, words))})\s*{LABEL_COLON}"
                      rf"|[（(]?\s*{alternation(f['footer_copies'])}\s*\d+\s*份)")


@pattern
def TITLE(f: dict) -> re.Pattern[str]:
    """A masthead title: a short line ending in a title word. Example: 延津政务快报, 工作简报."""
    return regexcache.compile(rf"^.{{2,30}}?({alternation(f['title_words'])})$")


@pattern
def SALUTATION(f: dict) -> re.Pattern[str]:
    """A speech's or report's greeting on its own line. Example: 同志们：, 各位代表、各位委员：."""
    words = alternation(f["salutations"])
    return regexcache.compile(rf"^\s*(?:{words})(?:\s*[、，,]\s*(?:{words}))*\s*[:：!！]?\s*$")


@pattern
def SPEAKER(f: dict) -> re.Pattern[str]:
    """A speech's byline: a post (the lexicon's ``speaker_posts``), perhaps after an office, and a
    person's name set apart by a space, perhaps in brackets. Example: 县长  王建国, （县委书记 李明）."""
    posts = alternation(sorted(f["speaker_posts"], key=len, reverse=True))
    return regexcache.compile(rf"^\s*[（(]?\s*[\u4e00-\u9fff、]{{0,16}}?(?:{posts})\s+[\u4e00-\u9fff·]{{2,4}}\s*[）)]?\s*$")


@pattern
def SPEAKER_OFFICE(f: dict) -> re.Pattern[str]:
    """A speech's byline naming the government the speaker heads, which issues the speech: the office
    in its first group, where it names its place. Example: 海城市人民政府 of 海城市人民政府市长　王立新;
    not 自治区人民政府主席 张雨浦."""
    posts = alternation(sorted(f["speaker_posts"], key=len, reverse=True))
    return regexcache.compile(rf"^\s*[（(]?\s*(?!(?:自治区|自治州|省|市|县|区|州|盟|旗|镇|乡)(?:人民)?政府)"
                              rf"([\u4e00-\u9fff]{{2,12}}?(?:人民政府|政府))\s*(?:{posts})\s+[\u4e00-\u9fff·]{{2,4}}\s*[）)]?\s*$")


@pattern
def DOCUMENT_TITLE(f: dict) -> re.Pattern[str]:
    """A document's own title by how it opens (the lexicon's ``document_title_openers``), never a
    bulletin's name. Example: 关于全县重点项目建设进展情况的督查通报."""
    return regexcache.compile(rf"^\s*(?:{alternation(f['document_title_openers'])})")


@pattern
def ENTRIES_TITLE(f: dict) -> re.Pattern[str]:
    """A title that names a page of entries. Example: 喜洲镇镇情简介, 宝塔年鉴2023."""
    return regexcache.compile(alternation(f["entries_title_words"]))


@pattern
def CHRONICLE_TITLE(f: dict) -> re.Pattern[str]:
    """A title that names a chronicle, its entries dated. Example: 大事记."""
    return regexcache.compile(alternation(f["chronicle_title_words"]))


@pattern
def LETTERHEAD(f: dict) -> re.Pattern[str]:
    """A red header's letterhead. Example: 延津县人民政府办公室文件."""
    return regexcache.compile(rf"(?:{alternation(f['letterhead_endings'])})\s*$")


@pattern
def OFFICE_ABOUT(f: dict) -> re.Pattern[str]:
    """A notice's title naming its office before its opener, no clause in the office's name.
    Example: 阳朔县住房和城乡建设局关于公开征求…的公告."""
    return regexcache.compile(rf"^\s*[^，。；：:,\s]{{2,24}}?(?:{alternation(f['document_title_openers'])})")


@pattern
def FORWARDING(f: dict) -> re.Pattern[str]:
    """A notice's title that sends another document on. Example: 关于印发《…实施方案》的通知."""
    return regexcache.compile(rf"^\s*(?:{alternation(f['forwarding_openers'])})")


def masthead_name(text: str) -> bool:
    """A bulletin's name (:data:`TITLE`), not a document's title that ends in a title word.

    >>> masthead_name("督查通报"), masthead_name("关于全县重点项目建设进展情况的督查通报")
    (True, False)
    """
    return bool(P.TITLE.match(text)) and not P.DOCUMENT_TITLE.match(text)


@pattern
def TITLE_ENDING(f: dict) -> re.Pattern[str]:
    """How the title of a bulletin, summary or report ends. Example: 快报 of 延津政务快报, 报告 of
    …关于2024年上半年工作情况的报告."""
    return regexcache.compile(rf"({alternation([*f['title_words'], *f['report_title_words'], *f['rules_title_words']])})$")


@pattern
def SITE_SUFFIX(f: dict) -> re.Pattern[str]:
    """A site's name after a page title and a dash. Example: -高县年鉴 of 2020年工作和十三五发展回顾-高县年鉴."""
    return regexcache.compile(rf"(?<=\S)\s*[-_|–—]{{1,2}}\s*[{CJK}]{{1,16}}?(?:{alternation(f['site_name_endings'])})\s*$")


@pattern
def SITE_NAME(f: dict) -> re.Pattern[str]:
    """A site's name alone on a line (never a document's title). Example: 阳朔县人民政府门户网站."""
    endings = [e for e in f["site_name_endings"] if "网" in e]
    return regexcache.compile(rf"^\s*[{CJK}]{{2,16}}?(?:{alternation(endings)})\s*$")


def page_title(title: str) -> str:
    """A page's title without the site's name after it. Example: 县召开会议_某县人民政府 → 县召开会议,
    松阳新闻数字报 → 松阳新闻."""
    m = P.SITE_SUFFIX.search(title)
    title = title[:m.start()] if m and m.start() >= 6 else title
    e = EPAPER_SUFFIX.search(title)  # 松阳新闻数字报: the paper's name, its site's word after it
    return title[:e.start()] if e and e.start() >= 2 else title


#: What an e-paper's site adds to the paper's name. Example: 数字报 of 松阳新闻数字报.
EPAPER_SUFFIX = Regex(r"(?:数字报|电子报|数字版|电子版)$")


@pattern
def REPORT_TITLE(f: dict) -> re.Pattern[str]:
    """The title of a document made of numbered points: a summary, report, plan or rules.
    Example: …关于2024年度工作总结和2025年工作计划的报告, 工作制度."""
    return regexcache.compile(rf"({alternation([*f['report_title_words'], *f['rules_title_words']])})\s*$")


@pattern
def RULES_TITLE(f: dict) -> re.Pattern[str]:
    """The title of a body of rules, whose lower clauses are provisions, its status in brackets after
    it or not. Example: 工作制度, 修武县乡村民宿管理办法（试行）."""
    return regexcache.compile(rf"({alternation(f['rules_title_words'])})\s*(?:[（(](?:试行|暂行|修订)[）)])?\s*$")


@pattern
def ISSUER(f: dict) -> re.Pattern[str]:
    """An issuing office at the end of a masthead line. Example: 延津县人民政府办公室."""
    return regexcache.compile(rf"^[^，。；：:]{{2,40}}?({alternation(f['issuer_endings'])})"
                      rf"({alternation(f['issuer_suffixes'])})?$")


@pattern
def ISSUER_SUFFIX(f: dict) -> re.Pattern[str]:
    """How an issuer's name may end. Example: 编印 in 县委办公室编印."""
    return regexcache.compile(rf"({alternation(f['issuer_suffixes'])})$")


@pattern
def UNIT_SUFFIX(f: dict) -> re.Pattern[str]:
    """Suffixes that make a name a unit (bureau, township, company, …). Example: 住建局, 东屯镇, 潭龙街道."""
    return regexcache.compile(rf"({alternation(f['unit_suffixes'])})$")


@pattern
def CREDIT_AFTER(f: dict) -> tuple[str, ...]:
    """Words after a unit in a credit, as a tuple for ``str.endswith``. Example: 供稿 of 县文旅局供稿."""
    return tuple(sorted(f["credit_after"], key=len, reverse=True))


@pattern
def TAIL_CREDIT(f: dict) -> re.Pattern[str]:
    """A credit closing a paragraph without round brackets: in 【】, after a dash, a unit with 供稿,
    or an opening bracket whose closing one the extractor lost.
    Examples: …1200人。【县民政局】, …614人。〔县人社局　县就业局〕, …12吨。——县水利局, …观看。县文旅局供稿, 县住建局　张三　报送 (a unit
    and its writers), …亿元。（县开发区."""
    after = alternation([w for w in f["credit_after"] if len(w) > 1])
    return regexcache.compile(
        rf"(?:(?<=[。！？!?”])|^)\s*(?:[【〔［]\s*(?P<bracket>[^【】〔〕［］\n]{{2,30}}?)\s*[】〕］]|[—－]{{1,2}}\s*(?P<dash>[{CJK}·、\s]{{2,30}}?)"
        rf"|(?P<word>[{CJK}、]{{2,24}}?(?:[ \u3000]+[{CJK}·]{{2,4}}){{0,3}}\s?(?P<after>{after}))"
        rf"|[（(【]\s*(?P<open>[^（）()【】\n。，；]{{2,30}}?))\s*$")


@pattern
def TAIL_CREDIT_LAST(f: dict) -> str:
    """The last characters a closing credit without round brackets can end in, besides an
    ideograph: 】 〕 ］ and the last character of each word after a unit (稿 of 供稿)."""
    return "】〕］" + "".join(dict.fromkeys(w[-1] for w in f["credit_after"]))


@pattern
def ARTEFACT_START(f: dict) -> frozenset[str]:
    """Characters a page artefact (page number, rule) can start with. Example: - of - 2 -, ━."""
    return frozenset("0123456789–第pP一" + RULE_CHARS + "".join(f["bullets"]))


def tail_credit_name(m: re.Match[str]) -> str:
    """The name a :data:`TAIL_CREDIT` match gives, without its 供稿/报送/提供.
    Example: 县文旅局 of …观看。县文旅局 供稿."""
    word = m.group("word")
    return m.group("bracket") or m.group("dash") or (word[:-len(m.group("after"))].strip() if word else "") \
        or m.group("open") or ""


@pattern
def LABEL_END(f: dict) -> re.Pattern[str]:
    """A labelled field with its value gone onto the next line: the line ends on a label that has
    a value (not a page's 背景色：). Example: 【作者】中山年鉴编纂委员会 【成文日期】 ⏎ 2019-12-31."""
    valued = [w for w in [*f["field_labels"], *f["metadata_labels"]] if f["web_meta_labels"].get(w, "") is not None]
    labels = alternation([*valued, *(k for k, v in f["web_meta_labels"].items() if v)])  # (浏览次数：, a counter a script fills: no value)
    return regexcache.compile(rf"(?:[【\[]\s*(?:{labels})\s*[】\]]|(?<![{CJK}])(?:{labels})\s*[:：])\s*$")


@pattern
def WEB_META(f: dict) -> re.Pattern[str]:
    """The line of labelled facts under a web article's title.
    Example: 来源：肥西县应急管理局  发布时间：2024-05-06."""
    labels = f["web_meta_labels"]
    opening = alternation(k for k, v in labels.items() if v)
    closing = alternation([k for k, v in labels.items() if v == "date"] + ["浏览", "点击", "阅读"])
    return regexcache.compile(rf"^\s*(?:{opening})\s*[:：].{{0,80}}?(?:{closing}|$)")


@pattern
def METADATA_LINE(f: dict) -> re.Pattern[str]:
    """A line opened by a label of a government page's information table (信息公开), its value
    after a colon: one of the table's facts, never a title; a label's characters may be set apart to
    fill a column. Example: 主题分类：综合政务, 索引号：…, 文    号：无."""
    spaced = "|".join(r"\s*".join(map(re.escape, label)) for label in sorted(f["metadata_labels"], key=len, reverse=True))
    return regexcache.compile(rf"^\s*(?:{spaced})\s*[:：]")


@pattern
def WEB_META_FIRST(f: dict) -> frozenset[str]:
    """The characters a facts line can open with, to skip the pattern on other lines. Example: 来 of 来源."""
    return frozenset(k[0] for k, v in f["web_meta_labels"].items() if v)


@pattern
def WEB_META_FIELD(f: dict) -> re.Pattern[str]:
    """One labelled fact of that line, its value running to the next label, a gap or a bracket it
    does not open. Example: 来源：肥西县应急管理局 → (来源, 肥西县应急管理局); （来源：大营镇人民政府） →
    (来源, 大营镇人民政府)."""
    labels = alternation(f["web_meta_labels"])
    return regexcache.compile(rf"({labels})\s*{LABEL_COLON}\s*"
                              rf"((?:(?!(?:{labels})\s*{LABEL_COLON})(?:[^\s:：丨｜【】\[\]（）()]|（[^（）\s]*）|\([^()\s]*\)))+"
                              rf"(?:\s\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?)")


@pattern
def FACTS_LABEL(f: dict) -> re.Pattern[str]:
    """A label of a page's facts anywhere in a line, its colon after it (a line with two of them is
    a facts line, wherever it starts). Example: 日期: of 来源:京东新城 日期:2021/8/2 点击:967."""
    labels = [*f["web_meta_labels"], *f["field_labels"], "点击", "浏览", "阅读", "访问量", "人气", "字号", "审核"]
    return regexcache.compile(rf"(?:{alternation(labels)})\s*(?:数|次数|量)?\s*{LABEL_COLON}")


#: An issue number. Examples: 第 43 期, 第四十三期, 总第 512 期, 2023年第18期, 20期.
ISSUE = Regex(rf"(?:总\s*)?第?\s*([\d{CN_DIGITS}](?:\s*[\d{CN_DIGITS}])*)\s*期")

#: How a year written in Chinese numerals writes its zero: 〇, 零, or a circle or letter O typed for
#: it (○ U+25CB, Ｏ, and O once full-width letters are folded), or the digit 0. Example: 二○二四年, 二0一0年.
YEAR_ZEROS = "〇零○ＯO0０"
#: A line that opens with a short lead sentence, as digests start paragraphs (reflow keeps it a
#: paragraph's start; split reads a digest by it). Example: 全盘谋项目。
LEAD_SENTENCE = Regex(r"^(?![〇一二三四五六七八九十]{1,2}是)[^。；！？\s]{2,20}。")
#: A date in Arabic or Chinese numerals. Examples: 2023年9月22日, 二〇二三年九月二十二日, 2023年4月21.
DATE = Regex(
    rf"([12]\d{{3}}|[一二][{YEAR_ZEROS}一二三四五六七八九]{{3}})\s*年\s*([\d{CN_DIGITS}]{{1,3}})\s*月\s*"
    rf"([\d{CN_DIGITS}]{{1,3}})\s*(?:日|号)?"
)
#: What separates a date's numbers, half- or full-width (inside a character class). Example: the ． of 2015．8．24.
DATE_SEPARATORS = r"\-./．／－"
#: A date written with digits and separators. Example: 2023-09-22, 2023.9.22, 2015．8．24.
DATE_NUMERIC = Regex(rf"(?<![\d{DATE_SEPARATORS}])([12]\d{{3}})[{DATE_SEPARATORS}]([01]?\d)[{DATE_SEPARATORS}]"
                          rf"([0-3]?\d)(?![\d{DATE_SEPARATORS}])")

#: Marks a page number is set between, besides the bullets. Example: - of - 2 -, — of —2—.
PAGE_NUMBER_MARKS = "-－—–·"


@pattern
def PAGE_NUMBER(f: dict) -> re.Pattern[str]:
    """A page number alone on a line. Examples: - 2 -, —2—, 第 2 页, 第2页 共5页, 2/5, ·3·, •3•."""
    marks = re.escape(PAGE_NUMBER_MARKS) + P.BULLETS
    return regexcache.compile(
        rf"^\s*(?:[{marks}]\s*\d{{1,4}}\s*[{marks}]|第\s*\d{{1,4}}\s*页(?:\s*[,，/]?\s*共\s*\d{{1,4}}\s*页)?|"
        r"\d{1,4}\s*/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?|\d{1,3})\s*$",
        re.IGNORECASE,
    )

#: Characters a decorative rule is drawn with, besides the bullets. Example: ━ of ━━━━━━━━.
RULE_CHARS = "━─—―_＿=＝-－·…*＊~～"


@pattern
def RULE_LINE(f: dict) -> re.Pattern[str]:
    """A decorative rule under a masthead or between parts, drawn with characters, or a Markdown
    rule; a rule OCR read as the character 一, eight times or more. Example: ━━━━━━━━, ★★★★★, ---,
    一一一一一一一一一一."""
    return regexcache.compile(rf"^(?:[\s{re.escape(RULE_CHARS)}{P.BULLETS}]{{5,}}|-{{3,4}}|\*{{3,4}}|_{{3,4}}|\s*一{{8,}}\s*)$")

#: A reporting-unit attribution closing an item. Examples: （住建局）, (政府办综合六科),
#: （农业农村局 潭龙街道 榆林乡）, （县农业局 刘广刚）.
ATTRIBUTION_END = Regex(r"[（(]\s*([^（）()\n]{2,80}?)\s*[）)]\s*$")

#: East Asian Wide and Fullwidth characters (ideographs, kana, 。，（）, full-width forms).
WIDE = Regex(
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


def gapless_width(text: str) -> int:
    """:func:`width` with each gap counted as one blank: a line set out in parts is as wide as its
    words. ``gapless_width("县委办公室编印          签发人：张三")`` is 27.
    """
    return width(" ".join(text.split()))


def scan(pattern: re.Pattern[str], starts: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, tried only where ``starts`` (one character class, every first
    character ``pattern`` can match) finds a candidate. The regex engine skips ahead by itself only
    for patterns that open with one character class; an alternation of groups makes it try every
    position, which on Chinese text is twice as slow.

    >>> [m.group(0) for m in scan(regexcache.compile(r"(?P<a>\\d+)个|(?P<b>[一二三])项"), regexcache.compile(r"[\\d一二三]"), "建成12个、完成三项")]
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


@pattern
def GENERIC_SECTION(f: dict) -> re.Pattern[str]:
    """A section name that says only "news from somewhere", not what about, so the headline decides
    (forms.yaml ``generic_section_places`` then ``generic_section_words``).
    Example: 基层动态, 工作动态, 部门信息, 乡镇快讯, 要闻."""
    return regexcache.compile(rf"^(?:{alternation(f['generic_section_places'])})?(?:{alternation(f['generic_section_words'])})$")


@pattern
def GENERIC_SECTION_PREFIX(f: dict) -> re.Pattern[str]:
    """Such a name run into the headline after it: one with its place, or one that never opens a
    headline (``generic_section_alone``), before the headline's first character.
    Example: 工作动态|省级督查小组来岚…, 简讯|热血送暖…."""
    return regexcache.compile(rf"^((?:{alternation(f['generic_section_places'])})(?:{alternation(f['generic_section_words'])})"
                      rf"|{alternation(f['generic_section_alone'])})(?=[^，,：:、化])")

#: Verbs and phrases that typically open an item's body, for when the headline space was lost.
#: Example: 县科工局加速技改助力企业转型升级|建立技改项目库.
BODY_OPENERS = Regex(
    r"(按照|通过|围绕|聚焦|坚持|成立|召开|建立|开展|紧盯|结合|针对|立足|依托|以|为|近日|日前|今年以来|自|"
    r"牢固树立|充分发挥|组织|协调|派出|汇聚|抓好|采取|今年|截至|在|对|其中|此外|另外|据悉|据了解|下一步)"
)
#: A headline of clauses joined by commas, in full: 抓改造、惠民生，县住建局扎实推进老旧小区改造.
COMMA_HEADLINE = Regex(rf"^[{CJK}“”·\d\-—.%]{{2,32}}(?:[，、][{CJK}“”·\d\-—.%]{{2,32}}){{1,2}}$")
#: What separates the clauses of a headline or sentence. Example: ， in 抓改造，惠民生.
CLAUSES = Regex(r"[，、]")


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


#: The county, town or office speaking of itself, as an item's text or headline opens. Example: 我局, 我县.
SELF_UNIT = "我[县市区旗局委办镇乡]"
#: Not 办 as the end of a verb (举办, 经办, 可办): a look-behind to put before 办 in a unit pattern.
VERB_BAN = "(?<![举承创兴督代包开筹主协交查可难好快帮经申领])"
#: Words that open a task, not a unit's name. Example: 认真做好社会…, 办全国乡村…, 抓紧推进全区….
TASK_OPENERS = ("抓紧|不断|认真|促进|做好|提升|着力|持续|加快|深化|强化|推进|扎实|全力|积极|切实|优化|建立|完善|加强|"
                "坚持|聚焦|推动|统筹|巩固|实施|开展|落实|打造|培育|发展|办|全面|大力|进一步|努力|狠抓|抓好|抓实")
#: A unit opening a headline (beyond the known aliases): a county body, 县/市/区 and the shortest
#: run of ideographs to a unit word, or a township's name. Example: 县交通运输局|多管齐下…,
#: 东屯镇|给小麦…, 文岩街道|全力开展…; not 认真做好社|会团体…, 办全国乡|村“村晚”….
HEADLINE_UNIT = Regex(
    rf"^(?:[县市区旗](?!乡)[{CJK}]{{1,10}}?(?:街道办事处|委员会|(?<!常)委会|办公室|管委会|(?<![大全格布结当])局|(?<!常)委(?!会)|{VERB_BAN}办|"
    rf"中心|社(?!会)|院|所|站|队|公司|集团|部|联)|(?!{TASK_OPENERS}|[请各全本该每])(?:[{CJK}]{{2,3}}[县市区])?"
    rf"[{CJK}]{{2,4}}?(?:镇|(?<!城)乡(?!村)|街道|社区|村))"
    rf"(?=[{CJK}“])"  # and the headline goes on: 优化医保业务经办 is a task, not a unit
)
