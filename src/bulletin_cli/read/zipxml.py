"""What the zip-of-XML formats (DOCX, OFD) share: telling them by the names inside, and one way
of turning a damaged zip or XML part into a message that names the format and what to do."""

from __future__ import annotations

import io
import zipfile
from contextlib import contextmanager
from typing import Iterator
from xml.etree import ElementTree as ET

ZIP_MAGIC = b"PK\x03\x04"
#: The largest part read from a zip: a Word or OFD file's XML is a few MB; more is a zip bomb.
MAX_PART = 256 * 2**20
#: What a damaged zip or XML part raises while it is read.
DAMAGE = (zipfile.BadZipFile, KeyError, OSError, EOFError, ET.ParseError, ValueError)


def names_in(data: bytes) -> set[str]:
    """The lower-cased names of the files in a zip (empty when ``data`` is no readable zip).

    >>> names_in(b"PK\\x03\\x04 cut short"), names_in(b"plain text")
    (set(), set())
    """
    if data[:4] != ZIP_MAGIC:
        return set()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return {n.lower() for n in z.NameToInfo}
    except (zipfile.BadZipFile, ValueError, OSError):
        return set()


@contextmanager
def opened(data: bytes, error: type[ValueError], what: str, fix: str) -> Iterator[zipfile.ZipFile]:
    """The zip in ``data``, any damage met while reading it raised as ``error`` naming ``what``
    (``corrupt Word file``) and ``fix`` (what the user can do); ``error`` itself passes through."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise error(f"{what} (not a readable zip: {exc}); {fix}") from None
    for info in z.infolist():
        if info.file_size > MAX_PART:
            z.close()
            raise error(f"{what} (a part would unpack to {info.file_size // 2**20} MB: not a document)")
    with z:
        try:
            yield z
        except error:
            raise
        except DAMAGE as exc:
            raise error(f"{what} ({type(exc).__name__}: {exc}); {fix}") from None
