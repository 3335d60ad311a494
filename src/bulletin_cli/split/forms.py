"""The patterns ``split`` builds from the lexicon (forms.yaml and --config), read as ``P.NAME``.

Each builder takes the forms in force and is run once, on first use (see
:mod:`bulletin_cli.lexicon.patterns`).

>>> from bulletin_cli.lexicon.patterns import P
>>> P.SECTION_SYMBOL.match("★民生保障★").group(1), P.FOOTER_KEYS["签发"]
('民生保障', 'signer')
"""

from __future__ import annotations

import re

from .. import regexcache
from ..lexicon.patterns import CJK, LABEL_COLON, P, alternation, char_class, pattern


@pattern
def SECTION_SYMBOL(f: dict) -> re.Pattern[str]:
    """A section heading marked with a symbol, or between dashes, on a line of its own.
    Example: ■ 工作动态, ★民生保障★, ——县直部门——, ═══ 乡镇动态 ═══, ▌民生保障."""
    opening = char_class(f["bullets"] + f["section_bars"])
    closing = char_class([*f["bullets"], *f["section_closers"]])
    rule = char_class(f["section_rules"])
    return regexcache.compile(rf"^(?:[{opening}]\s*|[{rule}]{{2,6}}\s*(?=[^{rule}]+[{rule}]{{2,6}}$))"
                      rf"([^。，；：！？,;:!?\s{rule}{opening}{closing}]{{2,12}})"
                      rf"\s*(?:[{closing}]|[{rule}]{{2,6}})?$")


@pattern
def SECTION_CLOSERS(f: dict) -> tuple[str, ...]:
    """What closes a symbol section, for ``str.endswith``: ★民生保障★, ——县直部门——."""
    return (*f["bullets"], *f["section_closers"], "—", "－", "-")


@pattern
def BULLET(f: dict) -> re.Pattern[str]:
    """Bullets that open items. Example: ◆县人社局…"""
    return regexcache.compile(rf"^[{P.BULLETS}]\s*")


@pattern
def EDITOR_NOTE(f: dict) -> re.Pattern[str]:
    """An editor's note under the masthead. Example: 编者按：今年以来，各乡镇…."""
    return regexcache.compile(rf"^[【\[]?\s*({alternation(f['editor_notes'])})\s*[】\]]?\s*[:：]?")


@pattern
def MASTHEAD_MARK(f: dict) -> re.Pattern[str]:
    """Marks of restricted circulation above or beside the title. Example: 内部资料 注意保存, 秘密★1年."""
    return regexcache.compile(rf"^[（(【\[]?\s*(?:(?:{alternation(f['masthead_marks'])})"
                      rf"[\s，,、{char_class(f['masthead_mark_separators'])}]*(?:\d+\s*年)?[\s，,、]*)+[）)】\]]?\s*$")


@pattern
def MASTHEAD_LABEL(f: dict) -> re.Pattern[str]:
    """Labelled masthead fields: who runs and who prints the bulletin, and its chief editor.
    Example: 主办：中共寿县县委办公室    编印：县委督查室    主编：李明."""
    return regexcache.compile(rf"({alternation(f['masthead_labels'])})\s*[:：]\s*")


@pattern
def FOOTER_KEYS(f: dict) -> dict[str, str]:
    """Footer labels and the field each fills, but the distribution list. Example: 签发 → signer."""
    return {k: v for k, v in f["footer_labels"].items() if v != "distribution"}


@pattern
def CHROME(f: dict) -> re.Pattern[str]:
    """Web-page chrome around copied text, and a file's name alone on a line (a sharing site's
    heading over the text it shows). Example: 当前位置：首页 > 政务动态, 分享至, 张北年鉴乡镇编纂提纲.doc."""
    file_name = rf"[^，。；：:\s]{{2,60}}{P.FILE_SUFFIX.pattern}"
    return regexcache.compile(rf"^\s*(?:{'|'.join([*f['web_chrome'], file_name])})", re.IGNORECASE)


@pattern
def FILE_SUFFIX(f: dict) -> re.Pattern[str]:
    """A document file's suffix ending a line (forms.yaml ``file_suffixes``). Example: .docx of 第八期….docx."""
    return regexcache.compile(rf"\.(?:{alternation(f['file_suffixes'])})\s*$", re.IGNORECASE)


@pattern
def SOURCE_LABELS(f: dict) -> frozenset[str]:
    """The labels of a line naming the unit an item came from. Example: 供稿单位."""
    return frozenset(f["source_labels"])


