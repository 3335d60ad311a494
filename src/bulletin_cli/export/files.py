"""Where output goes: checks made before anything is written, and files written whole or not at all.

A regular file is written as an unnamed file in its folder (``O_TMPFILE``; where the file system
has none, under a temporary name beside it) and given its name on success, so an interrupted run,
even one killed outright, leaves the old file (or none) and no temporary file. Without ``--force``
the name is taken only if it is still free: of two runs writing one path at once, the second
refuses instead of replacing the first one's file.

A symbolic link is written through: the file it names is written, the link stays. A device, a
FIFO or a process's open file (``/dev/null``, ``/dev/stdout``, ``/proc/self/fd/1``, a named pipe)
is written to directly, appended to: it is never replaced by a regular file.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import IO

from ..lexicon.patterns import Regex

#: Temporary files with a name, being written now, so that an interrupted run can take them away
#: even when it cannot unwind (see ``cli.main``).
LIVE_TEMPS: set[str] = set()
#: The folder where a process's open files are links (``/dev/stdout`` links to ``/proc/self/fd/1``).
FD_FOLDER = Regex(r"/proc/(?:self|thread-self|\d+)(?:/task/\d+)?/fd")
#: Links followed, at most, to find whether a path leads to an open file (as the kernel's limit).
MAX_LINKS = 40
#: ``open`` failing with these for ``O_TMPFILE``: the file system (or the kernel) has no unnamed files.
NO_TMPFILE = frozenset({errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL})


class OutputError(Exception):
    """A usage problem with the output (file exists, unknown format): exit code 2."""


class OutputFailed(OSError):
    """The output could not be written (a full disk): exit code 1, the message says what was kept."""


def is_stream(path: str | os.PathLike) -> bool:
    """True for an existing path that is not a regular file or folder: a device or a FIFO."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def is_open_file(path: str | os.PathLike) -> bool:
    """True for a path that leads, through links, to a process's open file: ``/dev/stdout``,
    ``/dev/fd/1``, ``/proc/self/fd/1``, whatever that file is (a pipe, a terminal, a file the shell
    opened with ``>``)."""
    current = os.path.abspath(path)
    for _ in range(MAX_LINKS):
        if not os.path.islink(current):
            return False
        folder = os.path.dirname(current)
        if FD_FOLDER.fullmatch(os.path.realpath(folder)):
            return True
        current = os.path.join(folder, os.readlink(current))
    return False


def is_direct(path: str | os.PathLike) -> bool:
    """Whether ``path`` is written to directly, as it is: a device, a FIFO or an open file."""
    return is_stream(path) or is_open_file(path)


def check_output(output: str | None, force: bool) -> None:
    """Refuse to overwrite an existing file without ``--force``; name a folder that is missing."""
    if not output or output == "-" or is_direct(output):
        return
    path = Path(os.path.realpath(output))  # through a link: the file it names is written
    if path.is_dir():
        raise OutputError(f"{output}: is a folder; give a file name")
    parent = path.parent
    if not parent.is_dir():
        raise OutputError(f"{output}: folder {parent} does not exist")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"{output}: folder {parent} is not writable")
    if path.exists() and not force:
        raise OutputError(f"{output}: file exists; use --force to overwrite")


def _unnamed_file(folder: str) -> int | None:
    """An unnamed file in ``folder`` (``O_TMPFILE``): it is gone the moment its process ends,
    however it ends. None where the system has none (or no ``/proc`` to name it by later)."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY, 0o600)
    except OSError as exc:
        if exc.errno in NO_TMPFILE:
            return None
        raise


class AtomicOutput:
    """A file written whole or not at all at ``path`` (see the module's notes); ``replace``
    (``--force``) lets it replace a file that is there, else one that appeared meanwhile is
    left alone and :class:`OutputError` raised. Used as a context manager, it gives an open
    file (text, or bytes with ``binary``)."""

    def __init__(self, path: str, binary: bool = False, encoding: str = "utf-8", newline: str | None = "",
                 replace: bool = False) -> None:
        self.given = path
        self.binary, self.encoding, self.newline = binary, encoding, newline
        self.replace = replace
        self.handle: IO | None = None
        self.tmp: str | None = None
        self.direct = is_direct(path)
        self.path = Path(path) if self.direct else Path(os.path.realpath(path))
        if self.direct:
            return
        self.fd = _unnamed_file(str(self.path.parent))
        if self.fd is None:
            self.fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part",
                                                 dir=str(self.path.parent))
            LIVE_TEMPS.add(self.tmp)

    def __enter__(self) -> IO:
        mode = ("a" if self.direct else "w") + ("b" if self.binary else "")
        text = {} if self.binary else {"encoding": self.encoding, "newline": self.newline}
        self.handle = open(str(self.path) if self.direct else self.fd, mode, **text)
        return self.handle

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.direct:
            try:
                self.handle.close()
            except OSError:
                if exc_type is None:
                    raise
            return
        try:
            if exc_type is None:
                self.handle.flush()  # (a full disk shows here, before the file gets its name)
                self._name()
        finally:
            self._discard()

    def _name(self) -> None:
        """Give the finished file its name: take the name only while it is free, or with
        ``replace`` put the file in place of what is there."""
        os.fchmod(self.handle.fileno(), self._mode())  # a temporary file is 0600: the mode a new file gets
        target = str(self.path)
        try:
            if self.replace:
                os.replace(self.tmp or self._link_beside(), target)
            elif self.tmp:
                os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL))  # the name, or FileExistsError
                os.replace(self.tmp, target)
            else:
                self._link(self.path.name)
        except FileExistsError:
            raise OutputError(f"{self.given}: file exists (written by another run meanwhile); "
                              "use --force to overwrite") from None
        LIVE_TEMPS.discard(self.tmp)
        self.tmp = None

    def _link_beside(self) -> str:
        """A name beside the target for the unnamed file, for as long as it takes to rename it."""
        for k in range(100):
            name = f".{self.path.name}.{os.getpid()}.{k}.part"
            try:
                self._link(name)
            except FileExistsError:
                continue
            self.tmp = str(self.path.parent / name)
            LIVE_TEMPS.add(self.tmp)
            return self.tmp
        raise OSError(errno.EEXIST, "no free temporary name", str(self.path.parent))

    def _link(self, name: str) -> None:
        """Give the unnamed file ``name`` in its folder (FileExistsError if that is taken). The
        folder as a descriptor makes ``os.link`` call ``linkat`` following the ``/proc`` link to
        the file, as an unnamed file must be named (plain ``link`` would link the link)."""
        folder = os.open(self.path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.link(f"/proc/self/fd/{self.handle.fileno()}", name, dst_dir_fd=folder, follow_symlinks=True)
        finally:
            os.close(folder)

    def _mode(self) -> int:
        try:
            return self.path.stat().st_mode & 0o777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            return 0o666 & ~umask

    def _discard(self) -> None:
        """Close the file; a temporary name still there (the run failed) is taken away."""
        try:
            if self.handle:
                self.handle.close()
        except OSError:
            pass  # (the error that matters was raised already)
        if self.tmp:
            LIVE_TEMPS.discard(self.tmp)
            try:
                os.unlink(self.tmp)
            except FileNotFoundError:
                pass
