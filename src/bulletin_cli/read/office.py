"""Old binary Word and WPS files (``.doc``, ``.wps``: OLE2 compound files), read through LibreOffice.

No Python library reads the old Word format's text reliably (its text runs through a piece table
with fast-saved fragments; WPS writes its own variant), so these files are converted to DOCX by
LibreOffice (``soffice --headless --convert-to docx``) when it is installed, then read like any
DOCX. Each conversion gets a profile folder of its own, so ``-j N`` workers do not lock each other
out. Without LibreOffice the file gets one line naming what to install.

An OLE2 file may also be a password-protected DOCX (Word wraps those in OLE2 as an
``EncryptedPackage``), or a spreadsheet or slides: each gets its own line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: How long one conversion may take (a large document on a slow machine takes seconds).
TIMEOUT_S = 180
INSTALL_HINT = ("needs LibreOffice to read (install it: apt-get install libreoffice-writer, "
                "brew install --cask libreoffice, or libreoffice.org), or save it as .docx")


class OfficeError(ValueError):
    """A binary Office file that cannot be read."""


def is_ole2(data: bytes) -> bool:
    return data[:8] == OLE2_MAGIC


def _stream(name: str) -> bytes:
    return name.encode("utf-16-le")


def kind_of(data: bytes) -> str:
    """What an OLE2 file holds: ``word``, ``encrypted``, ``excel``, ``powerpoint`` or ``other``."""
    if _stream("EncryptedPackage") in data:
        return "encrypted"
    if _stream("WordDocument") in data:
        return "word"
    if _stream("Workbook") in data or _stream("Book") in data:
        return "excel"
    if _stream("PowerPoint Document") in data:
        return "powerpoint"
    return "other"


def office_program() -> str | None:
    """LibreOffice's ``soffice`` on the PATH or where installers put it."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for path in ("/Applications/LibreOffice.app/Contents/MacOS/soffice",
                 r"C:\Program Files\LibreOffice\program\soffice.exe",
                 "/opt/libreoffice/program/soffice", "/usr/lib/libreoffice/program/soffice"):
        if os.path.exists(path):
            return path
    return None


def to_docx(data: bytes, suffix: str = ".doc") -> bytes:
    """The DOCX LibreOffice makes of an old Word or WPS file."""
    kind = kind_of(data)
    if kind == "encrypted":
        raise OfficeError("encrypted Word file (it needs a password to open); save an unprotected copy")
    if kind in ("excel", "powerpoint"):
        raise OfficeError(f"an {kind.title()} file, not a document: export its text first")
    program = office_program()
    if program is None:
        raise OfficeError(f"old Word/WPS file: {INSTALL_HINT}")
    suffix = suffix.lower() if suffix.lower() in (".doc", ".wps", ".dot", ".wpt") else ".doc"
    with tempfile.TemporaryDirectory(prefix="bulletin-office-") as tmp:
        src = Path(tmp) / f"in{suffix}"
        src.write_bytes(data)
        out = Path(tmp) / "out"
        args = [program, f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}", "--headless",
                "--norestore", "--nologo", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(src)]
        try:
            proc = subprocess.run(args, capture_output=True, timeout=TIMEOUT_S, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise OfficeError(f"LibreOffice took over {TIMEOUT_S} s to convert it (a locked or damaged file?)") from None
        except OSError as exc:
            raise OfficeError(f"cannot run LibreOffice ({exc})") from None
        result = out / "in.docx"
        if not result.exists():
            said = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip().splitlines()
            raise OfficeError("LibreOffice could not convert it" + (f" ({said[-1][:100]})" if said else
                                                                     " (a damaged or password-protected file?)"))
        return result.read_bytes()
