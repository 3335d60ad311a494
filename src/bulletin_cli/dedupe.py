"""Items that repeat an earlier item word for word or nearly, across all documents of one run.

>>> d = Deduper()
>>> d.check({"item_id": "a:1", "headline": "优化医保业务经办", "body": "深化“最多跑一次”改革，推进医保标准化建设。"})
(None, None)
>>> d.check({"item_id": "b:4", "headline": "优化医保业务经办", "body": "深化“最多跑一次”改革，推进医保标准化建设！"})
('a:1', 1.0)
"""

from __future__ import annotations

import re
import unicodedata

#: Similarity (Dice coefficient over character bigrams) from which an item is a near duplicate.
THRESHOLD = 0.85
_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """Text compared for duplicates: width-folded, without spaces and punctuation."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", text or ""))


def bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)} or {text}


def dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 1.0


def similarity(a: set[str], b: set[str]) -> float:
    """Dice over bigrams; for excerpts cut at different lengths, how much of the shorter one the
    longer contains (when the shorter has at least 30 bigrams)."""
    shorter = min(len(a), len(b))
    contained = len(a & b) / shorter if shorter >= 30 else 0.0
    return max(dice(a, b), contained)


class Deduper:
    """Remembers items and finds, for each new one, the earliest item it repeats.

    Candidates share the folded headline or the first 24 folded characters of the body, so the
    work stays linear in the number of items.
    """

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.by_key: dict[str, list[tuple[str, set[str]]]] = {}

    def check(self, item: dict) -> tuple[str | None, float | None]:
        """(id of the earlier item this one repeats, similarity), or (None, None); then remembers it."""
        head, body = fold(item.get("headline") or ""), fold(item.get("body") or "")
        grams = bigrams(head + body)
        keys = [k for k in ("h:" + head if len(head) >= 4 else "", "b:" + body[:24] if len(body) >= 24 else "") if k]
        best: tuple[str | None, float | None] = (None, None)
        for key in keys:
            for other_id, other in self.by_key.get(key, []):
                sim = round(similarity(grams, other), 3)
                if sim >= self.threshold and (best[1] is None or sim > best[1]):
                    best = (other_id, sim)
        for key in keys:
            self.by_key.setdefault(key, []).append((item.get("item_id", ""), grams))
        return best
