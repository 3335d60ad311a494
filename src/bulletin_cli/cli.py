"""The ``bulletin`` command: parses options, reads inputs, calls the chain, renders the result.

Every command runs the one chain driver (:func:`bulletin_cli.chain.run`) as far as its stage and
writes through the one output registry (:mod:`bulletin_cli.export`). Heavy modules (rich, chardet,
yaml, tabulate) are imported inside the functions that use them so that ``bulletin --help`` stays
fast; ruff's TID253 rule keeps it so.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Iterator, List, Optional

import typer

from .options import NormaliseOptions

if TYPE_CHECKING:
    from .chain import Settings, Summary, Tally
    from .export import WriteOptions

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
GLOB = typer.Option(None, "--glob", help="File names to take from folders (default: every format bulletin reads).")
FORMAT = typer.Option(None, "--format", "-f",
                      help="jsonl, json, table, csv, tsv, md, text, sqlite or a tabulate format. Default: from the "
                           "-o suffix, else table on a terminal and jsonl when piped.")
OUTPUT = typer.Option(None, "--output", "-o", help="Write to this file instead of standard output.")
FORCE = typer.Option(False, "--force", help="Overwrite the output file if it exists (SQLite: start afresh).")
ENCODING = typer.Option(None, "--encoding", help="Force the input encoding (utf-8, gb18030, big5, utf-16…).")
ERRORS = typer.Option("auto", "--errors",
                      help="auto: a few undecodable bytes (up to 1 in 1,000) are replaced with a warning, "
                           "more are an error; strict: any is an error; replace: go on whatever, counting them.")
CONFIG = typer.Option(None, "--config", help="YAML adding to the shipped lexicon: forms (title words, bullets, "
                                             "footer labels, measures…), unit aliases and categories.")
JOBS = typer.Option(1, "--jobs", "-j", min=0, help="Worker processes; 0 for one per processor.")
ROLES = typer.Option(None, "--roles", help="A role model fitted on your own labelled documents as well "
                     "(python scripts/roles.py fit --labels labels/roles --labels MINE --out MODEL); default: the shipped one.")
COLUMNS = typer.Option(None, "--columns", help="Table formats: comma-separated columns, in order (dotted names).")
HEADERS = typer.Option("en", "--headers", help="Table formats: column headers en (field names) or zh (标题, 栏目, …).")
CSV_ENCODING = typer.Option("utf-8-sig", "--csv-encoding",
                            help="CSV encoding: utf-8-sig (with BOM, for Excel), utf-8 or gb18030.")
RAW = typer.Option(False, "--raw", help="CSV: do not escape cells that start like formulas.")
TABLE_FORMAT = typer.Option("pipe", "--table-format", help="tabulate style for md output.")


def _err(message: str) -> None:
    """One line on standard error (an error, a warning or a note: see ``chain.WARNING``); never on
    standard output."""
    from rich.console import Console
    from rich.markup import escape

    from .chain import NOTE, WARNING

    label = "[red]error[/red]: "
    if message.startswith(WARNING):  # the input was still processed
        label, message = "[yellow]warning[/yellow]: ", message[len(WARNING):]
    elif message.startswith(NOTE):
        label, message = "", message[len(NOTE):]
    Console(stderr=True, highlight=False, soft_wrap=True).print(f"{label}{escape(message)}")


def _note(message: str) -> None:
    """An informational line on standard error."""
    _err("note: " + message)


def _count(n: int, word: str) -> str:
    """``1 file``, ``2 files``."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def _usage(message: str) -> None:
    """A usage error: one line, exit 2."""
    _err(message)
    raise typer.Exit(2)


def _check_stdout(output: Optional[str]) -> None:
    """Records for a standard output the caller closed (``>&-``) would go nowhere: a usage error."""
    if (not output or output == "-") and sys.stdout is None:
        _usage("standard output is closed: give -o FILE")


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


