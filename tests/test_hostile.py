"""What a hostile run found (issue 12): each failure on a test that failed before and passes now."""

from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bulletin_cli.cli import app

from .conftest import holds_open, seed_path

runner = CliRunner()
EXE = Path(sys.executable).parent / "bulletin"

NASTY = "=HYPERLINK(\"http://x\") | <script>alert(1)</script> <img src=x onerror=alert(1)>"


def _nasty_items(tmp_path: Path) -> Path:
    """An item record whose headline holds markup and a formula (as a record from elsewhere may)."""
    import json

    path = tmp_path / "items.jsonl"
    rec = {"type": "item", "doc_id": "x", "item_id": "x:1", "seq": 1, "headline": NASTY, "body": "今年以来，改造小区12个。"}
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_markdown_cells_cannot_carry_markup_or_break_the_table(tmp_path):
    out = tmp_path / "items.md"
    assert runner.invoke(app, ["export", str(_nasty_items(tmp_path)), "-o", str(out)]).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "<script>" not in text and "<img" not in text and "&lt;script&gt;" in text
    rows = [line for line in text.splitlines() if line.startswith("|")]
    cells = [len(line.replace("\\|", "").split("|")) for line in rows]
    assert len(set(cells)) == 1  # every row has the header's number of columns


def test_tsv_escapes_formula_cells_as_csv_does(tmp_path):
    out = tmp_path / "items.tsv"
    assert runner.invoke(app, ["export", str(_nasty_items(tmp_path)), "-o", str(out)]).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter="\t"))
    assert rows[0]["headline"].startswith("'=HYPERLINK")


def test_an_unknown_column_is_a_usage_error_that_lists_the_columns():
    result = runner.invoke(app, ["export", str(seed_path("001")), "--columns", "seq,nosuch,headline", "-f", "csv"])
    assert result.exit_code == 2 and "no such column nosuch" in result.stderr and "doc.date" in result.stderr


