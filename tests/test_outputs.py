"""One output registry for every command, one reader registry for every input: -o x.csv writes CSV
from any command, SQLite's full-text index is found by datasette and sqlite-utils, web pages are
parsed, and folders take every format the readers know."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bulletin_cli.cli import app
from bulletin_cli.normalise import normalise_bytes

from .conftest import seed_path

runner = CliRunner()
COMMANDS = ["normalise", "split", "tag", "export"]


def csv_rows(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_writes_csv_for_a_csv_name(tmp_path, command):
    out = tmp_path / "out.csv"
    result = runner.invoke(app, [command, str(seed_path("001")), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    rows = csv_rows(out)
    if command == "normalise":
        assert [r["source"] for r in rows] == [str(seed_path("001"))] and "延津政务快报" in rows[0]["text"]
    else:
        assert len(rows) == 7 and rows[1]["headline"] == "县住建局危房改造惠民生实现群众“安居”梦"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_writes_sqlite_for_a_database_name(tmp_path, command):
    out = tmp_path / "out.sqlite"
    result = runner.invoke(app, [command, str(seed_path("001")), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    db = sqlite3.connect(out)
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    items = db.execute("SELECT count(*) FROM items").fetchone()[0]
    assert items == (0 if command == "normalise" else 7)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_refuses_a_name_it_cannot_tell_the_format_of(tmp_path, command):
    out = tmp_path / "out.weird"
    result = runner.invoke(app, [command, str(seed_path("001")), "-o", str(out)])
    assert result.exit_code == 2 and "cannot tell the format" in result.stderr and not out.exists()


def test_an_explicit_format_wins_over_the_suffix(tmp_path):
    out = tmp_path / "items.csv"
    assert runner.invoke(app, ["split", str(seed_path("001")), "-o", str(out), "-f", "jsonl"]).exit_code == 0
    assert [json.loads(line)["seq"] for line in out.read_text(encoding="utf-8").splitlines()] == list(range(1, 8))


def test_output_to_a_device_streams_and_leaves_it_a_device(tmp_path):
    result = runner.invoke(app, ["split", str(seed_path("001")), "-o", "/dev/null"])
    assert result.exit_code == 0, result.stderr
    assert Path("/dev/null").is_char_device()


def test_a_database_of_another_program_is_refused(tmp_path):
    out = tmp_path / "other.db"
    db = sqlite3.connect(out)
    db.execute("CREATE TABLE customers (id INTEGER, name TEXT)")
    db.commit()
    db.close()
    result = runner.invoke(app, ["export", str(seed_path("001")), "-o", str(out)])
    assert result.exit_code == 2 and "another program's database" in result.stderr
    assert sqlite3.connect(out).execute("SELECT name FROM sqlite_master").fetchall() == [("customers",)]


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("db") / "items.sqlite"
    folder = seed_path("001").parent
    assert runner.invoke(app, ["export", str(folder), "--glob", "00?_*[0-9a-f].txt", "-o", str(out)]).exit_code == 0
    return out


def test_sqlite_utils_finds_the_full_text_index(database):
    sqlite_utils = pytest.importorskip("sqlite_utils", reason="pip install sqlite-utils (the test extra has it)")
    db = sqlite_utils.Database(database)
    assert db["items"].detect_fts() == "items_fts"
    hits = list(db["items"].search("危房改造"))
    assert hits and all("危房改造" in ((h["headline"] or "") + h["body"]) for h in hits)
    assert any(h["headline"] == "县住建局危房改造惠民生实现群众“安居”梦" for h in hits)


def test_sqlite_utils_search_command_finds_the_item(database):
    pytest.importorskip("sqlite_utils", reason="pip install sqlite-utils (the test extra has it)")
    exe = Path(sys.executable).parent / "sqlite-utils"
    out = subprocess.run([str(exe), "search", str(database), "items", "危房改造", "--csv"], capture_output=True,
                         text=True, check=True).stdout
    assert "县住建局危房改造惠民生实现群众“安居”梦" in out


def test_datasette_search_finds_the_item(database):
    datasette_app = pytest.importorskip("datasette.app", reason="pip install datasette (the test extra has it)")

    async def search() -> dict:
        ds = datasette_app.Datasette([str(database)])
        response = await ds.client.get("/items/items.json?_search=危房改造&_shape=objects")
        return response.json()

    rows = asyncio.run(search())["rows"]
    assert rows and all("危房改造" in ((r["headline"] or "") + r["body"]) for r in rows)
    assert len(rows) < 20  # not every row: the search was applied


def test_an_older_database_gets_the_index_datasette_sees(tmp_path):
    """A database written by an earlier version (content='items') is mended when added to."""
    out = tmp_path / "old.sqlite"
    assert runner.invoke(app, ["export", str(seed_path("001")), "-o", str(out)]).exit_code == 0
    db = sqlite3.connect(out)
    db.executescript("DROP TRIGGER items_ai; DROP TRIGGER items_ad; DROP TRIGGER items_au; DROP TABLE items_fts;"
                     "CREATE VIRTUAL TABLE items_fts USING fts5(headline, body, content='items', "
                     "content_rowid='rowid', tokenize='trigram');")
    db.close()
    assert runner.invoke(app, ["export", str(seed_path("004")), "-o", str(out)]).exit_code == 0
    db = sqlite3.connect(out)
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'items_fts'").fetchone()[0]
    assert "content=[items]" in sql
    found = db.execute("SELECT count(*) FROM items_fts WHERE items_fts MATCH '危房改造'").fetchone()[0]
    assert found >= 1


# --- readers ---------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>县住建局推进老旧小区改造</title><script>var nav = "首页>政务";</script></head>
<body><div class="nav"><a href="/" title="首页>政务公开>工作动态">首页</a></div>
<h1>县住建局推进老旧小区改造</h1>
<p class="MsoNormal" style="text-indent:2em;
   line-height:150%">今年以来，县住建局扎实推进老旧小区改造，
   截至目前，全县改造小区12个，惠及居民3000户。</p>
<table><tr><td>小区</td><td>户数</td></tr><tr><td>幸福里</td><td>1200</td></tr></table>
<p style="display:none">隐藏的文字</p>
</body></html>
"""


