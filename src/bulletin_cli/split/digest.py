"""The ``digest`` and ``plain`` layouts: heading lines over paragraphs, or one item a paragraph.
"""

from __future__ import annotations

from ..lexicon.patterns import (
    P,
    width,
)
from .common import Draft, Para, Parsed
from .headlines import _is_heading, lead_headline


def parse_digest(paras: list[Para], parsed: Parsed) -> None:
    """Title, banner and heading lines as sections; paragraphs as items with lead-sentence headlines."""
    section: str | None = None
    for k, p in enumerate(paras):
        t = p.text
        credit = P.CAPTION_CREDIT.search(t)
        if credit and width(t) <= 400:
            parsed.captions.append({"text": t, "credit": credit.group(1).strip(), "span": [p.start, p.end],
                                    "section": section})
            parsed.regions.append((p.start, p.end, "caption"))
            continue
        if _is_heading(p):
            section = t
            parsed.sections.append(t)
            parsed.regions.append((p.start, p.end, "section"))
            continue
        d = Draft(p.start, p.end, section=section)
        lead = lead_headline(t)
        d.headline, d.body = lead if lead else (None, t)
        parsed.items.append(d)


def parse_plain(paras: list[Para], parsed: Parsed) -> None:
    """One item per paragraph; a short first sentence is the headline. A web article (its facts
    line under the title) is one item: the title its headline, its signing office or source its unit."""
    if parsed.article is not None:  # (the page chrome around it is gone already: see _frame)
        if paras:
            d = Draft(parsed.article, paras[-1].end, headline=parsed.headline or parsed.masthead.get("title"))
            d.body = "\n".join(p.text for p in paras)
            source = parsed.masthead.get("issuer")  # the signing office, else the source the page names
            d.units = [source] if source else []
            parsed.items.append(d)
        return
    for p in paras:
        d = Draft(p.start, p.end)
        lead = lead_headline(p.text)
        d.headline, d.body = lead if lead else (None, p.text)
        parsed.items.append(d)
