"""Decoding: BOMs, UTF-16, GB18030, Big5, mojibake, and clear errors for what is not text."""

from __future__ import annotations

import codecs

import pytest

from bulletin_cli.read.text import DecodeError, decode_bytes, repair_mojibake

from .conftest import seed_path

TEXT = seed_path("001").read_text(encoding="utf-8")


@pytest.mark.parametrize("codec, expected", [
    ("utf-8", "utf-8"),
    ("gb18030", "gb18030"),
    ("utf-16", "utf-16-le (BOM)"),
    ("utf-16-be", "utf-16-be"),
    ("utf-8-sig", "utf-8 (BOM)"),
])
def test_decodes_real_bulletin_in_each_encoding(codec, expected):
    data = TEXT.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
        expected = "utf-16-be (BOM)"
    result = decode_bytes(data)
    assert result.text == TEXT
    assert result.encoding == expected


def test_gb18030_bom_is_recognised():
    result = decode_bytes(b"\x84\x31\x95\x33" + "延津政务快报".encode("gb18030"))
    assert (result.text, result.encoding) == ("延津政务快报", "gb18030 (BOM)")


def test_utf16_without_bom_found_by_zero_bytes():
    result = decode_bytes("第43期\n2023年9月22日\n".encode("utf-16-le"))
    assert result.text.startswith("第43期") and result.encoding == "utf-16-le"


def test_big5_traditional_text_is_not_taken_for_gbk():
    text = "縣住房和城鄉建設局開展危房改造工作，確保群眾住房安全。"
    result = decode_bytes(text.encode("big5"))
    assert result.text == text and result.encoding == "big5"


def test_gbk_text_is_decoded_as_gb18030_superset():
    text = "县医疗保障局构建“全民医保”打造民生“兜底线”"
    assert decode_bytes(text.encode("gbk")).encoding == "gb18030"


@pytest.mark.parametrize("data, problem", [
    (b"", "empty"),
    (bytes(range(256)) * 8, "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
])
def test_not_text_is_a_decode_error(data, problem):
    with pytest.raises(DecodeError, match=problem):
        decode_bytes(data)


def test_undecodable_bytes_error_or_replace_and_count():
    data = "县住建局".encode("utf-8") + b"\xff\xfe\xfd" + "开展核查".encode("utf-8")
    data = data.replace(b"\xff\xfe", b"\x80\xff")  # no BOM, invalid everywhere
    with pytest.raises(DecodeError):
        decode_bytes(data, encoding="utf-8")
    result = decode_bytes(data, encoding="utf-8", errors="replace")
    assert result.replacements >= 1 and "县住建局" in result.text


@pytest.mark.parametrize("codec", ["utf-8", "gb18030"])
def test_auto_reads_a_file_with_a_stray_byte_and_refuses_a_damaged_one(codec):
    text = seed_path("001").read_text(encoding="utf-8")
    data = text.encode(codec)
    stray = data[:1001] + b"\xff" + data[1001:]
    with pytest.raises(DecodeError, match="first at offset"):
        decode_bytes(stray)  # strict, the library's default
    result = decode_bytes(stray, errors="auto")
    assert result.encoding == codec and 1 <= result.replacements <= 4
    assert result.text.count("\ufffd") == result.replacements and "延津政务快报" in result.text
    damaged = b"".join(data[k:k + 40] + b"\xff" for k in range(0, len(data), 40))  # one byte in 40
    with pytest.raises(DecodeError):
        decode_bytes(damaged, errors="auto")


def test_mojibake_utf8_read_as_latin1_is_repaired():
    broken = "县住建局危房改造".encode("utf-8").decode("latin-1")
    fixed, how = repair_mojibake(broken)
    assert fixed == "县住建局危房改造" and how == "utf-8 read as latin-1"


def test_unknown_forced_encoding_is_an_error():
    with pytest.raises(DecodeError, match="unknown encoding"):
        decode_bytes(b"abc", encoding="klingon")
