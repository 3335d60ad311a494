"""Start-up: patterns compiled when first used, the compiler's work kept between runs
(bulletin_cli.regexcache), and a one-file run that loads only what it needs."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from bulletin_cli import regexcache
from bulletin_cli.lexicon.patterns import Regex

from .conftest import seed_path

#: Patterns of the kinds the stages use: groups by name and number, classes of ideographs, flags.
PATTERNS = [
    (r"(?P<year>[12]\d{3})\s*年\s*(\d{1,2})\s*月", 0),
    (r"^[（(]?\s*(?:来源|供稿)\s*[:：]\s*(?P<source>[^\s）)]{2,20})", re.M),
    (r"<html[\s>]|<body[\s>]", re.IGNORECASE),
    (rb"charset\s*=\s*[\"']?([A-Za-z0-9_\-]{2,20})", re.IGNORECASE),
]
TEXT = "2024年3月5日，县住建局召开会议。\n（来源：县住建局）\n<HTML lang='zh'><meta charset=\"gb2312\">"


def _fresh(monkeypatch, folder) -> None:
    monkeypatch.setenv("BULLETIN_REGEX_CACHE", str(folder))
    monkeypatch.setattr(regexcache, "_programs", None)
    monkeypatch.setattr(regexcache, "_added", False)


def _same(a: re.Pattern, b: re.Pattern) -> None:
    subject = TEXT.encode("utf-8") if isinstance(a.pattern, bytes) else TEXT
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    assert [m.groups() for m in a.finditer(subject)] == [m.groups() for m in b.finditer(subject)]
    assert [m.groups() for m in a.finditer(subject)]


@pytest.mark.skipif(not regexcache._USABLE, reason="the regex cache is used on CPython 3.11+ only")
def test_a_pattern_read_back_from_the_cache_is_the_compiled_pattern(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path)
    first = [regexcache.compile(p, f) for p, f in PATTERNS]
    regexcache.save()
    assert list(tmp_path.glob("regex2-*.marshal"))
    _fresh(monkeypatch, tmp_path)
    # what a run holds of the file is bytes, not a list of ints per pattern (10 MB of objects
    # that every full garbage collection walked)
    assert all(type(program[1]) is bytes for program in regexcache._load().values())

    class NoCompiler:
        def parse(self, *args, **kwargs):
            raise AssertionError("compiled again")

    monkeypatch.setattr(regexcache, "_parser", NoCompiler())
    for (p, f), before in zip(PATTERNS, first):
        _same(regexcache.compile(p, f), re.compile(p, f))
        _same(regexcache.compile(p, f), before)


def test_without_the_cache_nothing_is_written(tmp_path, monkeypatch):
    _fresh(monkeypatch, "0")
    monkeypatch.chdir(tmp_path)
    _same(regexcache.compile(*PATTERNS[0]), re.compile(*PATTERNS[0]))
    regexcache.save()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not regexcache._USABLE, reason="the regex cache is used on CPython 3.11+ only")
@pytest.mark.parametrize("damage", [b"", b"\x00garbage", b"\xe3" * 100])
def test_a_damaged_cache_is_compiled_past_and_written_anew(tmp_path, monkeypatch, damage):
    _fresh(monkeypatch, tmp_path)
    target = regexcache._file(tmp_path)
    target.write_bytes(damage)
    _same(regexcache.compile(*PATTERNS[1]), re.compile(*PATTERNS[1]))
    regexcache.save()
    assert target.read_bytes() != damage and [p.name for p in tmp_path.iterdir()] == [target.name]


def test_a_bad_pattern_still_says_so():
    with pytest.raises(re.error):
        regexcache.compile("(unclosed")


def test_a_module_pattern_is_compiled_when_first_used():
    bad = Regex("(unclosed")  # a module defining it imports without compiling it
    assert bad.pattern == "(unclosed"
    with pytest.raises(re.error):
        bad.search("x")
    year = Regex(r"([12]\d{3})年")
    assert year.search("2024年").group(1) == "2024" and year.search.__self__ is year.compiled


def test_one_small_file_loads_neither_workers_nor_mail_nor_pydantic(tmp_path):
    """What a one-file split imports: not multiprocessing (only -j N), not email (MHTML only),
    not sqlite3 (duplicates are found by tag), not pydantic (typer 0.29 imports it for every option)."""
    code = ("import sys, io, contextlib\n"
            f"sys.argv = ['bulletin', 'split', {str(seed_path('001'))!r}, '-f', 'jsonl']\n"
            "from bulletin_cli.cli import main\n"
            "out = io.StringIO()\n"
            "try:\n    with contextlib.redirect_stdout(out): main()\nexcept SystemExit: pass\n"
            "import json\n"
            "print(json.dumps([m for m in ('multiprocessing', 'email', 'sqlite3', 'pydantic') if m in sys.modules]),"
            " out.getvalue().count('\\n'))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded, lines = done.stdout.rsplit(" ", 1)
    assert json.loads(loaded) == [] and int(lines) >= 5
