"""What a hostile campaign found in reading inputs (issue 20, items 5, 6, 10 and 14): folders that
cannot be walked, pages that lie about their charset, bombs that expand a small file into gigabytes
or quadratic time, and damaged or deeply nested files. Each bomb is built here from a few lines and
read by ``bulletin`` in a process held to 1 GB of memory and 60 seconds: it must be refused in one
line naming the file and the problem (or read, where nothing in it expands), and the good file
beside it still read."""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bulletin_cli.cli import app

runner = CliRunner()

GOOD = "县住建局开展危房核查，摸清底数。"
#: ``bulletin`` with 1 GB of address space: a bomb that takes more fails with MemoryError.
GUARDED = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30)); "
           "sys.argv[0] = 'bulletin'; from bulletin_cli.cli import main; main()")


def guarded(*args: str) -> subprocess.CompletedProcess:
    """``bulletin ARGS`` held to 1 GB and 60 s (a hang or a blow-up fails the test, not the machine)."""
    return subprocess.run([sys.executable, "-c", GUARDED, *args], capture_output=True, text=True, timeout=60)


def beside_a_good_file(tmp_path: Path, name: str, data: bytes) -> Path:
    """A folder holding the hostile file ``name`` and a good text file."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(data)
    (folder / "good.txt").write_text(GOOD + "\n", encoding="utf-8")
    return folder


def refused(result, name: str, problem: str) -> None:
    """One line naming ``name`` and ``problem``, exit 1, and the good file read all the same (``result``
    of a process, or of typer's CliRunner)."""
    err = result.stderr
    assert getattr(result, "returncode", getattr(result, "exit_code", None)) == 1, err
    assert "Traceback" not in err and "internal error" not in err, err
    lines = [line for line in err.splitlines() if name in line]
    assert len(lines) == 1 and problem in lines[0], err
    assert [json.loads(line)["source"].rsplit("/", 1)[-1] for line in result.stdout.splitlines()] == ["good.txt"]


# --- zips written by hand: damage no zip library writes, and parts too big to compress here -------

def deflated(data: bytes, times: int = 1) -> tuple[bytes, int, int]:
    """``data`` repeated ``times`` times as a raw deflate stream: (stream, CRC-32, size)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    stream, crc = [], 0
    for _ in range(times):
        stream.append(packer.compress(data))
        crc = zlib.crc32(data, crc)
    stream.append(packer.flush())
    return b"".join(stream), crc, len(data) * times


def handmade_zip(entries: list[tuple[str, tuple[bytes, int, int]]], method: int = 8, flags: int = 0) -> bytes:
    """A zip of already deflated ``entries``; the last one with ``method`` and ``flags``."""
    out, central = io.BytesIO(), io.BytesIO()
    for k, (name, (stream, crc, size)) in enumerate(entries):
        how, bits = (method, flags) if k == len(entries) - 1 else (8, 0)
        offset, raw = out.tell(), name.encode()
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, bits, how, 0, 0x21, crc, len(stream), size, len(raw), 0))
        out.write(raw + stream)
        central.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, bits, how, 0, 0x21, crc, len(stream), size,
                                  len(raw), 0, 0, 0, 0, 0, offset))
        central.write(raw)
    start = out.tell()
    out.write(central.getvalue())
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central.getvalue()),
                          start, 0))
    return out.getvalue()


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def document_xml(body: str) -> bytes:
    return f"<w:document {W_NS}><w:body>{body}</w:body></w:document>".encode()


def paragraph(text: str, num: int | None = None) -> str:
    props = f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr></w:pPr>' if num else ""
    return f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r></w:p>"


def docx(body: str, **parts: bytes) -> bytes:
    """A Word file with ``body`` and other parts (``numbering="…"`` is word/numbering.xml)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", document_xml(body))
        for name, xml in parts.items():
            z.writestr(f"word/{name}.xml", xml)
    return buf.getvalue()


def numbering(template: str, start: int = 1, fmt: str = "decimal") -> bytes:
    return (f'<w:numbering {W_NS}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
            f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{template}"/></w:lvl></w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>').encode()


OFD_NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def text_object(x: float, y: float, text: str, delta: str | None = None) -> str:
    delta = delta if delta is not None else f"g {len(text) - 1} 5.6"
    return (f'<ofd:TextObject Boundary="{x} {y} 150 8" Size="5.6"><ofd:TextCode X="0" Y="5.6" '
            f'DeltaX="{delta}">{text}</ofd:TextCode></ofd:TextObject>')


def ofd(content: str, listed: int = 1) -> bytes:
    """An OFD file of one page holding ``content``, its page listed ``listed`` times."""
    pages = '<ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/>' * listed
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("OFD.xml", f"<ofd:OFD {OFD_NS}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
                              "</ofd:DocBody></ofd:OFD>")
        z.writestr("Doc_0/Document.xml", f"<ofd:Document {OFD_NS}><ofd:Pages>{pages}</ofd:Pages></ofd:Document>")
        z.writestr("Doc_0/Pages/Page_0/Content.xml", f"<ofd:Page {OFD_NS}><ofd:Content><ofd:Layer>{content}"
                                                     "</ofd:Layer></ofd:Content></ofd:Page>")
    return buf.getvalue()


# --- 20.5: folders ---------------------------------------------------------------------------------

def test_an_unreadable_subfolder_is_named_and_the_run_fails(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "hidden.txt").write_text(GOOD, encoding="utf-8")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    real = os.scandir

    def scandir(path="."):  # root reads a chmod 0 folder, so refuse the way the OS would
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = runner.invoke(app, ["normalise", str(folder), "-f", "jsonl"])
    assert result.exit_code == 1
    assert f"{folder / 'locked'}: folder is not readable" in result.stderr
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [str(folder / "good.txt")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 0 folder")
def test_a_chmod_0_subfolder_is_named_and_the_run_fails(tmp_path):
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "locked").chmod(0)
    try:
        result = runner.invoke(app, ["normalise", str(folder), "-f", "jsonl"])
    finally:
        (folder / "locked").chmod(0o700)
    assert result.exit_code == 1 and "locked: folder is not readable" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_a_folder_tree_1100_deep_is_read_to_the_bottom(tmp_path):
    top = tmp_path / "in"
    top.mkdir()
    (top / "a.txt").write_text(GOOD, encoding="utf-8")
    folders = [str(top)]
    for _ in range(1100):  # (os.makedirs and shutil.rmtree recurse: one level at a time)
        folders.append(os.path.join(folders[-1], "d"))
        os.mkdir(folders[-1])
    bottom = os.path.join(folders[-1], "z.txt")
    with open(bottom, "w", encoding="utf-8") as fh:
        fh.write("县政府召开常务会议。\n")
    try:
        result = runner.invoke(app, ["normalise", str(top), "-f", "jsonl"])
    finally:
        os.unlink(bottom)
        for folder in reversed(folders[1:]):
            os.rmdir(folder)
    assert result.exit_code == 0, result.stderr
    texts = [json.loads(line)["text"] for line in result.stdout.splitlines()]
    assert texts == [GOOD + "\n", "县政府召开常务会议。\n"]


def test_a_10_gb_sparse_file_is_refused_and_the_rest_read(tmp_path):
    folder = beside_a_good_file(tmp_path, "huge.txt", b"")
    with open(folder / "huge.txt", "r+b") as fh:
        fh.truncate(10 * 2**30)  # sparse: no disk taken
    refused(guarded("normalise", str(folder), "-f", "jsonl"), "huge.txt", "larger than")


def test_a_jsonl_file_larger_than_a_document_is_read_a_line_at_a_time(tmp_path, monkeypatch):
    from bulletin_cli import inputs

    monkeypatch.setattr(inputs, "MAX_DOCUMENT", 4096)
    record = runner.invoke(app, ["normalise", "-f", "jsonl"], input=GOOD + "\n").stdout.strip()
    path = tmp_path / "docs.jsonl"
    path.write_text((record + "\n") * 200, encoding="utf-8")
    assert path.stat().st_size > 4096 * 10
    result = runner.invoke(app, ["split", str(path), "-f", "jsonl"])
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 200


# --- 20.6: a charset the bytes do not bear out ---------------------------------------------------

PAGE = ("<html><head>{meta}<title>县住建局开展危房核查</title></head><body><div class=\"content\">"
        "<p>今年以来，县住建局开展危房核查，摸清底数，共排查农房1200户。</p>"
        "<p>文件存放在 C:\\new\\table\\u4e00 目录。</p></div></body></html>")


def _mhtml(page: bytes, charset: str) -> bytes:
    return (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"; boundary="B"\r\n\r\n'
            b"--B\r\nContent-Type: text/html; charset=\"" + charset.encode("latin-1") + b"\"\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n" + __import__("base64").encodebytes(page) + b"\r\n--B--\r\n")


@pytest.mark.parametrize("charset", ["utf-16", "utf-16le", "utf-16be", "utf-32"])
@pytest.mark.parametrize("how", ["meta", "mhtml"])
def test_a_utf8_page_that_says_utf16_is_read_as_utf8(tmp_path, charset, how):
    page = PAGE.format(meta=f'<meta charset="{charset}">' if how == "meta" else "").encode("utf-8")
    page += b"\n" * (len(page) % 2)  # an even length: UTF-16 decodes it without complaint
    path = tmp_path / ("page.html" if how == "meta" else "page.mht")
    path.write_bytes(page if how == "meta" else _mhtml(page, charset))
    result = runner.invoke(app, ["normalise", str(path), "-f", "jsonl"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["encoding"] == "utf-8" and "共排查农房1200户" in doc["text"]


@pytest.mark.parametrize("charset", ["unicode_escape", "raw_unicode_escape", "punycode", "utf-7", "rot13", "base64"])
@pytest.mark.parametrize("how", ["meta", "mhtml"])
def test_a_declared_codec_that_is_no_charset_is_never_used(tmp_path, charset, how):
    if how == "meta":
        path = tmp_path / "page.html"
        path.write_bytes(PAGE.format(meta=f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">')
                         .encode("utf-8"))
    else:
        path = tmp_path / "page.mht"
        path.write_bytes(_mhtml(PAGE.format(meta="").encode("utf-8"), charset))
    result = runner.invoke(app, ["normalise", str(path), "-f", "jsonl"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["encoding"] == "utf-8" and "C:\\new\\table\\u4e00" in doc["text"] and "共排查农房1200户" in doc["text"]


def test_a_gbk_page_that_says_gbk_is_still_read_by_its_charset(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(meta='<meta charset="gb2312">').encode("gbk"))
    doc = json.loads(runner.invoke(app, ["normalise", str(path), "-f", "jsonl"]).stdout)
    assert doc["encoding"] == "gb18030" and "共排查农房1200户" in doc["text"]


@pytest.mark.parametrize("encoding", ["unicode_escape", "base64", "rot13"])
def test_encoding_option_takes_only_a_character_encoding(tmp_path, encoding):
    path = tmp_path / "a.txt"
    path.write_text("C:\\new\\table 县住建局\n", encoding="utf-8")
    result = runner.invoke(app, ["normalise", str(path), "--encoding", encoding, "-f", "jsonl"])
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert f"a.txt: {encoding!r} is not a character encoding" in result.stderr


# --- 20.10: bombs --------------------------------------------------------------------------------

@pytest.mark.slow
def test_a_list_number_repeated_200000_times_on_5000_paragraphs_is_refused(tmp_path):
    data = docx("".join(paragraph("县住建局开展核查。", num=1) for _ in range(5000)), numbering=numbering("%1" * 200000))
    assert len(data) < 20_000
    folder = beside_a_good_file(tmp_path, "bomb.docx", data)
    refused(guarded("normalise", str(folder), "-f", "jsonl"), "bomb.docx", "list-number template")


@pytest.mark.parametrize("fmt", ["upperRoman", "lowerRoman", "upperLetter", "decimal"])
def test_a_list_starting_at_10_to_the_12_is_refused(tmp_path, fmt):
    data = docx(paragraph("县住建局开展核查。", num=1) * 3, numbering=numbering("%1.", start=10**12, fmt=fmt))
    folder = beside_a_good_file(tmp_path, "bomb.docx", data)
    refused(guarded("normalise", str(folder), "-f", "jsonl"), "bomb.docx", "list numbered from 1000000000000")


def test_a_list_in_roman_numerals_is_still_numbered():
    from bulletin_cli.changes import Changes
    from bulletin_cli.read.docx import docx_text, format_number

    assert [format_number(n, "upperRoman") for n in (1, 4, 9, 14, 40, 90, 400, 1994, 3999)] == [
        "I", "IV", "IX", "XIV", "XL", "XC", "CD", "MCMXCIV", "MMMCMXCIX"]
    data = docx(paragraph("县住建局开展核查。", num=1) * 2, numbering=numbering("%1、", start=3, fmt="upperRoman"))
    assert docx_text(data, Changes()) == "III、县住建局开展核查。\nIV、县住建局开展核查。"


@pytest.mark.slow
def test_twenty_header_parts_of_200_mb_are_refused(tmp_path):
    header = deflated(f"<w:hdr {W_NS}><w:p><w:r><w:t>".encode() + b"x" * 2**20, 200)  # never closed: it is cut
    body = deflated(document_xml(paragraph("县住建局开展核查。")))
    data = handmade_zip([("word/document.xml", body)] + [(f"word/header{k}.xml", header) for k in range(1, 21)])
    assert len(data) < 12 * 2**20
    folder = beside_a_good_file(tmp_path, "bomb.docx", data)
    refused(guarded("normalise", str(folder), "-f", "jsonl"), "bomb.docx", "not a document")


@pytest.mark.slow
def test_one_part_of_250_mb_is_refused(tmp_path):
    run = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 30000
    body = f"<w:document {W_NS}><w:body>".encode()
    data = handmade_zip([("word/document.xml", deflated(body + run * (250 * 2**20 // len(run))))])
    assert len(data) < 2**20
    folder = beside_a_good_file(tmp_path, "bomb.docx", data)
    refused(guarded("normalise", str(folder), "-f", "jsonl"), "bomb.docx", "not a document")


def test_a_document_of_too_many_elements_is_refused(tmp_path, monkeypatch):
    from bulletin_cli.read import zipxml

    monkeypatch.setattr(zipxml, "MAX_ELEMENTS", 1000)
    (tmp_path / "many.docx").write_bytes(docx(paragraph("县住建局开展核查。") * 400))
    result = runner.invoke(app, ["normalise", str(tmp_path / "many.docx")])
    assert result.exit_code == 1 and "many.docx" in result.stderr and "more than 1,000 XML elements" in result.stderr


def test_a_document_expanding_to_too_much_text_is_refused(tmp_path, monkeypatch):
    from bulletin_cli.read import zipxml

    monkeypatch.setattr(zipxml, "MAX_TEXT", 1000)
    (tmp_path / "long.docx").write_bytes(docx(paragraph("县住建局开展核查。" * 20) * 10))
    (tmp_path / "long.ofd").write_bytes(ofd("".join(text_object(10, 10 + 8 * k, "县住建局开展核查。" * 3)
                                                    for k in range(50))))
    result = runner.invoke(app, ["normalise", str(tmp_path)])
    assert result.exit_code == 1, result.stderr
    assert all(f"long.{k}" in result.stderr for k in ("docx", "ofd"))
    assert result.stderr.count("more than 1,000 characters of text") == 2


def test_an_ofd_glyph_advance_repeated_400000000_times_is_read(tmp_path):
    data = ofd(text_object(28, 40, "县住建局开展危房核查。", delta="g 400000000 1"))
    assert len(data) < 3000
    folder = beside_a_good_file(tmp_path, "bomb.ofd", data)
    result = guarded("normalise", str(folder), "-f", "jsonl")
    assert result.returncode == 0, result.stderr
    texts = [json.loads(line)["text"] for line in result.stdout.splitlines()]
    assert texts[0].startswith("县住建局开展危房核查。")


def test_an_ofd_listing_one_page_30000_times_is_refused(tmp_path):
    data = ofd("".join(text_object(28, 40 + 8 * k, "县住建局开展危房核查。") for k in range(30)), listed=30000)
    assert len(data) < 10_000
    folder = beside_a_good_file(tmp_path, "bomb.ofd", data)
    refused(guarded("normalise", str(folder), "-f", "jsonl"), "bomb.ofd", "pages")


def test_an_ofd_gap_of_a_million_widths_is_a_few_spaces():
    from bulletin_cli.read.layout import Piece, page_text

    text = page_text([Piece(0, 6, 10, 1e-6, "县政府办公室"), Piece(1e300, 1e300, 10, 1e-6, "2024年3月1日"),
                      Piece(1e300, 1e300, 20, 1e-6, "县住建局")])
    assert len(text) < 1000 and "县政府办公室" in text and "2024年3月1日" in text


def test_a_hundred_thousand_pieces_on_one_line_are_set_in_time():
    code = ("from bulletin_cli.read.layout import Piece, lines_of; "
            "pieces = [Piece(k * 5.0, k * 5.0 + 5, 10 + (k % 3) * 0.1, 5, '县') for k in range(100000)]; "
            "print(len(lines_of(pieces)))")
    # (the median of the line so far was taken again for each piece: hours)
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout == "1\n"


def _html_page(body: str) -> bytes:
    """A page ending in ``body``: nothing after it (a ``>`` at the end closed the hostile run at once)."""
    return f"<html><body><p>{GOOD}</p>{body}".encode()


@pytest.mark.slow
@pytest.mark.parametrize("body", ["<div>" * 100000 + "</span>" * 100000, "</" * 2000000, "<!" * 2000000,
                                  "<!--x>" * 400000, "<?" * 2000000, "<script>" + "</" * 2000000],
                         ids=["divs-then-spans", "end-tag-opens", "declaration-opens", "open-comments", "pis",
                              "script"])
def test_html_that_made_parsing_quadratic_is_read_in_time(tmp_path, body):
    folder = beside_a_good_file(tmp_path, "bomb.html", _html_page(body))
    result = guarded("normalise", str(folder), "-f", "jsonl")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    texts = [json.loads(line)["text"] for line in result.stdout.splitlines()]
    assert len(texts) == 2 and GOOD in texts[0]


# --- 20.14: damage named, not an internal error ---------------------------------------------------

def _damaged_docx(how: str) -> bytes:
    stream, crc, size = deflated(document_xml(paragraph("县住建局开展核查。") * 200))
    if how == "corrupt stream":
        stream = stream[:40] + bytes(b ^ 0x5A for b in stream[40:80]) + stream[80:]
    method, flags = {"encrypted": (8, 1), "unknown method": (99, 0)}.get(how, (8, 0))
    return handmade_zip([("[Content_Types].xml", deflated(b"<Types/>")), ("word/document.xml", (stream, crc, size))],
                        method=method, flags=flags)


@pytest.mark.parametrize("how, problem", [
    ("corrupt stream", "word/document.xml is damaged"),
    ("encrypted", "word/document.xml is encrypted: it needs a password"),
    ("unknown method", "word/document.xml is compressed by method 99")])
def test_a_damaged_word_file_names_the_damage(tmp_path, how, problem):
    folder = beside_a_good_file(tmp_path, "damaged.docx", _damaged_docx(how))
    result = runner.invoke(app, ["normalise", str(folder), "-f", "jsonl"])
    refused(result, "damaged.docx", problem)


@pytest.mark.parametrize("what, opening, middle, closing", [
    ("content controls", "<w:sdt><w:sdtContent>", paragraph("县住建局"), "</w:sdtContent></w:sdt>"),
    ("hyperlinks", "<w:hyperlink>", "<w:r><w:t>县住建局</w:t></w:r>", "</w:hyperlink>"),
    ("tables", "<w:tbl><w:tr><w:tc>", paragraph("县住建局"), "</w:tc></w:tr></w:tbl>")])
def test_word_nested_100000_deep_is_refused(tmp_path, what, opening, middle, closing):
    body = opening * 100000 + middle + closing * 100000
    if what == "hyperlinks":
        body = f"<w:p>{body}</w:p>"
    folder = beside_a_good_file(tmp_path, "deep.docx", docx(body))
    refused(guarded("normalise", str(folder), "-f", "jsonl"), "deep.docx", "nested more than 200 deep")


def test_word_nested_as_deep_as_word_nests_is_read(tmp_path):
    body = "<w:tbl><w:tr><w:tc>" * 20 + paragraph("县住建局开展核查。") + "</w:tc></w:tr></w:tbl>" * 20
    (tmp_path / "tables.docx").write_bytes(docx("<w:sdt><w:sdtContent>" * 10 + body + "</w:sdtContent></w:sdt>" * 10))
    result = runner.invoke(app, ["normalise", str(tmp_path / "tables.docx"), "-f", "jsonl"])
    assert result.exit_code == 0 and "县住建局开展核查。" in json.loads(result.stdout)["text"]


def test_mhtml_multiparts_nested_5000_deep_are_refused(tmp_path):
    page = f"<html><body><p>{GOOD}</p></body></html>".encode()
    head = b"MIME-Version: 1.0\r\n"
    opening, closing = [], []
    for k in range(5000):
        opening.append(f'Content-Type: multipart/related; boundary="b{k}"\r\n\r\n--b{k}\r\n'.encode())
        closing.append(f"\r\n--b{k}--\r\n".encode())
    data = (head + b"".join(opening) + b"Content-Type: text/html; charset=utf-8\r\n\r\n" + page
            + b"".join(reversed(closing)))
    folder = beside_a_good_file(tmp_path, "deep.mht", data)
    refused(guarded("normalise", str(folder), "-f", "jsonl"), "deep.mht", "5,000 multipart parts")


def test_a_charset_name_with_a_nul_is_no_charset_and_the_page_is_read(tmp_path):
    page = PAGE.format(meta="").encode("gbk")
    (tmp_path / "nul.mht").write_bytes(_mhtml(page, "gb\x00k"))
    result = runner.invoke(app, ["normalise", str(tmp_path / "nul.mht"), "-f", "jsonl"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["encoding"] == "gb18030" and "共排查农房1200户" in doc["text"]