def _settings(stage: str, encoding: Optional[str], errors: str, config: Optional[List[str]],
              skip: Optional[List[str]] = None, layout: Optional[str] = None, captions: bool = False,
              explain: bool = False, keep_documents: bool = False, roles: Optional[str] = None) -> "Settings":
    """Options for the stages, the lexicon in force; a bad value is a usage error (exit 2)."""
    from .chain import Settings
    from .lexicon import ConfigError, load_config, use

    if errors not in ("auto", "strict", "replace"):
        _usage("--errors must be auto, strict or replace")
    if layout:
        from .split import LAYOUTS

        if layout not in LAYOUTS:
            _usage(f"unknown layout {layout!r}; choose from {', '.join(LAYOUTS)}")
    options = NormaliseOptions()
    for name in ",".join(skip or []).split(","):
        name = name.strip().replace("-", "_")
        if not name:
            continue
        if name not in NormaliseOptions.names():
            _usage(f"unknown repair {name!r} for --skip; choose from {', '.join(NormaliseOptions.names())}")
        setattr(options, name, False)
    try:
        cfg = load_config(config)
    except ConfigError as exc:
        _usage(str(exc))
    use(cfg)
    if roles:
        from .split.roles import load_model

        try:
            load_model(roles)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            _usage(f"--roles {roles}: not a role model ({exc.__class__.__name__}: {exc})")
    return Settings(encoding=encoding, errors=errors, options=options, layout=layout, captions=captions, cfg=cfg,
                    stage=stage, explain=explain, keep_documents=keep_documents, roles=roles)


def _write_options(kind: str, columns: Optional[str], headers: str, csv_encoding: str, raw: bool,
                   table_format: str, force: bool) -> "WriteOptions":
    from .export import CSV_ENCODINGS, WriteOptions

    if headers not in ("en", "zh"):
        _usage("--headers must be en or zh")
    if csv_encoding.lower() not in CSV_ENCODINGS:
        _usage("--csv-encoding must be utf-8-sig, utf-8 or gb18030")
    cols = [c.strip() for c in columns.split(",") if c.strip()] if columns else None
    if cols:
        from .export.rows import COLUMN_ALIASES, FIELDS, unknown_columns

        if bad := unknown_columns(cols, kind):
            nested = [f"{k}.{f}" for k in ("doc", "tags") if kind == "item" for f in FIELDS[k]]
            nested += list(COLUMN_ALIASES) if kind == "item" else []
            _usage(f"--columns: no such column {', '.join(bad)}; choose from {', '.join([*FIELDS[kind], *nested])}")
    return WriteOptions(kind=kind, columns=cols, headers=headers, csv_encoding=csv_encoding, raw=raw,
                        table_format=table_format, force=force, report=_note)


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


def _records(paths, glob, settings: "Settings", jobs: int, tally: "Tally", summary: "Summary",
             drop_duplicates: bool = False, show_progress: bool = False, row_maker=None) -> Iterator[dict]:
    """Records of the chain up to ``settings.stage``, with the progress bar driven as files finish."""
    from .chain import run

    if not paths and sys.stdin is not None and sys.stdin.isatty():  # (None: closed, <&-, read as an input error)
        from .export import OutputError

        raise OutputError("no input: give files or folders, or pipe text or JSON Lines in")
    if jobs == 0:
        import os

        jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    with _progress_bar(show_progress) as (on_total, advance):
        progress = (lambda done, items: advance(done, items, tally.failed)) if advance else None
        yield from run(list(paths or []), glob, settings, _err, tally, summary, jobs=jobs,
                       drop_duplicates=drop_duplicates, progress=progress, on_total=on_total, row_maker=row_maker)


def _repeat(n: int) -> str:
    return "repeats" if n == 1 else "repeat"


def _left_out(summary: "Summary", written, output: Optional[str], dropped: bool) -> str:
    """The summary's second line: which items were not written and why, and how many of those
    written repeat an earlier one; empty when there is nothing to say."""
    parts = []
    if written.present_items:
        parts.append(f"skipped {_count(written.present_items, 'item')} of "
                     f"{_count(written.present, 'document')} already in {output}")
    if written.repeated_items:
        parts.append(f"skipped {_count(written.repeated_items, 'item')} of documents already written in this run "
                     "(the same text under another file name; a database keeps each document once)")
    if dropped and summary.duplicates:
        parts.append(f"left out {_count(summary.duplicates, 'item')} that {_repeat(summary.duplicates)} an earlier item "
                     "(--drop-duplicates)")
    else:
        marked = written.marked if written.marked is not None else summary.duplicates
        if marked:
            parts.append(f"{marked} of the {_count(written.records, 'item')} written {_repeat(marked)} an earlier item "
                         "(marked in duplicate_of; --drop-duplicates leaves them out)")
    return "; ".join(parts)


