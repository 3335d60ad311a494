"""The frame around a summary, digest or web article: title above, facts line, addressee, and
signature and date below.
"""

from __future__ import annotations

import re

from .. import regexcache
from ..lexicon.patterns import (
    P,
    Regex,
    alternation,
    pattern,
    width,
)
from .common import CJK_RUN, SENTENCE_MARK, Para
from .masthead import parse_masthead, web_meta

#: Masking marks a page may drop from a title it repeats. Example: ** of 在**县第十八届….
MASKS = Regex(r"\*+|(?<![A-Za-z])[xX]{2,}(?![A-Za-z])|×+")


#: A first paragraph wider than this (display columns) may be the whole document, title and all.
LONG_FIRST = 200


@pattern
def TITLE_RUN_ON(f: dict) -> re.Pattern[str]:
    """A report's title run into its text, its line break lost, perhaps after a sharing site's page
    count; the title ends at its last title word followed by the text. Example:
    4页|《张北年鉴》（2007—2010）乡镇部分编纂提纲|《张北年鉴》进入编纂、审稿阶段后，…."""
    return regexcache.compile(rf"^(?:共?\s*\d{{1,3}}\s*页\s*)?(?P<title>[^，。；：！？,;:!?\s]{{4,60}}"
                      rf"(?:{alternation([*f['report_title_words'], *f['rules_title_words']])}))(?=[^，。；：！？,;:!?\s])")


def _signature_office(text: str) -> bool:
    """An office or body signing a document on a line of its own. Example: 平潭综合实验区市场监督管理局,
    平潭县粮油工业公司."""
    return width(text) <= 40 and (bool(P.ISSUER.match(text)) or (bool(P.UNIT_SUFFIX.search(text))
                                                                  and CJK_RUN.fullmatch(text) is not None))


def page_frame(paras: list[Para]) -> tuple[list[Para], dict]:
    """A site's page around a bulletin issue it carries: the page's title and facts line over the
    issue's own masthead (``寿县政务督查`` / ``20期`` / ``寿县人民政府督查室  2022年8月19``). Returns
    the issue's masthead lines (none when the page carries no masthead) and the fields they give,
    which are the document's; the page's title and facts line stay, so the page is read as the
    article it frames (one notice, usually), its site source and posting date used where the
    issue lacks them."""
    if len(paras) < 5 or (facts := web_meta(paras[1].text)) is None or SENTENCE_MARK.search(paras[0].text):
        return [], {}
    inner, n = parse_masthead(paras[2:9])
    if "issue" in inner and ({"title", "issuer", "date"} & set(inner)) \
            and any(P.TITLE.match(p.text) for p in paras[2:6]) and len(paras) > 2 + n:
        return paras[2:2 + n], {"source": facts.get("issuer"), "posted": facts.get("date"), **inner}
    return [], {}
