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
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bulletin_cli.cli import app
from bulletin_cli.export import AtomicOutput, OutputError, WriteOptions, write

from .conftest import holds_open, seed_path

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


# -- 20.2: a document and all its rows are one transaction; a re-run finishes the job -----------

@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory) -> tuple[Path, Path]:
    """900 bulletins (over 200 documents, so that a batch is committed well before the end, however
    fast the run: with 450, a loaded host's reader waited out the whole run) and the database one
    uninterrupted run makes of them."""
    root = tmp_path_factory.mktemp("corpus")
    folder = _corpus(root / "in", 900)
    db = root / "whole.sqlite"
    done = subprocess.run([str(EXE), "export", str(folder), "-o", str(db), "--no-progress"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return folder, db


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=["INT", "TERM", "KILL"])
def test_a_database_export_cut_short_and_run_again_equals_one_whole_run(big_corpus, tmp_path, signum, jobs):
    folder, whole_db = big_corpus
    whole = dump(whole_db)
    db = tmp_path / "items.sqlite"
    temp = tmp_path / "tmp"
    command = [str(EXE), "export", str(folder), "-o", str(db), "-j", jobs, "--no-progress"]
    with open(tmp_path / "stderr", "wb") as stderr:  # (not a pipe: a worker may outlive a killed parent)
        proc = subprocess.Popen(command, env=_env(temp), stdout=subprocess.DEVNULL, stderr=stderr,
                                start_new_session=True)
    try:
        deadline = time.monotonic() + HANG
        while _committed_documents(db) == 0 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)  # until a batch is committed and the next one is under way
        assert proc.poll() is None, "the run ended before it could be interrupted"
        proc.send_signal(signum)
        proc.wait(timeout=HANG)
    finally:
        _end_group(proc)
    err = (tmp_path / "stderr").read_text(encoding="utf-8")
    assert proc.returncode != 0 and "Traceback" not in err
    assert _committed_documents(db) < len(whole["documents"])  # it was cut short
    complete = items_per_document(whole_db)
    assert all(complete[doc] == n for doc, n in items_per_document(db).items())  # whole documents only
    assert not list(temp.iterdir()) and not list(tmp_path.glob(".*.part"))  # no temporary file left
    if signum == signal.SIGINT:  # unwound: rolled back and closed, no journal left to replay
        assert not list(tmp_path.glob("items.sqlite-*"))
    again = subprocess.run(command, env=_env(temp), capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert dump(db) == whole
    con = sqlite3.connect(db)
    con.execute("INSERT INTO items_fts(items_fts) VALUES('integrity-check')")  # the index is in step
    con.close()


def test_an_interrupted_write_commits_no_document_without_all_its_items(tmp_path, monkeypatch):
    from bulletin_cli.export import sqlite as sqlite_writer

    monkeypatch.setattr(sqlite_writer, "BATCH", 1)  # commit as often as the writer ever does
    records = _tagged("001", "004")
    db = tmp_path / "items.sqlite"

    def cut_short():
        for k, rec in enumerate(records):
            if k == 10:  # three items into the second document
                raise KeyboardInterrupt
            yield rec

    with pytest.raises(KeyboardInterrupt):
        write(cut_short(), "sqlite", str(db), WriteOptions())
    con = sqlite3.connect(db)
    hollow = con.execute("SELECT count(*) FROM documents d WHERE (SELECT count(*) FROM items i "
                         "WHERE i.doc_id = d.doc_id) NOT IN (7, 8)").fetchone()[0]
    assert hollow == 0
    assert write(iter(records), "sqlite", str(db), WriteOptions()).records > 0  # the rest, on a re-run
    fresh = tmp_path / "fresh.sqlite"
    write(iter(records), "sqlite", str(fresh), WriteOptions())
    assert dump(db) == dump(fresh)


def test_a_document_an_older_version_left_without_items_is_filled_in_again(tmp_path):
    db = tmp_path / "items.sqlite"
    assert runner.invoke(app, ["export", str(seed_path("001")), str(seed_path("004")), "-o", str(db),
                               "--no-progress"]).exit_code == 0
    whole = dump(db)
    con = sqlite3.connect(db)
    doc = con.execute("SELECT doc_id FROM documents WHERE issue = 43").fetchone()[0]
    for table in ("units", "figures"):
        con.execute(f"DELETE FROM {table} WHERE item_id IN (SELECT item_id FROM items WHERE doc_id = ?)", (doc,))
    con.execute("DELETE FROM items WHERE doc_id = ?", (doc,))  # as the writer that committed too early left it
    con.commit()
    con.close()
    again = runner.invoke(app, ["export", str(seed_path("001")), str(seed_path("004")), "-o", str(db),
                                "--no-progress"])
    assert again.exit_code == 0
    assert "1 already in" in again.stderr  # 004 was whole; 001 was not, and is finished now
    assert dump(db) == whole


# -- 20.3: two exports to one path: the second refuses instead of replacing the first -----------

def test_an_output_that_appears_while_a_run_writes_is_not_replaced(tmp_path):
    out = tmp_path / "items.parquet"
    with pytest.raises(OutputError, match="exists"):
        with AtomicOutput(str(out), binary=True) as handle:
            handle.write(b"mine")
            out.write_bytes(b"another run's")  # landed first
    assert out.read_bytes() == b"another run's"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["items.parquet"]
    with AtomicOutput(str(out), binary=True, replace=True) as handle:  # --force: replaced
        handle.write(b"mine")
    assert out.read_bytes() == b"mine"


@pytest.mark.slow
@pytest.mark.parametrize("suffix", ["parquet", "csv"])
def test_two_exports_to_one_path_at_once_one_refuses(tmp_path, suffix):
    folder = _corpus(tmp_path / "in", 120)
    out = tmp_path / f"items.{suffix}"
    procs = [subprocess.Popen([str(EXE), "export", str(folder), "-o", str(out), "--no-progress"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for _ in range(2)]
    errors = [p.communicate(timeout=300)[1].decode() for p in procs]
    codes = sorted(p.returncode for p in procs)
    assert codes == [0, 2], errors
    refused = errors[[p.returncode for p in procs].index(2)]
    assert "exists" in refused and "Traceback" not in refused
    assert out.exists() and not list(tmp_path.glob(".*.part"))


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


# -- 20.7: -o a symbolic link writes through it ---------------------------------------------------

def test_output_onto_a_link_to_a_file_writes_the_file_and_keeps_the_link(tmp_path):
    target = tmp_path / "target.csv"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(target.name)
    assert runner.invoke(app, ["split", str(seed_path("001")), "-o", str(link)]).exit_code == 2  # exists
    assert target.read_text(encoding="utf-8") == "old\n"
    assert runner.invoke(app, ["split", str(seed_path("001")), "-o", str(link), "--force"]).exit_code == 0
    assert link.is_symlink() and "县开发区全力推进" in target.read_text(encoding="utf-8-sig")
    dangling = tmp_path / "dangling.jsonl"
    dangling.symlink_to("new.jsonl")
    assert runner.invoke(app, ["split", str(seed_path("001")), "-o", str(dangling)]).exit_code == 0
    assert dangling.is_symlink() and (tmp_path / "new.jsonl").read_text(encoding="utf-8").count("\n") == 7


def test_no_file_behind_a_link_when_every_input_failed(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    link = tmp_path / "items.csv"
    link.symlink_to("target.csv")
    result = runner.invoke(app, ["export", str(bad), "-o", str(link), "--no-progress"])
    assert result.exit_code == 1 and "broken.pdf" in result.stderr
    assert link.is_symlink() and not (tmp_path / "target.csv").exists()  # as it was


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_output_onto_a_link_to_standard_output_writes_through_it(tmp_path, fmt):
    """``-o /dev/stdout`` (a link to ``/proc/self/fd/1``) with standard output a file: the output
    lands in that file, and the link is not replaced."""
    if not Path("/proc/self/fd/1").exists():
        pytest.skip("needs /proc (Linux)")
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    landed = tmp_path / f"landed.{fmt}"
    with open(landed, "wb") as stdout:
        done = subprocess.run([str(EXE), "export", str(seed_path("001")), "-o", str(link), "-f", fmt,
                               "--no-progress"], stdout=stdout, stderr=subprocess.PIPE, timeout=HANG)
    assert done.returncode == 0, done.stderr.decode()
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"
    assert _count_written(landed, fmt) == 7
    piped = subprocess.run([str(EXE), "export", str(seed_path("001")), "-o", str(link), "-f", fmt, "--no-progress"],
                           capture_output=True, timeout=HANG)
    assert piped.returncode == 0 and len(piped.stdout) > 1000 and link.is_symlink()


def test_a_database_onto_a_link_to_standard_output_is_refused(tmp_path):
    if not Path("/proc/self/fd/1").exists():
        pytest.skip("needs /proc (Linux)")
    link = tmp_path / "stdout.sqlite"
    link.symlink_to("/proc/self/fd/1")
    landed = tmp_path / "landed"
    with open(landed, "wb") as stdout:
        done = subprocess.run([str(EXE), "export", str(seed_path("001")), "-o", str(link), "--no-progress"],
                              stdout=stdout, stderr=subprocess.PIPE, timeout=HANG)
    err = done.stderr.decode()
    assert done.returncode == 2 and "regular file" in err and "Traceback" not in err
    assert link.is_symlink() and landed.read_bytes() == b""


# -- 20.12: a full disk while writing SQLite: one line, the database as it was ------------------

def _limited(limit: int):
    def apply() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_a_full_disk_while_writing_a_database_leaves_it_as_it_was(tmp_path):
    folder = _corpus(tmp_path / "in", 60)
    db = tmp_path / "items.sqlite"
    assert runner.invoke(app, ["export", str(seed_path("001")), "-o", str(db), "--no-progress"]).exit_code == 0
    before = dump(db)
    done = subprocess.run([str(EXE), "export", str(folder), "-o", str(db), "--no-progress"],
                          preexec_fn=_limited(db.stat().st_size + 64 * 1024), capture_output=True, text=True,
                          timeout=HANG)
    errors = [line for line in done.stderr.splitlines() if line.startswith("error")]
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert len(errors) == 1 and str(db) in errors[0] and "disk" in errors[0]
    assert dump(db) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "in") == ["items.sqlite"]  # no journal left
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_full_disk_while_writing_a_new_database_leaves_no_file(tmp_path):
    folder = _corpus(tmp_path / "in", 60)
    db = tmp_path / "items.sqlite"
    done = subprocess.run([str(EXE), "export", str(folder), "-o", str(db), "--no-progress"],
                          preexec_fn=_limited(128 * 1024), capture_output=True, text=True, timeout=HANG)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert str(db) in done.stderr and "disk" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


# -- 20.9 (part): no temporary file left after an interrupt --------------------------------------

@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL], ids=["TERM", "KILL"])
def test_a_killed_export_leaves_no_temporary_file(tmp_path, signum):
    folder = _corpus(tmp_path / "in", 300)
    temp = tmp_path / "tmp"
    out = tmp_path / "items.csv"
    proc = subprocess.Popen([str(EXE), "export", str(folder), "-o", str(out), "--no-progress"], env=_env(temp),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + HANG
        while not holds_open(proc.pid, tmp_path) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)  # until the run holds its output open
        assert proc.poll() is None, "the run ended before it could be interrupted"
        proc.send_signal(signum)
        proc.wait(timeout=HANG)
    finally:
        _end_group(proc)
    assert not out.exists()
    assert not list(temp.iterdir()) and not list(tmp_path.glob(".*.part"))
