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


def pytest_configure(config):
    """The tests' processes keep their compiled regexes (bulletin_cli.regexcache) in a folder of
    the run's own, not in the user's cache; the folder goes when the run ends."""
    import os
    import tempfile

    if "BULLETIN_REGEX_CACHE" not in os.environ:
        config._regex_cache = os.environ["BULLETIN_REGEX_CACHE"] = tempfile.mkdtemp(prefix="bulletin-regex-")


def pytest_unconfigure(config):
    import os
    import shutil

    folder = getattr(config, "_regex_cache", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
        os.environ.pop("BULLETIN_REGEX_CACHE", None)


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
    reason = _poppler_missing()
    if reason is None:
        return
    skip = pytest.mark.skip(reason=reason)
    for item in items:
        params = getattr(item, "callspec", None)
        values = params.params.values() if params else ()
        if any(v in POPPLER_WAYS for v in values if isinstance(v, str)) or "pdftotext" in item.name:
            item.add_marker(skip)


def _poppler_missing() -> str | None:
    """Why the poppler ways cannot run here, or None: no pdftotext, or one that cannot read Chinese
    from a CID-font PDF (poppler-data missing)."""
    import shutil
    import subprocess
    import sys
    import tempfile

    if not shutil.which("pdftotext"):
        return "needs poppler's pdftotext (apt-get install poppler-utils poppler-data)"
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import damage

        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / "probe.pdf"
            damage.render_pdf(["县住建局开展危房核查。"], pdf)
            out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True).stdout
    except Exception as exc:  # reportlab missing, or pdftotext failing: say so rather than fail 40 tests
        return f"cannot probe pdftotext ({type(exc).__name__}: {exc})"
    if "县住建局" not in out.decode("utf-8", "replace"):
        return "pdftotext reads no Chinese from CID fonts here: install poppler-data (apt-get install poppler-data)"
    return None


def holds_open(pid: int, folder: Path) -> bool:
    """Whether process ``pid`` holds a file right in ``folder`` open: the output it is writing,
    which has no name to look for while it is written (an unnamed file, see export/files.py)."""
    import os

    try:
        links = [os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")]
    except OSError:
        return False
    return any(os.path.dirname(link) == str(folder) for link in links)
