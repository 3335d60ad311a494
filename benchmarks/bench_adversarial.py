#!/usr/bin/env python3
"""Inputs that once took minutes: long runs of one character or pattern, through the whole chain.

usage: python benchmarks/bench_adversarial.py [--chars 60000] [--limit 3]

Each input is a 60,000-character file made of one piece repeated (digits, 2024年, （, 一是, …);
each goes through normalise, split and tag in this process, and the seconds are printed. Anything
over ``--limit`` seconds is marked SLOW and the exit code is 1. Found this way: a run of 50,000
digits cost the figure pattern 435 s (unbounded digit runs tried from every place), and 12,000
dates cost the overlap check 38 s (every date against every earlier one).
"""

from __future__ import annotations

import argparse
import sys
import time

from bulletin_cli.lexicon import load_config
from bulletin_cli.normalise import normalise_bytes
from bulletin_cli.split import split_document
from bulletin_cli.tag import tag_item

#: The repeated pieces. Example: "2024年" makes 2024年2024年….
PIECES = {
    "digits": "1", "digits then unit": "12万", "decimal range": "1-", "year": "2024年", "date": "2024年1月1日",
    "month": "1月", "percent words": "百分之", "numerals": "一二三四五六七八九十", "ten thousand": "万",
    "open bracket": "（", "nested brackets": "（（（（", "attribution": "（住建局）", "section bracket": "【",
    "enumeration comma": "、", "point": "一是", "numbered": "1.", "ordinal": "第", "county": "县", "bureau": "局",
    "spaced ideographs": "县 ", "ideographic space": "县\u3000", "newlines": "\n", "full stops": "。",
    "ellipsis": "……", "quotes": "“", "colons": "：", "bullets": "◆", "redaction x": "x", "redaction star": "*",
    "bold markup": "**a", "angle brackets": "<", "html paragraphs": "<p>", "ampersands": "&", "tabs": "\t",
    "latin words": "abc ", "full-width digits": "１２３", "page numbers": "- 1 -\n",
    "traditional items": "縣住建局開展核查 摸清底數。（住建局）\n\n",
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chars", type=int, default=60000)
    ap.add_argument("--limit", type=float, default=3.0)
    a = ap.parse_args()
    cfg = load_config()
    slow = 0
    for name, piece in PIECES.items():
        data = (piece * max(1, a.chars // len(piece))).encode("utf-8")
        t = time.perf_counter()
        try:
            doc = normalise_bytes(data, name)
            for item in split_document(doc):
                tag_item(item, cfg)
        except Exception as exc:  # a DecodeError for input that holds no text is fine here
            print(f"  ({name}: {type(exc).__name__}: {exc})")
        secs = time.perf_counter() - t
        mark = "SLOW" if secs > a.limit else "ok"
        slow += mark == "SLOW"
        print(f"{mark:4s} {secs:6.2f} s  {name}")
    sys.exit(1 if slow else 0)


if __name__ == "__main__":
    main()
