"""The ``bulletin`` command: parses options, reads inputs, calls the stages, renders the result.

Heavy modules (rich, chardet, yaml, tabulate) are imported inside the functions that use them so
that ``bulletin --help`` stays fast; ruff's TID253 rule keeps it so.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Iterator, List, Optional

import typer

from .options import NormaliseOptions
from .output import OutputError, check_output, choose_format, write_records

if TYPE_CHECKING:
    from .pipeline import Settings, Tally

app = typer.Typer(
    name="bulletin",
    help="Turn Chinese local-government bulletins (政务快报, 工作简报, 工作总结) into structured data.\n\n"
         "Commands chain through pipes: bulletin normalise in/ | bulletin split | bulletin tag.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # plain click help: no rich import, fast start-up
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

PATHS = typer.Argument(None, help="Files, folders (searched recursively) or - for standard input.",
                       show_default=False)
GLOB = typer.Option("*.txt", "--glob", help="File names to take from folders.")
FORMAT = typer.Option(None, "--format", "-f",
                      help="table, jsonl or json. Default: table on a terminal, jsonl when piped.")
OUTPUT = typer.Option(None, "--output", "-o", help="Write to this file instead of standard output.")
FORCE = typer.Option(False, "--force", help="Overwrite the output file if it exists.")
ENCODING = typer.Option(None, "--encoding", help="Force an input encoding (utf-8, gb18030, big5, utf-16…).")
ERRORS = typer.Option("strict", "--errors",
                      help="strict: undecodable bytes are an error; replace: go on and count them.")


def _err(message: str) -> None:
    """One line on standard error; never on standard output."""
    from rich.console import Console
    from rich.markup import escape

    Console(stderr=True, highlight=False, soft_wrap=True).print(f"[red]error[/red]: {escape(message)}")


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"bulletin {version('bulletin-cli')}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    """Turn Chinese local-government bulletins into structured data."""


def _inputs(paths: Optional[List[str]], glob: str) -> Iterator:
    from .inputs import read_inputs

    if not paths and sys.stdin.isatty():
        raise OutputError("no input: give files or folders, or pipe text or JSON Lines in")
    return read_inputs(list(paths or []), glob)


def _finish(tally: Tally, written: int) -> None:
    if tally.failed:
        _err(f"{tally.failed} input(s) failed; {written} record(s) written")
        raise typer.Exit(1)


def _settings(encoding: Optional[str], errors: str, skip: Optional[List[str]] = None,
              layout: Optional[str] = None, captions: bool = False) -> "Settings":
    from .pipeline import Settings

    if errors not in ("strict", "replace"):
        raise OutputError("--errors must be strict or replace")
    options = NormaliseOptions()
    for name in ",".join(skip or []).split(","):
        name = name.strip().replace("-", "_")
        if not name:
            continue
        if name not in NormaliseOptions.names():
            raise OutputError(f"unknown repair {name!r} for --skip; choose from {', '.join(NormaliseOptions.names())}")
        setattr(options, name, False)
    return Settings(encoding=encoding, errors=errors, options=options, layout=layout, captions=captions)


def _run(records_fn, fmt: Optional[str], output: Optional[str], force: bool, table) -> None:
    """Shared tail of every command: choose the format, write, report, set the exit code."""
    try:
        from .pipeline import Tally

        fmt = choose_format(fmt, output)
        check_output(output, force)
        tally = Tally()
        written = write_records(records_fn(tally), fmt, output, table)
    except OutputError as exc:
        _err(str(exc))
        raise typer.Exit(2) from None
    _finish(tally, written)


@app.command()
def normalise(
    paths: Optional[List[str]] = PATHS,
    glob: str = GLOB,
    fmt: Optional[str] = FORMAT,
    output: Optional[str] = OUTPUT,
    force: bool = FORCE,
    encoding: Optional[str] = ENCODING,
    errors: str = ERRORS,
    skip: Optional[List[str]] = typer.Option(
        None, "--skip", help=f"Repairs to switch off (comma-separated): {', '.join(NormaliseOptions.names())}."),
    explain: bool = typer.Option(False, "--explain", help="Show each kind of change with examples, on stderr."),
) -> None:
    """Decode any encoding and repair PDF extraction damage; one document record per input."""
    from .pipeline import to_documents
    from .render import document_table, explain_changes

    try:
        settings = _settings(encoding, errors, skip)
    except OutputError as exc:
        _err(str(exc))
        raise typer.Exit(2) from None

    def records(tally: Tally) -> Iterator[dict]:
        for rec in to_documents(_inputs(paths, glob), _err, settings, tally):
            if rec.get("type") != "document":
                continue
            if explain:
                explain_changes(rec)
            yield rec

    _run(records, fmt, output, force, document_table)


@app.command()
def split(
    paths: Optional[List[str]] = PATHS,
    glob: str = GLOB,
    fmt: Optional[str] = FORMAT,
    output: Optional[str] = OUTPUT,
    force: bool = FORCE,
    encoding: Optional[str] = ENCODING,
    errors: str = ERRORS,
    layout: Optional[str] = typer.Option(None, "--layout", help="Force a layout: bulletin, outline, digest or plain."),
    captions: bool = typer.Option(False, "--captions", help="Also emit caption records for photo captions."),
) -> None:
    """Find masthead, sections, items (headline, body, units) and footer; one item record per item."""
    from .pipeline import to_items
    from .render import item_table
    from .structure import LAYOUTS

    if layout and layout not in LAYOUTS:
        _err(f"unknown layout {layout!r}; choose from {', '.join(LAYOUTS)}")
        raise typer.Exit(2)
    settings = _settings(encoding, errors, layout=layout, captions=captions)

    def records(tally: Tally) -> Iterator[dict]:
        yield from to_items(_inputs(paths, glob), _err, settings, tally)

    _run(records, fmt, output, force, item_table)


@app.command()
def tag(
    paths: Optional[List[str]] = PATHS,
    glob: str = GLOB,
    fmt: Optional[str] = FORMAT,
    output: Optional[str] = OUTPUT,
    force: bool = FORCE,
    encoding: Optional[str] = ENCODING,
    errors: str = ERRORS,
    config: Optional[List[str]] = typer.Option(
        None, "--config", help="YAML file adding to or overriding the shipped aliases and categories."),
    show_config: bool = typer.Option(False, "--show-config", help="Print the merged configuration and exit."),
    drop_duplicates: bool = typer.Option(False, "--drop-duplicates", help="Leave out items that repeat earlier ones."),
) -> None:
    """Canonical units, section category, figures, dates and duplicates for each item."""
    from .config import ConfigError, load_config

    try:
        cfg = load_config(config)
    except ConfigError as exc:
        _err(str(exc))
        raise typer.Exit(2) from None
    if show_config:
        import yaml

        typer.echo(yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), nl=False)
        raise typer.Exit()
    from .pipeline import to_items
    from .render import tag_table
    from .tagging import tag_items

    settings = _settings(encoding, errors)

    def records(tally: Tally) -> Iterator[dict]:
        yield from tag_items(to_items(_inputs(paths, glob), _err, settings, tally), cfg, drop_duplicates)

    _run(records, fmt, output, force, tag_table)


def main() -> None:
    """Console-script entry point: quiet on a closed pipe, 130 on Ctrl-C."""
    import os

    try:
        app()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