def _emit(paths, glob, fmt: Optional[str], output: Optional[str], options: "WriteOptions", settings: "Settings",
          jobs: int = 1, drop_duplicates: bool = False, progress: bool = False, summary_line: bool = False,
          each=None) -> None:
    """Shared tail of every command: choose the format, run the chain, write, report, set the exit code.
    ``each`` sees every record on its way out (``normalise --explain``)."""
    import os

    from .chain import Summary, Tally
    from .export import OutputError, RowMaker, check_output, choose_format, write

    _check_stdout(output)
    tally, summary = Tally(), Summary()
    new_file = bool(output) and output != "-" and not os.path.exists(output)
    try:
        chosen = choose_format(fmt, output)
        check_output(output, options.force or chosen == "sqlite")  # a database is added to, not overwritten
        if chosen == "sqlite":
            settings.keep_documents = True  # the database keeps each document's text
        elif chosen == "csv" and options.kind == "item" and each is None:
            options.row_maker = RowMaker(options.columns, options.raw)  # CSV rows made in the workers
        records = _records(paths, glob, settings, jobs, tally, summary, drop_duplicates, progress, options.row_maker)
        if each is not None:
            records = (each(r) or r for r in records)
        written = write(records, chosen, output, options)
    except OutputError as exc:
        _usage(str(exc))
    except BrokenPipeError:  # the reader went away (| head -1): a quiet exit 0, as the README says
        _quiet_stdout()
        raise typer.Exit(0) from None
    except OSError as exc:  # a full disk, a folder that went away
        _err(f"{output or 'standard output'}: {exc.strerror or exc}")
        raise typer.Exit(1) from None
    if tally.failed and not written.records and new_file and os.path.isfile(output):
        os.unlink(os.path.realpath(output))  # every input failed: no file of headers alone (through a link)
        _note(f"nothing written: {output} not created")
        output = None
    if summary_line:
        units = written.units if written.units is not None else summary.units
        figures = written.figures if written.figures is not None else summary.figures
        where = f" to {output}" if output else ""
        present = f" ({written.present} already in {output}, skipped)" if written.present else ""
        _note(f"read {_count(tally.inputs, 'file')}: {_count(summary.documents, 'document')}{present}; "
              f"wrote {_count(written.records, 'item')} ({_count(units, 'unit')}, {_count(figures, 'figure')})"
              f"{where}; {tally.failed} failed")
        left_out = _left_out(summary, written, output, drop_duplicates)
        if left_out:
            _note(left_out)
    if tally.failed:
        _err(f"{tally.failed} input(s) failed; {written.records} record(s) written")
        raise typer.Exit(1)


@app.command()
def normalise(
    paths: Optional[List[str]] = PATHS,
    glob: Optional[str] = GLOB,
    fmt: Optional[str] = FORMAT,
    output: Optional[str] = OUTPUT,
    force: bool = FORCE,
    encoding: Optional[str] = ENCODING,
    errors: str = ERRORS,
    config: Optional[List[str]] = CONFIG,
    jobs: int = JOBS,
    skip: Optional[List[str]] = typer.Option(
        None, "--skip", help=f"Repairs to switch off (comma-separated): {', '.join(NormaliseOptions.names())}."),
    explain: bool = typer.Option(False, "--explain", help="Show each kind of change with examples, on stderr."),
    columns: Optional[str] = COLUMNS, headers: str = HEADERS, csv_encoding: str = CSV_ENCODING, raw: bool = RAW,
    table_format: str = TABLE_FORMAT,
) -> None:
    """Decode any encoding and repair PDF extraction damage; one document record per input."""
    settings = _settings("normalise", encoding, errors, config, skip)
    options = _write_options("document", columns, headers, csv_encoding, raw, table_format, force)
    each = None
    if explain:
        from .render import explain_changes as each
    _emit(paths, glob, fmt, output, options, settings, jobs, each=each)


