"""Each seed rendered to a real PDF and extracted with pdftotext, pdftotext -layout and pypdfium2:
at least 95% of the normalised clean paragraphs must come back identically. And which reader reads a
PDF: pypdfium2 (installed with bulletin-cli), poppler's pdftotext only where it is missing or fails."""

from __future__ import annotations

import json
import shutil
import sys
import types
from pathlib import Path

import pytest

from bulletin_cli.normalise import normalise_bytes
from bulletin_cli.read import pdf

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import damage  # noqa: E402

from .conftest import SEED_IDS, SEEDS, seed_path  # noqa: E402


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


# ---------------------------------------------------------------- which reader reads a PDF (issue 21.2)


@pytest.fixture
def pdf_001(pdfs, tmp_path):
    """Seed 001 as a PDF, alone in a folder."""
    path = tmp_path / "001.pdf"
    path.write_bytes(pdfs[seed_path("001").name].read_bytes())
    return path


def _split(*args: str):
    from typer.testing import CliRunner

    from bulletin_cli.cli import app

    result = CliRunner().invoke(app, ["split", *args, "-f", "jsonl", "-j", "1"])
    return result, [json.loads(line) for line in result.stdout.splitlines()]


def _no_pypdfium2(monkeypatch):
    """As on an install without pypdfium2: importing it raises ImportError."""
    monkeypatch.setitem(sys.modules, "pypdfium2", None)


def test_pypdfium2_is_the_default_reader_even_with_poppler_on_the_path(pdf_001, monkeypatch):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: f"/usr/bin/{name}")

    def no_poppler(*args, **kwargs):
        raise AssertionError(f"pdftotext was run: {args}")

    monkeypatch.setattr(pdf.subprocess, "run", no_poppler)
    result, items = _split(str(pdf_001), "--explain")
    assert result.exit_code == 0, result.stderr
    assert f"{pdf_001}: read by pypdfium2 (the default PDF reader)" in result.stderr
    assert len(items) == 7 and items[0]["headline"] == "县开发区全力推进“60·80”项目建设助力化工产业提质增效"
    doc = normalise_bytes(pdf_001.read_bytes(), str(pdf_001))
    assert doc["changes"]["examples"]["pdf_reader"] == [["", "pypdfium2"]]
    assert doc["text"] == normalise_bytes(damage.extract(pdf_001, "pdfium").encode("utf-8"))["text"]


def test_pdftotext_reads_where_pypdfium2_is_missing_and_explain_says_so(pdf_001, monkeypatch):
    _no_pypdfium2(monkeypatch)
    result, items = _split(str(pdf_001), "--explain")
    assert result.exit_code == 0, result.stderr
    assert f"{pdf_001}: read by pdftotext (pypdfium2 is not installed)" in result.stderr
    assert len(items) == 7
    doc = normalise_bytes(pdf_001.read_bytes(), str(pdf_001))
    assert doc["changes"]["examples"]["pdf_reader"] == [["pypdfium2 is not installed", "pdftotext"]]
    assert doc["text"] == normalise_bytes(damage.extract(pdf_001, "pdftotext").encode("utf-8"))["text"]
    from typer.testing import CliRunner

    from bulletin_cli.cli import app

    shown = CliRunner().invoke(app, ["normalise", str(pdf_001), "--explain", "-f", "jsonl"])
    assert "read by pdftotext (pypdfium2 is not installed)" in shown.stderr
    assert "read by" not in shown.stdout


def test_pdftotext_reads_a_file_pypdfium2_fails_on_and_says_why(pdf_001, monkeypatch):
    def refuses(data):
        raise RuntimeError("Failed to load document (PDFium: Data format error).")

    monkeypatch.setitem(sys.modules, "pypdfium2", types.SimpleNamespace(PdfDocument=refuses))
    result, items = _split(str(pdf_001), "--explain")
    assert result.exit_code == 0, result.stderr
    assert (f"{pdf_001}: read by pdftotext (pypdfium2 failed: Failed to load document (PDFium: Data format "
            "error).)") in result.stderr
    assert len(items) == 7


def test_a_pdf_neither_reader_opens_names_both(tmp_path):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    result, items = _split(str(tmp_path / "broken.pdf"))
    assert result.exit_code == 1 and not items
    said = result.stderr
    assert "broken.pdf: cannot read PDF (" in said and "pypdfium2: " in said
    if shutil.which("pdftotext"):
        assert "; pdftotext: " in said and "Syntax Error (" not in said, said  # poppler's verdict, not its log
    assert sum("broken.pdf" in line for line in said.splitlines()) == 1


def test_without_pypdfium2_or_poppler_the_error_says_what_to_install(pdf_001, monkeypatch):
    _no_pypdfium2(monkeypatch)
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    result, items = _split(str(pdf_001))
    assert result.exit_code == 1 and not items
    assert f"{pdf_001}: {pdf.NO_READER}" in result.stderr
    assert "pip install -e ." in pdf.NO_READER and "pdftotext" in pdf.NO_READER


def test_pypdfium2_is_a_core_dependency():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())["project"]
    assert any(dep.startswith("pypdfium2") for dep in project["dependencies"])
    assert project["optional-dependencies"]["pdf"] == []  # kept, so that `pip install -e '.[pdf]'` still works
