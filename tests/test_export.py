"""export: every format read back, SQLite resume, bad files in a batch, -j 2, stats."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bulletin_cli.cli import app
from bulletin_cli.export import AtomicOutput, RowMaker, csv_cell, escape_formula, flatten

from .conftest import SAMPLES, SEEDS, seed_path

runner = CliRunner()


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in SEEDS:
        (folder / seed.name).write_bytes(seed.read_bytes())
    return folder


def export(*args, **kw):
    return runner.invoke(app, ["export", *map(str, args), "--no-progress"], **kw)



def test_csv_has_a_bom_and_reads_back(corpus, tmp_path):
    out = tmp_path / "items.csv"
    result = export(corpus, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) > 100
    row = next(r for r in rows if r["headline"] == "县住建局危房改造惠民生实现群众“安居”梦")
    assert row["doc.date"] == "2023-09-22" and row["doc.issue"] == "43" and row["section"] == "民生保障"
    assert row["units"] == "住建局" and row["tags.units"] == "住房和城乡建设局" and row["tags.category"] == "民生保障"
    multi = next(r for r in rows if r["headline"] == "我县压实责任狠抓落实全力推进秸秆禁烧工作")
    assert multi["units"] == "农业农村局；潭龙街道；榆林乡；胙城乡；魏邱乡"
    assert "read 5 files: 5 documents; wrote 141 items" in result.stderr


def test_csv_gb18030_columns_and_chinese_headers(tmp_path):
    out = tmp_path / "items.csv"
    export(seed_path("004"), "-o", out, "--csv-encoding", "gb18030", "--columns", "seq,section,headline,units",
           "--headers", "zh")
    rows = list(csv.reader(out.read_text(encoding="gb18030").splitlines()))
    assert rows[0] == ["序号", "栏目", "标题", "单位"]
    assert rows[1] == ["1", "全力拼经济", "县科工局加速技改助力企业转型升级", "科工局"]


def test_formula_cells_are_escaped_unless_raw(tmp_path):
    src = tmp_path / "f.txt"
    src.write_text("【测试】\n\n=HYPERLINK(1)县住建局开展核查 摸清底数，确保安全。（住建局）\n", encoding="utf-8")
    out = tmp_path / "f.csv"
    export(src, "-o", out)
    assert "'=HYPERLINK(1)" in out.read_text(encoding="utf-8-sig")
    export(src, "-o", out, "--raw", "--force")
    text = out.read_text(encoding="utf-8-sig")
    assert "=HYPERLINK(1)" in text and "'=HYPERLINK" not in text
    assert escape_formula("-5") == "'-5" and escape_formula("县住建局") == "县住建局"


def test_json_jsonl_and_markdown(tmp_path):
    for fmt in ("json", "jsonl", "md"):
        out = tmp_path / f"items.{fmt}"
        assert export(seed_path("001"), "-o", out).exit_code == 0
    assert len(json.loads((tmp_path / "items.json").read_text(encoding="utf-8"))) == 7
    lines = (tmp_path / "items.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["seq"] for x in lines] == list(range(1, 8))
    md = (tmp_path / "items.md").read_text(encoding="utf-8")
    assert md.startswith("| source") and "县住建局危房改造惠民生实现群众“安居”梦" in md
    grid = export(seed_path("001"), "-f", "grid", "--columns", "seq,headline")
    assert grid.stdout.startswith("+") and "县供销社备播先备种确保一播全苗" in grid.stdout


def test_sqlite_tables_keys_and_chinese_full_text(corpus, tmp_path):
    db = tmp_path / "items.sqlite"
    assert export(corpus, "-o", db).exit_code == 0
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 5
    assert con.execute("SELECT title, issue, date FROM documents WHERE issue = 43").fetchone() == (
        "延津政务快报", 43, "2023-09-22")
    hits = con.execute("SELECT i.headline FROM items_fts f JOIN items i ON i.rowid = f.rowid "
                       "WHERE items_fts MATCH '危房改造'").fetchall()
    assert ("县住建局危房改造惠民生实现群众“安居”梦",) in hits
    unit = con.execute("SELECT u.canonical, u.kind FROM units u JOIN items i USING(item_id) "
                       "WHERE i.headline LIKE '县住建局%' AND u.source = 'attribution'").fetchone()
    assert unit == ("住房和城乡建设局", "bureau")
    fig = con.execute("SELECT normalised_value, normalised_unit FROM figures WHERE text = '21.17万元'").fetchone()
    assert fig == (211700.0, "yuan")
    orphans = con.execute("SELECT count(*) FROM items WHERE doc_id NOT IN (SELECT doc_id FROM documents)").fetchone()
    assert orphans == (0,)
    assert con.execute("SELECT text FROM documents WHERE issue = 18").fetchone()[0].startswith("延津政务快报")


def test_sqlite_resume_adds_new_documents_and_skips_known(tmp_path):
    db = tmp_path / "items.sqlite"
    export(seed_path("001"), "-o", db)
    second = export(seed_path("001"), seed_path("004"), "-o", db)
    assert second.exit_code == 0 and "already in" in second.stderr
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    assert con.execute("SELECT count(*) FROM items").fetchone()[0] == 15


def test_batch_with_binary_empty_and_unreadable_files(corpus, tmp_path, monkeypatch):
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 16)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "locked.txt").write_bytes(seed_path("001").read_bytes())
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    out = tmp_path / "items.csv"
    result = export(corpus, "-o", out)
    assert result.exit_code == 1
    for name, problem in (("binary.txt", "binary"), ("empty.txt", "empty"), ("locked.txt", "permission denied")):
        assert any(name in line and problem in line for line in result.stderr.splitlines())
    with open(out, encoding="utf-8-sig", newline="") as handle:
        assert len({r["doc_id"] if "doc_id" in r else r["item_id"].split(":")[0] for r in csv.DictReader(handle)}) == 5


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_stray_byte_in_a_batch_is_a_warning_not_a_failure(corpus, jobs):
    data = seed_path("004").read_text(encoding="utf-8").encode("gbk")
    (corpus / "stray.txt").write_bytes(data[:900] + b"\xff" + data[900:])
    result = export(corpus, "-f", "csv", "-j", jobs)
    assert result.exit_code == 0
    assert any(line.startswith("warning: ") and "stray.txt" in line for line in result.stderr.splitlines())
    assert "0 failed" in result.stderr and result.stdout.count("stray.txt") == 8


def test_two_jobs_give_the_same_output_as_one(corpus, tmp_path):
    for k in range(3):  # more files than workers, some duplicates across files
        (corpus / f"copy{k}.txt").write_bytes(seed_path("002").read_bytes())
    one = export(corpus, "-f", "jsonl", "-j", "1")
    two = export(corpus, "-f", "jsonl", "-j", "2")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    csv_one, csv_two = export(corpus, "-f", "csv", "-j", "1"), export(corpus, "-f", "csv", "-j", "2")
    assert csv_one.stdout == csv_two.stdout and "优化医保业务经办" in csv_two.stdout
    assert export(corpus, "-f", "csv", "-j", "0").stdout == csv_one.stdout  # one per processor
    assert sum(1 for line in one.stdout.splitlines() if json.loads(line)["tags"]["duplicate_of"]) > 4


def test_existing_output_is_refused_and_interrupted_writes_leave_nothing(tmp_path):
    out = tmp_path / "items.csv"
    out.write_text("keep", encoding="utf-8")
    assert export(seed_path("001"), "-o", out).exit_code == 2
    assert out.read_text(encoding="utf-8") == "keep"
    target = tmp_path / "half.csv"
    with pytest.raises(RuntimeError):
        with AtomicOutput(str(target)) as handle:
            handle.write("partial")
            raise RuntimeError("interrupted")
    assert not target.exists() and not list(tmp_path.glob("*.part"))


def test_unknown_format_and_sqlite_to_stdout_are_usage_errors(tmp_path):
    assert export(seed_path("001"), "-o", tmp_path / "x.weird").exit_code == 2
    assert export(seed_path("001"), "-f", "sqlite").exit_code == 2
    assert export(seed_path("001"), "-f", "xlsx").exit_code == 2


TRICKY_CELLS = ["", "住建局", "a,b", '他说"好"', "两行\n正文", "回车\r", " 前后空格 ", "=1+1", "-5", "'", "\ue000"]


def test_csv_cells_are_quoted_as_the_csv_module_quotes_them():
    for value in TRICKY_CELLS:
        assert csv_cell(value) == csv.writer(Echo()).writerow(["x", value])[2:-2], value


class Echo:
    def write(self, text):
        return text


@pytest.mark.parametrize("columns", [None, ["tags.duplicate_of", "headline", "tags.similarity"],
                                     ["headline", "body", "tags.duplicate_of"], ["tags.similarity", "seq"]])
def test_rows_encoded_in_workers_match_the_csv_module(columns):
    """A row encoded ahead (RowMaker.encode) with its late cells put in later (RowMaker.line) is
    byte for byte what csv.writer makes of the whole row, whatever the cells hold."""
    maker = RowMaker(columns)
    for k, text in enumerate(TRICKY_CELLS):
        rec = {"seq": k, "headline": text, "body": text + "。", "source": "a.txt", "doc": {"date": "2023-09-22"},
               "units": ["住建局", text], "tags": {"duplicate_of": None, "similarity": None}}
        pieces = maker.encode(rec)
        rec["tags"] = {"duplicate_of": f"{text}:{k}", "similarity": 0.9}
        expected = csv.writer(Echo()).writerow(maker(rec))
        if pieces is None:  # only a cell holding the placeholder itself is sent as cells
            assert "\ue000" in text
        else:
            assert maker.line(rec, pieces) == expected


def test_flatten_dotted_names():
    row = flatten({"doc": {"date": "2023-09-22"}, "tags": {"category": {"label": "民生保障"},
                                                            "units": [{"canonical": "住房和城乡建设局"}]}})
    assert row == {"doc.date": "2023-09-22", "tags.category": "民生保障", "tags.units": "住房和城乡建设局"}


def test_stats_tables_and_json(corpus):
    table = runner.invoke(app, ["stats", str(corpus)])
    assert table.exit_code == 0 and "items per category" in table.stdout and "busiest" in table.stdout
    counts = json.loads(runner.invoke(app, ["stats", str(corpus), "-f", "json"]).stdout)
    assert counts["documents"] == 5 and counts["by_unit"]["供销合作社"] == 4
    assert counts["by_date"]["2023-09-22"] == 7


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_stats_on_a_missing_path_prints_the_error_and_no_empty_tables(tmp_path, fmt):
    result = runner.invoke(app, ["stats", str(tmp_path / "missing"), "-f", fmt])  # issue 21.5
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [f"error: {tmp_path / 'missing'}: no such file or folder",
                                          "error: 1 input(s) failed; 0 item(s) counted"]


def test_the_summary_says_which_items_repeat_earlier_ones(tmp_path):
    """The samples are damaged copies of six documents: every item is written to CSV, and the
    summary says how many repeat an earlier item (issue 21.6)."""
    result = export(SAMPLES, "-o", tmp_path / "items.csv")
    assert result.exit_code == 0
    first, second = result.stderr.splitlines()
    assert "read 16 files: 6 documents; wrote 433 items" in first and "0 failed" in first
    assert second.endswith("293 of the 433 items written repeat an earlier item "
                           "(marked in duplicate_of; --drop-duplicates leaves them out)")
    dropped = export(SAMPLES, "-o", tmp_path / "items.jsonl", "--drop-duplicates")
    assert "wrote 140 items" in dropped.stderr
    assert dropped.stderr.splitlines()[1].endswith("left out 293 items that repeat an earlier item (--drop-duplicates)")


def test_the_summary_says_why_a_database_got_fewer_items(tmp_path):
    """A database keeps each document once: the copies' items are skipped, and a re-run skips
    every item, each time saying so in words (issue 21.6)."""
    db = tmp_path / "items.db"
    first = export(SAMPLES, "-o", db)
    assert first.exit_code == 0 and len(first.stderr.splitlines()) == 2
    assert "wrote 180 items" in first.stderr
    assert ("skipped 253 items of documents already written in this run (the same text under another file name; "
            "a database keeps each document once)") in first.stderr
    assert sqlite3.connect(db).execute("SELECT count(*) FROM items").fetchone() == (180,)
    again = export(SAMPLES, "-o", db)
    assert again.exit_code == 0 and "wrote 0 items" in again.stderr
    assert again.stderr.splitlines()[1] == f"skipped 433 items of 6 documents already in {db}"


def test_stats_say_what_the_counts_include(tmp_path):
    table = runner.invoke(app, ["stats", str(SAMPLES)])
    words = " ".join(table.stdout.split())
    assert table.exit_code == 0
    assert ("Counts include every item of every file read: 433 items (6 distinct documents), "
            "293 of them repeating an earlier item") in words
    assert "(no date): 380 items whose document gave no issue date." in words
    counts = json.loads(runner.invoke(app, ["stats", str(SAMPLES), "-f", "json"]).stdout)
    assert (counts["items"], counts["repeated"], counts["by_date"]["(no date)"]) == (433, 293, 380)


def test_written_files_get_ordinary_permissions(tmp_path):
    import os

    out = tmp_path / "items.csv"
    export(seed_path("001"), "-o", out)
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_drop_duplicates_after_tag_in_a_pipe():
    tagged = runner.invoke(app, ["tag", str(seed_path("002")), "-f", "jsonl"]).stdout
    kept = export("-f", "jsonl", "--drop-duplicates", input=tagged)
    items = [json.loads(x) for x in kept.stdout.splitlines()]
    assert len(items) == len(tagged.splitlines()) - 3 and not any(i["tags"]["duplicate_of"] for i in items)


def test_the_summary_says_files_read_documents_present_and_items_written(tmp_path):
    db = tmp_path / "items.sqlite"
    first = export(seed_path("001"), "-o", db)
    assert "read 1 file: 1 document; wrote 7 items" in first.stderr
    again = export(seed_path("001"), seed_path("004"), "-o", db)
    assert "read 2 files: 2 documents (1 already in" in again.stderr and "wrote 8 items" in again.stderr


def test_a_documents_cells_are_its_own_when_items_of_documents_alternate():
    """The row maker makes a document's cells once for its items (they share its record): an item
    of another document between them gets its own."""
    from bulletin_cli.export.rows import RowMaker

    yanjin = {"title": "延津政务快报", "place": {"county": "延津县", "code": "410726"}}
    linli = {"title": "临澧工作简报", "place": {"county": "临澧县", "code": "430724"}}
    items = [{"seq": 1, "headline": "县住建局推进改造", "doc": yanjin},
             {"seq": 1, "headline": "县农业局开展培训", "doc": linli},
             {"seq": 2, "headline": "县医保局开展宣传", "doc": yanjin}]
    maker = RowMaker(["doc.title", "county", "seq", "headline"])
    assert [maker(i) for i in items] == [["延津政务快报", "延津县", "1", "县住建局推进改造"],
                                         ["临澧工作简报", "临澧县", "1", "县农业局开展培训"],
                                         ["延津政务快报", "延津县", "2", "县医保局开展宣传"]]
    again = maker({"seq": 3, "headline": "县水利局", "doc": yanjin})
    assert again[:2] == ["延津政务快报", "延津县"] and again[2:] == ["3", "县水利局"]