@app.command()
def split(
    paths: Optional[List[str]] = PATHS,
    glob: Optional[str] = GLOB,
    fmt: Optional[str] = FORMAT,
    output: Optional[str] = OUTPUT,
    force: bool = FORCE,
    encoding: Optional[str] = ENCODING,
    errors: str = ERRORS,
    config: Optional[List[str]] = CONFIG,
    jobs: int = JOBS,
    layout: Optional[str] = typer.Option(None, "--layout", help="Force a layout: bulletin, article, outline, entries, digest or plain."),
    captions: bool = typer.Option(False, "--captions", help="Also emit caption records for photo captions."),
    explain: bool = typer.Option(False, "--explain", help="Say on stderr why each document got its layout: every "
                                 "layout's score, and each paragraph's role with the features that weighed most."),
    roles: Optional[str] = ROLES,
    columns: Optional[str] = COLUMNS, headers: str = HEADERS, csv_encoding: str = CSV_ENCODING, raw: bool = RAW,
    table_format: str = TABLE_FORMAT,
) -> None:
    """Find masthead, sections, items (headline, body, units) and footer; one item record per item."""
    settings = _settings("split", encoding, errors, config, layout=layout, captions=captions, explain=explain,
                         roles=roles)
    options = _write_options("item", columns, headers, csv_encoding, raw, table_format, force)
    _emit(paths, glob, fmt, output, options, settings, jobs)


@app.command()
def tag(
    paths: Optional[List[str]] = PATHS,
    glob: Optional[str] = GLOB,
    fmt: Optional[str] = FORMAT,
    output: Optional[str] = OUTPUT,
    force: bool = FORCE,
    encoding: Optional[str] = ENCODING,
    errors: str = ERRORS,
    config: Optional[List[str]] = CONFIG,
    jobs: int = JOBS,
    show_config: bool = typer.Option(False, "--show-config", help="Print the merged configuration and exit."),
    drop_duplicates: bool = typer.Option(False, "--drop-duplicates", help="Leave out items that repeat earlier ones."),
    roles: Optional[str] = ROLES,
    columns: Optional[str] = COLUMNS, headers: str = HEADERS, csv_encoding: str = CSV_ENCODING, raw: bool = RAW,
    table_format: str = TABLE_FORMAT,
) -> None:
    """Canonical units, section category, figures, dates and duplicates for each item."""
    settings = _settings("tag", encoding, errors, config, roles=roles)
    if show_config:
        _show_config(settings.cfg)
    options = _write_options("item", columns, headers, csv_encoding, raw, table_format, force)
    _emit(paths, glob, fmt, output, options, settings, jobs, drop_duplicates)


def _show_config(cfg) -> None:
    import yaml

    typer.echo(yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), nl=False)
    raise typer.Exit()


