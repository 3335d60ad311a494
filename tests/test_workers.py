"""Worker processes (``-j N``) that die (issue 20.9): the run notices, stops the others, keeps what
was finished, names the file being read and exits 1; a killed run leaves no worker behind.

A worker is made to hang on ``hang.txt`` (as it would on a file that takes all the memory) by a
small wrapper around the real command: the hung worker writes its process id to a file, then the
test kills it as the kernel's out-of-memory killer, ``kill -9`` or ``kill`` would."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import seed_path

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")

#: The command line with ``read_file`` hanging on any file whose name begins with ``hang``.
HANGING = """
import os, sys, time
from pathlib import Path
import bulletin_cli.chain as chain
real = chain.read_file
def read_file(path):
    if path.name.startswith("hang"):
        Path(os.environ["HANG_PID"]).write_text(str(os.getpid()))
        time.sleep(600)
    return real(path)
chain.read_file = read_file
from bulletin_cli.cli import main
sys.argv[0] = "bulletin"
main()
"""
#: Seconds any run may take, even on a loaded machine: past them it is hanging.
HANG_GUARD = 60


def _folder(tmp_path: Path) -> Path:
    """00.txt and 01.txt (read before hang.txt), hang.txt, then zz.txt."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "00.txt").write_bytes(seed_path("004").read_bytes())
    (folder / "01.txt").write_bytes(seed_path("000").read_bytes())
    (folder / "hang.txt").write_bytes(seed_path("001").read_bytes())
    (folder / "zz.txt").write_bytes(seed_path("002").read_bytes())
    return folder


@pytest.fixture
def start(tmp_path):
    """Start the hanging command; whatever it and its workers left running is killed afterwards."""
    started: list[subprocess.Popen] = []
    pid_file = tmp_path / "hang.pid"

    def run(args: list[str]) -> tuple[subprocess.Popen, Path]:
        env = dict(os.environ, HANG_PID=str(pid_file))
        proc = subprocess.Popen([sys.executable, "-c", HANGING, *args], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=True)
        started.append(proc)
        return proc, pid_file

    yield run
    for proc in started:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # (the session's group: the run and its workers)
        except ProcessLookupError:
            pass
        proc.communicate()


def _hung_worker(proc: subprocess.Popen, pid_file: Path) -> int:
    deadline = time.monotonic() + HANG_GUARD
    while not (pid_file.exists() and pid_file.read_text()) and time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read().decode()
        time.sleep(0.05)
    return int(pid_file.read_text())


def _finish(proc: subprocess.Popen) -> tuple[bytes, str]:
    """Standard output and error of a run that must end by itself; one that hangs is ended and fails."""
    try:
        out, err = proc.communicate(timeout=HANG_GUARD)
    except subprocess.TimeoutExpired:
        pytest.fail("the run hung after its worker died")
    return out, err.decode()


def _sources(out: Path | bytes, fmt: str) -> set[str]:
    """The source file names of the items written."""
    if fmt == "jsonl":
        return {Path(json.loads(line)["source"]).name for line in out.splitlines()}
    if fmt == "csv":
        return {Path(row["source"]).name for row in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))}
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return {Path(s).name for s in pq.read_table(out).column("source").to_pylist()}
    with sqlite3.connect(out) as db:
        return {Path(s).name for (s,) in db.execute(
            "SELECT DISTINCT documents.source FROM items JOIN documents USING (doc_id)")}


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
@pytest.mark.parametrize("fmt", ["csv", "parquet", "sqlite", "jsonl"])
def test_a_dead_worker_ends_the_run_naming_its_file_and_keeping_the_rest(tmp_path, start, fmt, sig):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    folder = _folder(tmp_path)
    out = tmp_path / f"items.{fmt}"
    args = ["split", str(folder), "-f", "jsonl"] if fmt == "jsonl" else ["export", str(folder), "-o", str(out)]
    proc, pid_file = start([*args, "-j", "2"])
    os.kill(_hung_worker(proc, pid_file), sig)
    stdout, err = _finish(proc)
    assert proc.returncode == 1, err
    assert "Traceback" not in err
    line = next((x for x in err.splitlines() if "hang.txt" in x), "")
    assert "died" in line and sig.name in line, err
    assert {"00.txt", "01.txt"} <= _sources(stdout if fmt == "jsonl" else out, fmt)


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        kids = children.get(todo.pop(), [])
        found += kids
        todo += kids
    return found


def _running(pid: int) -> bool:
    """Alive and not a zombie (an orphan's zombie waits on whoever reaps orphans)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_no_worker_outlives_a_killed_run(tmp_path, start, sig):
    proc, pid_file = start(["export", str(_folder(tmp_path)), "-o", str(tmp_path / "items.csv"),
                                       "-j", "2", "--no-progress"])
    hung = _hung_worker(proc, pid_file)
    workers = _descendants(proc.pid)
    assert hung in workers
    proc.send_signal(sig)
    proc.wait(timeout=HANG_GUARD)  # (not communicate: a worker left running holds its output open)
    deadline = time.monotonic() + HANG_GUARD
    while any(_running(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p for p in workers if _running(p)], "workers left running after the run was killed"


def _dies_on_3(x: int) -> int:
    if x == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    if x == 5:
        raise ValueError("five")
    return x * 10


@pytest.mark.parametrize("chunk", [1, 2, 4])
def test_ordered_map_gives_everything_before_a_dead_worker_s_item_and_nothing_after(chunk):
    import multiprocessing

    from bulletin_cli.workers import WorkerDied, ordered_map

    got = []
    with pytest.raises(WorkerDied) as died:
        for value in ordered_map(multiprocessing.get_context("fork"), _dies_on_3, list(range(9)), 2, chunk):
            got.append(value)
    assert got == [0, 10, 20]
    assert died.value.item == 3 and "SIGKILL" in died.value.how and died.value.lost == 6


def test_ordered_map_names_the_item_whose_function_raised():
    import multiprocessing

    from bulletin_cli.workers import WorkerDied, ordered_map

    with pytest.raises(WorkerDied) as died:
        list(ordered_map(multiprocessing.get_context("fork"), _dies_on_3, [4, 5, 6, 7], 2, 1))
    assert died.value.item == 5 and died.value.how == "failed (ValueError: five)"
