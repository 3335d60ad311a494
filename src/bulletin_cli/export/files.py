"""Where output goes: checks made before anything is written, and files written whole or not at all.

A regular file is written under a temporary name beside it and renamed into place on success, so
an interrupted run leaves the old file (or none). A device or a FIFO (``/dev/null``,
``/dev/stdout``, a named pipe) is written to directly: it is never replaced by a regular file.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path

#: Temporary files being written now, so that an interrupted run can take them away even when it
#: cannot unwind (see ``cli.main``).
LIVE_TEMPS: set[str] = set()


class OutputError(Exception):
    """A usage problem with the output (file exists, unknown format): exit code 2."""


def is_stream(path: str | os.PathLike) -> bool:
    """True for an existing path that is not a regular file or folder: a device or a FIFO."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def check_output(output: str | None, force: bool) -> None:
    """Refuse to overwrite an existing file without ``--force``; name a folder that is missing."""
    if not output or output == "-" or is_stream(output):
        return
    path = Path(output)
    if path.is_dir():
        raise OutputError(f"{output}: is a folder; give a file name")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{output}: folder {parent} does not exist")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"{output}: folder {parent} is not writable")
    if path.exists() and not force:
        raise OutputError(f"{output}: file exists; use --force to overwrite")


class AtomicOutput:
    """A file written under a temporary name next to ``path`` and renamed into place on success.

    ``copy_existing`` starts the temporary file as a copy of ``path`` (to append to a database).
    A device or FIFO is opened and written directly.
    """

    def __init__(self, path: str, binary: bool = False, encoding: str = "utf-8", newline: str | None = "",
                 copy_existing: bool = False) -> None:
        self.path = Path(path)
        self.binary, self.encoding, self.newline = binary, encoding, newline
        self.handle = None
        self.direct = is_stream(path)
        if self.direct:
            self.tmp = str(path)
            return
        fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part",
                                        dir=str(self.path.parent or Path(".")))
        os.close(fd)
        LIVE_TEMPS.add(self.tmp)
        if copy_existing and self.path.exists():
            shutil.copyfile(self.path, self.tmp)

    def __enter__(self):
        if not self.binary:
            self.handle = open(self.tmp, "w", encoding=self.encoding, newline=self.newline)
            return self.handle
        return self.tmp

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if self.handle:
                self.handle.close()
        except OSError:
            if exc_type is None:
                self._discard()
                raise
        if self.direct:
            return
        LIVE_TEMPS.discard(self.tmp)
        if exc_type is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = self.path.stat().st_mode & 0o777 if self.path.exists() else 0o666 & ~umask
            os.chmod(self.tmp, mode)  # mkstemp makes 0600; give the file the mode a new file gets
            os.replace(self.tmp, self.path)
        else:
            self._discard()

    def _discard(self) -> None:
        if not self.direct and os.path.exists(self.tmp):
            os.unlink(self.tmp)
