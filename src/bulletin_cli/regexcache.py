"""Regular expressions compiled once per machine, not once per run: like Python's own bytecode
cache (``__pycache__``), the program the regex compiler makes of each pattern is kept on disk,
keyed by the pattern, its flags and the interpreter, and a later run hands it straight to the
regex engine. Compiling the patterns a small file needs was a third of a one-file ``bulletin
split`` (Python's regex compiler is written in Python; the engine is C).

The cache is ``$XDG_CACHE_HOME/bulletin-cli/`` (else ``~/.cache/bulletin-cli/``); set
``BULLETIN_REGEX_CACHE=0`` to go without it, or to a folder to keep it there. It holds nothing
but compiled patterns: deleting it costs one slower run. Anything unexpected (another Python, an
unwritable home, a damaged file) falls back to ``re.compile`` silently.

Each program's opcodes are kept as bytes (an ``array`` of the engine's code words), unpacked into
the list the engine takes only for a pattern a run compiles: a list of Python ints per pattern,
for every pattern in the file, was 10 MB and 170,000 objects held all run, walked by every full
garbage collection.

>>> compile("([0-9]{4})年").search("2024年3月").group(1)
'2024'
"""

from __future__ import annotations

import os
import re
import sys
from array import array
from pathlib import Path

try:  # the regex compiler's parts (CPython 3.11+: re._parser, re._compiler)
    import _sre
    from re import _compiler, _parser
    #: the ``array`` type code of the engine's code words (``_sre.CODESIZE`` bytes each)
    _CODE = next((t for t in "IL" if array(t).itemsize == _sre.CODESIZE), "")
    _USABLE = sys.implementation.name == "cpython" and sys.version_info >= (3, 11) and bool(_CODE)
except ImportError:  # pragma: no cover - other Pythons
    _USABLE, _CODE = False, ""

#: (pattern, flags) -> the arguments of ``_sre.compile`` after the pattern, the code as bytes
_programs: dict | None = None
_added = False


def _folder() -> Path | None:
    setting = os.environ.get("BULLETIN_REGEX_CACHE")
    if setting == "0" or not _USABLE:
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "bulletin-cli"


def _file(folder: Path) -> Path:
    return folder / f"regex2-{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}.marshal"


def _load() -> dict:
    global _programs
    if _programs is None:
        _programs = {}
        folder = _folder()
        if folder is not None:
            import marshal

            try:
                loaded = marshal.loads(_file(folder).read_bytes())
                if isinstance(loaded, dict):
                    _programs = loaded
            except (OSError, ValueError, EOFError, TypeError):
                pass
    return _programs


def compile(pattern: str | bytes, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, the compiler's work read from the cache when it is there."""
    if not _USABLE:
        return re.compile(pattern, flags)
    flags = int(flags)
    programs = _load()
    key = (pattern, flags)
    program = programs.get(key)
    if program is not None:
        try:
            flags_, code, *rest = program
            return _sre.compile(pattern, flags_, array(_CODE, code).tolist(), *rest)
        except Exception:  # noqa: BLE001 - a program this engine does not take: compile anew
            pass
    try:
        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]  # (opcodes are named ints)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        compiled = _sre.compile(pattern, int(flags | parsed.state.flags), code, parsed.state.groups - 1,
                                groupindex, tuple(indexgroup))
        program = (int(flags | parsed.state.flags), array(_CODE, code).tobytes(), parsed.state.groups - 1,
                   groupindex, tuple(indexgroup))
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - the compiler's parts changed: the public way
        return re.compile(pattern, flags)
    _remember(key, program)
    return compiled


def _remember(key: tuple, program: tuple) -> None:
    global _added
    assert _programs is not None
    _programs[key] = program
    if not _added:
        _added = True
        import atexit

        atexit.register(save)


def save() -> None:
    """Write the cache (with what this run added), atomically; quietly nothing where it cannot."""
    global _added
    folder = _folder()
    if folder is None or not _added or _programs is None:
        return
    import marshal
    import tempfile

    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = _file(folder)
        try:  # what other runs added meanwhile is kept
            merged = marshal.loads(target.read_bytes())
            if not isinstance(merged, dict):
                merged = {}
        except (OSError, ValueError, EOFError, TypeError):
            merged = {}
        merged.update(_programs)
        if len(merged) > 20000:  # patterns of old versions pile up: start again
            merged = dict(_programs)
        data = marshal.dumps(merged)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".regex-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        _added = False
    except (OSError, ValueError):
        pass