def test_a_web_page_is_parsed_not_stripped():
    """Text inside an attribute never leaks (title="首页>政务…"), a line break inside a paragraph of
    a Word-exported page joins the ideographs around it, cells stay apart, hidden text goes, and
    the page's declared charset (gb2312) decides its decoding."""
    rec = normalise_bytes(PAGE.encode("gb18030"), "page.html")
    text = rec["text"]
    assert rec["encoding"] == "gb18030" and rec["meta"] == {"title": "县住建局推进老旧小区改造"}
    assert "政务公开" not in text and '">' not in text and "var nav" not in text and "隐藏" not in text
    assert "今年以来，县住建局扎实推进老旧小区改造，截至目前，全县改造小区12个，惠及居民3000户。" in text
    assert "小区  户数" in text and "幸福里  1200" in text
    assert rec["changes"]["counts"]["html_hidden"] >= 3  # doctype, head, the hidden paragraph


def test_a_page_saved_in_utf16_is_parsed_too():
    rec = normalise_bytes(PAGE.replace("gb2312", "utf-16").encode("utf-16"), "page.htm")
    assert "今年以来，县住建局扎实推进老旧小区改造" in rec["text"] and "var nav" not in rec["text"]


def test_a_page_whose_charset_lies_is_still_read():
    rec = normalise_bytes(PAGE.encode("utf-8"), "page.html")  # says gb2312, is UTF-8
    assert rec["encoding"] == "utf-8" and "惠及居民3000户" in rec["text"]


def test_format_is_decided_by_bytes_then_suffix(tmp_path):
    """A page saved as .txt is still a page; a text file named .html is still text."""
    (tmp_path / "page.txt").write_bytes(PAGE.encode("gb18030"))
    (tmp_path / "plain.html").write_text("县住建局推进老旧小区改造 截至目前，全县改造小区12个。\n", encoding="utf-8")
    result = runner.invoke(app, ["normalise", str(tmp_path), "-f", "jsonl"])
    docs = {Path(d["source"]).name: d for d in map(json.loads, result.stdout.splitlines())}
    assert set(docs) == {"page.txt", "plain.html"}
    assert "var nav" not in docs["page.txt"]["text"] and docs["page.txt"]["meta"]["title"]
    assert docs["plain.html"]["text"].startswith("县住建局推进老旧小区改造")


def test_a_folder_of_pdfs_is_read_without_glob(tmp_path):  # by pypdfium2, installed with bulletin-cli
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    import damage

    for prefix in ("001", "004"):
        damage.render_pdf(damage.clean_paragraphs(seed_path(prefix).read_bytes()), tmp_path / f"{prefix}.pdf")
    result = runner.invoke(app, ["split", str(tmp_path), "-f", "jsonl"])
    assert result.exit_code == 0, result.stderr
    items = [json.loads(line) for line in result.stdout.splitlines()]
    assert {Path(i["source"]).name for i in items} == {"001.pdf", "004.pdf"}
    assert sum(1 for i in items if i["source"].endswith("001.pdf")) == 7


def test_two_exports_into_one_database_at_once_both_land(tmp_path):
    """Two real processes writing one SQLite file at the same time: every document of both ends
    up in it, and the file is sound."""
    import os

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from bench_chain import build_corpus

    build_corpus(tmp_path / "a", 150)
    build_corpus(tmp_path / "b", 300)
    for k, path in enumerate(sorted((tmp_path / "b").glob("*.txt"))):
        if k < 150:
            path.unlink()  # b holds the documents a does not: 150 to 299
    db = tmp_path / "both.sqlite"
    exe = Path(sys.executable).parent / "bulletin"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    procs = [subprocess.Popen([str(exe), "export", str(tmp_path / d), "-o", str(db), "--no-progress"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for d in ("a", "b")]
    errors = [p.communicate(timeout=300)[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    sources = {Path(s).parent.name for (s,) in con.execute("SELECT source FROM documents")}
    assert sources == {"a", "b"}
    want = {Path(p).name for d in ("a", "b") for p in (tmp_path / d).glob("*.txt")}
    got = {Path(s).name for (s,) in con.execute("SELECT source FROM documents")}
    texts = {normalise_bytes(p.read_bytes())["doc_id"] for d in ("a", "b") for p in (tmp_path / d).glob("*.txt")}
    assert len(got) <= len(want) and {d for (d,) in con.execute("SELECT doc_id FROM documents")} == texts
