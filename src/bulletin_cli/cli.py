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
ERRORS = typer.Option("auto", "--errors",
                      help="auto: a few undecodable bytes (up to 1 in 1,000) are replaced with a warning, "
                           "more are an error; strict: any is an error; replace: go on whatever, counting them.")


def _err(message: str) -> None:
    """One line on standard error (an error, or a warning: see ``pipeline.WARNING``); never on
    standard output."""
    from rich.console import Console
    from rich.markup import escape

    from .pipeline import WARNING

    label = "[red]error[/red]"
    if message.startswith(WARNING):  # the input was still processed
        label, message = "[yellow]warning[/yellow]", message[len(WARNING):]
    Console(stderr=True, highlight=False, soft_wrap=True).print(f"{label}: {escape(message)}")


def _note(message: str) -> None:
    """An informational line on standard error."""
    from rich.console import Console
    from rich.markup import escape

    Console(stderr=True, highlight=False, soft_wrap=True).print(escape(message))


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


def _require_input(paths: Optional[List[str]]) -> None:
    """Say so, rather than wait silently, when no path is given and standard input is a terminal."""
    if not paths and sys.stdin.isatty():
        raise OutputError("no input: give files or folders, or pipe text or JSON Lines in")


def _inputs(paths: Optional[List[str]], glob: str) -> Iterator:
    from .inputs import read_inputs

    _require_input(paths)
    return read_inputs(list(paths or []), glob)


def _finish(tally: Tally, written: int) -> None:
    if tally.failed:
        _err(f"{tally.failed} input(s) failed; {written} record(s) written")
        raise typer.Exit(1)


def _settings(encoding: Optional[str], errors: str, skip: Optional[List[str]] = None,
              layout: Optional[str] = None, captions: bool = False) -> "Settings":
    """Options for the stages; a bad value is a usage error (exit 2)."""
    from .pipeline import Settings

    def usage(message: str) -> None:
        _err(message)
        raise typer.Exit(2)

    if errors not in ("auto", "strict", "replace"):
        usage("--errors must be auto, strict or replace")
    if layout:
        from .split import LAYOUTS

        if layout not in LAYOUTS:
            usage(f"unknown layout {layout!r}; choose from {', '.join(LAYOUTS)}")
    options = NormaliseOptions()
    for name in ",".join(skip or []).split(","):
        name = name.strip().replace("-", "_")
        if not name:
            continue
        if name not in NormaliseOptions.names():
            usage(f"unknown repair {name!r} for --skip; choose from {', '.join(NormaliseOptions.names())}")
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

    settings = _settings(encoding, errors, skip)

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
    from .lexicon import ConfigError, load_config

    try:
        cfg = load_config(config)
    except ConfigError as exc:
        _err(str(exc))
        raise typer.Exit(2) from None
    if show_config:
        import yaml

        typer.echo(yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), nl=False)
        raise typer.Exit()
    from .pipeline import item_error, to_items
    from .render import tag_table
    from .tag import tag_items

    settings = _settings(encoding, errors)

    def records(tally: Tally) -> Iterator[dict]:
        yield from tag_items(to_items(_inputs(paths, glob), _err, settings, tally), cfg, drop_duplicates,
                             on_error=item_error(tally, _err))

    _run(records, fmt, output, force, tag_table)


def _progress_bar(enabled: bool):
    """A rich progress bar on standard error (files done, items found, errors), or no-ops."""
    from contextlib import nullcontext

    if not enabled or not sys.stderr.isatty():
        return nullcontext((None, None))
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[items]} items, {task.fields[errors]} errors"),
                        TimeElapsedColumn(), console=Console(stderr=True), transient=False)

    class Bar:
        def __enter__(self):
            progress.start()
            self.task = progress.add_task("files", total=None, items=0, errors=0)
            return self.total, self.advance

        def total(self, n: int) -> None:
            progress.update(self.task, total=n)

        def advance(self, done: int, items: int, errors: int = 0) -> None:
            progress.update(self.task, completed=done, items=items, errors=errors)

        def __exit__(self, *exc) -> None:
            progress.stop()

    return Bar()


