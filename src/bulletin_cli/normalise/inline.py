"""Marks inside running text that are not its content: footnote markers, a page number run into a
sentence, pinyin glosses, and a site's note that it left text out. Each is counted; a left-out
passage is also named in a warning, since that text is lost before the tool sees it.

>>> from bulletin_cli.changes import Changes
>>> ch = Changes()
>>> inline_marks("全力做好“六稳”[1]工作，接听来电-1-和来办事人员，農（nóng）辦。……(省略912字,正式会员可完整阅读)……", ch)
'全力做好“六稳”工作，接听来电和来办事人员，農辦。……'
>>> sorted(ch.counts.items())
[('footnote_marks', 1), ('omitted_text', 1), ('page_numbers', 1), ('pinyin', 1)]
"""

from __future__ import annotations

from ..changes import Changes, counted_sub
from ..lexicon.patterns import CJK, Regex

#: A footnote marker after a word. Example: [1] of 全力做好“六稳”[1]工作.
FOOTNOTE = Regex(rf"[\[［〔](?<=[{CJK}”’）)][\[［〔])(\d{{1,2}})[\]］〕](?=[{CJK}“‘，、。；：,;])")
#: A page number between dashes run into a sentence by the extractor. Example: -1- of 来电-1-和.
PAGE_IN_SENTENCE = Regex(rf"[-－—–](?<=[{CJK}，、][-－—–])\s?\d{{1,3}}\s?[-－—–](?=[{CJK}])")
#: A pinyin gloss after a character. Example: （nóng） of 農（nóng）辦.
PINYIN = Regex(rf"[（(](?<=[{CJK}][（(])[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{{1,7}}[1-5]?[）)]")
#: A site's note that it left part of the text out, with its dots. Example: (新文秘网…省略912字,正式会员可完整阅读).
OMITTED = Regex(r"[.…]*\s*[(（][^()（）\n]{0,40}省略\s*\d+\s*字[^()（）\n]{0,30}[)）]\s*[.…]*")
#: Anything these could start with, to skip texts that have none.
ANY = Regex(r"[\[［〔（(]|\d\s?[-－—–]")


def inline_marks(text: str, changes: Changes) -> str:
    """``text`` without footnote markers, page numbers run into sentences, pinyin glosses and
    omission notes (each counted)."""
    if not ANY.search(text):
        return text
    if "[" in text or "［" in text or "〔" in text:
        text = counted_sub(FOOTNOTE, "", text, changes, "footnote_marks")
    text = counted_sub(PAGE_IN_SENTENCE, "", text, changes, "page_numbers")
    if "（" in text or "(" in text:
        text = counted_sub(PINYIN, "", text, changes, "pinyin")
        if "省略" in text:
            text = counted_sub(OMITTED, "……", text, changes, "omitted_text")  # one ellipsis marks the gap
    return text
