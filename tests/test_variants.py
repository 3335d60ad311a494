"""Bulletins in traditional characters: split and tagged like their simplified originals, with
every string given back in the document's own characters.

The fixtures are seeds 001 (a bulletin) and 002 (an outline summary) converted to Taiwan-standard
traditional characters with OpenCC (s2tw) and saved in Big5, as such copies circulate.
"""

from __future__ import annotations

import pytest

from bulletin_cli.lexicon import load_config
from bulletin_cli.normalise import normalise_bytes
from bulletin_cli.split import split_document
from bulletin_cli.tag import tag_item
from bulletin_cli.variants import is_traditional, shadow

from .conftest import ROOT, SEEDS, seed_path

DATA = ROOT / "tests" / "data"
TRADITIONAL = {"001": DATA / "001_75d54552dd06eab0.traditional.big5.txt",
               "002": DATA / "002_e7b1ad551fc2b85b.traditional.big5.txt"}


def items_of(path) -> tuple[dict, list[dict]]:
    doc = normalise_bytes(path.read_bytes(), path.name)
    return doc, split_document(doc)


#: The one character OpenCC's s2tw changed that the shadow does not change back: Taiwan writes 著
#: for simplified 着, and 著 is itself a simplified character (著名).
ROUND_TRIP = str.maketrans("着", "著")


def simple(value):
    """A value as the simplified shadow reads it (strings and lists of strings)."""
    if isinstance(value, str):
        return shadow(value).translate(ROUND_TRIP)
    if isinstance(value, list):
        return [simple(v) for v in value]
    return value


def test_only_traditional_text_counts_as_traditional():
    for seed in SEEDS:
        assert not is_traditional(seed.read_text(encoding="utf-8")), seed.name
    for path in TRADITIONAL.values():
        doc, _ = items_of(path)
        assert doc["encoding"] == "big5" and is_traditional(doc["text"])
    assert not is_traditional("著名作家於今年到訪")  # a few such characters alone are not enough


@pytest.mark.parametrize("seed_id", sorted(TRADITIONAL))
def test_traditional_copy_splits_like_the_original(seed_id):
    _, original = items_of(seed_path(seed_id))
    doc, copy = items_of(TRADITIONAL[seed_id])
    assert len(copy) == len(original) > 5
    for a, b in zip(original, copy):
        assert (b["layout"], b["span"][1] - b["span"][0] > 0, b["level"]) == (a["layout"], True, a["level"])
        # the same places in the text, read the same way
        for key in ("section", "headline", "units", "number", "parent"):
            assert simple(b[key]) == simple(a[key]), (key, b[key], a[key])
        # and every string is the document's own text
        text = doc["text"]
        assert b["headline"] is None or b["headline"] in text
        assert all(para in text for para in (b["body"] or "").split("\n"))  # (a body of paragraphs, each)
        assert all(unit in text for unit in b["units"])


def test_traditional_masthead_and_footer_keep_their_characters():
    _, copy = items_of(TRADITIONAL["001"])
    meta = copy[0]["doc"]
    assert (meta["title"], meta["issue"], meta["date"], meta["editor"]) == ("延津政務快報", 43, "2023-09-22", "李勉")
    assert meta["issuer"] == "延津縣人民政府辦公室"
    assert copy[1]["headline"].startswith("縣住建局") and copy[1]["units"] == ["住建局"]


def test_traditional_items_are_tagged_like_the_original():
    cfg = load_config()
    _, original = items_of(seed_path("001"))
    _, copy = items_of(TRADITIONAL["001"])
    for a, b in zip(original, copy):
        ta, tb = tag_item(a, cfg), tag_item(b, cfg)
        assert [u["canonical"] for u in tb["units"]] == [u["canonical"] for u in ta["units"]]
        assert tb["category"]["key"] == ta["category"]["key"]
        assert [f["normalised"] for f in tb["figures"]] == [f["normalised"] for f in ta["figures"]]
        assert [d["value"] for d in tb["dates"]] == [d["value"] for d in ta["dates"]]
        for found in (*tb["figures"], *tb["dates"]):
            start, end = found["span"]
            assert found["text"] == b["body"][start:end]  # in the item's own characters
        assert all(u["name"] in (b["headline"] or "") + b["body"] + "".join(b["units"]) for u in tb["units"])
    money = [f["text"] for f in tag_item(copy[0], cfg)["figures"]]
    assert "30億元" in money