def _chain_records(paths, glob, settings, cfg, jobs, keep_documents, drop_duplicates, tally, summary,
                   show_progress, row_maker=None):
    """Records of the whole chain, with the progress bar driven as files finish."""
    from .batch import run

    if jobs == 0:
        import os

        jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    with _progress_bar(show_progress) as (on_total, advance):
        progress = (lambda done, items: advance(done, items, tally.failed)) if advance else None
        _require_input(paths)
        yield from run(list(paths or []), glob, settings, cfg, _err, tally, summary, jobs=jobs,
                       keep_documents=keep_documents, drop_duplicates=drop_duplicates, progress=progress,
                       on_total=on_total, row_maker=row_maker)


@app.command()
def export(
    paths: Optional[List[str]] = PATHS,
    glob: str = GLOB,
    fmt: Optional[str] = typer.Option(
        None, "--format", "-f",
        help="csv, json, jsonl, md, sqlite or any tabulate format; default from the -o suffix, "
             "else table on a terminal and jsonl when piped."),
    output: Optional[str] = OUTPUT,
    force: bool = typer.Option(False, "--force", help="Overwrite the output file (SQLite: start afresh)."),
    columns: Optional[str] = typer.Option(None, "--columns", help="Comma-separated columns, in order (dotted names)."),
    headers: str = typer.Option("en", "--headers", help="Column headers: en (field names) or zh (标题, 栏目, …)."),
    csv_encoding: str = typer.Option("utf-8-sig", "--encoding",
                                     help="CSV encoding: utf-8-sig (with BOM, for Excel), utf-8 or gb18030."),
    raw: bool = typer.Option(False, "--raw", help="CSV: do not escape cells that start like formulas."),
    table_format: str = typer.Option("pipe", "--table-format", help="tabulate format for md/table output."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=0, help="Worker processes; 0 for one per processor."),
    input_encoding: Optional[str] = typer.Option(None, "--input-encoding", help="Force the input encoding."),
    errors: str = ERRORS,
    config: Optional[List[str]] = typer.Option(None, "--config", help="YAML adding aliases and categories."),
    drop_duplicates: bool = typer.Option(False, "--drop-duplicates", help="Leave out repeated items."),
    layout: Optional[str] = typer.Option(None, "--layout", help="Force a layout for split."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar on a terminal."),
) -> None:
    """The whole chain to a file: one row per item in CSV, JSON, JSON Lines, Markdown or SQLite."""
    from .batch import Summary
    from .export import TABLE_FORMATS, guess_format
    from .lexicon import ConfigError, load_config
    from .pipeline import Tally

    try:
        cfg = load_config(config)
        settings = _settings(input_encoding, errors, layout=layout)
        chosen = fmt or guess_format(output)
        if output and not chosen:
            raise OutputError(f"{output}: cannot tell the format from the name; give --format")
        if not chosen:
            chosen = "table" if sys.stdout.isatty() else "jsonl"
        import tabulate as _tabulate

        if chosen not in TABLE_FORMATS + ("table",) and chosen not in _tabulate.tabulate_formats:
            raise OutputError(f"unknown format {chosen!r}; choose csv, json, jsonl, md, sqlite or a tabulate format")
        if chosen == "sqlite" and not output:
            raise OutputError("sqlite needs -o FILE")
        if headers not in ("en", "zh"):
            raise OutputError("--headers must be en or zh")
        if csv_encoding.lower() not in ("utf-8-sig", "utf-8", "utf8", "gb18030", "gbk"):
            raise OutputError("--encoding must be utf-8-sig, utf-8 or gb18030")
        if output:
            check_output(output, force or chosen == "sqlite")  # a database is added to, not overwritten
    except (OutputError, ConfigError) as exc:
        _err(str(exc))
        raise typer.Exit(2) from None
    from .export import RowMaker

    tally, summary = Tally(), Summary()
    cols = [c.strip() for c in columns.split(",") if c.strip()] if columns else None
    maker = RowMaker(cols, raw) if chosen == "csv" else None  # CSV rows are made in the workers
    records = _chain_records(paths, glob, settings, cfg, jobs, chosen == "sqlite", drop_duplicates, tally,
                             summary, progress, maker)
    try:
        written = _export_records(records, chosen, output, force, maker, headers, csv_encoding, table_format, cols)
    except OutputError as exc:
        _err(str(exc))
        raise typer.Exit(2) from None
    if not isinstance(written, int):  # the SQLite writer counts what it really added
        summary.units, summary.figures, written = written.units, written.figures, written.items
    where = f" to {output}" if output else ""
    _note(f"exported {written} items ({summary.units} units, {summary.figures} figures) from "
          f"{summary.documents} documents{where}; {summary.duplicates} duplicates; {tally.failed} failed")
    _finish(tally, written)


def _export_records(records, chosen, output, force, maker, headers, csv_encoding, table_format, cols) -> int:
    from .export import AtomicOutput, SqliteWriter, flatten, write_csv, write_table

    items = (r for r in records if r.get("type") == "item")
    if chosen == "sqlite":
        with AtomicOutput(output, binary=True, copy_existing=not force) as tmp:
            writer = SqliteWriter(tmp)
            try:
                for rec in records:
                    writer.add(rec)
            finally:
                writer.close()
        if writer.skipped:
            _note(f"{len(writer.skipped)} document(s) already in {output}: skipped")
        return writer
    if chosen in ("jsonl", "json"):
        return write_records(items, chosen, output)
    if chosen == "table":
        from .render import tag_table

        return write_records(items, "table", output, tag_table)
    if chosen == "csv":
        encoding = "utf-8-sig" if csv_encoding.lower() == "utf-8-sig" and output else (
            "utf-8" if csv_encoding.lower() in ("utf-8-sig", "utf8") else csv_encoding)
        if output:
            with AtomicOutput(output, encoding=encoding) as handle:
                return write_csv(items, handle, None, headers, maker=maker)
        sys.stdout.reconfigure(newline="")
        return write_csv(items, sys.stdout, None, headers, maker=maker)
    rows = (flatten(r) for r in items)
    table_fmt = table_format if chosen == "md" else chosen
    if output:
        with AtomicOutput(output, newline=None) as handle:
            return write_table(list(rows), handle, cols, headers, table_fmt)
    return write_table(list(rows), sys.stdout, cols, headers, table_fmt)


@app.command()
def stats(
    paths: Optional[List[str]] = PATHS,
    glob: str = GLOB,
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="table (default) or json."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=0, help="Worker processes; 0 for one per processor."),
    config: Optional[List[str]] = typer.Option(None, "--config", help="YAML adding aliases and categories."),
    top: int = typer.Option(10, "--top", help="How many units in the bar chart."),
) -> None:
    """Items per category, per unit and per issue date, and a bar chart of the busiest units."""
    from .batch import Summary
    from .lexicon import ConfigError, load_config
    from .pipeline import Tally
    from .render import stats_tables
    from .stats import count_items

    try:
        cfg = load_config(config)
        if fmt not in (None, "table", "json"):
            raise OutputError("stats --format must be table or json")
    except (OutputError, ConfigError) as exc:
        _err(str(exc))
        raise typer.Exit(2) from None
    tally, summary = Tally(), Summary()
    try:
        counts = count_items(_chain_records(paths, glob, _settings(None, "strict"), cfg, jobs, False, False, tally,
                                            summary, True))
    except OutputError as exc:
        _err(str(exc))
        raise typer.Exit(2) from None
    if fmt == "json":
        import json

        typer.echo(json.dumps(counts, ensure_ascii=False, indent=1))
    else:
        from rich.console import Console

        console = Console()
        for table in stats_tables(counts, top):
            console.print(table)
    _finish(tally, counts["items"])


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
