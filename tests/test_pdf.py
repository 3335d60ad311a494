"""Each seed rendered to a real PDF and extracted with pdftotext, pdftotext -layout and pypdfium2:
at least 95% of the normalised clean paragraphs must come back identically."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from bulletin_cli.normalise import normalise_bytes

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import damage  # noqa: E402

from .conftest import SEED_IDS, SEEDS  # noqa: E402


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    """One PDF per seed, rendered once for the module."""
    out = {}
    for seed in SEEDS:
        path = tmp_path_factory.mktemp("pdf") / f"{seed.stem}.pdf"
        damage.render_pdf(damage.clean_paragraphs(seed.read_bytes()), path)
        out[seed.name] = path
    return out


def test_pdftotext_is_installed():  # (skips, saying why, where poppler is missing: see conftest.py)
    assert shutil.which("pdftotext"), "install poppler-utils (apt-get install -y poppler-utils); .ci/run does"


@pytest.mark.parametrize("how", damage.EXTRACTORS)
@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
def test_paragraphs_survive_pdf_extraction(pdfs, seed, how):
    clean = damage.clean_paragraphs(seed.read_bytes())
    extracted = normalise_bytes(damage.extract(pdfs[seed.name], how).encode("utf-8"))
    got = set(p for p in extracted["text"].split("\n") if p)
    kept = sum(1 for p in clean if p in got)
    assert kept / len(clean) >= 0.95, [p[:30] for p in clean if p not in got]
    assert extracted["changes"]["counts"].get("page_numbers", 0) >= 1