@app.command()
def export(
    paths: Optional[List[str]] = PATHS,
    glob: Optional[str] = GLOB,
    fmt: Optional[str] = FORMAT,
    output: Optional[str] = OUTPUT,
    force: bool = FORCE,
    encoding: Optional[str] = ENCODING,
    errors: str = ERRORS,
    config: Optional[List[str]] = CONFIG,
    jobs: int = JOBS,
    columns: Optional[str] = COLUMNS, headers: str = HEADERS, csv_encoding: str = CSV_ENCODING, raw: bool = RAW,
    table_format: str = TABLE_FORMAT,
    input_encoding: Optional[str] = typer.Option(None, "--input-encoding", hidden=True,
                                                 help="The same as --encoding (kept for older scripts)."),
    drop_duplicates: bool = typer.Option(False, "--drop-duplicates", help="Leave out repeated items."),
    layout: Optional[str] = typer.Option(None, "--layout", help="Force a layout for split."),
    roles: Optional[str] = ROLES,
    show_config: bool = typer.Option(False, "--show-config", help="Print the merged configuration and exit."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar on a terminal."),
) -> None:
    """The whole chain to a file: one row per item in CSV, JSON, JSON Lines, Markdown or SQLite."""
    settings = _settings("tag", encoding or input_encoding, errors, config, layout=layout, roles=roles)
    if show_config:
        _show_config(settings.cfg)
    options = _write_options("item", columns, headers, csv_encoding, raw, table_format, force)
    _emit(paths, glob, fmt, output, options, settings, jobs, drop_duplicates, progress, summary_line=True)


@app.command()
def stats(
    paths: Optional[List[str]] = PATHS,
    glob: Optional[str] = GLOB,
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="table (default) or json."),
    encoding: Optional[str] = ENCODING,
    errors: str = ERRORS,
    config: Optional[List[str]] = CONFIG,
    jobs: int = JOBS,
    top: int = typer.Option(10, "--top", help="How many units in the bar chart."),
) -> None:
    """Items per category, per unit and per issue date, and a bar chart of the busiest units."""
    from .chain import Summary, Tally
    from .export import OutputError
    from .render import stats_tables
    from .stats import count_items

    if fmt not in (None, "table", "json"):
        _usage("stats --format must be table or json")
    _check_stdout(None)
    settings = _settings("tag", encoding, errors, config)
    tally, summary = Tally(), Summary()
    try:
        counts = count_items(_records(paths, glob, settings, jobs, tally, summary, show_progress=True))
    except OutputError as exc:
        _usage(str(exc))
    if tally.failed and not counts["items"]:  # nothing counted (a missing path): the errors alone, no empty tables
        _err(f"{tally.failed} input(s) failed; 0 item(s) counted")
        raise typer.Exit(1)
    if fmt == "json":
        import json

        typer.echo(json.dumps(counts, ensure_ascii=False, indent=1))
    else:
        from rich.console import Console

        console = Console()
        for table in stats_tables(counts, top):
            console.print(table)
    if tally.failed:
        _err(f"{tally.failed} input(s) failed; {counts['items']} item(s) counted")
        raise typer.Exit(1)


class Interrupted(BaseException):
    """Ctrl-C, raised past click (which would turn KeyboardInterrupt into "Aborted!" and exit 1)."""


#: Seconds an interrupted run has to unwind (finish its files, stop its workers) before it is ended.
UNWIND = 3.0


def _interrupt(signum, frame) -> None:
    """Ctrl-C: unwind (files taken away, workers stopped); should that hang, end hard after a while."""
    import threading

    timer = threading.Timer(UNWIND, _hard_exit)
    timer.daemon = True
    timer.start()
    raise Interrupted


def _hard_exit() -> None:
    """End an interrupted run that could not unwind: its workers and temporary files go, exit 130."""
    import multiprocessing
    import os

    from .export.files import LIVE_TEMPS

    for child in multiprocessing.active_children():  # (left alone, they would wait on the pool for ever)
        child.kill()
    for path in list(LIVE_TEMPS):
        try:
            os.unlink(path)
        except OSError:
            pass
    sys.stderr.write("interrupted\n")
    sys.stderr.flush()
    os._exit(130)


def main() -> None:
    """Console-script entry point: quiet on a closed pipe (exit 0), ``interrupted`` and 130 on Ctrl-C."""
    import signal

    _hold_closed_streams()
    signal.signal(signal.SIGINT, _interrupt)
    try:
        app()
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(0)
    except Interrupted:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C while the pool winds down
        _hard_exit()  # (a pool held by a suspended generator is not wound down by the exception: end it)


def _hold_closed_streams() -> None:
    """Standard streams the caller closed (``<&-``, ``>&-``, ``2>&-``) are held open on /dev/null,
    so that no file this run opens takes their numbers (what a worker or a tool writes to standard
    error would go into it). ``sys.stdin`` and ``sys.stdout`` stay None, for the commands to see;
    messages for a closed standard error go to /dev/null."""
    import os

    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")


def _quiet_stdout() -> None:
    """Standard output to /dev/null: the reader of a pipe went away (| head -1), nothing more to say."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
