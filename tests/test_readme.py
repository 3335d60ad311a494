"""The README's commands run as written after its two set-up commands: each `bulletin` command parses
with the command line's own options and names files of the clone or visible placeholders
(``path/to/…``), the extras it installs exist, and .ci/run runs its test command as written."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import typer

from bulletin_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```(sh|console)\n(.*?)^```", README, re.M | re.S)


def shell_lines() -> list[str]:
    """Every command line of the README's shell blocks (a console block's lines after ``$ ``)."""
    lines = []
    for kind, body in BLOCKS:
        for line in body.splitlines():
            if kind == "console":
                if not line.startswith("$ "):
                    continue
                line = line[2:]
            line = line.split("  #")[0].strip()
            if line and not line.startswith("#"):
                lines.append(line)
    return lines


def bulletin_commands() -> list[list[str]]:
    """Each ``bulletin …`` invocation, split into words, from pipes and ``&&`` chains too."""
    commands = []
    for line in shell_lines():
        words = shlex.split(line, comments=True)
        current: list[str] = []
        for word in words + ["|"]:
            if word in ("|", "&&", ">", "<"):
                if current and current[0] == "bulletin":
                    commands.append(current)
                current = [] if word != ">" else ["(redirect)"]
            else:
                current.append(word)
    return commands


def test_the_readme_opens_with_its_two_set_up_commands():
    kind, body = BLOCKS[0]
    first, second = body.strip().splitlines()
    assert kind == "sh" and README.index(body) < README.index("##")
    assert first.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install -q -e . && ")
    assert first.endswith("bulletin export samples/ -o items.csv --force")
    assert second == ("python3 -m venv .venv && . .venv/bin/activate && pip install -q -e '.[test]' "
                      "&& python -m pytest -q -rs")


def test_ci_runs_the_readmes_test_command_as_written_before_anything_else():
    second = BLOCKS[0][1].strip().splitlines()[1]
    ci = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line and not line.startswith("#")]
    runs = [i for i, line in enumerate(ci) if "pytest" in line]
    assert ci[runs[0]] == second
    assert any("engines" in ci[i] and "tests/test_engines.py" in ci[i] for i in runs[1:])


@pytest.mark.parametrize("words", bulletin_commands(), ids=lambda words: " ".join(words[:3]))
def test_each_bulletin_command_parses_and_names_real_files_or_placeholders(words):
    group = typer.main.get_command(app)
    with group.context_class(group, info_name="bulletin") as ctx:
        name, *rest = words[1:]
        command = group.get_command(ctx, name)
        assert command is not None, f"no command {name!r}"
        with command.make_context(name, rest, parent=ctx) as sub:  # unknown options, bad values: UsageError
            for path in sub.params.get("paths") or []:
                assert path == "-" or path.startswith("path/to/") or (ROOT / path).exists(), path


def test_the_readme_has_bulletin_commands_and_marks_every_placeholder():
    commands = bulletin_commands()
    assert len(commands) >= 10
    assert any(w.startswith("samples/") for words in commands for w in words)
    # the newcomer's placeholders of old, which looked like folders of the clone
    assert not re.search(r"(?<![\w/.-])(in|downloads|scans)/", "\n".join(shell_lines()))


def test_every_install_advice_works_from_the_clone():
    tomllib = pytest.importorskip("tomllib", reason="needs Python 3.11+ (tomllib) to read pyproject.toml")
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    assert "bulletin-cli[" not in README  # not on PyPI: `pip install 'bulletin-cli[ocr]'` finds nothing
    named = re.findall(r"pip install (?:-q )?-e '\.\[([\w,]+)\]'", README)
    assert {"test", "ocr", "parquet", "train"} <= {e for group in named for e in group.split(",")}
    for group in named:
        assert set(group.split(",")) <= set(extras), group
    assert "bulletin-cli[" not in (ROOT / ".ci" / "run").read_text()
