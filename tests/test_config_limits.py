"""--config files that are hostile or odd (issue 20, items 11 and 15): a config is a small regular
YAML text file; anything else, any alias bomb (whichever YAML loader runs), any key or value of a
kind the lexicon does not hold, is refused in one line naming the file and the problem (exit 2),
within seconds and well under a gigabyte of memory."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bulletin_cli.cli import app
from bulletin_cli.lexicon import MAX_CONFIG_BYTES, ConfigError, load_config

from .conftest import seed_path

runner = CliRunner()
#: Memory any run may take, whatever the config (the issue's bar): its address space is capped there.
MEMORY = 1 << 30
#: Seconds any run may take, even on a loaded machine: past them it is hanging.
HANG_GUARD = 60


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _tag_with(config: Path) -> subprocess.CompletedProcess:
    """``bulletin tag SEED --config CONFIG`` in a process of its own, memory capped, hang guarded."""
    return subprocess.run([sys.executable, "-m", "bulletin_cli", "tag", str(seed_path("004")), "--config",
                           str(config)], capture_output=True, text=True, timeout=HANG_GUARD, preexec_fn=_cap_memory)


def _refused(result, config: Path, *words: str) -> None:
    """Exit 2 and one line naming the file and saying (at least) ``words``; no traceback."""
    err = result.stderr
    assert result.returncode == 2 if hasattr(result, "returncode") else result.exit_code == 2, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and str(config) in lines[0], err
    assert all(w in lines[0] for w in words), err
    assert "Traceback" not in err and "internal error" not in err


def _bomb(levels: int = 9) -> str:
    """A billion laughs inside a key the lexicon knows: 9 lists of 9 aliases of the list before."""
    lines = ["title_words:", "  - &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"  - &a{k} [" + ", ".join([f"*a{k - 1}"] * 9) + "]" for k in range(1, levels)]
    return "\n".join(lines) + "\n"


# --- item 11: what a config file may be -------------------------------------------------------

def test_an_alias_bomb_inside_a_known_key_is_refused_quickly_and_small(tmp_path):
    config = tmp_path / "bomb.yaml"
    config.write_text(_bomb(), encoding="utf-8")
    _refused(_tag_with(config), config, "alias")


def test_a_hundred_thousand_aliases_are_refused(tmp_path):
    config = tmp_path / "many.yaml"
    config.write_text("title_words: [&w 快报" + ", *w" * 100_000 + "]\n", encoding="utf-8")
    _refused(_tag_with(config), config, "aliases")


@pytest.mark.parametrize("loader", ["CSafeLoader", "SafeLoader"])
@pytest.mark.parametrize("text, message", [
    (_bomb(), "expand to more than"),
    ("title_words: [&w 快报" + ", *w" * 100_000 + "]\n", "more than 1000 YAML aliases"),
    ("title_words: &w [快报, *w]\n", "inside the value it names"),
    ("title_words: " + "[" * 2000 + "快报" + "]" * 2000 + "\n", "nested more than"),
], ids=["bomb", "many", "loop", "deep"])
def test_the_limits_hold_whichever_yaml_loader_runs(tmp_path, monkeypatch, loader, text, message):
    """libyaml's C loader composes a document with no Python hook; the pure-Python one is used where
    libyaml is missing. (Deep nesting may also be refused by the loader itself, as not valid YAML.)"""
    import yaml

    if not hasattr(yaml, loader):
        pytest.skip(f"no yaml.{loader} here")
    if loader == "SafeLoader":
        monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    config = tmp_path / "odd.yaml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=f"{message}|not valid YAML" if message == "nested more than" else message):
        load_config([str(config)])


def test_an_alias_inside_what_it_names_is_refused(tmp_path):
    config = tmp_path / "loop.yaml"
    config.write_text("title_words: &w [快报, *w]\n", encoding="utf-8")
    _refused(runner.invoke(app, ["tag", str(seed_path("004")), "--config", str(config)]), config, "alias")


def test_lists_nested_past_any_use_are_refused(tmp_path):
    config = tmp_path / "deep.yaml"
    config.write_text("title_words: " + "[" * 50 + "快报" + "]" * 50 + "\n", encoding="utf-8")
    _refused(runner.invoke(app, ["tag", str(seed_path("004")), "--config", str(config)]), config, "deep")


def test_a_hundred_megabyte_value_is_refused_unread(tmp_path):
    config = tmp_path / "huge.yaml"
    with config.open("wb") as fh:
        fh.write(b"title_words: [")
        for _ in range(100):
            fh.write(b"x" * (1 << 20))
        fh.write(b"]\n")
    _refused(_tag_with(config), config, f"{MAX_CONFIG_BYTES // (1 << 20)} MiB")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_with_no_writer_is_refused_not_waited_on(tmp_path):
    config = tmp_path / "pipe.yaml"
    os.mkfifo(config)
    _refused(_tag_with(config), config, "not a regular file")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_symlink_to_dev_zero_is_refused_unread(tmp_path):
    config = tmp_path / "zero.yaml"
    config.symlink_to("/dev/zero")
    _refused(_tag_with(config), config, "not a regular file")


def test_a_folder_is_refused(tmp_path):
    config = tmp_path / "conf.d"
    config.mkdir()
    _refused(runner.invoke(app, ["tag", str(seed_path("004")), "--config", str(config)]), config,
             "not a regular file")


def test_a_symlink_to_a_config_is_read(tmp_path):
    real = tmp_path / "real.yaml"
    real.write_text("title_words: [要闻]\n", encoding="utf-8")
    config = tmp_path / "link.yaml"
    config.symlink_to(real)
    result = runner.invoke(app, ["tag", "--show-config", "--config", str(config)])
    assert result.exit_code == 0 and "要闻" in result.stdout


# --- item 15: what a config may hold ----------------------------------------------------------

@pytest.mark.parametrize("text, words", [
    ("aliases:\n  ~: {canonical: 住房和城乡建设局, kind: bureau}\n", ["aliases", "empty key"]),
    ("aliases:\n  123: {canonical: 住房和城乡建设局, kind: bureau}\n", ["aliases", "123", "not a word"]),
    ("categories:\n  ~: {label: 金融, keywords: [助企服务]}\n", ["categories", "empty key"]),
    ("measures:\n  1: [kWh, 1]\n", ["measures", "not a word"]),
    ("county_words: [[1]]\n", ["county_words"]),
    ("suffix_kinds:\n  - [1, subdistrict]\n", ["suffix_kinds"]),
    ("magnitudes: {万: lots}\n", ["magnitudes"]),
    ("aliases:\n  住建局: {canonical: 住房和城乡建设局, kind: [bureau]}\n", ["aliases"]),
], ids=["alias-null-key", "alias-int-key", "category-null-key", "measure-int-key", "nested-list",
        "number-for-word", "word-for-number", "list-for-word"])
def test_a_key_or_value_of_the_wrong_kind_is_one_line_not_an_internal_error_per_item(tmp_path, text, words):
    config = tmp_path / "odd.yaml"
    config.write_text(text, encoding="utf-8")
    _refused(runner.invoke(app, ["tag", str(seed_path("004")), "--config", str(config)]), config, *words)


@pytest.mark.parametrize("text, words", [
    ("", ["empty", "title_words"]),
    ("# my words, to come\n", ["no settings", "title_words"]),
    ("{}\n", ["no settings", "title_words"]),
], ids=["empty", "comments-only", "empty-mapping"])
def test_a_config_with_nothing_in_it_says_why_it_is_refused(tmp_path, text, words):
    config = tmp_path / "none.yaml"
    config.write_text(text, encoding="utf-8")
    _refused(runner.invoke(app, ["tag", str(seed_path("004")), "--config", str(config)]), config, *words)