def test_no_file_of_headers_alone_when_every_input_failed(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    out = tmp_path / "items.csv"
    result = runner.invoke(app, ["export", str(bad), "-o", str(out)])
    assert result.exit_code == 1 and "broken.pdf" in result.stderr and not out.exists()


def test_a_folder_takes_upper_case_suffixes(tmp_path):
    (tmp_path / "REPORT.TXT").write_bytes(seed_path("004").read_bytes())
    result = runner.invoke(app, ["split", str(tmp_path), "-f", "jsonl"])
    assert result.exit_code == 0 and result.stdout.count('"type":"item"') == 8


def test_a_closed_pipe_is_a_quiet_exit_0(tmp_path):
    """``bulletin … | head -1``: no error, exit 0 (the README says so)."""
    proc = subprocess.run(f"'{EXE}' split '{seed_path('000')}' -f jsonl | head -c 10 > /dev/null; "
                          "echo ${PIPESTATUS[0]}", shell=True, executable="/bin/bash", capture_output=True, text=True)
    assert proc.stdout.strip() == "0" and "Traceback" not in proc.stderr and "error" not in proc.stderr


def _closed(command: str) -> subprocess.CompletedProcess:
    """``bulletin COMMAND`` run by a shell that may close its standard streams (``<&-``, ``>&-``)."""
    return subprocess.run(f"'{EXE}' {command}", shell=True, executable="/bin/bash", capture_output=True, text=True,
                          timeout=60)


@pytest.mark.parametrize("command", ["split", "normalise", "stats", "split -"])
def test_a_closed_standard_input_is_one_line_naming_it(command):
    proc = _closed(f"{command} <&-")  # issue 20.13
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stderr.splitlines()[0] == "error: -: standard input is closed"


def test_files_are_read_with_standard_input_closed(tmp_path):
    proc = _closed(f"split '{seed_path('004')}' -f jsonl <&-")
    assert proc.returncode == 0 and proc.stdout.count('"type":"item"') == 8, proc.stderr


@pytest.mark.parametrize("command", ["split", "export -f jsonl", "stats"])
def test_a_closed_standard_output_is_a_usage_error(command):
    proc = _closed(f"{command} '{seed_path('004')}' >&-")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stderr.strip() == "error: standard output is closed: give -o FILE"


def test_output_to_a_file_is_written_with_standard_streams_closed(tmp_path):
    out = tmp_path / "items.jsonl"
    proc = _closed(f"split '{seed_path('004')}' -o '{out}' -j 2 <&- >&- 2>&-")
    assert proc.returncode == 0 and out.read_text(encoding="utf-8").count('"type":"item"') == 8


def test_ctrl_c_with_two_workers_says_interrupted_and_leaves_no_file(tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from bench_chain import build_corpus

    build_corpus(tmp_path / "in", 600)
    out = tmp_path / "items.csv"
    proc = subprocess.Popen([str(EXE), "export", str(tmp_path / "in"), "-j", "2", "-o", str(out), "--no-progress"],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not holds_open(proc.pid, tmp_path) and time.monotonic() < deadline:
        time.sleep(0.05)  # until the run is under way and writing
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    err = proc.communicate(timeout=60)[1].decode()
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    assert not out.exists() and not list(tmp_path.glob(".*.part"))


def test_a_full_disk_is_one_line_and_exit_1(tmp_path):
    if not os.path.exists("/dev/full"):
        pytest.skip("needs /dev/full (Linux)")
    result = subprocess.run([str(EXE), "split", str(seed_path("000")), "-f", "jsonl", "-o", "/dev/full"],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "/dev/full" in result.stderr and "No space left" in result.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "md", "sqlite"])
def test_a_file_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path, fmt):
    folder = os.fsencode(tmp_path)
    bad = os.path.join(folder, b"\xff\xfe_bad.txt")
    with open(bad, "wb") as fh:
        fh.write(seed_path("004").read_bytes())
    out = tmp_path / f"items.{fmt}"
    for jobs in ("1", "2"):
        result = subprocess.run([str(EXE), "export", str(tmp_path), "-o", str(out), "--force", "-j", jobs,
                                 "--glob", "*_bad.txt"], capture_output=True)
        assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr
    data = out.read_bytes()
    if fmt != "sqlite":
        assert b"\\xff\\xfe_bad.txt" in data.replace(b"\\\\", b"\\")
        data.decode("utf-8")  # what is written is UTF-8 throughout


def test_subheadings_repeated_in_items_are_content_not_running_headers():
    """主要做法 and 取得成效 under each of three items are the items' subheadings: without page
    breaks and at no regular period they stay (they were removed as running headers)."""
    from bulletin_cli.normalise import normalise_text

    parts = []
    for unit, n in (("县住建局", 12), ("县人社局", 5), ("县医保局", 86)):
        parts += [f"{unit}扎实推进重点工作", "主要做法", f"一是强化组织领导，{unit}成立工作专班{n}个。",
                  "二是压实工作责任，明确责任分工，细化工作措施。" * (n % 3 + 1), "取得成效", f"全年完成任务{n}项。"]
    text, changes = normalise_text("\n\n".join(parts) + "\n")
    assert text.count("主要做法") == 3 and text.count("取得成效") == 3
    assert "running_headers" not in changes.counts


def test_a_table_set_one_cell_a_line_keeps_its_numbers():
    from bulletin_cli.normalise import normalise_text

    text, changes = normalise_text("乡镇\n\n户数\n\n东屯镇\n\n32\n\n潭龙街道\n\n23\n\n魏邱乡\n\n63\n")
    assert [line.strip() for line in text.split("\n\n") if line.strip().isdigit()] == ["32", "23", "63"]
    assert "page_numbers" not in changes.counts


def test_page_numbers_running_on_by_one_still_go():
    from bulletin_cli.normalise import normalise_text

    body = "今年以来，县住建局扎实推进老旧小区改造，全县改造小区12个，惠及居民3000户。"
    text, changes = normalise_text(f"{body}\n\n2\n\n{body}\n\n3\n\n{body}\n\n4\n")
    assert changes.counts.get("page_numbers") == 3 and "\n2\n" not in text


def test_output_onto_a_fifo_streams_to_it(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    result = runner.invoke(app, ["split", str(seed_path("001")), "-o", str(fifo), "-f", "jsonl"])
    out = reader.communicate(timeout=30)[0].decode("utf-8")
    assert result.exit_code == 0 and out.count('"type":"item"') == 7
    assert fifo.is_fifo()  # still a pipe, not replaced by a regular file


def test_output_onto_a_file_that_is_not_a_database_is_refused(tmp_path):
    out = tmp_path / "notes.db"
    out.write_text("my notes\n", encoding="utf-8")
    result = runner.invoke(app, ["export", str(seed_path("001")), "-o", str(out)])
    assert result.exit_code == 2 and "not a SQLite database" in result.stderr
    assert out.read_text(encoding="utf-8") == "my notes\n"


def test_output_into_a_folder_that_cannot_be_written_is_one_line(tmp_path):
    if os.geteuid() == 0:
        folder = Path("/proc/self")  # root may write anywhere else; /proc refuses even root
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)
    result = runner.invoke(app, ["split", str(seed_path("001")), "-o", str(folder / "items.jsonl")])
    assert result.exit_code in (1, 2) and "Traceback" not in result.stderr and "items.jsonl" in result.stderr


def test_a_txt_output_is_the_text_not_a_boxed_table(tmp_path):
    out = tmp_path / "out.txt"
    assert runner.invoke(app, ["split", str(seed_path("001")), "-o", str(out)]).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "┃" not in text and "│" not in text
    assert text.startswith("县开发区全力推进“60·80”项目建设助力化工产业提质增效\n牢固树立“项目为王”理念")
