"""Items that repeat an earlier item word for word or nearly, across all documents of one run.

>>> d = Deduper()
>>> d.check({"item_id": "a:1", "headline": "优化医保业务经办", "body": "深化“最多跑一次”改革，推进医保标准化建设。"})
(None, None)
>>> d.check({"item_id": "b:4", "headline": "优化医保业务经办", "body": "深化“最多跑一次”改革，推进医保标准化建设！"})
('a:1', 1.0)

Memory stays flat however long the run: earlier items live in a temporary SQLite file, found by
key (the folded headline, or the first 24 folded characters of the body), and a fixed-size Bloom
filter spares the look-up for keys never seen. Only the first few items under a key are kept
(:data:`KEEP_PER_KEY`), and an item found to repeat another is not stored again, so the work per
item stays bounded too.
"""

from __future__ import annotations

import functools
import hashlib
import unicodedata

from ..lexicon.patterns import Regex

#: Similarity from which an item is a near duplicate.
THRESHOLD = 0.85
#: Items compared under one key: the earliest ones.
KEEP_PER_KEY = 4
#: Texts whose lengths differ more than this are not compared (a shorter excerpt of a longer
#: text still is: 124 of 271 characters is 0.46).
MIN_LENGTH_RATIO = 0.4
BLOOM_BITS = 1 << 25  # 4 MiB
#: What folding keeps: runs of letters, digits and ideographs. Example: 医保经办 and 2024 in 医保经办，2024年.
_KEPT = Regex(r"[^\W_]+")


def fold(text: str) -> str:
    """Text compared for duplicates: width-folded, without spaces and punctuation.

    >>> fold("Ｇ２０７国道 改造，完成  80%。")
    'G207国道改造完成80'
    """
    text = "".join(_KEPT.findall(text or ""))  # punctuation first: full-width commas alone would need NFKC
    if not unicodedata.is_normalized("NFKC", text):  # a quick check: most text needs no folding
        text = "".join(_KEPT.findall(unicodedata.normalize("NFKC", text)))
    return text


def bigrams(text: str) -> frozenset[str]:
    """The character pairs of ``text``.

    >>> sorted(bigrams("医保经办"))
    ['保经', '医保', '经办']
    """
    return frozenset({text[i:i + 2] for i in range(len(text) - 1)} or {text})


#: The pairs of stored items, the last few hundred of them: the items kept under a busy key are
#: compared again and again (the new item's own pairs are made once and not kept).
stored_bigrams = functools.lru_cache(maxsize=128)(bigrams)


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 1.0


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice over character bigrams; for excerpts cut at different lengths, how much of the shorter
    one the longer contains (when the shorter has at least 30 bigrams)."""
    shorter = min(len(a), len(b))
    contained = len(a & b) / shorter if shorter >= 30 else 0.0
    return max(dice(a, b), contained)


def _key_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


class Deduper:
    """Remembers items and finds, for each new one, the earliest item it repeats."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        import sqlite3

        self.threshold = threshold
        self.bloom = bytearray(BLOOM_BITS // 8)
        # "": SQLite's own temporary database, a file it unlinks as soon as it opens it, so none is
        # left behind however the run ends (Ctrl-C, SIGTERM, SIGKILL)
        self.db = sqlite3.connect("")
        self.db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-2048;"
            "CREATE TABLE reps (key INTEGER, item_id TEXT, text TEXT); CREATE INDEX reps_key ON reps(key);"
            "CREATE TABLE exact (hash INTEGER PRIMARY KEY, item_id TEXT);")

    def _bloom_bits(self, h: int) -> tuple[int, int]:
        return (h & (BLOOM_BITS - 1)), ((h >> 25) & (BLOOM_BITS - 1))

    def _maybe_seen(self, h: int) -> bool:
        return all(self.bloom[b >> 3] & (1 << (b & 7)) for b in self._bloom_bits(h))

    def _remember(self, h: int) -> None:
        for b in self._bloom_bits(h):
            self.bloom[b >> 3] |= 1 << (b & 7)

    @staticmethod
    def prepare(item: dict) -> tuple[str, list[int], int]:
        """The folded text, key hashes and whole-text hash of an item: the part of :meth:`check`
        that needs no memory of earlier items, so parallel workers can do it."""
        head, body = fold(item.get("headline") or ""), fold(item.get("body") or "")
        keys = [_key_hash(k) for k in ("h:" + head if len(head) >= 4 else "",
                                        "b:" + body[:24] if len(body) >= 24 else "") if k]
        return head + body, keys, _key_hash("t:" + head + body)

    def check(self, item: dict, prepared: tuple[str, list[int], int] | None = None) -> tuple[str | None, float | None]:
        """(id of the earlier item this one repeats, similarity), or (None, None); then remembers it."""
        text, keys, whole = prepared or self.prepare(item)
        if self._maybe_seen(whole):  # word for word: one indexed look-up
            row = self.db.execute("SELECT item_id FROM exact WHERE hash = ?", (whole,)).fetchone()
            if row:
                return row[0], 1.0
        best: tuple[str | None, float | None] = (None, None)
        grams: frozenset[str] | None = None
        seen: set[str] = set()
        for h in keys:
            if not self._maybe_seen(h):
                continue
            for other_id, other in self.db.execute(
                    "SELECT item_id, text FROM reps WHERE key = ? ORDER BY rowid LIMIT ?", (h, KEEP_PER_KEY)):
                if other_id in seen:
                    continue
                seen.add(other_id)
                shorter, longer = sorted((len(text), len(other)))
                if longer and shorter / longer < MIN_LENGTH_RATIO:
                    continue
                if other == text:
                    sim = 1.0
                else:
                    if grams is None:
                        grams = bigrams(text)
                    sim = round(similarity(grams, stored_bigrams(other)), 3)
                if sim >= self.threshold and (best[1] is None or sim > best[1]):
                    best = (other_id, sim)
                    if sim == 1.0:
                        return best
        if best[0] is None:
            for h in (*keys, whole):
                self._remember(h)
            self.db.executemany("INSERT INTO reps VALUES (?, ?, ?)",
                                [(h, item.get("item_id", ""), text) for h in keys])
            self.db.execute("INSERT OR IGNORE INTO exact VALUES (?, ?)", (whole, item.get("item_id", "")))
        return best

    def close(self) -> None:
        self.db.close()
