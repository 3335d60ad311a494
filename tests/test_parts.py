"""A document too large to hold whole is decoded, normalised and split a part at a time
(bulletin_cli/parts.py): its items are one document's, whatever the parts."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from bulletin_cli import chain, parts
from bulletin_cli.cli import app
from bulletin_cli.inputs import looks_like_jsonl

from .conftest import SEEDS

runner = CliRunner()


@pytest.fixture
def small_parts(monkeypatch):
    """Parts of 6,000 characters for files over 40 KB, so that real bulletins make a large file."""
    monkeypatch.setattr(chain, "PART_THRESHOLD", 40_000)
    monkeypatch.setattr(parts, "PART_CHARS", 6_000)
    monkeypatch.setattr(parts, "CHUNK_BYTES", 5_000)  # (decoded a few thousand bytes at a time)
    monkeypatch.setattr(parts, "HEAD_BYTES", 20_000)  # (the codec decided on the first 20 KB)


def _volume(tmp_path, encoding="utf-8"):
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in SEEDS * 3)
    path = tmp_path / "volume.txt"
    path.write_bytes(text.encode(encoding))
    return path


def _items(result) -> list[dict]:
    return [r for r in map(json.loads, result.stdout.splitlines()) if r["type"] == "item"]


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_large_file_is_one_document_split_a_part_at_a_time(tmp_path, small_parts, encoding):
    path = _volume(tmp_path, encoding)
    assert path.stat().st_size > chain.PART_THRESHOLD
    items = _items(runner.invoke(app, ["split", str(path), "-f", "jsonl"]))
    assert len({i["doc_id"] for i in items}) == 1
    assert [i["seq"] for i in items] == list(range(1, len(items) + 1))
    assert len({i["item_id"] for i in items}) == len(items)
    assert all(a["span"][1] <= b["span"][0] for a, b in zip(items, items[1:]))
    assert all(i["doc"] == items[0]["doc"] for i in items)
    assert all(i["parent_seq"] is None or 0 < i["parent_seq"] < i["seq"] for i in items)
    # the same bulletins as a whole document of their own each: (nearly) the same headlines
    whole = set()
    for seed in SEEDS:
        whole |= {i["headline"] for i in _items(runner.invoke(app, ["split", str(seed), "-f", "jsonl"]))}
    found = {i["headline"] for i in items}
    assert len(found & whole) >= 0.8 * len(whole)


def test_a_large_file_bad_past_its_opening_fails_in_one_line(tmp_path, small_parts):
    path = _volume(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[:-3000] + b"\xff\xfe\xfa" * 40 + data[-3000:])
    result = runner.invoke(app, ["split", str(path), "-f", "jsonl", "--errors", "strict"])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if "volume.txt" in line]
    assert len(lines) == 1 and "not valid utf-8 at byte" in lines[0], result.stderr


def test_json_lines_whose_first_record_outruns_the_sniff_are_still_records():
    record = json.dumps({"type": "document", "text": "县" * 600_000}, ensure_ascii=False).encode() + b"\n"
    assert looks_like_jsonl(record + record)
    assert not looks_like_jsonl("延津政务快报\n".encode() * 300_000)


def test_bad_bytes_past_a_large_files_opening_are_read_as_ufffd_and_said(tmp_path, small_parts):
    path = _volume(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[:-3000] + b"\xff" + data[-3000:])
    result = runner.invoke(app, ["split", str(path), "-f", "jsonl"])
    assert result.exit_code == 0
    said = [line for line in result.stderr.splitlines() if "volume.txt" in line]
    assert len(said) == 1 and "1 undecodable byte sequence(s) read as U+FFFD" in said[0], result.stderr
