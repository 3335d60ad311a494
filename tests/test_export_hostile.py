"""What the hostile campaign of issue 20 found in the writers: exports cut short (Ctrl-C, SIGTERM,
SIGKILL), two exports racing for one path, odd records, outputs that are symbolic links, a full
disk, temporary files left behind. Each case failed before its fix."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bulletin_cli.cli import app

from .conftest import seed_path

runner = CliRunner()
EXE = Path(sys.executable).parent / "bulletin"
TABLES = ("documents", "items", "units", "figures")
#: How long any run may take before the test calls it a hang.
HANG = 60


def _corpus(folder: Path, n: int) -> Path:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from bench_chain import build_corpus

    build_corpus(folder, n)
    return folder


def items_per_document(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        return dict(con.execute("SELECT d.doc_id, count(i.item_id) FROM documents d "
                                "LEFT JOIN items i USING(doc_id) GROUP BY d.doc_id"))
    finally:
        con.close()


def dump(db: Path) -> dict[str, list]:
    """Every row of every table of ours, in a fixed order (row ids left out)."""
    con = sqlite3.connect(db)
    try:
        return {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}"))) for t in TABLES}
    finally:
        con.close()


def _env(tmp: Path) -> dict[str, str]:
    """The environment of a run whose temporary files go to ``tmp`` (to see none is left there)."""
    tmp.mkdir(exist_ok=True)
    return {**os.environ, "TMPDIR": str(tmp), "SQLITE_TMPDIR": str(tmp), "PYTHONUNBUFFERED": "1"}


def _committed_documents(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=HANG)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.OperationalError:  # the tables are not there yet
        return 0


def _end_group(proc: subprocess.Popen) -> None:
    """Whatever the run left running (its workers, when the parent was killed) is ended."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _tagged(*prefixes: str) -> list[dict]:
    """The tagged item records of seeds."""
    result = runner.invoke(app, ["tag", *(str(seed_path(p)) for p in prefixes), "-f", "jsonl"])
    assert result.exit_code == 0
    return [json.loads(line) for line in result.stdout.splitlines()]


# -- 20.4: one odd record costs its own line, not the whole output -------------------------------

ODD = {
    "source": lambda r: r.update(source=5),
    "doc.title": lambda r: r["doc"].update(title=5),
    "number": lambda r: r.update(number=5),
    "unit name": lambda r: r["tags"]["units"][0].update(name=5),
    "figure text": lambda r: r["tags"]["figures"][0].update(text=5),
    "layout": lambda r: r.update(layout=["bulletin"]),
    "parent": lambda r: r.update(parent={"headline": "x"}),
    "category": lambda r: r["tags"].update(category={"key": 1, "label": ["x"]}),
    "figure value": lambda r: r["tags"]["figures"][0].update(value=[1, 2]),
}


def _count_written(out: Path, fmt: str) -> int:
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return pq.read_table(out).num_rows
    if fmt == "sqlite":
        con = sqlite3.connect(out)
        return con.execute("SELECT count(*) FROM items").fetchone()[0]
    if fmt == "csv":
        import csv

        with open(out, encoding="utf-8-sig", newline="") as handle:
            return len(list(csv.DictReader(handle)))
    return len(out.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("fmt", ["parquet", "sqlite", "csv", "jsonl"])
@pytest.mark.parametrize("odd", list(ODD))
def test_one_odd_record_is_named_and_the_good_ones_are_written(tmp_path, odd, fmt):
    records = _tagged("001")
    target = next(r for r in records if r["tags"]["units"] and r["tags"]["figures"])
    ODD[odd](target)
    line = records.index(target) + 1
    src = tmp_path / "odd.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / f"items.{fmt}"
    result = runner.invoke(app, ["export", str(src), "-o", str(out), "--no-progress"])
    assert result.exit_code == 1 and result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 1
    assert f"odd.jsonl:{line}: bad item record" in result.stderr and "Traceback" not in result.stderr
    assert _count_written(out, fmt) == len(records) - 1
