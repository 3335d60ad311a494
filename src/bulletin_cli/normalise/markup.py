"""Markup left in text: ``**bold**`` (remembered as marks), Markdown heading and quote marks, stray
HTML tags and entities (a whole saved page is parsed by :mod:`bulletin_cli.read.html` instead).

>>> strip_markup("**县农业农村局**开展督导", Changes())
'县农业农村局开展督导'
"""

from __future__ import annotations

import html
import re

from ..changes import Changes, counted_sub
from ..lexicon.patterns import Regex
from .mdpage import IMAGE, LINK

#: Bold/underline markup from Markdown-ish extraction, not next to redaction asterisks.
#: Example: **县农业农村局** → 县农业农村局, but ***区 stays.
MARKUP_BOLD = Regex(r"(?<![*_])(\*\*|__)(?![*_\s])([^*_\n]{1,40}?)(?<![*_\s])\1(?![*_])")


#: A line set bold in pieces by a converter (a Word page's runs each bold): ** around the line,
#: ****, an empty close and open, inside, twice or more (once may be a redaction: **县****局…**).
#: Example: **〔 201****9****〕第****3****期******.
PIECED_BOLD = Regex(r"^\*\*(?=[^*\s])([^\n]*?\*{4}[^\n]*?\*{4}[^\n]*?)\*\*$", re.MULTILINE)
#: Runs of an even number of asterisks: empty bold pairs, not a redaction's odd run or one inside words.
EVEN_STARS = Regex(r"(?<!\*)(?:\*\*)+(?!\*)")


#: Markdown block marks at the start of a line: headings and quotes. Example: ## 【项目建设】 → 【项目建设】.
MARKDOWN_BLOCK = Regex(r"^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?)(?=\S)", re.MULTILINE)


#: Closing hashes of a Markdown heading. Example: ## 工作动态 ## → 工作动态.
MARKDOWN_CLOSING = Regex(r"(?<=\S)[ \t]+#{1,6}[ \t]*$", re.MULTILINE)


#: Stray HTML tags. Example: <p>, </span>, <br/>.
HTML_TAG = Regex(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]*)?/?>")


#: HTML entities. Example: &nbsp; &amp; &#12290;
HTML_ENTITY = Regex(r"&(?:[A-Za-z]{2,8}|#\d{2,7}|#[xX][0-9A-Fa-f]{2,6});")


#: Tags that close a block of text: a paragraph, a division, a list item, a heading, a row; a line break.
BLOCK_TAG = Regex(r"<(?:/(?:p|div|li|h[1-6]|tr|section)\s*|br\s*/?)>", re.IGNORECASE)


def html_fragment(text: str) -> bool:
    """A text whose paragraphs are set by HTML's block tags, not by its line breaks (a part of a page
    copied as text): two blocks closed or more, and more of them than lines."""
    blocks = len(BLOCK_TAG.findall(text))
    return blocks >= 2 and blocks > text.count("\n")


def strip_markup(text: str, changes: Changes) -> str:
    """Remove ``**bold**``, ``__x__``, HTML tags and entities; remember the marked spans."""

    def bold(m: re.Match[str]) -> str:
        changes.marks.append(m.group(2))
        return m.group(2)

    if "#" in text or ">" in text:
        before = text
        text = counted_sub(MARKDOWN_BLOCK, "", text, changes, "markup")
        if text is not before and "#" in text:
            text = counted_sub(MARKDOWN_CLOSING, "", text, changes, "markup")
    if "](" in text:  # Markdown pictures go, links keep their text: [首页](/) → 首页
        text = counted_sub(IMAGE, "", text, changes, "markdown_links")
        text = counted_sub(LINK, r"\1", text, changes, "markdown_links")
    if "****" in text:  # **〔 201****9****〕第****3****期****: one bold line written in pieces
        text = counted_sub(PIECED_BOLD, lambda m: "**" + EVEN_STARS.sub("", m.group(1)) + "**", text, changes, "markup")
    if "**" in text or "__" in text:
        text = counted_sub(MARKUP_BOLD, bold, text, changes, "markup")
    if "<" in text:
        text = counted_sub(HTML_TAG, "", text, changes, "html_tags")
    if "&" in text:
        text = counted_sub(HTML_ENTITY, lambda m: html.unescape(m.group(0)).replace("\xa0", " "), text,
                           changes, "html_entities")
    return text
