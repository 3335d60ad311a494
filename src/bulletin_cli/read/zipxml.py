"""What the zip-of-XML formats (DOCX, OFD) share: telling them by the names inside, reading their
XML parts within what one document may expand to, and one way of turning a damaged zip or XML part
into a message that names the format, the damage and what to do.

A few kilobytes of zip can unpack to gigabytes, and a small XML part can nest a hundred thousand
elements deep or hold millions of them; so each part is unpacked and parsed a megabyte at a time,
and the bytes, elements, depth and text of the whole document are counted against the limits
below (:class:`Package`). Past any of them the file is refused as a bomb, in one line.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Iterator
from xml.etree import ElementTree as ET

ZIP_MAGIC = b"PK\x03\x04"
#: What one Word or OFD file may expand to, all the parts read together: a 500-page report is about
#: 20 MB of XML, a million elements a dozen deep and a million characters. Past any of these it is
#: a bomb, not a document. Bytes of XML unpacked:
MAX_UNPACKED = 128 * 2**20
#: Elements parsed (a parsed element takes about 200 bytes).
MAX_ELEMENTS = 2_000_000
#: Elements nested in one another (Word's deepest, a text box in a table in a table, are about 30).
MAX_DEPTH = 200
#: Characters of text the document gives, list numbers and page templates included.
MAX_TEXT = 8_000_000
#: How much of a part is unpacked and parsed at a time.
CHUNK = 2**20
#: What a part's damaged compressed data raises as it is unpacked.
UNPACKING: tuple[type[Exception], ...] = (zlib.error, EOFError)
try:
    import lzma

    UNPACKING += (lzma.LZMAError,)
except ImportError:  # (a Python built without it unpacks no LZMA part)
    pass
#: What a damaged zip or XML part raises while it is read.
DAMAGE = (zipfile.BadZipFile, KeyError, OSError, ET.ParseError, ValueError, *UNPACKING)
#: Compression methods Python's zipfile unpacks, by their number in a zip's headers.
METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate", zipfile.ZIP_BZIP2: "bzip2",
           zipfile.ZIP_LZMA: "lzma"}


class Bomb(ValueError):
    """A document that expands past what one may (:data:`MAX_UNPACKED` and the rest)."""


class Damage(ValueError):
    """A part that cannot be read, and why."""


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


@dataclass
class Package:
    """A zip of XML parts, read within what one document may expand to (see the module's notes)."""

    zip: zipfile.ZipFile
    unpacked: int = 0
    elements: int = 0
    chars: int = 0

    @property
    def names(self) -> list[str]:
        return list(self.zip.NameToInfo)

    def empty(self, name: str) -> bool:
        return self.zip.getinfo(name).file_size == 0

    def xml(self, name: str) -> ET.Element:
        """The parsed part ``name``, counted against the limits."""
        info = self.zip.getinfo(name)
        self._admit(info)
        try:
            with self.zip.open(info) as part:
                return self._parse(part, name)
        except UNPACKING as exc:
            raise Damage(f"{name} is damaged: its compressed data cannot be unpacked ({exc})") from None
        except zipfile.BadZipFile as exc:
            raise Damage(f"{name} is damaged ({exc})") from None

    def _admit(self, info: zipfile.ZipInfo) -> None:
        """Refuse a part that cannot be unpacked (a password, a method zip readers lack) or that
        would unpack past what is left of :data:`MAX_UNPACKED`, before unpacking it."""
        if info.flag_bits & 0x1:
            raise Damage(f"{info.filename} is encrypted: it needs a password to open")
        if info.compress_type not in METHODS:
            raise Damage(f"{info.filename} is compressed by method {info.compress_type}, which no zip reader "
                         f"here knows ({', '.join(METHODS.values())})")
        if info.file_size > MAX_UNPACKED:
            raise Bomb(f"a part would unpack to {info.file_size // 2**20:,} MB: not a document")
        if info.file_size > MAX_UNPACKED - self.unpacked:
            raise Bomb(f"its parts would unpack to more than {MAX_UNPACKED // 2**20:,} MB: not a document")

    def _parse(self, part: IO[bytes], name: str) -> ET.Element:
        """``part`` parsed a chunk at a time, its elements and their depth counted as they come."""
        parser = ET.XMLPullParser(("start", "end"))
        root: ET.Element | None = None
        depth = 0
        while chunk := part.read(CHUNK):
            self.unpacked += len(chunk)
            parser.feed(chunk)
            for event, element in parser.read_events():
                if event == "end":
                    depth -= 1
                    continue
                root = element if root is None else root
                depth += 1
                self.elements += 1
                if depth > MAX_DEPTH:
                    raise Bomb(f"elements nested more than {MAX_DEPTH:,} deep in {name}: not a document")
            if self.elements > MAX_ELEMENTS:
                raise Bomb(f"more than {MAX_ELEMENTS:,} XML elements: not a document")
        parser.close()
        if root is None:
            raise Damage(f"{name} is empty")
        return root

    def text(self, n: int) -> None:
        """Count ``n`` characters of text the document gives."""
        self.chars += n
        if self.chars > MAX_TEXT:
            raise Bomb(f"more than {MAX_TEXT:,} characters of text: not a document")


@contextmanager
def opened(data: bytes, error: type[ValueError], what: str, fix: str) -> Iterator[Package]:
    """The zip in ``data``, any damage met while reading it raised as ``error`` naming ``what``
    (``corrupt Word file``), the damage and ``fix`` (what the user can do), a bomb as ``error``
    naming what it expands past; ``error`` itself passes through."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise error(f"{what} (not a readable zip: {exc}); {fix}") from None
    with z:
        try:
            yield Package(z)
        except error:
            raise
        except Bomb as exc:
            raise error(f"{what} ({exc})") from None
        except Damage as exc:
            raise error(f"{what} ({exc}); {fix}") from None
        except DAMAGE as exc:
            raise error(f"{what} ({type(exc).__name__}: {exc}); {fix}") from None