@pattern
def SOURCE_LINE(f: dict) -> re.Pattern[str]:
    """A source line naming the unit, perhaps with other facts after it. Example: 供稿：临澧县委办公室,
    来源：县农业农村局, 【来源】县政府办, 供稿单位：西江镇人民政府    发布日期：2024年10月8日,
    供稿单位：勐混镇农业农村综合服务中心　　审核：岩温　　浏览量：312, 来源丨县委宣传部 (a post's bar)."""
    facts = alternation([*f["web_meta_labels"], *f["field_labels"], *f["writer_labels"], "点击", "浏览", "阅读"])
    return regexcache.compile(rf"^\s*[【\[]?\s*({alternation(f['source_labels'])})\s*[】\]]?\s*(?:{LABEL_COLON}|\|)?\s*(.{{2,40}}?)"
                              rf"(?:\s+(?:{facts})\s*(?:数|次数|量)?\s*(?:{LABEL_COLON}|\|).*)?\s*$")


@pattern
def CAPTION_OPENER(f: dict) -> re.Pattern[str]:
    """How a photo's caption opens. Example: 图为活动现场, 上图：县长调研."""
    return regexcache.compile(rf"^\s*[（(]?\s*(?:{alternation(f['caption_openers'])})")


@pattern
def CAPTION_MARK(f: dict) -> re.Pattern[str]:
    """A caption's mark opening a line, words after it. Example: ▲曼赛村村民在田间移栽冬早辣椒苗."""
    return regexcache.compile(rf"^\s*(?:{alternation(f['caption_marks'])})\s*[{CJK}\d“]")


@pattern
def CAPTION_CREDIT(f: dict) -> re.Pattern[str]:
    """A photo credit closing a caption paragraph. Example: … 特约摄影 栗卢建 摄."""
    return regexcache.compile(
        rf"(?:^|[\s。])((?:{alternation(f['photo_labels'])})[\s：:]*[{CJK}·]{{2,5}}(?:\s+[{CJK}·]{{2,5}})*\s*摄?"
        rf"|[{CJK}·]{{2,4}}\s+摄)$")


@pattern
def CONTENTS_HEADING(f: dict) -> re.Pattern[str]:
    """The heading of a table of contents under the masthead. Example: 本期要目, 【本期导读】, 目 录."""
    words = sorted(f["contents_headings"], key=len, reverse=True)
    spaced = "|".join(r"\s*".join(map(re.escape, w)) if len(w) == 2 else re.escape(w) for w in words)
    return regexcache.compile(rf"^\s*[【\[]?\s*({spaced})\s*[】\]]?\s*[:：]?\s*$")


@pattern
def ATTRIBUTION_WORDS(f: dict) -> re.Pattern[str]:
    """Words around the unit inside an attribution, and a photographer's 摄 after a name.
    Example: （供稿：县住建局）, （县住建局供稿）, （县住建局供稿 王五摄）."""
    return regexcache.compile(rf"^({alternation(f['credit_before'])})\s*{LABEL_COLON}\s*|\s*({alternation(f['credit_after'])})(?=\s|$)"
                              rf"|(?<=\S)\s*摄(?=\s|$)")


@pattern
def REPORTER_TITLES(f: dict) -> str:
    """Titles of the people who write an item, as an alternation. Example: 通讯员 in （通讯员 张三）."""
    return alternation(f["reporter_titles"])


@pattern
def CREDIT_LABELS(f: dict) -> re.Pattern[str]:
    """Labels before the names in a credit, and the 文/图 marks after them. Examples: （通讯员 张三）,
    （撰稿：张三 审核：李四）, （县住建局 张三/文）, （文/张三）."""
    return regexcache.compile(rf"(?:{P.REPORTER_TITLES}|{alternation(f['writer_labels'])})\s*[:：/]\s*"
                      rf"|(?:{P.REPORTER_TITLES})\s+|\s*/\s*[文图](?=\s|$)|\s+摄$")


@pattern
def LEAD_CREDIT(f: dict) -> re.Pattern[str]:
    """A credit opening a news item's body. Example: 本报讯（记者 张三 通讯员 李四）4月5日，…."""
    return regexcache.compile(rf"^(?:{alternation(f['news_openers'])})?\s*[（(]\s*((?:{P.REPORTER_TITLES})[^（）()]{{1,40}})[）)]")


@pattern
def ARTICLE_CREDIT(f: dict) -> re.Pattern[str]:
    """The editor's credit closing a web article: a footer label that is no distribution list.
    Example: （编辑：张敏）, 责任编辑：李勉."""
    return regexcache.compile(rf"^[（(\[【]?\s*(?:{alternation(P.FOOTER_KEYS)})\s*[:：]\s*([{CJK}·]{{2,4}})\s*[）)\]】]?$")


@pattern
def MENU_ITEM(f: dict) -> re.Pattern[str]:
    """A menu's entry as a text browser lists it, an asterisk or a bullet and a few words. Example:
    * 往期回顾, * PDF下载."""
    return regexcache.compile(rf"^\s*[*{char_class(f['bullets'])}]\s+[^\s，。；：:]{{1,8}}\s*$")
