"""Shared fixtures: the real seed bulletins in samples/ and their gold structure."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLD = Path(__file__).resolve().parent / "gold"
SEEDS = sorted(p for p in SAMPLES.glob("*.txt") if p.name.count(".") == 1)
SEED_IDS = [p.name[:3] for p in SEEDS]


def seed_path(prefix: str) -> Path:
    return next(p for p in SEEDS if p.name.startswith(prefix))


def gold_for(path: Path) -> dict:
    return yaml.safe_load((GOLD / (path.name.split(".")[0] + ".yaml")).read_text(encoding="utf-8"))


@pytest.fixture(params=SEEDS, ids=SEED_IDS)
def seed(request) -> Path:
    return request.param


#: Ways of reading a document that run poppler's pdftotext (a system tool, not a Python package).
POPPLER_WAYS = ("pdftotext", "layout")


def pytest_collection_modifyitems(config, items):
    """Tests that read a PDF with poppler's pdftotext skip, saying so, where it is not installed
    (the README's test command must pass with nothing but Python; .ci/run installs poppler, so
    there they run). The PDF route itself is covered by pypdfium2, a pip package."""
    import shutil

    if shutil.which("pdftotext"):
        return
    skip = pytest.mark.skip(reason="needs poppler's pdftotext (apt-get install poppler-utils poppler-data)")
    for item in items:
        params = getattr(item, "callspec", None)
        values = params.params.values() if params else ()
        if any(v in POPPLER_WAYS for v in values if isinstance(v, str)) or "pdftotext" in item.name:
            item.add_marker(skip)
