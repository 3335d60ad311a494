"""A floor on the documents written out in the forms county offices use (tests/data/written)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from eval_written import WRITTEN, read_set  # noqa: E402
from scoring import totals  # noqa: E402

SETS = sorted(p.name for p in WRITTEN.iterdir() if (p / "gold").is_dir())


@pytest.mark.parametrize("name", SETS)
def test_the_written_documents_score_above_their_floor(name):
    """Floors a little under this session's measurement (benchmarks/eval_written.py): a change
    that loses a form these documents show fails here."""
    docs = read_set(WRITTEN / name)
    assert len(docs) >= 10
    t = totals((gold, items) for _path, gold, items in docs)
    floor = {**FLOORS, **OWN_FLOORS.get(name, {})}
    assert t["item_f1"] >= floor["item_f1"], t
    assert t["units"] >= floor["units"], t
    assert t["fields"] >= floor["fields"], t


#: The floors every set is held to, and a set's own where it is still read worse (I, the
#: twelfth session's last set, read first at 0.769 / 0.903 / 0.677, now 0.922 / 0.912 / 0.815; M, the
#: thirteenth's last, read first at 0.646 / 0.938 / 0.907, is now 0.974 / 0.944 / 0.933 and held to the
#: common floors).
FLOORS = {"item_f1": 0.84, "units": 0.90, "fields": 0.80}
OWN_FLOORS = {"I": {"item_f1": 0.80, "fields": 0.65}}
